#include "pos/core/common/CalendarDate.hpp"

#include "pos/core/common/FormInput.hpp"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <memory>

namespace salon::pos {

using namespace std::chrono;

namespace {
// Reads `count_min`..`count_max` ASCII digits at `at` into `value`; false when there are fewer or more.
bool read_digits(std::string_view s, std::size_t& at, std::size_t count_min, std::size_t count_max, int& value) {
    std::size_t n = 0;
    value = 0;
    while (at < s.size() && s[at] >= '0' && s[at] <= '9') {
        if (++n > count_max) return false;
        value = value * 10 + (s[at++] - '0');
    }
    return n >= count_min;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

// "YYYY-MM-DD" or "D.M.YYYY" (one or two digits for the day and month), spaces around allowed. Written out
// rather than as a regular expression: every sale reads two dates, and std::regex costs more than the rest
// of reading the form.
bool split_date(std::string_view s, int& y, int& mo, int& d) {
    std::size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    const std::string_view t = s.substr(b, e - b);
    std::size_t at = 0;
    int first = 0;
    if (!read_digits(t, at, 1, 4, first) || at >= t.size()) return false;
    if (at == 4 && t[at] == '-') {
        y = first;
        ++at;
        if (!read_digits(t, at, 2, 2, mo) || at >= t.size() || t[at] != '-') return false;
        ++at;
        return read_digits(t, at, 2, 2, d) && at == t.size();
    }
    if (at > 2 || t[at] != '.') return false;
    d = first;
    ++at;
    if (!read_digits(t, at, 1, 2, mo) || at >= t.size() || t[at] != '.') return false;
    ++at;
    return read_digits(t, at, 4, 4, y) && at == t.size();
}
}  // namespace

CalendarDate CalendarDate::parse(std::string_view text, const char* input, const Text& field) {
    // A date is ten characters and some spaces: anything much longer is refused before it is read.
    if (text.size() > kMaxTypedLength) throw InputError(input, field, tr("must be a date such as 25.11.2026"));
    const std::string s(text);
    int y = 0, month = 0, day = 0;
    if (!split_date(s, y, month, day)) {
        if (s.find_first_not_of(" \t") == std::string::npos) throw InputError(input, field, tr("must be filled in"));
        throw InputError(input, field, tr("must be a date such as 25.11.2026"));
    }
    const unsigned mo = static_cast<unsigned>(month), d = static_cast<unsigned>(day);
    if (y < kFirstYear || y > kLastYear)
        throw InputError(input, field,
                         trf("the year must be from {1} to {2}", {std::to_string(kFirstYear), std::to_string(kLastYear)}));
    const year_month_day ymd{std::chrono::year{y}, std::chrono::month{mo}, std::chrono::day{d}};
    if (!ymd.ok()) throw InputError(input, field, trf("there is no such day: {1}", {s}));
    return CalendarDate(sys_days(ymd));
}

CalendarDate CalendarDate::from_days(std::int64_t days_since_epoch) {
    return CalendarDate(sys_days(std::chrono::days(days_since_epoch)));
}

CalendarDate CalendarDate::of_utc(std::int64_t unix_seconds) {
    return CalendarDate(floor<std::chrono::days>(sys_seconds(seconds(unix_seconds))));
}

namespace {
// The zone's offset from UTC at a moment, in seconds (daylight time included; Russia has none now, but
// history and other zones do).
std::int64_t zone_offset(std::int64_t unix_seconds, const std::string& time_zone, bool local_time) {
    std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(time_zone)));
    int32_t raw = 0, dst = 0;
    UErrorCode status = U_ZERO_ERROR;
    zone->getOffset(static_cast<UDate>(unix_seconds) * 1000.0, local_time, raw, dst, status);
    if (U_FAILURE(status)) return 0;
    return (static_cast<std::int64_t>(raw) + dst) / 1000;
}
}  // namespace

CalendarDate CalendarDate::of(std::int64_t unix_seconds, const std::string& time_zone) {
    return of_utc(unix_seconds + zone_offset(unix_seconds, time_zone, false));
}

std::int64_t CalendarDate::start_unix(const std::string& time_zone) const {
    const std::int64_t local_midnight = days_since_epoch() * 86400;
    return local_midnight - zone_offset(local_midnight, time_zone, true);
}

std::string CalendarDate::iso() const {
    const year_month_day ymd{days_};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
    return buf;
}

std::string CalendarDate::display() const {
    const year_month_day ymd{days_};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02u.%02u.%04d", unsigned(ymd.day()), unsigned(ymd.month()), int(ymd.year()));
    return buf;
}

int CalendarDate::year() const { return int(year_month_day{days_}.year()); }
unsigned CalendarDate::month() const { return unsigned(year_month_day{days_}.month()); }
unsigned CalendarDate::day() const { return unsigned(year_month_day{days_}.day()); }
std::int64_t CalendarDate::days_since_epoch() const { return days_.time_since_epoch().count(); }
CalendarDate CalendarDate::plus_days(std::int64_t n) const { return CalendarDate(days_ + std::chrono::days(n)); }

int CalendarDate::whole_years_until(const CalendarDate& later) const {
    int years = later.year() - year();
    if (later.month() < month() || (later.month() == month() && later.day() < day())) --years;
    return years;
}

}  // namespace salon::pos

namespace salon::pos {

std::string local_date_time(std::int64_t unix_seconds, const std::string& time_zone) {
    const std::int64_t local = unix_seconds + zone_offset(unix_seconds, time_zone, false);
    const CalendarDate day = CalendarDate::of_utc(local);
    const std::int64_t second_of_day = local - day.days_since_epoch() * 86400;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", int(second_of_day / 3600), int(second_of_day / 60 % 60));
    return day.display() + " " + buf;
}

}  // namespace salon::pos
