// The demo network and the tariff catalog it ships with.
#include <catch2/catch.hpp>

#include "db/UserError.hpp"
#include "pos/core/organisation/Dealer.hpp"
#include "pos/core/demo/DemoData.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/organisation/StaffMember.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"
#include "tests/pos_core/TestActor.hpp"
#include "tests/support/TestDatabase.hpp"

#include <set>

using namespace salon;
using namespace salon::pos;
using salon::test::TestDatabase;

TEST_CASE("The demo seed adds dealers of both kinds, salons in three zones and every role", "[demo]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    const auto r = seed_demo(t.db(), cli);
    CHECK_FALSE(r.already_present);
    std::set<DealerKind> kinds;
    for (const auto& d : list_dealers(t.db(), cli)) kinds.insert(d.kind);
    CHECK(kinds.size() == 2);
    std::set<std::string> zones;
    for (const auto& s : list_salons(t.db(), cli)) zones.insert(s.time_zone);
    CHECK(zones == std::set<std::string>{"Europe/Kaliningrad", "Europe/Moscow", "Asia/Vladivostok"});
    std::set<Role> roles;
    for (const auto& m : list_staff(t.db(), cli)) roles.insert(m.role);
    CHECK(roles.size() == all_roles().size());
    CHECK(sign_in(t.db(), "ivanov", kDemoPassword).full_name == "Иванов Артём Сергеевич");

    const auto again = seed_demo(t.db(), cli);
    CHECK(again.already_present);
    CHECK(list_dealers(t.db(), cli).size() == 2);
}

TEST_CASE("The built-in catalog holds the seed's business tariffs [R-TAR-1]", "[catalog][R-TAR-1]") {
    TestDatabase t;
    const auto r = import_tariff_catalog(t.db(), builtin_tariff_catalog());
    CHECK(r.tariffs_added == 9);  // the seed's five business tariffs and four private ones
    long long beta_fee = 0, alfa_connection = 0;
    t->sql() << "SELECT v.monthly_fee FROM tariff_version v JOIN tariff t ON t.id = v.tariff_id WHERE t.code = 'beta'",
        soci::into(beta_fee);
    t->sql() << "SELECT v.connection_fee FROM tariff_version v JOIN tariff t ON t.id = v.tariff_id "
                "WHERE t.code = 'alfa'",
        soci::into(alfa_connection);
    CHECK(beta_fee == 55000);         // 550 roubles a month
    CHECK(alfa_connection == 75000);  // 750 roubles once per number (R-TAR-3)
    int vega_zones = 0;
    t->sql() << "SELECT count(*) FROM tariff_zone_rate z JOIN tariff_version v ON v.id = z.tariff_version_id "
                "JOIN tariff t ON t.id = v.tariff_id WHERE t.code = 'vega'",
        soci::into(vega_zones);
    CHECK(vega_zones == 4);
}

TEST_CASE("Re-importing a catalog never alters a version already in force [R-TAR-2]", "[catalog][R-TAR-2]") {
    TestDatabase t;
    import_tariff_catalog(t.db(), builtin_tariff_catalog());
    const std::string changed = R"({"tariffs": [{"code": "beta", "name": "Бета", "segment": "business",
        "is_bundle": true, "versions": [
          {"valid_from": "2026-01-01", "monthly_fee": 99900, "connection_fee": 0},
          {"valid_from": "2026-07-01", "monthly_fee": 59000, "connection_fee": 0}]}]})";
    const auto r = import_tariff_catalog(t.db(), changed);
    CHECK(r.versions_added == 1);
    CHECK(r.unchanged == 1);
    long long first = 0;
    t->sql() << "SELECT v.monthly_fee FROM tariff_version v JOIN tariff t ON t.id = v.tariff_id "
                "WHERE t.code = 'beta' AND v.valid_from = '2026-01-01'",
        soci::into(first);
    CHECK(first == 55000);
}

TEST_CASE("A malformed catalog is refused whole, naming the entry", "[catalog]") {
    TestDatabase t;
    CHECK_THROWS_AS(import_tariff_catalog(t.db(), "{not json"), ValidationError);
    const std::string bad_date = R"({"tariffs": [{"code": "x", "name": "X", "segment": "private", "is_bundle": false,
        "versions": [{"valid_from": "1 May", "monthly_fee": 0, "connection_fee": 0}]}]})";
    try {
        import_tariff_catalog(t.db(), bad_date);
        FAIL("accepted a bad date");
    } catch (const ValidationError& e) {
        CHECK_THAT(e.message(), Catch::Contains("x: \"valid_from\" must be a date"));
    }
    int tariffs = 0;
    t->sql() << "SELECT count(*) FROM tariff", soci::into(tariffs);
    CHECK(tariffs == 0);  // the tariff row of the refused import was rolled back too
}
