// Money: typed amounts, kopeck arithmetic, percentages rounded once, and roubles as people read them.
#include <catch2/catch.hpp>

#include "tests/support/LanguageGuard.hpp"

#include "db/Text.hpp"
#include "db/UserError.hpp"
#include "pos/core/common/Money.hpp"

#include <boost/locale.hpp>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

using namespace salon;
using namespace salon::pos;
using salon::test::LanguageGuard;

namespace {


// The English message a parse refuses with ("Amount: reason"), or "accepted" when it does not refuse.
std::string refusal(const char* typed) {
    LanguageGuard english(Language::english);
    try {
        Money::parse(typed);
    } catch (const ValidationError& e) {
        CHECK(e.message() == e.what());
        return e.message();
    }
    return "accepted";
}

Money k(std::int64_t kopecks) { return Money::from_kopecks(kopecks); }

const std::string nbsp = "\u00A0";

}  // namespace

TEST_CASE("Typed amounts are read as roubles and kopecks", "[money]") {
    CHECK(Money::parse("1234").kopecks() == 123400);
    CHECK(Money::parse("1234,5").kopecks() == 123450);
    CHECK(Money::parse("1234.50").kopecks() == 123450);
    CHECK(Money::parse("1 234.50").kopecks() == 123450);
    CHECK(Money::parse("1 234,05").kopecks() == 123405);
    CHECK(Money::parse(" 0,05 ").kopecks() == 5);
    CHECK(Money::parse(",5").kopecks() == 50);
    CHECK(Money::parse("-12,30").kopecks() == -1230);
    CHECK(Money::parse("- 0,01").kopecks() == -1);
    CHECK(Money::parse("-0").kopecks() == 0);
    CHECK(Money::parse("750 ₽").kopecks() == 75000);
    CHECK(Money::parse("1" + nbsp + "234,50" + nbsp + "₽") == k(123450));
    CHECK(Money::parse("92233720368547758.07").kopecks() == std::numeric_limits<std::int64_t>::max());
}

TEST_CASE("A typed amount that is not roubles and kopecks is refused by name", "[money]") {
    CHECK(refusal("12,345") == "Amount: at most 2 digits after the decimal separator");
    CHECK(refusal("0.001") == "Amount: at most 2 digits after the decimal separator");
    CHECK(refusal("abc") == "Amount: enter roubles and kopecks, e.g. 1234,50");
    CHECK(refusal("1,234.50") == "Amount: enter roubles and kopecks, e.g. 1234,50");
    CHECK(refusal("12,") == "Amount: enter roubles and kopecks, e.g. 1234,50");
    CHECK(refusal("-") == "Amount: enter roubles and kopecks, e.g. 1234,50");
    CHECK(refusal("--5") == "Amount: enter roubles and kopecks, e.g. 1234,50");
    CHECK(refusal("5-") == "Amount: enter roubles and kopecks, e.g. 1234,50");
    CHECK(refusal("12 ₽ 50") == "Amount: enter roubles and kopecks, e.g. 1234,50");
    CHECK(refusal("1e3") == "Amount: enter roubles and kopecks, e.g. 1234,50");
    CHECK(refusal("") == "Amount: must not be empty");
    CHECK(refusal("   ") == "Amount: must not be empty");
    CHECK(refusal("92233720368547758.08") == "Amount: the amount is too large");
    CHECK(refusal("100000000000000000000") == "Amount: the amount is too large");
}

TEST_CASE("Amounts print in Russian with no-break spaces and the rouble sign", "[money]") {
    LanguageGuard russian(Language::russian);
    CHECK(k(123450).format() == "1" + nbsp + "234,50" + nbsp + "₽");
    CHECK(k(-123450).format() == "\u2212" "1" + nbsp + "234,50" + nbsp + "₽");
    CHECK(k(5).format() == "0,05" + nbsp + "₽");
    CHECK(k(0).format() == "0,00" + nbsp + "₽");
    CHECK(k(123456789012).format() == "1" + nbsp + "234" + nbsp + "567" + nbsp + "890,12" + nbsp + "₽");
    boost::locale::generator gen;
    CHECK(k(75000).format(gen("ru_RU.UTF-8")) == "750,00" + nbsp + "₽");
}

TEST_CASE("An English screen still shows roubles, not its own country's currency", "[money]") {
    boost::locale::generator gen;
    const std::string text = k(123450).format(gen("en_US.UTF-8"));
    CHECK(text.find("1,234.50") != std::string::npos);
    CHECK(text.find("RUB") != std::string::npos);
    CHECK(text.find('$') == std::string::npos);
}

TEST_CASE("What is printed in Russian reads back as the same amount", "[money]") {
    LanguageGuard russian(Language::russian);
    for (const std::int64_t kopecks : {0LL, 1LL, -1LL, 99LL, 100LL, 123450LL, -123405LL, 100000000LL}) {
        INFO(kopecks);
        CHECK(Money::parse(k(kopecks).format()) == k(kopecks));
        CHECK(Money::parse(k(kopecks).plain()) == k(kopecks));
    }
}

TEST_CASE("The plain form is the same in every locale", "[money]") {
    CHECK(k(123450).plain() == "1234.50");
    CHECK(k(-5).plain() == "-0.05");
    CHECK(k(0).plain() == "0.00");
    CHECK(k(1200).plain() == "12.00");
    CHECK(k(std::numeric_limits<std::int64_t>::min()).plain() == "-92233720368547758.08");
}

TEST_CASE("Money adds, subtracts, multiplies and compares in kopecks", "[money]") {
    CHECK(k(75000) + k(55000) == k(130000));
    CHECK(k(25000) - k(55000) == k(-30000));
    CHECK(k(750) * 150 == k(112500));  // 150 connection fees
    CHECK(3 * k(-20) == k(-60));
    CHECK(-k(5) == k(-5));
    Money total;
    total += k(100);
    total -= k(30);
    CHECK(total.kopecks() == 70);
    CHECK(k(1) < k(2));
    CHECK(k(-1) < Money());
    CHECK(Money() == k(0));
    CHECK_THROWS_AS(k(std::numeric_limits<std::int64_t>::max()) + k(1), std::overflow_error);
    CHECK_THROWS_AS(k(std::numeric_limits<std::int64_t>::min()) - k(1), std::overflow_error);
    CHECK_THROWS_AS(k(std::numeric_limits<std::int64_t>::max() / 2 + 1) * 2, std::overflow_error);
}

TEST_CASE("A percentage is applied once and rounded half away from zero [R-POS-2]", "[money][R-POS-2]") {
    CHECK(k(1000).apply_percent_basis_points(1250) == k(125));  // 12.5% exactly
    CHECK(k(123456789).apply_percent_basis_points(333) == k(4111111));
    CHECK(k(250000).apply_percent_basis_points(1550) == k(38750));
    CHECK(k(99999).apply_percent_basis_points(1) == k(10));  // 9.9999 kopecks
    CHECK(k(100).apply_percent_basis_points(0) == k(0));
    CHECK(k(100).apply_percent_basis_points(10000) == k(100));

    SECTION("exact halves go away from zero, on both sides") {
        CHECK(k(1).apply_percent_basis_points(5000) == k(1));    // 0.5
        CHECK(k(3).apply_percent_basis_points(5000) == k(2));    // 1.5
        CHECK(k(5).apply_percent_basis_points(5000) == k(3));    // 2.5, not 2 as banker's rounding would give
        CHECK(k(-1).apply_percent_basis_points(5000) == k(-1));  // -0.5
        CHECK(k(-3).apply_percent_basis_points(5000) == k(-2));  // -1.5
        CHECK(k(-5).apply_percent_basis_points(5000) == k(-3));  // -2.5
        CHECK(k(1001).apply_percent_basis_points(-5000) == k(-501));  // -500.5
        CHECK(k(-1001).apply_percent_basis_points(-5000) == k(501));  // 500.5
        CHECK(k(-123456789).apply_percent_basis_points(333) == k(-4111111));
    }
    SECTION("below a half goes toward zero") {
        CHECK(k(1).apply_percent_basis_points(4999) == k(0));
        CHECK(k(-1).apply_percent_basis_points(4999) == k(0));
        CHECK(k(10001).apply_percent_basis_points(4999) == k(4999));  // 4999.4999
        CHECK(k(-10001).apply_percent_basis_points(4999) == k(-4999));
    }
    SECTION("large totals do not overflow the intermediate product") {
        const std::int64_t big = 900'000'000'000'000'000;  // kopecks; times 10000 would not fit in 64 bits
        CHECK(k(big).apply_percent_basis_points(10000) == k(big));
        CHECK(k(big).apply_percent_basis_points(5000) == k(big / 2));
        CHECK(k(-big - 1).apply_percent_basis_points(5000) == k(-big / 2 - 1));  // -450...000.5
    }
    SECTION("rounding a total once differs from rounding each sale") {
        // Three sales of 1 kopeck at 50%: the reward on the total is 2 kopecks, not 3.
        Money total;
        Money rounded_each;
        for (int i = 0; i < 3; ++i) {
            total += k(1);
            rounded_each += k(1).apply_percent_basis_points(5000);
        }
        CHECK(total.apply_percent_basis_points(5000) == k(2));
        CHECK(rounded_each == k(3));
    }
}

TEST_CASE("A negative amount prints with the typographic minus in every language, files keep the hyphen",
          "[money][R-POS-10]") {
    boost::locale::generator gen;
    for (const char* locale : {"ru_RU.UTF-8", "en_US.UTF-8"}) {
        INFO(locale);
        const std::string text = k(-5).format(gen(locale));
        CHECK(text.find("\u2212") != std::string::npos);
        CHECK(text.find('-') == std::string::npos);
        CHECK(k(5).format(gen(locale)).find("\u2212") == std::string::npos);
    }
    CHECK(k(-5).plain() == "-0.05");  // CSV and JSON
    CHECK(Money::parse("\u2212" "12,30") == k(-1230));
    CHECK_THROWS_AS(Money::parse("\u2212\u2212" "1"), ValidationError);
    CHECK_THROWS_AS(Money::parse("1\u2212"), ValidationError);
}
