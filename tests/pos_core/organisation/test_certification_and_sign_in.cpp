// Who may sell, and how sign-in resists guessing.
#include <catch2/catch.hpp>

#include "db/UserError.hpp"
#include "pos/core/organisation/Certification.hpp"
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
struct Salon1 {
    std::int64_t salon = 0, trainer = 0, trainee = 0, specialist = 0;
    Salon1(db::Database& db, const Actor& cli) {
        const auto dealer = save_dealer(
            db, cli, {DealerKind::legal_entity, "ООО «Тест»", "7730543210", "1237700543211", "773001001"});
        salon = save_salon(db, cli, {dealer, "Салон", "Адрес", "Europe/Moscow"});
        trainer =
            save_staff(db, cli, {"trainer", "Тренер Т.", Role::trainer, 0, 0, std::nullopt, "password1"});
        trainee = save_staff(
            db, cli, {"trainee", "Стажёр С.", Role::specialist, salon, 0, CareerLevel::trainee, "password1"});
        specialist = save_staff(
            db, cli,
            {"spec", "Специалист С.", Role::specialist, salon, 0, CareerLevel::specialist, "password1"});
    }
};

std::string refusal(const std::function<void()>& f) {
    try {
        f();
    } catch (const UserError& e) {
        return e.message();
    }
    return "";
}
}  // namespace

TEST_CASE("A person who has not passed training cannot sell [R-POS-3]", "[access][R-POS-3]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    Salon1 s(t.db(), cli);
    const StaffMember spec = get_staff(t.db(), cli, s.specialist);
    CHECK_THAT(refusal([&] { require_may_serve(t.db(), spec, ClientKind::private_client); }),
               Catch::Contains("has not passed the operator's training"));
    record_certification(t.db(), cli, s.specialist, "2025-10-31", s.trainer);
    CHECK(is_certified(t.db(), s.specialist));
    CHECK_NOTHROW(require_may_serve(t.db(), spec, ClientKind::private_client));
    const auto records = certifications_of(t.db(), cli, s.specialist);
    REQUIRE(records.size() == 1);
    CHECK(records[0].trainer_name == "Тренер Т.");
    CHECK(records[0].source == CertificationSource::manual);
}

TEST_CASE("A trainee serves private clients only; the corporate desk needs a specialist [R-TRN-11] [R-CORP-6]",
          "[access][R-TRN-11][R-CORP-6]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    Salon1 s(t.db(), cli);
    record_certification(t.db(), cli, s.trainee, "2025-10-31", s.trainer);
    record_certification(t.db(), cli, s.specialist, "2025-10-31", s.trainer);
    const StaffMember trainee = get_staff(t.db(), cli, s.trainee);
    CHECK_NOTHROW(require_may_serve(t.db(), trainee, ClientKind::private_client));
    CHECK_THAT(refusal([&] { require_may_serve(t.db(), trainee, ClientKind::corporate_client); }),
               Catch::Contains("is a trainee and serves private clients only"));
    CHECK_NOTHROW(
        require_may_serve(t.db(), get_staff(t.db(), cli, s.specialist), ClientKind::corporate_client));
    // The level is read afresh: promoted mid-shift, the same object passes.
    StaffForm promoted{"trainee", "Стажёр С.", Role::specialist, s.salon, 0, CareerLevel::specialist, ""};
    save_staff(t.db(), cli, promoted, s.trainee);
    CHECK_NOTHROW(require_may_serve(t.db(), trainee, ClientKind::corporate_client));
    // A locked account serves nobody.
    set_staff_active(t.db(), cli, s.trainee, false);
    CHECK_THAT(refusal([&] { require_may_serve(t.db(), trainee, ClientKind::private_client); }),
               Catch::Contains("is locked"));
}

TEST_CASE("A certification names a real trainer and a past date [R-POS-3]", "[access][R-POS-3]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    Salon1 s(t.db(), cli);
    auto input_of = [&](const std::string& date, std::int64_t trainer, std::int64_t staff) {
        try {
            record_certification(t.db(), cli, staff, date, trainer);
        } catch (const InputError& e) {
            return e.input();
        }
        return std::string();
    };
    CHECK(input_of("31.10.2025", s.trainer, s.specialist) == "date");
    CHECK(input_of("2099-01-01", s.trainer, s.specialist) == "date");
    CHECK(input_of("2025-10-31", s.specialist, s.specialist) == "trainer");
    CHECK(input_of("2025-10-31", s.trainer, s.trainer) == "staff");
    CHECK_FALSE(is_certified(t.db(), s.specialist));
}

TEST_CASE("Five failed sign-ins lock a login for five minutes, known or not", "[access][sign-in]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    Salon1 s(t.db(), cli);
    for (const std::string login : {"spec", "nobody"}) {
        for (int i = 0; i < 5; ++i)
            CHECK(refusal([&] { sign_in(t.db(), login, "wrong"); }) == "Wrong login or password.");
        // Now even the right password is refused, with the same words for a known and an unknown login.
        CHECK(refusal([&] { sign_in(t.db(), login, "password1"); }) ==
              "Too many failed attempts: signing in with this login is locked for 5 more minutes.");
    }
    // Five minutes later (the lock's end moved into the past) the right password works again.
    t->sql() << "UPDATE sign_in_attempt SET locked_until = locked_until - 301";
    CHECK(sign_in(t.db(), "spec", "password1").id == s.specialist);
    // Typing the login in capitals is the same login, for the count too.
    for (int i = 0; i < 5; ++i) refusal([&] { sign_in(t.db(), "SPEC", "wrong"); });
    CHECK_THAT(refusal([&] { sign_in(t.db(), "spec", "password1"); }), Catch::Contains("locked"));
    // An administrator's unlock lifts it at once.
    set_staff_active(t.db(), cli, s.specialist, true);
    CHECK(sign_in(t.db(), "spec", "password1").id == s.specialist);
}

TEST_CASE("A locked account and a reset password", "[access][sign-in]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    Salon1 s(t.db(), cli);
    set_staff_active(t.db(), cli, s.specialist, false);
    CHECK(refusal([&] { sign_in(t.db(), "spec", "password1"); }) == "Wrong login or password.");
    set_staff_active(t.db(), cli, s.specialist, true);
    change_password(t.db(), s.specialist, "chosen password");
    CHECK_FALSE(get_staff(t.db(), cli, s.specialist).must_change_password);
    reset_password(t.db(), cli, s.specialist, "temporary1");
    CHECK(get_staff(t.db(), cli, s.specialist).must_change_password);
    CHECK(sign_in(t.db(), "spec", "temporary1").id == s.specialist);
}
