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
