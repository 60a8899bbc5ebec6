// The quality of the entrance test itself (R-TRN-6), as Moodle's quiz statistics report computes it, over a
// cohort's submitted attempts: per question version its facility, discrimination index and item–rest
// correlation, and the test's KR-20; questions too easy, too hard or failed by the best candidates are
// flagged for the trainer.
//
// Each attempt draws its own 16 questions, so an item's figures are over the attempts that drew it:
//   facility        share of those attempts that answered it right;
//   discrimination  its facility among the top third of the cohort's attempts by total score minus its
//                   facility among the bottom third (thirds of all submitted attempts, floor(n/3) each,
//                   ties broken by attempt number); none when either third did not draw it;
//   item–rest       the point-biserial correlation of the item (1 right, 0 not) with the attempt's total
//                   minus the item; none when either does not vary;
//   KR-20           k/(k−1) × (1 − Σ wᵢ pᵢ qᵢ / σ²), k the questions per attempt, pᵢ an item's facility, wᵢ
//                   the share of attempts that drew it, σ² the variance of the totals (population variances
//                   throughout); with every attempt drawing the same items this is the classical KR-20.
#pragma once

#include "db/Text.hpp"
#include "training/core/Topic.hpp"

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

namespace salon::training {

enum class ItemFlag {
    too_easy,                 // facility above 0.9
    too_hard,                 // facility below 0.2
    negative_discrimination,  // the best candidates fail it more than the weakest (index or item–rest below 0)
    low_discrimination,       // index from 0 to 0.2: it hardly tells the strong from the weak
};
inline constexpr double kTooEasyFacility = 0.9;
inline constexpr double kTooHardFacility = 0.2;
inline constexpr double kLowDiscrimination = 0.2;

std::string_view to_string(ItemFlag flag);
Text item_flag_title(ItemFlag flag);

struct ItemStatistics {
    std::int64_t version_id = 0;
    std::int64_t question_id = 0;
    int version_no = 0;
    Topic topic = Topic::geography;
    std::string kind, name, text;
    int attempts = 0;  // submitted attempts that drew it
    int correct = 0;
    double facility = 0.0;
    std::optional<double> discrimination;
    std::optional<double> item_rest;
    std::vector<ItemFlag> flags;
};

struct TestStatistics {
    std::int64_t cohort_id = 0;
    int attempts = 0;  // submitted attempts
    double mean_score = 0.0;
    double score_sd = 0.0;       // population standard deviation of the totals
    double items_per_attempt = 0.0;
    std::optional<double> kr20;  // none with fewer than 2 attempts or totals that do not vary
    std::vector<ItemStatistics> items;  // by topic, then question and version
};

// The cohorts there is something to analyse in, newest week first, with their submitted attempts.
struct AnalysableCohort {
    std::int64_t id = 0;
    std::string week_start;  // YYYY-MM-DD, a Friday
    int submitted_attempts = 0;
};
std::vector<AnalysableCohort> cohorts_for_analysis(db::Database& db, const pos::Actor& actor);

// Needs run_training. Throws ValidationError for a cohort that does not exist. A cohort without submitted
// attempts gives no items.
TestStatistics analyse_cohort(db::Database& db, const pos::Actor& actor, std::int64_t cohort_id);

}  // namespace salon::training
