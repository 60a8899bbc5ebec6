// Dealers, salons and staff as the administration screens and salon-cli edit them.
#include <catch2/catch.hpp>

#include "db/UserError.hpp"
#include "pos/core/organisation/Dealer.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/organisation/StaffMember.hpp"
#include "tests/pos_core/TestActor.hpp"
#include "tests/support/TestDatabase.hpp"

using namespace salon;
using namespace salon::pos;
using salon::test::TestDatabase;

namespace {
// Fictional identifiers with correct check digits.
DealerForm retail() { return {DealerKind::legal_entity, "ООО «Тест»", "7730543210", "1237700543211", "773001001"}; }
DealerForm proprietor() {
    return {DealerKind::sole_proprietor, "ИП Тестова", "253612345607", "323253600012341", ""};
}

// The input an InputError names, or "" when the call succeeds or throws something else.
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

TEST_CASE("A dealer of each kind is saved with validated identifiers [R-POS-1]", "[organisation][R-POS-1]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    const auto a = save_dealer(t.db(), cli, retail());
    const auto b = save_dealer(t.db(), cli, proprietor());
    const auto dealers = list_dealers(t.db(), cli);
    REQUIRE(dealers.size() == 2);
    const Dealer ip = get_dealer(t.db(), cli, b);
    CHECK(ip.kind == DealerKind::sole_proprietor);
    CHECK(ip.kpp.empty());
    CHECK(get_dealer(t.db(), cli, a).kpp == "773001001");
}

TEST_CASE("Dealer form errors name the input and save nothing", "[organisation]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    auto with = [](auto change) {
        DealerForm f = retail();
        change(f);
        return f;
    };
    CHECK(refused_input([&] { save_dealer(t.db(), cli, with([](auto& f) { f.name = "  "; })); }) == "name");
    CHECK(refused_input([&] { save_dealer(t.db(), cli, with([](auto& f) { f.inn = "7730543211"; })); }) ==
          "inn");
    CHECK(refused_input([&] { save_dealer(t.db(), cli, with([](auto& f) { f.inn = "253612345607"; })); }) ==
          "inn");
    CHECK(refused_input([&] { save_dealer(t.db(), cli, with([](auto& f) { f.ogrn = "1237700543212"; })); }) ==
          "ogrn");
    CHECK(refused_input([&] { save_dealer(t.db(), cli, with([](auto& f) { f.kpp = "77300100"; })); }) ==
          "kpp");
    DealerForm ip_with_kpp = proprietor();
    ip_with_kpp.kpp = "773001001";
    CHECK(refused_input([&] { save_dealer(t.db(), cli, ip_with_kpp); }) == "kpp");
    CHECK(list_dealers(t.db(), cli).empty());
}

TEST_CASE("An INN registered to another dealer is refused; editing keeps one's own", "[organisation]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    const auto id = save_dealer(t.db(), cli, retail());
    DealerForm copy = retail();
    copy.ogrn = "1213900123458";
    try {
        save_dealer(t.db(), cli, copy);
        FAIL("a second dealer took the same INN");
    } catch (const InputError& e) {
        CHECK(e.input() == "inn");
        CHECK(e.message() == "INN: is already registered to another dealer");
    }
    DealerForm renamed = retail();
    renamed.name = "ООО «Тест-2»";
    CHECK(save_dealer(t.db(), cli, renamed, id) == id);
    CHECK(get_dealer(t.db(), cli, id).name == "ООО «Тест-2»");
}

TEST_CASE("Salons carry an IANA time zone from Kaliningrad to Vladivostok", "[organisation]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    const auto dealer = save_dealer(t.db(), cli, retail());
    for (const char* zone : {"Europe/Kaliningrad", "Europe/Moscow", "Asia/Yekaterinburg", "Asia/Vladivostok"})
        save_salon(t.db(), cli, {dealer, std::string("Салон ") + zone, "Адрес", zone});
    CHECK(list_salons(t.db(), cli).size() == 4);
    CHECK(refused_input([&] {
              save_salon(t.db(), cli, {dealer, "X", "Адрес", "Mars/Olympus"});
          }) == "time_zone");
    CHECK(refused_input([&] { save_salon(t.db(), cli, {dealer, "X", "Адрес", ""}); }) == "time_zone");
    CHECK(refused_input([&] {
              save_salon(t.db(), cli, {dealer, "Салон Europe/Moscow", "Адрес", "Europe/Moscow"});
          }) == "name");
    CHECK(refused_input([&] {
              save_salon(t.db(), cli, {dealer + 100, "Y", "Адрес", "Europe/Moscow"});
          }) == "dealer");
    CHECK(list_salons(t.db(), cli, dealer + 100).empty());
}

TEST_CASE("A salon's idle lock is 30 s to 1 h, 3 min unless set; an edit without it keeps it", "[organisation]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    const auto dealer = save_dealer(t.db(), cli, retail());
    const auto plain = save_salon(t.db(), cli, {dealer, "Салон 1", "Адрес", "Europe/Moscow"});
    CHECK(get_salon(t.db(), cli, plain).idle_lock_seconds == 180);
    SalonForm form{dealer, "Салон 2", "Адрес", "Europe/Moscow"};
    form.idle_lock_seconds = 30;
    const auto quick = save_salon(t.db(), cli, form);
    CHECK(get_salon(t.db(), cli, quick).idle_lock_seconds == 30);
    form.idle_lock_seconds = 3600;
    save_salon(t.db(), cli, form, quick);
    CHECK(list_salons(t.db(), cli, dealer).back().idle_lock_seconds == 3600);
    // Unset on an edit (salon-cli's): what is stored stays.
    save_salon(t.db(), cli, {dealer, "Салон 2", "Новый адрес", "Europe/Moscow"}, quick);
    CHECK(get_salon(t.db(), cli, quick).idle_lock_seconds == 3600);
    for (int wrong : {0, 29, 3601, -5}) {
        form.idle_lock_seconds = wrong;
        CHECK(refused_input([&] { save_salon(t.db(), cli, form, quick); }) == "idle_lock");
    }
    CHECK(get_salon(t.db(), cli, quick).idle_lock_seconds == 3600);
    // Salon staff have their salon's period, anyone else the default.
    CHECK(idle_lock_seconds_for(t.db(), cli) == kDefaultIdleLockSeconds);
    const auto key = salon::test::test_audit_key(t);
    const auto staff = save_staff(t.db(), cli, {"spec", "Специалист", Role::specialist, quick, 0, {}, "password1"});
    CHECK(idle_lock_seconds_for(t.db(), Actor::signed_in(t.db(), get_staff(t.db(), cli, staff), key)) == 3600);
}

TEST_CASE("Staff are placed by role: salon staff in a salon, managers at a dealer [R-TRN-11]",
          "[organisation][R-TRN-11]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    const auto dealer = save_dealer(t.db(), cli, retail());
    const auto salon = save_salon(t.db(), cli, {dealer, "Салон", "Адрес", "Europe/Moscow"});
    StaffForm f{"ivanov", "Иванов Иван", Role::specialist, salon, 0, std::nullopt, "password1"};
    const auto id = save_staff(t.db(), cli, f);
    const StaffMember m = get_staff(t.db(), cli, id);
    CHECK(m.dealer_id == dealer);  // follows from the salon
    CHECK(m.career_level == CareerLevel::trainee);
    CHECK(m.must_change_password);

    StaffForm no_salon{"petrov", "Петров", Role::specialist, 0, 0, std::nullopt, "password1"};
    CHECK(refused_input([&] { save_staff(t.db(), cli, no_salon); }) == "salon");
    StaffForm manager{"boss", "Начальник", Role::dealer_manager, 0, 0, std::nullopt, "password1"};
    CHECK(refused_input([&] { save_staff(t.db(), cli, manager); }) == "dealer");
    StaffForm senior_level{"sidorov", "Сидоров", Role::specialist, salon, 0, CareerLevel::senior_specialist, "password1"};
    CHECK(refused_input([&] { save_staff(t.db(), cli, senior_level); }) == "career_level");
    StaffForm same_login{"ivanov", "Другой", Role::trainer, 0, 0, std::nullopt, "password1"};
    CHECK(refused_input([&] { save_staff(t.db(), cli, same_login); }) == "login");
    StaffForm bad_login{"Иванов", "Другой", Role::trainer, 0, 0, std::nullopt, "password1"};
    CHECK(refused_input([&] { save_staff(t.db(), cli, bad_login); }) == "login");
    StaffForm short_password{"trainer", "Тренер", Role::trainer, 0, 0, std::nullopt, "short"};
    CHECK(refused_input([&] { save_staff(t.db(), cli, short_password); }) == "password");
    CHECK(list_staff(t.db(), cli).size() == 1);
}

TEST_CASE("Sign-in never tells a wrong login from a wrong password", "[organisation][sign-in]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    const auto id =
        save_staff(t.db(), cli, {"trainer", "Тренер", Role::trainer, 0, 0, std::nullopt, "correct horse"});
    CHECK(sign_in(t.db(), "trainer", "correct horse").id == id);
    std::string wrong_password, wrong_login;
    try {
        sign_in(t.db(), "trainer", "wrong");
    } catch (const RefusedError& e) {
        wrong_password = e.message();
    }
    try {
        sign_in(t.db(), "nobody", "correct horse");
    } catch (const RefusedError& e) {
        wrong_login = e.message();
    }
    CHECK(wrong_password == "Wrong login or password.");
    CHECK(wrong_login == wrong_password);
}

TEST_CASE("Changing the password clears the first-sign-in mark and keeps only a hash", "[organisation][sign-in]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    const auto id =
        save_staff(t.db(), cli, {"trainer", "Тренер", Role::trainer, 0, 0, std::nullopt, "first password"});
    change_password(t.db(), id, "second password");
    CHECK_FALSE(get_staff(t.db(), cli, id).must_change_password);
    CHECK_THROWS_AS(sign_in(t.db(), "trainer", "first password"), RefusedError);
    CHECK(sign_in(t.db(), "trainer", "second password").id == id);
    std::string stored;
    const long long staff_id = id;
    t->sql() << "SELECT password_hash FROM staff WHERE id = :id", soci::use(staff_id), soci::into(stored);
    CHECK(stored.rfind("$argon2id$", 0) == 0);
    CHECK(stored.find("second password") == std::string::npos);
}
