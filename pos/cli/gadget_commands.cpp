// salon-cli gadget receive|list|show|terms: phones, modems and routers tracked by IMEI; salon-cli stocktake
// open|scan|show|close: counting a salon's SIM cards and gadgets by scanner against the expected stock; and
// salon-cli stock move IMEI --to-salon N, stock history IMEI: a gadget between the dealer's salons.
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/catalog/GadgetMovement.hpp"
#include "pos/core/catalog/GadgetStock.hpp"
#include "pos/core/catalog/SimStock.hpp"
#include "pos/core/catalog/Stocktake.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/OutsideInput.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/organisation/Salon.hpp"

#include <iostream>
#include <sstream>

namespace salon::cli {
using namespace salon::pos;

namespace {

nlohmann::json to_json(const GadgetUnit& u) {
    return {{"id", u.id},
            {"product", u.product_code},
            {"product_name", u.product_name},
            {"imei", u.imei},
            {"imei2", u.imei2.empty() ? nlohmann::json() : nlohmann::json(u.imei2)},
            {"salon_id", u.salon_id},
            {"salon", u.salon_name},
            {"status", u.status},
            {"delivery", u.delivery_ref},
            {"warranty_months", u.warranty_months},
            {"received_at", u.received_at},
            {"updated_at", u.updated_at}};
}

std::vector<std::string> unit_headers() {
    return {tr("IMEI").str(), tr("Second IMEI").str(), tr("Product").str(), tr("Salon").str(), tr("Status").str(),
            tr("Delivery reference").str()};
}

std::vector<std::string> unit_cells(const GadgetUnit& u) {
    return {u.imei, u.imei2, u.product_name, u.salon_name, gadget_status_title(u.status), u.delivery_ref};
}

nlohmann::json to_json(const StocktakeItem& i) {
    nlohmann::json j = {{"code", i.code},
                        {"kind", i.kind},
                        {"description", i.description},
                        {"status", i.status.empty() ? nlohmann::json() : nlohmann::json(i.status)},
                        {"salon", i.salon_name.empty() ? nlohmann::json() : nlohmann::json(i.salon_name)}};
    return j;
}

nlohmann::json to_json(const StocktakeSummary& s) {
    auto items = [](const std::vector<StocktakeItem>& list, bool with_written_in = false) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& i : list) {
            nlohmann::json j = to_json(i);
            if (with_written_in) j["written_in"] = i.written_in;
            out.push_back(j);
        }
        return out;
    };
    return {{"id", s.id},
            {"salon_id", s.salon_id},
            {"salon", s.salon_name},
            {"status", s.status},
            {"opened_at", s.opened_at},
            {"opened_by", s.opened_by},
            {"closed_at", s.closed_at ? nlohmann::json(s.closed_at) : nlohmann::json()},
            {"closed_by", s.closed_by.empty() ? nlohmann::json() : nlohmann::json(s.closed_by)},
            {"approved_by", s.approved_by.empty() ? nlohmann::json() : nlohmann::json(s.approved_by)},
            {"reason", s.reason.empty() ? nlohmann::json() : nlohmann::json(s.reason)},
            {"expected", s.expected},
            {"counted", s.counted},
            {"duplicates", s.duplicates},
            {"missing", items(s.missing)},
            {"surplus", items(s.surplus, true)},
            {"unknown", items(s.unknown)},
            {"left", items(s.left)}};
}

std::string item_status(const StocktakeItem& i) {
    if (i.status.empty()) return {};
    return i.kind == "sim" ? sim_status_title(i.status) : gadget_status_title(i.status);
}

void print_summary(const StocktakeSummary& s) {
    std::cout << trf("Stocktake {1}, salon «{2}»: {3}", {std::to_string(s.id), s.salon_name,
                                                        s.status == "open" ? tr("open").str() : tr("closed").str()})
                     .str()
              << '\n';
    std::cout << trf("Expected {1}, counted {2}, missing {3}, surplus {4}, unknown codes {5}, repeated scans {6}.",
                     {std::to_string(s.expected), std::to_string(s.counted), std::to_string(s.missing.size()),
                      std::to_string(s.surplus.size()), std::to_string(s.unknown.size()),
                      std::to_string(s.duplicates)})
                     .str()
              << '\n';
    if (!s.approved_by.empty())
        std::cout << trf("Approved by {1}; reason: {2}", {s.approved_by, s.reason.empty() ? "—" : s.reason}).str()
                  << '\n';
    std::vector<std::vector<std::string>> rows;
    auto add = [&](const std::vector<StocktakeItem>& list, const Text& what) {
        for (const auto& i : list)
            rows.push_back({what.str(), i.code, i.description, item_status(i), i.salon_name,
                            i.written_in ? tr("written in").str() : std::string()});
    };
    add(s.missing, tr("missing"));
    add(s.surplus, tr("surplus"));
    add(s.unknown, tr("unknown"));
    add(s.left, tr("left since opening"));
    if (!rows.empty())
        print_table({tr("Difference").str(), tr("Code").str(), tr("Item").str(), tr("Status").str(),
                     tr("Salon").str(), tr("At close").str()},
                    rows);
}

struct GadgetReceiveOptions {
    std::int64_t salon = 0;
    std::string delivery, product, imei2, file;
    std::vector<std::string> imeis;
};

// The units the options describe: --product with one or more --imei (a second IMEI only beside one), or a
// file of product;imei;imei2 lines (a header line and "#" comments skipped).
std::vector<GadgetIntake> units_of(const GadgetReceiveOptions& o) {
    if (o.file.empty() == o.imeis.empty())
        throw InputError("imei", tr("IMEI"), tr("give either --imei (with --product) or --file"));
    std::vector<GadgetIntake> out;
    if (!o.imeis.empty()) {
        if (!o.imei2.empty() && o.imeis.size() != 1)
            throw InputError("imei2", tr("Second IMEI"), tr("is given for one device at a time"));
        for (const auto& i : o.imeis) out.push_back({o.product, i, o.imei2});
        return out;
    }
    const std::string data = parse_input("file", [&] { return read_outside_file(o.file, tr("File")); });
    std::istringstream in(data);
    std::string text;
    int line = 0;
    while (std::getline(in, text)) {
        ++line;
        if (!text.empty() && text.back() == '\r') text.pop_back();
        if (text.empty() || text[0] == '#') continue;
        std::vector<std::string> fields;
        std::stringstream row(text);
        for (std::string f; std::getline(row, f, ';');) fields.push_back(f);
        if (line == 1 && !fields.empty() && fields.size() >= 2 && fields[1].find_first_of("0123456789") == std::string::npos)
            continue;  // a header
        if (fields.size() < 2 || fields.size() > 3)
            throw InputError("file", tr("File"), trf("line {1}: expected product;imei;imei2", {std::to_string(line)}));
        if (const auto c = control_character(text))
            throw InputError("file", tr("File"),
                             trf("line {1}: {2}", {std::to_string(line), control_character_reason(*c).str()}));
        fields.resize(3);
        out.push_back({fields[0], fields[1], fields[2]});
    }
    return out;
}

nlohmann::json to_json(const GadgetEvent& e) {
    const auto text_or_null = [](const std::string& text) { return text.empty() ? nlohmann::json() : nlohmann::json(text); };
    return {{"at", e.at},
            {"event", to_string(e.kind)},
            {"from_salon_id", e.from_salon_id == 0 ? nlohmann::json() : nlohmann::json(e.from_salon_id)},
            {"from_salon", text_or_null(e.from_salon)},
            {"to_salon_id", e.to_salon_id == 0 ? nlohmann::json() : nlohmann::json(e.to_salon_id)},
            {"to_salon", text_or_null(e.to_salon)},
            {"by", text_or_null(e.staff_login)},
            {"by_name", text_or_null(e.staff_name)},
            {"status", e.status},
            {"receipt", e.receipt_number == 0 ? nlohmann::json() : nlohmann::json(e.receipt_number)},
            {"note", text_or_null(e.note)}};
}

void print_history(db::Database& db, const Actor& viewer, const GadgetHistory& h) {
    print_table(unit_headers(), {unit_cells(h.unit)});
    std::cout << '\n';
    // Times in the time zone of the salon the device is in now.
    const std::string zone = get_salon(db, viewer, h.unit.salon_id).time_zone;
    std::vector<std::vector<std::string>> rows;
    for (const GadgetEvent& e : h.events) {
        std::string note = e.note;
        if (e.receipt_number != 0) note = trf("receipt {1}", {std::to_string(e.receipt_number)}).str();
        rows.push_back({local_date_time(e.at, zone), gadget_event_title(e.kind), e.from_salon, e.to_salon,
                        e.staff_name.empty() ? tr("command line").str() : e.staff_name,
                        gadget_status_title(e.status), note});
    }
    print_table({tr("When").str(), tr("Event").str(), tr("From the salon").str(), tr("To the salon").str(),
                 tr("Who").str(), tr("Status").str(), tr("Note").str()},
                rows);
}

}  // namespace

void move_gadget_command(const CliContext& ctx, const std::vector<std::string>& codes, std::int64_t to_salon,
                         const std::string& reason) {
    if (codes.size() != 1) throw ValidationError(tr("IMEI"), tr("give one gadget's IMEI with --to-salon"));
    auto db = ctx.open();
    const Actor person = ctx.person(*db);
    GadgetUnit unit;
    reporting_input(ctx, [&] { unit = move_gadget(*db, person, codes.front(), to_salon, reason); });
    if (ctx.json)
        return print_json({{"ok", true}, {"imei", unit.imei}, {"to_salon_id", unit.salon_id}, {"salon", unit.salon_name},
                           {"status", unit.status}});
    std::cout << trf("Moved the device {1} ({2}) to salon «{3}».", {unit.imei, unit.product_name, unit.salon_name}).str()
              << '\n';
}

namespace {

void add_gadget_history_command(CLI::App& app, CliContext& ctx) {
    auto* stock = app.get_subcommand("stock");
    auto imei = std::make_shared<std::string>();
    auto* history = stock->add_subcommand("history", tr("A gadget's history by IMEI: received, moved, sold, refunded, "
                                                        "stocktake differences").str());
    history->add_option("IMEI", *imei, tr("IMEI").str())->required();
    // `stock history IMEI --json` as well as `--json stock history IMEI`.
    history->add_flag("--json", ctx.json, tr("Print machine-readable JSON").str());
    history->callback([&ctx, imei] {
        auto db = ctx.open();
        const Actor viewer = ctx.viewer(*db);
        GadgetHistory h;
        reporting_input(ctx, [&] { h = gadget_history(*db, viewer, *imei); });
        if (!ctx.json) return print_history(*db, viewer, h);
        nlohmann::json events = nlohmann::json::array();
        for (const GadgetEvent& e : h.events) events.push_back(to_json(e));
        print_json({{"gadget", to_json(h.unit)}, {"events", events}});
    });
}

}  // namespace

void add_gadget_commands(CLI::App& app, CliContext& ctx) {
    add_gadget_history_command(app, ctx);
    auto* gadget = app.add_subcommand("gadget", tr("Phones, modems and routers tracked by IMEI").str());
    gadget->require_subcommand(1);

    auto ro = std::make_shared<GadgetReceiveOptions>();
    auto* receive = gadget->add_subcommand("receive", tr("Receive devices into a salon's stock by IMEI").str());
    receive->add_option("--salon", ro->salon, tr("Salon number").str())->required();
    receive->add_option("--delivery", ro->delivery, tr("The delivery's reference (waybill number)").str())->required();
    receive->add_option("--product", ro->product, tr("Product code of the devices").str());
    receive->add_option("--imei", ro->imeis, tr("A device's IMEI (repeat for more devices)").str());
    receive->add_option("--imei2", ro->imei2, tr("The second IMEI of a dual-SIM phone").str());
    receive->add_option("--file", ro->file, tr("A file of product;imei;imei2 lines").str());
    receive->callback([&ctx, ro] {
        auto db = ctx.open();
        const Actor actor = ctx.person(*db);
        int count = 0;
        reporting_input(ctx, [&] { count = receive_gadgets(*db, actor, ro->salon, ro->delivery, units_of(*ro)); });
        const Salon salon = get_salon(*db, actor, ro->salon);
        if (ctx.json) return print_json({{"ok", true}, {"received", count}, {"salon_id", salon.id}});
        std::cout << trf("Received {1} devices into salon «{2}».", {std::to_string(count), salon.name}).str() << '\n';
    });

    auto list_salon = std::make_shared<std::int64_t>(0);
    auto list_status = std::make_shared<std::string>();
    auto list_limit = std::make_shared<int>(1000);
    auto* list = gadget->add_subcommand("list", tr("List a salon's devices").str());
    list->add_option("--salon", *list_salon, tr("Salon number").str())->required();
    list->add_option("--status", *list_status,
                     tr("Only devices in this status: in_stock, sold, returned, written_off").str());
    list->add_option("--limit", *list_limit, tr("At most this many devices (default 1000)").str());
    list->callback([&ctx, list_salon, list_status, list_limit] {
        auto db = ctx.open();
        const auto units = list_gadgets(*db, ctx.viewer(*db), *list_salon, *list_status, *list_limit);
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& u : units) out.push_back(to_json(u));
            return print_json(out);
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& u : units) rows.push_back(unit_cells(u));
        print_table(unit_headers(), rows);
    });

    auto show_imei = std::make_shared<std::string>();
    auto* show = gadget->add_subcommand("show", tr("Show a device by its IMEI (first or second)").str());
    show->add_option("IMEI", *show_imei, tr("IMEI").str())->required();
    show->callback([&ctx, show_imei] {
        auto db = ctx.open();
        const auto unit = find_gadget(*db, ctx.viewer(*db), *show_imei);
        if (ctx.json) return print_json(unit ? to_json(*unit) : nlohmann::json());
        if (!unit) throw ValidationError(tr("IMEI"), trf("nothing found for \"{1}\"", {*show_imei}));
        print_table(unit_headers(), {unit_cells(*unit)});
    });

    auto terms_code = std::make_shared<std::string>();
    auto terms_serial = std::make_shared<std::string>("yes");
    auto terms_months = std::make_shared<int>(0);
    auto* terms = gadget->add_subcommand("terms", tr("Set whether a gadget is sold by IMEI and its warranty").str());
    terms->add_option("CODE", *terms_code, tr("Product code").str())->required();
    terms->add_option("--by-imei", *terms_serial, tr("yes: sold unit by unit by IMEI; no: by quantity").str())
        ->check(CLI::IsMember({"yes", "no"}));
    terms->add_option("--warranty-months", *terms_months, tr("Warranty in months (0: none printed)").str())->required();
    terms->callback([&ctx, terms_code, terms_serial, terms_months] {
        auto db = ctx.open();
        const Actor actor = ctx.person(*db);
        reporting_input(ctx, [&] { set_gadget_terms(*db, actor, *terms_code, *terms_serial == "yes", *terms_months); });
        if (ctx.json)
            return print_json({{"ok", true}, {"product", *terms_code}, {"by_imei", *terms_serial == "yes"},
                               {"warranty_months", *terms_months}});
        std::cout << trf("{1}: by IMEI {2}, warranty {3} months.", {*terms_code, *terms_serial, std::to_string(*terms_months)}).str()
                  << '\n';
    });

    auto* stocktake = app.add_subcommand("stocktake", tr("Stocktakes of SIM cards and gadgets by scanner").str());
    stocktake->require_subcommand(1);

    auto open_salon = std::make_shared<std::int64_t>(0);
    auto* open = stocktake->add_subcommand("open", tr("Open a stocktake of a salon (a senior)").str());
    open->add_option("--salon", *open_salon, tr("Salon number").str())->required();
    open->callback([&ctx, open_salon] {
        auto db = ctx.open();
        const Actor actor = ctx.person(*db);
        const std::int64_t id = open_stocktake(*db, actor, *open_salon);
        const StocktakeSummary s = stocktake_summary(*db, actor, id);
        if (ctx.json) return print_json({{"ok", true}, {"id", id}, {"salon_id", s.salon_id}, {"expected", s.expected}});
        std::cout << trf("Stocktake {1} opened in salon «{2}»: {3} items expected.",
                         {std::to_string(id), s.salon_name, std::to_string(s.expected)})
                         .str()
                  << '\n';
    });

    auto scan_id = std::make_shared<std::int64_t>(0);
    auto scan_codes = std::make_shared<std::vector<std::string>>();
    auto scan_stdin = std::make_shared<bool>(false);
    auto* scan = stocktake->add_subcommand("scan", tr("Count scanned codes (ICCID or IMEI)").str());
    scan->add_option("ID", *scan_id, tr("Stocktake number").str())->required();
    scan->add_option("CODE", *scan_codes, tr("Codes as scanned").str());
    scan->add_flag("--stdin", *scan_stdin, tr("Read codes from standard input, one a line (a scanner)").str());
    scan->callback([&ctx, scan_id, scan_codes, scan_stdin] {
        std::vector<std::string> codes = *scan_codes;
        if (*scan_stdin)
            for (std::string line; std::getline(std::cin, line);) {
                if (!line.empty() && line.back() == '\r') line.pop_back();
                if (line.find_first_not_of(" \t") != std::string::npos) codes.push_back(line);
            }
        if (codes.empty()) throw InputError("code", tr("Code"), tr("scan at least one code"));
        auto db = ctx.open();
        const Actor actor = ctx.person(*db);
        nlohmann::json out = nlohmann::json::array();
        for (const auto& code : codes) {
            ScanResult r;
            reporting_input(ctx, [&] { r = scan_stocktake(*db, actor, *scan_id, code); });
            if (ctx.json)
                out.push_back({{"code", r.item.code}, {"outcome", to_string(r.outcome)}, {"kind", r.item.kind},
                               {"description", r.item.description}, {"counted", r.counted}});
            else
                std::cout << r.message << '\n';
        }
        if (ctx.json) print_json({{"ok", true}, {"scans", out}});
    });

    auto show_id = std::make_shared<std::int64_t>(0);
    auto* tshow = stocktake->add_subcommand("show", tr("Expected against counted: missing and surplus").str());
    tshow->add_option("ID", *show_id, tr("Stocktake number").str())->required();
    tshow->callback([&ctx, show_id] {
        auto db = ctx.open();
        const StocktakeSummary s = stocktake_summary(*db, ctx.viewer(*db), *show_id);
        if (ctx.json) return print_json(to_json(s));
        print_summary(s);
    });

    auto close_id = std::make_shared<std::int64_t>(0);
    auto close_reason = std::make_shared<std::string>();
    auto close_approver = std::make_shared<std::string>();
    auto* close = stocktake->add_subcommand("close", tr("Close a stocktake: write off and in its differences").str());
    close->add_option("ID", *close_id, tr("Stocktake number").str())->required();
    close->add_option("--reason", *close_reason, tr("Why the stock differs (required with differences)").str());
    close->add_option("--approver", *close_approver,
                      tr("A senior who approves the differences (password: SALON_APPROVER_PASSWORD, else asked)").str());
    close->callback([&ctx, close_id, close_reason, close_approver] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        std::optional<SupervisorApproval> approval;
        if (!close_approver->empty())
            approval = approve(*db, person, Permission::approve_stock_difference, *close_approver,
                               read_password("SALON_APPROVER_PASSWORD",
                                             trf("Password of {1}: ", {*close_approver}).str()));
        StocktakeSummary s;
        reporting_input(ctx, [&] { s = close_stocktake(*db, person, *close_id, *close_reason, approval); });
        if (ctx.json) {
            nlohmann::json j = to_json(s);
            j["ok"] = true;
            return print_json(j);
        }
        print_summary(s);
    });
}

}  // namespace salon::cli
