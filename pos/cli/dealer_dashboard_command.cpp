// `salon-cli dashboard` for a person bound to no salon (a dealer's manager, head office): every salon he
// sees side by side — today's queue and waits (R-POS-6), this month's bundle and good-rating shares and the
// specialists below a norm (R-POS-4) — and, for a dealer's manager, his reward for the open quarter as it
// accrues (R-POS-2).
#include "db/Text.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/common/Money.hpp"
#include "pos/core/sale/Queue.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "reports/core/DealerRewards.hpp"

#include <cstdio>
#include <iostream>

namespace salon::cli {

namespace {

std::string share(long long part, long long whole) {
    if (whole == 0) return "—";
    return std::to_string(part * 100 / whole) + "%";
}

std::string one_decimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

}  // namespace

void print_dealer_dashboard(const CliContext& ctx, db::Database& db, const pos::Actor& viewer) {
    nlohmann::json salons = nlohmann::json::array();
    std::vector<std::vector<std::string>> rows;
    for (const auto& salon : pos::list_salons(db, viewer)) {
        if (!salon.active) continue;
        const pos::DeskDashboard d = pos::desk_dashboard(db, viewer, salon.id);
        long long bundle = 0, tariff = 0, good = 0, rated = 0, below = 0, served = 0;
        for (const auto& n : d.norms) {
            bundle += n.bundle_sales;
            tariff += n.tariff_sales;
            good += n.good_ratings;
            rated += n.ratings;
            served += n.visits_served;
            if (!n.bundle_norm_met() || !n.rating_norm_met()) ++below;
        }
        salons.push_back({{"salon_id", salon.id},
                          {"salon", salon.name},
                          {"dealer", salon.dealer_name},
                          {"day", d.day},
                          {"waiting", d.waiting},
                          {"serving", d.serving},
                          {"done", d.done},
                          {"left", d.left},
                          {"average_wait_minutes", d.average_wait_minutes},
                          {"p90_wait_minutes", d.p90_wait_minutes},
                          {"month_visits_served", served},
                          {"month_bundle_sales", bundle},
                          {"month_tariff_sales", tariff},
                          {"month_good_ratings", good},
                          {"month_ratings", rated},
                          {"specialists_below_norm", below}});
        rows.push_back({salon.name, std::to_string(d.waiting), std::to_string(d.done), one_decimal(d.average_wait_minutes),
                        std::to_string(served), share(bundle, tariff), share(good, rated), std::to_string(below)});
    }
    nlohmann::json reward;
    std::string reward_line;
    if (viewer.dealer_id()) {
        const auto quarter = reports::period_of_day("quarter", reports::accounting_day(db.now()));
        const auto s = reports::dealer_statement(db, viewer, quarter.code, viewer.dealer_id());
        reward = {{"period", s.period.code}, {"status", s.accruing ? "accruing" : s.period.status},
                  {"total", s.reward.total}};
        reward_line = trf("Reward for {1} so far: {2}", {s.period.code, pos::Money::from_kopecks(s.reward.total).format()}).str();
    }
    if (ctx.json) {
        print_json({{"salons", salons}, {"reward", reward}});
        return;
    }
    print_table({tr("Salon").str(), tr("Waiting").str(), tr("Served today").str(), tr("Average wait, min").str(),
                 tr("Served this month").str(), tr("Bundle share").str(), tr("Good ratings").str(),
                 tr("Below a norm").str()},
                rows);
    if (!reward_line.empty()) std::cout << '\n' << reward_line << '\n';
}

}  // namespace salon::cli
