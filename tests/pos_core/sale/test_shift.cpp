// Shifts and the cash drawer: a float, cash in and out with a reason, X and Z reports, a difference or
// another's shift approved by a senior with both names recorded, the chain head on the Z report.
#include <catch2/catch.hpp>

#include "pos/core/audit/AuditJournal.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/sale/Shift.hpp"
#include "pos/core/organisation/SupervisorApproval.hpp"
#include "tests/pos_core/DeskFixture.hpp"

using namespace salon;
using namespace salon::pos;
using salon::test::DeskFixture;
using salon::test::refusal;

namespace {
Money rub(long long roubles) { return Money::from_kopecks(roubles * 100); }
}  // namespace

TEST_CASE("A shift opens with a float, one per till, and only for a salon's staff", "[shift]") {
    DeskFixture f;
    const Actor spec = f.specialist();
    const Shift s = open_shift(f.db(), spec, "till-1", rub(5000));
    CHECK(s.number == 1);
    CHECK(s.opening_float == rub(5000));
    CHECK(s.is_open());
    CHECK(s.opened_by_name == "Смирнова Анна");
    CHECK_THAT(refusal([&] { open_shift(f.db(), f.colleague(), "till-1", rub(0)); }),
               Catch::Contains("still open at this till"));
    // Another till of the same salon opens its own shift, numbered on.
    CHECK(open_shift(f.db(), f.colleague(), "till-2", rub(0)).number == 2);
    CHECK_THAT(refusal([&] { open_shift(f.db(), f.cli, "till-9", rub(0)); }), Catch::Contains("not bound to a salon"));
    CHECK_THAT(refusal([&] { open_shift(f.db(), spec, "till-3", rub(-1)); }), Catch::Contains("cannot be negative"));
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'shift.open'") == 2);
}

TEST_CASE("Cash in and out needs a reason and cannot take more than the drawer holds", "[shift]") {
    DeskFixture f;
    const Actor spec = f.specialist();
    const Shift s = open_shift(f.db(), spec, "till-1", rub(1000));
    move_cash(f.db(), spec, s.id, CashDirection::in, rub(2000), "размен из сейфа");
    move_cash(f.db(), spec, s.id, CashDirection::out, rub(500), "инкассация");
    CHECK_THAT(refusal([&] { move_cash(f.db(), spec, s.id, CashDirection::out, rub(100), ""); }),
               Catch::Contains("Reason"));
    CHECK_THAT(refusal([&] { move_cash(f.db(), spec, s.id, CashDirection::out, rub(2501), "инкассация"); }),
               Catch::Contains("the drawer holds only"));
    const ShiftReport x = shift_report(f.db(), spec, s.id);
    CHECK(x.cash_in == rub(2000));
    CHECK(x.cash_out == rub(500));
    CHECK(x.expected_cash == rub(2500));
    REQUIRE(x.movements.size() == 2);
    CHECK(x.movements[0].reason == "размен из сейфа");
    // The other dealer's people neither see nor touch it.
    CHECK_THAT(refusal([&] { shift_report(f.db(), f.stranger(), s.id); }), Catch::Contains("no shift"));
    CHECK_THAT(refusal([&] { move_cash(f.db(), f.stranger(), s.id, CashDirection::in, rub(1), "чужая касса"); }),
               Catch::Contains("no shift"));
}

TEST_CASE("Closing with the counted cash equal to the expected needs nobody else; the Z report carries the chain head",
          "[shift][audit]") {
    DeskFixture f;
    const Actor spec = f.specialist();
    const Shift s = open_shift(f.db(), spec, "till-1", rub(3000));
    const ShiftReport z = close_shift(f.db(), spec, s.id, rub(3000));
    CHECK_FALSE(z.shift.is_open());
    CHECK(z.shift.counted_cash == rub(3000));
    CHECK(z.shift.approved_by == 0);
    // CHAIN:SEQ:MAC of the close's own entry, as `audit verify --head` takes it.
    const AuditHead head = AuditHead::parse(z.shift.chain_head);
    CHECK(head.chain == spec.chain());
    CHECK(head.mac == chain_head(f.db(), spec.chain()));
    CHECK(head.seq == list_entries(f.db(), spec.chain(), 1).front().seq);
    const auto text = shift_report_text(z);
    CHECK(text.front() == "Z report, shift 1");
    CHECK(std::find(text.begin(), text.end(), "Audit chain head: " + z.shift.chain_head) != text.end());
    CHECK_THAT(refusal([&] { close_shift(f.db(), spec, s.id, rub(3000)); }), Catch::Contains("already closed"));
    // A new shift may open at the till now.
    CHECK(open_shift(f.db(), spec, "till-1", rub(0)).number == 2);
}

TEST_CASE("A cash difference needs a senior's approval, recorded with both names [R-POS-10]", "[shift][override]") {
    DeskFixture f;
    const Actor spec = f.specialist();
    const Shift s = open_shift(f.db(), spec, "till-1", rub(3000));
    CHECK_THAT(refusal([&] { close_shift(f.db(), spec, s.id, rub(2900)); }),
               Catch::Contains("the reason is required"));
    CHECK_THAT(refusal([&] { close_shift(f.db(), spec, s.id, rub(2900), std::nullopt, "сдача выдана дважды"); }),
               Catch::Contains("A senior must confirm it"));
    CHECK(get_shift(f.db(), spec, s.id).is_open());
    // The wrong password and another dealer's senior are refused; the specialist cannot approve himself.
    const std::string wrong =
        refusal([&] { approve(f.db(), spec, Permission::approve_cash_difference, "senior", "wrong"); });
    CHECK_FALSE(wrong.empty());
    CHECK(wrong == "Wrong login or password.");  // never says which credential was wrong
    CHECK_THAT(refusal([&] { approve(f.db(), spec, Permission::approve_cash_difference, "stranger", "password1"); }),
               Catch::Contains("does not work in this salon"));
    CHECK_THAT(refusal([&] { approve(f.db(), spec, Permission::approve_cash_difference, "colleague", "password1"); }),
               Catch::Contains("may not approve this"));
    CHECK_THAT(refusal([&] { approve(f.db(), spec, Permission::approve_cash_difference, "spec", "password1"); }),
               Catch::Contains("another person"));
    const auto ok = approve(f.db(), spec, Permission::approve_cash_difference, "senior", "password1");
    const ShiftReport z = close_shift(f.db(), spec, s.id, rub(2900), ok, "сдача выдана дважды");
    CHECK(z.shift.approved_by == f.senior_id);
    CHECK(z.shift.approved_by_name == "Козлова Мария");
    CHECK(*z.shift.counted_cash - *z.shift.expected_cash == -rub(100));
    long long actor_id = 0;
    std::string details;
    f.db().sql() << "SELECT actor_id, details FROM audit_entry WHERE action = 'shift.close'", soci::into(actor_id),
        soci::into(details);
    CHECK(actor_id == f.specialist_id);
    CHECK_THAT(details, Catch::Contains("approved_by=staff:" + std::to_string(f.senior_id)));
}

TEST_CASE("A senior may close a shift someone else opened; a colleague may not", "[shift][override]") {
    DeskFixture f;
    const Shift s = open_shift(f.db(), f.specialist(), "till-1", rub(0));
    CHECK_THAT(refusal([&] { close_shift(f.db(), f.colleague(), s.id, rub(0)); }),
               Catch::Contains("opened by Смирнова Анна"));
    const ShiftReport z = close_shift(f.db(), f.senior(), s.id, rub(0));
    CHECK(z.shift.closed_by_name == "Козлова Мария");
    CHECK_FALSE(z.shift.is_open());
}

TEST_CASE("A shift open for more than 24 hours is flagged on its report", "[shift]") {
    DeskFixture f;
    const Actor spec = f.specialist();
    const Shift s = open_shift(f.db(), spec, "till-1", rub(0));
    CHECK_FALSE(shift_report(f.db(), spec, s.id).past_24_hours);
    const long long id = s.id;
    f.db().sql() << "UPDATE shift SET opened_at = opened_at - 90000 WHERE id = :id", soci::use(id);
    const ShiftReport x = shift_report(f.db(), spec, s.id);
    CHECK(x.past_24_hours);
    const auto text = shift_report_text(x);
    CHECK(std::find(text.begin(), text.end(), "WARNING: the shift has been open for more than 24 hours") != text.end());
}

TEST_CASE("A clock moved backwards reopens no closed shift and opens none dated before the last close",
          "[shift][clock][R-POS-10]") {
    DeskFixture f;
    const Actor spec = f.specialist();
    const long long noon = 1796205600;  // 2026-12-02 13:00 in Moscow
    f.db().set_clock(noon);
    const Shift s = open_shift(f.db(), spec, "till-1", rub(0));
    f.db().set_clock(noon + 8 * 3600);
    close_shift(f.db(), spec, s.id, rub(0));
    // The PC's clock jumps back an hour: the closed shift stays closed, and a new one is refused with why.
    f.db().set_clock(noon + 7 * 3600);
    CHECK_FALSE(open_shift_at(f.db(), spec, "till-1"));
    CHECK_THAT(refusal([&] { close_shift(f.db(), spec, s.id, rub(0)); }), Catch::Contains("already closed"));
    CHECK_THAT(refusal([&] { open_shift(f.db(), spec, "till-1", rub(0)); }),
               Catch::Contains("02.12.2026 20:00") && Catch::Contains("before shift 1 was closed at 02.12.2026 21:00") &&
                   Catch::Contains("set the clock right"));
    CHECK(f.count("SELECT COUNT(*) FROM shift") == 1);
    f.db().set_clock(noon + 8 * 3600 + 60);
    CHECK(open_shift(f.db(), spec, "till-1", rub(0)).number == 2);
}
