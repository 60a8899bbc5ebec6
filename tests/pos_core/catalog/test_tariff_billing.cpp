// What a package covers, tariff by tariff, against the source's own sentences (seeds/, Russian original;
// domain.md's "What a package covers is decided by where a call goes"): a package counts every call inside
// Russia, to the company's own numbers and to other operators alike; only Вега prices them apart;
// international calls are outside every package, at standard rates. Then the catalog's services of Теле2
// бизнес and the option «Перенос остатков» honoured month by month. Every figure is worked out by hand;
// standard rates of the seed: minute_russia 3.00, minute_international 49.00, mb 2.00 roubles.
#include <catch2/catch.hpp>

#include "pos/core/catalog/TariffAdvisor.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"
#include "pos/core/common/FormInput.hpp"
#include "tests/support/TestDatabase.hpp"

#include <algorithm>

using namespace salon;
using namespace salon::pos;
using salon::test::TestDatabase;

namespace {

const std::string kDate = "2026-03-01";

struct Catalog {
    TestDatabase t;
    Catalog() { import_tariff_catalog(t.db(), builtin_tariff_catalog()); }
    TariffQuote quote(const UsageProfile& p, const std::string& code) {
        for (auto& q : advise(t.db(), p, kDate))
            if (q.code == code) return q;
        throw std::runtime_error("no quote for " + code);
    }
};

UsageProfile business() {
    UsageProfile p;
    p.segment = "business";
    return p;
}

bool has_line(const TariffQuote& q, const std::string& part, long long quantity) {
    return std::any_of(q.lines.begin(), q.lines.end(), [&](const QuoteLine& l) {
        return l.quantity && *l.quantity == quantity && l.what.english().find(part) != std::string::npos;
    });
}

std::string rejected_input(db::Database& db, const UsageProfile& p) {
    try {
        advise(db, p, kDate);
    } catch (const InputError& e) {
        return e.input();
    }
    return "(accepted)";
}

}  // namespace

TEST_CASE("Бета: «В пакет услуг входит трафик в размере 10 Гб и 1500 минут разговоров для домашнего региона и "
          "для звонков по территории РФ» [R-TAR-1]",
          "[tariff][billing][R-TAR-1]") {
    Catalog c;
    UsageProfile p = business();
    // The case: 100 minutes across Russia and 200 to colleagues are 300 of the 1500: 550, not 1050.
    p.minutes_russia = 100;
    p.minutes_corporate = 200;
    CHECK(c.quote(p, "beta").total.kopecks() == 55000);
    CHECK(has_line(c.quote(p, "beta"), "corporate 200, Russia 100, other operators 0", 0));
    // Calls to other operators are calls inside Russia too.
    p.minutes_other_operators = 300;
    CHECK(c.quote(p, "beta").total.kopecks() == 55000);
    // Beyond the package only: 1500 + 100 + 100 = 1700, 200 beyond at the standard 3.00 = 600.
    p.minutes_russia = 1500;
    p.minutes_corporate = 100;
    p.minutes_other_operators = 100;
    const TariffQuote beta = c.quote(p, "beta");
    CHECK(beta.total.kopecks() == 55000 + 200 * 300);
    CHECK(has_line(beta, "beyond 1500 included minutes", 200));
    // The source names no connection fee: 0 is the catalog's, shown as assumed, and so is the standard rate.
    CHECK_THAT(beta.assumed, Catch::Contains("connection_fee=0"));
    CHECK_THAT(beta.assumed, Catch::Contains("minute_russia=3.00 (standard rate)"));
}

TEST_CASE("Гамма: «В тарифный план входят безлимитные корпоративные звонки, 500 минут на звонки по России, пакет "
          "интернет-трафика в размере 5 Гб» [R-TAR-1]",
          "[tariff][billing][R-TAR-1]") {
    Catalog c;
    UsageProfile p = business();
    p.minutes_corporate = 1000;  // unlimited: outside the 500 and free
    p.minutes_russia = 300;
    p.minutes_other_operators = 200;  // 300 + 200 = the 500
    CHECK(c.quote(p, "gamma").total.kopecks() == 25000);
    p.minutes_other_operators = 300;  // 100 beyond at the standard 3.00
    const TariffQuote gamma = c.quote(p, "gamma");
    CHECK(gamma.total.kopecks() == 25000 + 100 * 300);
    CHECK(has_line(gamma, "Corporate calls, unlimited", 1000));
    CHECK(has_line(gamma, "corporate 0, Russia 300, other operators 300) beyond 500", 100));
    CHECK_THAT(gamma.assumed, Catch::Contains("connection_fee=0"));
}

TEST_CASE("Альфа: «Тариф характеризуется безлимитными корпоративным звонками и большим количеством звонков по всей "
          "территории РФ… Международные разговоры оплачиваются по стандартным расценкам» [R-TAR-1] [R-TAR-3]",
          "[tariff][billing][R-TAR-1][R-TAR-3]") {
    Catalog c;
    UsageProfile p = business();
    p.minutes_corporate = 5000;       // unlimited
    p.minutes_russia = 1500;          // with the 600 below: 2100 of "a large amount", 2000 in the catalog
    p.minutes_other_operators = 600;  // 100 beyond at Альфа's own 1.50 a minute
    p.minutes_international = 10;     // 10 × 49.00 standard
    const TariffQuote alfa = c.quote(p, "alfa");
    CHECK(alfa.monthly.kopecks() == 100 * 150 + 10 * 4900);
    // «Стоимость подключения одного номера стоит 750 рублей»: once, apart from the month (R-TAR-3).
    CHECK(alfa.one_time.kopecks() == 75000);
    CHECK(alfa.total.kopecks() == 100 * 150 + 10 * 4900 + 75000);
    CHECK(has_line(alfa, "International calls", 10));
    // The monthly fee the source does not give is shown as assumed like the package's size.
    CHECK_THAT(alfa.assumed, Catch::Contains("monthly_fee=0"));
    CHECK_THAT(alfa.assumed, Catch::Contains("included_minutes=2000"));
    CHECK_THAT(alfa.assumed, Catch::Contains("minute_international=49.00 (standard rate)"));
}

TEST_CASE("Вега: «Стоимость корпоративных звонков — 0, 60 руб/минуту, звонки на территории РФ — 2 рубля/минута. "
          "Стоимость вызовов абонентам других операторов — 8-11 рублей, смотря какой удаленности регион» [R-TAR-1]",
          "[tariff][billing][R-TAR-1]") {
    Catalog c;
    UsageProfile p = business();
    p.minutes_corporate = 100;
    p.minutes_russia = 100;
    p.minutes_other_operators = 100;
    p.other_operator_zone = "1";
    CHECK(c.quote(p, "vega").total.kopecks() == 100 * 60 + 100 * 200 + 100 * 800);
    p.other_operator_zone = "4";
    CHECK(c.quote(p, "vega").total.kopecks() == 100 * 60 + 100 * 200 + 100 * 1100);
    // «Все остальные услуги тарифицируются по стандартным расценкам»: calls abroad too.
    p.minutes_international = 5;
    CHECK(c.quote(p, "vega").total.kopecks() == 100 * 60 + 100 * 200 + 100 * 1100 + 5 * 4900);
    CHECK_THAT(c.quote(p, "vega").assumed, Catch::Contains("connection_fee=0"));
}

TEST_CASE("International calls are outside every package, at standard rates [R-TAR-1]", "[tariff][billing][R-TAR-1]") {
    Catalog c;
    UsageProfile p;  // every tariff, private ones too
    p.minutes_international = 100;
    for (const auto& q : advise(c.t.db(), p, kDate)) {
        if (q.individual) continue;
        INFO(q.code);
        CHECK(has_line(q, "International calls", 100));
        CHECK(q.monthly.kopecks() >= 100 * 4900);
    }
    p.segment = "business";
    CHECK(c.quote(p, "beta").total.kopecks() == 55000 + 100 * 4900);  // not taken from Бета's 1500
    p.minutes_international = -1;
    CHECK(rejected_input(c.t.db(), p) == "international");
}

TEST_CASE("Теле2 бизнес: «отправка SMS трем основным партнерам бесплатна в любом количестве, сервис «скрытый "
          "номер», установка индивидуального лимита для контролирования расходов сотрудников» are catalog services "
          "[R-TAR-1]",
          "[tariff][billing][R-TAR-1]") {
    Catalog c;
    const TariffQuote t2 = c.quote(business(), "tele2_business");
    CHECK(t2.individual);
    std::vector<std::string> services;
    for (const auto& f : t2.features)
        if (f.kind == "service") services.push_back(f.code);
    std::sort(services.begin(), services.end());
    CHECK(services == std::vector<std::string>{"employee_spending_limit", "hidden_number", "sms_three_partners"});
    CHECK(t2.assumed == "priced per client by agreement");
    // Importing the catalog again adds nothing twice.
    CHECK(import_tariff_catalog(c.t.db(), builtin_tariff_catalog()).features_added == 0);
    long long n = 0;
    c.t.db().sql() << "SELECT COUNT(*) FROM tariff_feature WHERE kind = 'service'", soci::into(n);
    CHECK(n == 3);
}

TEST_CASE("«Перенос остатков»: the unused package of a month goes to the next one when comparing month by month "
          "(«Когда запустили «Перенос остатков», было оживление») [R-TAR-3]",
          "[tariff][billing][R-TAR-3]") {
    Catalog c;
    UsageProfile p = business();
    p.by_month = {MonthUsage{.minutes_russia = 1000, .mb = 5120}, MonthUsage{.minutes_russia = 2000, .mb = 15360}};
    const TariffQuote beta = c.quote(p, "beta");
    CHECK(beta.carry_over);
    REQUIRE(beta.months.size() == 2);
    // Month 2: 1500 + 500 carried minutes and 10240 + 5120 carried MB cover it all.
    CHECK(beta.months[1].carried_minutes == 500);
    CHECK(beta.months[1].carried_mb == 5120);
    CHECK(beta.months[1].cost.kopecks() == 55000);
    CHECK(beta.total.kopecks() == 110000);
    CHECK(has_line(beta, "beyond 1500 included and 500 carried over", 0));

    // Without the option the same months cost 500 × 3.00 and 5120 × 2.00 more.
    c.t.db().sql() << "DELETE FROM tariff_feature WHERE code = 'carry_over'";
    const TariffQuote plain = c.quote(p, "beta");
    CHECK_FALSE(plain.carry_over);
    CHECK(plain.months[1].carried_minutes == 0);
    CHECK(plain.total.kopecks() == 110000 + 500 * 300 + 5120 * 200);
}

TEST_CASE("What is carried lapses after the next month and is used first there [R-TAR-3]", "[tariff][billing][R-TAR-3]") {
    Catalog c;
    UsageProfile p = business();
    p.numbers = 2;
    // Nothing used for two months: month 3 has its 1500 and month 2's unused 1500, not 3000 carried.
    p.by_month = {MonthUsage{}, MonthUsage{}, MonthUsage{.minutes_russia = 4500}};
    TariffQuote beta = c.quote(p, "beta");
    CHECK(beta.months[2].carried_minutes == 1500);
    CHECK(beta.total.kopecks() == (3 * 55000 + 1500 * 300) * 2);
    // Month 2 spends the 500 carried first, then 700 of its own: 800 of its own go on.
    p.by_month = {MonthUsage{.minutes_russia = 1000}, MonthUsage{.minutes_russia = 1200}, MonthUsage{.minutes_russia = 2300}};
    beta = c.quote(p, "beta");
    CHECK(beta.months[2].carried_minutes == 800);
    CHECK(beta.total.kopecks() == 3 * 55000 * 2);
    CHECK(beta.monthly.kopecks() == 55000);  // the months' average
    // Вега has no package and no option: nothing to carry.
    CHECK_FALSE(c.quote(p, "vega").carry_over);
    CHECK(c.quote(p, "vega").months[1].carried_minutes == 0);
}

TEST_CASE("Months given one by one are checked and typed as KEY=NUMBER [R-TAR-3]", "[tariff][billing][R-TAR-3]") {
    Catalog c;
    const MonthUsage m = parse_month_usage("russia=1200, mb=20480,other=100,international=3,corporate=7,sms=9");
    CHECK(m.minutes_russia == 1200);
    CHECK(m.mb == 20480);
    CHECK(m.minutes_other_operators == 100);
    CHECK(m.minutes_international == 3);
    CHECK(m.minutes_corporate == 7);
    CHECK(m.sms == 9);
    for (const char* bad : {"", "russia", "russia=-1", "roaming=5", "russia=5,,mb=1"}) {
        INFO(bad);
        try {
            parse_month_usage(bad);
            FAIL("accepted");
        } catch (const InputError& e) {
            CHECK(e.input() == "month");
        }
    }
    UsageProfile p = business();
    p.by_month = {MonthUsage{}, MonthUsage{}};
    CHECK(rejected_input(c.t.db(), p) == "(accepted)");
    p.minutes_russia = 10;  // one month's figures and months one by one at once
    CHECK(rejected_input(c.t.db(), p) == "month");
    p.minutes_russia = 0;
    p.months = 3;  // two months given
    CHECK(rejected_input(c.t.db(), p) == "months");
    p.months = 2;
    CHECK(rejected_input(c.t.db(), p) == "(accepted)");
}
