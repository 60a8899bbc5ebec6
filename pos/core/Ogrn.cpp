#include "pos/core/Ogrn.hpp"

#include "db/UserError.hpp"

#include <cstddef>
#include <cstdint>

namespace salon::pos {
namespace {

Text field() { return tr("OGRN"); }

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

Ogrn Ogrn::parse(std::string_view input) {
    std::string digits = digits_of(input);
    // A sole proprietor's number in the company field is a common slip: say what it is.
    if (digits.size() == 15)
        throw ValidationError(field(),
                              tr("must have 13 digits; 15 digits is the OGRNIP of a sole proprietor"));
    if (digits.size() != 13)
        throw ValidationError(field(), trf("must have 13 digits, got {1}", {std::to_string(digits.size())}));
    // The registry marks an OGRN with 1 or 5; other first digits number its other kinds of records.
    if (digits[0] != '1' && digits[0] != '5') throw ValidationError(field(), tr("must start with 1 or 5"));
    // The first 12 digits as one number, mod 11, then mod 10.
    const std::int64_t body = std::stoll(digits.substr(0, 12));
    if (body % 11 % 10 != digits[12] - '0') throw ValidationError(field(), tr("wrong check digit"));
    return Ogrn(std::move(digits));
}

}  // namespace salon::pos
