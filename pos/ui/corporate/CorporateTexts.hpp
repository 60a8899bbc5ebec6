// How the corporate desk's pages show what core returns: numbers grouped, dates as people write them, times
// on the salon's clock, and a core error as the line a person reads.
#pragma once

#include <wx/string.h>

#include <cstdint>
#include <string>

namespace salon::db {
class Database;
}

namespace salon::pos {
class Actor;
}

namespace salon::ui {

// "+7 903 111-22-33" for a stored E.164 number.
std::string shown_msisdn(const std::string& e164);
// "25.11.2026" for a stored "2026-11-25" (as stored when it is not a date).
std::string shown_day(const std::string& iso);
// The IANA zone of the actor's salon; UTC for whoever is not bound to one.
std::string desk_time_zone(db::Database& db, const pos::Actor& actor);
// "30.11.2026 16:05" on that clock; "—" for 0.
std::string shown_moment(std::int64_t unix_seconds, const std::string& time_zone);
// The text of the exception being handled: a UserError's message, anything else as an unexpected error.
wxString current_error_text();

}  // namespace salon::ui
