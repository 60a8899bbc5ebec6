#include "pos/core/identifiers/DigitString.hpp"

#include "db/UserError.hpp"
#include "pos/core/common/OutsideInput.hpp"

namespace salon::pos {

std::size_t separator_length(std::string_view rest, Separators allowed) {
    static constexpr std::string_view no_break_space = "\u00A0";
    static constexpr std::string_view number_sign = "\u2116";
    if (rest.empty()) return 0;
    const char c = rest[0];
    if (c == ' ' || c == '\t' || c == '-') return 1;
    if (allowed.brackets && (c == '(' || c == ')')) return 1;
    if (allowed.slash && c == '/') return 1;
    if (allowed.dot && c == '.') return 1;
    if (rest.starts_with(no_break_space)) return no_break_space.size();
    if (allowed.number_sign && rest.starts_with(number_sign)) return number_sign.size();
    return 0;
}

std::string digits_of(std::string_view input, const Text& field, Separators allowed) {
    require_length_within(input, kMaxIdentifierLength, nullptr, field);
    std::string out;
    for (std::size_t i = 0; i < input.size();) {
        if (const std::size_t skip = separator_length(input.substr(i), allowed)) {
            i += skip;
            continue;
        }
        const char c = input[i++];
        if (c < '0' || c > '9') throw ValidationError(field, tr("only digits are allowed"));
        out += c;
    }
    if (out.empty()) throw ValidationError(field, tr("must not be empty"));
    return out;
}

char luhn_check_digit(std::string_view body) {
    int sum = 0;
    bool twice = true;  // the digit next to the check digit is doubled
    for (auto it = body.rbegin(); it != body.rend(); ++it) {
        int d = *it - '0';
        if (twice) {
            d *= 2;
            if (d > 9) d -= 9;
        }
        sum += d;
        twice = !twice;
    }
    return static_cast<char>('0' + (10 - sum % 10) % 10);
}

bool luhn_valid(std::string_view digits) {
    return !digits.empty() && luhn_check_digit(digits.substr(0, digits.size() - 1)) == digits.back();
}

bool remainder_check_valid(std::string_view digits, int modulus) {
    if (digits.empty()) return false;
    // Digit by digit, so that any length fits.
    int remainder = 0;
    for (const char c : digits.substr(0, digits.size() - 1))
        remainder = (remainder * 10 + (c - '0')) % modulus;
    return remainder % 10 == digits.back() - '0';
}

}  // namespace salon::pos
