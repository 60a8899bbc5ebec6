// The demo network: the tariff catalog, two dealers of the two kinds, three salons from Kaliningrad to
// Vladivostok and staff of every role, so a new station can be tried at once.
#pragma once

#include "pos/core/demo/DemoHistory.hpp"

#include <string>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

// The password every demo account signs in with (the README says so; real accounts never share one).
inline constexpr const char* kDemoPassword = "demo1234";

struct DemoSeedResult {
    bool already_present = false;  // the demo dealers were there: nothing was added
    int dealers = 0;
    int salons = 0;
    int staff = 0;
    int tariffs = 0;
    DemoHistoryCounts history;  // the days of visits, sales and shifts written (none when already present)
};

// Adds the demo data unless it is already there; each part in its own transaction, audited as `actor`'s
// (salon-cli runs it as the command line), then `history_days` days of the salons' life up to yesterday
// (see DemoHistory.hpp; 0: none). InputError("days") outside 0..kDemoHistoryMaxDays.
DemoSeedResult seed_demo(db::Database& db, const Actor& actor, int history_days = kDemoHistoryDays);

}  // namespace salon::pos
