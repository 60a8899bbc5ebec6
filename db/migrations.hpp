// The schema's versions, one SQL file each under db/migrations/, applied in order and recorded.
#pragma once

#include <string>
#include <vector>

namespace salon::db {

class Database;

struct Migration {
    int version;
    std::string name;
    std::string sql;  // statements end with ";" at the end of a line; {{id}} and {{blob}} are dialect
};

// Every migration this program carries, in version order (compiled in from db/migrations/*.sql).
const std::vector<Migration>& all_migrations();
int latest_version();

struct MigrationStatus {
    int current = 0;
    int latest = 0;
    std::vector<Migration> pending;
};

MigrationStatus migration_status(Database& db);

// Applies what is pending, each migration in its own transaction, serialised between stations (the
// write lock on SQLite, an advisory lock on PostgreSQL). Returns the versions it applied.
std::vector<int> migrate(Database& db);

// Splits a migration's text into statements (comments and blank lines dropped).
std::vector<std::string> split_statements(const std::string& sql_text);

}  // namespace salon::db
