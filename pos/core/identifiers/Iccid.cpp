#include "pos/core/identifiers/Iccid.hpp"

#include "db/UserError.hpp"
#include "pos/core/identifiers/DigitString.hpp"

namespace salon::pos {
namespace {

Text field() {
    return tr("ICCID");
}

}  // namespace

Iccid Iccid::parse(std::string_view input) {
    std::string digits = digits_of(input, field());
    if (digits.size() != 19 && digits.size() != 20)
        throw ValidationError(field(),
                              trf("must have 19 or 20 digits, got {1}", {std::to_string(digits.size())}));
    if (digits.compare(0, 2, "89") != 0) throw ValidationError(field(), tr("must start with 89"));
    if (!luhn_valid(digits)) throw ValidationError(field(), tr("wrong check digit"));
    return Iccid(std::move(digits));
}

}  // namespace salon::pos
