// The reward of one dealer for one period (R-POS-2, "Rewards, defined" in the domain): a pure function of
// the scheme and the dealer's period totals, so the station's fast way and the full-scan reference differ
// only in how they gather the totals, and what-if runs it with a changed scheme.
//
// The order: SIMs by tariff rate; volume tiers on the period's net SIM count (marginal or retroactive);
// services by rate; the bundle bonus times the multiplier of the bundle-share tier reached (nothing under
// the first tier: a gate); their sum is the base. The quality factor (R-POS-4: good ratings at least the
// threshold, else the scheme's multiplier, 0 being a gate) and the training coefficient are multiplied
// together exactly and applied to the base ONCE, rounded half away from zero to the kopeck; the cap; then
// each clawback of a SIM deactivated within the scheme's days, at the scheme's rate for its tariff and
// bundle bonus; then adjustments of locked periods. A dealer without ratings in the period has nothing to
// measure and keeps factor 1; without entrance tests in the period the test term counts as met.
#pragma once

#include "reports/core/RewardScheme.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace salon::reports {

struct Clawback {
    std::int64_t sale_line_id = 0;
    std::string msisdn;
    std::string tariff_code;
    bool is_bundle = false;
    std::int64_t sale_day = 0;         // accounting days (RewardPeriod.hpp)
    std::int64_t deactivated_day = 0;
};

// A dealer's totals for a period: everything its reward depends on.
struct DealerFacts {
    std::int64_t dealer_id = 0;
    std::map<std::string, std::int64_t> sims_by_tariff;       // tariff code -> SIMs sold less refunded
    std::map<std::string, std::int64_t> services_by_product;  // product code -> units sold less refunded
    std::int64_t bundle_sales = 0;  // SIM sales and tariff changes to a bundle tariff (R-POS-4)
    std::int64_t tariff_sales = 0;  // all SIM sales and tariff changes
    std::int64_t good_ratings = 0, ratings = 0;  // R-POS-5: 4 and 5 are good
    std::int64_t selling_staff = 0, certified_staff = 0;
    std::int64_t test_attempts = 0, tests_passed = 0;
    std::vector<Clawback> clawbacks;  // deactivations that became known in the period
    std::int64_t sims() const;
    bool operator==(const DealerFacts&) const;
};

// One line of a statement. `key` is stable ("sim:smart", "volume_tier:101", "upsell:svc-antispam",
// "bundle", "quality", "training", "cap", "clawback:LINE", "adjustment:2026-Q2"): disputes and the
// drill-down name it. quantity x rate gives amount for unit lines. The bundle line's numerator and
// denominator are the bundle share's counts and basis_points the tier's multiplier; quality: good ratings
// over ratings and the factor applied; training: certified over selling staff, and quantity over rate the
// entrance tests passed over those taken; clawback: numerator the days from sale to deactivation,
// denominator the scheme's limit.
struct StatementLine {
    std::string key;
    std::string rule;  // sim, volume_tier, upsell, bundle, quality, training, cap, clawback, adjustment
    std::string item;
    std::int64_t quantity = 0;
    std::int64_t rate = 0;  // kopecks per unit; basis points for bundle (the tier's multiplier)
    std::int64_t numerator = 0, denominator = 0;
    std::int64_t amount = 0;  // kopecks
    std::int64_t basis_points = 0;
};

struct DealerReward {
    std::int64_t dealer_id = 0;
    std::vector<StatementLine> lines;
    std::int64_t base = 0;   // before the coefficients
    std::int64_t total = 0;  // what the dealer is paid for the period
};

DealerReward calculate_reward(const RewardScheme& scheme, const DealerFacts& facts);

// num / den rounded half away from zero (den > 0).
std::int64_t round_half_away(__int128 numerator, __int128 denominator);

}  // namespace salon::reports
