// The tariff advisor: what a usage profile costs under each tariff in force on a date (R-TAR-1..3).
#pragma once

#include "db/Text.hpp"
#include "pos/core/common/Money.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {

// What a client uses in a month, per number. Inputs (for InputError): corporate, russia, other, zone, mb,
// sms, months, numbers, date.
struct UsageProfile {
    int minutes_corporate = 0;        // calls between the client's own numbers
    int minutes_russia = 0;           // home region and Russia
    int minutes_other_operators = 0;  // calls to other operators
    std::string other_operator_zone = "1";  // "1".."4": how remote the region called is
    int mb = 0;
    int sms = 0;
    int months = 1;   // 1..36: the period compared
    int numbers = 1;  // 1..1000: the client's numbers on the tariff
    std::string segment;  // "private" (the desk), "business" (the corporate desk), empty: every tariff
};

// Throws InputError naming the first bad input.
void validate(const UsageProfile& profile);

// One step of the arithmetic: `amount`, or `quantity` × `unit_price` = `amount` when a quantity is given.
struct QuoteLine {
    Text what;
    std::optional<long long> quantity;
    Money unit_price;
    Money amount;
    bool standard_rate = false;  // the unit price is the standard rate: the tariff gives none
};

struct TariffQuote {
    std::string code, name;
    bool is_bundle = false;
    bool individual = false;  // priced by agreement: not priced here, listed last
    std::string version_from;  // the version in force (R-TAR-2)
    Money monthly;             // per number, a month
    Money one_time;            // connection fee per number, apart (R-TAR-3)
    Money total;               // (monthly × months + one_time) × numbers
    std::vector<QuoteLine> lines;  // how `monthly` is made, then the connection fee
    std::string assumed;           // catalog values the source does not give (empty if none)
};

// Every tariff with a version in force on `on_date` (YYYY-MM-DD), cheapest total first (ties by name),
// individual tariffs last. Throws InputError on a bad profile or date.
std::vector<TariffQuote> advise(db::Database& db, const UsageProfile& profile, const std::string& on_date);

// A tariff as the catalog lists it on a date.
struct TariffInForce {
    std::string code, name, segment;
    bool is_bundle = false;
    bool individual = false;
    Money monthly_fee, connection_fee;
    std::string version_from, version_to;  // version_to empty: open-ended
};
std::vector<TariffInForce> tariffs_in_force(db::Database& db, const std::string& on_date);

// Today's date (YYYY-MM-DD) in UTC by the database clock.
std::string today_utc(db::Database& db);

}  // namespace salon::pos
