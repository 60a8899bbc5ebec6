// Gathering every dealer's period totals (DealerFacts) two ways that must agree to the kopeck:
// - the station's: per-dealer per-day summaries of the days that are over, materialised by this code the
//   first time a computation needs them (never at sale time: the sale writes nothing more), plus a scan of
//   the days still open, which are few;
// - the reference: one plain GROUP BY over the period's raw sale lines and rated visits.
// Both read the training results and the deactivations the same way (small tables).
#pragma once

#include "reports/core/RewardCalculation.hpp"
#include "reports/core/RewardPeriod.hpp"

#include <cstdint>
#include <map>

namespace salon::db {
class Database;
}

namespace salon::reports {

using FactsByDealer = std::map<std::int64_t, DealerFacts>;

// Every dealer (dealer_id 0) or one. Reads the summaries as they are: call materialise_closed_days first,
// outside any transaction (it takes its own to write the computation's summary tables, never the sales
// desk's); days not summarised are scanned raw.
FactsByDealer gather_facts(db::Database& db, const PeriodRange& period, std::int64_t dealer_id = 0);
FactsByDealer gather_facts_full_scan(db::Database& db, const PeriodRange& period);

// Summarises the days over (up to the day before yesterday, Moscow: a visit joined late is rated by then)
// of [first_day, end_day) that are not yet summarised, with their SIM sales by number (reward_sim_sale).
// Returns how many days it summarised.
int materialise_closed_days(db::Database& db, std::int64_t first_day, std::int64_t end_day);

}  // namespace salon::reports
