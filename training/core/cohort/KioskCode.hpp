// The candidate's personal code for the test kiosk (R-TRN-6): it is his identity there, so it is random
// (libsodium), unique, and short and plain to type: six characters from an alphabet without the look-alikes
// (0/O/Q/D, 1/I/L, 2/Z, 5/S, 8/B), typed in any case, with spaces or dashes.
#pragma once

#include <string>
#include <string_view>

namespace salon::db {
class Database;
}

namespace salon::training {

inline constexpr std::string_view kKioskCodeAlphabet = "34679ACEFGHJKMNPRTUVWXY";
inline constexpr std::size_t kKioskCodeLength = 6;

// A fresh code no candidate has; call it inside the registering transaction.
std::string new_kiosk_code(db::Database& db);
// What was typed, as stored: upper case, spaces and dashes dropped. Throws InputError("code") when it
// cannot be a code at all (wrong length, a character outside the alphabet).
std::string normalize_kiosk_code(std::string_view typed);

}  // namespace salon::training
