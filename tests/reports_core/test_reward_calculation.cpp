// The reward's arithmetic ("Rewards, defined"; R-POS-2, R-POS-4) on totals written by hand: every expected
// figure below is worked out from the scheme's definition in the comment beside it, not from the code.
#include "reports/core/RewardCalculation.hpp"

#include <catch2/catch.hpp>

using namespace salon::reports;

namespace {

RewardScheme plain() {
    RewardScheme s;
    s.name = "test";
    s.valid_from = "2026-01-01";
    s.quality_threshold_bp = 8500;
    s.quality_below_bp = 10000;
    s.training_base_bp = 10000;
    return s;
}

std::int64_t line_amount(const DealerReward& r, const std::string& key) {
    for (const auto& l : r.lines)
        if (l.key == key) return l.amount;
    FAIL("no line " << key);
    return 0;
}

}  // namespace

TEST_CASE("A coefficient is applied once to the total and rounded half away from zero", "[rewards][R-POS-2]") {
    CHECK(round_half_away(1001, 2) == 501);   // 500.5 -> 501
    CHECK(round_half_away(-1001, 2) == -501);  // -500.5 -> -501
    CHECK(round_half_away(1000, 3) == 333);
    CHECK(round_half_away(2000, 3) == 667);

    // Three SIMs at 3.33 ₽ = 999 kopecks; good ratings 1 of 2 (50% < 85%) with a 0.5 multiplier:
    // 999 x 0.5 = 499.5 -> 500 kopecks. Rounding each SIM (333 x 0.5 = 166.5 -> 167, x3 = 501) would differ.
    RewardScheme s = plain();
    s.sim_rates = {{"*", 333}};
    s.quality_below_bp = 5000;
    DealerFacts f;
    f.sims_by_tariff["smart"] = 3;
    f.good_ratings = 1;
    f.ratings = 2;
    const auto r = calculate_reward(s, f);
    CHECK(r.base == 999);
    CHECK(r.total == 500);
    CHECK(line_amount(r, "quality") == -499);
}

TEST_CASE("Volume tiers pay marginally or retroactively as the scheme says", "[rewards][R-POS-2]") {
    // Tiers: from the 3rd SIM +10 kopecks, from the 5th +20. Six SIMs at 100 kopecks = 600.
    RewardScheme s = plain();
    s.sim_rates = {{"*", 100}};
    s.volume_tiers = {{3, 10}, {5, 20}};
    DealerFacts f;
    f.sims_by_tariff["classic"] = 6;
    // Marginal: SIMs 3 and 4 get 10 (20), SIMs 5 and 6 get 20 (40): 600 + 60 = 660.
    CHECK(calculate_reward(s, f).total == 660);
    CHECK(line_amount(calculate_reward(s, f), "volume_tier:3") == 20);
    // Retroactive: all six SIMs get the highest tier reached, 20: 600 + 120 = 720.
    s.tier_mode = TierMode::retroactive;
    CHECK(calculate_reward(s, f).total == 720);
    // Two SIMs reach no tier either way: 200.
    f.sims_by_tariff["classic"] = 2;
    CHECK(calculate_reward(s, f).total == 200);
}

TEST_CASE("The bundle share gates or scales the bundle bonus by its tiers", "[rewards][R-POS-2][R-POS-4]") {
    // Bundle bonus 100 kopecks; below 30% nothing, from 30% half, from 50% all.
    RewardScheme s = plain();
    s.bundle_bonus = 100;
    s.bundle_share_tiers = {{3000, 5000}, {5000, 10000}};
    DealerFacts f;
    f.bundle_sales = 2;
    f.tariff_sales = 10;  // 20%: gated
    CHECK(calculate_reward(s, f).total == 0);
    f.bundle_sales = 3;  // 30%: 3 x 100 x 0.5 = 150
    CHECK(calculate_reward(s, f).total == 150);
    f.bundle_sales = 5;  // 50%: 5 x 100 = 500
    CHECK(calculate_reward(s, f).total == 500);
}

TEST_CASE("Under 85% good ratings the quality gate pays nothing, the multiplier pays less", "[rewards][R-POS-4]") {
    RewardScheme s = plain();
    s.sim_rates = {{"*", 10000}};
    DealerFacts f;
    f.sims_by_tariff["smart"] = 2;  // 200.00 ₽
    f.good_ratings = 17;
    f.ratings = 20;  // 85%: met
    CHECK(calculate_reward(s, f).total == 20000);
    f.good_ratings = 16;  // 80%: below
    s.quality_below_bp = 0;  // a gate
    CHECK(calculate_reward(s, f).total == 0);
    s.quality_below_bp = 9000;  // a multiplier: 200 x 0.9 = 180
    CHECK(calculate_reward(s, f).total == 18000);
}

TEST_CASE("The training coefficient, the cap and a clawback", "[rewards][R-POS-2]") {
    // 10 SIMs x 100.00 ₽ = 1000.00 ₽. Training: 0.90 + 0.10 x 3/4 certified + 0.05 x 1/2 tests passed
    // = 0.90 + 0.075 + 0.025 = 1.00 -> 1000.00 ₽.
    RewardScheme s = plain();
    s.sim_rates = {{"*", 10000}};
    s.bundle_bonus = 5000;
    s.training_base_bp = 9000;
    s.training_certified_bp = 1000;
    s.training_test_bp = 500;
    s.clawback_days = 30;
    DealerFacts f;
    f.sims_by_tariff["smart"] = 10;
    f.selling_staff = 4;
    f.certified_staff = 3;
    f.test_attempts = 2;
    f.tests_passed = 1;
    CHECK(calculate_reward(s, f).total == 100000);
    // All certified, no tests in the period (counted as met): 0.90 + 0.10 + 0.05 = 1.05 -> 1050.00 ₽.
    f.certified_staff = 4;
    f.test_attempts = f.tests_passed = 0;
    CHECK(calculate_reward(s, f).total == 105000);
    // A cap of 1020.00 ₽ takes 30.00 ₽ off.
    s.cap = 102000;
    CHECK(calculate_reward(s, f).total == 102000);
    CHECK(line_amount(calculate_reward(s, f), "cap") == -3000);
    // A bundle SIM deactivated 30 days after its sale takes back 100.00 + 50.00 ₽ after the cap; 31 days: nothing.
    f.clawbacks.push_back({77, "+79160000001", "smart", true, 20000, 20030});
    CHECK(calculate_reward(s, f).total == 102000 - 15000);
    f.clawbacks[0].deactivated_day = 20031;
    CHECK(calculate_reward(s, f).total == 102000);
}
