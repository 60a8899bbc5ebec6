#include "pos/core/identifiers/Ogrn.hpp"

#include "db/UserError.hpp"
#include "pos/core/identifiers/DigitString.hpp"

namespace salon::pos {
namespace {

Text field() {
    return tr("OGRN");
}

}  // namespace

Ogrn Ogrn::parse(std::string_view input) {
    std::string digits = digits_of(input, field());
    // A sole proprietor's number in the company field is a common slip: say what it is.
    if (digits.size() == 15)
        throw ValidationError(field(),
                              tr("must have 13 digits; 15 digits is the OGRNIP of a sole proprietor"));
    if (digits.size() != 13)
        throw ValidationError(field(), trf("must have 13 digits, got {1}", {std::to_string(digits.size())}));
    // The registry marks an OGRN with 1 or 5; other first digits number its other kinds of records.
    if (digits[0] != '1' && digits[0] != '5') throw ValidationError(field(), tr("must start with 1 or 5"));
    // The first 12 digits as one number, mod 11, then mod 10.
    if (!remainder_check_valid(digits, 11)) throw ValidationError(field(), tr("wrong check digit"));
    return Ogrn(std::move(digits));
}

}  // namespace salon::pos
