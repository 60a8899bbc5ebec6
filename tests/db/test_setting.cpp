// One upsert of table `setting` for db's own marks and pos's station settings, on both backends.
#include <catch2/catch.hpp>

#include "db/Database.hpp"
#include "db/Maintenance.hpp"
#include "db/Setting.hpp"
#include "tests/support/TestDatabase.hpp"

using namespace salon;
using salon::test::TestDatabase;

namespace {
long long rows_named(db::Database& db, const std::string& name) {
    long long count = 0;
    db.run("SELECT COUNT(*) FROM setting WHERE name = :n", soci::use(name), soci::into(count));
    return count;
}

std::string value_of(db::Database& db, const std::string& name) {
    std::string value;
    db.run("SELECT value FROM setting WHERE name = :n", soci::use(name), soci::into(value));
    return value;
}
}  // namespace

TEST_CASE("put_setting adds a setting's row, then changes it in place", "[db][setting]") {
    TestDatabase t;
    {
        db::WriteTransaction tx(t.db());
        db::put_setting(t.db(), "test_setting", "1");
        tx.commit();
    }
    CHECK(rows_named(t.db(), "test_setting") == 1);
    CHECK(value_of(t.db(), "test_setting") == "1");
    {
        db::WriteTransaction tx(t.db());
        db::put_setting(t.db(), "test_setting", "two");
        tx.commit();
    }
    auto other = t.open_another();
    CHECK(rows_named(*other, "test_setting") == 1);
    CHECK(value_of(*other, "test_setting") == "two");
    // A rolled-back write leaves the committed value.
    {
        db::WriteTransaction tx(t.db());
        db::put_setting(t.db(), "test_setting", "three");
    }
    CHECK(value_of(*other, "test_setting") == "two");
}

TEST_CASE("An incomplete mark is written by the same upsert: marked twice it is one row, the latest",
          "[db][setting]") {
    TestDatabase t;
    CHECK_FALSE(db::incomplete(t.db()));
    db::mark_incomplete(t.db(), "first operation");
    db::mark_incomplete(t.db(), "second operation");
    CHECK(rows_named(t.db(), "incomplete_operation") == 1);
    const auto mark = db::incomplete(*t.open_another());
    REQUIRE(mark);
    CHECK(mark->operation == "second operation");
    CHECK(mark->since > 0);
    db::mark_complete(t.db());
    CHECK_FALSE(db::incomplete(t.db()));
    CHECK(rows_named(t.db(), "incomplete_operation") == 0);
}
