// A reward period: a month ("2026-09") or a quarter ("2026-Q3") of the operator's accounting calendar.
// Its days are Moscow days (UTC+3 all year since 2014): the operator pays every dealer on one calendar,
// wherever its salons are, so a sale belongs to the period of its Moscow date.
#pragma once

#include "pos/core/common/CalendarDate.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace salon::reports {

inline constexpr std::int64_t kAccountingOffsetSeconds = 3 * 3600;  // Moscow, UTC+3

// The accounting day (days since 1970-01-01, Moscow) of a Unix time.
inline std::int64_t accounting_day(std::int64_t unix_seconds) {
    const std::int64_t s = unix_seconds + kAccountingOffsetSeconds;
    return s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
}
// The Unix time at which an accounting day starts.
inline std::int64_t accounting_day_start(std::int64_t day) { return day * 86400 - kAccountingOffsetSeconds; }

struct PeriodRange {
    std::string code;  // "2026-Q3" or "2026-09"
    std::string kind;  // "quarter" or "month"
    pos::CalendarDate starts_on = pos::CalendarDate::from_days(0);
    pos::CalendarDate ends_on = pos::CalendarDate::from_days(0);  // the first day after it
    std::int64_t first_day() const { return starts_on.days_since_epoch(); }
    std::int64_t end_day() const { return ends_on.days_since_epoch(); }
    std::int64_t start_unix() const { return accounting_day_start(first_day()); }
    std::int64_t end_unix() const { return accounting_day_start(end_day()); }
};

// "2026-Q3", "2026-09"; throws InputError("period") for anything else.
PeriodRange parse_period(std::string_view code);
// The period of the same kind that follows.
PeriodRange next_period(const PeriodRange& period);
// The month or quarter (`kind`) that holds an accounting day.
PeriodRange period_of_day(const std::string& kind, std::int64_t day);

}  // namespace salon::reports
