#include "reports/core/RewardPeriod.hpp"

#include "db/Text.hpp"
#include "pos/core/common/FormInput.hpp"

#include <cstdio>

namespace salon::reports {

namespace {

PeriodRange make(int year, int month, bool quarter) {
    char start[32], code[32];
    std::snprintf(start, sizeof start, "%04d-%02d-01", year, month);
    const int months = quarter ? 3 : 1;
    int end_year = year, end_month = month + months;
    if (end_month > 12) end_month -= 12, ++end_year;
    char end[32];
    std::snprintf(end, sizeof end, "%04d-%02d-01", end_year, end_month);
    if (quarter) std::snprintf(code, sizeof code, "%04d-Q%d", year, (month - 1) / 3 + 1);
    else std::snprintf(code, sizeof code, "%04d-%02d", year, month);
    PeriodRange p;
    p.code = code;
    p.kind = quarter ? "quarter" : "month";
    p.starts_on = pos::CalendarDate::parse(start, "period", tr("Period"));
    p.ends_on = pos::CalendarDate::parse(end, "period", tr("Period"));
    return p;
}

}  // namespace

PeriodRange parse_period(std::string_view code) {
    const std::string text(code);
    auto bad = [&] {
        return pos::InputError("period", tr("Period"),
                               trf("\"{1}\" is not a month (2026-09) or a quarter (2026-Q3)", {text.substr(0, 40)}));
    };
    if (text.size() != 7 || text[4] != '-') throw bad();
    for (int i = 0; i < 4; ++i)
        if (text[i] < '0' || text[i] > '9') throw bad();
    const int year = std::stoi(text.substr(0, 4));
    if (year < 2000 || year > 2200) throw bad();
    if (text[5] == 'Q' || text[5] == 'q') {
        if (text[6] < '1' || text[6] > '4') throw bad();
        return make(year, (text[6] - '1') * 3 + 1, true);
    }
    if (text[5] < '0' || text[5] > '1' || text[6] < '0' || text[6] > '9') throw bad();
    const int month = std::stoi(text.substr(5, 2));
    if (month < 1 || month > 12) throw bad();
    return make(year, month, false);
}

PeriodRange next_period(const PeriodRange& period) {
    return make(period.ends_on.year(), static_cast<int>(period.ends_on.month()), period.kind == "quarter");
}

PeriodRange period_of_day(const std::string& kind, std::int64_t day) {
    const auto d = pos::CalendarDate::from_days(day);
    const int month = static_cast<int>(d.month());
    if (kind == "quarter") return make(d.year(), (month - 1) / 3 * 3 + 1, true);
    return make(d.year(), month, false);
}

}  // namespace salon::reports
