#include "pos/core/identifiers/Ogrnip.hpp"

#include "db/UserError.hpp"
#include "pos/core/identifiers/DigitString.hpp"

namespace salon::pos {
namespace {

Text field() {
    return tr("OGRNIP");
}

}  // namespace

Ogrnip Ogrnip::parse(std::string_view input) {
    std::string digits = digits_of(input, field());
    // A company's number in the sole proprietor's field is a common slip: say what it is.
    if (digits.size() == 13)
        throw ValidationError(field(), tr("must have 15 digits; 13 digits is the OGRN of a legal entity"));
    if (digits.size() != 15)
        throw ValidationError(field(), trf("must have 15 digits, got {1}", {std::to_string(digits.size())}));
    // The registry marks an OGRNIP with 3; other first digits number its other kinds of records.
    if (digits[0] != '3') throw ValidationError(field(), tr("must start with 3"));
    // The first 14 digits as one number, mod 13, then mod 10 (so 10, 11 and 12 give 0, 1 and 2).
    if (!remainder_check_valid(digits, 13)) throw ValidationError(field(), tr("wrong check digit"));
    return Ogrnip(std::move(digits));
}

}  // namespace salon::pos
