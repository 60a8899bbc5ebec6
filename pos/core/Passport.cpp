#include "pos/core/Passport.hpp"

#include "db/UserError.hpp"

#include <cstddef>

namespace salon::pos {
namespace {

Text field() { return tr("Passport"); }

// What people type around the digits: spaces (also the no-break one), hyphens and the number sign "№".
std::string digits_of(std::string_view input) {
    static constexpr std::string_view number_sign = "\u2116";
    static constexpr std::string_view no_break_space = "\u00A0";
    std::string out;
    for (std::size_t i = 0; i < input.size(); ++i) {
        const char c = input[i];
        if (c == ' ' || c == '\t' || c == '-') continue;
        if (input.substr(i, number_sign.size()) == number_sign) {
            i += number_sign.size() - 1;
            continue;
        }
        if (input.substr(i, no_break_space.size()) == no_break_space) {
            i += no_break_space.size() - 1;
            continue;
        }
        if (c < '0' || c > '9') throw ValidationError(field(), tr("only digits are allowed"));
        out += c;
    }
    if (out.empty()) throw ValidationError(field(), tr("must not be empty"));
    return out;
}

}  // namespace

Passport Passport::parse(std::string_view input) {
    const std::string digits = digits_of(input);
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
