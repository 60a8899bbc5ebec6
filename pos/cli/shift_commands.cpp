// salon-cli shift open|cash|report|close|list: the cash drawer's shift at this till, acting as the salon
// person named by --as (signed in with a password), so every entry carries a real name.
#include "db/UserError.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/backup/StationBackups.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/fiscal/FiscalQueue.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/sale/Shift.hpp"
#include "pos/core/organisation/SupervisorApproval.hpp"
#include "pos/print/CupsPrinter.hpp"
#include "pos/print/ReportRollPdf.hpp"

#include <iostream>
#include <memory>

namespace salon::cli {
using namespace salon::pos;

namespace {

nlohmann::json to_json(const ShiftReport& r) {
    const Shift& s = r.shift;
    nlohmann::json vat = nlohmann::json::array();
    for (const auto& v : r.vat) vat.push_back({{"code", v.code}, {"basis_points", v.basis_points}, {"amount", v.amount.kopecks()}});
    nlohmann::json out = {{"id", s.id},
                          {"salon", s.salon_name},
                          {"till", s.till},
                          {"number", s.number},
                          {"open", s.is_open()},
                          {"opened_by", s.opened_by_name},
                          {"opened_at", s.opened_at},
                          {"opening_float", s.opening_float.kopecks()},
                          {"sales", r.sales},
                          {"refunds", r.refunds},
                          {"sales_total", r.sales_total.kopecks()},
                          {"refunds_total", r.refunds_total.kopecks()},
                          {"cash_taken", r.cash_taken.kopecks()},
                          {"card_taken", r.card_taken.kopecks()},
                          {"agent_total", r.agent_total.kopecks()},
                          {"cash_in", r.cash_in.kopecks()},
                          {"cash_out", r.cash_out.kopecks()},
                          {"expected_cash", r.expected_cash.kopecks()},
                          {"vat", vat},
                          {"past_24_hours", r.past_24_hours},
                          {"awaiting_fiscal", r.awaiting_fiscal}};
    if (!s.is_open()) {
        out["closed_by"] = s.closed_by_name;
        out["closed_at"] = s.closed_at;
        out["counted_cash"] = s.counted_cash ? nlohmann::json(s.counted_cash->kopecks()) : nlohmann::json();
        out["approved_by"] = s.approved_by_name;
        out["shortfall_reason"] = s.shortfall_reason;
        out["chain_head"] = s.chain_head;
    }
    return out;
}

void print_report(const CliContext& ctx, const ShiftReport& r) {
    if (ctx.json) {
        print_json(to_json(r));
        return;
    }
    for (const auto& line : shift_report_text(r)) std::cout << line << '\n';
}

Money money_option(const std::string& typed, const char* input, const Text& field) {
    try {
        return Money::parse(typed);
    } catch (const ValidationError& e) {
        throw InputError(input, field, e.reason());
    }
}

Shift current(db::Database& db, const Actor& person, const CliContext& ctx) {
    auto s = open_shift_at(db, person, ctx.till_name());
    if (!s) throw ValidationError(tr("Shift"), trf("no shift is open at till \"{1}\"", {ctx.till_name()}));
    return *s;
}

}  // namespace

void add_shift_commands(CLI::App& app, CliContext& ctx) {
    auto* shift = app.add_subcommand("shift", tr("The cash drawer's shift at this till (acting --as a salon person)").str());
    shift->require_subcommand(1);

    auto float_text = std::make_shared<std::string>("0");
    auto* open = shift->add_subcommand("open", tr("Open a shift at this till with a float").str());
    open->add_option("--float", *float_text, tr("Cash in the drawer at the start, roubles").str());
    open->callback([&ctx, float_text] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        const Shift s = open_shift(*db, person, ctx.till_name(), money_option(*float_text, "float", tr("Opening float")));
        // The registrar's fiscal shift follows the till's (R-POS-10); a fault leaves it to the first receipt.
        auto registrar = registrar_for_till(*db, person, ctx.till_name());
        const FiscalFault fault = open_fiscal_shift(*db, person, *registrar);
        if (ctx.json)
            print_json({{"id", s.id},
                        {"number", s.number},
                        {"till", s.till},
                        {"fiscal_shift", registrar->shift().number},
                        {"fiscal_fault", to_string(fault)}});
        else {
            std::cout << trf("Shift {1} is open at till \"{2}\".", {std::to_string(s.number), s.till}).str() << '\n';
            if (fault != FiscalFault::none)
                std::cout << trf("The registrar did not open its fiscal shift: {1}.",
                                 {fiscal_fault_title(fault).str()})
                                 .str()
                          << '\n';
        }
    });

    auto direction = std::make_shared<std::string>();
    auto amount = std::make_shared<std::string>();
    auto reason = std::make_shared<std::string>();
    auto* cash = shift->add_subcommand("cash", tr("Put cash into the drawer or take it out, with a reason").str());
    cash->add_option("direction", *direction, tr("in or out").str())->required()->check(CLI::IsMember({"in", "out"}));
    cash->add_option("amount", *amount, tr("Amount, roubles").str())->required();
    cash->add_option("--reason", *reason, tr("Why the cash moves").str())->required();
    cash->callback([&ctx, direction, amount, reason] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        const Shift s = current(*db, person, ctx);
        move_cash(*db, person, s.id, *direction == "in" ? CashDirection::in : CashDirection::out,
                  money_option(*amount, "amount", tr("Amount")), *reason);
        print_report(ctx, shift_report(*db, person, s.id));
    });

    auto shift_id = std::make_shared<std::int64_t>(0);
    auto* report = shift->add_subcommand("report", tr("The X report of the open shift, or the report of shift --id").str());
    report->add_option("--id", *shift_id, tr("A shift's record number (default: the open shift at this till)").str());
    auto on_printer = std::make_shared<bool>(false);
    auto printer = std::make_shared<std::string>();
    report->add_flag("--print", *on_printer, tr("Print the report on the 80 mm roll through CUPS").str());
    report->add_option("--printer", *printer, tr("The printer's CUPS name (default: the system's default printer)").str());
    report->callback([&ctx, shift_id, on_printer, printer] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        const std::int64_t id = *shift_id ? *shift_id : current(*db, person, ctx).id;
        const ShiftReport r = shift_report(*db, person, id);
        if (*on_printer) {
            const auto lines = shift_report_text(r);
            const int job = print_pdf(report_roll_pdf(lines), *printer, lines.front());
            std::cerr << trf("Sent to the printer (job {1}).", {std::to_string(job)}).str() << '\n';
        }
        print_report(ctx, r);
    });

    auto counted = std::make_shared<std::string>();
    auto approver = std::make_shared<std::string>();
    auto shortfall_reason = std::make_shared<std::string>();
    auto confirmed_by = std::make_shared<std::string>();
    auto* close = shift->add_subcommand("close", tr("Close the open shift with the counted cash: the Z report").str());
    close->add_option("--counted", *counted, tr("Cash counted in the drawer, roubles").str())->required();
    close->add_option("--id", *shift_id, tr("Close this shift (a senior closing another's shift)").str());
    close->add_option("--approver", *approver,
                      tr("A senior who approves a difference (password: SALON_APPROVER_PASSWORD, else asked)").str());
    close->add_option("--reason", *shortfall_reason, tr("Why the drawer holds less than expected (required then)").str());
    close->add_option("--confirmed-by", *confirmed_by,
                      tr("The senior who confirms a shortfall, another person (password: SALON_CONFIRM_PASSWORD, else asked)").str());
    close->callback([&ctx, counted, approver, shift_id, shortfall_reason, confirmed_by] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        const std::int64_t id = *shift_id ? *shift_id : current(*db, person, ctx).id;
        std::optional<SupervisorApproval> approval;
        if (!approver->empty())
            approval = approve(*db, person, Permission::approve_cash_difference, *approver,
                               read_password("SALON_APPROVER_PASSWORD", trf("Password of {1}: ", {*approver}).str()));
        if (!confirmed_by->empty())
            approval = approve(*db, person, Permission::approve_cash_difference, *confirmed_by,
                               read_password("SALON_CONFIRM_PASSWORD", trf("Password of {1}: ", {*confirmed_by}).str()));
        // The queue is tried once more before the Z report, which lists what still waits (R-POS-10); the
        // registrar's own Z report closes its fiscal shift after the till's.
        const std::string till = get_shift(*db, person, id).till;
        auto registrar = registrar_for_till(*db, person, till);
        try {
            retry_fiscal_queue(*db, person, till, *registrar);
        } catch (const RefusedError&) {
            // another salon's till (a senior closing it): its queue is retried at that till
        }
        const ShiftReport r =
            close_shift(*db, person, id, money_option(*counted, "counted", tr("Counted cash")), approval, *shortfall_reason);
        FiscalClose fiscal;
        try {
            fiscal = close_fiscal_shift(*db, person, till, *registrar);
        } catch (const RefusedError&) {
        }
        // The automatic backup after the close: its failure is reported and journaled, the close stands.
        const std::optional<BackupRun> backup = backup_after_shift_close(*db, person);
        if (ctx.json) {
            nlohmann::json out = to_json(r);
            if (backup)
                out["backup"] = {{"ok", backup->ok()},
                                 {"file", backup->file.string()},
                                 {"encrypted", backup->encrypted},
                                 {"error", backup->error ? backup->error->str() : std::string()}};
            out["fiscal_fault"] = to_string(fiscal.fault);
            if (fiscal.z && fiscal.z->document)
                out["fiscal_z"] = {{"shift", fiscal.z->shift_number},
                                   {"receipts", fiscal.z->receipts},
                                   {"fd", fiscal.z->document->fd_number},
                                   {"fp", fiscal.z->document->fiscal_sign}};
            print_json(out);
            return;
        }
        print_report(ctx, r);
        if (fiscal.z && fiscal.z->document)
            std::cout << trf("Registrar's Z report: fiscal shift {1}, receipts {2}, FD No. {3}, FP {4}.",
                             {std::to_string(fiscal.z->shift_number), std::to_string(fiscal.z->receipts),
                              std::to_string(fiscal.z->document->fd_number), fiscal.z->document->fiscal_sign})
                             .str()
                      << '\n';
        else if (fiscal.fault != FiscalFault::none)
            std::cout << trf("The registrar did not close its fiscal shift: {1}.",
                             {fiscal_fault_title(fiscal.fault).str()})
                             .str()
                      << '\n';
        if (backup && backup->ok())
            std::cout << trf("Backup written to {1}.", {backup->file.string()}).str() << '\n';
        else if (backup)
            std::cerr << trf("The shift is closed, but the backup after it failed: {1}", {backup->error->str()}).str()
                      << '\n';
    });

    auto salon_id = std::make_shared<std::int64_t>(0);
    auto* list = shift->add_subcommand("list", tr("The shifts of your salon (or of --salon), newest first").str());
    list->add_option("--salon", *salon_id, tr("Salon record number (head office and dealers' managers)").str());
    list->callback([&ctx, salon_id] {
        auto db = ctx.open();
        const Actor person = ctx.viewer(*db);
        const auto shifts = list_shifts(*db, person, *salon_id);
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& s : shifts)
                out.push_back({{"id", s.id}, {"salon", s.salon_name}, {"till", s.till}, {"number", s.number},
                               {"opened_by", s.opened_by_name}, {"opened_at", s.opened_at}, {"open", s.is_open()},
                               {"receipts", s.last_receipt}});
            print_json(out);
            return;
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& s : shifts)
            rows.push_back({std::to_string(s.id), s.salon_name, s.till, std::to_string(s.number),
                            local_date_time(s.opened_at, s.time_zone), s.opened_by_name,
                            s.is_open() ? tr("open").str() : local_date_time(s.closed_at, s.time_zone),
                            std::to_string(s.last_receipt)});
        print_table({tr("Id").str(), tr("Salon").str(), tr("Till").str(), tr("Shift").str(), tr("Opened").str(),
                     tr("Opened by").str(), tr("Closed").str(), tr("Receipts").str()},
                    rows);
    });
}

}  // namespace salon::cli
