// What the sales desk must respect about a number before it takes money for it. The corporate desk's rules
// reach the till through here (the sales core does not link the corporate library): whether a number is a
// company's, whether its user's data was given (R-CORP-11), whether it is blocked (R-CORP-5). One check,
// one function.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Msisdn;

// A company's number as the till sees it.
struct CorporateNumberStanding {
    std::int64_t number_id = 0;
    std::int64_t client_id = 0;
    std::string status;          // active | blocked
    bool has_user_data = false;  // a row in corporate_number_user (R-CORP-10)
};

// The number's standing when it is a company's, nullopt for any other number. One lookup by the unique
// msisdn index: a private number costs the desk one indexed probe that finds nothing.
std::optional<CorporateNumberStanding> corporate_number_standing(db::Database& db, const std::string& msisdn_e164);

// R-CORP-11: for a company's number without its user's data, the operator credits only a bank transfer from
// the company's account, so the desk refuses cash and card (InputError "msisdn", naming the reason).
void require_user_data_for_desk_payment(const CorporateNumberStanding& standing, const Msisdn& number);

// R-CORP-5: a company's number blocked at its request (a lost or stolen SIM) takes no top-up and no SIM
// replacement until the company has it unblocked at the corporate desk (InputError "msisdn", naming the
// number and the way out). The sale asks only for those two lines, so a private SIM sale does no more work.
void require_number_not_blocked(const CorporateNumberStanding& standing, const Msisdn& number);

}  // namespace salon::pos
