// What only a PostgreSQL server does: refusing an unreachable server with a clear message.
#include <catch2/catch.hpp>

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "tests/support/TestDatabase.hpp"

using namespace salon;

TEST_CASE("An unreachable PostgreSQL server is refused with a clear message", "[db][postgresql]") {
    // Independent of the backend under test: nothing listens on this socket folder.
    const auto url = db::DatabaseUrl::parse("host=/nonexistent/salon port=1 dbname=salon user=salon password=secret");
    try {
        db::Database::open(url, db::Database::Mode::open_existing);
        FAIL("connected to nowhere");
    } catch (const DatabaseError& e) {
        CHECK_THAT(e.message(), Catch::Contains("Cannot connect to PostgreSQL"));
        CHECK_THAT(e.message(), !Catch::Contains("secret"));
    }
}
