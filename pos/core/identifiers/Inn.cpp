#include "pos/core/identifiers/Inn.hpp"

#include "db/UserError.hpp"
#include "pos/core/identifiers/DigitString.hpp"

#include <array>
#include <cstddef>

namespace salon::pos {
namespace {

Text field() {
    return tr("INN");
}

// The official control value: the weighted sum mod 11, then mod 10.
template <std::size_t N>
int control_digit(const std::string& digits, const std::array<int, N>& weights) {
    int sum = 0;
    for (std::size_t i = 0; i < N; ++i) sum += (digits[i] - '0') * weights[i];
    return sum % 11 % 10;
}

bool check_digits_ok(const std::string& d) {
    static constexpr std::array<int, 9> w10{2, 4, 10, 3, 5, 9, 4, 6, 8};
    static constexpr std::array<int, 10> w12a{7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    static constexpr std::array<int, 11> w12b{3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    if (d.size() == 10) return control_digit(d, w10) == d[9] - '0';
    return control_digit(d, w12a) == d[10] - '0' && control_digit(d, w12b) == d[11] - '0';
}

}  // namespace

Inn Inn::parse(std::string_view input) {
    return parse_as(input, Kind::any);
}
Inn Inn::parse_legal_entity(std::string_view input) {
    return parse_as(input, Kind::legal_entity);
}
Inn Inn::parse_individual(std::string_view input) {
    return parse_as(input, Kind::individual);
}

Inn Inn::parse_as(std::string_view input, Kind kind) {
    std::string digits = digits_of(input, field());
    const std::string got = std::to_string(digits.size());
    switch (kind) {
        case Kind::any:
            if (digits.size() != 10 && digits.size() != 12)
                throw ValidationError(field(), trf("must have 10 or 12 digits, got {1}", {got}));
            break;
        case Kind::legal_entity:
            if (digits.size() != 10)
                throw ValidationError(field(), trf("must have 10 digits (a legal entity), got {1}", {got}));
            break;
        case Kind::individual:
            if (digits.size() != 12)
                throw ValidationError(
                    field(), trf("must have 12 digits (a person or a sole proprietor), got {1}", {got}));
            break;
    }
    if (!check_digits_ok(digits)) throw ValidationError(field(), tr("wrong check digit"));
    return Inn(std::move(digits));
}

}  // namespace salon::pos
