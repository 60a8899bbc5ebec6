// The first run: the dealer, the first salon and the administrator, all at once or not at all.
#include <catch2/catch.hpp>

#include "db/DatabaseUrl.hpp"
#include "db/UserError.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/organisation/StaffMember.hpp"
#include "pos/core/setup/FirstRun.hpp"
#include "tests/pos_core/TestActor.hpp"
#include "tests/support/LanguageGuard.hpp"
#include "tests/support/TestDatabase.hpp"

#include <filesystem>

using namespace salon;
using namespace salon::pos;
using salon::test::TestDatabase;

namespace {
// Fictional identifiers with correct check digits.
FirstRunForm first_run() {
    FirstRunForm f;
    f.dealer = {DealerKind::legal_entity, "ООО «Первый»", "7730543210", "1237700543211", "773001001"};
    f.salon_name = "Салон на Тверской";
    f.salon_address = "Москва, Тверская ул., 1";
    f.time_zone = "Europe/Moscow";
    f.admin_login = "admin";
    f.admin_full_name = "Админова Анна Петровна";
    f.admin_password = "first-run-1";
    f.admin_password_again = "first-run-1";
    return f;
}

long long rows(TestDatabase& t, const char* table) {
    long long n = 0;
    t.db().sql() << std::string("SELECT count(*) FROM ") + table, soci::into(n);
    return n;
}

// What the database holds of a first run: nothing at all after a refusal.
void require_nothing_created(TestDatabase& t) {
    CHECK(rows(t, "dealer") == 0);
    CHECK(rows(t, "salon") == 0);
    CHECK(rows(t, "staff") == 0);
    CHECK(rows(t, "audit_entry") == 0);
    CHECK_FALSE(is_set_up(t.db()));
}

template <class F>
std::string refused_input(F&& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.input();
    }
    return "";
}
}  // namespace

TEST_CASE("The first run creates the dealer, the salon and the administrator who signs in", "[setup]") {
    TestDatabase t;
    const AuditKey key = salon::test::test_audit_key(t);
    REQUIRE_FALSE(is_set_up(t.db()));

    const FirstRunResult made = run_first_setup(t.db(), key, first_run());
    CHECK(is_set_up(t.db()));
    const Actor cli = Actor::command_line(key);
    CHECK(get_dealer(t.db(), cli, made.dealer_id).inn == "7730543210");
    const Salon salon = get_salon(t.db(), cli, made.salon_id);
    CHECK(salon.dealer_id == made.dealer_id);
    CHECK(salon.time_zone == "Europe/Moscow");

    // The top role, and the password he typed twice is his own: no change asked at the first sign-in.
    const StaffMember admin = sign_in(t.db(), key, "admin", "first-run-1");
    CHECK(admin.id == made.admin_id);
    CHECK(admin.role == Role::head_office_admin);
    CHECK(admin.full_name == "Админова Анна Петровна");
    CHECK_FALSE(admin.must_change_password);
    CHECK(has_permission(t.db(), admin, Permission::administer_database));
    CHECK(has_permission(t.db(), admin, Permission::manage_staff));

    // One entry per record and one for the first run itself, on an intact chain.
    std::vector<std::string> actions;
    soci::rowset<std::string> entries = (t.db().sql().prepare << "SELECT action FROM audit_entry ORDER BY id");
    for (const auto& action : entries) actions.push_back(action);
    CHECK(actions == std::vector<std::string>{"dealer.save", "salon.save", "staff.save", "setup.first_run"});
    CHECK(verify(t.db(), key).intact());
}

TEST_CASE("A database already set up refuses a second first run and keeps what it has", "[setup]") {
    TestDatabase t;
    const AuditKey key = salon::test::test_audit_key(t);
    run_first_setup(t.db(), key, first_run());
    FirstRunForm again = first_run();
    again.dealer = {DealerKind::sole_proprietor, "ИП Второй", "253612345607", "323253600012341", ""};
    again.admin_login = "second";
    CHECK_THROWS_AS(run_first_setup(t.db(), key, again), RefusedError);
    CHECK(rows(t, "dealer") == 1);
    CHECK(rows(t, "staff") == 1);
    CHECK(rows(t, "audit_entry") == 4);
}

TEST_CASE("A database whose only record is a staff member counts as set up", "[setup]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    StaffForm admin{.login = "boot", .full_name = "Загрузова Вера", .role = Role::head_office_admin,
                    .password = "bootstrap-1"};
    save_staff(t.db(), cli, admin);
    CHECK(is_set_up(t.db()));
    CHECK_THROWS_AS(run_first_setup(t.db(), salon::test::test_audit_key(t), first_run()), RefusedError);
    CHECK(rows(t, "dealer") == 0);
}

TEST_CASE("A refused first run names the input and creates nothing; the next one starts afresh", "[setup]") {
    TestDatabase t;
    const AuditKey key = salon::test::test_audit_key(t);
    auto with = [](auto change) {
        FirstRunForm f = first_run();
        change(f);
        return f;
    };
    // The time zone and the administrator's login are checked after the dealer's (and the salon's) rows were
    // written in the same transaction: the refusal takes those back too.
    CHECK(refused_input([&] { run_first_setup(t.db(), key, with([](auto& f) { f.time_zone = "Europe/Atlantis"; })); }) ==
          "salon.time_zone");
    require_nothing_created(t);
    CHECK(refused_input([&] { run_first_setup(t.db(), key, with([](auto& f) { f.admin_login = "Анна Петровна"; })); }) ==
          "admin.login");
    require_nothing_created(t);
    CHECK(refused_input([&] { run_first_setup(t.db(), key, with([](auto& f) { f.dealer.inn = "7730543211"; })); }) ==
          "dealer.inn");
    CHECK(refused_input([&] { run_first_setup(t.db(), key, with([](auto& f) { f.salon_name = " "; })); }) ==
          "salon.name");
    CHECK(refused_input([&] {
              run_first_setup(t.db(), key, with([](auto& f) { f.admin_password = f.admin_password_again = "short"; }));
          }) == "admin.password");
    CHECK(refused_input([&] { run_first_setup(t.db(), key, with([](auto& f) { f.admin_password_again = "first-run-2"; })); }) ==
          "admin.password_again");
    CHECK(refused_input([&] { run_first_setup(t.db(), key, with([](auto& f) { f.admin_full_name = ""; })); }) ==
          "admin.full_name");
    require_nothing_created(t);

    // The message says which page the field is on, in the person's language.
    for (const auto& [language, field] : {std::pair{Language::english, std::string("Salon: Time zone")},
                                          std::pair{Language::russian, std::string("Салон: Часовой пояс")}}) {
        salon::test::LanguageGuard speaking(language);
        try {
            run_first_setup(t.db(), key, with([](auto& f) { f.time_zone = "Mars/Olympus"; }));
            FAIL("a time zone nobody has was accepted");
        } catch (const InputError& e) {
            CHECK(e.field().str() == field);
            CHECK(e.message().find("Mars/Olympus") != std::string::npos);
        }
    }

    run_first_setup(t.db(), key, first_run());
    CHECK(rows(t, "dealer") == 1);
    CHECK(rows(t, "salon") == 1);
    CHECK(rows(t, "staff") == 1);
    CHECK(verify(t.db(), key).intact());
}

TEST_CASE("The time zones offered for a salon are Russia's, west to east, each known to ICU", "[setup]") {
    const auto& zones = russian_time_zones();
    REQUIRE(zones.size() >= 11);
    CHECK(zones.front().zone == "Europe/Kaliningrad");
    CHECK(zones[1].zone == "Europe/Moscow");
    CHECK(zones.back().zone == "Asia/Kamchatka");
    for (const auto& z : zones) CHECK(validate_time_zone(z.zone) == z.zone);
}

TEST_CASE("Checking a database connects and tells whether it is set up, creating nothing", "[setup]") {
    TestDatabase t;
    const db::DatabaseUrl url = db::DatabaseUrl::parse(t.url());
    DatabaseCheck before = check_database(url);
    CHECK(before.exists);
    CHECK(before.schema_version > 0);
    CHECK_FALSE(before.set_up);
    run_first_setup(t.db(), salon::test::test_audit_key(t), first_run());
    CHECK(check_database(url).set_up);

    // A SQLite file not there yet: its folder can be made, and nothing is made until setting up commits.
    const std::string fresh = t.folder() + "/not/yet/salon.db";
    const DatabaseCheck created_later = check_database(db::DatabaseUrl::parse("sqlite:" + fresh));
    CHECK_FALSE(created_later.exists);
    CHECK_FALSE(std::filesystem::exists(t.folder() + "/not"));
    // A folder nobody may write to (as root every folder is writable: then a path under a file).
    CHECK_THROWS_AS(check_database(db::DatabaseUrl::parse("sqlite:/proc/version/salon.db")), DatabaseError);
    // A server nobody listens on.
    CHECK_THROWS_AS(check_database(db::DatabaseUrl::parse("postgresql://nobody@127.0.0.1:1/none")), DatabaseError);
}
