// What every assessment operation reads first: the candidate with his cohort, and whether the actor is one
// of the people at the assessment (trainers, and dealers who sent someone to the week: R-TRN-4).
#pragma once

#include <cstdint>
#include <string>

namespace salon::db {
class Database;
}
namespace salon::pos {
class Actor;
}

namespace salon::training {

// The training centre is head office's: its times (a drop-out's moment) are shown on Moscow's clock.
inline constexpr const char* kTrainingCentreZone = "Europe/Moscow";

struct CandidateRecord {
    std::int64_t id = 0;
    std::int64_t cohort_id = 0;
    std::int64_t dealer_id = 0;
    std::int64_t salon_id = 0;  // 0: not given
    std::string full_name;
    std::string status;          // registered, dropped_out, passed, not_passed
    std::string decision;        // "", continue, stop
    std::int64_t staff_id = 0;   // 0: no account yet
    std::string week_start;      // the cohort's Friday
    std::string vote_rule;
    std::int64_t cohort_trainer_id = 0;
    bool cohort_closed = false;
};

// Refuses (RefusedError) a person who neither runs the training (run_training) nor votes (record_votes).
void require_assessor(db::Database& db, const pos::Actor& actor);

// Whether the actor is at this cohort's assessment: head office always; a dealer's person when his dealer
// sent at least one candidate to it (R-TRN-4: dealers attend beside the trainers).
bool attends_cohort(db::Database& db, const pos::Actor& actor, std::int64_t cohort_id);

// The candidate, for someone at his cohort's assessment; ValidationError on "candidate" otherwise (the
// same words as for a number nobody has).
CandidateRecord read_candidate(db::Database& db, const pos::Actor& actor, std::int64_t candidate_id);

// Refuses a change once the week is closed (its results are final and certified).
void require_open_cohort(const CandidateRecord& c);

}  // namespace salon::training
