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
