// Checks, consistent backups and restores of a station's database, whatever its backend.
#pragma once

#include "db/Text.hpp"

#include <string>
#include <vector>

namespace salon::db {

class Database;

struct CheckProblem {
    enum class Kind { pending_migrations, integrity, foreign_key, constraint };
    Kind kind;
    Text text;
};

struct CheckReport {
    std::vector<CheckProblem> problems;  // empty means healthy
    int schema_version = 0;
    int latest_version = 0;
    bool ok() const { return problems.empty(); }
};

// SQLite: integrity_check and foreign_key_check. PostgreSQL: constraints not validated. Both: pending
// migrations.
CheckReport check(Database& db);

// A consistent copy while stations keep working: SQLite's online backup into a new file; PostgreSQL's
// pg_dump (custom format). Refuses to overwrite an existing file.
void backup(Database& db, const std::string& file);

// Replaces the database's content with a backup made by `backup` of the same backend, after checking the
// file (readable, intact, not from a newer program). On failure the database is left as it was.
void restore(Database& db, const std::string& file);

}  // namespace salon::db
