// Scores of the role-play (R-TRN-7) and the cases (R-TRN-8), given independently by several raters,
// trainers and dealers at the assessment (R-TRN-4), per candidate and criterion.
//
// Blind review: a rater sees and changes only his own scores; the other raters' scores of a rubric are
// shown to him once he has scored every criterion of that rubric for the candidate, so nobody anchors on
// another's numbers. A criterion whose raters differ by more than the rubric's margin is flagged.
// Experience earns nothing (R-TRN-7): there is no input for it, and a score is only what a rater gave.
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

struct ScoreForm {
    std::int64_t candidate_id = 0;
    std::int64_t criterion_id = 0;
    int points = 0;  // 0..the criterion's maximum
    std::string comment;
};

// Gives or changes the actor's own score. Needs run_training or record_votes and a place at the cohort's
// assessment; refused for a candidate who dropped out and once the week is closed. One transaction with
// its audit entry ("assessment.score").
void record_score(db::Database& db, const pos::Actor& actor, const ScoreForm& form);

struct RaterScore {
    std::int64_t rater_id = 0;
    std::string rater_name;
    int points = 0;
    std::string comment;
    std::int64_t scored_at = 0;
};

struct CriterionScores {
    std::int64_t rubric_id = 0;
    std::string rubric_title;
    std::int64_t criterion_id = 0;
    std::string criterion_title;
    int max_points = 0;
    int margin = 0;
    std::optional<RaterScore> own;
    bool others_hidden = true;        // the actor has not yet scored the whole rubric
    std::vector<RaterScore> others;   // empty while hidden
    int rater_count = 0;              // how many raters scored it (shown even while hidden)
    std::optional<double> average;    // over every rater; only when not hidden
    bool disagreement = false;        // max - min > margin; only when not hidden
};

// The candidate's scores by every rubric in use, criterion by criterion, as the actor may see them.
std::vector<CriterionScores> candidate_scores(db::Database& db, const pos::Actor& actor, std::int64_t candidate_id);

// Whether raters' points on one criterion differ by more than the margin (at least two raters).
bool raters_disagree(const std::vector<int>& points, int margin);

}  // namespace salon::training
