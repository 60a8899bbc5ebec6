// Rubrics of the role-play (R-TRN-7) and the cases (R-TRN-8): criteria with their maximum points and the
// margin beyond which raters' scores of one criterion are flagged. Trainers keep them (run_training).
//
// Prior experience earns nothing (R-TRN-7): no rubric and no score has a field for it, and nothing reads a
// candidate's interview notes (where a dealer writes his years in retail) into a score.
#pragma once

#include "db/Text.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace salon::db {
class Database;
}
namespace salon::pos {
class Actor;
}

namespace salon::training {

enum class RubricKind { role_play, case_study };
std::string_view to_string(RubricKind kind);                  // "role_play", "case"
RubricKind rubric_kind_from_string(std::string_view code);    // throws pos::InputError("kind")
Text rubric_kind_title(RubricKind kind);

struct RubricCriterion {
    std::int64_t id = 0;
    int position = 0;
    std::string title;
    int max_points = 0;
};

struct Rubric {
    std::int64_t id = 0;
    RubricKind kind = RubricKind::role_play;
    std::string title;
    int margin = 2;
    bool retired = false;
    std::vector<RubricCriterion> criteria;  // by position
};

struct CriterionForm {
    std::string title;
    int max_points = 5;  // 1..100
};

struct RubricForm {
    RubricKind kind = RubricKind::role_play;
    std::string title;
    int margin = 2;  // 0..100
    std::vector<CriterionForm> criteria;  // at least one
};

// Adds (`id` 0) or edits a rubric; the actor needs run_training. Once anyone has scored by a rubric its
// criteria stay as they are (a score keeps meaning what it was given for): an edit may then change the
// title, the margin and the criteria's titles only, and refuses a changed number of criteria or points.
// One transaction with its audit entry ("rubric.save"); returns the id.
std::int64_t save_rubric(db::Database& db, const pos::Actor& actor, const RubricForm& form, std::int64_t id = 0);

// The rubrics in use (retired ones left out unless asked), by kind and title.
std::vector<Rubric> list_rubrics(db::Database& db, bool with_retired = false);
// Throws pos::InputError("rubric") when there is none.
Rubric get_rubric(db::Database& db, std::int64_t id);

// The two rubrics the centre starts with: the role-play's (R-TRN-7) and the cases' (R-TRN-8). Adds each one
// only when no rubric of its title exists, so seeding twice adds nothing; returns the ids added.
std::vector<std::int64_t> seed_default_rubrics(db::Database& db, const pos::Actor& actor);

}  // namespace salon::training
