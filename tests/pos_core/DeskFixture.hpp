// A salon ready for the desk's tests: a dealer with a salon, a certified specialist and a certified senior,
// a second salon of the same dealer and another dealer's salon with its own specialist, each signed in.
#pragma once

#include "db/UserError.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/fiscal/PaymentAgent.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/Certification.hpp"
#include "pos/core/organisation/Dealer.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/organisation/StaffMember.hpp"
#include "tests/pos_core/TestActor.hpp"
#include "tests/support/TestDatabase.hpp"

#include <functional>
#include <string>

namespace salon::test {

struct DeskFixture {
    TestDatabase t;
    pos::AuditKey key;
    pos::Actor cli;
    std::int64_t dealer = 0, other_dealer = 0, salon = 0, second_salon = 0, other_salon = 0;
    std::int64_t specialist_id = 0, senior_id = 0, colleague_id = 0, stranger_id = 0, trainer_id = 0;

    DeskFixture() : key(test_audit_key(t)), cli(pos::Actor::command_line(key)) {
        using namespace salon::pos;
        db::Database& db = t.db();
        dealer = save_dealer(db, cli, {DealerKind::legal_entity, "ООО «Связь»", "7730543210", "1237700543211", "773001001"});
        other_dealer = save_dealer(db, cli, {DealerKind::sole_proprietor, "ИП Другова", "253612345607", "323253600012341", ""});
        salon = save_salon(db, cli, {dealer, "Салон на Тверской", "Москва, Тверская, 1", "Europe/Moscow"});
        second_salon = save_salon(db, cli, {dealer, "Салон у метро", "Москва, Арбат, 2", "Europe/Moscow"});
        other_salon = save_salon(db, cli, {other_dealer, "Салон Б", "Владивосток", "Asia/Vladivostok"});
        trainer_id = save_staff(db, cli, {"trainer", "Тренер Т.", Role::trainer, 0, 0, std::nullopt, "password1"});
        specialist_id = save_staff(db, cli, {"spec", "Смирнова Анна", Role::specialist, salon, 0,
                                             CareerLevel::specialist, "password1"});
        colleague_id = save_staff(db, cli, {"colleague", "Петров Иван", Role::specialist, salon, 0,
                                            CareerLevel::specialist, "password1"});
        senior_id = save_staff(db, cli, {"senior", "Козлова Мария", Role::senior_specialist, salon, 0,
                                         CareerLevel::senior_specialist, "password1"});
        stranger_id = save_staff(db, cli, {"stranger", "Чужой Олег", Role::senior_specialist, other_salon, 0,
                                           CareerLevel::senior_specialist, "password1"});
        for (auto id : {specialist_id, colleague_id, senior_id, stranger_id})
            record_certification(db, cli, id, "2026-01-15", trainer_id);
        // The operator's supplier attributes, without which the desk takes no top-up (R-POS-10).
        set_agent_supplier(db, cli, {top_up_operator(db), "ПАО «Оператор связи»", "7700123459", "+7 495 765-43-21"});
    }

    db::Database& db() { return t.db(); }
    pos::Actor as(std::int64_t staff_id) {
        return pos::Actor::signed_in(t.db(), pos::get_staff(t.db(), cli, staff_id), key);
    }
    pos::Actor specialist() { return as(specialist_id); }
    pos::Actor senior() { return as(senior_id); }
    pos::Actor colleague() { return as(colleague_id); }
    pos::Actor stranger() { return as(stranger_id); }
    long long count(const std::string& sql) {
        long long n = 0;
        t.db().sql() << sql, soci::into(n);
        return n;
    }
};

// The input (InputError::input()) a refusal names, or "" when no input was refused.
inline std::string refused_input(const std::function<void()>& f) {
    try {
        f();
    } catch (const pos::InputError& e) {
        return e.input();
    }
    return "";
}

// The message a refusal shows, or "" when nothing was refused.
inline std::string refusal(const std::function<void()>& f) {
    try {
        f();
    } catch (const UserError& e) {
        return e.message();
    }
    return "";
}

}  // namespace salon::test
