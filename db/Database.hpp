// One open database (SQLite file or PostgreSQL server) with the station's settings applied.
#pragma once

#include "db/DatabaseUrl.hpp"

#include <soci/soci.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace salon::db {

class Database {
public:
    enum class Mode {
        open_existing,      // a missing SQLite file is an error and is not created
        create_if_missing,  // a missing SQLite file (and its folder) is created
    };

    // Connects and refuses, before changing anything, a file that is not a database and a schema newer
    // than this program. Does not migrate: see migrations.hpp. Throws DatabaseError.
    static std::unique_ptr<Database> open(const DatabaseUrl& url, Mode mode);

    soci::session& sql() { return session_; }
    Backend backend() const { return url_.backend; }
    const DatabaseUrl& url() const { return url_; }

    // The highest migration applied; 0 for an empty database.
    int schema_version();
    // The database's clock, in Unix seconds (UTC): time that matters is taken from here.
    std::int64_t now();
    // Makes now() return `seconds` until cleared (std::nullopt): the demo generator writes 90 days of history
    // through the same core operations as the desk, each at its own moment. Never set by a station.
    void set_clock(std::optional<std::int64_t> seconds) { clock_ = seconds; }
    // The id the last INSERT ... RETURNING id gave back is read with `into()`; this names the
    // backend-specific parts of a migration's text (see migrations/README).
    std::string dialect(std::string sql_text) const;

    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

private:
    explicit Database(DatabaseUrl url);
    void configure_sqlite();
    bool has_table(const std::string& name);

    DatabaseUrl url_;
    soci::session session_;
    std::optional<std::int64_t> clock_;
};

// One business operation: commits on `commit()`, rolls back if left without it (an exception).
// On SQLite it takes the write lock up front (BEGIN IMMEDIATE) so two stations never deadlock on the
// upgrade from a read to a write lock.
class WriteTransaction {
public:
    explicit WriteTransaction(Database& db);
    ~WriteTransaction();
    void commit();

    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

private:
    Database& db_;
    bool open_ = true;
};

}  // namespace salon::db
