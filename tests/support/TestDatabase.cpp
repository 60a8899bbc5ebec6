#include "tests/support/TestDatabase.hpp"

#include "db/migrations.hpp"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <unistd.h>

namespace salon::test {
namespace fs = std::filesystem;

namespace {
std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

std::string pg_admin() {
    const std::string admin = env("SALON_TEST_PG");
    if (admin.empty())
        throw std::runtime_error("SALON_TEST_BACKEND=postgresql needs SALON_TEST_PG (run tests through installer/dev.sh test)");
    return admin;
}

std::atomic<int> counter{0};
}  // namespace

db::Backend test_backend() {
    return env("SALON_TEST_BACKEND") == "postgresql" ? db::Backend::postgresql : db::Backend::sqlite;
}

TestDatabase::TestDatabase(bool migrated) : backend_(test_backend()) {
    const std::string unique = std::to_string(getpid()) + "_" + std::to_string(counter++);
    folder_ = (fs::temp_directory_path() / ("salon_test_" + unique)).string();
    fs::create_directories(folder_);
    if (backend_ == db::Backend::sqlite) {
        url_ = "sqlite:" + folder_ + "/salon.db";
    } else {
        pg_database_ = "salon_test_" + unique;
        soci::session admin("postgresql", pg_admin());
        admin << "CREATE DATABASE " + pg_database_;
        url_ = pg_admin() + " dbname=" + pg_database_;
    }
    db_ = db::Database::open(db::DatabaseUrl::parse(url_), db::Database::Mode::create_if_missing);
    if (migrated) db::migrate(*db_);
}

TestDatabase::~TestDatabase() {
    db_.reset();
    if (!pg_database_.empty()) {
        try {
            soci::session admin("postgresql", pg_admin());
            admin << "DROP DATABASE IF EXISTS " + pg_database_ + " WITH (FORCE)";
        } catch (...) {
            // The throwaway cluster is removed after the run anyway.
        }
    }
    std::error_code ec;
    fs::remove_all(folder_, ec);
}

std::unique_ptr<db::Database> TestDatabase::open_another() const {
    return db::Database::open(db::DatabaseUrl::parse(url_), db::Database::Mode::open_existing);
}

}  // namespace salon::test
