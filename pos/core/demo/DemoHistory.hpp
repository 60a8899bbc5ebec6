// The demo network's past: days of visits, sales, top-ups, ratings and shifts written through the same core
// operations the desk uses (each at its own moment on the database clock), so the dashboard, the norms
// (R-POS-4) and the dealer reports open on real-looking history whose invariants and audit chains hold.
#pragma once

#include <cstdint>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

// The history the demo seed writes unless told otherwise (salon-cli demo seed --days).
inline constexpr int kDemoHistoryDays = 90;
inline constexpr int kDemoHistoryMaxDays = 180;

struct DemoHistoryCounts {
    int days = 0;
    int shifts = 0;
    int visits = 0;   // tickets taken
    int left = 0;     // visitors who left the queue
    int sales = 0;    // receipts of kind sale
    int refunds = 0;  // receipts of kind refund
    int top_ups = 0;  // top-up lines
    int sim_sales = 0;
    int clients = 0;
};

// Writes `days` days of the demo salons' life, ending YESTERDAY in each salon's time zone (today stays
// empty, so today's queue starts at ticket 1). Needs the demo network of seed_demo (its salons and staff by
// login); adds the demo's extra specialists it needs. Deterministic: a fixed-seed generator, so the same
// history on the same calendar. The clock is set for each operation and cleared at the end (also on an
// error). InputError("days") outside 0..kDemoHistoryMaxDays.
DemoHistoryCounts add_demo_history(db::Database& db, const Actor& actor, int days);

}  // namespace salon::pos
