#include "training/core/cohort/CohortWeek.hpp"

#include "db/Text.hpp"
#include "pos/core/common/FormInput.hpp"

namespace salon::training {

int weekday(const pos::CalendarDate& day) {
    // 1 January 1970 was a Thursday (4).
    const auto d = day.days_since_epoch();
    return static_cast<int>(((d % 7) + 7 + 4) % 7);
}

CohortWeek CohortWeek::parse(std::string_view text) {
    const auto day = pos::CalendarDate::parse(text, "week", tr("Week"));
    if (weekday(day) != 5)
        throw pos::InputError("week", tr("Week"),
                              trf("the training week starts on a Friday; {1} is not one", {day.display()}));
    return CohortWeek(day);
}

CohortWeek CohortWeek::stored(const std::string& iso) {
    return CohortWeek(pos::CalendarDate::parse(iso, "week", tr("Week")));
}

}  // namespace salon::training
