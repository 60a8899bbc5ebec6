// Who continues (R-TRN-4, R-TRN-10): trainers and dealers vote continue or stop on each candidate, and the
// cohort's rule, set by the trainer, turns the votes into the decision. Also the day's other events: a
// candidate who leaves and does not return (R-TRN-9) and one who missed Friday and joins on Monday (R-TRN-10).
//
// Who votes: everyone at the assessment: trainers, and the managers of every dealer who sent someone to
// the week. R-TRN-4 gives dealers a vote on the assessment, not only on their own people, so a dealer
// votes on any candidate of a cohort he attends (his votes count in the dealers' group).
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

// majority: more continue votes than stop votes among all votes (a tie stops: nobody continues without a
// majority for it). unanimous: every vote is continue. trainers_and_dealers: a majority of the trainers'
// votes AND a majority of the dealers' votes, each group having voted. Every rule needs at least one vote.
enum class VoteRule { majority, unanimous, trainers_and_dealers };
std::string_view to_string(VoteRule rule);
VoteRule vote_rule_from_string(std::string_view code);  // throws pos::InputError("vote_rule")
Text vote_rule_title(VoteRule rule);

enum class Vote { go_on, stop };  // "continue", "stop"
std::string_view to_string(Vote vote);
Vote vote_from_string(std::string_view code);  // throws pos::InputError("vote")

struct VoteTally {
    int trainers_continue = 0, trainers_stop = 0;  // head office's votes (trainers, administrators)
    int dealers_continue = 0, dealers_stop = 0;    // dealer managers' votes
};

// The rule applied: the decision, or RefusedError when the votes do not allow one yet (no votes; a group
// that has not voted under trainers_and_dealers).
Vote apply_vote_rule(VoteRule rule, const VoteTally& tally);

// The trainer sets the cohort's rule (run_training), before the week closes. One transaction, audited
// ("cohort.vote_rule").
void set_vote_rule(db::Database& db, const pos::Actor& actor, std::int64_t cohort_id, VoteRule rule);

// The actor's own vote on a candidate, given or changed (run_training or record_votes, at the cohort's
// assessment); refused for one who dropped out and once the week is closed. Audited ("candidate.vote").
void cast_vote(db::Database& db, const pos::Actor& actor, std::int64_t candidate_id, Vote vote,
               const std::string& comment = {});

struct CastVote {
    std::int64_t voter_id = 0;
    std::string voter_name;
    bool dealer = false;  // in the dealers' group
    Vote vote = Vote::go_on;
    std::string comment;
    std::int64_t cast_at = 0;
};
std::vector<CastVote> votes_on(db::Database& db, const pos::Actor& actor, std::int64_t candidate_id);
VoteTally tally(const std::vector<CastVote>& votes);

// The trainer applies the cohort's rule to the votes cast and records the decision with who decided and
// when (run_training). May be applied again while the week is open (a late vote changes it). Audited
// ("candidate.decide").
Vote decide(db::Database& db, const pos::Actor& actor, std::int64_t candidate_id);

// A candidate left during the day and did not return (R-TRN-9): recorded with the database's time and a
// note (run_training). Audited ("candidate.drop_out").
void record_drop_out(db::Database& db, const pos::Actor& actor, std::int64_t candidate_id,
                     const std::string& note = {});

// A candidate who missed the cohort's Friday joins on the Monday after it (R-TRN-10): recorded as
// candidate.joins_on (his entrance test is then taken on Monday). Refused once he has an attempt (he was
// there on Friday). run_training; audited ("candidate.joins_monday"). Returns the Monday, YYYY-MM-DD.
std::string join_on_monday(db::Database& db, const pos::Actor& actor, std::int64_t candidate_id);

}  // namespace salon::training
