// One open database (SQLite file or PostgreSQL server) with the station's settings applied.
#pragma once

#include "db/DatabaseUrl.hpp"

#include <soci/soci.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace salon::db {

class Database;
class PersonalDataKey;

// Seconds a station waits for another one's write lock before giving up: SALON_BUSY_TIMEOUT when set (0 to
// 3600), else 10. Read once per process.
int busy_timeout_seconds();

// A busy database and a full disk are the two failures a person can act on (wait, free space): this throws
// DatabaseBusyError or DiskFullError, in the user's language and without the statement's text, when `e`
// is one of them (SQLite's SQLITE_BUSY/SQLITE_LOCKED and SQLITE_FULL; PostgreSQL's lock_not_available
// 55P03 and disk_full 53100), and returns otherwise. `os_errno` is the system's error behind a SQLite
// failure (Database::last_os_error): ENOSPC makes any I/O error a full disk, such as SQLite failing to
// create its shared-memory file on a full disk while opening. `holder` names who held the lock when it is
// known (Database::busy_holder).
void raise_if_busy_or_full(const soci::soci_error& e, int os_errno = 0, const std::string& holder = {});

// A statement from the connection's cache (Database::query), bound for one use: execute, then fetch row by
// row, as with a soci::statement. When it goes out of scope its bindings are dropped and, on SQLite, it is
// reset so that it holds no read snapshot until its next use.
class Statement {
public:
    // Throws DatabaseBusyError or DiskFullError for a busy database or a full disk (see
    // raise_if_busy_or_full); any other failure as SOCI reports it.
    bool execute(bool exchange_data = false);
    bool fetch() { return st_.fetch(); }
    bool got_data() const { return st_.got_data(); }
    // How many rows the executed INSERT, UPDATE or DELETE changed.
    long long affected_rows() { return st_.get_affected_rows(); }

    Statement(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement& operator=(Statement&&) = delete;
    ~Statement();

private:
    friend class Database;
    Statement(Database& db, soci::statement st, bool* busy) : db_(&db), st_(std::move(st)), busy_(busy) {}

    Database* db_;
    soci::statement st_;
    bool* busy_;  // the cache entry's mark, cleared when done; null for a statement outside the cache
};

// A value for a statement run later (Database::later), owned by it: a whole number, a text or NULL.
struct Param {
    enum class Kind { null, integer, text };
    Param(long long v) : kind(Kind::integer), integer(v) {}
    Param(long v) : kind(Kind::integer), integer(v) {}  // std::int64_t where it is not long long
    Param(int v) : kind(Kind::integer), integer(v) {}
    Param(std::string v) : kind(Kind::text), text(std::move(v)) {}
    Param(const char* v) : kind(Kind::text), text(v) {}
    static Param null() { return Param(); }
    // 0 (or an empty text) is NULL: how the schema's optional references and numbers are kept.
    static Param or_null(long long v) { return v ? Param(v) : null(); }
    static Param or_null(std::string v) { return v.empty() ? null() : Param(std::move(v)); }

    Kind kind = Kind::null;
    long long integer = 0;
    std::string text;

private:
    Param() = default;
};

// One read's text and values, built once for read_ahead and read_rows alike.
struct Read {
    std::string text;
    std::vector<Param> params;
};

// One row of a read as text, column by column (NULL as nullopt): see Database::read_rows.
using TextRow = std::vector<std::optional<std::string>>;
// A column of a TextRow as a number (0 for NULL), as text ("" for NULL), or whether it is NULL.
long long row_integer(const TextRow& row, std::size_t column);
std::string row_text(const TextRow& row, std::size_t column);
inline bool row_null(const TextRow& row, std::size_t column) { return !row.at(column).has_value(); }

class Database {
public:
    enum class Mode {
        open_existing,      // a missing SQLite file is an error and is not created
        create_if_missing,  // a missing SQLite file (and its folder) is created
    };

    // Connects and refuses, before changing anything, a file that is not a database and a schema newer
    // than this program. Does not migrate: see migrations.hpp. Throws DatabaseError.
    static std::unique_ptr<Database> open(const DatabaseUrl& url, Mode mode);

    // The session, for statements outside the cache; what `later` kept is sent first.
    soci::session& sql() {
        if (!pending_.empty()) send_pending(false);
        return session_;
    }

    // Statements from this connection's cache of prepared statements, keyed by their text: each text is
    // parsed and planned once per connection instead of at every call (a sale runs some forty statements,
    // and parsing them anew cost more than the commit's fsync). The text must be one of the program's own
    // (never built from input, or the cache would grow with it). A text already in use further up the stack
    // gets a statement of its own.
    //
    // query: `auto st = db.query(text, soci::use(...), soci::into(...)); st.execute(); while (st.fetch())`.
    template <class... Binds>
    Statement query(const std::string& text, Binds&&... binds) {
        Statement st = checkout(text);
        (st.st_.exchange(std::forward<Binds>(binds)), ...);
        st.st_.define_and_bind();
        return st;
    }
    // run: one statement that writes or reads at most one row, as `sql() << text, use(...), into(...)` does.
    // Returns whether a row came back.
    template <class... Binds>
    bool run(const std::string& text, Binds&&... binds) {
        return query(text, std::forward<Binds>(binds)...).execute(true);
    }
    // insert: one INSERT of one row into a table keyed by `id`; returns the new row's id: RETURNING id on
    // PostgreSQL, the connection's last rowid on SQLite (which spares SQLite RETURNING's extra work).
    template <class... Binds>
    std::int64_t insert(const std::string& text, Binds&&... binds) {
        if (backend() == Backend::sqlite) {
            run(text, std::forward<Binds>(binds)...);
            return last_insert_rowid();
        }
        long long id = 0;
        run(text + " RETURNING id", std::forward<Binds>(binds)..., soci::into(id));
        return id;
    }
    // later: one statement that changes rows, whose outcome the operation needs neither as a value nor
    // before it commits (a stock movement, a request to the operator, an audit entry). On PostgreSQL, inside
    // a write transaction, it is kept and sent with whatever else was kept in one round trip: before the
    // next statement of the transaction, or together with its COMMIT. Its refusal (a constraint) surfaces
    // there, inside the same transaction, which then rolls back whole. Everywhere else it runs at once.
    // Each round trip to the server cost a sale as much as its durable commit; see `salon-cli bench sale`.
    void later(const std::string& text, std::vector<Param> params);
    // insert_later: one INSERT of one row into `table` (keyed by `id`) as `later` keeps it, returning the
    // row's id all the same. Its text names the id first ("INSERT INTO t (id, a) VALUES (:id, :a)") and
    // `params` hold the other values. On SQLite the row is inserted at once with the id NULL, so SQLite
    // numbers it as a plain insert does; on PostgreSQL inside a write transaction the id is one this
    // connection drew from the table's sequence ahead (kIdsDrawn at a time, in one statement), so that the
    // row goes with the transaction's next round trip (a sale's client, sale and lines with its COMMIT).
    // Ids then rise within a connection, as a sequence's do, but two connections' rows interleave by
    // block: never use it for a table whose ids must follow the order rows were written across stations
    // (the audit journal's, see AuditJournal.cpp).
    std::int64_t insert_later(const std::string& table, const std::string& text, std::vector<Param> params);
    // read_later (PostgreSQL, inside a write transaction): one read of at most one row sent in one round
    // trip with what `later` kept (after it, in order); its values as text, NULL as nullopt; no row gives an
    // empty vector. The audit journal takes its chain's lock and reads the head this way.
    std::vector<std::optional<std::string>> read_later(const std::string& text, std::vector<Param> params);
    // read_rows: the rows of one read, each column as text (NULL as nullopt), on either backend.
    // read_ahead: the same read announced early. On PostgreSQL inside a write transaction it is kept and
    // sent with the transaction's next round trip, together with every other read announced and what
    // `later` kept, in that order; read_rows with the same text and values then takes its rows without
    // asking the server again. Elsewhere it does nothing and read_rows reads at once. Only for reads whose
    // rows nothing the transaction writes before read_rows changes: a sale announces its seller, shift,
    // client, cards and prices after its BEGIN and reads them all in one round trip.
    std::vector<TextRow> read_rows(const std::string& text, std::vector<Param> params);
    void read_ahead(const std::string& text, std::vector<Param> params);
    // Whether read_ahead keeps reads here (PostgreSQL, inside a write transaction): announcing costs
    // nothing elsewhere.
    bool reads_ahead() const { return backend() == Backend::postgresql && transaction_ != 0; }
    // How many times this connection has asked the database so far: on PostgreSQL its round trips to the
    // server (a statement, a pipeline of kept ones, BEGIN, COMMIT), on SQLite its statements. `salon-cli
    // bench sale` reports a sale's; a test holds a sale to its three on PostgreSQL.
    std::uint64_t round_trips() const { return round_trips_; }
    std::vector<TextRow> read_rows(const Read& read) { return read_rows(read.text, read.params); }
    void read_ahead(const Read& read) { read_ahead(read.text, read.params); }
    // The database's clock as now() gives it, but without asking the server: outside a write transaction
    // on PostgreSQL this machine's clock. For what is checked again in the transaction (the day a draft's
    // form is read for, before the lock).
    std::int64_t now_without_asking();
    // update: one statement that changes rows; returns how many it changed.
    template <class... Binds>
    long long update(const std::string& text, Binds&&... binds) {
        Statement st = query(text, std::forward<Binds>(binds)...);
        st.execute(true);
        return st.affected_rows();
    }
    // Forgets the prepared statements (after the schema changed under them).
    void forget_statements() {
        by_place_.clear();
        statements_.clear();
    }
    Backend backend() const { return url_.backend; }
    const DatabaseUrl& url() const { return url_; }

    // The system's error number behind SQLite's last failure on this connection (0 on PostgreSQL).
    int last_os_error();

    // Who holds this SQLite database's write lock, as this machine's lock table tells (/proc/locks):
    // "salon-cli (PID 4242)"; empty when nobody does or it cannot be told (PostgreSQL; a process on another
    // machine sharing the folder).
    std::string write_lock_holder();
    // While a write waits for another's lock (SQLite), `watcher` is called about every 50 ms with how long
    // it has waited, the limit (SALON_BUSY_TIMEOUT) and who holds the lock; returning false gives up at
    // once, and the operation then fails as busy with nothing saved. The station shows a waiting window
    // with it instead of freezing; without a watcher the wait is SQLite's own busy timeout.
    struct BusyWait {
        std::chrono::milliseconds waited{0}, limit{0};
        std::string holder;  // write_lock_holder() when the wait began
    };
    using BusyWatcher = std::function<bool(const BusyWait&)>;
    void set_busy_watcher(BusyWatcher watcher);
    // Who held the lock the wait that has just ended was for; empty when unknown or long ago.
    std::string busy_holder() const;

    // The highest migration applied; 0 for an empty database.
    int schema_version();
    // The database's clock, in Unix seconds (UTC): time that matters is taken from here. Inside a
    // WriteTransaction it is read once and then stays put, so every row of one business operation carries
    // the same moment (PostgreSQL's now() already is the transaction's start). On SQLite it is this
    // machine's clock, read without a statement: the database file has no other.
    std::int64_t now();
    // The open WriteTransaction's number, unique in this process; 0 outside one. Lets an operation's
    // later steps skip a check its first step made under the same lock (Actor::confirm).
    std::uint64_t write_transaction() const { return transaction_; }
    // A value one step of the open write transaction leaves for its later steps under the caller's own key
    // (the audit journal keeps a chain's head here, so an operation's second entry does not read it
    // again); forgotten when the transaction ends. Null when there is none, and always outside one.
    const std::string* transaction_memo(const std::string& key) const;
    void set_transaction_memo(const std::string& key, std::string value);
    // Runs `hook` once the open write transaction has committed, with its memo as the last step left it;
    // never when it rolls back. A later hook under the same key replaces the earlier one. The audit journal
    // anchors its chains' heads outside the database here: an anchor written before the commit could be
    // ahead of the database and raise a false alarm. A hook that throws is ignored (the commit stands).
    using CommitHook = std::function<void(const std::unordered_map<std::string, std::string>& memo)>;
    void after_commit(const std::string& key, CommitHook hook);
    // Makes now() return `seconds` until cleared (std::nullopt): the demo generator writes 90 days of history
    // through the same core operations as the desk, each at its own moment. Never set by a station.
    void set_clock(std::optional<std::int64_t> seconds) { clock_ = seconds; }
    // A migration's text with its backend-specific type names filled in: {{id}} (the key column) and
    // {{blob}} (see migrations.hpp for the statements marked for one backend).
    std::string dialect(std::string sql_text) const;

    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

private:
    explicit Database(DatabaseUrl url);
    void configure_sqlite();
    bool has_table(const std::string& name);

    friend class Statement;
    struct Cached {
        soci::statement st;
        bool busy = false;
    };
    Statement checkout(const std::string& text);
    // Sends the statements `later` kept, as one pipeline (libpq's pipeline mode), with the COMMIT when
    // `commit`; throws the first refusal as SOCI would have (busy and full disk as in Statement::execute).
    // The kept reads' rows go to `fetched_`.
    void send_pending(bool commit);
    static constexpr int kIdsDrawn = 16;
    std::unordered_map<std::string, std::vector<std::int64_t>> drawn_ids_;  // by table, next last
    // BEGIN and the clock's reading in one round trip (PostgreSQL).
    void begin_postgresql();
    struct Pending {
        std::string text;
        std::vector<Param> params;
        bool read = false;  // a read whose rows go to `fetched_` (read_ahead, read_rows, read_later)
    };
    std::vector<Pending> pending_;
    struct Fetched {
        std::string text;
        std::vector<Param> params;
        std::vector<TextRow> rows;
    };
    std::vector<Fetched> fetched_;  // rows of reads sent ahead, until read_rows takes them
    std::optional<std::vector<TextRow>> take_fetched(const std::string& text, const std::vector<Param>& params);
    std::vector<TextRow> read_rows_sqlite(const std::string& text, const std::vector<Param>& params);
    std::unordered_map<std::string, std::string> pipeline_names_;  // `later` texts prepared on the server
    std::int64_t last_insert_rowid();
    void release(soci::statement& st, bool* busy) noexcept;

    static int on_busy(void* self, int count);

    DatabaseUrl url_;
    soci::session session_;
    BusyWatcher busy_watcher_;
    BusyWait busy_;
    std::chrono::steady_clock::time_point busy_since_, busy_last_;
    std::optional<std::int64_t> clock_;
    friend class WriteTransaction;
    std::uint64_t transaction_ = 0;
    std::uint64_t round_trips_ = 0;
    std::optional<std::int64_t> transaction_clock_;  // now() as first read in the open transaction
    std::unordered_map<std::string, std::string> transaction_memo_;
    // The personal-data key, checked against this database once per connection (PersonalDataKey.hpp).
    friend const PersonalDataKey& personal_data_key(Database& db);
    std::shared_ptr<const PersonalDataKey> personal_data_key_;
    std::unordered_map<std::string, CommitHook> commit_hooks_;
    // After session_: destroyed first, while the connection is still open.
    std::unordered_map<std::string, Cached> statements_;
    // The statement last found for a text kept at each address: most texts are static strings, found again
    // by where they live and a comparison, without hashing a few hundred characters of SQL per statement.
    std::unordered_map<const char*, std::pair<const std::string, Cached>*> by_place_;
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
