// The database layer on the backend this run tests: opening, refusing, migrating, transactions.
#include <catch2/catch.hpp>

#include "db/Database.hpp"
#include "db/Maintenance.hpp"
#include "db/UserError.hpp"
#include "db/migrations.hpp"
#include "tests/support/TestDatabase.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

using namespace salon;
using salon::test::TestDatabase;
namespace fs = std::filesystem;

namespace {
std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

TEST_CASE("Every migration applies on an empty database and records its version", "[db][migrations]") {
    TestDatabase t(false);
    CHECK(t->schema_version() == 0);
    const auto applied = db::migrate(t.db());
    REQUIRE(applied.size() == db::all_migrations().size());
    CHECK(t->schema_version() == db::latest_version());
    CHECK(db::migrate(t.db()).empty());
    int recorded = 0;
    t->sql() << "SELECT count(*) FROM schema_migration", soci::into(recorded);
    CHECK(recorded == static_cast<int>(db::all_migrations().size()));
}

TEST_CASE("Migrations are numbered 1, 2, 3... without gaps", "[db][migrations]") {
    int expected = 1;
    for (const auto& m : db::all_migrations()) CHECK(m.version == expected++);
}

TEST_CASE("A second station finds the migrations done and applies nothing", "[db][migrations]") {
    TestDatabase t;
    auto other = t.open_another();
    CHECK(db::migrate(*other).empty());
}

TEST_CASE("A database newer than the program is refused and left untouched", "[db]") {
    TestDatabase t;
    const int newer = db::latest_version() + 1;
    const long long now = t->now();
    t->sql() << "INSERT INTO schema_migration (version, name, applied_at) VALUES (:v, 'from_the_future', :t)",
        soci::use(newer), soci::use(now);
    if (t.backend() == db::Backend::sqlite) t->sql() << "PRAGMA wal_checkpoint(TRUNCATE)";
    const std::string path = t.url().substr(7);
    const std::string before = t.backend() == db::Backend::sqlite ? file_bytes(path) : "";
    try {
        t.open_another();
        FAIL("a newer database was opened");
    } catch (const DatabaseError& e) {
        CHECK_THAT(e.message(), Catch::Contains("newer than this program knows"));
        CHECK_THAT(e.message(), Catch::Contains("was not changed"));
    }
    if (t.backend() == db::Backend::sqlite) CHECK(file_bytes(path) == before);
}

TEST_CASE("Write transactions commit whole or roll back whole", "[db]") {
    TestDatabase t;
    {
        db::WriteTransaction tx(t.db());
        t->sql() << "INSERT INTO standard_rate (code, valid_from, price, unit) VALUES ('t', '2026-01-01', 1, 'sms')";
        // left without commit: an exception in a business operation ends here
    }
    int count = 0;
    t->sql() << "SELECT count(*) FROM standard_rate WHERE code = 't'", soci::into(count);
    CHECK(count == 0);
    {
        db::WriteTransaction tx(t.db());
        t->sql() << "INSERT INTO standard_rate (code, valid_from, price, unit) VALUES ('t', '2026-01-01', 1, 'sms')";
        tx.commit();
    }
    auto other = t.open_another();
    other->sql() << "SELECT count(*) FROM standard_rate WHERE code = 't'", soci::into(count);
    CHECK(count == 1);
}

TEST_CASE("The database clock is in UTC Unix seconds", "[db]") {
    TestDatabase t;
    const auto system = std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    CHECK(std::llabs(t->now() - system) < 120);
}

TEST_CASE("A healthy database passes the check", "[db][check]") {
    TestDatabase t;
    const auto report = db::check(t.db());
    CHECK(report.ok());
    CHECK(report.schema_version == db::latest_version());
}

TEST_CASE("The check reports pending migrations", "[db][check]") {
    TestDatabase t(false);
    const auto report = db::check(t.db());
    REQUIRE_FALSE(report.ok());
    CHECK(report.problems.front().kind == db::CheckProblem::Kind::pending_migrations);
}

TEST_CASE("Backup and restore bring back the content as it was", "[db][backup]") {
    TestDatabase t;
    t->sql() << "INSERT INTO dealer (kind, name, inn, ogrn, kpp, created_at) "
                "VALUES ('legal_entity', 'Before', '7730543210', '1237700543211', '773001001', 0)";
    const std::string file = t.folder() + "/backup.bin";
    db::backup(t.db(), file);
    REQUIRE(fs::exists(file));
    CHECK_THROWS_AS(db::backup(t.db(), file), ValidationError);  // never overwrites

    t->sql() << "UPDATE dealer SET name = 'After'";
    db::restore(t.db(), file);
    auto fresh = t.open_another();
    std::string name;
    fresh->sql() << "SELECT name FROM dealer", soci::into(name);
    CHECK(name == "Before");
    CHECK(db::check(*fresh).ok());
}

TEST_CASE("Restoring from a missing file changes nothing", "[db][backup]") {
    TestDatabase t;
    CHECK_THROWS_AS(db::restore(t.db(), t.folder() + "/none.bin"), ValidationError);
    CHECK(t->schema_version() == db::latest_version());
}

TEST_CASE("A kept statement runs again with new values and reports whether a row came back", "[db][statements]") {
    TestDatabase t;
    const std::string insert = "INSERT INTO standard_rate (code, valid_from, price, unit) VALUES (:c, :f, :p, 'sms')";
    const std::string read = "SELECT price FROM standard_rate WHERE code = :c";
    for (long long price : {11, 22, 33}) {
        db::WriteTransaction tx(t.db());
        const std::string code = "k" + std::to_string(price);
        t->run(insert, soci::use(code), soci::use(std::string("2026-01-01")), soci::use(price));
        tx.commit();
    }
    for (long long price : {11, 22, 33}) {
        long long found = 0;
        CHECK(t->run(read, soci::use("k" + std::to_string(price)), soci::into(found)));
        CHECK(found == price);
    }
    long long untouched = -1;
    CHECK_FALSE(t->run(read, soci::use(std::string("none")), soci::into(untouched)));
    CHECK(untouched == -1);
}

TEST_CASE("A kept statement read inside its own loop gets a statement of its own", "[db][statements]") {
    TestDatabase t;
    {
        db::WriteTransaction tx(t.db());
        for (long long price : {1, 2, 3})
            t->run("INSERT INTO standard_rate (code, valid_from, price, unit) VALUES (:c, '2026-01-01', :p, 'sms')",
                   soci::use("n" + std::to_string(price)), soci::use(price));
        tx.commit();
    }
    const std::string all = "SELECT code, price FROM standard_rate WHERE code LIKE 'n%' ORDER BY price";
    std::string code, inner_code;
    long long price = 0, inner_price = 0;
    std::vector<std::string> outer;
    int inner_rows = 0;
    db::Statement st = t->query(all, soci::into(code), soci::into(price));
    st.execute();
    while (st.fetch()) {
        outer.push_back(code + "=" + std::to_string(price));
        db::Statement again = t->query(all, soci::into(inner_code), soci::into(inner_price));
        again.execute();
        while (again.fetch()) ++inner_rows;
    }
    CHECK(outer == std::vector<std::string>{"n1=1", "n2=2", "n3=3"});
    CHECK(inner_rows == 9);
}

TEST_CASE("A kept statement that failed is usable again and the transaction rolls back whole", "[db][statements]") {
    TestDatabase t;
    const std::string insert = "INSERT INTO standard_rate (code, valid_from, price, unit) VALUES (:c, '2026-01-01', :p, :u)";
    long long one = 1;
    {
        db::WriteTransaction tx(t.db());
        t->run(insert, soci::use(std::string("e1")), soci::use(one), soci::use(std::string("sms")));
        // NOT NULL unit: the statement throws inside the business operation
        soci::indicator null_unit = soci::i_null;
        std::string unit;
        CHECK_THROWS(t->run(insert, soci::use(std::string("e2")), soci::use(one), soci::use(unit, null_unit)));
    }
    int count = 0;
    t->sql() << "SELECT count(*) FROM standard_rate WHERE code LIKE 'e%'", soci::into(count);
    CHECK(count == 0);
    {
        db::WriteTransaction tx(t.db());
        t->run(insert, soci::use(std::string("e3")), soci::use(one), soci::use(std::string("sms")));
        tx.commit();
    }
    auto other = t.open_another();
    other->sql() << "SELECT count(*) FROM standard_rate WHERE code LIKE 'e%'", soci::into(count);
    CHECK(count == 1);
}

TEST_CASE("A kept read leaves no snapshot behind: this station writes after another one did", "[db][statements]") {
    TestDatabase t;
    auto other = t.open_another();
    const std::string count_rows = "SELECT count(*) FROM standard_rate WHERE code LIKE 's%'";
    long long before = -1, after = -1;
    t->run(count_rows, soci::into(before));
    {
        db::WriteTransaction tx(*other);
        other->run("INSERT INTO standard_rate (code, valid_from, price, unit) VALUES ('s1', '2026-01-01', 1, 'sms')");
        tx.commit();
    }
    // A read still open on SQLite would pin the old snapshot, and taking the write lock would then fail.
    {
        db::WriteTransaction tx(t.db());
        t->run("INSERT INTO standard_rate (code, valid_from, price, unit) VALUES ('s2', '2026-01-01', 1, 'sms')");
        tx.commit();
    }
    t->run(count_rows, soci::into(after));
    CHECK(after == before + 2);
}

TEST_CASE("One business operation reads the clock once: every row it writes carries the same moment",
          "[db][clock]") {
    TestDatabase t;
    std::int64_t first = 0, later = 0;
    {
        db::WriteTransaction tx(t.db());
        first = t->now();
        // Past the next second boundary: a clock read anew would move on.
        std::this_thread::sleep_for(std::chrono::milliseconds(1100));
        later = t->now();
        tx.commit();
    }
    CHECK(later == first);
    CHECK(t->now() > first);  // the next read, outside the operation, is the clock's own
}

TEST_CASE("A transaction's memo is seen by its later steps and forgotten when it ends", "[db]") {
    TestDatabase t;
    t->set_transaction_memo("k", "outside");  // outside a transaction: not kept
    CHECK(t->transaction_memo("k") == nullptr);
    {
        db::WriteTransaction tx(t.db());
        CHECK(t->write_transaction() != 0);
        t->set_transaction_memo("k", "v1");
        REQUIRE(t->transaction_memo("k") != nullptr);
        CHECK(*t->transaction_memo("k") == "v1");
        // rolled back
    }
    CHECK(t->write_transaction() == 0);
    {
        db::WriteTransaction tx(t.db());
        CHECK(t->transaction_memo("k") == nullptr);  // nothing left over from the rolled-back one
        t->set_transaction_memo("k", "v2");
        tx.commit();
    }
    CHECK(t->transaction_memo("k") == nullptr);
}

TEST_CASE("insert returns the new row's id and update how many rows it changed", "[db][statements]") {
    TestDatabase t;
    db::WriteTransaction tx(t.db());
    const std::string a = "A", b = "B";
    const auto first = t->insert(
        "INSERT INTO dealer (kind, name, inn, ogrn, kpp, created_at) "
        "VALUES ('legal_entity', :n, '7730543210', '1237700543211', '773001001', 0)",
        soci::use(a));
    const auto second = t->insert(
        "INSERT INTO dealer (kind, name, inn, ogrn, kpp, created_at) "
        "VALUES ('legal_entity', :n, '7707083893', '1027700132195', '773601001', 0)",
        soci::use(b));
    CHECK(second != first);
    std::string name;
    long long id = second;
    t->run("SELECT name FROM dealer WHERE id = :id", soci::use(id), soci::into(name));
    CHECK(name == "B");
    const std::string renamed = "C";
    CHECK(t->update("UPDATE dealer SET name = :n WHERE id = :id", soci::use(renamed), soci::use(id)) == 1);
    const long long none = second + first + 100;
    CHECK(t->update("UPDATE dealer SET name = :n WHERE id = :id", soci::use(renamed), soci::use(none)) == 0);
    tx.commit();
}
