// A cohort (R-TRN-1, R-TRN-5): the candidates of one training week, at most 40, split into two streams
// above 20 (see Candidate.hpp). Created by a trainer; dealers see the cohorts to send candidates to them.
#pragma once

#include "training/core/cohort/CohortWeek.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}
namespace salon::pos {
class Actor;
}

namespace salon::training {

inline constexpr int kMaxCohortCapacity = 40;  // R-TRN-5: a group is 10-40 people
inline constexpr int kSingleStreamLimit = 20;  // R-TRN-5: above about 20 it is split in two streams

struct CohortForm {
    std::string week;  // the Friday it starts on
    int capacity = kMaxCohortCapacity;
    std::string vote_rule = "majority";  // how votes decide who continues (R-TRN-10); the assessment reads it
};

struct Cohort {
    std::int64_t id = 0;
    std::string week_start;  // "YYYY-MM-DD", a Friday
    int capacity = 0;
    std::string vote_rule;
    int candidates = 0;  // registered in it, of every dealer
    bool split = false;  // in two streams (more than 20 candidates)
    std::int64_t created_at = 0;
    bool closed = false;
};

// The centre's "today" by the database's clock.
pos::CalendarDate training_today(db::Database& db);

// A trainer (run_training) creates a cohort for a Friday that has not passed; one per week. One
// transaction with its journal entry. Throws InputError("week" / "capacity").
std::int64_t create_cohort(db::Database& db, const pos::Actor& actor, const CohortForm& form);
// Newest week first. For trainers and dealers (run_training or record_votes).
std::vector<Cohort> list_cohorts(db::Database& db, const pos::Actor& actor);
// Throws ValidationError when there is none.
Cohort get_cohort(db::Database& db, const pos::Actor& actor, std::int64_t id);

}  // namespace salon::training
