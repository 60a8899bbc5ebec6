#include "pos/core/Imei.hpp"

#include "db/UserError.hpp"

#include <cstddef>

namespace salon::pos {
namespace {

Text field() { return tr("IMEI"); }

// What people type around the digits: spaces (also the no-break one pasted from web pages), hyphens,
// brackets, and the slashes of the "AA-BBBBBB/CCCCCC/D" form printed on some boxes.
std::string digits_of(std::string_view input) {
    std::string out;
    for (std::size_t i = 0; i < input.size(); ++i) {
        const char c = input[i];
        if (c == ' ' || c == '\t' || c == '-' || c == '(' || c == ')' || c == '/') continue;
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

// Luhn over all digits, the last one being the check digit.
bool luhn_ok(const std::string& digits) {
    int sum = 0;
    bool twice = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int d = *it - '0';
        if (twice) {
            d *= 2;
            if (d > 9) d -= 9;
        }
        sum += d;
        twice = !twice;
    }
    return sum % 10 == 0;
}

}  // namespace

Imei Imei::parse(std::string_view input) {
    std::string digits = digits_of(input);
    if (digits.size() != 15)
        throw ValidationError(field(), trf("must have 15 digits, got {1}", {std::to_string(digits.size())}));
    if (!luhn_ok(digits)) throw ValidationError(field(), tr("wrong check digit"));
    return Imei(std::move(digits));
}

}  // namespace salon::pos
