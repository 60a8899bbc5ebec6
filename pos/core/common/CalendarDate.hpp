// A calendar day (no time, no zone): birth dates, document dates, price versions' effective dates, and
// the salon's local day. Stored and exchanged as "YYYY-MM-DD"; typed by people as "25.11.2026" too.
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace salon {
class Text;
}

namespace salon::pos {

class CalendarDate {
public:
    // "2026-11-25" or "25.11.2026" (also "25.11.26" is refused: the century matters for birth dates).
    // Throws InputError(input) naming `field` for anything that is not a real day, or a year outside
    // kFirstYear..kLastYear (the station has no business with a date outside them: "the year must be from
    // 1900 to 2200").
    static constexpr int kFirstYear = 1900, kLastYear = 2200;
    static constexpr std::size_t kMaxTypedLength = 64;
    static CalendarDate parse(std::string_view text, const char* input, const Text& field);
    // The day of a Unix time (seconds, UTC) on the clock of an IANA time zone ("Asia/Vladivostok").
    static CalendarDate of(std::int64_t unix_seconds, const std::string& time_zone);
    // The same in UTC.
    static CalendarDate of_utc(std::int64_t unix_seconds);
    static CalendarDate from_days(std::int64_t days_since_epoch);

    // "2026-11-25", for storage and JSON.
    std::string iso() const;
    // "25.11.2026", as people write it in Russia (and in English messages too: one form, no ambiguity).
    std::string display() const;

    int year() const;
    unsigned month() const;
    unsigned day() const;
    std::int64_t days_since_epoch() const;
    // The Unix time of this day's midnight on the clock of `time_zone`.
    std::int64_t start_unix(const std::string& time_zone) const;

    CalendarDate plus_days(std::int64_t days) const;
    // Full years from this date to `later` (age on a date); 29 February counts from 1 March in
    // non-leap years.
    int whole_years_until(const CalendarDate& later) const;

    auto operator<=>(const CalendarDate&) const = default;
    bool operator==(const CalendarDate&) const = default;

private:
    explicit CalendarDate(std::chrono::sys_days days) : days_(days) {}
    std::chrono::sys_days days_{};
};

// "30.11.2026 16:05": a moment on the clock of an IANA time zone, for receipts and reports.
std::string local_date_time(std::int64_t unix_seconds, const std::string& time_zone);

}  // namespace salon::pos
