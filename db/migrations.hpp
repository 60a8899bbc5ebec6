// The schema's versions, one SQL file each under db/migrations/, applied in order and recorded.
#pragma once

#include <string>
#include <vector>

namespace salon::db {

class Database;

struct Migration {
    int version;
    std::string name;
    // Statements end with ";" at the end of a line; {{id}} and {{blob}} are dialect. A statement that
    // begins with {{sqlite}} or {{postgresql}} runs on that backend only. A migration with a data step in
    // code runs it where a statement `{{data step}};` stands, else after its last statement.
    std::string sql;
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

// Applies what is pending (up to a version: for upgrade tests), each migration in its own transaction,
// serialised between stations (the write lock on SQLite, an advisory lock on PostgreSQL). Returns the
// versions it applied. On SQLite, foreign keys are not enforced statement by statement during a migration, so
// that one may rebuild a table as SQLite prescribes (new table, copy, drop, rename); the whole database's
// references are checked before the migration commits instead, and a broken one rolls it back.
std::vector<int> migrate(Database& db, int up_to = latest_version());
// One migration, as migrate() applies each; false when the database already has its version.
bool apply_migration(Database& db, const Migration& m);

// Splits a migration's text into statements (comments and blank lines dropped).
std::vector<std::string> split_statements(const std::string& sql_text);
// The statements of a migration's text that run on `backend`, dialect applied and backend marks removed.
std::vector<std::string> statements_for(const Database& db, const std::string& sql_text);

}  // namespace salon::db
