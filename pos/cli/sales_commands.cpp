// salon-cli sales list, sale commit|price|refund, gateway send and bench sale: the sales desk's verbs
// without a window. The till's verbs act as the salon person named by --as (signed in with a password).
#include "db/UserError.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/common/OutsideInput.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/sale/PortInApplication.hpp"
#include "pos/core/sale/Sale.hpp"
#include "pos/print/CupsPrinter.hpp"
#include "pos/print/PortInApplicationPdf.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/organisation/SupervisorApproval.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace salon::cli {
using namespace salon::pos;

void add_sale_bench(CLI::App& app, CliContext& ctx);  // sale_bench_command.cpp

namespace {

std::string fiscal_state_title(const std::string& state) {
    if (state == "fiscalised") return tr("fiscalised").str();
    if (state == "failed") return tr("fiscalisation failed").str();
    if (state == "not_required") return tr("no receipt: nothing paid").str();
    return tr("awaiting fiscalisation").str();
}

std::string sale_kind_title(const std::string& kind) {
    return kind == "refund" ? tr("refund").str() : tr("sale").str();
}

// Reads a draft in draft_to_json's form; a file that is missing or is not such JSON is refused naming
// "draft", a line of a kind this program does not know naming the line ("line2.kind"), rather than
// dropping it the way a saved draft of a newer version is.
SaleDraft read_draft_file(const std::string& path) {
    const std::string text =
        parse_input("draft", [&] { return read_outside_file(path, tr("Draft file"), kMaxDraftFileBytes); });
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        throw InputError("draft", tr("Draft file"), trf("{1} is not a sale draft in JSON", {path}));
    if (json.contains("lines")) {
        if (!json["lines"].is_array()) throw InputError("lines", tr("Sale"), tr("\"lines\" must be a list"));
        int n = 0;
        for (const auto& line : json["lines"]) {
            ++n;
            const std::string kind = line.is_object() ? line.value("kind", std::string()) : std::string();
            try {
                line_kind_from_string(kind);
            } catch (const InputError& e) {
                throw InputError("line" + std::to_string(n) + ".kind",
                                 trf("Line {1}: {2}", {std::to_string(n), e.field().str()}), e.reason());
            }
        }
    }
    try {
        return draft_from_json(text);
    } catch (const nlohmann::json::exception&) {
        // A field of the wrong type ("quantity": "two").
        throw InputError("draft", tr("Draft file"), trf("{1} has a field of the wrong type", {path}));
    }
}

nlohmann::json sale_json(const SaleRecord& s) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : s.lines)
        lines.push_back({{"id", l.id},
                         {"line_no", l.line_no},
                         {"kind", to_string(l.kind)},
                         {"description", l.description},
                         {"msisdn", l.msisdn},
                         {"quantity", l.quantity},
                         {"unit_price", l.unit_price.kopecks()},
                         {"amount", l.amount.kopecks()},
                         {"vat_code", l.vat_code},
                         {"vat_basis_points", l.vat_basis_points},
                         {"vat_amount", l.vat_amount.kopecks()},
                         {"agent", l.agent},
                         {"is_bundle", l.is_bundle},
                         {"refund_of_line", l.refund_of_line}});
    return {{"id", s.id},
            {"kind", s.kind},
            {"refund_of", s.refund_of},
            {"dealer", s.dealer_name},
            {"salon_id", s.salon_id},
            {"salon", s.salon_name},
            {"till", s.till},
            {"shift_number", s.shift_number},
            {"receipt_number", s.receipt_number},
            {"created_at", s.created_at},
            {"local_time", local_date_time(s.created_at, s.time_zone)},
            {"staff", s.staff_name},
            {"total", s.total.kopecks()},
            {"paid_cash", s.paid_cash.kopecks()},
            {"paid_card", s.paid_card.kopecks()},
            {"change_due", s.change_due.kopecks()},
            {"fiscal_state", s.fiscal_state},
            {"lines", lines}};
}

void print_quote(const SaleQuote& q) {
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < q.lines.size(); ++i) {
        const PricedLine& p = q.lines[i];
        rows.push_back({std::to_string(i + 1), p.description, std::to_string(p.quantity), p.unit_price.format(),
                        p.amount.format(),
                        p.vat_code == "none" || p.vat_basis_points == 0 ? tr("no VAT").str() : p.vat_amount.format(),
                        p.agent ? tr("payment agent").str() : std::string()});
    }
    print_table({tr("No.").str(), tr("Line").str(), tr("Qty").str(), tr("Price").str(), tr("Amount").str(),
                 tr("VAT").str(), tr("Note").str()},
                rows);
    std::cout << trf("Total: {1}", {q.total.format()}).str() << '\n';
    if (q.paid_cash > Money() || q.paid_card > Money())
        std::cout << trf("Paid: cash {1}, card {2}", {q.paid_cash.format(), q.paid_card.format()}).str() << '\n';
    if (q.paid_enough)
        std::cout << trf("Change: {1}", {q.change_due.format()}).str() << '\n';
    else
        std::cout << trf("Still to pay: {1}", {(q.total - q.paid_cash - q.paid_card).format()}).str() << '\n';
}

nlohmann::json quote_json(const SaleQuote& q) {
    nlohmann::json lines = nlohmann::json::array();
    for (const PricedLine& p : q.lines)
        lines.push_back({{"kind", to_string(p.kind)},
                         {"description", p.description},
                         {"msisdn", p.msisdn},
                         {"quantity", p.quantity},
                         {"unit_price", p.unit_price.kopecks()},
                         {"amount", p.amount.kopecks()},
                         {"vat_code", p.vat_code},
                         {"vat_basis_points", p.vat_basis_points},
                         {"vat_amount", p.vat_amount.kopecks()},
                         {"agent", p.agent},
                         {"is_bundle", p.is_bundle}});
    return {{"ok", true},
            {"lines", lines},
            {"total", q.total.kopecks()},
            {"paid_cash", q.paid_cash.kopecks()},
            {"paid_card", q.paid_card.kopecks()},
            {"change_due", q.change_due.kopecks()},
            {"paid_enough", q.paid_enough}};
}

struct ListOptions {
    std::string from, to;
    std::int64_t salon = 0;
    int limit = 1000;
};

// The sales of the salons' own local days [from, to]: each salon's days start at its own midnight, so a
// head-office list over salons from Kaliningrad to Vladivostok asks each salon for its own hours.
std::vector<SaleRecord> sales_of_days(db::Database& db, const Actor& actor, const ListOptions& o) {
    const CalendarDate from = CalendarDate::parse(o.from, "from", tr("From"));
    const CalendarDate to = CalendarDate::parse(o.to, "to", tr("To"));
    if (to < from) throw InputError("to", tr("To"), tr("must not be before the first day"));
    std::vector<Salon> salons;
    const StaffMember& m = actor.member();
    if (works_in_salon(m.role) && m.salon_id != 0)
        salons.push_back(get_salon(db, actor, m.salon_id));
    else if (o.salon != 0)
        salons.push_back(get_salon(db, actor, o.salon));
    else
        salons = list_salons(db, actor);
    std::vector<SaleRecord> out;
    for (const Salon& s : salons) {
        auto part = list_sales(db, actor, from.start_unix(s.time_zone), to.plus_days(1).start_unix(s.time_zone), s.id,
                               o.limit);
        out.insert(out.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
    }
    std::stable_sort(out.begin(), out.end(), [](const SaleRecord& a, const SaleRecord& b) {
        return a.created_at != b.created_at ? a.created_at > b.created_at : a.id > b.id;
    });
    if (o.limit > 0 && static_cast<int>(out.size()) > o.limit) out.resize(static_cast<std::size_t>(o.limit));
    return out;
}

}  // namespace

void add_sales_commands(CLI::App& app, CliContext& ctx) {
    // ---- sales list
    auto* sales = app.add_subcommand("sales", tr("Sales and refunds made at the salons").str());
    sales->require_subcommand(1);
    auto lo = std::make_shared<ListOptions>();
    auto* list = sales->add_subcommand(
        "list", tr("Sales and refunds of the salons' local days FROM to TO (inclusive), newest first; as --as "
                   "a person, else head office's view")
                    .str());
    list->add_option("--from", lo->from, tr("First day: YYYY-MM-DD or DD.MM.YYYY").str())->required();
    list->add_option("--to", lo->to, tr("Last day (inclusive): YYYY-MM-DD or DD.MM.YYYY").str())->required();
    list->add_option("--salon", lo->salon, tr("Salon record number (head office and dealers' managers)").str());
    list->add_option("--limit", lo->limit, tr("At most this many, newest first (default 1000)").str())
        ->check(CLI::Range(1, 1000000));
    list->callback([&ctx, lo] {
        auto db = ctx.open();
        const Actor actor = ctx.viewer(*db);
        std::vector<SaleRecord> found;
        reporting_input(ctx, [&] { found = sales_of_days(*db, actor, *lo); });
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& s : found) out.push_back(sale_json(s));
            print_json(out);
            return;
        }
        std::vector<std::vector<std::string>> rows;
        Money total;
        for (const auto& s : found) {
            rows.push_back({std::to_string(s.id), s.salon_name, std::to_string(s.receipt_number),
                            std::to_string(s.shift_number), local_date_time(s.created_at, s.time_zone), s.staff_name,
                            sale_kind_title(s.kind), (s.kind == "refund" ? "-" : "") + s.total.format(),
                            (s.paid_cash - s.change_due).format(), s.paid_card.format(),
                            fiscal_state_title(s.fiscal_state)});
            total += s.kind == "refund" ? Money() - s.total : s.total;
        }
        print_table({tr("Id").str(), tr("Salon").str(), tr("Receipt").str(), tr("Shift").str(),
                     tr("Time (local)").str(), tr("Specialist").str(), tr("Kind").str(), tr("Total").str(),
                     tr("Cash").str(), tr("Card").str(), tr("Fiscal state").str()},
                    rows);
        std::cout << trf("{1} receipts, net {2}", {std::to_string(found.size()), total.format()}).str() << '\n';
    });

    // ---- sales application: the port-in application of a sale (R-POS-9), as `receipt show` prints a receipt
    struct ApplicationOptions {
        std::int64_t sale_id = 0;
        std::string pdf, paper = "a4", printer;
        bool print = false;
    };
    auto ao = std::make_shared<ApplicationOptions>();
    auto* application = sales->add_subcommand(
        "application", tr("The subscriber's port-in application of a sale (R-POS-9): text, A4 or 80 mm PDF, "
                          "printed; a free port-in has no cash receipt, only this (54-FZ)")
                           .str());
    application->add_option("sale", ao->sale_id, tr("The sale's record number").str())->required();
    application->add_option("--pdf", ao->pdf, tr("Write the application as a PDF to this file").str());
    application->add_option("--paper", ao->paper, tr("Paper of the PDF: a4 (two signed copies, the default) or 80mm").str());
    application->add_flag("--print", ao->print, tr("Print the application (on --paper) on a printer through CUPS").str());
    application->add_option("--printer", ao->printer,
                            tr("The printer's CUPS name (default: the system's default printer)").str());
    application->callback([&ctx, ao] {
        const ReceiptPaper paper = parse_receipt_paper(ao->paper);  // refused before the database is opened
        auto db = ctx.open();
        const Actor actor = ctx.viewer(*db);
        const std::vector<PortInApplication> found = port_in_applications(*db, actor, ao->sale_id);
        if (ao->print) {
            const int job = print_pdf(port_in_application_pdf(found, paper), ao->printer,
                                      trf("Port-in application, sale {1}", {std::to_string(ao->sale_id)}).str());
            std::cerr << trf("Sent to the printer (job {1}).", {std::to_string(job)}).str() << '\n';
        }
        if (!ao->pdf.empty()) write_port_in_application_pdf(found, ao->pdf, paper);
        if (ctx.json) {
            nlohmann::json list = nlohmann::json::array();
            for (const auto& a : found)
                list.push_back({{"port_request_id", a.port_request_id},
                                {"msisdn", a.number},
                                {"donor_operator", a.donor_operator},
                                {"desired_date", a.desired_date},
                                {"tariff", a.tariff},
                                {"iccid", a.iccid},
                                {"fee", a.fee},
                                {"client_name", a.client_name},
                                {"client_passport", a.client_passport},
                                {"staff_name", a.staff_name},
                                {"salon_name", a.salon_name},
                                {"consent_version", a.consent_version},
                                {"text", port_in_application_text(a)}});
            nlohmann::json out = {{"ok", true}, {"sale_id", ao->sale_id}, {"applications", list}};
            if (!ao->pdf.empty()) {
                out["pdf"] = ao->pdf;
                out["paper"] = paper == ReceiptPaper::a4 ? "a4" : "80mm";
            }
            return print_json(out);
        }
        for (const auto& a : found) {
            for (const auto& line : port_in_application_text(a)) std::cout << line << "\n\n";
        }
        if (!ao->pdf.empty()) std::cerr << trf("Application written to {1}", {ao->pdf}).str() << '\n';
    });

    // ---- sale commit | price | refund
    auto* sale = app.add_subcommand("sale", tr("The sale at this till (acting --as a salon person)").str());
    sale->require_subcommand(1);

    auto draft_path = std::make_shared<std::string>();
    auto* commit = sale->add_subcommand(
        "commit", tr("Commit a sale from a draft JSON file at this till: prints the receipt number, total and change")
                      .str());
    commit->add_option("--draft", *draft_path, tr("The draft, in the form the station saves drafts (JSON)").str())
        ->required();
    commit->callback([&ctx, draft_path] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        CommittedSale done;
        reporting_input(ctx, [&] { done = commit_sale(*db, person, ctx.till_name(), read_draft_file(*draft_path)); });
        if (!ctx.json)
            std::cout << trf("Sale {1} committed: receipt {2} of shift {3}, total {4}, change {5}.",
                             {std::to_string(done.sale_id), std::to_string(done.receipt_number),
                              std::to_string(done.shift_number), done.total.format(),
                              done.change_due.format()})
                             .str()
                      << '\n';
        // Committed first; then the registrar (R-POS-10): a fault leaves the receipt queued.
        const nlohmann::json fiscal = fiscalise_committed(ctx, *db, person, done.sale_id);
        if (ctx.json) {
            nlohmann::json out = {{"ok", true},
                                  {"sale_id", done.sale_id},
                                  {"receipt_number", done.receipt_number},
                                  {"shift_number", done.shift_number},
                                  {"total", done.total.kopecks()},
                                  {"change_due", done.change_due.kopecks()}};
            out.update(fiscal);
            print_json(out);
        }
    });

    auto* price = sale->add_subcommand(
        "price", tr("Price a draft JSON file as it would be committed now; nothing is saved").str());
    price->add_option("--draft", *draft_path, tr("The draft, in the form the station saves drafts (JSON)").str())
        ->required();
    price->callback([&ctx, draft_path] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        SaleQuote quote;
        reporting_input(ctx, [&] { quote = price_sale(*db, person, read_draft_file(*draft_path), false); });
        if (ctx.json) return print_json(quote_json(quote));
        print_quote(quote);
    });

    auto sale_id = std::make_shared<std::int64_t>(0);
    auto line_ids = std::make_shared<std::vector<std::int64_t>>();
    auto approver = std::make_shared<std::string>();
    auto* refund = sale->add_subcommand(
        "refund", tr("Refund a sale's lines (all without --line) at this till, the money back the way it came").str());
    refund->add_option("sale", *sale_id, tr("The sale's record number").str())->required();
    refund->add_option("--line", *line_ids, tr("A line's record number (repeat for several)").str());
    refund->add_option("--approver", *approver,
                       tr("A senior who approves the refund (password: SALON_APPROVER_PASSWORD, else asked)").str());
    refund->callback([&ctx, sale_id, line_ids, approver] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        std::optional<SupervisorApproval> approval;
        if (!approver->empty())
            approval = approve(*db, person, Permission::refund, *approver,
                               read_password("SALON_APPROVER_PASSWORD", trf("Password of {1}: ", {*approver}).str()));
        CommittedSale done;
        reporting_input(ctx, [&] { done = refund_sale(*db, person, ctx.till_name(), *sale_id, *line_ids, approval); });
        const SaleRecord r = get_sale(*db, person, done.sale_id);
        if (ctx.json) {
            nlohmann::json out = {{"ok", true},
                                  {"refund_id", done.sale_id},
                                  {"receipt_number", done.receipt_number},
                                  {"shift_number", done.shift_number},
                                  {"total", done.total.kopecks()},
                                  {"cash_back", r.paid_cash.kopecks()},
                                  {"card_back", r.paid_card.kopecks()},
                                  {"approved_by", approval ? approval->approver_name : std::string()}};
            out.update(fiscalise_committed(ctx, *db, person, done.sale_id));
            print_json(out);
            return;
        }
        std::cout << trf("Refund {1} of sale {2}: receipt {3} of shift {4}, total {5}; back in cash {6}, to the card {7}.",
                         {std::to_string(done.sale_id), std::to_string(*sale_id), std::to_string(done.receipt_number),
                          std::to_string(done.shift_number), done.total.format(), r.paid_cash.format(),
                          r.paid_card.format()})
                         .str()
                  << '\n';
        fiscalise_committed(ctx, *db, person, done.sale_id);
    });

    // ---- gateway send
    auto* gateway = app.add_subcommand("gateway", tr("Requests to the operator's systems").str());
    gateway->require_subcommand(1);
    auto gateway_limit = std::make_shared<int>(100);
    auto* send = gateway->add_subcommand(
        "send", tr("Send the requests committed sales left for the operator's systems (the sandbox: test mode)").str());
    send->add_option("--limit", *gateway_limit, tr("At most this many (default 100)").str())
        ->check(CLI::Range(1, 100000));
    send->callback([&ctx, gateway_limit] {
        auto db = ctx.open();
        ctx.person(*db);
        long long waiting = 0;
        db->run("SELECT COUNT(*) FROM gateway_request WHERE status = 'pending'", soci::into(waiting));
        const int sent = deliver_gateway_requests(*db, *gateway_limit);
        const long long left = waiting - sent;
        if (ctx.json) {
            print_json({{"ok", true}, {"gateway", "sandbox"}, {"test_mode", true}, {"sent", sent}, {"pending", left}});
            return;
        }
        std::cout << tr("TEST MODE: the sandbox gateway answers in place of the operator; nothing reaches a real "
                        "network.")
                         .str()
                  << '\n'
                  << trf("Sent {1} requests; {2} still waiting.", {std::to_string(sent), std::to_string(left)}).str()
                  << '\n';
    });

    add_sale_bench(app, ctx);
}

}  // namespace salon::cli
