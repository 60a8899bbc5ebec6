// The first run of a new deployment: its dealer, its first salon and its head-office administrator,
// created together by the station's wizard and by `salon-cli setup` alike.
#pragma once

#include "db/Text.hpp"
#include "pos/core/organisation/Dealer.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace salon::db {
class Database;
struct DatabaseUrl;
}

namespace salon::pos {

class AuditKey;

// What the wizard's pages (or salon-cli setup's options) collect.
struct FirstRunForm {
    DealerForm dealer;
    std::string salon_name;
    std::string salon_address;
    std::string time_zone;  // IANA name; russian_time_zones() offers Russia's
    std::string admin_login;
    std::string admin_full_name;
    std::string admin_password;
    std::string admin_password_again;  // the wizard asks twice; salon-cli passes the same text
};

struct FirstRunResult {
    std::int64_t dealer_id = 0;
    std::int64_t salon_id = 0;
    std::int64_t admin_id = 0;
};

// Whether the database is set up: it has a dealer or a staff member. A migrated database with neither
// (a first run that never committed) is not, and the first run starts again. Reads only; the station asks
// it before choosing the wizard or the sign-in window, salon-cli setup before anything else.
bool is_set_up(db::Database& db);

// The first run as one transaction with its audit entries ("dealer.save", "salon.save", "staff.save",
// then "setup.first_run"): the dealer, its salon in `time_zone`, and the administrator (the top role,
// head_office_admin) who signs in with the password he chose. Nobody exists yet to act: the entries are
// the command line's (Actor::command_line), naming the operating-system user. Refuses (RefusedError) a
// database already set up; bad input is an InputError naming the input as "dealer.inn", "salon.time_zone",
// "admin.password" ..., and nothing at all is saved.
FirstRunResult run_first_setup(db::Database& db, const AuditKey& key, const FirstRunForm& form);

// What the wizard's "Test connection" and `salon-cli setup --check-db` learn about a database before it is
// chosen: it connects (or, for a SQLite file not there yet, checks that it can be created) and changes
// nothing. Throws DatabaseError saying why it cannot be used.
struct DatabaseCheck {
    std::string database;    // the URL without its password
    bool exists = false;     // false: a new SQLite file that setting up will create
    int schema_version = 0;  // 0: empty (or not there yet)
    bool set_up = false;     // is_set_up: a second station joining the network finds its data here
    Text summary() const;
};
DatabaseCheck check_database(const db::DatabaseUrl& url);

// The time zones of Russia, west to east, for the salon's time-zone choice.
struct TimeZoneChoice {
    std::string zone;  // IANA name
    Text title;        // "Moscow (MSK, UTC+3)"
};
const std::vector<TimeZoneChoice>& russian_time_zones();

}  // namespace salon::pos
