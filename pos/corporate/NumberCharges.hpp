// What an employee may see of his own corporate number (R-CORP-6): its tariff with the package it includes,
// the monthly fee it is charged and the balance the operator's (sandbox) gateway keeps. The head's
// representative sees every number of the company; an ordinary employee only his own.
#pragma once

#include "pos/core/common/Money.hpp"
#include "pos/corporate/CorporateAuthority.hpp"

#include <cstdint>
#include <string>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

struct NumberCharges {
    std::string msisdn;  // E.164
    std::string tariff_name;
    std::string status;  // active | blocked
    Money monthly_fee;   // of the tariff's version in force today
    int included_minutes = 0, included_mb = 0, included_sms = 0;
    Money balance;  // the gateway's balance of the number (the sandbox's, until the operator is connected)
};

// Refused (RefusedError, R-CORP-6) when the representative may not see this number; InputError("msisdn")
// when it is not the company's. Needs the corporate desk's reader permission; reads only.
NumberCharges number_charges(db::Database& db, const Actor& actor, std::int64_t client_id,
                             const CompanyRepresentative& who, const std::string& msisdn);

}  // namespace salon::pos
