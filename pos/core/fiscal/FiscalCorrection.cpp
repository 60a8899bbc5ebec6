#include "pos/core/fiscal/FiscalCorrection.hpp"

#include "db/Database.hpp"
#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/sale/Shift.hpp"

#include <soci/soci.h>

namespace salon::pos {

namespace {

// A correction is an exceptional document: the same limit as the desk's largest payment keeps a typo
// (an extra zero) from reaching the tax office.
constexpr std::int64_t kMaxCorrection = 100'000'000;  // 1 000 000,00 roubles

const char* kSelect =
    "SELECT c.id, c.shift_id, sh.number, sh.till, c.operation, c.amount, c.payment, c.vat_code, "
    "c.vat_basis_points, c.reason, c.basis_number, c.basis_date, p.full_name, c.created_at, c.fiscal_state, "
    "c.attempts, c.last_error, COALESCE(c.fn_number, ''), COALESCE(c.fiscal_sign, ''), "
    "COALESCE(c.fd_number, 0), c.correction_type FROM fiscal_correction c JOIN shift sh ON sh.id = c.shift_id "
    "JOIN staff p ON p.id = c.staff_id ";

std::vector<Correction> read_corrections(db::Database& db, const std::string& where, long long key) {
    std::vector<Correction> out;
    Correction c;
    long long id = 0, shift = 0, amount = 0, at = 0, fd = 0;
    std::string operation, payment, type;
    db::Statement st = db.query(
        std::string(kSelect) + where + " ORDER BY c.id", soci::use(key, "k"), soci::into(id), soci::into(shift),
        soci::into(c.shift_number), soci::into(c.till), soci::into(operation), soci::into(amount),
        soci::into(payment), soci::into(c.vat_code), soci::into(c.vat_basis_points), soci::into(c.reason),
        soci::into(c.basis_number), soci::into(c.basis_date), soci::into(c.staff_name), soci::into(at),
        soci::into(c.fiscal_state), soci::into(c.attempts), soci::into(c.last_error), soci::into(c.fn_number),
        soci::into(c.fiscal_sign), soci::into(fd), soci::into(type));
    st.execute();
    while (st.fetch()) {
        c.id = id;
        c.shift_id = shift;
        c.kind = operation == "refund" ? CorrectionKind::refund : CorrectionKind::income;
        c.amount = Money::from_kopecks(amount);
        c.card = payment == "card";
        c.created_at = at;
        c.fd_number = fd;
        c.by_order = type == "order";
        out.push_back(c);
    }
    return out;
}

}  // namespace

std::string to_string(CorrectionKind kind) { return kind == CorrectionKind::refund ? "refund" : "income"; }

CorrectionKind correction_kind_from_string(const std::string& text) {
    if (text == "income") return CorrectionKind::income;
    if (text == "refund") return CorrectionKind::refund;
    throw InputError("kind", tr("Correction type"),
                     trf("unknown type \"{1}\": income or refund (refund of income)", {text}));
}

Text correction_kind_title(CorrectionKind kind) {
    return kind == CorrectionKind::refund ? tr("correction: refund of income") : tr("correction: income");
}

std::string correction_request_id(std::int64_t correction_id) {
    return "correction-" + std::to_string(correction_id);
}

std::int64_t record_correction(db::Database& db, const Actor& actor, const std::string& till,
                               const CorrectionRequest& r) {
    actor.require(db, Permission::fiscal_correction);
    // Every input is checked before anything is written.
    if (r.amount <= Money())
        throw InputError("amount", tr("Amount"), tr("must be more than zero"));
    if (r.amount.kopecks() > kMaxCorrection)
        throw InputError("amount", tr("Amount"),
                         trf("a correction is at most {1}", {Money::from_kopecks(kMaxCorrection).format()}));
    const std::string reason = required_text("reason", tr("Reason"), r.reason, 500);
    if (reason.size() < 3) throw InputError("reason", tr("Reason"), tr("must be at least 3 characters"));
    const std::string number = required_text("document", tr("Basis document number"), r.basis_number, 64);
    const CalendarDate basis = CalendarDate::parse(r.basis_date, "document_date", tr("Basis document date"));

    db::WriteTransaction tx(db);
    const auto shift = open_shift_at(db, actor, till);
    if (!shift)
        throw RefusedError(trf("No shift is open at till \"{1}\": a correction belongs to the open shift.", {till}));
    const CalendarDate today = CalendarDate::of(db.now(), shift->time_zone);
    if (today < basis)
        throw InputError("document_date", tr("Basis document date"), tr("cannot be in the future"));
    const int vat_bp = vat_basis_points(db, r.vat_code, today);
    const long long salon = shift->salon_id, shift_id = shift->id, staff = actor.staff_id(),
                    amount = r.amount.kopecks(), now = db.now();
    const std::string operation = to_string(r.kind), payment = r.card ? "card" : "cash", date = basis.iso(),
                      type = r.by_order ? "order" : "self";
    const long long id = db.insert(
        "INSERT INTO fiscal_correction (salon_id, shift_id, staff_id, operation, amount, payment, vat_code, "
        "vat_basis_points, reason, basis_number, basis_date, created_at, correction_type) VALUES (:s, :sh, :p, "
        ":o, :a, :pay, :v, :bp, :r, :n, :d, :at, :ct)",
        soci::use(salon), soci::use(shift_id), soci::use(staff), soci::use(operation), soci::use(amount),
        soci::use(payment), soci::use(r.vat_code), soci::use(vat_bp), soci::use(reason), soci::use(number),
        soci::use(date), soci::use(now), soci::use(type));
    actor.record(db, "fiscal.correction", "correction:" + std::to_string(id),
                 "shift=" + std::to_string(shift->number) + " till=" + till + " kind=" + operation +
                     " type=" + type + " amount=" + r.amount.plain() + " payment=" + payment + " vat=" + r.vat_code +
                     " document=" + number + " date=" + date + " reason=" + reason);
    tx.commit();
    return id;
}

Correction get_correction(db::Database& db, const Actor& actor, std::int64_t correction_id) {
    actor.confirm(db);
    auto found = read_corrections(db, "WHERE c.id = :k", correction_id);
    if (found.empty())
        throw ValidationError(tr("Correction"), trf("no correction with number {1}", {std::to_string(correction_id)}));
    get_shift(db, actor, found.front().shift_id);  // refuses a salon the actor does not see
    return found.front();
}

ReceiptDocument correction_receipt(db::Database& db, const Actor& actor, std::int64_t correction_id) {
    const Correction c = get_correction(db, actor, correction_id);
    ReceiptDocument doc;
    const long long id = correction_id;
    long long fiscal_at = 0;
    std::string qr, registrar;
    soci::indicator at_ind = soci::i_null, qr_ind = soci::i_null, registrar_ind = soci::i_null;
    db.run("SELECT d.name, d.inn, sa.name, sa.address, sa.time_zone, c.registered_at, c.qr_payload, c.registrar, "
           "COALESCE(c.fiscal_shift, 0), COALESCE(c.number_in_shift, 0) FROM fiscal_correction c JOIN salon sa ON "
           "sa.id = c.salon_id JOIN dealer d ON d.id = sa.dealer_id WHERE c.id = :id",
           soci::use(id), soci::into(doc.dealer_name), soci::into(doc.dealer_inn), soci::into(doc.salon_name),
           soci::into(doc.salon_address), soci::into(doc.time_zone), soci::into(fiscal_at, at_ind),
           soci::into(qr, qr_ind), soci::into(registrar, registrar_ind), soci::into(doc.fiscal_shift),
           soci::into(doc.fiscal_number_in_shift));
    doc.till = c.till;
    doc.shift_number = c.shift_number;
    doc.receipt_number = static_cast<int>(c.id);
    doc.kind = c.kind == CorrectionKind::refund ? "correction_refund" : "correction_income";
    doc.created_at = c.created_at;
    doc.cashier_name = c.staff_name;
    doc.correction_by_order = c.by_order;
    doc.correction_basis_number = c.basis_number;
    doc.correction_basis_date = CalendarDate::parse(c.basis_date, "document_date", tr("Basis document date")).display();
    doc.correction_reason = c.reason;
    ReceiptDocument::Line line;
    line.line_no = 1;
    line.description = correction_kind_title(c.kind).str();
    line.unit_price = line.amount = c.amount.kopecks();
    line.vat_code = c.vat_code;
    line.vat_basis_points = c.vat_basis_points;
    // The VAT a correction's amount includes, as a sale's line computes it.
    line.vat_amount = vat_included(c.amount.kopecks(), c.vat_basis_points);
    doc.lines.push_back(line);
    doc.total = c.amount.kopecks();
    (c.card ? doc.paid_card : doc.paid_cash) = doc.total;
    doc.fiscal_state = c.fiscal_state;
    doc.qr_payload = receipt_qr_payload(doc);
    if (c.fiscal_state == "fiscalised") {
        doc.fiscal_fn = c.fn_number;
        doc.fiscal_fd = c.fd_number;
        doc.fiscal_sign = c.fiscal_sign;
        doc.fiscal_at = at_ind == soci::i_ok ? fiscal_at : 0;
        doc.fiscal_emulated = registrar_ind == soci::i_ok && registrar.rfind("emulator", 0) == 0;
        if (qr_ind == soci::i_ok && !qr.empty()) doc.qr_payload = qr;
    }
    return doc;
}

std::vector<Correction> shift_corrections(db::Database& db, std::int64_t shift_id) {
    return read_corrections(db, "WHERE c.shift_id = :k", shift_id);
}

}  // namespace salon::pos
