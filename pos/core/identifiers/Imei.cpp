#include "pos/core/identifiers/Imei.hpp"

#include "db/UserError.hpp"
#include "pos/core/identifiers/DigitString.hpp"

namespace salon::pos {
namespace {

Text field() {
    return tr("IMEI");
}

}  // namespace

Imei Imei::parse(std::string_view input) {
    std::string digits = digits_of(input, field(), {.slash = true});
    if (digits.size() != 15)
        throw ValidationError(field(), trf("must have 15 digits, got {1}", {std::to_string(digits.size())}));
    if (!luhn_valid(digits)) throw ValidationError(field(), tr("wrong check digit"));
    return Imei(std::move(digits));
}

}  // namespace salon::pos
