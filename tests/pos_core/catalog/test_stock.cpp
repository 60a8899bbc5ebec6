// Serialised SIM stock: receiving by ICCID (one, a range, a file), moving between a dealer's salons,
// defective cards, lookups, and the two calls the sale makes inside its own transaction.
#include <catch2/catch.hpp>

#include <algorithm>

#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/audit/AuditJournal.hpp"
#include "pos/core/organisation/Dealer.hpp"
#include "pos/core/identifiers/Iccid.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/catalog/SimStock.hpp"
#include "pos/core/organisation/StaffMember.hpp"
#include "tests/pos_core/TestActor.hpp"
#include "tests/support/TestDatabase.hpp"

#include <filesystem>
#include <fstream>

using namespace salon;
using namespace salon::pos;
using salon::test::TestDatabase;

namespace {

// Dealer A with two salons, dealer B with one; a specialist in each salon, A's manager, a trainer.
struct Network {
    std::int64_t dealer_a = 0, dealer_b = 0, salon_a1 = 0, salon_a2 = 0, salon_b = 0;
    std::int64_t spec_a1 = 0, spec_a2 = 0, spec_b = 0, manager_a = 0, trainer = 0;

    Network(db::Database& db, const Actor& cli) {
        dealer_a = save_dealer(
            db, cli, {DealerKind::legal_entity, "ООО «Тест»", "7730543210", "1237700543211", "773001001"});
        dealer_b = save_dealer(
            db, cli, {DealerKind::sole_proprietor, "ИП Тестова", "253612345607", "323253600012341", ""});
        salon_a1 = save_salon(db, cli, {dealer_a, "Салон А1", "Москва", "Europe/Moscow"});
        salon_a2 = save_salon(db, cli, {dealer_a, "Салон А2", "Москва", "Europe/Moscow"});
        salon_b = save_salon(db, cli, {dealer_b, "Салон Б", "Владивосток", "Asia/Vladivostok"});
        spec_a1 =
            save_staff(db, cli, {"spec-a1", "Специалист А1", Role::specialist, salon_a1, 0, {}, "password1"});
        spec_a2 =
            save_staff(db, cli, {"spec-a2", "Специалист А2", Role::specialist, salon_a2, 0, {}, "password1"});
        spec_b =
            save_staff(db, cli, {"spec-b", "Специалист Б", Role::specialist, salon_b, 0, {}, "password1"});
        manager_a =
            save_staff(db, cli, {"mgr-a", "Менеджер А", Role::dealer_manager, 0, dealer_a, {}, "password1"});
        trainer = save_staff(db, cli, {"trainer", "Тренер", Role::trainer, 0, 0, {}, "password1"});
    }
};

Actor as(TestDatabase& t, const Actor& cli, std::int64_t staff_id) {
    return Actor::signed_in(t.db(), get_staff(t.db(), cli, staff_id), salon::test::test_audit_key(t));
}

// A valid 20-digit ICCID numbered n.
std::string iccid(int n) {
    std::string body = std::to_string(n);
    body = "8970199" + std::string(12 - body.size(), '0') + body;
    return iccid_with_check_digit(body);
}

// The same ICCID with a wrong check digit.
std::string wrong_check_digit(const std::string& valid) {
    std::string bad = valid;
    bad.back() = static_cast<char>('0' + (bad.back() - '0' + 1) % 10);
    return bad;
}

long long count(db::Database& db, const std::string& table) {
    long long n = 0;
    db.sql() << "SELECT count(*) FROM " + table, soci::into(n);
    return n;
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

TEST_CASE("The Luhn digit of a range is recomputed and the body counts up across a carry", "[stock]") {
    CHECK(iccid_with_check_digit("7992739871") == "79927398713");  // the textbook Luhn example
    const std::string first = iccid_with_check_digit("897019900000000099");
    const auto range = sim_range(first, 3, "8 912 345-67-89", "nano");
    REQUIRE(range.size() == 3);
    CHECK(range[0].iccid == first);
    CHECK(range[1].iccid.substr(0, 18) == "897019900000000100");
    CHECK(range[2].iccid.substr(0, 18) == "897019900000000101");
    for (const auto& r : range) CHECK_NOTHROW(Iccid::parse(r.iccid));
    CHECK(range[0].msisdn == "+79123456789");
    CHECK(range[1].msisdn == "+79123456790");
    CHECK(range[2].msisdn == "+79123456791");
    CHECK(range[2].format == "nano");

    const auto blanks = sim_range(first, 2, "", "triple");
    CHECK(blanks[1].msisdn.empty());
    CHECK(refused_input([&] { sim_range(wrong_check_digit(first), 2, "", "nano"); }) == "iccid");
    CHECK(refused_input([&] { sim_range(first, 0, "", "nano"); }) == "count");
    CHECK(refused_input([&] { sim_range(iccid_with_check_digit("899999999999999999"), 2, "", "nano"); }) ==
          "count");
    CHECK(refused_input([&] { sim_range(first, 2, "8 495 123-45-67", "nano"); }) == "msisdn");
}

TEST_CASE("Received cards are in stock with a movement each and one audit entry [R-POS-1]",
          "[stock][R-POS-1]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    Network n(t.db(), cli);
    const Actor spec = as(t, cli, n.spec_a1);
    const long long entries = count(t.db(), "audit_entry");
    const int received =
        receive_sims(t.db(), spec, n.salon_a1,
                     {{iccid(1), "+7 912 345 67 89", "Nano", 0},
                      {"  " + iccid(2).substr(0, 4) + " " + iccid(2).substr(4), "", "esim", 0}});
    CHECK(received == 2);
    CHECK(count(t.db(), "sim_card") == 2);
    CHECK(count(t.db(), "sim_movement") == 2);
    CHECK(count(t.db(), "audit_entry") == entries + 1);
    const auto newest = list_entries(t.db(), "", 1);
    REQUIRE(newest.size() == 1);
    CHECK(newest.front().action == "sim.receive");
    CHECK_FALSE(verify(t.db(), salon::test::test_audit_key(t)).problem);

    const auto stock = list_stock(t.db(), spec, n.salon_a1, kSimInStock);
    REQUIRE(stock.size() == 2);
    CHECK(stock[0].iccid == iccid(1));
    CHECK(stock[0].msisdn == "+79123456789");  // stored as Msisdn::str()
    CHECK(stock[0].format == "nano");
    CHECK(stock[0].salon_name == "Салон А1");
    CHECK(stock[1].msisdn.empty());  // a blank replacement card
    CHECK(stock[1].format == "esim");
    CHECK(list_stock(t.db(), spec, n.salon_a1, kSimSold).empty());
    CHECK(refused_input([&] { list_stock(t.db(), spec, n.salon_a1, "lost"); }) == "status");
}

TEST_CASE("A wrong check digit names its row and the whole batch is refused", "[stock]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    Network n(t.db(), cli);
    const std::vector<SimIntake> batch = {
        {iccid(1), "", "nano", 0}, {wrong_check_digit(iccid(2)), "", "nano", 0}, {iccid(3), "", "micro", 0}};
    const auto problems = check_intake(t.db(), cli, n.salon_a1, batch);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].row == 2);
    CHECK(problems[0].input == "iccid");
    CHECK(problems[0].value == wrong_check_digit(iccid(2)));
    CHECK(problems[0].message.find("check digit") != std::string::npos);
    CHECK(problems[1].row == 3);
    CHECK(problems[1].input == "format");
    const long long entries = count(t.db(), "audit_entry");
    try {
        receive_sims(t.db(), cli, n.salon_a1, batch);
        FAIL("a batch with a wrong row was received");
    } catch (const SimIntakeError& e) {
        CHECK(e.problems().size() == 2);
        CHECK(e.message().find("row 2") != std::string::npos);
    }
    CHECK(count(t.db(), "sim_card") == 0);
    CHECK(count(t.db(), "sim_movement") == 0);
    CHECK(count(t.db(), "audit_entry") == entries);
}

TEST_CASE("Duplicates in the batch or against the stock are refused and nothing is saved", "[stock]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    Network n(t.db(), cli);
    const auto twice = check_intake(t.db(), cli, n.salon_a1,
                                    {{iccid(1), "+79123456789", "nano", 0},
                                     {iccid(1), "", "nano", 0},
                                     {iccid(2), "89123456789", "nano", 0}});
    REQUIRE(twice.size() == 2);
    CHECK(twice[0].row == 2);
    CHECK(twice[0].input == "iccid");
    CHECK(twice[0].message.find("row 1") != std::string::npos);
    CHECK(twice[1].row == 3);
    CHECK(twice[1].input == "msisdn");  // the same number written another way
    CHECK_THROWS_AS(
        receive_sims(t.db(), cli, n.salon_a1, {{iccid(1), "", "nano", 0}, {iccid(1), "", "nano", 0}}),
        SimIntakeError);
    CHECK(count(t.db(), "sim_card") == 0);

    receive_sims(t.db(), cli, n.salon_b, {{iccid(1), "+79123456789", "nano", 0}});
    const auto again = check_intake(t.db(), cli, n.salon_a1,
                                    {{iccid(1), "", "nano", 0}, {iccid(2), "+7 912 345-67-89", "nano", 0}});
    REQUIRE(again.size() == 2);
    CHECK(again[0].input == "iccid");
    CHECK(again[0].message.find("already in the stock") != std::string::npos);
    CHECK(again[1].input == "msisdn");
    CHECK(again[1].message.find("already live") != std::string::npos);
    CHECK(count(t.db(), "sim_card") == 1);
}

TEST_CASE("Another dealer's staff neither find, list, move nor receive into a dealer's stock [R-POS-1]",
          "[stock][R-POS-1]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    Network n(t.db(), cli);
    receive_sims(t.db(), cli, n.salon_a1, {{iccid(1), "+79123456789", "nano", 0}});
    const Actor spec_b = as(t, cli, n.spec_b);
    const Actor spec_a2 = as(t, cli, n.spec_a2);

    CHECK_FALSE(find_sim(t.db(), spec_b, iccid(1)).has_value());
    CHECK_FALSE(find_sim(t.db(), spec_b, "89123456789").has_value());
    CHECK(find_sim(t.db(), spec_a2, iccid(1)).has_value());  // the same dealer's other salon sees it
    CHECK_THROWS_AS(list_stock(t.db(), spec_b, n.salon_a1, ""), ValidationError);
    CHECK(refused_input([&] { move_sims(t.db(), spec_b, {iccid(1)}, n.salon_b, "к нам"); }) == "iccid");
    CHECK(refused_input([&] { mark_defective(t.db(), spec_b, iccid(1), "сломана"); }) == "iccid");
    CHECK(refused_input([&] {
              receive_sims(t.db(), spec_b, n.salon_a1, {{iccid(2), "", "nano", 0}});
          }) == "salon");
    // The same dealer's specialist of another salon handles only his own salon's stock.
    CHECK_THROWS_AS(receive_sims(t.db(), spec_a2, n.salon_a1, {{iccid(2), "", "nano", 0}}), RefusedError);
    CHECK_THROWS_AS(move_sims(t.db(), spec_a2, {iccid(1)}, n.salon_a2, "себе"), RefusedError);
    CHECK_THROWS_AS(check_intake(t.db(), as(t, cli, n.trainer), n.salon_a1, {}), RefusedError);
    CHECK(count(t.db(), "sim_card") == 1);
    CHECK(count(t.db(), "sim_movement") == 1);
    CHECK(find_sim(t.db(), cli, iccid(1))->salon_id == n.salon_a1);
}

TEST_CASE("Cards move between a dealer's salons, all or nothing [R-POS-1]", "[stock][R-POS-1]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    Network n(t.db(), cli);
    receive_sims(t.db(), cli, n.salon_a1, sim_range(iccid(1), 3, "", "nano"));
    const Actor spec_a1 = as(t, cli, n.spec_a1);
    const Actor manager = as(t, cli, n.manager_a);

    CHECK(refused_input([&] { move_sims(t.db(), spec_a1, {iccid(1)}, n.salon_b, "чужому"); }) == "salon");
    CHECK(refused_input([&] { move_sims(t.db(), spec_a1, {iccid(1)}, n.salon_a2, " "); }) == "reason");
    // The second card is sold: neither moves.
    const std::string second = iccid(2);
    t->sql() << "UPDATE sim_card SET status = 'sold' WHERE iccid = :i", soci::use(second);
    CHECK(refused_input([&] {
              move_sims(t.db(), spec_a1, {iccid(1), iccid(2)}, n.salon_a2, "перераспределение");
          }) == "iccid");
    CHECK(find_sim(t.db(), cli, iccid(1))->salon_id == n.salon_a1);

    move_sims(t.db(), spec_a1, {iccid(1)}, n.salon_a2, "перераспределение");
    CHECK(find_sim(t.db(), cli, iccid(1))->salon_name == "Салон А2");
    move_sims(t.db(), manager, {iccid(1)}, n.salon_a1, "обратно");
    CHECK(list_stock(t.db(), cli, n.salon_a1, kSimInStock).size() == 2);
    long long moves = 0;
    const std::string first = iccid(1);
    t->sql() << "SELECT count(*) FROM sim_movement m JOIN sim_card c ON c.id = m.sim_card_id "
                "WHERE c.iccid = :i AND m.from_salon IS NOT NULL",
        soci::use(first), soci::into(moves);
    CHECK(moves == 2);
    // Head office may move across dealers.
    move_sims(t.db(), cli, {iccid(3)}, n.salon_b, "передача другому дилеру");
    CHECK(find_sim(t.db(), cli, iccid(3))->salon_id == n.salon_b);
}

TEST_CASE("The sale takes only a card in stock in its own salon [R-POS-8]", "[stock][R-POS-8]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    Network n(t.db(), cli);
    receive_sims(t.db(), cli, n.salon_a1, {{iccid(1), "+79123456789", "nano", 0}, {iccid(2), "", "nano", 0}});
    receive_sims(t.db(), cli, n.salon_a2, {{iccid(3), "", "nano", 0}});
    receive_sims(t.db(), cli, n.salon_b, {{iccid(4), "", "nano", 0}});

    const SimCard card = take_sim_for_sale(t.db(), n.salon_a1, iccid(1));
    CHECK(card.msisdn == "+79123456789");
    set_sim_status(t.db(), card.id, kSimSold, n.spec_a1, "sale", "");
    CHECK(find_sim(t.db(), cli, iccid(1))->status == kSimSold);

    auto message = [&](std::int64_t salon, const std::string& i) {
        try {
            take_sim_for_sale(t.db(), salon, i);
        } catch (const InputError& e) {
            CHECK(e.input() == "iccid");
            return e.message();
        }
        return std::string("taken");
    };
    CHECK(message(n.salon_a1, iccid(1)).find("already sold") != std::string::npos);
    CHECK(message(n.salon_a1, iccid(3)).find("Салон А2") != std::string::npos);
    CHECK(message(n.salon_a1, iccid(4)).find("another dealer") != std::string::npos);
    CHECK(message(n.salon_a1, iccid(5)).find("no such card") != std::string::npos);
    CHECK(message(n.salon_a1, wrong_check_digit(iccid(2))).find("check digit") != std::string::npos);

    // A replacement (R-POS-8): the client's card is retired and a blank card takes its number.
    set_sim_status(t.db(), card.id, kSimReplaced, n.spec_a1, "replaced by a nano card", "");
    const SimCard blank = take_sim_for_sale(t.db(), n.salon_a1, iccid(2));
    set_sim_status(t.db(), blank.id, kSimSold, n.spec_a1, "replacement", "8 912 345-67-89");
    const auto now_live = find_sim(t.db(), cli, "+7 (912) 345-67-89");
    REQUIRE(now_live.has_value());
    CHECK(now_live->iccid == iccid(2));
    CHECK(message(n.salon_a1, iccid(1)).find("replaced") != std::string::npos);
    // A number live on one card cannot be given to another.
    const SimCard other = take_sim_for_sale(t.db(), n.salon_a2, iccid(3));
    CHECK(refused_input([&] { set_sim_status(t.db(), other.id, kSimSold, 0, "sale", "+79123456789"); }) ==
          "msisdn");
    CHECK(refused_input([&] { set_sim_status(t.db(), other.id, "lost", 0, "sale", ""); }) == "status");

    long long movements = 0;
    const long long card_id = card.id;
    t->sql() << "SELECT count(*) FROM sim_movement WHERE sim_card_id = :id", soci::use(card_id),
        soci::into(movements);
    CHECK(movements == 3);  // received, sold, replaced
}

TEST_CASE("A defective card leaves the stock and frees its number [R-POS-8]", "[stock][R-POS-8]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    Network n(t.db(), cli);
    receive_sims(t.db(), cli, n.salon_a1, {{iccid(1), "+79123456789", "nano", 0}});
    const Actor spec = as(t, cli, n.spec_a1);
    CHECK(find_sim(t.db(), spec, "9123456789")->iccid == iccid(1));
    CHECK(refused_input([&] { mark_defective(t.db(), spec, iccid(1), ""); }) == "reason");
    mark_defective(t.db(), spec, iccid(1), "не читается");
    CHECK(find_sim(t.db(), spec, iccid(1))->status == kSimDefective);
    CHECK_FALSE(find_sim(t.db(), spec, "89123456789").has_value());
    CHECK(refused_input([&] { mark_defective(t.db(), spec, iccid(1), "ещё раз"); }) == "iccid");
    CHECK(refused_input([&] { take_sim_for_sale(t.db(), n.salon_a1, iccid(1)); }) == "iccid");
    // The number can be received again on a new card.
    CHECK(receive_sims(t.db(), spec, n.salon_a1, {{iccid(2), "+79123456789", "nano", 0}}) == 1);
    CHECK(refused_input([&] { find_sim(t.db(), spec, "hello"); }) == "query");
}

TEST_CASE("A faulty batch is marked defective all at once, or not at all, naming the card refused [R-POS-8]",
          "[stock][R-POS-8]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    Network n(t.db(), cli);
    receive_sims(
        t.db(), cli, n.salon_a1,
        {{iccid(1), "+79123456781", "nano", 0}, {iccid(2), "", "nano", 0}, {iccid(3), "", "nano", 0}});
    receive_sims(t.db(), cli, n.salon_a2, {{iccid(4), "", "nano", 0}});
    receive_sims(t.db(), cli, n.salon_b, {{iccid(5), "", "nano", 0}});
    const Actor spec = as(t, cli, n.spec_a1);
    mark_defective(t.db(), spec, iccid(3), "не читается");
    const long long movements = count(t.db(), "sim_movement"), entries = count(t.db(), "audit_entry");
    const auto refused = [&](const std::vector<std::string>& cards) {
        try {
            mark_defective(t.db(), spec, cards, "брак партии");
        } catch (const InputError& e) {
            return e.input() + " " + e.message();
        } catch (const RefusedError&) {
            return std::string("refused");
        }
        return std::string();
    };
    CHECK(refused({iccid(1), iccid(3)}) == "iccid ICCID " + iccid(3) + ": this card is marked defective");
    CHECK(refused({iccid(1), iccid(1)}) == "iccid ICCID " + iccid(1) + ": is given twice");
    CHECK(refused({iccid(1), iccid(5)}) ==
          "iccid ICCID " + iccid(5) + ": no such card in the stock");  // another dealer's
    CHECK(refused({iccid(2), iccid(4)}) == "refused");  // the other salon's stock is not this specialist's
    CHECK(refused({}).rfind("iccid", 0) == 0);
    CHECK(count(t.db(), "sim_movement") == movements);
    CHECK(count(t.db(), "audit_entry") == entries);
    CHECK(find_sim(t.db(), spec, iccid(1))->status == kSimInStock);

    mark_defective(t.db(), spec, {iccid(1), iccid(2)}, "брак партии");
    CHECK(find_sim(t.db(), spec, iccid(1))->status == kSimDefective);
    CHECK(find_sim(t.db(), spec, iccid(2))->status == kSimDefective);
    CHECK_FALSE(find_sim(t.db(), spec, "+79123456781").has_value());  // its number is free again
    CHECK(count(t.db(), "sim_movement") == movements + 2);
    CHECK(count(t.db(), "audit_entry") == entries + 2);  // one "sim.defective" per card
}

TEST_CASE("A long batch tells how far it has got, and stopped it saves nothing", "[stock]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    Network n(t.db(), cli);
    const auto rows = sim_range(iccid(1), 2500, "+79123400000", "nano");
    std::vector<std::pair<std::size_t, std::size_t>> told;
    const auto listen = [&](std::size_t done, std::size_t total) {
        told.emplace_back(done, total);
        return true;
    };
    CHECK(check_intake(t.db(), cli, n.salon_a1, rows, listen).empty());
    REQUIRE(told.size() >= 3);
    CHECK(told.front() == std::pair<std::size_t, std::size_t>{0, 2500});
    CHECK(told.back() == std::pair<std::size_t, std::size_t>{2500, 2500});
    CHECK(std::is_sorted(told.begin(), told.end()));

    const long long movements = count(t.db(), "sim_movement"), entries = count(t.db(), "audit_entry");
    for (const std::size_t stop_at : {std::size_t{1024}, std::size_t{3000}, std::size_t{5000}}) {
        INFO("stopped at " << stop_at);  // while checking, while saving, just before the commit
        const auto stop = [&](std::size_t done, std::size_t) { return done < stop_at; };
        try {
            receive_sims(t.db(), cli, n.salon_a1, rows, stop);
            FAIL("the stopped batch was received");
        } catch (const RefusedError& e) {
            CHECK(e.message() == "Stopped: nothing was received.");
        }
        CHECK(count(t.db(), "sim_card") == 0);
        CHECK(count(t.db(), "sim_movement") == movements);
        CHECK(count(t.db(), "audit_entry") == entries);
    }
    told.clear();
    CHECK(receive_sims(t.db(), cli, n.salon_a1, rows, listen) == 2500);
    CHECK(told.back() == std::pair<std::size_t, std::size_t>{5000, 5000});
    CHECK(std::is_sorted(told.begin(), told.end()));
    CHECK(count(t.db(), "sim_card") == 2500);
}

TEST_CASE("A SIM file is read with its line numbers; an unreadable line is named", "[stock]") {
    TestDatabase t;
    const auto path = std::filesystem::path(t.folder()) / "sims.csv";
    {
        std::ofstream f(path, std::ios::binary);
        f << "\xEF\xBB\xBFiccid;msisdn;format\r\n"
          << iccid(1) << ";+79123456789;nano\r\n"
          << "\n# a comment\n"
          << iccid(2) << ";;esim\n"
          << iccid(3) << ",89123456790\n";
    }
    const auto rows = read_sim_file(path.string());
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].iccid == iccid(1));
    CHECK(rows[0].line == 2);
    CHECK(rows[1].msisdn.empty());
    CHECK(rows[1].format == "esim");
    CHECK(rows[1].line == 5);
    CHECK(rows[2].msisdn == "89123456790");
    CHECK(rows[2].format.empty());

    {
        std::ofstream f(path, std::ios::binary);
        f << iccid(1) << ";;nano\n" << iccid(2) << ";;nano;extra\n";
    }
    try {
        read_sim_file(path.string());
        FAIL("a line with four fields was read");
    } catch (const InputError& e) {
        CHECK(e.input() == "file");
        CHECK(e.message().find("line 2") != std::string::npos);
    }
    {
        std::ofstream f(path, std::ios::binary);
        f << "8.97019E+19;;nano\n";
    }
    CHECK(refused_input([&] { read_sim_file(path.string()); }) == "file");
    CHECK(refused_input([&] { read_sim_file((std::filesystem::path(t.folder()) / "none.csv").string()); }) ==
          "file");
}

TEST_CASE("A batch's numbers are read before the write transaction, and a hostile one is refused by length",
          "[stock][hostile]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    Network n(t.db(), cli);
    auto rows = sim_range(iccid(1), 2500, "+79123400000", "nano");
    rows[1].msisdn = "+7" + std::string(100'000, '9');
    // Progress is told while the rows are read (done below the row count): no write transaction may be
    // open then, or every other till waits for the parsing.
    std::vector<std::uint64_t> transactions_while_reading;
    const auto listen = [&](std::size_t done, std::size_t total) {
        if (done < total / 2) transactions_while_reading.push_back(t.db().write_transaction());
        return true;
    };
    try {
        receive_sims(t.db(), cli, n.salon_a1, rows, listen);
        FAIL("a number of 100 000 digits was received");
    } catch (const SimIntakeError& e) {
        REQUIRE(e.problems().size() == 1);
        CHECK(e.problems()[0].row == 2);
        CHECK(e.problems()[0].message == "Phone number: is too long: at most 32 characters");
    }
    REQUIRE(transactions_while_reading.size() >= 2);
    CHECK(std::all_of(transactions_while_reading.begin(), transactions_while_reading.end(),
                      [](std::uint64_t tx) { return tx == 0; }));
    CHECK(count(t.db(), "sim_card") == 0);
}

TEST_CASE("A salon's cards in stock are listed through their own index, which a sale only leaves [R-POS-1]",
          "[stock][R-POS-1]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    Network n(t.db(), cli);
    const Actor spec = as(t, cli, n.spec_a1);
    receive_sims(t.db(), spec, n.salon_a1, {{iccid(1), "+7 912 345 67 81", "nano", 0}, {iccid(2), "", "nano", 0}});
    receive_sims(t.db(), as(t, cli, n.spec_a2), n.salon_a2, {{iccid(3), "+7 912 345 67 83", "nano", 0}});
    set_sim_status(t.db(), find_sim(t.db(), spec, iccid(1))->id, kSimSold, n.spec_a1, "sale line 1", "");
    auto iccids = [](const std::vector<SimCard>& cards) {
        std::vector<std::string> out;
        for (const SimCard& c : cards) out.push_back(c.iccid);
        return out;
    };
    CHECK(iccids(list_stock(t.db(), spec, n.salon_a1, kSimInStock, 100)) == std::vector<std::string>{iccid(2)});
    CHECK(iccids(list_stock(t.db(), spec, n.salon_a1, kSimSold, 100)) == std::vector<std::string>{iccid(1)});
    CHECK(iccids(list_stock(t.db(), spec, n.salon_a1, "", 100)) == std::vector<std::string>{iccid(1), iccid(2)});
    if (t.db().backend() == db::Backend::sqlite) {
        // The plan of the in-stock list: it must use the partial index, or the literal status was lost.
        std::string plan, detail;
        soci::rowset<soci::row> rows = t.db().sql().prepare
            << "EXPLAIN QUERY PLAN SELECT c.id FROM sim_card c WHERE c.salon_id = 1 AND c.status = 'in_stock' "
               "ORDER BY c.id LIMIT 10";
        for (const soci::row& r : rows) plan += r.get<std::string>(3) + "\n";
        INFO(plan);
        CHECK(plan.find("sim_card_salon_in_stock") != std::string::npos);
    }
}
