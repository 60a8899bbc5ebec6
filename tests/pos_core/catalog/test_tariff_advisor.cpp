// The tariff advisor against the built-in catalog; every expected figure is worked out by hand in kopecks.
// Standard rates of the seed: minute_home 2.50, minute_russia 3.00, minute_other_operator 4.00, mb 2.00,
// sms 2.50 roubles.
#include <catch2/catch.hpp>

#include "db/UserError.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/catalog/TariffAdvisor.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"
#include "tests/support/TestDatabase.hpp"

#include <map>

using namespace salon;
using namespace salon::pos;
using salon::test::TestDatabase;

namespace {

const std::string kDate = "2026-03-01";

std::map<std::string, long long> totals(const std::vector<TariffQuote>& quotes) {
    std::map<std::string, long long> out;
    for (const auto& q : quotes)
        if (!q.individual) out[q.code] = q.total.kopecks();
    return out;
}

std::vector<std::string> order(const std::vector<TariffQuote>& quotes) {
    std::vector<std::string> out;
    for (const auto& q : quotes) out.push_back(q.code);
    return out;
}

const TariffQuote& quote(const std::vector<TariffQuote>& quotes, const std::string& code) {
    for (const auto& q : quotes)
        if (q.code == code) return q;
    throw std::runtime_error("no quote for " + code);
}

std::string rejected_input(db::Database& db, const UsageProfile& p, const std::string& date = kDate) {
    try {
        advise(db, p, date);
    } catch (const InputError& e) {
        return e.input();
    }
    return "(accepted)";
}

}  // namespace

TEST_CASE("A light user pays least on Вега, with the arithmetic shown [R-TAR-1]", "[tariff][R-TAR-1]") {
    TestDatabase t;
    import_tariff_catalog(t.db(), builtin_tariff_catalog());
    UsageProfile p;
    p.segment = "business";  // the seed's tariffs
    p.minutes_corporate = 30;
    p.minutes_russia = 20;
    p.minutes_other_operators = 10;
    p.other_operator_zone = "3";
    p.mb = 10;
    p.sms = 5;
    const auto quotes = advise(t.db(), p, kDate);
    // A package covers calls by where they go (domain.md): corporate and other operators' minutes count
    // against it like calls in Russia.
    // Вега:  30×0.60 + 20×2.00 + 10×10.00 (zone 3) + 10×2.00 (standard) + 5×2.50 (standard) = 190.50
    // Гамма: 250 + corporate unlimited + 20 + 10 of 500 included + 10 of 5120 MB + 5×2.50 = 262.50
    // Бета:  550 + 30 + 20 + 10 of 1500 included + 5×2.50 = 562.50
    // Альфа: 0 + corporate unlimited + 20 + 10 of 2000 included + 5×2.50 = 12.50 a month, + 750 connection = 762.50
    CHECK(totals(quotes) == std::map<std::string, long long>{
                                {"vega", 19050}, {"gamma", 26250}, {"beta", 56250}, {"alfa", 76250}});
    CHECK(order(quotes) == std::vector<std::string>{"vega", "gamma", "beta", "alfa", "tele2_business"});

    const auto& vega = quote(quotes, "vega");
    CHECK(vega.monthly.kopecks() == 19050);
    CHECK(vega.one_time.kopecks() == 0);
    CHECK_FALSE(vega.is_bundle);
    CHECK_THAT(vega.assumed, Catch::Contains("zones 1-4"));
    long long sum = 0;
    bool zone_line = false;
    for (const auto& l : vega.lines) {
        sum += l.amount.kopecks();
        if (l.quantity && l.unit_price.kopecks() == 1000) {
            zone_line = true;
            CHECK(*l.quantity == 10);
            CHECK_FALSE(l.standard_rate);
            CHECK_THAT(l.what.english(), Catch::Contains("zone 3"));
        }
    }
    CHECK(zone_line);
    CHECK(sum == 19050);  // the lines add up to the monthly cost (connection fee 0)

    const auto& alfa = quote(quotes, "alfa");
    CHECK_THAT(alfa.assumed, Catch::Contains("included_minutes=2000"));
    bool standard_sms = false;
    for (const auto& l : alfa.lines)
        if (l.quantity && l.what.english() == "SMS, messages") standard_sms = l.standard_rate && l.amount.kopecks() == 1250;
    CHECK(standard_sms);

    p.other_operator_zone = "4";  // 10×11.00 instead of 10×10.00
    CHECK(totals(advise(t.db(), p, kDate)).at("vega") == 20050);
}

TEST_CASE("A heavy internet user: Альфа's 15 GB against Бета and Гамма [R-TAR-1]", "[tariff][R-TAR-1]") {
    TestDatabase t;
    import_tariff_catalog(t.db(), builtin_tariff_catalog());
    UsageProfile p;
    p.segment = "business";  // the seed's tariffs
    p.minutes_russia = 300;
    p.mb = 20480;
    // Альфа: 5120 MB beyond 15360 × 2.00 = 10 240, + 750 connection = 10 990
    // Бета:  550 + 10240 MB beyond 10240 × 2.00 = 21 030
    // Гамма: 250 + 15360 MB beyond 5120 × 2.00 = 30 970
    // Вега:  300×2.00 + 20480×2.00 = 41 560
    const auto quotes = advise(t.db(), p, kDate);
    CHECK(totals(quotes) == std::map<std::string, long long>{
                                {"alfa", 1099000}, {"beta", 2103000}, {"gamma", 3097000}, {"vega", 4156000}});
    CHECK(order(quotes).front() == "alfa");
}

TEST_CASE("The connection fee stands apart; months multiply the monthly part only [R-TAR-3]",
          "[tariff][R-TAR-3]") {
    TestDatabase t;
    import_tariff_catalog(t.db(), builtin_tariff_catalog());
    UsageProfile p;
    p.segment = "business";  // the seed's tariffs
    p.minutes_russia = 1500;
    p.mb = 10240;
    // Бета covers it all for 550 a month; Альфа for 0 a month and 750 once per number.
    auto quotes = advise(t.db(), p, kDate);
    CHECK(order(quotes).front() == "beta");
    CHECK(quote(quotes, "alfa").monthly.kopecks() == 0);
    CHECK(quote(quotes, "alfa").one_time.kopecks() == 75000);
    CHECK(quote(quotes, "beta").total.kopecks() == 55000);
    CHECK(quote(quotes, "alfa").total.kopecks() == 75000);
    CHECK(quote(quotes, "alfa").lines.back().amount.kopecks() == 75000);  // shown as its own line

    p.months = 2;  // Бета 2×550 = 1100; Альфа 2×0 + 750 = 750
    quotes = advise(t.db(), p, kDate);
    CHECK(quote(quotes, "beta").total.kopecks() == 110000);
    CHECK(quote(quotes, "alfa").total.kopecks() == 75000);
    CHECK(order(quotes).front() == "alfa");

    p.months = 1;
    p.numbers = 2;  // Бета 550×2 = 1100; Альфа 750×2 = 1500
    quotes = advise(t.db(), p, kDate);
    CHECK(quote(quotes, "beta").total.kopecks() == 110000);
    CHECK(quote(quotes, "alfa").total.kopecks() == 150000);

    p.months = 12;
    p.numbers = 3;
    // Альфа (0×12 + 750)×3 = 2 250; Бета 550×12×3 = 19 800;
    // Гамма (250 + 1000×3.00 + 5120×2.00 = 13 490)×36 = 485 640; Вега (1500×2.00 + 10240×2.00 = 23 480)×36 = 845 280
    CHECK(totals(advise(t.db(), p, kDate)) ==
          std::map<std::string, long long>{
              {"alfa", 225000}, {"beta", 1980000}, {"gamma", 48564000}, {"vega", 84528000}});
}

TEST_CASE("Теле2 бизнес is listed last, priced by agreement [R-TAR-1]", "[tariff][R-TAR-1]") {
    TestDatabase t;
    import_tariff_catalog(t.db(), builtin_tariff_catalog());
    UsageProfile p;
    p.segment = "business";  // the seed's tariffs
    p.minutes_corporate = 100000;  // even when everything else costs a fortune
    const auto quotes = advise(t.db(), p, kDate);
    REQUIRE(quotes.size() == 5);
    CHECK(quotes.back().code == "tele2_business");
    CHECK(quotes.back().name == "Теле2 бизнес");
    CHECK(quotes.back().individual);
    CHECK(quotes.back().total.kopecks() == 0);
    CHECK(quotes.back().lines.empty());
    CHECK_THAT(quotes.back().assumed, Catch::Contains("by agreement"));
}

TEST_CASE("A new version changes the quote only from its first day [R-TAR-2]", "[tariff][R-TAR-2]") {
    TestDatabase t;
    import_tariff_catalog(t.db(), builtin_tariff_catalog());
    import_tariff_catalog(t.db(), R"({"tariffs": [{"code": "beta", "name": "Бета", "segment": "business",
        "is_bundle": true, "versions": [{"valid_from": "2026-07-01", "monthly_fee": 59000, "connection_fee": 0,
        "included_minutes": 1500, "included_mb": 10240}]}],
        "standard_rates": [{"code": "mb", "unit": "mb", "price": 100, "valid_from": "2026-09-01"}]})");
    UsageProfile p;
    p.segment = "business";  // the seed's tariffs
    p.minutes_russia = 300;
    p.mb = 20480;
    // Before 1 July: 550 + 10240×2.00; from 1 July 590 + 10240×2.00; from 1 September 590 + 10240×1.00
    CHECK(quote(advise(t.db(), p, "2026-06-30"), "beta").total.kopecks() == 2103000);
    const auto july = advise(t.db(), p, "2026-07-01");
    CHECK(quote(july, "beta").total.kopecks() == 2107000);
    CHECK(quote(july, "beta").version_from == "2026-07-01");
    CHECK(quote(july, "gamma").total.kopecks() == 3097000);  // other tariffs unchanged
    CHECK(quote(advise(t.db(), p, "2026-09-01"), "beta").total.kopecks() == 1083000);
    CHECK(quote(advise(t.db(), p, "2026-08-31"), "alfa").total.kopecks() == 1099000);
    CHECK(quote(advise(t.db(), p, "2026-09-01"), "alfa").total.kopecks() == 587000);  // 5120×1.00 + 750

    // A version closed by valid_to is no longer in force from that day.
    t->sql() << "UPDATE tariff_version SET valid_to = '2026-07-01' WHERE valid_from = '2026-01-01'";
    CHECK(quote(advise(t.db(), p, "2026-06-30"), "beta").total.kopecks() == 2103000);
    CHECK(advise(t.db(), p, "2026-07-01").size() == 1);  // only Бета has a version from 1 July
    CHECK(advise(t.db(), p, "2025-12-31").empty());        // nothing in force before the catalog

    const auto listed = tariffs_in_force(t.db(), "2026-07-15");
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].monthly_fee.kopecks() == 59000);
    CHECK(listed[0].version_from == "2026-07-01");
    CHECK(tariffs_in_force(t.db(), "2026-06-15").size() == 9);  // five business, four private
}

TEST_CASE("A bad usage profile is refused naming the input [R-TAR-1]", "[tariff][R-TAR-1]") {
    TestDatabase t;
    import_tariff_catalog(t.db(), builtin_tariff_catalog());
    UsageProfile p;
    p.segment = "business";  // the seed's tariffs
    CHECK(rejected_input(t.db(), p) == "(accepted)");
    CHECK(rejected_input(t.db(), p, "1 May") == "date");
    CHECK(rejected_input(t.db(), p, "2026-13-01") == "date");
    auto bad = p;
    bad.minutes_corporate = -1;
    CHECK(rejected_input(t.db(), bad) == "corporate");
    bad = p;
    bad.minutes_russia = -5;
    CHECK(rejected_input(t.db(), bad) == "russia");
    bad = p;
    bad.minutes_other_operators = -1;
    CHECK(rejected_input(t.db(), bad) == "other");
    bad = p;
    bad.other_operator_zone = "5";
    CHECK(rejected_input(t.db(), bad) == "zone");
    bad = p;
    bad.mb = -1;
    CHECK(rejected_input(t.db(), bad) == "mb");
    bad = p;
    bad.sms = -1;
    CHECK(rejected_input(t.db(), bad) == "sms");
    bad = p;
    bad.months = 0;
    CHECK(rejected_input(t.db(), bad) == "months");
    bad.months = 37;
    CHECK(rejected_input(t.db(), bad) == "months");
    bad.months = 36;
    CHECK(rejected_input(t.db(), bad) == "(accepted)");
    bad.numbers = 1001;
    CHECK(rejected_input(t.db(), bad) == "numbers");
    bad.numbers = 0;
    try {
        advise(t.db(), bad, kDate);
        FAIL("accepted 0 numbers");
    } catch (const InputError& e) {
        CHECK_THAT(std::string(e.what()), Catch::Contains("1000"));
    }
}

TEST_CASE("Today is taken from the database clock in UTC", "[tariff]") {
    TestDatabase t;
    const std::string today = today_utc(t.db());
    CHECK(today.size() == 10);
    CHECK(today >= "2024-01-01");
}
