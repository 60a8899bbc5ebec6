// Choosing a database by URL.
#include <catch2/catch.hpp>

#include "db/DatabaseUrl.hpp"
#include "db/UserError.hpp"

#include <cstdlib>

using namespace salon;
using db::Backend;
using db::DatabaseUrl;

TEST_CASE("sqlite: URLs name a file", "[db][url]") {
    auto a = DatabaseUrl::parse("sqlite:/var/lib/salon/salon.db");
    CHECK(a.backend == Backend::sqlite);
    CHECK(a.sqlite_path == "/var/lib/salon/salon.db");
    CHECK(DatabaseUrl::parse("sqlite:///var/x.db").sqlite_path == "/var/x.db");
    CHECK(DatabaseUrl::parse("sqlite:relative.db").sqlite_path == "relative.db");
}

TEST_CASE("PostgreSQL URLs and keyword strings select PostgreSQL and hide the password", "[db][url]") {
    auto uri = DatabaseUrl::parse("postgresql://salon:secret@db.example:5432/salon");
    CHECK(uri.backend == Backend::postgresql);
    CHECK(uri.pg_conninfo == "postgresql://salon:secret@db.example:5432/salon");
    CHECK(uri.display == "postgresql://salon:***@db.example:5432/salon");
    auto kw = DatabaseUrl::parse("host=/tmp/pg port=5433 dbname=salon password=secret");
    CHECK(kw.backend == Backend::postgresql);
    CHECK(kw.display.find("secret") == std::string::npos);
    CHECK(DatabaseUrl::parse("postgres://h/db").backend == Backend::postgresql);
}

TEST_CASE("An unknown scheme or an empty URL is refused naming the field", "[db][url]") {
    try {
        DatabaseUrl::parse("mysql://localhost/salon");
        FAIL("accepted mysql");
    } catch (const ValidationError& e) {
        CHECK_THAT(e.message(), Catch::StartsWith("Database URL: unknown scheme"));
    }
    CHECK_THROWS_AS(DatabaseUrl::parse(""), ValidationError);
    CHECK_THROWS_AS(DatabaseUrl::parse("sqlite:"), ValidationError);
}

TEST_CASE("The default database is a per-user SQLite file", "[db][url]") {
    setenv("XDG_DATA_HOME", "/tmp/xdg-test", 1);
    auto url = DatabaseUrl::default_url();
    CHECK(url.backend == Backend::sqlite);
    CHECK(url.sqlite_path == "/tmp/xdg-test/salon-station/salon.db");
    unsetenv("SALON_DB");
    CHECK(DatabaseUrl::resolve("").sqlite_path == url.sqlite_path);
    setenv("SALON_DB", "sqlite:/tmp/from-env.db", 1);
    CHECK(DatabaseUrl::resolve("").sqlite_path == "/tmp/from-env.db");
    CHECK(DatabaseUrl::resolve("sqlite:/tmp/explicit.db").sqlite_path == "/tmp/explicit.db");
    unsetenv("SALON_DB");
}

TEST_CASE("A database is chosen by --db, then SALON_DB, then the first-run wizard's choice, then the default",
          "[db][url]") {
    setenv("XDG_DATA_HOME", "/tmp/xdg-test", 1);
    unsetenv("SALON_DB");
    const std::string stored = "postgresql://salon@db.example/salon";
    // Nothing but the default.
    CHECK(DatabaseUrl::resolve("", "").sqlite_path == "/tmp/xdg-test/salon-station/salon.db");
    // The wizard's stored choice beats the default...
    const auto from_wizard = DatabaseUrl::resolve("", stored);
    CHECK(from_wizard.backend == Backend::postgresql);
    CHECK(from_wizard.pg_conninfo == stored);
    // ...SALON_DB beats the stored choice...
    setenv("SALON_DB", "sqlite:/tmp/from-env.db", 1);
    CHECK(DatabaseUrl::resolve("", stored).sqlite_path == "/tmp/from-env.db");
    // ...and --db beats them all.
    CHECK(DatabaseUrl::resolve("sqlite:/tmp/explicit.db", stored).sqlite_path == "/tmp/explicit.db");
    unsetenv("SALON_DB");
    // A stored choice that no longer parses is refused naming the field, not silently replaced.
    CHECK_THROWS_AS(DatabaseUrl::resolve("", "mysql://old"), ValidationError);
}

#include "db/migrations.hpp"

TEST_CASE("Migration text splits into statements without comments", "[db][migrations]") {
    const auto parts = db::split_statements("-- a comment\nCREATE TABLE a (x INTEGER);\n\nCREATE TABLE b (\n  y TEXT\n);\n");
    REQUIRE(parts.size() == 2);
    CHECK(parts[0] == "CREATE TABLE a (x INTEGER)");
    CHECK(parts[1] == "CREATE TABLE b (\n  y TEXT\n)");
}
