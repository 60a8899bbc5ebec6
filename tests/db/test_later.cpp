// Statements run later (Database::later): kept on PostgreSQL and sent with the next statement or the COMMIT
// in one round trip, run at once on SQLite; either way the transaction sees them and keeps them whole.
#include <catch2/catch.hpp>

#include "db/Database.hpp"
#include "tests/support/TestDatabase.hpp"

using namespace salon;
using salon::test::TestDatabase;

namespace {
const std::string kInsertRate =
    "INSERT INTO standard_rate (code, valid_from, valid_to, price, unit) VALUES (:c, :f, :t, :p, :u)";

long long rates(db::Database& db, const std::string& code) {
    long long count = 0;
    db.run("SELECT count(*) FROM standard_rate WHERE code = :c", soci::use(code), soci::into(count));
    return count;
}
}  // namespace

TEST_CASE("A statement run later is seen by the transaction's next statement and committed with it", "[db]") {
    TestDatabase t;
    {
        db::WriteTransaction tx(t.db());
        t->later(kInsertRate, {"later-1", "2026-01-01", db::Param::null(), 150LL, "sms"});
        CHECK(rates(t.db(), "later-1") == 1);  // sent before this read
        t->later(kInsertRate, {"later-1", "2026-02-01", db::Param::or_null(std::string()), 0LL, "mb"});
        t->later(kInsertRate, {"later-2", "2026-01-01", "2026-03-01", 7, "minute"});
        tx.commit();  // the last two go with the COMMIT
    }
    auto other = t.open_another();
    CHECK(rates(*other, "later-1") == 2);
    CHECK(rates(*other, "later-2") == 1);
    long long price = 0;
    std::string unit, valid_to;
    soci::indicator to_ind = soci::i_ok;
    other->run("SELECT price, unit, valid_to FROM standard_rate WHERE code = 'later-2'", soci::into(price),
               soci::into(unit), soci::into(valid_to, to_ind));
    CHECK(price == 7);
    CHECK(unit == "minute");
    CHECK(valid_to == "2026-03-01");
    int nulls = 0;
    other->run("SELECT count(*) FROM standard_rate WHERE code = 'later-1' AND valid_to IS NULL", soci::into(nulls));
    CHECK(nulls == 2);
}

TEST_CASE("A statement run later that is refused rolls its whole transaction back", "[db]") {
    TestDatabase t;
    CHECK_THROWS([&] {
        db::WriteTransaction tx(t.db());
        t->run("INSERT INTO standard_rate (code, valid_from, price, unit) VALUES ('kept?', '2026-01-01', 1, 'sms')");
        // A unit the CHECK refuses: SQLite refuses it here, PostgreSQL at the COMMIT it is sent with.
        t->later(kInsertRate, {"later-bad", "2026-01-01", db::Param::null(), 1, "litre"});
        tx.commit();
    }());
    auto other = t.open_another();
    CHECK(rates(*other, "kept?") == 0);
    CHECK(rates(*other, "later-bad") == 0);
    // The connection goes on working, its prepared statements too.
    {
        db::WriteTransaction tx(t.db());
        t->later(kInsertRate, {"later-3", "2026-01-01", db::Param::null(), 1, "sms"});
        tx.commit();
    }
    CHECK(rates(*other, "later-3") == 1);
}

TEST_CASE("A statement run later outside a write transaction runs at once", "[db]") {
    TestDatabase t;
    t->later(kInsertRate, {"later-4", "2026-01-01", db::Param::null(), 1, "sms"});
    auto other = t.open_another();
    CHECK(rates(*other, "later-4") == 1);
}

namespace {
const std::string kInsertRateWithId =
    "INSERT INTO standard_rate (id, code, valid_from, valid_to, price, unit) VALUES (:id, :c, :f, :t, :p, :u)";

std::string code_of(db::Database& db, long long id) {
    std::string code;
    soci::indicator ind = soci::i_null;
    db.run("SELECT code FROM standard_rate WHERE id = :id", soci::use(id), soci::into(code, ind));
    return ind == soci::i_ok ? code : std::string();
}
}  // namespace

TEST_CASE("A row inserted later has its id at once, and the row with that id is committed", "[db]") {
    TestDatabase t;
    std::int64_t first = 0, second = 0, gone = 0;
    {
        db::WriteTransaction tx(t.db());
        first = t->insert_later("standard_rate", kInsertRateWithId,
                                {"ids-1", "2026-01-01", db::Param::null(), 1, "sms"});
        second = t->insert_later("standard_rate", kInsertRateWithId,
                                 {"ids-2", "2026-01-01", db::Param::null(), 2, "mb"});
        CHECK(code_of(t.db(), second) == "ids-2");  // the transaction sees it (sent before this read)
        tx.commit();
    }
    CHECK(first > 0);
    CHECK(second > first);  // a connection's rows take rising ids, as a sequence's
    auto other = t.open_another();
    CHECK(code_of(*other, first) == "ids-1");
    CHECK(code_of(*other, second) == "ids-2");
    {
        db::WriteTransaction tx(t.db());
        gone = t->insert_later("standard_rate", kInsertRateWithId,
                               {"ids-gone", "2026-01-01", db::Param::null(), 3, "sms"});
        // left without commit: rolled back, and its id is never given again by this connection
    }
    CHECK(rates(*other, "ids-gone") == 0);
    db::WriteTransaction tx(t.db());
    const std::int64_t next = t->insert_later("standard_rate", kInsertRateWithId,
                                              {"ids-3", "2026-01-01", db::Param::null(), 4, "sms"});
    tx.commit();
    CHECK(next > second);
    if (t->backend() == db::Backend::postgresql) CHECK(next != gone);
    CHECK(code_of(*other, next) == "ids-3");
}

TEST_CASE("A read sent with the kept statements sees them (PostgreSQL); elsewhere it is refused", "[db]") {
    TestDatabase t;
    db::WriteTransaction tx(t.db());
    t->later(kInsertRate, {"read-1", "2026-01-01", db::Param::null(), 5, "sms"});
    t->later(kInsertRate, {"read-1", "2026-02-01", db::Param::null(), 6, "sms"});
    if (t->backend() != db::Backend::postgresql) {
        CHECK_THROWS_AS(t->read_later("SELECT count(*) FROM standard_rate WHERE code = :c", {"read-1"}),
                        std::logic_error);
        return;
    }
    const auto row = t->read_later("SELECT count(*), max(price), min(valid_to) FROM standard_rate WHERE code = :c",
                                   {"read-1"});
    REQUIRE(row.size() == 3);
    CHECK(row[0] == std::optional<std::string>("2"));
    CHECK(row[1] == std::optional<std::string>("6"));
    CHECK_FALSE(row[2]);  // NULL
    CHECK(t->read_later("SELECT code FROM standard_rate WHERE code = :c", {"none"}).empty());
    tx.commit();
    CHECK(rates(*t.open_another(), "read-1") == 2);
}

TEST_CASE("Reads announced ahead give each reader its own rows, after what was kept before them", "[db]") {
    TestDatabase t;
    {
        db::WriteTransaction tx(t.db());
        for (int i = 1; i <= 3; ++i) t->later(kInsertRate, {"ahead-a", "2026-0" + std::to_string(i) + "-01", db::Param::null(), i, "sms"});
        tx.commit();
    }
    const std::string by_code = "SELECT valid_from, price, valid_to FROM standard_rate WHERE code = :c ORDER BY valid_from";
    const std::string counted = "SELECT count(*) FROM standard_rate WHERE code = :c";
    db::WriteTransaction tx(t.db());
    t->later(kInsertRate, {"ahead-b", "2026-01-01", "2026-05-01", 9, "mb"});
    // Announced after the kept insert: the count sees it. Two reads of one text with other values stay apart.
    t->read_ahead(counted, {"ahead-b"});
    t->read_ahead(by_code, {"ahead-a"});
    t->read_ahead(counted, {"ahead-a"});
    CHECK(t->reads_ahead() == (t->backend() == db::Backend::postgresql));
    const auto a = t->read_rows(by_code, {"ahead-a"});
    REQUIRE(a.size() == 3);
    CHECK(a[0][0] == std::optional<std::string>("2026-01-01"));
    CHECK(db::row_integer(a[2], 1) == 3);
    CHECK(db::row_null(a[1], 2));
    CHECK(db::row_text(a[1], 2).empty());
    CHECK(db::row_integer(t->read_rows(counted, {"ahead-a"}).front(), 0) == 3);
    CHECK(db::row_integer(t->read_rows(counted, {"ahead-b"}).front(), 0) == 1);
    // Taken once: the same read again asks the server again, and sees what was written since.
    t->later(kInsertRate, {"ahead-b", "2026-06-01", db::Param::null(), 10, "mb"});
    CHECK(db::row_integer(t->read_rows(counted, {"ahead-b"}).front(), 0) == 2);
    // A read nobody announced, and one with no row.
    CHECK(t->read_rows(by_code, {"none"}).empty());
    tx.commit();
    // Outside a transaction announcing does nothing and reading reads.
    t->read_ahead(counted, {"ahead-b"});
    CHECK_FALSE(t->reads_ahead());
    CHECK(db::row_integer(t->read_rows(counted, {"ahead-b"}).front(), 0) == 2);
}

TEST_CASE("A read announced ahead that fails rolls its transaction back at the round trip it went with", "[db]") {
    TestDatabase t;
    CHECK_THROWS([&] {
        db::WriteTransaction tx(t.db());
        t->later(kInsertRate, {"ahead-gone", "2026-01-01", db::Param::null(), 1, "sms"});
        t->read_ahead("SELECT 1 / (price - 1) FROM standard_rate WHERE code = :c", {"ahead-gone"});
        t->read_rows("SELECT 1 / (price - 1) FROM standard_rate WHERE code = :c", {"ahead-gone"});
        // SQLite divides by zero into NULL: the test's refusal there is the constraint below.
        t->later(kInsertRate, {"ahead-gone", "2026-01-01", db::Param::null(), 1, "litre"});
        tx.commit();
    }());
    CHECK(rates(*t.open_another(), "ahead-gone") == 0);
    // The connection goes on: the same texts work again.
    db::WriteTransaction tx(t.db());
    CHECK(t->read_rows("SELECT count(*) FROM standard_rate WHERE code = :c", {"ahead-gone"}).size() == 1);
    tx.commit();
}
