// Closing the training week ("Passing"): a candidate passes when he passed the entrance test (R-TRN-6), the
// trainers and dealers decided he continues (R-TRN-10), he did not drop out (R-TRN-9) and the week is over.
// Passing writes the certification that lets him sell (R-POS-3) as a trainee (R-TRN-11), on an account
// opened for him when he has none.
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

// An account opened for a candidate who passed: its first password is shown once, here, and must be changed
// at the first sign-in.
struct OpenedAccount {
    std::int64_t candidate_id = 0;
    std::int64_t staff_id = 0;
    std::string full_name;
    std::string login;
    std::string one_time_password;
};

struct CohortClosing {
    std::int64_t cohort_id = 0;
    std::string closed_on;  // YYYY-MM-DD: the certifications' date
    std::vector<std::int64_t> passed, not_passed, dropped_out;
    std::vector<OpenedAccount> opened;
};

// The trainer closes the week on or after its last Friday (week_start + 7 days, by the database's clock, UTC
// day): every candidate still registered becomes passed or not_passed (finished_at set), a passed one is
// certified (source training, certified_on = the closing day, trainer = the cohort's trainer), and one
// without an account gets one (specialist, trainee level, his salon: refused when the candidate has no salon).
// Refused while a candidate who passed the test has no decision yet (decide first: nobody fails because a
// decision was forgotten). Needs run_training at head office. One transaction; audited ("cohort.close").
CohortClosing close_cohort(db::Database& db, const pos::Actor& actor, std::int64_t cohort_id);

// A login for a new account from a person's full name: the surname and the first name's initial in Latin
// letters ("Иванов Пётр Сергеевич" -> "ivanov.p"), lower case; "trainee" when nothing is left.
std::string login_from_name(const std::string& full_name);

}  // namespace salon::training
