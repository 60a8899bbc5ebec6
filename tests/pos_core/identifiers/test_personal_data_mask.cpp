// Personal data is masked wherever it is listed (152-FZ, 245-FZ; R-CORP-10 names what a number's user gives).
#include <catch2/catch.hpp>

#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/core/identifiers/Passport.hpp"
#include "pos/core/identifiers/PersonalDataMask.hpp"

using namespace salon::pos;

TEST_CASE("A passport is listed as 45 ** ****67 [R-CORP-10]", "[personal-data][R-CORP-10]") {
    CHECK(mask(Passport::parse("4506 123467")) == "45 ** ****67");
    CHECK(mask(Passport::parse("45 06 123467")) == "45 ** ****67");
}

TEST_CASE("Phone numbers, birth dates and addresses keep only what identifies nobody [R-CORP-10]",
          "[personal-data][R-CORP-10]") {
    CHECK(mask(Msisdn::parse("8 912 345-67-89")) == "+7 912 ***-**-89");
    CHECK(mask_birth_date("1985-04-12") == "**.**.1985");
    CHECK(mask_birth_date("12.04.1985") == "**.**.****");
    CHECK(mask_address("Москва, улица Ленина, 1, кв. 5") == "Москва, ***");
    CHECK(mask_address("Москва") == "***");
}
