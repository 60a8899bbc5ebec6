// salon-cli tariffs list|advise: the tariff catalog in force on a date and the tariff advisor (R-TAR-1..3).
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/catalog/TariffAdvisor.hpp"

#include <iostream>

namespace salon::cli {
using namespace salon::pos;

namespace {

std::string yes_no(bool value) { return value ? tr("yes").str() : tr("no").str(); }

std::string segment_title(const std::string& segment) {
    if (segment == "business") return tr("business").str();
    if (segment == "private") return tr("private").str();
    return segment;
}

std::string version_title(const TariffInForce& t) {
    if (t.version_to.empty()) return trf("from {1}", {t.version_from}).str();
    return trf("{1} to {2}", {t.version_from, t.version_to}).str();
}

nlohmann::json to_json(const TariffInForce& t) {
    return {{"code", t.code},
            {"name", t.name},
            {"segment", t.segment},
            {"is_bundle", t.is_bundle},
            {"individual", t.individual},
            {"monthly_fee", t.monthly_fee.kopecks()},
            {"connection_fee", t.connection_fee.kopecks()},
            {"valid_from", t.version_from},
            {"valid_to", t.version_to.empty() ? nlohmann::json() : nlohmann::json(t.version_to)}};
}

nlohmann::json to_json(const TariffQuote& q) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : q.lines) {
        nlohmann::json line = {{"what", l.what.str()}, {"amount", l.amount.kopecks()}};
        if (l.quantity) {
            line["quantity"] = *l.quantity;
            line["unit_price"] = l.unit_price.kopecks();
            line["standard_rate"] = l.standard_rate;
        }
        lines.push_back(line);
    }
    nlohmann::json out = {{"code", q.code},        {"name", q.name},       {"is_bundle", q.is_bundle},
                          {"individual", q.individual}, {"priced", !q.individual}, {"valid_from", q.version_from},
                          {"lines", lines},       {"assumed", q.assumed}};
    nlohmann::json services = nlohmann::json::array(), options = nlohmann::json::array();
    for (const auto& f : q.features)
        (f.kind == "service" ? services : options).push_back({{"code", f.code}, {"name", f.name}, {"assumed", f.assumed}});
    out["services"] = services;
    out["options"] = options;
    out["carry_over"] = q.carry_over;
    if (!q.months.empty()) {
        nlohmann::json months = nlohmann::json::array();
        for (const auto& m : q.months)
            months.push_back({{"cost", m.cost.kopecks()}, {"carried_minutes", m.carried_minutes}, {"carried_mb", m.carried_mb}});
        out["by_month"] = months;
    }
    if (q.individual) {
        out["monthly"] = nullptr;
        out["one_time"] = nullptr;
        out["total"] = nullptr;
    } else {
        out["monthly"] = q.monthly.kopecks();
        out["one_time"] = q.one_time.kopecks();
        out["total"] = q.total.kopecks();
    }
    return out;
}

void print_quote(int rank, const TariffQuote& q, const UsageProfile& p) {
    std::cout << rank << ". " << q.name << " (" << q.code << ")";
    if (q.individual) {
        std::cout << ": " << tr("priced by agreement").str() << '\n';
    } else {
        std::cout << ": " << q.total.format() << '\n';
        for (const auto& l : q.lines) {
            std::cout << "   " << l.what.str() << ": ";
            if (l.quantity) {
                std::cout << *l.quantity << " × " << l.unit_price.format() << " = ";
            }
            std::cout << l.amount.format();
            if (l.standard_rate) std::cout << " (" << tr("standard rate").str() << ")";
            std::cout << '\n';
        }
        if (q.months.empty()) {
            std::cout << "   " << tr("A month per number").str() << ": " << q.monthly.format() << "; "
                      << tr("once per number").str() << ": " << q.one_time.format() << '\n';
            std::cout << "   "
                      << trf("Total for {1} months, {2} numbers", {std::to_string(p.months), std::to_string(p.numbers)})
                             .str()
                      << ": (" << q.monthly.format() << " × " << p.months << " + " << q.one_time.format() << ") × "
                      << p.numbers << " = " << q.total.format() << '\n';
        } else {
            std::cout << "   "
                      << trf("Total for {1} months, {2} numbers", {std::to_string(q.months.size()), std::to_string(p.numbers)})
                             .str()
                      << ": (";
            for (std::size_t i = 0; i < q.months.size(); ++i) std::cout << (i ? " + " : "") << q.months[i].cost.format();
            std::cout << " + " << q.one_time.format() << ") × " << p.numbers << " = " << q.total.format() << '\n';
        }
    }
    for (const auto& f : q.features)
        std::cout << "   " << (f.kind == "service" ? tr("Included service") : tr("Option")).str() << ": " << f.name
                  << (f.code == "carry_over" ? " (" + tr("honoured month by month").str() + ")" : std::string()) << '\n';
    if (!q.assumed.empty()) std::cout << "   " << tr("Catalog values not from the source").str() << ": " << q.assumed << '\n';
}

}  // namespace

void add_tariff_commands(CLI::App& app, CliContext& ctx) {
    auto* tariffs = app.add_subcommand("tariffs", tr("Tariffs in force and the tariff advisor").str());
    tariffs->require_subcommand(1);

    auto list_date = std::make_shared<std::string>();
    auto* list = tariffs->add_subcommand("list", tr("List the tariffs in force on a date").str());
    list->add_option("--date", *list_date, tr("Date YYYY-MM-DD (default: today, UTC)").str());
    list->callback([&ctx, list_date] {
        auto db = ctx.open();
        const std::string date = list_date->empty() ? today_utc(*db) : *list_date;
        const auto found = tariffs_in_force(*db, date);
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& t : found) out.push_back(to_json(t));
            return print_json(out);
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& t : found)
            rows.push_back({t.code, t.name, segment_title(t.segment), yes_no(t.is_bundle),
                            t.individual ? tr("by agreement").str() : t.monthly_fee.format(),
                            t.individual ? tr("by agreement").str() : t.connection_fee.format(), version_title(t)});
        print_table({tr("Code").str(), tr("Name").str(), tr("Segment").str(), tr("Bundle").str(),
                     tr("Monthly fee").str(), tr("Connection fee").str(), tr("Version in force").str()},
                    rows);
    });

    auto profile = std::make_shared<UsageProfile>();
    auto advise_date = std::make_shared<std::string>();
    auto* adv = tariffs->add_subcommand("advise", tr("Rank the tariffs by what a usage profile costs").str());
    adv->add_option("--corporate", profile->minutes_corporate, tr("Minutes a month between the client's numbers").str());
    adv->add_option("--russia", profile->minutes_russia, tr("Minutes a month in the home region and Russia").str());
    adv->add_option("--other", profile->minutes_other_operators, tr("Minutes a month to other operators").str());
    adv->add_option("--international", profile->minutes_international,
                    tr("Minutes a month of international calls (standard rates, outside every package)").str());
    auto months_typed = std::make_shared<std::vector<std::string>>();
    adv->add_option("--month", *months_typed,
                    tr("One month's usage, given once for every month in order, e.g. russia=1200,mb=20480 (keys: "
                       "corporate, russia, other, international, mb, sms); carry-over is honoured between them")
                        .str());
    adv->add_option("--zone", profile->other_operator_zone, tr("Zone of the other operators called: 1 to 4").str());
    adv->add_option("--mb", profile->mb, tr("Megabytes a month").str());
    adv->add_option("--sms", profile->sms, tr("SMS a month").str());
    adv->add_option("--months", profile->months, tr("Months to compare over (1 to 36)").str());
    adv->add_option("--numbers", profile->numbers, tr("Numbers of the client (1 to 1000)").str());
    adv->add_option("--segment", profile->segment, tr("Only tariffs for private or business clients (default: every tariff)").str());
    adv->add_option("--date", *advise_date, tr("Date YYYY-MM-DD (default: today, UTC)").str());
    adv->callback([&ctx, profile, advise_date, months_typed] {
        auto db = ctx.open();
        const std::string date = advise_date->empty() ? today_utc(*db) : *advise_date;
        std::vector<TariffQuote> quotes;
        reporting_input(ctx, [&] {
            profile->by_month.clear();
            for (const auto& m : *months_typed) profile->by_month.push_back(parse_month_usage(m));
            if (!profile->by_month.empty() && profile->months == 1)
                profile->months = static_cast<int>(profile->by_month.size());
            quotes = advise(*db, *profile, date);
        });
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& q : quotes) out.push_back(to_json(q));
            return print_json({{"date", date}, {"months", profile->months}, {"numbers", profile->numbers},
                               {"quotes", out}});
        }
        if (quotes.empty()) {
            std::cout << trf("No tariff is in force on {1}.", {date}).str() << '\n';
            return;
        }
        std::cout << trf("Tariffs on {1}, cheapest first:", {date}).str() << '\n';
        int rank = 0;
        for (const auto& q : quotes) print_quote(++rank, q, *profile);
    });
}

}  // namespace salon::cli
