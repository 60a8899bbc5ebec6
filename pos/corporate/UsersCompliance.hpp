// Which companies owe the operator their users' data (R-CORP-10): a list older than a quarter, or numbers
// with no user data, each with the day it falls (or fell) due.
#pragma once

#include "pos/core/common/CalendarDate.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

struct UsersCompliance {
    std::int64_t client_id = 0;
    std::string inn, official_name;
    std::optional<std::string> newest_list_on;  // the day the newest list was accepted (UTC), YYYY-MM-DD
    int numbers = 0;
    int numbers_without_data = 0;
    // The list is due a quarter after the newest one (or after the contract's start when none came), the
    // data of a number from the day it was added; the earlier of the two.
    std::string due_on;
    bool overdue = false;  // due_on is before `today`
    bool list_stale = false;  // the newest list is older than a quarter (or there is none and a quarter passed)
};

// Companies with a stale list or numbers without user data, the earliest due first. Reads only; the actor
// needs the corporate desk.
std::vector<UsersCompliance> users_compliance(db::Database& db, const Actor& actor, const CalendarDate& today);

// `date` plus three calendar months, the day kept or, past the month's end, its last day (31.11 -> 30.11...).
CalendarDate plus_quarter(const CalendarDate& date);

}  // namespace salon::pos
