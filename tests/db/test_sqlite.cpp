// What only the embedded SQLite file does: its settings, and refusing missing, damaged or foreign files.
#include <catch2/catch.hpp>

#include "db/Database.hpp"
#include "db/Maintenance.hpp"
#include "db/UserError.hpp"
#include "db/migrations.hpp"
#include "tests/support/TestDatabase.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <vector>

using namespace salon;
using salon::test::TestDatabase;
namespace fs = std::filesystem;

namespace {
db::DatabaseUrl sqlite_url(const std::string& path) { return db::DatabaseUrl::parse("sqlite:" + path); }
bool on_sqlite() { return salon::test::test_backend() == db::Backend::sqlite; }
}  // namespace

TEST_CASE("SQLite runs with WAL, synchronous FULL and foreign keys", "[db][sqlite]") {
    if (!on_sqlite()) return;
    TestDatabase t;
    std::string journal;
    int synchronous = 0, foreign_keys = 0;
    t->sql() << "PRAGMA journal_mode", soci::into(journal);
    t->sql() << "PRAGMA synchronous", soci::into(synchronous);
    t->sql() << "PRAGMA foreign_keys", soci::into(foreign_keys);
    CHECK(journal == "wal");
    CHECK(synchronous == 2);
    CHECK(foreign_keys == 1);
}

TEST_CASE("A missing SQLite file is refused and not created", "[db][sqlite]") {
    if (!on_sqlite()) return;
    const auto dir = fs::temp_directory_path() / "salon_missing_dir_test";
    fs::remove_all(dir);
    try {
        db::Database::open(sqlite_url((dir / "none.db").string()), db::Database::Mode::open_existing);
        FAIL("opened a missing file");
    } catch (const DatabaseError& e) {
        CHECK_THAT(e.message(), Catch::Contains("There is no database file"));
    }
    CHECK_FALSE(fs::exists(dir));
}

TEST_CASE("A file that is not a database is refused and left as it was", "[db][sqlite]") {
    if (!on_sqlite()) return;
    TestDatabase t;
    const std::string path = t.folder() + "/garbage.db";
    {
        std::ofstream out(path, std::ios::binary);
        out << std::string(8192, 'x');
    }
    for (auto mode : {db::Database::Mode::open_existing, db::Database::Mode::create_if_missing}) {
        try {
            db::Database::open(sqlite_url(path), mode);
            FAIL("opened a damaged file");
        } catch (const DatabaseError& e) {
            CHECK_THAT(e.message(), Catch::Contains("is not a Salon Station database or is damaged"));
        }
    }
    CHECK(fs::file_size(path) == 8192);
    CHECK_FALSE(fs::exists(path + "-wal"));
}

TEST_CASE("A new SQLite file and its folder are created on first run", "[db][sqlite]") {
    if (!on_sqlite()) return;
    TestDatabase t;
    const std::string path = t.folder() + "/a/b/new.db";
    auto db = db::Database::open(sqlite_url(path), db::Database::Mode::create_if_missing);
    db::migrate(*db);
    CHECK(fs::exists(path));
    CHECK(db->schema_version() == db::latest_version());
}

TEST_CASE("The check finds a row whose parent is missing", "[db][sqlite][check]") {
    if (!on_sqlite()) return;
    TestDatabase t;
    t->sql() << "PRAGMA foreign_keys=OFF";
    t->sql() << "INSERT INTO salon (dealer_id, name, address, time_zone, created_at) "
                "VALUES (999, 'Orphan', 'Nowhere', 'Europe/Moscow', 0)";
    const auto report = db::check(t.db());
    REQUIRE_FALSE(report.ok());
    CHECK(report.problems.front().kind == db::CheckProblem::Kind::foreign_key);
    CHECK_THAT(report.problems.front().text.english(), Catch::Contains("salon"));
}

TEST_CASE("A damaged backup never reaches the live database", "[db][sqlite][backup]") {
    if (!on_sqlite()) return;
    TestDatabase t;
    const std::string path = t.folder() + "/bad-backup.db";
    {
        std::ofstream out(path, std::ios::binary);
        out << "not a database";
    }
    CHECK_THROWS_AS(db::restore(t.db(), path), UserError);
    CHECK(t->schema_version() == db::latest_version());
}

TEST_CASE("A restore refuses an SQLite file that is not a station's, a damaged one and a truncated one",
          "[db][sqlite][backup]") {
    if (!on_sqlite()) return;
    TestDatabase t;
    t->sql() << "INSERT INTO dealer (kind, name, inn, ogrn, kpp, created_at) "
                "VALUES ('legal_entity', 'Kept', '7730543210', '1237700543211', '773001001', 0)";
    const std::string foreign = t.folder() + "/notes.db";
    {
        soci::session raw("sqlite3", "db=" + foreign);
        raw << "CREATE TABLE note (text TEXT)";
        raw << "INSERT INTO note VALUES ('not a station')";
    }
    const std::string backup = t.folder() + "/backup.db";
    db::backup(t.db(), backup);
    const std::string truncated = t.folder() + "/truncated.db";
    {
        std::ifstream in(backup, std::ios::binary);
        std::string bytes(std::istreambuf_iterator<char>(in), {});
        std::ofstream(truncated, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
    }
    const std::string damaged = t.folder() + "/damaged.db";
    fs::copy_file(backup, damaged);
    {
        // Pages in the middle overwritten with zeros, as a failing disk would.
        std::fstream out(damaged, std::ios::binary | std::ios::in | std::ios::out);
        out.seekp(40 * 1024);
        out << std::string(20 * 1024, '\0');
    }
    t->sql() << "UPDATE dealer SET name = 'Live'";
    for (const auto& [file, says] : {std::pair{foreign, "not a Salon Station backup"},
                                     std::pair{truncated, "is damaged"}, std::pair{damaged, "is damaged"}}) {
        const auto before = fs::last_write_time(file);
        try {
            db::restore(t.db(), file);
            FAIL("restored " << file);
        } catch (const ValidationError& e) {
            CHECK_THAT(e.reason().english(), Catch::Contains(says));
        }
        CHECK(fs::last_write_time(file) == before);
        CHECK_FALSE(fs::exists(file + "-wal"));
        std::string name;
        t->sql() << "SELECT name FROM dealer", soci::into(name);
        CHECK(name == "Live");
    }
}

TEST_CASE("A new SQLite database has 1 KiB pages; restoring a 4 KiB one into it works",
          "[db][sqlite][backup]") {
    if (!on_sqlite()) return;
    TestDatabase t;
    int page = 0;
    t->sql() << "PRAGMA page_size", soci::into(page);
    CHECK(page == 1024);

    // A station made before 1 KiB pages: its backup has 4 KiB ones.
    const std::string old_file = t.folder() + "/old.db";
    {
        soci::session raw("sqlite3", "db=" + old_file);
        raw << "PRAGMA page_size=4096";
        raw << "VACUUM";
    }
    {
        auto old = db::Database::open(sqlite_url(old_file), db::Database::Mode::open_existing);
        db::migrate(*old);
        old->sql() << "INSERT INTO dealer (kind, name, inn, ogrn, kpp, created_at) "
                      "VALUES ('legal_entity', 'Old', '7730543210', '1237700543211', '773001001', 0)";
        old->sql() << "PRAGMA page_size", soci::into(page);
        REQUIRE(page == 4096);
        db::backup(*old, t.folder() + "/old.bak");
    }
    db::restore(t.db(), t.folder() + "/old.bak");
    auto fresh = t.open_another();
    std::string name, journal;
    fresh->sql() << "SELECT name FROM dealer", soci::into(name);
    fresh->sql() << "PRAGMA journal_mode", soci::into(journal);
    CHECK(name == "Old");
    CHECK(journal == "wal");
    CHECK(db::check(*fresh).ok());
}

TEST_CASE("A full disk is reported as a full disk, and what was saved before is kept", "[db][sqlite][errors]") {
    if (!on_sqlite()) return;
    TestDatabase t;
    t->sql() << "CREATE TABLE filler (id INTEGER PRIMARY KEY, payload BLOB)";
    const std::string payload(4000, 'x');
    {
        db::WriteTransaction tx(t.db());
        for (int i = 0; i < 3; ++i) t->run("INSERT INTO filler (payload) VALUES (:p)", soci::use(payload));
        tx.commit();
    }
    // SQLite answers exactly as on a full disk (SQLITE_FULL) once the file may not grow.
    long long pages = 0;
    t->sql() << "PRAGMA page_count", soci::into(pages);
    t->sql() << "PRAGMA max_page_count = " + std::to_string(pages + 4);
    try {
        db::WriteTransaction tx(t.db());
        for (int i = 0; i < 100; ++i) t->run("INSERT INTO filler (payload) VALUES (:p)", soci::use(payload));
        tx.commit();
        FAIL("the file grew past its limit");
    } catch (const DiskFullError& e) {
        CHECK_THAT(e.message(), Catch::Contains("The disk is full: nothing was saved"));
        CHECK_THAT(e.message(), !Catch::Contains("INSERT") && !Catch::Contains("damaged"));
    }
    long long rows = 0;
    t->run("SELECT count(*) FROM filler", soci::into(rows));
    CHECK(rows == 3);
    std::string integrity;
    t->sql() << "PRAGMA integrity_check", soci::into(integrity);
    CHECK(integrity == "ok");
}

TEST_CASE("Another station's write lock lets reads and an up-to-date open through; a write says busy",
          "[db][sqlite][errors]") {
    if (!on_sqlite()) return;
    TestDatabase t;
    auto other = t.open_another();
    db::WriteTransaction held(*other);
    other->run("UPDATE schema_migration SET name = name WHERE version = 1");

    auto mine = t.open_another();
    mine->sql() << "PRAGMA busy_timeout = 50";  // the test does not wait the station's ten seconds
    CHECK(db::migrate(*mine).empty());           // nothing pending: no lock taken
    long long versions = 0;
    mine->run("SELECT count(*) FROM schema_migration", soci::into(versions));
    CHECK(versions == db::latest_version());
    try {
        db::WriteTransaction tx(*mine);
        FAIL("took the write lock another station holds");
    } catch (const DatabaseBusyError& e) {
        CHECK_THAT(e.message(), Catch::Contains("The database is busy") && Catch::Contains("for writing") &&
                                    Catch::Contains("nothing was saved"));
    }
}

TEST_CASE("A write waiting for another program's lock names it, is watched while it waits, and may give up",
          "[db][sqlite][errors]") {
    if (!on_sqlite()) return;
    TestDatabase t;
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    const pid_t holder = ::fork();
    REQUIRE(holder >= 0);
    if (holder == 0) {  // another program holding the write lock until it is killed
        auto other = t.open_another();
        db::WriteTransaction held(*other);
        other->run("UPDATE schema_migration SET name = name WHERE version = 1");
        if (::write(ready[1], "x", 1) != 1) ::_exit(2);
        ::pause();
        ::_exit(0);
    }
    char byte = 0;
    REQUIRE(::read(ready[0], &byte, 1) == 1);
    const std::string pid = "(PID " + std::to_string(holder) + ")";
    auto mine = t.open_another();
    CHECK_THAT(mine->write_lock_holder(), Catch::Contains(pid));
    std::vector<db::Database::BusyWait> seen;
    mine->set_busy_watcher([&](const db::Database::BusyWait& wait) {
        seen.push_back(wait);
        return wait.waited < std::chrono::milliseconds(400);  // the person pressed Cancel
    });
    const auto started = std::chrono::steady_clock::now();
    try {
        db::WriteTransaction tx(*mine);
        mine->run("UPDATE schema_migration SET name = name WHERE version = 1");
        FAIL("took the write lock another program holds");
    } catch (const DatabaseBusyError& e) {
        CHECK_THAT(e.message(), Catch::Contains("The database is busy: ") && Catch::Contains(pid) &&
                                    Catch::Contains("nothing was saved"));
    }
    // Given up when the watcher said so, long before the ten seconds.
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
    REQUIRE(seen.size() > 2);
    CHECK(seen.back().limit == std::chrono::seconds(10));
    CHECK(seen.back().waited >= std::chrono::milliseconds(400));
    CHECK_THAT(seen.back().holder, Catch::Contains(pid));
    ::kill(holder, SIGKILL);
    int status = 0;
    ::waitpid(holder, &status, 0);
    // The holder gone, the same connection writes at once.
    db::WriteTransaction tx(*mine);
    mine->run("UPDATE schema_migration SET name = name WHERE version = 1");
    tx.commit();
}
