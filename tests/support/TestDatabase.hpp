// A fresh, migrated database for one test, on the backend the test run was started for:
// SALON_TEST_BACKEND=sqlite (default) or postgresql, with SALON_TEST_PG naming the throwaway server.
#pragma once

#include "db/Database.hpp"

#include <memory>
#include <string>

namespace salon::test {

class TestDatabase {
public:
    // `migrated` false leaves the database empty (for migration tests).
    explicit TestDatabase(bool migrated = true);
    ~TestDatabase();

    db::Database& db() { return *db_; }
    db::Database* operator->() { return db_.get(); }
    const std::string& url() const { return url_; }
    db::Backend backend() const { return backend_; }
    // A second connection to the same database, as another station would open it.
    std::unique_ptr<db::Database> open_another() const;
    // A folder removed with the database, for files the test writes.
    const std::string& folder() const { return folder_; }

private:
    db::Backend backend_;
    std::string url_;
    std::string folder_;
    std::string pg_database_;
    std::unique_ptr<db::Database> db_;
};

// The backend this run tests, for tests that differ by backend.
db::Backend test_backend();

}  // namespace salon::test
