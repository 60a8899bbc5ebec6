// Dealer scoping and permissions enforced in core: a dealer's people see and change only their own
// dealer's salons and staff, head office sees all, every write checks its permission and is audited once.
#include <catch2/catch.hpp>

#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/audit/AuditJournal.hpp"
#include "pos/core/organisation/Certification.hpp"
#include "pos/core/organisation/Dealer.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/organisation/StaffMember.hpp"
#include "tests/pos_core/TestActor.hpp"
#include "tests/support/TestDatabase.hpp"

#include <functional>

using namespace salon;
using namespace salon::pos;
using salon::test::TestDatabase;

namespace {

// Two dealers, each with a salon, a manager and a specialist; head office's trainer and administrator.
struct TwoDealers {
    std::int64_t dealer_a = 0, dealer_b = 0, salon_a = 0, salon_b = 0;
    std::int64_t manager_a = 0, manager_b = 0, specialist_a = 0, specialist_b = 0, trainer = 0, admin = 0;

    TwoDealers(db::Database& db, const Actor& cli) {
        dealer_a = save_dealer(
            db, cli, {DealerKind::legal_entity, "ООО «Тест»", "7730543210", "1237700543211", "773001001"});
        dealer_b = save_dealer(
            db, cli, {DealerKind::sole_proprietor, "ИП Тестова", "253612345607", "323253600012341", ""});
        salon_a = save_salon(db, cli, {dealer_a, "Салон А", "Москва", "Europe/Moscow"});
        salon_b = save_salon(db, cli, {dealer_b, "Салон Б", "Владивосток", "Asia/Vladivostok"});
        manager_a =
            save_staff(db, cli, {"mgr-a", "Менеджер А", Role::dealer_manager, 0, dealer_a, {}, "password1"});
        manager_b =
            save_staff(db, cli, {"mgr-b", "Менеджер Б", Role::dealer_manager, 0, dealer_b, {}, "password1"});
        specialist_a =
            save_staff(db, cli, {"spec-a", "Специалист А", Role::specialist, salon_a, 0, {}, "password1"});
        specialist_b =
            save_staff(db, cli, {"spec-b", "Специалист Б", Role::specialist, salon_b, 0, {}, "password1"});
        trainer = save_staff(db, cli, {"trainer", "Тренер", Role::trainer, 0, 0, {}, "password1"});
        admin = save_staff(db, cli, {"admin", "Админ", Role::head_office_admin, 0, 0, {}, "password1"});
    }
};

Actor as(db::Database& db, const Actor& cli, std::int64_t staff_id, const AuditKey& key) {
    return Actor::signed_in(db, get_staff(db, cli, staff_id), key);
}

long long count_entries(db::Database& db) {
    long long n = 0;
    db.sql() << "SELECT count(*) FROM audit_entry", soci::into(n);
    return n;
}

// Everything an organisation operation could change, as text: a refusal must leave it as it was.
std::string organisation_state(db::Database& db) {
    std::string out;
    auto rows = [&](const std::string& select) {
        soci::rowset<soci::row> rs = db.sql().prepare << select;
        for (const soci::row& r : rs) {
            for (std::size_t i = 0; i < r.size(); ++i) {
                if (r.get_indicator(i) == soci::i_null) {
                    out += "NULL|";
                    continue;
                }
                switch (r.get_properties(i).get_data_type()) {
                case soci::dt_string: out += r.get<std::string>(i); break;
                case soci::dt_integer: out += std::to_string(r.get<int>(i)); break;
                case soci::dt_long_long: out += std::to_string(r.get<long long>(i)); break;
                case soci::dt_unsigned_long_long: out += std::to_string(r.get<unsigned long long>(i)); break;
                default: out += "?"; break;
                }
                out += '|';
            }
            out += '\n';
        }
    };
    rows("SELECT id, kind, name, inn, ogrn, kpp FROM dealer ORDER BY id");
    rows("SELECT id, dealer_id, name, address, time_zone, active FROM salon ORDER BY id");
    rows(
        "SELECT id, login, full_name, role, dealer_id, salon_id, career_level, password_hash, "
        "must_change_password, active FROM staff ORDER BY id");
    rows("SELECT id, staff_id, certified_on, trainer_id, source, recorded_by FROM certification ORDER BY id");
    return out;
}

// Runs `operation`, which must be refused (RefusedError, or ValidationError when the record is another
// dealer's and so "does not exist"), and checks that it changed nothing and wrote no audit entry.
template <class Error>
void refused_without_trace(db::Database& db, const std::function<void()>& operation) {
    const std::string before = organisation_state(db);
    const long long entries = count_entries(db);
    CHECK_THROWS_AS(operation(), Error);
    CHECK(organisation_state(db) == before);
    CHECK(count_entries(db) == entries);
}

// The newest entry, after checking that exactly one was written since `entries_before` and that the
// whole journal verifies.
AuditEntry one_new_entry(db::Database& db, const AuditKey& key, long long entries_before) {
    CHECK(count_entries(db) == entries_before + 1);
    const AuditCheck check = verify(db, key);
    CHECK_FALSE(check.problem);
    CHECK(check.entries == entries_before + 1);
    const auto newest = list_entries(db, "", 1);
    REQUIRE(newest.size() == 1);
    return newest.front();
}

std::string message_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const UserError& e) {
        return e.message();
    }
    return "";
}

}  // namespace

TEST_CASE("A dealer's people see only their own dealer's dealers, salons and staff", "[access]") {
    TestDatabase t;
    const Actor cli = test::command_line(t);
    const AuditKey key = test::test_audit_key(t);
    const TwoDealers o(t.db(), cli);

    struct Case {
        std::int64_t person, own_dealer, own_salon, other_dealer, other_salon;
        std::vector<std::int64_t> others;  // staff the person must not see
    };
    const Case cases[] = {
        {o.manager_a,
         o.dealer_a,
         o.salon_a,
         o.dealer_b,
         o.salon_b,
         {o.manager_b, o.specialist_b, o.trainer, o.admin}},
        {o.specialist_a,
         o.dealer_a,
         o.salon_a,
         o.dealer_b,
         o.salon_b,
         {o.manager_b, o.specialist_b, o.trainer, o.admin}},
        {o.manager_b,
         o.dealer_b,
         o.salon_b,
         o.dealer_a,
         o.salon_a,
         {o.manager_a, o.specialist_a, o.trainer, o.admin}},
        {o.specialist_b,
         o.dealer_b,
         o.salon_b,
         o.dealer_a,
         o.salon_a,
         {o.manager_a, o.specialist_a, o.trainer, o.admin}},
    };
    for (const Case& c : cases) {
        const Actor actor = as(t.db(), cli, c.person, key);
        CAPTURE(actor.member().login);
        CHECK_FALSE(actor.is_head_office());
        CHECK(actor.sees_dealer(c.own_dealer));
        CHECK_FALSE(actor.sees_dealer(c.other_dealer));

        const auto dealers = list_dealers(t.db(), actor);
        REQUIRE(dealers.size() == 1);
        CHECK(dealers[0].id == c.own_dealer);
        CHECK(get_dealer(t.db(), actor, c.own_dealer).id == c.own_dealer);
        // Another dealer's number is refused in the words used for a number nobody has.
        CHECK(message_of([&] { get_dealer(t.db(), actor, c.other_dealer); }) ==
              "Dealer: no dealer with number " + std::to_string(c.other_dealer));
        CHECK_THROWS_AS(get_dealer(t.db(), actor, c.other_dealer), ValidationError);

        for (const auto& salons : {list_salons(t.db(), actor), list_salons(t.db(), actor, c.own_dealer)}) {
            REQUIRE(salons.size() == 1);
            CHECK(salons[0].id == c.own_salon);
        }
        CHECK(list_salons(t.db(), actor, c.other_dealer).empty());
        CHECK(get_salon(t.db(), actor, c.own_salon).id == c.own_salon);
        CHECK(message_of([&] { get_salon(t.db(), actor, c.other_salon); }) ==
              "Salon: no salon with number " + std::to_string(c.other_salon));

        const auto staff = list_staff(t.db(), actor);
        CHECK(staff.size() == 2);
        for (const StaffMember& m : staff) CHECK(m.dealer_id == c.own_dealer);
        for (const std::int64_t other : c.others) {
            CAPTURE(other);
            CHECK(message_of([&] { get_staff(t.db(), actor, other); }) ==
                  "Staff member: no staff member with number " + std::to_string(other));
            CHECK_THROWS_AS(certifications_of(t.db(), actor, other), ValidationError);
            const std::string login = get_staff(t.db(), cli, other).login;
            CHECK_FALSE(find_staff_by_login(t.db(), actor, login));
        }
        CHECK(find_staff_by_login(t.db(), actor, get_staff(t.db(), cli, c.person).login).has_value());
    }
}

TEST_CASE("Head office sees every dealer, salon and person", "[access]") {
    TestDatabase t;
    const Actor cli = test::command_line(t);
    const AuditKey key = test::test_audit_key(t);
    const TwoDealers o(t.db(), cli);
    for (const Actor& actor : {cli, as(t.db(), cli, o.trainer, key), as(t.db(), cli, o.admin, key)}) {
        CAPTURE(actor.member().login);
        CHECK(actor.is_head_office());
        CHECK(list_dealers(t.db(), actor).size() == 2);
        CHECK(list_salons(t.db(), actor).size() == 2);
        CHECK(list_salons(t.db(), actor, o.dealer_b).size() == 1);
        CHECK(list_staff(t.db(), actor).size() == 6);
        CHECK(get_staff(t.db(), actor, o.specialist_b).salon_id == o.salon_b);
        CHECK(find_staff_by_login(t.db(), actor, "mgr-a").has_value());
    }
}

TEST_CASE("A dealer manager opens salons and places people for his own dealer only [R-CORP-6]",
          "[access][R-CORP-6]") {
    TestDatabase t;
    const Actor cli = test::command_line(t);
    const AuditKey key = test::test_audit_key(t);
    const TwoDealers o(t.db(), cli);
    const Actor manager = as(t.db(), cli, o.manager_a, key);

    // Refused: another dealer's salons, another dealer's people, head-office roles, dealers.
    refused_without_trace<RefusedError>(t.db(), [&] {
        save_salon(t.db(), manager, {o.dealer_b, "Чужой салон", "Адрес", "Europe/Moscow"});
    });
    refused_without_trace<RefusedError>(t.db(), [&] {
        save_salon(t.db(), manager, {o.dealer_b + 100, "Салон", "Адрес", "Europe/Moscow"});
    });
    refused_without_trace<ValidationError>(t.db(), [&] {
        save_salon(t.db(), manager, {o.dealer_a, "Захват", "Адрес", "Europe/Moscow"}, o.salon_b);
    });
    refused_without_trace<RefusedError>(t.db(), [&] {
        save_staff(t.db(), manager, {"new-b", "Новый", Role::specialist, o.salon_b, 0, {}, "password1"});
    });
    refused_without_trace<RefusedError>(t.db(), [&] {
        save_staff(t.db(), manager,
                   {"mgr-b2", "Новый", Role::dealer_manager, 0, o.dealer_b, {}, "password1"});
    });
    for (const Role role : {Role::trainer, Role::head_office_admin}) {
        CAPTURE(to_string(role));
        refused_without_trace<RefusedError>(t.db(), [&] {
            save_staff(t.db(), manager, {"boss", "Начальник", role, 0, 0, {}, "password1"});
        });
    }
    // Another dealer's person, and a head-office person, are "not found": edited, locked or reset.
    for (const std::int64_t other : {o.specialist_b, o.manager_b, o.trainer}) {
        CAPTURE(other);
        refused_without_trace<ValidationError>(t.db(), [&] {
            save_staff(t.db(), manager, {"moved", "Перемещённый", Role::specialist, o.salon_a, 0, {}, ""},
                       other);
        });
        refused_without_trace<ValidationError>(t.db(),
                                               [&] { set_staff_active(t.db(), manager, other, false); });
        refused_without_trace<ValidationError>(t.db(),
                                               [&] { reset_password(t.db(), manager, other, "temporary1"); });
    }
    // His own specialist may not be made a trainer either.
    refused_without_trace<RefusedError>(t.db(), [&] {
        save_staff(t.db(), manager, {"spec-a", "Специалист А", Role::trainer, 0, 0, {}, ""}, o.specialist_a);
    });
    refused_without_trace<RefusedError>(t.db(), [&] {
        save_dealer(t.db(), manager,
                    {DealerKind::legal_entity, "ООО «Новый»", "7707083893", "1027700132195", "773601001"});
    });

    // Allowed: his own dealer's salon and people, each write audited once as his.
    long long entries = count_entries(t.db());
    const auto salon = save_salon(t.db(), manager, {o.dealer_a, "Салон А-2", "Москва", "Europe/Moscow"});
    AuditEntry e = one_new_entry(t.db(), key, entries);
    CHECK(e.action == "salon.save");
    CHECK(e.subject == "salon:" + std::to_string(salon));
    CHECK(e.actor_id == o.manager_a);
    CHECK(e.chain == station_chain());
    CHECK(e.details == "added dealer=" + std::to_string(o.dealer_a));

    entries = count_entries(t.db());
    const auto hired =
        save_staff(t.db(), manager, {"new-a", "Новикова Анна", Role::specialist, salon, 0, {}, "password1"});
    e = one_new_entry(t.db(), key, entries);
    CHECK(e.action == "staff.save");
    CHECK(e.subject == "staff:" + std::to_string(hired));
    CHECK(e.details == "added role=specialist dealer=" + std::to_string(o.dealer_a) +
                           " salon=" + std::to_string(salon) + " level=trainee");

    entries = count_entries(t.db());
    save_staff(t.db(), manager, {"new-a", "Новикова-Петрова Анна", Role::specialist, o.salon_a, 0, {}, ""},
               hired);
    e = one_new_entry(t.db(), key, entries);
    // The fields that changed are named; the name itself (personal data) is not written.
    CHECK(e.details == "changed full_name,salon role=specialist dealer=" + std::to_string(o.dealer_a) +
                           " salon=" + std::to_string(o.salon_a) + " level=trainee");
    CHECK(e.details.find("Новикова") == std::string::npos);

    entries = count_entries(t.db());
    save_staff(t.db(), manager,
               {"mgr-a2", "Заместитель", Role::dealer_manager, 0, o.dealer_a, {}, "password1"});
    CHECK(one_new_entry(t.db(), key, entries).action == "staff.save");

    entries = count_entries(t.db());
    set_staff_active(t.db(), manager, o.specialist_a, false);
    e = one_new_entry(t.db(), key, entries);
    CHECK(e.action == "staff.lock");
    CHECK(e.subject == "staff:" + std::to_string(o.specialist_a));
    CHECK_FALSE(get_staff(t.db(), cli, o.specialist_a).active);

    entries = count_entries(t.db());
    reset_password(t.db(), manager, o.specialist_a, "temporary secret");
    e = one_new_entry(t.db(), key, entries);
    CHECK(e.action == "staff.reset_password");
    CHECK(e.details.empty());
}

TEST_CASE("A specialist, without manage_staff, changes no staff and opens no salon [R-CORP-6]",
          "[access][R-CORP-6]") {
    TestDatabase t;
    const Actor cli = test::command_line(t);
    const AuditKey key = test::test_audit_key(t);
    const TwoDealers o(t.db(), cli);
    const Actor specialist = as(t.db(), cli, o.specialist_a, key);
    CHECK(specialist.chain() == salon_chain(o.salon_a));

    CHECK(message_of([&] {
              save_staff(t.db(), specialist,
                         {"new-a", "Новый", Role::specialist, o.salon_a, 0, {}, "password1"});
          }) == "Manage staff: you do not have this permission");
    refused_without_trace<RefusedError>(t.db(), [&] {
        save_staff(t.db(), specialist, {"new-a", "Новый", Role::specialist, o.salon_a, 0, {}, "password1"});
    });
    refused_without_trace<RefusedError>(t.db(), [&] {
        save_staff(t.db(), specialist,
                   {"spec-a", "Специалист А", Role::senior_specialist, o.salon_a, 0, {}, ""}, o.specialist_a);
    });
    refused_without_trace<RefusedError>(t.db(),
                                        [&] { set_staff_active(t.db(), specialist, o.specialist_a, false); });
    refused_without_trace<RefusedError>(
        t.db(), [&] { reset_password(t.db(), specialist, o.specialist_a, "temporary1"); });
    refused_without_trace<RefusedError>(t.db(), [&] {
        save_salon(t.db(), specialist, {o.dealer_a, "Салон А-2", "Москва", "Europe/Moscow"});
    });
    refused_without_trace<RefusedError>(t.db(), [&] {
        save_salon(t.db(), specialist, {o.dealer_a, "Салон А", "Москва", "Europe/Moscow"}, o.salon_a);
    });

    // A trainer is head office but does not manage staff: the permission is checked, not the scope alone.
    const Actor trainer = as(t.db(), cli, o.trainer, key);
    refused_without_trace<RefusedError>(t.db(), [&] {
        save_staff(t.db(), trainer, {"new-a", "Новый", Role::specialist, o.salon_a, 0, {}, "password1"});
    });
    refused_without_trace<RefusedError>(t.db(), [&] {
        save_dealer(t.db(), trainer,
                    {DealerKind::legal_entity, "ООО «Новый»", "7707083893", "1027700132195", "773601001"});
    });
}

TEST_CASE(
    "Only head office records a certification: dealers do not certify their own people [R-POS-3] [R-CORP-6]",
    "[access][R-POS-3][R-CORP-6]") {
    TestDatabase t;
    const Actor cli = test::command_line(t);
    const AuditKey key = test::test_audit_key(t);
    const TwoDealers o(t.db(), cli);
    for (const std::int64_t person : {o.manager_a, o.specialist_a}) {
        const Actor actor = as(t.db(), cli, person, key);
        refused_without_trace<RefusedError>(
            t.db(), [&] { record_certification(t.db(), actor, o.specialist_a, "2025-10-31", o.trainer); });
    }
    CHECK_FALSE(is_certified(t.db(), o.specialist_a));

    const Actor trainer = as(t.db(), cli, o.trainer, key);
    long long entries = count_entries(t.db());
    const auto id = record_certification(t.db(), trainer, o.specialist_a, "2025-10-31", o.trainer);
    AuditEntry e = one_new_entry(t.db(), key, entries);
    CHECK(e.action == "certification.record");
    CHECK(e.subject == "staff:" + std::to_string(o.specialist_a));
    CHECK(e.actor_id == o.trainer);
    CHECK(e.details == "certification=" + std::to_string(id) +
                           " date=2025-10-31 trainer=" + std::to_string(o.trainer) + " source=manual");
    const auto records = certifications_of(t.db(), cli, o.specialist_a);
    REQUIRE(records.size() == 1);
    CHECK(records[0].recorded_by == o.trainer);

    // The administrator may too (administer_database), for the other dealer's specialist.
    entries = count_entries(t.db());
    record_certification(t.db(), as(t.db(), cli, o.admin, key), o.specialist_b, "2025-10-31", 0);
    CHECK(one_new_entry(t.db(), key, entries).actor_id == o.admin);
    // The dealer's people read their own people's certifications, not the other dealer's.
    const Actor manager = as(t.db(), cli, o.manager_a, key);
    CHECK(certifications_of(t.db(), manager, o.specialist_a).size() == 1);
    CHECK_THROWS_AS(certifications_of(t.db(), manager, o.specialist_b), ValidationError);
}

TEST_CASE("Head office registers dealers; the command line's entries name the operating-system user",
          "[access][audit]") {
    TestDatabase t;
    const Actor cli = test::command_line(t);
    const AuditKey key = test::test_audit_key(t);
    const TwoDealers o(t.db(), cli);
    const Actor admin = as(t.db(), cli, o.admin, key);
    long long entries = count_entries(t.db());
    const auto id = save_dealer(
        t.db(), admin, {DealerKind::legal_entity, "ООО «Новый»", "7707083893", "1027700132195", "773601001"});
    AuditEntry e = one_new_entry(t.db(), key, entries);
    CHECK(e.action == "dealer.save");
    CHECK(e.subject == "dealer:" + std::to_string(id));
    CHECK(e.actor_id == o.admin);
    CHECK(e.details == "added kind=legal_entity");

    entries = count_entries(t.db());
    save_dealer(t.db(), cli,
                {DealerKind::sole_proprietor, "ИП Тестова-Иванова", "253612345607", "323253600012341", ""},
                o.dealer_b);
    e = one_new_entry(t.db(), key, entries);
    CHECK(e.actor_id == 0);
    CHECK(e.chain == station_chain());
    CHECK_THAT(e.details, Catch::StartsWith("changed name os_user="));
    CHECK(e.details.find("Тестова") == std::string::npos);
}

TEST_CASE("A person locked or moved since signing in is refused at once", "[access]") {
    TestDatabase t;
    const Actor cli = test::command_line(t);
    const AuditKey key = test::test_audit_key(t);
    const TwoDealers o(t.db(), cli);
    const Actor manager = as(t.db(), cli, o.manager_a, key);
    CHECK_NOTHROW(list_staff(t.db(), manager));

    // Moved to the other dealer: what he saw at sign-in no longer holds.
    save_staff(t.db(), cli, {"mgr-a", "Менеджер А", Role::dealer_manager, 0, o.dealer_b, {}, ""},
               o.manager_a);
    CHECK_THROWS_AS(list_staff(t.db(), manager), RefusedError);
    CHECK_THROWS_AS(get_salon(t.db(), manager, o.salon_a), RefusedError);
    refused_without_trace<RefusedError>(t.db(),
                                        [&] { set_staff_active(t.db(), manager, o.specialist_a, false); });

    // Locked: refused, and no new actor can be made for him.
    const Actor manager_b = as(t.db(), cli, o.manager_b, key);
    set_staff_active(t.db(), cli, o.manager_b, false);
    CHECK_THROWS_AS(list_dealers(t.db(), manager_b), RefusedError);
    CHECK_THROWS_AS(as(t.db(), cli, o.manager_b, key), RefusedError);
}

TEST_CASE("A refused sign-in is audited without the text typed", "[access][sign-in][audit]") {
    TestDatabase t;
    const Actor cli = test::command_line(t);
    const AuditKey key = test::test_audit_key(t);
    const TwoDealers o(t.db(), cli);

    long long entries = count_entries(t.db());
    CHECK_THROWS_AS(sign_in(t.db(), key, "spec-a", "wrong password"), RefusedError);
    AuditEntry e = one_new_entry(t.db(), key, entries);
    CHECK(e.action == "sign_in.refused");
    CHECK(e.chain == station_chain());
    CHECK(e.actor_id == 0);
    CHECK(e.subject == "staff:" + std::to_string(o.specialist_a));
    CHECK(e.details == "reason=wrong_password");

    // An unknown login may be a password typed into the wrong field: it is not written.
    entries = count_entries(t.db());
    CHECK_THROWS_AS(sign_in(t.db(), key, "my-secret-password", "x"), RefusedError);
    e = one_new_entry(t.db(), key, entries);
    CHECK(e.subject == "login:unknown");
    CHECK(e.details == "reason=unknown_login");
    CHECK(e.details.find("secret") == std::string::npos);

    // The fifth failure locks the login; the attempt during the lock is refused and audited too.
    for (int i = 0; i < 3; ++i) CHECK_THROWS_AS(sign_in(t.db(), key, "spec-a", "wrong"), RefusedError);
    entries = count_entries(t.db());
    CHECK_THROWS_AS(sign_in(t.db(), key, "spec-a", "wrong"), RefusedError);
    CHECK(one_new_entry(t.db(), key, entries).details == "reason=wrong_password login_locked_now");
    entries = count_entries(t.db());
    CHECK_THROWS_AS(sign_in(t.db(), key, "spec-a", "password1"), RefusedError);
    CHECK(one_new_entry(t.db(), key, entries).details == "reason=login_locked");

    // A successful sign-in writes nothing.
    entries = count_entries(t.db());
    CHECK(sign_in(t.db(), key, "spec-b", "password1").id == o.specialist_b);
    CHECK(count_entries(t.db()) == entries);
}
