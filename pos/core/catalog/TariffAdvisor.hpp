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

// What a number uses in one month of the comparison, when months differ (see UsageProfile::by_month).
struct MonthUsage {
    int minutes_corporate = 0;
    int minutes_russia = 0;
    int minutes_other_operators = 0;
    int minutes_international = 0;
    int mb = 0;
    int sms = 0;
};

// What a client uses in a month, per number. Inputs (for InputError): corporate, russia, other,
// international, zone, mb, sms, months, numbers, month, date.
//
// A package covers calls by where they go, not by whose number answers (domain.md): the minutes of a
// tariff's package count every call inside Russia, to the company's own numbers (unless the tariff makes
// those unlimited) and to other operators' numbers alike, and only the minutes beyond it are billed. A
// tariff without a package prices the three apart (Вега). International calls are outside every package,
// at standard rates.
struct UsageProfile {
    int minutes_corporate = 0;        // calls between the client's own numbers
    int minutes_russia = 0;           // home region and Russia
    int minutes_other_operators = 0;  // calls to other operators (inside Russia)
    int minutes_international = 0;    // calls abroad: outside every package, at standard rates
    std::string other_operator_zone = "1";  // "1".."4": how remote the region called is
    int mb = 0;
    int sms = 0;
    int months = 1;   // 1..36: the period compared
    int numbers = 1;  // 1..1000: the client's numbers on the tariff
    std::string segment;  // "private" (the desk), "business" (the corporate desk), empty: every tariff
    // Month by month, when the months differ: then the single-month figures above must be 0, `months` is
    // their count (or equal to it), and a tariff with the option «Перенос остатков» (carry_over) carries
    // the unused package minutes and megabytes of each month to the next one.
    std::vector<MonthUsage> by_month;
};

// Throws InputError naming the first bad input.
void validate(const UsageProfile& profile);

// One month as typed: "russia=1200,mb=20480,other=100" with the keys corporate, russia, other,
// international, mb and sms (the ones left out are 0). Throws InputError("month") naming what is wrong.
MonthUsage parse_month_usage(const std::string& text);

// One step of the arithmetic: `amount`, or `quantity` × `unit_price` = `amount` when a quantity is given.
struct QuoteLine {
    Text what;
    std::optional<long long> quantity;
    Money unit_price;
    Money amount;
    bool standard_rate = false;  // the unit price is the standard rate: the tariff gives none
};

// One month of a comparison month by month: its cost and what the month before carried into it.
struct MonthQuote {
    Money cost;  // per number
    long long carried_minutes = 0, carried_mb = 0;
};

// A service the tariff includes or an option connected with it, as the catalog lists it.
struct TariffFeature {
    std::string kind;  // service | option
    std::string code, name, assumed;
};

struct TariffQuote {
    std::string code, name;
    bool is_bundle = false;
    bool individual = false;  // priced by agreement: not priced here, listed last
    std::string version_from;  // the version in force (R-TAR-2)
    Money monthly;             // per number, a month (month by month: the months' average, to the kopeck below)
    Money one_time;            // connection fee per number, apart (R-TAR-3)
    Money total;               // (monthly × months + one_time) × numbers; month by month: (Σ months + one_time) × numbers
    std::vector<QuoteLine> lines;  // how `monthly` is made (month by month: each month's), then the connection fee
    std::string assumed;           // catalog values the source does not give (empty if none), standard rates used
    std::vector<MonthQuote> months;       // month by month only
    std::vector<TariffFeature> features;  // services included and options connected
    bool carry_over = false;              // the option «Перенос остатков» is honoured
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
