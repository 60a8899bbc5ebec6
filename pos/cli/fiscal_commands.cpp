// salon-cli fiscal status|queue|retry|fault: the till's fiscal registrar (R-POS-10), its shift and the
// receipts waiting for it, acting --as a salon person at --till. The registrar is the emulator unless a real
// driver is configured, and every output says so.
#include "db/UserError.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/common/Money.hpp"
#include "pos/core/fiscal/FiscalCorrection.hpp"
#include "pos/core/fiscal/FiscalQueue.hpp"
#include "pos/core/fiscal/PaymentAgent.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/sale/Sale.hpp"
#include "pos/print/ReceiptPdf.hpp"

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <memory>

namespace salon::cli {
using namespace salon::pos;

namespace {

// SALON_TEST_KILL_AT names a point of a fiscalisation (after_commit, claimed, registered) where the process
// kills itself with SIGKILL: the fault test proves a receipt is neither lost nor registered twice when the
// station dies there. Unset in normal use.
void kill_point(const char* point) {
    const char* at = std::getenv("SALON_TEST_KILL_AT");
    if (at && std::string(at) == point) std::raise(SIGKILL);
}

FiscalStepHook kill_hook() {
    return [](FiscalStep step, std::int64_t) {
        kill_point(step == FiscalStep::claimed ? "claimed" : "registered");
    };
}

std::string salon_time_zone(db::Database& db, const Actor& person) {
    std::string zone;
    const long long salon = person.member().salon_id;
    db.run("SELECT time_zone FROM salon WHERE id = :s", soci::use(salon), soci::into(zone));
    return zone;
}

std::string registrar_title(const RegistrarInfo& info) {
    if (info.emulated) return trf("EMULATOR {1} (not a fiscal device)", {info.serial_number}).str();
    return info.model + " " + info.serial_number;
}

nlohmann::json run_json(const FiscalRun& run) {
    return {{"fiscalised", run.fiscalised}, {"waiting", run.waiting}, {"fault", to_string(run.fault)}};
}

void print_run(const FiscalRun& run) {
    std::cout << trf("Fiscalised: {1}; waiting in the queue: {2}.",
                     {std::to_string(run.fiscalised), std::to_string(run.waiting)})
                     .str()
              << '\n';
    if (run.fault != FiscalFault::none)
        std::cout << trf("The registrar stopped: {1}.", {fiscal_fault_title(run.fault).str()}).str() << '\n';
}

// What became of a receipt or a correction just sent to the registrar.
void print_fiscalised(FiscalRegistrar& registrar, const std::string& fn, long long fd, const std::string& fp) {
    std::cout << trf("Fiscalised by the {1}: FN {2}, FD No. {3}, FP {4}.",
                     {registrar.info().emulated ? tr("emulator").str() : tr("registrar").str(), fn,
                      std::to_string(fd), fp})
                     .str()
              << '\n';
}

void print_awaiting(FiscalFault fault) {
    std::cout << trf("Awaiting fiscalisation ({1}): the receipt stays in the queue.", {fiscal_fault_title(fault).str()})
                     .str()
              << '\n';
}

}  // namespace

nlohmann::json fiscalise_committed(const CliContext& ctx, db::Database& db, const Actor& person,
                                   std::int64_t sale_id) {
    kill_point("after_commit");
    {
        // Nothing paid (a free port-in): no fiscal receipt is asked (54-FZ), none is queued or registered.
        long long total = 0;
        const long long id = sale_id;
        db.run("SELECT total FROM sale WHERE id = :id", soci::use(id), soci::into(total));
        if (!needs_fiscal_receipt(Money::from_kopecks(total))) {
            if (!ctx.json)
                std::cout << tr("No fiscal receipt: nothing was paid (54-FZ). The sale's document is its "
                                "application (salon-cli sales application).")
                                 .str()
                          << '\n';
            return {{"fiscal_state", "not_required"}};
        }
    }
    auto registrar = registrar_for_till(db, person, ctx.till_name());
    const FiscalRun run = fiscalise_sales(db, person, ctx.till_name(), *registrar, {sale_id}, kill_hook());
    std::string state;
    const long long id = sale_id;
    db.run("SELECT fiscal_state FROM sale WHERE id = :id", soci::use(id), soci::into(state));
    nlohmann::json out = {{"fiscal_state", state},
                          {"fiscal_fault", to_string(run.fault)},
                          {"fiscal_queue", run.waiting},
                          {"registrar", registrar->info().kind}};
    if (const auto a = fiscal_attributes(db, sale_id); a && state == "fiscalised")
        out["fiscal"] = {
            {"fn", a->fn_number}, {"fd", a->fd_number}, {"fp", a->fiscal_sign}, {"shift", a->shift_number}};
    if (!ctx.json) {
        if (state == "fiscalised")
            print_fiscalised(*registrar, out["fiscal"]["fn"].get<std::string>(), out["fiscal"]["fd"].get<long long>(),
                             out["fiscal"]["fp"].get<std::string>());
        else
            print_awaiting(run.fault);
    }
    return out;
}

void add_fiscal_commands(CLI::App& app, CliContext& ctx) {
    auto* fiscal = app.add_subcommand(
        "fiscal",
        tr("The fiscal registrar of this till and the receipts waiting for it (acting --as a salon person)")
            .str());
    fiscal->require_subcommand(1);

    auto* status = fiscal->add_subcommand(
        "status", tr("The registrar, its fiscal shift, the drive and the queue's length").str());
    status->callback([&ctx] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        const FiscalStatus s = fiscal_status(*db, person, ctx.till_name());
        const std::string zone = salon_time_zone(*db, person);
        if (ctx.json) {
            print_json({{"ok", true},
                        {"till", ctx.till_name()},
                        {"registrar",
                         {{"kind", s.registrar.kind},
                          {"emulated", s.registrar.emulated},
                          {"model", s.registrar.model},
                          {"serial_number", s.registrar.serial_number}}},
                        {"drive",
                         {{"fn", s.drive.fn_number},
                          {"documents", s.drive.documents},
                          {"capacity", s.drive.capacity},
                          {"ofd_online", s.drive.ofd_online},
                          {"oldest_unsent_at", s.drive.oldest_unsent_at}}},
                        {"fault", to_string(s.drive.fault)},
                        {"shift",
                         {{"open", s.shift.open},
                          {"number", s.shift.number},
                          {"opened_at", s.shift.opened_at},
                          {"receipts", s.shift.receipts}}},
                        {"queue_length", s.queue_length},
                        {"oldest_queued_at", s.oldest_queued_at}});
            return;
        }
        std::cout << trf("Registrar: {1}", {registrar_title(s.registrar)}).str() << '\n'
                  << trf("Fiscal drive: FN {1}, documents {2} of {3}",
                         {s.drive.fn_number, std::to_string(s.drive.documents),
                          std::to_string(s.drive.capacity)})
                         .str()
                  << '\n'
                  << trf("State: {1}", {fiscal_fault_title(s.drive.fault).str()}).str() << '\n';
        if (s.shift.open)
            std::cout << trf("Fiscal shift {1} open since {2}, receipts {3}",
                             {std::to_string(s.shift.number), local_date_time(s.shift.opened_at, zone),
                              std::to_string(s.shift.receipts)})
                             .str()
                      << '\n';
        else
            std::cout << tr("Fiscal shift: closed").str() << '\n';
        std::cout << trf("Queue: {1}", {std::to_string(s.queue_length)}).str() << '\n';
    });

    auto* queue = fiscal->add_subcommand(
        "queue", tr("The receipts of this till not yet fiscalised, oldest first").str());
    queue->callback([&ctx] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        const auto items = fiscal_queue(*db, person, ctx.till_name());
        if (ctx.json) {
            nlohmann::json list = nlohmann::json::array();
            for (const auto& q : items)
                list.push_back({{"sale_id", q.sale_id},
                                {"correction_id", q.correction_id},
                                {"kind", q.kind},
                                {"shift_number", q.shift_number},
                                {"receipt_number", q.receipt_number},
                                {"created_at", q.created_at},
                                {"total", q.total},
                                {"fiscal_state", q.fiscal_state},
                                {"attempts", q.attempts},
                                {"last_attempt_at", q.last_attempt_at},
                                {"last_error", q.last_error}});
            print_json({{"ok", true}, {"till", ctx.till_name()}, {"queue", list}});
            return;
        }
        if (items.empty()) {
            std::cout << tr("No receipt is waiting for the registrar.").str() << '\n';
            return;
        }
        const std::string zone = salon_time_zone(*db, person);
        std::vector<std::vector<std::string>> rows;
        for (const auto& q : items)
            rows.push_back(
                {std::to_string(q.correction_id ? q.correction_id : q.sale_id),
                 q.correction_id ? correction_kind_title(q.kind == "correction_refund" ? CorrectionKind::refund
                                                                                       : CorrectionKind::income)
                                       .str()
                 : q.kind == "refund" ? tr("refund").str()
                                      : tr("sale").str(),
                 std::to_string(q.shift_number), std::to_string(q.receipt_number),
                 local_date_time(q.created_at, zone), Money::from_kopecks(q.total).format(),
                 std::to_string(q.attempts),
                 q.last_error.empty() ? std::string("—")
                                      : fiscal_fault_title(fiscal_fault_from_string(q.last_error)).str()});
        print_table(
            {tr("Sale").str(), tr("Kind").str(), tr("Shift").str(), tr("Receipt").str(), tr("Time").str(),
             tr("Total").str(), tr("Attempts").str(), tr("Registrar's answer").str()},
            rows);
    });

    auto* retry =
        fiscal->add_subcommand("retry", tr("Send this till's queued receipts to the registrar again").str());
    retry->callback([&ctx] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        auto registrar = registrar_for_till(*db, person, ctx.till_name());
        const FiscalRun run = retry_fiscal_queue(*db, person, ctx.till_name(), *registrar, kill_hook());
        if (ctx.json) {
            nlohmann::json out = run_json(run);
            out["ok"] = true;
            out["registrar"] = registrar->info().kind;
            print_json(out);
            return;
        }
        print_run(run);
    });

    auto fault = std::make_shared<std::string>();
    auto* set_fault = fiscal->add_subcommand(
        "fault",
        tr("Make the emulator meet a fault (paper_out, cover_open, drive_full, offline_too_long) or none")
            .str());
    set_fault->add_option("fault", *fault, tr("The fault, or none to clear it").str())->required();
    set_fault->callback([&ctx, fault] {
        const FiscalFault f = fiscal_fault_from_string(*fault);  // refused before the database is opened
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        set_emulated_fault(*db, person, ctx.till_name(), f);
        if (ctx.json) return print_json({{"ok", true}, {"fault", to_string(f)}});
        std::cout << trf("Emulator: {1}.", {fiscal_fault_title(f).str()}).str() << '\n';
    });

    struct CorrectionOptions {
        std::string kind = "income", amount, reason, document, document_date, vat = "standard", type = "self";
        bool cash = false, card = false;
    };
    auto c = std::make_shared<CorrectionOptions>();
    auto* correction = fiscal->add_subcommand(
        "correction",
        tr("Register a correction receipt: money taken or paid back without a receipt (a senior)").str());
    correction->add_option("--kind", c->kind, tr("income or refund (refund of income)").str());
    correction->add_option("--amount", c->amount, tr("Amount, roubles").str())->required();
    auto* cash_flag = correction->add_flag("--cash", c->cash, tr("Paid in cash").str());
    auto* card_flag = correction->add_flag("--card", c->card, tr("Paid by card").str());
    cash_flag->excludes(card_flag);
    correction->add_option("--vat", c->vat, tr("VAT rate code: standard or none").str());
    correction->add_option("--reason", c->reason, tr("What was not registered and why").str())->required();
    correction->add_option("--document", c->document, tr("The basis document's number").str())->required();
    correction->add_option("--document-date", c->document_date, tr("The basis document's date, YYYY-MM-DD").str())
        ->required();
    correction->add_option("--type", c->type,
                           tr("Correction type (tag 1173): self (the till's own, the default) or order (by order of "
                              "the tax authority)")
                               .str());
    correction->callback([&ctx, c] {
        if (c->type != "self" && c->type != "order")
            throw InputError("type", tr("Correction type"), trf("unknown type \"{1}\": self or order", {c->type}));
        if (!c->cash && !c->card)
            throw InputError("payment", tr("Payment"), tr("choose how the money moved: --cash or --card"));
        CorrectionRequest r;
        r.kind = correction_kind_from_string(c->kind);
        try {
            r.amount = Money::parse(c->amount);
        } catch (const ValidationError& e) {
            throw InputError("amount", tr("Amount"), e.reason());
        }
        r.card = c->card;
        r.vat_code = c->vat;
        r.reason = c->reason;
        r.basis_number = c->document;
        r.basis_date = c->document_date;
        r.by_order = c->type == "order";
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        const std::int64_t id = record_correction(*db, person, ctx.till_name(), r);
        auto registrar = registrar_for_till(*db, person, ctx.till_name());
        const FiscalRun run = fiscalise_corrections(*db, person, ctx.till_name(), *registrar, {id}, kill_hook());
        const Correction saved = get_correction(*db, person, id);
        if (ctx.json) {
            nlohmann::json out = {{"ok", true},
                                  {"id", id},
                                  {"kind", to_string(saved.kind)},
                                  {"amount", saved.amount.kopecks()},
                                  {"payment", saved.card ? "card" : "cash"},
                                  {"vat", saved.vat_code},
                                  {"vat_basis_points", saved.vat_basis_points},
                                  {"document", saved.basis_number},
                                  {"document_date", saved.basis_date},
                                  {"type", saved.by_order ? "order" : "self"},
                                  {"shift_number", saved.shift_number},
                                  {"fiscal_state", saved.fiscal_state},
                                  {"fiscal_fault", to_string(run.fault)},
                                  {"fiscal_queue", run.waiting},
                                  {"registrar", registrar->info().kind}};
            if (saved.fiscal_state == "fiscalised")
                out["fiscal"] = {{"fn", saved.fn_number}, {"fd", saved.fd_number}, {"fp", saved.fiscal_sign}};
            print_json(out);
            return;
        }
        std::cout << trf("Correction {1} recorded: {2}, {3}.",
                         {std::to_string(id), correction_kind_title(saved.kind).str(), saved.amount.format()})
                         .str()
                  << '\n';
        if (saved.fiscal_state == "fiscalised")
            print_fiscalised(*registrar, saved.fn_number, saved.fd_number, saved.fiscal_sign);
        else
            print_awaiting(run.fault);
    });

    // The correction receipt as a document (54-FZ tags 1173/1174): text, 80 mm or A4 PDF, printed; as
    // `receipt show` prints a sale's receipt.
    struct CorrectionPdfOptions : ReceiptOutput {
        std::int64_t id = 0;
    };
    auto cp = std::make_shared<CorrectionPdfOptions>();
    auto* correction_pdf = fiscal->add_subcommand(
        "correction-pdf",
        tr("A correction receipt as printed: its type, basis document, reason, amount, VAT and, once registered, "
           "FN, FD, FP and the QR code (text, 80 mm or A4 PDF)")
            .str());
    correction_pdf->add_option("correction", cp->id, tr("The correction's number").str())->required();
    add_receipt_output(*correction_pdf, *cp, true);
    correction_pdf->callback([&ctx, cp] {
        parse_receipt_paper(cp->paper);  // refused before the database is opened
        auto db = ctx.open();
        const Actor actor = ctx.viewer(*db);
        const ReceiptDocument doc = correction_receipt(*db, actor, cp->id);
        put_out_receipt(ctx, doc, *cp,
                        {{"correction_id", cp->id}, {"kind", doc.kind}, {"fiscal_state", doc.fiscal_state}}, false);
    });

    struct AgentOptions {
        std::string operator_code, name, inn, phone;
    };
    auto a = std::make_shared<AgentOptions>();
    auto* agent = fiscal->add_subcommand(
        "agent", tr("Set an operator's supplier attributes for top-ups taken as its payment agent (administrator)")
                     .str());
    agent->add_option("operator", a->operator_code, tr("The operator's code (setting top_up_operator)").str())
        ->required();
    agent->add_option("--supplier-name", a->name, tr("The supplier's name (tag 1225)").str())->required();
    agent->add_option("--supplier-inn", a->inn, tr("The supplier's INN (tag 1226)").str())->required();
    agent->add_option("--supplier-phone", a->phone, tr("The supplier's phone (tag 1171)").str())->required();
    agent->callback([&ctx, a] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        const AgentSupplier s = set_agent_supplier(*db, person, {a->operator_code, a->name, a->inn, a->phone});
        const bool for_top_ups = s.operator_code == top_up_operator(*db);
        if (ctx.json)
            return print_json({{"ok", true},
                               {"operator", s.operator_code},
                               {"supplier_name", s.name},
                               {"supplier_inn", s.inn},
                               {"supplier_phone", s.phone},
                               {"top_up_operator", for_top_ups}});
        std::cout << trf("Payment agent's supplier of {1}: {2}, INN {3}, phone {4}.",
                         {s.operator_code, s.name, s.inn, s.phone})
                         .str()
                  << '\n';
        if (!for_top_ups)
            std::cout << trf("Note: the desk's top-ups are for operator \"{1}\".", {top_up_operator(*db)}).str()
                      << '\n';
    });
}

}  // namespace salon::cli
