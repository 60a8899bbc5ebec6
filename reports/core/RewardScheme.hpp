// A dealer reward scheme (R-POS-2, R-POS-4) as data: one version with its effective dates, its parameters
// and its rate rows. Head office edits it in the station; a new version starts on a date and closes the one
// before, so versions never overlap and leave no gap.
#pragma once

#include "pos/core/common/CalendarDate.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}
namespace salon::pos {
class Actor;
}

namespace salon::reports {

// Volume tiers: marginal pays each SIM the amount of the band it falls in; retroactive pays every SIM of
// the period the amount of the highest band reached.
enum class TierMode { marginal, retroactive };
std::string to_string(TierMode mode);
TierMode tier_mode_from_string(const std::string& text);  // throws InputError("tier_mode")

// kopecks per unit of `item` (a tariff or product code; "*" for any other).
struct UnitRate {
    std::string item;
    std::int64_t amount = 0;
    bool operator==(const UnitRate&) const = default;
};
// From the `from`-th SIM of the period, `amount` kopecks more per SIM.
struct VolumeTier {
    std::int64_t from = 1;
    std::int64_t amount = 0;
    bool operator==(const VolumeTier&) const = default;
};
// From a bundle share of `from_bp` basis points (5000 = 50%), the bundle bonus times `multiplier_bp`.
struct ShareTier {
    std::int64_t from_bp = 0;
    std::int64_t multiplier_bp = 10000;
    bool operator==(const ShareTier&) const = default;
};

struct RewardScheme {
    std::int64_t id = 0;
    std::string name;
    std::string valid_from;  // YYYY-MM-DD, first day in force
    std::string valid_to;    // first day no longer in force; empty: open
    TierMode tier_mode = TierMode::marginal;
    std::int64_t bundle_bonus = 0;         // kopecks per SIM sale or tariff change to a bundle tariff
    std::int64_t quality_threshold_bp = 8500;  // R-POS-4: good ratings at least 85%
    std::int64_t quality_below_bp = 0;     // the multiplier under the threshold; 0: a gate
    std::int64_t training_base_bp = 10000;
    std::int64_t training_certified_bp = 0;  // times the share of selling staff certified
    std::int64_t training_test_bp = 0;       // times the share of entrance tests passed
    std::optional<std::int64_t> cap;         // kopecks a dealer earns at most in a period
    std::int64_t clawback_days = 0;
    std::vector<UnitRate> sim_rates;
    std::vector<UnitRate> upsell_rates;
    std::vector<VolumeTier> volume_tiers;
    std::vector<ShareTier> bundle_share_tiers;

    // The rate of a tariff or product code: its own row, else the "*" row, else 0.
    std::int64_t sim_rate(const std::string& tariff_code) const;
    std::int64_t upsell_rate(const std::string& product_code) const;
};

// Refuses (InputError naming the field) a negative amount or rate, a basis-point value out of range, a
// tier table out of order, a rate listed twice, an empty name.
void validate(const RewardScheme& scheme);

// The version in force on `date` (ISO). Throws RefusedError when none is.
RewardScheme scheme_in_force(db::Database& db, const std::string& date);
RewardScheme get_scheme(db::Database& db, const pos::Actor& actor, std::int64_t id);
// Every version, oldest first; the actor needs view_dealer_reports.
std::vector<RewardScheme> list_schemes(db::Database& db, const pos::Actor& actor);

// Saves `scheme` as a new version in force from scheme.valid_from, closing the version in force before it
// on that day. The actor needs edit_reward_schemes. Refused: a start on or before the latest version's
// start (the versions would overlap), an end date (a gap would follow it), a start inside a locked period
// (a locked period is never edited). One transaction with its audit entry ("reward_scheme.save").
std::int64_t save_scheme_version(db::Database& db, const pos::Actor& actor, RewardScheme scheme);

nlohmann::json to_json(const RewardScheme& scheme);
// Reads a scheme as to_json writes it; throws InputError naming the field that is missing or wrong.
RewardScheme scheme_from_json(const nlohmann::json& json);

}  // namespace salon::reports
