#include "pos/core/Ogrnip.hpp"

#include "db/UserError.hpp"

#include <cstddef>
#include <cstdint>

namespace salon::pos {
namespace {

Text field() { return tr("OGRNIP"); }

// What people type around the digits: spaces (also the no-break one pasted from web pages), hyphens,
// brackets.
std::string digits_of(std::string_view input) {
    std::string out;
    for (std::size_t i = 0; i < input.size(); ++i) {
        const char c = input[i];
        if (c == ' ' || c == '\t' || c == '-' || c == '(' || c == ')') continue;
        if (c == '\xC2' && i + 1 < input.size() && input[i + 1] == '\xA0') {
            ++i;
            continue;
        }
        if (c < '0' || c > '9') throw ValidationError(field(), tr("only digits are allowed"));
        out += c;
    }
    if (out.empty()) throw ValidationError(field(), tr("must not be empty"));
    return out;
}

}  // namespace

Ogrnip Ogrnip::parse(std::string_view input) {
    std::string digits = digits_of(input);
    // A company's number in the sole proprietor's field is a common slip: say what it is.
    if (digits.size() == 13)
        throw ValidationError(field(), tr("must have 15 digits; 13 digits is the OGRN of a legal entity"));
    if (digits.size() != 15)
        throw ValidationError(field(), trf("must have 15 digits, got {1}", {std::to_string(digits.size())}));
    // The registry marks an OGRNIP with 3; other first digits number its other kinds of records.
    if (digits[0] != '3') throw ValidationError(field(), tr("must start with 3"));
    // The first 14 digits as one number, mod 13, then mod 10 (so 10, 11 and 12 give 0, 1 and 2).
    const std::int64_t body = std::stoll(digits.substr(0, 14));
    if (body % 13 % 10 != digits[14] - '0') throw ValidationError(field(), tr("wrong check digit"));
    return Ogrnip(std::move(digits));
}

}  // namespace salon::pos
