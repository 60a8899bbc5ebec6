#include "pos/core/identifiers/Passport.hpp"

#include "db/UserError.hpp"
#include "pos/core/identifiers/DigitString.hpp"

namespace salon::pos {
namespace {

Text field() {
    return tr("Passport");
}

// What people type around the digits: spaces (also the no-break one), hyphens and the number sign "№"; not
// brackets.
constexpr Separators separators{.brackets = false, .number_sign = true};

}  // namespace

Passport Passport::parse(std::string_view input) {
    const std::string digits = digits_of(input, field(), separators);
    if (digits.size() != 10)
        throw ValidationError(
            field(), trf("series and number must have 10 digits, got {1}", {std::to_string(digits.size())}));
    const std::string series = digits.substr(0, 4);
    const std::string number = digits.substr(4);
    // The series begins with the region's code, which is never 00; a zero number is a placeholder, not a
    // document.
    if (series == "0000") throw ValidationError(field(), tr("the series cannot be 0000"));
    if (number == "000000") throw ValidationError(field(), tr("the number cannot be 000000"));
    return Passport(series + ' ' + number);
}

}  // namespace salon::pos
