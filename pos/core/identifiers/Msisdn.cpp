#include "pos/core/identifiers/Msisdn.hpp"

#include "db/UserError.hpp"
#include "pos/core/identifiers/DigitString.hpp"
#include "pos/core/common/OutsideInput.hpp"

#include <phonenumbers/phonenumberutil.h>

#include <cstddef>

namespace salon::pos {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

Text field() {
    return tr("Phone number");
}

// "+7 (912) 345-67-89" is 18 characters; libphonenumber's parse grows with the square of the length (a
// number of 16 000 digits took seconds), so anything longer than this never reaches it.
constexpr std::size_t kMaxTypedLength = 32;

// libphonenumber also reads letters as keypad digits ("8 800 FLOWERS") and accepts extensions; a subscriber
// number has neither, so anything but what people type around digits is refused before it gets there.
void check_characters(std::string_view input) {
    require_length_within(input, kMaxTypedLength, nullptr, field());
    bool seen_digit_or_plus = false;
    for (std::size_t i = 0; i < input.size(); ++i) {
        const char c = input[i];
        if (c >= '0' && c <= '9') {
            seen_digit_or_plus = true;
            continue;
        }
        if (const std::size_t skip = separator_length(input.substr(i), {.dot = true})) {
            i += skip - 1;
            continue;
        }
        if (c == '+' && !seen_digit_or_plus) {
            seen_digit_or_plus = true;
            continue;
        }
        throw ValidationError(field(),
                              tr("only digits, spaces, hyphens, brackets and a leading + are allowed"));
    }
    if (!seen_digit_or_plus) throw ValidationError(field(), tr("must not be empty"));
}

Text parse_error_reason(PhoneNumberUtil::ErrorType error) {
    switch (error) {
        case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
        case PhoneNumberUtil::TOO_SHORT_NSN: return tr("too few digits");
        case PhoneNumberUtil::TOO_LONG_NSN: return tr("too many digits");
        case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR: return tr("not a Russian number");
        default: return tr("not a phone number");
    }
}

}  // namespace

Msisdn Msisdn::parse(std::string_view input) {
    check_characters(input);
    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    // Region RU reads a leading 8 as the trunk prefix and ten digits as a national number.
    const auto error = util.Parse(std::string(input), "RU", &number);
    if (error != PhoneNumberUtil::NO_PARSING_ERROR) throw ValidationError(field(), parse_error_reason(error));
    // Kazakhstan shares country code 7, hence the region as well.
    std::string region;
    util.GetRegionCodeForNumber(number, &region);
    if (number.country_code() != 7 || (!region.empty() && region != "RU" && region != "ZZ"))
        throw ValidationError(field(), tr("not a Russian number"));
    // Every Russian mobile number has 10 digits after the 7, so the count alone says which way it is wrong.
    std::string national;
    util.GetNationalSignificantNumber(number, &national);
    if (national.size() < 10) throw ValidationError(field(), tr("too few digits"));
    if (national.size() > 10) throw ValidationError(field(), tr("too many digits"));
    // The number's type by the patterns of its region, RU here (ZZ: none matched, so no type either): one
    // matching pass says both whether the number exists and whether it is a mobile one.
    const auto type = util.GetNumberType(number);
    if (type == PhoneNumberUtil::UNKNOWN) throw ValidationError(field(), tr("not a valid number"));
    if (type != PhoneNumberUtil::MOBILE && type != PhoneNumberUtil::FIXED_LINE_OR_MOBILE)
        throw ValidationError(field(), tr("not a mobile number"));
    std::string e164;
    util.Format(number, PhoneNumberUtil::E164, &e164);
    // A valid Russian mobile number: written as stored() writes it, which is libphonenumber's international
    // format for all of them (a test holds the two together) at a fraction of its cost; a SIM file of
    // 100,000 numbers is parsed twice, when checked and when received.
    return stored(e164);
}

Msisdn Msisdn::stored(std::string_view e164) {
    const bool plain = e164.size() == 12 && e164.substr(0, 2) == "+7" &&
                       e164.substr(2).find_first_not_of("0123456789") == std::string_view::npos;
    if (!plain) return parse(e164);
    // +7 912 345-67-89: how libphonenumber writes every Russian mobile number (a test holds the two
    // together).
    const std::string d(e164.substr(2));
    return Msisdn(std::string(e164), "+7 " + d.substr(0, 3) + " " + d.substr(3, 3) + "-" + d.substr(6, 2) +
                                         "-" + d.substr(8, 2));
}

}  // namespace salon::pos
