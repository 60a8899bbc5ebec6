// The training week (R-TRN-1): Friday to Friday; its Friday is the assessment day and names the cohort.
#pragma once

#include "pos/core/common/CalendarDate.hpp"

#include <string>
#include <string_view>

namespace salon::training {

// The training centre's clock for days: head office is in Moscow, and so are the week and "today".
inline constexpr const char* kTrainingTimeZone = "Europe/Moscow";

class CohortWeek {
public:
    // "2026-12-11" or "11.12.2026"; any other weekday than Friday is refused (InputError("week")).
    static CohortWeek parse(std::string_view text);
    static CohortWeek stored(const std::string& iso);

    const pos::CalendarDate& friday() const { return friday_; }
    pos::CalendarDate last_day() const { return friday_.plus_days(7); }  // the Friday it ends on
    std::string iso() const { return friday_.iso(); }
    std::string display() const { return friday_.display(); }

private:
    explicit CohortWeek(pos::CalendarDate friday) : friday_(friday) {}
    pos::CalendarDate friday_;
};

// 0 Sunday .. 6 Saturday.
int weekday(const pos::CalendarDate& day);

}  // namespace salon::training
