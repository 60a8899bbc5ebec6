// Checks, consistent backups and restores of a station's database, whatever its backend.
#pragma once

#include "db/Text.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace salon::db {

class Database;
struct DatabaseUrl;

struct CheckProblem {
    enum class Kind { pending_migrations, integrity, foreign_key, constraint, incomplete };
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
// migrations, and an operation of many transactions that began and never finished (`incomplete`).
CheckReport check(Database& db);

// An operation too long for one transaction (the demo seed writes some 60 000 sales, each its own) marks
// the database incomplete in its own committed transaction before it writes anything, and clears the mark
// after its last write: killed half-way, it leaves a database that says it is incomplete and since when,
// never a silently partial one.
struct Incomplete {
    std::string operation;  // as the caller named it, e.g. "salon-cli demo seed"
    std::int64_t since = 0;  // Unix seconds, UTC
};
void mark_incomplete(Database& db, const std::string& operation);
void mark_complete(Database& db);
std::optional<Incomplete> incomplete(Database& db);
// "incomplete: salon-cli demo seed began 2026-12-05 20:31 UTC and did not finish"
Text incomplete_text(const Incomplete& mark);

// A consistent copy while stations keep working: SQLite's online backup into a new file; PostgreSQL's
// pg_dump (custom format). The file is created readable by its owner only (mode 0600) before any data is
// in it, and an existing file is never overwritten.
void backup(Database& db, const std::string& file);

// What a restore does besides its own checks.
struct RestoreSteps {
    // Called with the backup opened as a database of its own, after the built-in checks and before the
    // live database is touched; throws to refuse it (the audit journal's checks).
    std::function<void(Database& candidate)> accept;
    // Keeps the database about to be replaced and returns where; by default a `backup` to
    // `before_restore_file`.
    std::function<std::string(Database& live, const std::string& where)> keep_aside;
};

// Replaces the database's content with a backup made by `backup` of the same backend. The file is only
// read, never changed: SQLite checks a private copy of it, PostgreSQL restores it into a scratch database
// first. Refused, with the live database untouched: an empty file, a file that is not a backup of this
// backend, one without a Salon Station schema or from a newer program, a damaged one (integrity, foreign
// keys, constraints), and whatever `steps.accept` refuses. Then the live database is kept aside and
// replaced. Returns where the replaced database was kept: empty when it held no table at all (a new SQLite
// file, an empty PostgreSQL database), which a restore creates.
std::string restore(Database& db, const std::string& file, const RestoreSteps& steps = {});

// PostgreSQL: creates the database the URL names when the server has none of that name (a restore into a
// new database); returns whether it did. SQLite, or no database named: false (a file is created on open).
bool create_database_if_missing(const DatabaseUrl& url);
// Drops the PostgreSQL database the URL names (a database a refused restore had just created).
void drop_created_database(const DatabaseUrl& url);

// Where a restore keeps the database it replaces: beside the SQLite file, or beside the backup for
// PostgreSQL, named `...before-restore-YYYYMMDD-HHMMSS` (with -2, -3... when that exists).
std::string before_restore_file(Database& db, const std::string& backup_file);

}  // namespace salon::db
