// The entrance test's attempt (R-TRN-6), on Moodle's model: 16 questions drawn at the start (4 of each
// topic) and frozen with the attempt, every answer saved the moment it is given, a deadline fixed at the
// start by the database's clock (start + 15 minutes) that only a journaled grant moves, and submission by
// the candidate, by the kiosk at the deadline, or by whoever reads the attempt first after its deadline.
//
// What cannot happen, by construction:
// - an answer lost when time runs out: each answer is committed on its own when given; submission scores
//   what is saved, whoever triggers it;
// - an answer after the deadline or after submission: answer_slot refuses it and changes nothing;
// - an attempt left open because its kiosk died: every read (start/resume, show, lists) first finishes
//   any attempt whose deadline has passed ('overdue');
// - a candidate trapped at 0:00 after a restart: starting with his code past the deadline finishes the
//   attempt and shows its result;
// - the kiosk's clock deciding anything: every time is the database's (db::Database::now()).
//
// The candidate has no account: his kiosk code is his identity at the kiosk (KioskCode.hpp). The kiosk's
// operations are journaled on the station's chain with no person (actor 0) and the kiosk's name.
#pragma once

#include "training/core/Topic.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace salon::db {
class Database;
}
namespace salon::pos {
class Actor;
class AuditKey;
}  // namespace salon::pos

namespace salon::training {

struct AttemptSlot {
    int slot_no = 0;  // 1..16
    Topic topic = Topic::geography;
    std::string kind;  // single, multiple, truefalse, shortanswer
    std::string text;
    std::vector<std::string> options;  // as shown; empty for shortanswer
    nlohmann::json answer;             // null while unanswered
    std::int64_t answered_at = 0;
    bool correct = false;  // meaningful once the attempt is submitted
};

struct Attempt {
    std::int64_t id = 0;
    std::int64_t candidate_id = 0;
    std::string candidate_name;
    std::int64_t cohort_id = 0;
    std::int64_t dealer_id = 0;
    std::int64_t started_at = 0;
    std::int64_t deadline_at = 0;
    std::int64_t submitted_at = 0;  // 0 while open
    std::string submitted_how;      // candidate, deadline, overdue; empty while open
    int correct_count = 0;
    bool passed = false;
    std::string kiosk;
    std::int64_t read_at = 0;  // the attempt's clock when this was read (attempt_now)
    // The latest moment the attempt is known to have reached: its start or its newest answer. A clock
    // moved backwards never takes the attempt's time back before it (the test is never lengthened).
    std::int64_t reached_at = 0;
    std::vector<AttemptSlot> slots;

    bool submitted() const { return submitted_at != 0; }
    // Seconds left by the database's clock as read; 0 once submitted or past the deadline.
    std::int64_t seconds_left() const;
    int answered() const;
};

enum class AttemptStart {
    started,       // a new attempt with its 16 questions
    resumed,       // the open attempt of this code, with the time it has left
    finished_now,  // the code's attempt had passed its deadline: finished now with its saved answers
};

struct StartedAttempt {
    Attempt attempt;
    AttemptStart how = AttemptStart::started;
};

// The kiosk's start with a typed code. Refused (InputError("code")): a code no candidate has, a code whose
// attempt was already submitted, a candidate who dropped out. A new attempt draws 4 questions per topic
// at random from the bank (non-retired questions, the latest version of each), renders each with
// render_question and freezes them, all in one transaction with its journal entry; an open attempt is
// resumed as it is. `kiosk` is the station's name, kept with the attempt.
StartedAttempt start_attempt(db::Database& db, const pos::AuditKey& key, std::string_view typed_code,
                             const std::string& kiosk);

// Saves one answer the moment it is given (one small transaction): an array of option indexes as shown for
// choices, a string for shortanswer; null, [] or "" clears it. Refused, changing nothing: after the
// deadline, after submission, a slot outside 1..16, an answer of the wrong shape (InputError("answer")).
// Returns the attempt as it is now.
Attempt answer_slot(db::Database& db, const pos::AuditKey& key, std::int64_t attempt_id, int slot_no,
                    const nlohmann::json& answer);

// The candidate's "finish": scores the saved answers and closes the attempt. Refused when it was already
// submitted. Pressed at or after the deadline it is recorded as the deadline's submission.
Attempt submit_attempt(db::Database& db, const pos::AuditKey& key, std::int64_t attempt_id);
// The kiosk at its countdown's end: submits with every saved answer ('deadline') once the database's clock
// has reached the deadline; before that (the kiosk's timer ran ahead) returns the open attempt unchanged so
// the kiosk shows the time really left. An attempt already submitted is returned as it is.
Attempt submit_at_deadline(db::Database& db, const pos::AuditKey& key, std::int64_t attempt_id);

// Finishes every open attempt whose deadline has passed ('overdue'), each in its own transaction; returns
// how many. Every read below calls it first.
int finish_overdue_attempts(db::Database& db, const pos::AuditKey& key);

// The attempt with its slots, after finishing overdue attempts. Throws InputError("attempt") when none.
Attempt get_attempt(db::Database& db, const pos::AuditKey& key, std::int64_t attempt_id);
// The same for a person: trainers see every attempt, a dealer only his own candidates'.
Attempt get_attempt(db::Database& db, const pos::Actor& actor, std::int64_t attempt_id);
// A cohort's attempts (without slots) the actor sees, by candidate's name.
std::vector<Attempt> list_attempts(db::Database& db, const pos::Actor& actor, std::int64_t cohort_id);

// Extra time for an outage: a trainer (run_training) moves an open attempt's deadline by `minutes`
// (1..60) with a reason; one transaction with the grant row and its journal entry. Refused after
// submission only: an attempt past its deadline that nobody has finished yet (its kiosk lost the
// database) can still be given the time the outage took.
Attempt grant_extra_time(db::Database& db, const pos::Actor& actor, std::int64_t attempt_id, int minutes,
                         const std::string& reason);

std::string_view to_string(AttemptStart how);

}  // namespace salon::training

namespace salon::training {
// The candidate's verbs outside the kiosk (salon-cli) name the attempt by number and prove who they are
// with the kiosk code: throws InputError("code") unless `typed_code` is the code of the attempt's candidate.
void check_attempt_code(db::Database& db, std::int64_t attempt_id, std::string_view typed_code);
}  // namespace salon::training
