// A cohort's results sheet for dealers: per candidate his dealer, stream, entrance test (of 16) and pass,
// rubric averages per criterion with the raters' disagreement flags, votes, decision and status. A dealer's
// manager sees only his own candidates' rows; head office sees all.
#pragma once

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

struct ResultCriterion {
    std::int64_t criterion_id = 0;
    std::string rubric_title;
    std::string title;
    int max_points = 0;
};

struct CandidateResult {
    std::int64_t candidate_id = 0;
    std::string full_name;
    std::int64_t dealer_id = 0;
    std::string dealer_name;
    int stream = 0;                        // 0: not split
    std::optional<int> test_correct;       // of 16; empty: no finished attempt
    std::optional<bool> test_passed;
    std::vector<std::optional<double>> averages;  // one per criterion of CohortResults::criteria
    std::vector<bool> disagreements;              // one per criterion
    int votes_continue = 0, votes_stop = 0;
    std::string decision;                  // "", continue, stop
    std::string status;                    // registered, dropped_out, passed, not_passed
    std::int64_t dropped_at = 0;           // Unix seconds when dropped out
    std::string joins_on;                  // YYYY-MM-DD when he joins on Monday
};

struct CohortResults {
    std::int64_t cohort_id = 0;
    std::string week_start;
    std::string vote_rule;
    bool closed = false;
    std::int64_t dealer_scope = 0;  // 0: head office's full sheet
    std::vector<ResultCriterion> criteria;
    std::vector<CandidateResult> rows;  // by dealer, then name
};

// Needs run_training, record_votes or view_dealer_reports. Throws pos::InputError("cohort") for a cohort
// that does not exist or, for a dealer, one he sent nobody to.
CohortResults cohort_results(db::Database& db, const pos::Actor& actor, std::int64_t cohort_id);

struct AssessedCohort {
    std::int64_t id = 0;
    std::string week_start;
    bool closed = false;
};
// The cohorts the actor was at (head office: all; a dealer's person: those his dealer sent someone to),
// latest first, for the pages that choose one.
std::vector<AssessedCohort> assessed_cohorts(db::Database& db, const pos::Actor& actor);

// The status as people read it: "passed", "not passed", "dropped out at 02.10.2026 14:05" (Moscow time).
std::string status_text(const CandidateResult& row);

}  // namespace salon::training
