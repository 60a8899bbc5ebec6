// The clock tests put in place of the database's (R-TRN-6's deadline cannot wait 15 real minutes in a
// test): SALON_TEST_CLOCK=<Unix seconds> makes db::Database::now() return that moment, but only when
// SALON_TEST_BACKEND is set too — the variable the test runners (ctest, the CLI and GUI test scripts) set,
// never a station's or a kiosk session's environment, which the package's kiosk login fixes. Whoever can
// set both for salon-cli can also write the tables directly, so it opens nothing new.
#pragma once

#include <cstdint>
#include <optional>

namespace salon::db {
class Database;
}

namespace salon::training {

// The test clock's moment when it is honoured, else nothing.
std::optional<std::int64_t> test_clock_from_environment();
// Sets it on `db` when honoured; returns whether it did.
bool apply_test_clock(db::Database& db);

}  // namespace salon::training
