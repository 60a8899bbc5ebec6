// salon-cli bench rewards --period P: every dealer's reward for the period computed the station's way (the
// day summaries of the days over plus a scan of the open days) and, in the same run on the same database,
// by the plain full-scan aggregate over the raw rows followed by the same scheme ("Rewards, defined"):
// both times, their ratio and whether every dealer's total agrees to the kopeck.
#include "db/Text.hpp"
#include "pos/cli/BenchFigures.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "reports/core/RewardCalculation.hpp"
#include "reports/core/RewardFacts.hpp"
#include "reports/core/RewardScheme.hpp"

#include <chrono>
#include <iostream>
#include <memory>

namespace salon::cli {
using namespace salon::reports;

namespace {

double since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

void run_reward_bench(const CliContext& ctx, const std::string& code) {
    auto db = ctx.open();
    const PeriodRange period = parse_period(code);
    const RewardScheme scheme = scheme_in_force(*db, period.starts_on.iso());
    // The summaries are the station's own, built once by the first computation that needs them; they are
    // built (and timed) first so that the station's figure is the one every later computation sees.
    auto start = std::chrono::steady_clock::now();
    const int built = materialise_closed_days(*db, period.first_day(), period.end_day());
    const double materialise_ms = since(start);

    start = std::chrono::steady_clock::now();
    std::map<std::int64_t, std::int64_t> station;
    for (const auto& [dealer, facts] : gather_facts(*db, period)) station[dealer] = calculate_reward(scheme, facts).total;
    const double station_ms = since(start);

    start = std::chrono::steady_clock::now();
    std::map<std::int64_t, std::int64_t> full;
    for (const auto& [dealer, facts] : gather_facts_full_scan(*db, period))
        full[dealer] = calculate_reward(scheme, facts).total;
    const double full_ms = since(start);

    const bool agree = station == full;
    const double ratio = station_ms > 0 ? full_ms / station_ms : 0;
    if (ctx.json) {
        print_json({{"station_ms", station_ms},
                    {"full_scan_ms", full_ms},
                    {"ratio", ratio},
                    {"dealers", static_cast<long long>(station.size())},
                    {"agree", agree}});
        return;
    }
    std::cout << trf("Period {1}, {2} dealers", {period.code, std::to_string(station.size())}).str() << '\n'
              << trf("station: {1} ms (day summaries built first: {2} days in {3} ms)",
                     {ms(station_ms), std::to_string(built), ms(materialise_ms)})
                     .str()
              << '\n'
              << trf("full scan: {1} ms", {ms(full_ms)}).str() << '\n'
              << trf("ratio: {1}; every dealer's total agrees to the kopeck: {2}",
                     {ms(ratio), agree ? tr("yes").str() : tr("NO").str()})
                     .str()
              << '\n';
}

}  // namespace

void add_reward_bench(CLI::App& app, CliContext& ctx) {
    CLI::App* bench = nullptr;
    for (auto* sub : app.get_subcommands([](CLI::App* s) { return s->get_name() == "bench"; })) bench = sub;
    if (!bench) {
        bench = app.add_subcommand("bench", tr("Benchmarks on a scratch database").str());
        bench->require_subcommand(1);
    }
    auto period = std::make_shared<std::string>();
    auto* rewards = bench->add_subcommand(
        "rewards", tr("Time a period's rewards the station's way against the full-scan aggregate, and compare them").str());
    rewards->add_option("--period", *period, tr("2026-09 (a month) or 2026-Q3 (a quarter)").str())->required();
    rewards->callback([&ctx, period] { run_reward_bench(ctx, *period); });
}

}  // namespace salon::cli
