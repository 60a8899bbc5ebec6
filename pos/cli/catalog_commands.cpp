// salon-cli catalog: the products on sale on a date, their prices and VAT (R-TAR-2), edits of the catalog
// and the price-list import with its preview.
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/common/Money.hpp"
#include "pos/core/catalog/ProductCatalog.hpp"

#include <iostream>

namespace salon::cli {
using namespace salon::pos;

namespace {

CalendarDate date_or_today(db::Database& db, const std::string& text) {
    if (text.empty()) return CalendarDate::of_utc(db.now());
    return CalendarDate::parse(text, "date", tr("Date"));
}

std::int64_t price_option(const std::string& text) {
    return parse_input("price", [&] { return Money::parse(text).kopecks(); });
}

std::string kind_title(const std::string& kind) {
    if (kind == "service") return tr("service").str();
    if (kind == "gadget") return tr("gadget").str();
    if (kind == "accessory") return tr("accessory").str();
    if (kind == "sim") return tr("SIM card").str();
    return kind;
}

std::string version_title(const PriceInForce& p) {
    if (p.valid_to.empty()) return trf("from {1}", {p.valid_from}).str();
    return trf("{1} to {2}", {p.valid_from, p.valid_to}).str();
}

std::string action_title(const PriceRowPlan& r) {
    switch (r.action) {
    case PriceRowAction::new_product: return tr("new product").str();
    case PriceRowAction::new_price:
        if (r.previous_price < 0) return tr("new price").str();
        return trf("new price (was {1})", {Money::from_kopecks(r.previous_price).format()}).str();
    case PriceRowAction::unchanged: return tr("unchanged").str();
    }
    return {};
}

const char* action_key(PriceRowAction a) {
    switch (a) {
    case PriceRowAction::new_product: return "new_product";
    case PriceRowAction::new_price: return "new_price";
    case PriceRowAction::unchanged: return "unchanged";
    }
    return "";
}

nlohmann::json to_json(const PriceImportPreview& preview) {
    nlohmann::json rows = nlohmann::json::array(), problems = nlohmann::json::array();
    for (const auto& r : preview.rows) {
        nlohmann::json row = {{"row", r.row},      {"action", action_key(r.action)},
                              {"code", r.code},    {"name", r.name},
                              {"kind", r.kind},    {"price", r.price},
                              {"vat", r.vat_code}, {"valid_from", r.valid_from}};
        if (r.previous_price >= 0) row["previous_price"] = r.previous_price;
        rows.push_back(row);
    }
    for (const auto& p : preview.problems)
        problems.push_back({{"row", p.row}, {"column", p.column}, {"message", p.message}});
    return {{"ok", preview.ok()}, {"rows", rows}, {"problems", problems}};
}

void print_preview(const PriceImportPreview& preview) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : preview.rows)
        rows.push_back(
            {std::to_string(r.row), r.code, r.name, Money::from_kopecks(r.price).format(), r.vat_code,
             CalendarDate::parse(r.valid_from, "valid_from", tr("Valid from")).display(), action_title(r)});
    if (!rows.empty())
        print_table({tr("Row").str(), tr("Code").str(), tr("Name").str(), tr("Price").str(), tr("VAT").str(),
                     tr("Valid from").str(), tr("What happens").str()},
                    rows);
    for (const auto& p : preview.problems)
        std::cout << trf("Row {1}, column \"{2}\": {3}",
                         {std::to_string(p.row), price_column_title(p.column), p.message})
                         .str()
                  << '\n';
}

}  // namespace

void add_catalog_commands(CLI::App& app, CliContext& ctx) {
    auto* catalog =
        app.add_subcommand("catalog", tr("Products on sale, their prices and VAT, price-list import").str());
    catalog->require_subcommand(1);

    auto list_on = std::make_shared<std::string>();
    auto list_kind = std::make_shared<std::string>();
    auto* list = catalog->add_subcommand("list", tr("List the products on sale on a date").str());
    list->add_option("--on", *list_on, tr("Date YYYY-MM-DD or DD.MM.YYYY (default: today, UTC)").str());
    list->add_option("--kind", *list_kind, tr("Only this kind: service, gadget, accessory or sim").str());
    list->callback([&ctx, list_on, list_kind] {
        auto db = ctx.open();
        const CalendarDate on = date_or_today(*db, *list_on);
        const auto found = products_on_sale(*db, on, *list_kind);
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& p : found)
                out.push_back(
                    {{"code", p.code},
                     {"name", p.name},
                     {"kind", p.kind},
                     {"price", p.price},
                     {"vat_code", p.vat_code},
                     {"vat_basis_points", p.vat_basis_points},
                     {"vat_amount", vat_included(p.price, p.vat_basis_points)},
                     {"version_id", p.version_id},
                     {"valid_from", p.valid_from},
                     {"valid_to", p.valid_to.empty() ? nlohmann::json() : nlohmann::json(p.valid_to)}});
            return print_json(out);
        }
        if (found.empty()) {
            std::cout << trf("Nothing is on sale on {1}.", {on.display()}).str() << '\n';
            return;
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& p : found)
            rows.push_back({p.code, p.name, kind_title(p.kind), Money::from_kopecks(p.price).format(),
                            vat_percent(p.vat_basis_points),
                            Money::from_kopecks(vat_included(p.price, p.vat_basis_points)).format(),
                            version_title(p)});
        print_table({tr("Code").str(), tr("Name").str(), tr("Kind").str(), tr("Price").str(), tr("VAT").str(),
                     tr("VAT included").str(), tr("Version in force").str()},
                    rows);
    });

    struct AddOptions {
        std::string code, name, kind, price, vat = "standard", from;
    };
    auto add_opts = std::make_shared<AddOptions>();
    auto* add = catalog->add_subcommand("add", tr("Add a product with its first price").str());
    add->add_option("CODE", add_opts->code, tr("Product code").str())->required();
    add->add_option("--name", add_opts->name, tr("Name").str())->required();
    add->add_option("--kind", add_opts->kind, tr("service, gadget, accessory or sim").str())->required();
    add->add_option("--price", add_opts->price, tr("Price with VAT, e.g. 1 234,50").str())->required();
    add->add_option("--vat", add_opts->vat, tr("VAT rate code: standard or none (default: standard)").str());
    add->add_option("--from", add_opts->from, tr("First day of the price (default: today, UTC)").str());
    add->callback([&ctx, add_opts] {
        auto db = ctx.open();
        const CalendarDate from = date_or_today(*db, add_opts->from);
        const auto id = add_product(*db, ctx.person(*db), add_opts->code, add_opts->name, add_opts->kind, from,
                                    price_option(add_opts->price), add_opts->vat);
        if (ctx.json) return print_json({{"ok", true}, {"id", id}});
        std::cout << trf("Product {1} added.", {add_opts->code}).str() << '\n';
    });

    struct PriceOptions {
        std::string code, price, vat, from;
    };
    auto price_opts = std::make_shared<PriceOptions>();
    auto* price = catalog->add_subcommand("price", tr("Set a product's price from a date").str());
    price->add_option("CODE", price_opts->code, tr("Product code").str())->required();
    price->add_option("--price", price_opts->price, tr("Price with VAT, e.g. 1 234,50").str())->required();
    price->add_option("--from", price_opts->from, tr("First day of the price (default: today, UTC)").str());
    price->add_option("--vat", price_opts->vat, tr("VAT rate code (default: the current one)").str());
    price->callback([&ctx, price_opts] {
        auto db = ctx.open();
        const CalendarDate from = date_or_today(*db, price_opts->from);
        set_price(*db, ctx.person(*db), price_opts->code, from, price_option(price_opts->price), price_opts->vat);
        if (ctx.json) return print_json({{"ok", true}});
        std::cout
            << trf("The new price of {1} is in force from {2}.", {price_opts->code, from.display()}).str()
            << '\n';
    });

    auto end_code = std::make_shared<std::string>();
    auto end_from = std::make_shared<std::string>();
    auto* end = catalog->add_subcommand("end", tr("Stop selling a product from a date").str());
    end->add_option("CODE", *end_code, tr("Product code").str())->required();
    end->add_option("--from", *end_from, tr("First day it is no longer sold (default: today, UTC)").str());
    end->callback([&ctx, end_code, end_from] {
        auto db = ctx.open();
        const CalendarDate from = date_or_today(*db, *end_from);
        end_sale(*db, ctx.person(*db), *end_code, from);
        if (ctx.json) return print_json({{"ok", true}});
        std::cout << trf("{1} is not sold from {2}.", {*end_code, from.display()}).str() << '\n';
    });

    for (const bool active : {false, true}) {
        auto code = std::make_shared<std::string>();
        auto* cmd = catalog->add_subcommand(active ? "restore" : "withdraw",
                                            active ? tr("Put a withdrawn product back on sale").str()
                                                   : tr("Withdraw a product from sale at once").str());
        cmd->add_option("CODE", *code, tr("Product code").str())->required();
        cmd->callback([&ctx, code, active] {
            auto db = ctx.open();
            set_product_active(*db, ctx.person(*db), *code, active);
            if (ctx.json) return print_json({{"ok", true}});
            std::cout << (active ? trf("{1} is back on sale.", {*code})
                                 : trf("{1} is withdrawn from sale.", {*code}))
                             .str()
                      << '\n';
        });
    }

    auto import_file = std::make_shared<std::string>();
    auto import_apply = std::make_shared<bool>(false);
    auto* import = catalog->add_subcommand(
        "import", tr("Check a price list (CSV or XLSX) and, with --apply, load it").str());
    import->add_option("FILE", *import_file, tr("The price list: CSV (UTF-8) or XLSX").str())->required();
    import->add_flag("--apply", *import_apply,
                     tr("Save the price list (all rows or, on any problem, none)").str());
    import->callback([&ctx, import_file, import_apply] {
        auto db = ctx.open();
    const auto rows = read_price_list(*import_file);
    const Actor actor = *import_apply ? ctx.person(*db) : ctx.viewer(*db);
    PriceImportPreview preview = preview_price_list(*db, actor, rows);
    if (*import_apply && preview.ok()) preview = apply_price_list(*db, actor, rows);
    if (ctx.json) {
        auto out = to_json(preview);
        out["applied"] = *import_apply && preview.ok();
        print_json(out);
    } else {
        print_preview(preview);
    }
    if (!preview.ok())
        throw ValidationError(tr("Price list"),
                              trn("{1} problem; nothing was saved", "{1} problems; nothing was saved",
                                  static_cast<long long>(preview.problems.size())));
    if (ctx.json) return;
    long long changed = 0;
    for (const auto& r : preview.rows) changed += r.action == PriceRowAction::unchanged ? 0 : 1;
    if (*import_apply)
        std::cout << trn("Saved: {1} change.", "Saved: {1} changes.", changed).str() << '\n';
    else
        std::cout << trn("No problem found: {1} change to apply with --apply.",
                         "No problem found: {1} changes to apply with --apply.", changed)
                         .str()
                  << '\n';
});

auto vat_on = std::make_shared<std::string>();
auto* vat = catalog->add_subcommand("vat", tr("List the VAT rates in force on a date").str());
vat->add_option("--on", *vat_on, tr("Date YYYY-MM-DD or DD.MM.YYYY (default: today, UTC)").str());
vat->callback([&ctx, vat_on] {
    auto db = ctx.open();
    const CalendarDate on = date_or_today(*db, *vat_on);
    const auto rates = vat_rates_in_force(*db, on);
    if (ctx.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& r : rates)
            out.push_back({{"code", r.code},
                           {"basis_points", r.basis_points},
                           {"valid_from", r.valid_from},
                           {"valid_to", r.valid_to.empty() ? nlohmann::json() : nlohmann::json(r.valid_to)}});
        return print_json(out);
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : rates) {
        const std::string version = r.valid_to.empty() ? trf("from {1}", {r.valid_from}).str()
                                                       : trf("{1} to {2}", {r.valid_from, r.valid_to}).str();
        rows.push_back({r.code, vat_percent(r.basis_points), version});
    }
    print_table({tr("Code").str(), tr("Rate").str(), tr("Version in force").str()}, rows);
});
}  // namespace salon::cli

}  // namespace salon::cli
