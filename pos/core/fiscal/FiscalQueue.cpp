#include "pos/core/fiscal/FiscalQueue.hpp"

#include "db/Database.hpp"
#include "pos/core/fiscal/FiscalCorrection.hpp"
#include "pos/core/fiscal/FiscalEmulator.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/organisation/StaffMember.hpp"
#include "pos/core/sale/Sale.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <iterator>

namespace salon::pos {

namespace {

std::int64_t own_salon(const Actor& actor) {
    const std::int64_t salon_id = actor.member().salon_id;
    if (salon_id == 0 || !works_in_salon(actor.member().role))
        throw RefusedError(tr("Only a salon's staff work at its till: you are not bound to a salon."));
    return salon_id;
}

std::string request_id_of(std::int64_t sale_id) { return "sale-" + std::to_string(sale_id); }

std::vector<QueuedReceipt> read_queue(db::Database& db, const std::string& where, long long a,
                                      const std::string& b) {
    std::vector<QueuedReceipt> out;
    QueuedReceipt q;
    long long id = 0, at = 0, total = 0, last = 0;
    const std::string sql =
        "SELECT s.id, s.kind, sh.number, s.receipt_number, s.created_at, s.total, s.fiscal_state, "
        "COALESCE(f.attempts, 0), COALESCE(f.last_attempt_at, 0), COALESCE(f.last_error, '') FROM shift sh "
        "JOIN sale s ON s.shift_id = sh.id LEFT JOIN fiscal_receipt f ON f.sale_id = s.id WHERE " +
        where + " AND s.fiscal_state <> 'fiscalised' AND s.total <> 0 ORDER BY s.id";
    db::Statement st = db.query(sql, soci::use(a, "a"), soci::use(b, "b"), soci::into(id), soci::into(q.kind),
                                soci::into(q.shift_number), soci::into(q.receipt_number), soci::into(at),
                                soci::into(total), soci::into(q.fiscal_state), soci::into(q.attempts),
                                soci::into(last), soci::into(q.last_error));
    st.execute();
    while (st.fetch()) {
        q.sale_id = id;
        q.created_at = at;
        q.total = total;
        q.last_attempt_at = last;
        out.push_back(q);
    }
    // The shifts' correction receipts wait in the same queue, in the order they were recorded.
    q = QueuedReceipt{};
    std::string operation;
    db::Statement ct = db.query(
        "SELECT c.id, c.operation, sh.number, c.created_at, c.amount, c.fiscal_state, c.attempts, "
        "COALESCE(c.last_attempt_at, 0), c.last_error FROM shift sh JOIN fiscal_correction c ON c.shift_id = "
        "sh.id WHERE " +
            where + " AND c.fiscal_state <> 'fiscalised' ORDER BY c.id",
        soci::use(a, "a"), soci::use(b, "b"), soci::into(id), soci::into(operation), soci::into(q.shift_number),
        soci::into(at), soci::into(total), soci::into(q.fiscal_state), soci::into(q.attempts), soci::into(last),
        soci::into(q.last_error));
    ct.execute();
    std::vector<QueuedReceipt> corrections;
    while (ct.fetch()) {
        q.correction_id = id;
        q.kind = "correction_" + operation;
        q.created_at = at;
        q.total = total;
        q.last_attempt_at = last;
        corrections.push_back(q);
    }
    if (!corrections.empty()) {
        std::vector<QueuedReceipt> merged;
        std::merge(out.begin(), out.end(), corrections.begin(), corrections.end(), std::back_inserter(merged),
                   [](const QueuedReceipt& x, const QueuedReceipt& y) { return x.created_at < y.created_at; });
        out.swap(merged);
    }
    return out;
}

std::vector<QueuedReceipt> till_queue(db::Database& db, std::int64_t salon_id, const std::string& till) {
    // Only the shifts not settled: a settled shift's sales are all fiscalised (see settle_shifts).
    return read_queue(
        db,
        "sh.salon_id = :a AND sh.till = :b AND NOT EXISTS (SELECT 1 FROM fiscal_settled_shift x "
        "WHERE x.shift_id = sh.id)",
        salon_id, till);
}

// A closed shift whose receipts are all fiscalised is settled: the queue stops reading its sales. Closed
// means no sale can join it any more (a sale checks its shift open in its own transaction).
void settle_shifts(db::Database& db, std::int64_t salon_id, const std::string& till) {
    const long long salon = salon_id;
    db::WriteTransaction tx(db);
    db.run(
        "INSERT INTO fiscal_settled_shift (shift_id) SELECT sh.id FROM shift sh WHERE sh.salon_id = :s AND "
        "sh.till = :t AND sh.closed_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM fiscal_settled_shift x "
        "WHERE "
        "x.shift_id = sh.id) AND NOT EXISTS (SELECT 1 FROM sale y WHERE y.shift_id = sh.id AND "
        "y.fiscal_state <> 'fiscalised' AND y.total <> 0) AND NOT EXISTS (SELECT 1 FROM fiscal_correction z WHERE z.shift_id = "
        "sh.id AND z.fiscal_state <> 'fiscalised')",
        soci::use(salon), soci::use(till));
    tx.commit();
}

FiscalReceipt receipt_of(const SaleRecord& sale) {
    FiscalReceipt r;
    r.request_id = request_id_of(sale.id);
    r.operation = sale.kind == "refund" ? FiscalOperation::refund : FiscalOperation::sale;
    r.total = sale.total.kopecks();
    r.card = sale.paid_card.kopecks();
    r.cash = r.total - r.card;  // the cash the receipt covers: what was handed over less the change
    r.cashier = sale.staff_name;
    for (const auto& l : sale.lines) {
        FiscalReceiptLine line;
        line.name = l.description;
        line.quantity = l.quantity;
        line.unit_price = l.unit_price.kopecks();
        line.amount = l.amount.kopecks();
        line.vat_code = l.vat_code;
        line.vat_basis_points = l.vat_basis_points;
        line.vat_amount = l.vat_amount.kopecks();
        line.payment_agent = l.agent;
        r.lines.push_back(line);
        // The supplier of agent lines (tags 1171, 1225, 1226) as kept with the sale when it was paid: a top-up
        // was only taken with them set, and a later change of the supplier is not this receipt's.
        if (l.agent && r.supplier_name.empty() && sale.supplier) {
            r.supplier_name = sale.supplier->name;
            r.supplier_inn = sale.supplier->inn;
            r.supplier_phone = sale.supplier->phone;
        }
    }
    return r;
}

// The registrar's fiscal shift is closed once past 24 hours; the next receipt opens a new one.
void close_expired_shift(db::Database& db, FiscalRegistrar& registrar, const std::string& cashier) {
    const RegistrarShift s = registrar.shift();
    if (s.open && db.now() - s.opened_at > kFiscalShiftSeconds) registrar.close_shift(cashier);
}

// "emulator EMU-000001": how the receipts' records name the registrar that registered them.
std::string registrar_name_of(FiscalRegistrar& registrar) {
    const RegistrarInfo info = registrar.info();
    return info.kind + " " + info.serial_number;
}

// A run starts by closing a fiscal shift past its 24 hours; a fault there stops the run before any receipt.
FiscalRun start_run(db::Database& db, FiscalRegistrar& registrar, const std::string& cashier) {
    FiscalRun run;
    try {
        close_expired_shift(db, registrar, cashier);
    } catch (const RegistrarFault& f) {
        run.fault = f.fault();
    }
    return run;
}

// Step 1. Returns false when the sale is fiscalised already; `attempts` is how many attempts came before.
bool claim(db::Database& db, std::int64_t salon_id, const std::string& till, std::int64_t sale_id,
           int& attempts) {
    db::WriteTransaction tx(db);
    const long long id = sale_id, salon = salon_id;
    std::string state;
    long long total = 0;
    const std::string lock = db.backend() == db::Backend::postgresql ? " FOR UPDATE OF s" : "";
    if (!db.run("SELECT s.fiscal_state, s.total FROM sale s JOIN shift sh ON sh.id = s.shift_id WHERE s.id = :id "
                "AND s.salon_id = :s AND sh.till = :t" +
                    lock,
                soci::use(id), soci::use(salon), soci::use(till), soci::into(state), soci::into(total)))
        throw RefusedError(trf("Sale {1} is not a sale of this till.", {std::to_string(sale_id)}));
    // Nothing paid (a free port-in): 54-FZ asks no receipt, so nothing is registered.
    if (state == "fiscalised" || !needs_fiscal_receipt(Money::from_kopecks(total))) {
        tx.commit();
        return false;
    }
    attempts = 0;
    const long long now = db.now();
    if (db.run("SELECT attempts FROM fiscal_receipt WHERE sale_id = :id", soci::use(id),
               soci::into(attempts)))
        db.run("UPDATE fiscal_receipt SET attempts = attempts + 1, last_attempt_at = :at WHERE sale_id = :id",
               soci::use(now), soci::use(id));
    else {
        const std::string request = request_id_of(sale_id);
        db.run(
            "INSERT INTO fiscal_receipt (sale_id, request_id, attempts, last_attempt_at) VALUES (:id, :q, 1, "
            ":at)",
            soci::use(id), soci::use(request), soci::use(now));
    }
    tx.commit();
    return true;
}

void record_refusal(db::Database& db, std::int64_t sale_id, FiscalFault fault) {
    db::WriteTransaction tx(db);
    const long long id = sale_id;
    const std::string code = to_string(fault);
    db.run("UPDATE fiscal_receipt SET last_error = :e WHERE sale_id = :id", soci::use(code), soci::use(id));
    db.run("UPDATE sale SET fiscal_state = 'failed' WHERE id = :id AND fiscal_state <> 'fiscalised'",
           soci::use(id));
    tx.commit();
}

// Step 3.
void record_document(db::Database& db, const Actor& actor, std::int64_t sale_id, const FiscalDocument& doc,
                     const std::string& registrar) {
    db::WriteTransaction tx(db);
    const long long id = sale_id, fd = doc.fd_number, at = doc.registered_at;
    const int shift = doc.shift_number, in_shift = doc.number_in_shift;
    db.run(
        "UPDATE fiscal_receipt SET last_error = '', registrar = :r, fn_number = :fn, fd_number = :fd, "
        "fiscal_sign = :fp, fiscal_shift = :sh, number_in_shift = :ns, registered_at = :at, qr_payload = :qr "
        "WHERE sale_id = :id",
        soci::use(registrar), soci::use(doc.fn_number), soci::use(fd), soci::use(doc.fiscal_sign),
        soci::use(shift), soci::use(in_shift), soci::use(at), soci::use(doc.qr_payload), soci::use(id));
    db.run("UPDATE sale SET fiscal_state = 'fiscalised' WHERE id = :id", soci::use(id));
    actor.record(db, "fiscal.receipt", "sale:" + std::to_string(sale_id),
                 "registrar=" + registrar + " fn=" + doc.fn_number + " fd=" + std::to_string(doc.fd_number) +
                     " fp=" + doc.fiscal_sign + " shift=" + std::to_string(doc.shift_number));
    tx.commit();
}

}  // namespace

std::unique_ptr<FiscalRegistrar> registrar_for_till(db::Database& db, std::int64_t salon_id,
                                                    const std::string& till) {
    const long long salon = salon_id;
    long long id = 0;
    std::string time_zone;
    auto find = [&] {
        return db.run(
            "SELECT r.id, s.time_zone FROM fiscal_registrar r JOIN salon s ON s.id = r.salon_id "
            "WHERE r.salon_id = :s AND r.till = :t",
            soci::use(salon), soci::use(till), soci::into(id), soci::into(time_zone));
    };
    if (!find()) {
        try {
            db::WriteTransaction tx(db);
            if (!find()) FiscalEmulator::install(db, salon_id, till);
            tx.commit();
        } catch (const soci::soci_error&) {
            // Another station installed the till's emulator at the same moment (the unique key refused the
            // second): its drive is the till's. Any other failure stands.
            if (!find()) throw;
        }
        if (id == 0 && !find()) throw std::runtime_error("fiscal: the till's emulator was not installed");
    }
    return std::make_unique<FiscalEmulator>(db, id, time_zone);
}

std::unique_ptr<FiscalRegistrar> registrar_for_till(db::Database& db, const Actor& actor,
                                                    const std::string& till) {
    actor.confirm(db);
    return registrar_for_till(db, own_salon(actor), till);
}

std::vector<QueuedReceipt> fiscal_queue(db::Database& db, const Actor& actor, const std::string& till) {
    actor.confirm(db);
    return till_queue(db, own_salon(actor), till);
}

std::vector<QueuedReceipt> shift_fiscal_queue(db::Database& db, std::int64_t shift_id) {
    return read_queue(db, "sh.id = :a AND :b = ''", shift_id, "");
}

FiscalRun fiscalise_sales(db::Database& db, const Actor& actor, const std::string& till,
                          FiscalRegistrar& registrar, const std::vector<std::int64_t>& sale_ids,
                          const FiscalStepHook& hook) {
    actor.confirm(db);
    const std::int64_t salon = own_salon(actor);
    const std::string registrar_name = registrar_name_of(registrar);
    FiscalRun run = start_run(db, registrar, actor.member().full_name);
    for (std::size_t i = 0; i < sale_ids.size() && run.fault == FiscalFault::none; ++i) {
        const std::int64_t sale_id = sale_ids[i];
        int attempts = 0;
        if (!claim(db, salon, till, sale_id, attempts)) continue;
        if (hook) hook(FiscalStep::claimed, sale_id);
        const FiscalReceipt receipt = receipt_of(get_sale(db, actor, sale_id));
        std::optional<FiscalDocument> doc;
        try {
            // An earlier attempt may have reached the registrar before this station stopped: its archive
            // has the document then, and nothing is registered again.
            if (attempts > 0) doc = registrar.find_document(receipt.request_id);
            if (!doc) doc = registrar.register_receipt(receipt);
        } catch (const RegistrarFault& f) {
            record_refusal(db, sale_id, f.fault());
            run.fault = f.fault();
            break;
        }
        if (hook) hook(FiscalStep::registered, sale_id);
        record_document(db, actor, sale_id, *doc, registrar_name);
        ++run.fiscalised;
    }
    settle_shifts(db, salon, till);
    run.waiting = static_cast<int>(till_queue(db, salon, till).size());
    return run;
}

FiscalRun retry_fiscal_queue(db::Database& db, const Actor& actor, const std::string& till,
                             FiscalRegistrar& registrar, const FiscalStepHook& hook) {
    std::vector<std::int64_t> ids, corrections;
    for (const QueuedReceipt& q : fiscal_queue(db, actor, till))
        (q.correction_id ? corrections : ids).push_back(q.correction_id ? q.correction_id : q.sale_id);
    FiscalRun run = fiscalise_sales(db, actor, till, registrar, ids, hook);
    if (run.fault != FiscalFault::none || corrections.empty()) return run;
    const int before = run.fiscalised;
    run = fiscalise_corrections(db, actor, till, registrar, corrections, hook);
    run.fiscalised += before;
    return run;
}

FiscalRun fiscalise_corrections(db::Database& db, const Actor& actor, const std::string& till,
                                FiscalRegistrar& registrar, const std::vector<std::int64_t>& correction_ids,
                                const FiscalStepHook& hook) {
    actor.confirm(db);
    const std::int64_t salon = own_salon(actor);
    const std::string registrar_name = registrar_name_of(registrar);
    const std::string cashier = actor.member().full_name;
    FiscalRun run = start_run(db, registrar, cashier);
    for (std::size_t i = 0; i < correction_ids.size() && run.fault == FiscalFault::none; ++i) {
        const long long id = correction_ids[i], salon_id = salon;
        int attempts = 0;
        {
            // Step 1, as claim() for a sale.
            db::WriteTransaction tx(db);
            std::string state;
            const std::string lock = db.backend() == db::Backend::postgresql ? " FOR UPDATE OF c" : "";
            if (!db.run("SELECT c.fiscal_state, c.attempts FROM fiscal_correction c JOIN shift sh ON sh.id = "
                        "c.shift_id WHERE c.id = :id AND c.salon_id = :s AND sh.till = :t" +
                            lock,
                        soci::use(id), soci::use(salon_id), soci::use(till), soci::into(state),
                        soci::into(attempts)))
                throw RefusedError(
                    trf("Correction {1} is not a correction of this till.", {std::to_string(id)}));
            if (state == "fiscalised") {
                tx.commit();
                continue;
            }
            const long long now = db.now();
            db.run("UPDATE fiscal_correction SET attempts = attempts + 1, last_attempt_at = :at WHERE id = :id",
                   soci::use(now), soci::use(id));
            tx.commit();
        }
        if (hook) hook(FiscalStep::claimed, id);
        const Correction c = get_correction(db, actor, id);
        CorrectionReceipt receipt;
        receipt.request_id = correction_request_id(id);
        receipt.operation = c.kind == CorrectionKind::refund ? FiscalOperation::refund : FiscalOperation::sale;
        receipt.total = c.amount.kopecks();
        (c.card ? receipt.card : receipt.cash) = receipt.total;
        receipt.vat_basis_points = c.vat_basis_points;
        receipt.reason = c.reason;
        receipt.basis_date = c.basis_date;
        receipt.basis_number = c.basis_number;
        receipt.by_order = c.by_order;
        receipt.cashier = c.staff_name;
        std::optional<FiscalDocument> doc;
        try {
            if (attempts > 0) doc = registrar.find_document(receipt.request_id);
            // A correction is registered inside an open fiscal shift (a receipt opens one by itself).
            if (!doc && !registrar.shift().open) registrar.open_shift(cashier);
            if (!doc) doc = registrar.register_correction(receipt);
        } catch (const RegistrarFault& f) {
            db::WriteTransaction tx(db);
            const std::string code = to_string(f.fault());
            db.run("UPDATE fiscal_correction SET last_error = :e, fiscal_state = 'failed' WHERE id = :id AND "
                   "fiscal_state <> 'fiscalised'",
                   soci::use(code), soci::use(id));
            tx.commit();
            run.fault = f.fault();
            break;
        }
        if (hook) hook(FiscalStep::registered, id);
        {
            // Step 3.
            db::WriteTransaction tx(db);
            const long long fd = doc->fd_number, at = doc->registered_at;
            const int shift = doc->shift_number, in_shift = doc->number_in_shift;
            db.run("UPDATE fiscal_correction SET last_error = '', fiscal_state = 'fiscalised', registrar = :r, "
                   "fn_number = :fn, fd_number = :fd, fiscal_sign = :fp, fiscal_shift = :sh, number_in_shift = "
                   ":ns, registered_at = :at, qr_payload = :qr WHERE id = :id",
                   soci::use(registrar_name), soci::use(doc->fn_number), soci::use(fd),
                   soci::use(doc->fiscal_sign), soci::use(shift), soci::use(in_shift), soci::use(at),
                   soci::use(doc->qr_payload), soci::use(id));
            actor.record(db, "fiscal.receipt", "correction:" + std::to_string(id),
                         "registrar=" + registrar_name + " fn=" + doc->fn_number +
                             " fd=" + std::to_string(doc->fd_number) + " fp=" + doc->fiscal_sign +
                             " shift=" + std::to_string(doc->shift_number));
            tx.commit();
        }
        ++run.fiscalised;
    }
    settle_shifts(db, salon, till);
    run.waiting = static_cast<int>(till_queue(db, salon, till).size());
    return run;
}

std::optional<FiscalAttributes> fiscal_attributes(db::Database& db, std::int64_t sale_id) {
    FiscalAttributes a;
    const long long id = sale_id;
    long long fd = 0, at = 0;
    std::string registrar;
    soci::indicator ind = soci::i_null;
    db.run(
        "SELECT fn_number, fd_number, fiscal_sign, fiscal_shift, number_in_shift, registered_at, qr_payload, "
        "registrar FROM fiscal_receipt WHERE sale_id = :id",
        soci::use(id), soci::into(a.fn_number, ind), soci::into(fd, ind), soci::into(a.fiscal_sign, ind),
        soci::into(a.shift_number, ind), soci::into(a.number_in_shift, ind), soci::into(at, ind),
        soci::into(a.qr_payload, ind), soci::into(registrar, ind));
    if (ind != soci::i_ok) return std::nullopt;
    a.fd_number = fd;
    a.registered_at = at;
    a.emulated = registrar.rfind("emulator", 0) == 0;
    return a;
}

FiscalStatus fiscal_status(db::Database& db, const Actor& actor, const std::string& till) {
    auto registrar = registrar_for_till(db, actor, till);
    FiscalStatus s;
    s.registrar = registrar->info();
    s.drive = registrar->drive_state();
    s.shift = registrar->shift();
    const auto queue = fiscal_queue(db, actor, till);
    s.queue_length = static_cast<int>(queue.size());
    if (!queue.empty()) s.oldest_queued_at = queue.front().created_at;
    return s;
}

void set_emulated_fault(db::Database& db, const Actor& actor, const std::string& till, FiscalFault fault) {
    actor.require(db, Permission::shift_open_close);
    auto registrar = registrar_for_till(db, actor, till);
    auto* emulator = dynamic_cast<FiscalEmulator*>(registrar.get());
    if (!emulator) throw RefusedError(tr("Only the emulator's faults are set by hand."));
    db::WriteTransaction tx(db);
    emulator->set_fault(fault);
    actor.record(db, "fiscal.fault", "till:" + till, "fault=" + to_string(fault));
    tx.commit();
}

FiscalFault open_fiscal_shift(db::Database& db, const Actor& actor, FiscalRegistrar& registrar) {
    actor.confirm(db);
    try {
        close_expired_shift(db, registrar, actor.member().full_name);
        if (!registrar.shift().open) registrar.open_shift(actor.member().full_name);
    } catch (const RegistrarFault& f) {
        return f.fault();
    }
    return FiscalFault::none;
}

FiscalClose close_fiscal_shift(db::Database& db, const Actor& actor, const std::string& till,
                               FiscalRegistrar& registrar) {
    FiscalClose c;
    c.run = retry_fiscal_queue(db, actor, till, registrar);
    try {
        if (registrar.shift().open) c.z = registrar.close_shift(actor.member().full_name);
    } catch (const RegistrarFault& f) {
        c.fault = f.fault();
    }
    return c;
}

}  // namespace salon::pos
