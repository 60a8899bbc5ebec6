// salon-cli port list|show|accept|reject|complete: number portability requests (R-POS-9) after the sale
// that filed them. The steps act as the salon person named by --as, who records the operator's answer.
#include "db/UserError.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/sale/PortRequest.hpp"

#include <iostream>
#include <memory>

namespace salon::cli {
using namespace salon::pos;

namespace {

std::string date_display(const std::string& iso) {
    return CalendarDate::parse(iso, "desired_date", tr("Transfer date")).display();
}

nlohmann::json request_json(const PortRequestRow& r) {
    return {{"id", r.id},
            {"msisdn", r.msisdn},
            {"number", r.number},
            {"donor_operator", r.donor_operator},
            {"desired_date", r.desired_date},
            {"status", to_string(r.status)},
            {"open", is_open(r.status)},
            {"overdue", r.overdue()},
            {"days_overdue", r.days_overdue},
            {"salon_id", r.salon_id},
            {"salon", r.salon_name},
            {"client_id", r.client_id},
            {"client", r.client_name},
            {"tariff", r.tariff_name},
            {"sale_id", r.sale_id},
            {"shift_number", r.shift_number},
            {"receipt_number", r.receipt_number},
            {"created_at", r.created_at},
            {"updated_at", r.updated_at},
            {"updated_local", local_date_time(r.updated_at, r.time_zone)}};
}

std::string overdue_text(const PortRequestRow& r) {
    if (!r.overdue()) return "";
    return trn("{1} day", "{1} days", r.days_overdue).str();
}

void print_requests(const std::vector<PortRequestRow>& rows) {
    std::vector<std::vector<std::string>> table;
    int overdue = 0;
    for (const auto& r : rows) {
        if (r.overdue()) ++overdue;
        table.push_back({std::to_string(r.id), r.number, r.donor_operator, date_display(r.desired_date),
                         port_status_title(r.status).str(), overdue_text(r), r.client_name, r.salon_name,
                         std::to_string(r.receipt_number), std::to_string(r.shift_number),
                         local_date_time(r.updated_at, r.time_zone)});
    }
    print_table({tr("Id").str(), tr("Number").str(), tr("Donor operator").str(), tr("Transfer date").str(),
                 tr("Status").str(), tr("Overdue").str(), tr("Client").str(), tr("Salon").str(),
                 tr("Receipt").str(), tr("Shift").str(), tr("Changed (local)").str()},
                table);
    std::cout
        << trf("{1} requests, {2} overdue", {std::to_string(rows.size()), std::to_string(overdue)}).str()
        << '\n';
}

struct ListOptions {
    std::int64_t salon = 0;
    std::string status;
    bool open = false;
    int limit = 1000;
};

struct StepOptions {
    std::int64_t id = 0;
    std::string reason;
    std::string iccid;
};

// One step of the lifecycle, acting as --as.
void add_step(CLI::App* port, CliContext& ctx, const char* name, const Text& help, PortStatus to) {
    auto o = std::make_shared<StepOptions>();
    auto* step = port->add_subcommand(name, help.str());
    step->add_option("id", o->id, tr("The port request's record number").str())->required();
    if (to == PortStatus::rejected)
        step->add_option("--reason", o->reason,
                         tr("Why the donor refused (a debt, an owner mismatch...)").str());
    else
        step->add_option("--reason", o->reason, tr("A note kept in the request's history").str());
    if (to == PortStatus::completed)
        step->add_option("--iccid", o->iccid,
                         tr("The blank card of the salon's stock that takes the number").str());
    step->callback([&ctx, o, to] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        PortRequestRow before, after;
        reporting_input(ctx, [&] {
            before = get_port_request(*db, person, o->id);
            after = advance_port_request(*db, person, o->id, to, o->reason, o->iccid);
        });
        if (ctx.json) {
            nlohmann::json out = request_json(after);
            out["ok"] = true;
            out["from"] = to_string(before.status);
            return print_json(out);
        }
        std::cout << trf("Port request {1} ({2}): {3} → {4}.",
                         {std::to_string(after.id), after.number, port_status_title(before.status).str(),
                          port_status_title(after.status).str()})
                         .str()
                  << '\n';
        if (to == PortStatus::completed)
            std::cout << trf("{1} is in service on card {2}.", {after.number, o->iccid}).str() << '\n';
    });
}

}  // namespace

void add_port_commands(CLI::App& app, CliContext& ctx) {
    auto* port =
        app.add_subcommand("port", tr("Number portability requests (R-POS-9): list, the donor's answer, "
                                      "the transfer")
                                       .str());
    port->require_subcommand(1);

    auto lo = std::make_shared<ListOptions>();
    auto* list = port->add_subcommand(
        "list",
        tr("Port requests by transfer date, overdue ones marked; as --as a person, else head office's view")
            .str());
    list->add_option("--salon", lo->salon,
                     tr("Salon record number (head office and dealers' managers)").str());
    list->add_option("--status", lo->status,
                     tr("Only this status: submitted, accepted, rejected or completed").str());
    list->add_flag("--open", lo->open, tr("Only the open ones: submitted or accepted").str());
    list->add_option("--limit", lo->limit, tr("At most this many (default 1000)").str())
        ->check(CLI::Range(1, 100000));
    list->callback([&ctx, lo] {
        auto db = ctx.open();
        const Actor actor = ctx.viewer(*db);
        std::vector<PortRequestRow> rows;
        reporting_input(ctx, [&] {
            PortRequestFilter filter;
            filter.salon_id = lo->salon;
            if (!lo->status.empty()) filter.status = port_status_from_string(lo->status);
            filter.only_open = lo->open;
            filter.limit = lo->limit;
            rows = list_port_requests(*db, actor, filter);
        });
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& r : rows) out.push_back(request_json(r));
            return print_json(out);
        }
        print_requests(rows);
    });

    auto show_id = std::make_shared<std::int64_t>(0);
    auto* show = port->add_subcommand("show", tr("One port request and its history of changes").str());
    show->add_option("id", *show_id, tr("The port request's record number").str())->required();
    show->callback([&ctx, show_id] {
        auto db = ctx.open();
        const Actor actor = ctx.viewer(*db);
        const PortRequestRow r = get_port_request(*db, actor, *show_id);
        const auto history = port_request_history(*db, actor, *show_id);
        if (ctx.json) {
            nlohmann::json out = request_json(r);
            out["history"] = nlohmann::json::array();
            for (const auto& c : history)
                out["history"].push_back({{"at", c.at},
                                          {"local_time", local_date_time(c.at, r.time_zone)},
                                          {"staff_id", c.staff_id},
                                          {"staff", c.staff_name},
                                          {"from", to_string(c.from)},
                                          {"to", to_string(c.to)},
                                          {"reason", c.reason},
                                          {"iccid", c.iccid}});
            return print_json(out);
        }
        print_requests({r});
        std::vector<std::vector<std::string>> table;
        table.push_back({local_date_time(r.created_at, r.time_zone), "", "",
                         port_status_title(PortStatus::submitted).str(),
                         trf("receipt {1} of shift {2}",
                             {std::to_string(r.receipt_number), std::to_string(r.shift_number)})
                             .str()});
        for (const auto& c : history)
            table.push_back({local_date_time(c.at, r.time_zone), c.staff_name,
                             port_status_title(c.from).str(), port_status_title(c.to).str(),
                             c.iccid.empty() ? c.reason
                                             : trf("card {1}", {c.iccid}).str() +
                                                   (c.reason.empty() ? "" : "; " + c.reason)});
        print_table({tr("Time (local)").str(), tr("Specialist").str(), tr("From").str(), tr("To").str(),
                     tr("Note").str()},
                    table);
    });

    add_step(port, ctx, "accept",
             tr("Record that the donor accepted the request (acting --as a salon person)"),
             PortStatus::accepted);
    add_step(port, ctx, "reject",
             tr("Record the donor's refusal with its reason (acting --as a salon person)"),
             PortStatus::rejected);
    add_step(port, ctx, "complete",
             tr("The number moved: it comes into service on a blank card of the salon (acting --as a salon "
                "person)"),
             PortStatus::completed);
}

}  // namespace salon::cli
