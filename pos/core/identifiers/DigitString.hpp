// What the identifier value types (INN, OGRN, ICCID, IMEI, passport...) share: reading the digits out of what
// a person typed, and the check digit schemes used by more than one of them.
#pragma once

#include "db/Text.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace salon::pos {

// What people type around the digits and is dropped. Spaces, tabs, hyphens and the no-break space (U+00A0,
// pasted from web pages) always are; the rest only where a field is written that way.
struct Separators {
    bool brackets = true;      // "(7707) 083893"
    bool slash = false;        // the "AA-BBBBBB/CCCCCC/D" form of an IMEI printed on some boxes
    bool dot = false;          // "912.345.67.89"
    bool number_sign = false;  // "4506 №123456"
};

// The length in bytes of the separator `rest` starts with, or 0 when it does not start with one.
std::size_t separator_length(std::string_view rest, Separators allowed = {});

// The longest identifier as typed, separators included: the longest has 20 digits (an ICCID), so anything
// longer than this is refused before it is read ("is too long: at most 64 characters").
inline constexpr std::size_t kMaxIdentifierLength = 64;

// The digits of `input` with the separators dropped. Anything else is refused with ValidationError for
// `field`: "only digits are allowed", or "must not be empty" when no digit is left; "is too long" over
// kMaxIdentifierLength.
std::string digits_of(std::string_view input, const Text& field, Separators allowed = {});

// Luhn over all of `digits`, the last one being the check digit (ICCID, IMEI).
bool luhn_valid(std::string_view digits);
// The Luhn check digit to append to `body` (digits only).
char luhn_check_digit(std::string_view body);

// The digits but the last read as one number, mod `modulus`, then mod 10, equal the last digit (OGRN with 11,
// OGRNIP with 13).
bool remainder_check_valid(std::string_view digits, int modulus);

}  // namespace salon::pos
