#include "pos/core/identifiers/PersonalDataMask.hpp"

#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/core/identifiers/Passport.hpp"

#include <unicode/unistr.h>

#include <regex>
#include <sstream>

namespace salon::pos {

std::string mask(const Passport& passport) {
    const std::string& series = passport.series();
    const std::string& number = passport.number();
    return series.substr(0, 2) + " ** ****" + number.substr(number.size() - 2);
}

std::string mask(const Msisdn& number) {
    const std::string& e164 = number.str();  // +7XXXXXXXXXX
    return "+7 " + e164.substr(2, 3) + " ***-**-" + e164.substr(e164.size() - 2);
}

std::string mask_birth_date(const std::string& iso_date) {
    static const std::regex date(R"((\d{4})-\d{2}-\d{2})");
    std::smatch m;
    return std::regex_match(iso_date, m, date) ? "**.**." + m[1].str() : "**.**.****";
}

std::string mask_address(const std::string& address) {
    const auto comma = address.find(',');
    if (comma == std::string::npos) return "***";
    return address.substr(0, comma) + ", ***";
}

std::string mask_full_name(const std::string& full_name) {
    std::istringstream words(full_name);
    std::string word, out;
    while (words >> word) {
        if (out.empty()) {
            out = word;
            continue;
        }
        // The first letter, whole: a Cyrillic letter is two bytes of UTF-8.
        const icu::UnicodeString letters = icu::UnicodeString::fromUTF8(word);
        std::string initial;
        letters.tempSubString(0, letters.moveIndex32(0, 1)).toUTF8String(initial);
        out += " " + initial + ".";
    }
    return out;
}

}  // namespace salon::pos
