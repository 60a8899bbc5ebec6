// The candidates a dealer sends to a cohort after its own interview (R-TRN-2: nobody walks in), each with
// a personal kiosk code, and the cohort's two streams above 20 candidates (R-TRN-5).
//
// Streams: the cohort's candidates are taken by dealer (dealer number, then registration order) and dealt
// to stream 1, 2, 1, 2 ... in that one sequence. So the streams differ by at most one candidate, and every
// dealer's candidates are split between them as evenly as can be (by at most one). Recomputed on every
// registration; at 20 or fewer nobody has a stream.
#pragma once

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

struct CandidateForm {
    std::int64_t cohort_id = 0;
    std::int64_t dealer_id = 0;
    std::int64_t salon_id = 0;  // 0: not yet placed in a salon
    std::string full_name;
    std::string phone;           // optional: for the SMS invitation
    std::string email;           // optional: for the e-mail invitation
    std::string interview_date;  // the dealer's own interview; not in the future
    std::string notes;           // the interview's notes
};

struct Candidate {
    std::int64_t id = 0;
    std::int64_t cohort_id = 0;
    std::int64_t dealer_id = 0;
    std::string dealer_name;
    std::int64_t salon_id = 0;
    std::string full_name;
    std::string phone;
    std::string email;
    std::string interview_date;
    std::string notes;
    int stream = 0;  // 1 or 2; 0 while the cohort is not split
    std::string kiosk_code;
    std::string status;
    std::int64_t registered_at = 0;
};

// A dealer's manager registers his own dealer's candidate; head office (trainers, administrators) any
// dealer's. Refused: a cohort that is full, closed, or whose Friday has passed (by the database's clock),
// an interview date in the future. One transaction: the candidate with a fresh kiosk code, the streams
// recomputed, the journal entry. Throws InputError naming the field.
std::int64_t add_candidate(db::Database& db, const pos::Actor& actor, const CandidateForm& form);
// The cohort's candidates the actor sees (a dealer: only his own), by stream, dealer, name.
std::vector<Candidate> list_candidates(db::Database& db, const pos::Actor& actor, std::int64_t cohort_id);
Candidate get_candidate(db::Database& db, const pos::Actor& actor, std::int64_t id);

// Deals the cohort's candidates into streams as described above; inside the caller's transaction.
void assign_streams(db::Database& db, std::int64_t cohort_id);

// A plain check of an e-mail address's shape (one @, a dot in the domain, no spaces); InputError("email").
std::string validate_candidate_email(const std::string& email);

}  // namespace salon::training
