// The corporate part of the demo network: companies of both kinds with valid identifiers, numbers on business
// tariffs, active applications with the head's power of attorney, numbers still without users' data
// (R-CORP-10), an old cabinet (R-CORP-8), corporate visits in the history; added once.
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/demo/DemoData.hpp"
#include "pos/core/identifiers/Inn.hpp"
#include "pos/core/sale/SandboxSmsSender.hpp"
#include "pos/corporate/CorporateCabinet.hpp"
#include "pos/corporate/CorporateClient.hpp"
#include "pos/corporate/CorporateDemo.hpp"
#include "pos/corporate/RemoteServiceApplication.hpp"
#include "tests/pos_core/TestActor.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include <filesystem>

using namespace salon;
using namespace salon::pos;
using namespace salon::test;

TEST_CASE("The demo seed adds companies of both kinds, applications and corporate visits",
          "[corporate][demo][R-CORP-1][R-CORP-2][R-CORP-10]") {
    TestDatabase t;
    const Actor cli = command_line(t);
    seed_demo(t.db(), cli, 2);
    SandboxSmsSender sms(std::filesystem::path(t.folder()) / "sms.log");
    const CorporateDemoCounts counts = seed_corporate_demo(t.db(), cli, 2, sms);
    CHECK(counts.clients >= 2);
    CHECK(counts.visits > 0);
    const auto clients = list_corporate_clients(t.db(), cli);
    bool legal = false, sole = false, missing_user_data = false;
    int complete = 0;  // companies whose every number has its user's data (R-CORP-10)
    int active = 0;
    for (const auto& c : clients) {
        // Valid check digits: the identifiers parse as typed at the desk.
        CHECK_NOTHROW(Inn::parse(c.inn));
        legal = legal || c.kind == CorporateClientKind::legal_entity;
        sole = sole || c.kind == CorporateClientKind::sole_proprietor;
        CHECK(c.numbers.size() >= 2);
        for (const auto& n : c.numbers) {
            CHECK_FALSE(n.tariff_code.empty());
            missing_user_data = missing_user_data || !n.has_user_data;
        }
        if (std::all_of(c.numbers.begin(), c.numbers.end(), [](const auto& n) { return n.has_user_data; })) ++complete;
        if (const auto a = active_application(t.db(), c.id)) {
            ++active;
            CHECK(a->power_of_attorney.valid_on(CalendarDate::of_utc(t->now()).iso()));
            CHECK(c.bound_email == a->bound_email);
        }
    }
    CHECK(legal);
    CHECK(sole);
    CHECK(missing_user_data);
    CHECK(complete >= 2);
    CHECK(active >= 2);
    long long tariffs_not_business = -1, corporate_visits = 0, enabled = 0, old = 0;
    t->sql() << "SELECT COUNT(*) FROM corporate_number n JOIN tariff t ON t.id = n.tariff_id WHERE t.segment <> 'business'",
        soci::into(tariffs_not_business);
    t->sql() << "SELECT COUNT(*) FROM visit WHERE purpose = 'corporate' AND status = 'done'", soci::into(corporate_visits);
    t->sql() << "SELECT COUNT(*) FROM corporate_cabinet WHERE step = 'password_set'", soci::into(enabled);
    t->sql() << "SELECT COUNT(*) FROM corporate_cabinet WHERE version = 'old'", soci::into(old);
    CHECK(tariffs_not_business == 0);
    CHECK(corporate_visits == counts.visits);
    CHECK(enabled == 1);
    CHECK(old == 1);
    // Once only.
    CHECK(seed_corporate_demo(t.db(), cli, 2, sms).already_present);
    CHECK(list_corporate_clients(t.db(), cli).size() == clients.size());
    CHECK(verify(t.db(), cli.audit_key()).intact());
}
