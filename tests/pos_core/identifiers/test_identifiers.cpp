// The identifiers a salon types or scans: INN, OGRN, OGRNIP, KPP, ICCID, IMEI, mobile numbers, passports.
#include <catch2/catch.hpp>
#include <phonenumbers/phonenumberutil.h>

#include "tests/support/LanguageGuard.hpp"

#include "db/Text.hpp"
#include "db/UserError.hpp"
#include "pos/core/identifiers/Iccid.hpp"
#include "pos/core/identifiers/Imei.hpp"
#include "pos/core/identifiers/Inn.hpp"
#include "pos/core/identifiers/Kpp.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/core/identifiers/Ogrn.hpp"
#include "pos/core/identifiers/Ogrnip.hpp"
#include "pos/core/identifiers/Passport.hpp"

#include <algorithm>
#include <string>
#include <vector>

using namespace salon;
using namespace salon::pos;
using salon::test::LanguageGuard;

namespace {


// The English message a parse refuses with ("Field: reason"), or "accepted" when it does not refuse.
template <class F>
std::string refusal(F&& parse) {
    LanguageGuard english(Language::english);
    try {
        parse();
    } catch (const ValidationError& e) {
        CHECK(e.has_field());
        CHECK(e.message() == e.what());
        return e.message();
    }
    return "accepted";
}

struct Company {
    const char* name;
    const char* inn;
    const char* ogrn;
    const char* kpp;  // "" when not used here
};

// Published registry data. Every INN and OGRN below was checked against its check digits by an independent
// computation before it was written here; a KPP has no check digit, so it only proves the pattern.
const std::vector<Company> companies = {
    {"ПАО Сбербанк", "7707083893", "1027700132195", "773601001"},
    {"ПАО «Газпром»", "7736050003", "1027700070518", "997250001"},
    {"ПАО «ЛУКОЙЛ»", "7708004767", "1027700035769", ""},
    {"ПАО «МТС»", "7740000076", "1027700149124", "770901001"},
    {"ООО «Т2 Мобайл»", "7743895280", "1137746610088", ""},
    {"ПАО «Ростелеком»", "7707049388", "1027700198767", "784001001"},
    {"ПАО «Аэрофлот»", "7712040126", "1027700092661", ""},
    {"ООО «Яндекс»", "7736207543", "1027700229193", "770401001"},
};

}  // namespace

// --- INN, OGRN, OGRNIP, KPP: who may have the corporate cabinet -------------------------------------------

TEST_CASE("Real companies' INN, OGRN and KPP are accepted [R-CORP-1]", "[identifiers][R-CORP-1]") {
    for (const Company& c : companies) {
        INFO(c.name);
        const Inn inn = Inn::parse(c.inn);
        CHECK(inn.str() == c.inn);
        CHECK(inn.is_legal_entity());
        CHECK(Inn::parse_legal_entity(c.inn) == inn);
        CHECK(Ogrn::parse(c.ogrn).str() == c.ogrn);
        if (*c.kpp) CHECK(Kpp::parse(c.kpp).str() == c.kpp);
    }
}

TEST_CASE("An INN is read however a person types it", "[identifiers]") {
    const Inn sber = Inn::parse("7707083893");
    CHECK(Inn::parse(" 7707 083893 ") == sber);
    CHECK(Inn::parse("7707-083-893") == sber);
    CHECK(Inn::parse("(7707) 083893") == sber);
    CHECK(Inn::parse("7707\u00A0083893") == sber);  // pasted from a web page
}

TEST_CASE("An INN with a wrong check digit, length or characters is refused by name [R-CORP-1]",
          "[identifiers][R-CORP-1]") {
    CHECK(refusal([] { Inn::parse("7707083894"); }) == "INN: wrong check digit");
    CHECK(refusal([] { Inn::parse("500100732258"); }) == "INN: wrong check digit");
    CHECK(refusal([] { Inn::parse("500100732269"); }) ==
          "INN: wrong check digit");  // first of the two is wrong
    CHECK(refusal([] { Inn::parse("770708389"); }) == "INN: must have 10 or 12 digits, got 9");
    CHECK(refusal([] { Inn::parse("77070838931"); }) == "INN: must have 10 or 12 digits, got 11");
    CHECK(refusal([] { Inn::parse("77070838AB"); }) == "INN: only digits are allowed");
    CHECK(refusal([] { Inn::parse("7707O83893"); }) == "INN: only digits are allowed");  // a letter O
    CHECK(refusal([] { Inn::parse("  "); }) == "INN: must not be empty");
}

TEST_CASE("A refusal's what() stays English whatever the language", "[identifiers]") {
    LanguageGuard russian(Language::russian);
    try {
        Inn::parse("7707083894");
        FAIL("accepted");
    } catch (const ValidationError& e) {
        CHECK(std::string(e.what()) == "INN: wrong check digit");
    }
}

TEST_CASE("A legal entity has a 10-digit INN, a person or sole proprietor a 12-digit one [R-CORP-1]",
          "[identifiers][R-CORP-1]") {
    // A well-known sample INN of a person (Moscow region), valid by both check digits.
    const Inn person = Inn::parse("500100732259");
    CHECK_FALSE(person.is_legal_entity());
    CHECK(Inn::parse_individual("5001 0073 2259") == person);
    CHECK(refusal([] { Inn::parse_legal_entity("500100732259"); }) ==
          "INN: must have 10 digits (a legal entity), got 12");
    CHECK(refusal([] { Inn::parse_individual("7707083893"); }) ==
          "INN: must have 12 digits (a person or a sole proprietor), got 10");
    CHECK(refusal([] { Inn::parse_legal_entity("7707083894"); }) == "INN: wrong check digit");
}

TEST_CASE("An INN whose control value is 10 has the check digit 0 [R-CORP-1]", "[identifiers][R-CORP-1]") {
    // Found by brute force: the weighted sum of the first digits is 10 mod 11, and 10 mod 10 is 0.
    CHECK(Inn::parse("7707000030").is_legal_entity());
    CHECK(refusal([] { Inn::parse("7707000031"); }) == "INN: wrong check digit");
    // 12 digits, both control values 10: both check digits are 0.
    CHECK_FALSE(Inn::parse("770700008200").is_legal_entity());
    CHECK(refusal([] { Inn::parse("770700008210"); }) == "INN: wrong check digit");
    CHECK(refusal([] { Inn::parse("770700008201"); }) == "INN: wrong check digit");
    // 12 digits, only the first control value 10.
    CHECK(Inn::parse("770700000803").str() == "770700000803");
}

TEST_CASE("An OGRN is 13 digits starting with 1 or 5 and checked mod 11 [R-CORP-1]",
          "[identifiers][R-CORP-1]") {
    CHECK(Ogrn::parse("1 02 77 00 13219 5").str() == "1027700132195");
    CHECK(Ogrn::parse("5077746000008").str() == "5077746000008");
    // Control value 10 (the first 12 digits are 10 mod 11): the check digit is 0.
    CHECK(Ogrn::parse("1027700000020").str() == "1027700000020");
    CHECK(refusal([] { Ogrn::parse("1027700000021"); }) == "OGRN: wrong check digit");
    CHECK(refusal([] { Ogrn::parse("1027700132196"); }) == "OGRN: wrong check digit");
    CHECK(refusal([] { Ogrn::parse("2027700132195"); }) == "OGRN: must start with 1 or 5");
    CHECK(refusal([] { Ogrn::parse("102770013219"); }) == "OGRN: must have 13 digits, got 12");
    CHECK(refusal([] { Ogrn::parse("304500116000157"); }) ==
          "OGRN: must have 13 digits; 15 digits is the OGRNIP of a sole proprietor");
    CHECK(refusal([] { Ogrn::parse("1O27700132195"); }) == "OGRN: only digits are allowed");
    CHECK(refusal([] { Ogrn::parse(""); }) == "OGRN: must not be empty");
}

TEST_CASE("An OGRNIP is 15 digits starting with 3 and checked mod 13 [R-CORP-1]", "[identifiers][R-CORP-1]") {
    CHECK(Ogrnip::parse("304500116000157").str() == "304500116000157");
    // The first 14 digits are 10, 11 and 12 mod 13: the check digit is that value mod 10.
    CHECK(Ogrnip::parse("304770000000020").str() == "304770000000020");
    CHECK(Ogrnip::parse("304770000000031").str() == "304770000000031");
    CHECK(Ogrnip::parse("304770000000042").str() == "304770000000042");
    CHECK(refusal([] { Ogrnip::parse("304770000000021"); }) == "OGRNIP: wrong check digit");
    CHECK(refusal([] { Ogrnip::parse("304500116000158"); }) == "OGRNIP: wrong check digit");
    CHECK(refusal([] { Ogrnip::parse("104770000000020"); }) == "OGRNIP: must start with 3");
    CHECK(refusal([] { Ogrnip::parse("1027700132195"); }) ==
          "OGRNIP: must have 15 digits; 13 digits is the OGRN of a legal entity");
    CHECK(refusal([] { Ogrnip::parse("30450011600015"); }) == "OGRNIP: must have 15 digits, got 14");
    CHECK(refusal([] { Ogrnip::parse("30450011600015X"); }) == "OGRNIP: only digits are allowed");
}

TEST_CASE("A KPP is 4 digits, 2 digits or Latin capitals, 3 digits [R-CORP-1]", "[identifiers][R-CORP-1]") {
    CHECK(Kpp::parse("773601001").str() == "773601001");
    CHECK(Kpp::parse("7701AB001").str() == "7701AB001");
    CHECK(Kpp::parse("7701ab001").str() == "7701AB001");  // typed without Caps Lock
    CHECK(Kpp::parse("7736 01 001").str() == "773601001");
    CHECK(refusal([] { Kpp::parse("77360100"); }) == "KPP: must have 9 characters, got 8");
    CHECK(refusal([] { Kpp::parse("7736010011"); }) == "KPP: must have 9 characters, got 10");
    CHECK(refusal([] { Kpp::parse("77A601001"); }) == "KPP: character 3 must be a digit");
    CHECK(refusal([] { Kpp::parse("773601O01"); }) == "KPP: character 7 must be a digit");
    // Cyrillic А and Б look like Latin letters but are not; each still counts as one character.
    CHECK(refusal([] { Kpp::parse("7701\u0410\u0411001"); }) ==
          "KPP: character 5 must be a digit or a Latin letter A-Z");
    CHECK(refusal([] { Kpp::parse("7701A_001"); }) ==
          "KPP: character 6 must be a digit or a Latin letter A-Z");
    CHECK(refusal([] { Kpp::parse(" - "); }) == "KPP: must not be empty");
}

// --- What a salon scans and types at a sale --------------------------------------------------------------

TEST_CASE("An ICCID is 19 or 20 digits from 89 with a Luhn check digit [R-POS-1][R-POS-7]",
          "[identifiers][R-POS-1][R-POS-7]") {
    CHECK(Iccid::parse("8970100000000000013").str() == "8970100000000000013");
    CHECK(Iccid::parse("89701200000000000013").str() == "89701200000000000013");
    CHECK(Iccid::parse("8970 1000 0000 0000 013").str() == "8970100000000000013");
    CHECK(refusal([] { Iccid::parse("8970100000000000014"); }) == "ICCID: wrong check digit");
    CHECK(refusal([] { Iccid::parse("8870100000000000013"); }) == "ICCID: must start with 89");
    CHECK(refusal([] { Iccid::parse("897010000000000001"); }) == "ICCID: must have 19 or 20 digits, got 18");
    CHECK(refusal([] { Iccid::parse("897010000000000001F"); }) == "ICCID: only digits are allowed");
}

TEST_CASE("An IMEI is 15 digits with a Luhn check digit", "[identifiers]") {
    CHECK(Imei::parse("490154203237518").str() == "490154203237518");
    CHECK(Imei::parse("49-015420-323751-8").str() == "490154203237518");
    CHECK(Imei::parse("49-015420/323751/8").str() == "490154203237518");
    CHECK(refusal([] { Imei::parse("490154203237519"); }) == "IMEI: wrong check digit");
    CHECK(refusal([] { Imei::parse("49015420323751"); }) == "IMEI: must have 15 digits, got 14");
    CHECK(refusal([] { Imei::parse("4901542032375180"); }) == "IMEI: must have 15 digits, got 16");
    CHECK(refusal([] { Imei::parse("IMEI490154203237518"); }) == "IMEI: only digits are allowed");
}

TEST_CASE("Every usual way of writing a mobile number gives +79123456789 [R-CORP-2]",
          "[identifiers][R-CORP-2]") {
    for (const char* typed : {"8 912 345-67-89", "+7 (912) 345 67 89", "9123456789", "89123456789",
                              "79123456789", "+7-912-345-67-89", "8 (912) 345-67-89"}) {
        INFO(typed);
        const Msisdn m = Msisdn::parse(typed);
        CHECK(m.str() == "+79123456789");
        CHECK(m.display() == "+7 912 345-67-89");
    }
    CHECK(Msisdn::parse("8 912 345-67-89") == Msisdn::parse("+79123456789"));
}

TEST_CASE("A number read back from the database is shown as libphonenumber shows it", "[identifiers]") {
    // Msisdn::stored (and parse, for the numbers it accepts) groups "+7" and ten digits itself; every mobile
    // code range must come out as libphonenumber's own international format.
    const auto& util = *i18n::phonenumbers::PhoneNumberUtil::GetInstance();
    for (const char* e164 : {"+79123456789", "+79001234567", "+79161112233", "+79852003040", "+79999999999",
                             "+79500000001", "+79023456780", "+79300000000", "+79587654321"}) {
        INFO(e164);
        i18n::phonenumbers::PhoneNumber number;
        REQUIRE(util.Parse(e164, "RU", &number) == i18n::phonenumbers::PhoneNumberUtil::NO_PARSING_ERROR);
        std::string international;
        util.Format(number, i18n::phonenumbers::PhoneNumberUtil::INTERNATIONAL, &international);
        CHECK(Msisdn::stored(e164).display() == international);
        CHECK(Msisdn::parse(e164).display() == international);
        CHECK(Msisdn::stored(e164) == Msisdn::parse(e164));
    }
    // Anything not in the stored form is parsed (and refused) as typed input is.
    CHECK(Msisdn::stored("8 912 345-67-89").str() == "+79123456789");
    CHECK(refusal([] { Msisdn::stored("+7912345678"); }) == "Phone number: too few digits");
}

TEST_CASE("A landline, a foreign or a malformed number is not a mobile number [R-CORP-2]",
          "[identifiers][R-CORP-2]") {
    CHECK(refusal([] { Msisdn::parse("+7 495 123-45-67"); }) == "Phone number: not a mobile number");
    CHECK(refusal([] { Msisdn::parse("8 (495) 123-45-67"); }) == "Phone number: not a mobile number");
    CHECK(refusal([] { Msisdn::parse("8 800 555-35-35"); }) == "Phone number: not a mobile number");
    // Kazakhstan shares the country code 7.
    CHECK(refusal([] { Msisdn::parse("+7 701 123 4567"); }) == "Phone number: not a Russian number");
    CHECK(refusal([] { Msisdn::parse("+1 650 253 0000"); }) == "Phone number: not a Russian number");
    CHECK(refusal([] { Msisdn::parse("8 912 345-67"); }) == "Phone number: too few digits");
    CHECK(refusal([] { Msisdn::parse("8 912 345-67-89-00"); }) == "Phone number: too many digits");
    CHECK(refusal([] { Msisdn::parse("12345"); }) == "Phone number: too few digits");
    CHECK(refusal([] { Msisdn::parse("+7 012 345-67-89"); }) == "Phone number: not a valid number");
    // libphonenumber would read letters as keypad digits and accept an extension; a subscriber has neither.
    CHECK(refusal([] { Msisdn::parse("8 (912) ABC-67-89"); }) ==
          "Phone number: only digits, spaces, hyphens, brackets and a leading + are allowed");
    CHECK(refusal([] { Msisdn::parse("+7 912 345-67-89 ext 12"); }) ==
          "Phone number: only digits, spaces, hyphens, brackets and a leading + are allowed");
    CHECK(refusal([] { Msisdn::parse("abc"); }) ==
          "Phone number: only digits, spaces, hyphens, brackets and a leading + are allowed");
    CHECK(refusal([] { Msisdn::parse(" "); }) == "Phone number: must not be empty");
}

TEST_CASE("A passport is a 4-digit series and a 6-digit number [R-CORP-10]", "[identifiers][R-CORP-10]") {
    for (const char* typed : {"45 06 123456", "4506 123456", "4506123456", "4506 №123456", "4506 № 123456"}) {
        INFO(typed);
        const Passport p = Passport::parse(typed);
        CHECK(p.str() == "4506 123456");
        CHECK(p.series() == "4506");
        CHECK(p.number() == "123456");
    }
    CHECK(refusal([] { Passport::parse("4506 000000"); }) == "Passport: the number cannot be 000000");
    CHECK(refusal([] { Passport::parse("0000 123456"); }) == "Passport: the series cannot be 0000");
    CHECK(refusal([] { Passport::parse("4506 12345"); }) ==
          "Passport: series and number must have 10 digits, got 9");
    CHECK(refusal([] { Passport::parse("45O6 123456"); }) == "Passport: only digits are allowed");
    CHECK(refusal([] { Passport::parse(""); }) == "Passport: must not be empty");
}

TEST_CASE("Identifiers compare by their normalised form", "[identifiers]") {
    std::vector<Inn> inns{Inn::parse("7740000076"), Inn::parse("7707 083893"), Inn::parse("7707083893")};
    std::sort(inns.begin(), inns.end());
    CHECK(inns.front() == inns[1]);
    CHECK(inns.front().str() == "7707083893");
    CHECK(inns.back().str() == "7740000076");
    CHECK(Iccid::parse("8970100000000000013") < Iccid::parse("89701200000000000013"));
    CHECK(Passport::parse("45 06 123456") == Passport::parse("4506№123456"));
}
