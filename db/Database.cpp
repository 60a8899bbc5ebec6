#include "db/Database.hpp"

#include "db/UserError.hpp"
#include "db/PersonalDataKey.hpp"
#include "db/migrations.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <climits>
#include <sstream>
#include <stdexcept>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace salon::db {
namespace fs = std::filesystem;

namespace {
// Seconds another station may hold the write lock before this one gives up, unless SALON_BUSY_TIMEOUT says.
constexpr int kDefaultBusySeconds = 10;
constexpr int kMaxBusySeconds = 3600;

// The database holds personal data (152-FZ): its file, and the -wal and -shm files SQLite gives the
// main file's mode, are the owner's only. A new file is made so before SQLite opens it; a file an
// earlier version left readable by others is made private when it is this user's.
void make_private(const fs::path& path, bool exists) {
    if (!exists) {
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0) ::close(fd);
        return;
    }
    for (const char* suffix : {"", "-wal", "-shm"}) {
        const std::string file = path.string() + suffix;
        struct stat st {};
        if (::stat(file.c_str(), &st) == 0 && st.st_uid == ::geteuid() && (st.st_mode & 077) != 0)
            ::chmod(file.c_str(), st.st_mode & 0700);
    }
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
        s.replace(pos, from.size(), to);
}
}  // namespace

int busy_timeout_seconds() {
    static const int seconds = [] {
        const char* text = std::getenv("SALON_BUSY_TIMEOUT");
        if (!text || !*text) return kDefaultBusySeconds;
        char* end = nullptr;
        const long value = std::strtol(text, &end, 10);
        if (*end != 0 || value < 0 || value > kMaxBusySeconds) return -1;
        return static_cast<int>(value);
    }();
    if (seconds < 0)
        throw DatabaseError(tr("Busy timeout (SALON_BUSY_TIMEOUT)"),
                            trf("must be whole seconds from 0 to {1}", {std::to_string(kMaxBusySeconds)}));
    return seconds;
}

void raise_if_busy_or_full(const soci::soci_error& e, int os_errno, const std::string& holder) {
    bool busy = false, full = false;
    if (const auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
        const int code = lite->result() & 0xff;  // the primary code, whether extended codes are on or not
        busy = code == SQLITE_BUSY || code == SQLITE_LOCKED;
        full = code == SQLITE_FULL || (code == SQLITE_IOERR && (os_errno == ENOSPC || os_errno == EDQUOT));
    } else if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
        const std::string state = pg->sqlstate();
        busy = state == "55P03";
        full = state == "53100";
    }
    if (busy && !holder.empty())
        throw DatabaseBusyError(trf("The database is busy: {2} has held it for writing for {1} s; nothing was "
                                    "saved, try again when it has finished.",
                                    {std::to_string(busy_timeout_seconds()), holder}));
    if (busy)
        throw DatabaseBusyError(trf("The database is busy: another station or program has held it for writing for "
                                    "{1} s; nothing was saved, try again.",
                                    {std::to_string(busy_timeout_seconds())}));
    if (full)
        throw DiskFullError(tr("The disk is full: nothing was saved, and what was saved before is intact. Free "
                               "some space where the database is kept and try again."));
}

bool Statement::execute(bool exchange_data) {
    ++db_->round_trips_;
    try {
        return st_.execute(exchange_data);
    } catch (const soci::soci_error& e) {
        raise_if_busy_or_full(e, db_->last_os_error(), db_->busy_holder());
        throw;
    }
}

int Database::last_os_error() {
    if (backend() != Backend::sqlite) return 0;
    auto* b = static_cast<soci::sqlite3_session_backend*>(session_.get_backend());
    return b && b->conn_ ? sqlite_api::sqlite3_system_errno(b->conn_) : 0;
}

std::string Database::write_lock_holder() {
    if (backend() != Backend::sqlite) return {};
    // SQLite's WAL write lock is a POSIX lock on byte 120 of the -shm file (os_unix.c: UNIX_SHM_BASE plus
    // WAL_WRITE_LOCK). The kernel's lock table is read rather than asked with F_GETLK: opening and closing
    // the file here would drop this process's own locks on it (POSIX locks belong to the process).
    struct stat shm {};
    if (::stat((url_.sqlite_path + "-shm").c_str(), &shm) != 0) return {};
    std::ifstream locks("/proc/locks");
    for (std::string line; std::getline(locks, line);) {
        std::istringstream fields(line);
        std::string number, kind, advisory, mode, device;
        long long pid = 0;
        std::string start, end;
        if (!(fields >> number >> kind >> advisory >> mode >> pid >> device >> start >> end)) continue;
        if (kind != "POSIX" || mode != "WRITE" || pid <= 0) continue;
        const auto colon = device.rfind(':');
        if (colon == std::string::npos || device.substr(colon + 1) != std::to_string(shm.st_ino)) continue;
        const long long first = std::atoll(start.c_str());
        const long long last = end == "EOF" ? LLONG_MAX : std::atoll(end.c_str());
        if (first > 120 || last < 120) continue;
        std::string name;
        std::ifstream comm("/proc/" + std::to_string(pid) + "/comm");
        std::getline(comm, name);
        return (name.empty() ? std::string("?") : name) + " (PID " + std::to_string(pid) + ")";
    }
    return {};
}

int Database::on_busy(void* self, int count) {
    // SQLite's own busy timeout's steps (sqliteDefaultBusyCallback), so that tills contending for the lock
    // get it as soon as before; then 100 ms at a time.
    static constexpr int kDelaysMs[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
    auto& db = *static_cast<Database*>(self);
    const auto now = std::chrono::steady_clock::now();
    if (count == 0) {
        db.busy_since_ = now;
        db.busy_.limit = std::chrono::seconds(busy_timeout_seconds());
        db.busy_.holder.clear();
    }
    db.busy_last_ = now;
    db.busy_.waited = std::chrono::duration_cast<std::chrono::milliseconds>(now - db.busy_since_);
    // Who holds it is looked up once the wait is long enough to be told, not at every brief contention.
    if (db.busy_.holder.empty() && db.busy_.waited >= std::chrono::milliseconds(100))
        db.busy_.holder = db.write_lock_holder();
    if (db.busy_.waited >= db.busy_.limit) return 0;
    if (db.busy_watcher_ && !db.busy_watcher_(db.busy_)) return 0;
    const int step = count < static_cast<int>(std::size(kDelaysMs)) ? kDelaysMs[count] : 100;
    sqlite_api::sqlite3_sleep(step);
    return 1;
}

void Database::set_busy_watcher(BusyWatcher watcher) { busy_watcher_ = std::move(watcher); }

std::string Database::busy_holder() const {
    // Only for the failure that ends a wait: a holder seen in an older wait says nothing about a new one.
    return std::chrono::steady_clock::now() - busy_last_ < std::chrono::seconds(2) ? busy_.holder : std::string();
}

Database::Database(DatabaseUrl url) : url_(std::move(url)) {}

Database::~Database() = default;

std::unique_ptr<Database> Database::open(const DatabaseUrl& url, Mode mode) {
    std::unique_ptr<Database> db(new Database(url));
    if (url.backend == Backend::sqlite) {
        const fs::path path(url.sqlite_path);
        std::error_code ec;
        const bool exists = fs::exists(path, ec);
        if (!exists && mode == Mode::open_existing)
            throw DatabaseError(trf("There is no database file at {1}.", {url.sqlite_path}));
        if (exists && fs::is_directory(path, ec))
            throw DatabaseError(trf("{1} is a folder, not a database file.", {url.sqlite_path}));
        if (!exists && path.has_parent_path()) {
            fs::create_directories(path.parent_path(), ec);
            if (ec)
                throw DatabaseError(trf("Cannot create the folder {1}: {2}",
                                        {path.parent_path().string(), ec.message()}));
        }
        if (exists) {
            std::ifstream probe(path, std::ios::binary);
            if (!probe)
                throw DatabaseError(trf("Cannot read the database file {1}: permission denied.", {url.sqlite_path}));
        }
        make_private(path, exists);
        try {
            db->session_.open(*soci::factory_sqlite3(),
                              "db=\"" + url.sqlite_path + "\" timeout=" + std::to_string(busy_timeout_seconds()));
            // Reading the schema cookie fails at once on a file that is not a database.
            int cookie = 0;
            db->session_ << "PRAGMA schema_version", soci::into(cookie);
        } catch (const soci::soci_error& e) {
            // A full disk or a held lock is not a damaged file.
            raise_if_busy_or_full(e, db->last_os_error(), db->busy_holder());
            throw DatabaseError(trf("The file {1} is not a Salon Station database or is damaged ({2}).",
                                    {url.sqlite_path, e.get_error_message()}));
        }
    } else {
        try {
            db->session_.open(*soci::factory_postgresql(), url.pg_conninfo);
            db->session_ << "SET client_min_messages TO warning";
        } catch (const soci::soci_error& e) {
            throw DatabaseError(trf("Cannot connect to PostgreSQL at {1}: {2}",
                                    {url.display, e.get_error_message()}));
        }
    }

    try {
        const int version = db->schema_version();
        if (version > latest_version())
            throw DatabaseError(trf("The database {1} has schema version {2}, newer than this program knows ({3}). "
                                    "Update Salon Station; the database was not changed.",
                                    {url.display, std::to_string(version), std::to_string(latest_version())}));
        if (url.backend == Backend::sqlite) db->configure_sqlite();
    } catch (const soci::soci_error& e) {
        raise_if_busy_or_full(e, db->last_os_error(), db->busy_holder());
        throw;
    }
    return db;
}

void Database::configure_sqlite() {
    // A new file gets 1 KiB pages (SQLite's default is 4 KiB): the station's rows are small and a sale writes
    // one row to each of some twenty tables and indexes, so every commit writes and syncs a quarter of the
    // bytes (`salon-cli bench sale`). No effect on an existing database.
    session_ << "PRAGMA page_size=1024";
    // WAL lets stations read while one writes; FULL makes every commit survive a power cut.
    std::string mode;
    session_ << "PRAGMA journal_mode=WAL", soci::into(mode);
    session_ << "PRAGMA synchronous=FULL";
    session_ << "PRAGMA foreign_keys=ON";
    // The wait for another's write lock goes through on_busy: it can name who holds the lock and let the
    // station show the wait (set_busy_watcher).
    auto* b = static_cast<soci::sqlite3_session_backend*>(session_.get_backend());
    if (b && b->conn_) sqlite_api::sqlite3_busy_handler(b->conn_, &Database::on_busy, this);
}

bool Database::has_table(const std::string& name) {
    int count = 0;
    if (backend() == Backend::sqlite)
        session_ << "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :n", soci::use(name),
            soci::into(count);
    else
        session_ << "SELECT count(*) FROM information_schema.tables "
                    "WHERE table_schema = current_schema() AND table_name = :n",
            soci::use(name), soci::into(count);
    return count > 0;
}

int Database::schema_version() {
    if (!has_table("schema_migration")) return 0;
    int version = 0;
    soci::indicator ind = soci::i_ok;
    session_ << "SELECT max(version) FROM schema_migration", soci::into(version, ind);
    return ind == soci::i_null ? 0 : version;
}

std::int64_t Database::now() {
    if (clock_) return *clock_;
    if (transaction_ && transaction_clock_) return *transaction_clock_;
    long long seconds = 0;
    if (backend() == Backend::sqlite)
        seconds = std::chrono::duration_cast<std::chrono::seconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
    else
        run("SELECT CAST(floor(extract(epoch FROM now())) AS BIGINT)", soci::into(seconds));
    if (transaction_) transaction_clock_ = seconds;
    return seconds;
}

std::int64_t Database::now_without_asking() {
    if (clock_) return *clock_;
    if (transaction_ && transaction_clock_) return *transaction_clock_;
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::int64_t Database::last_insert_rowid() {
    auto* backend = static_cast<soci::sqlite3_session_backend*>(session_.get_backend());
    return sqlite_api::sqlite3_last_insert_rowid(backend->conn_);
}

const std::string* Database::transaction_memo(const std::string& key) const {
    if (!transaction_) return nullptr;
    const auto found = transaction_memo_.find(key);
    return found == transaction_memo_.end() ? nullptr : &found->second;
}

void Database::set_transaction_memo(const std::string& key, std::string value) {
    if (transaction_) transaction_memo_[key] = std::move(value);
}

void Database::after_commit(const std::string& key, CommitHook hook) {
    if (transaction_) commit_hooks_.insert_or_assign(key, std::move(hook));
}

Statement Database::checkout(const std::string& text) {
    if (!pending_.empty()) send_pending(false);
    if (by_place_.size() > 4096) by_place_.clear();  // texts built at ever new places: never more than a few
    std::pair<const std::string, Cached>*& placed = by_place_[text.data()];
    if (!placed || placed->first != text) {
        auto found = statements_.find(text);
        placed = found == statements_.end() ? nullptr : &*found;
    }
    if (placed && !placed->second.busy) {
        session_.log_query(text);  // a logger (the sale bench's statement count) sees every execution
        placed->second.busy = true;
        return Statement(*this, placed->second.st, &placed->second.busy);
    }
    const auto found = statements_.find(text);
    soci::statement st(session_);
    st.alloc();
    st.prepare(text);  // throws on a wrong text: nothing is cached
    if (found != statements_.end()) return Statement(*this, st, nullptr);  // the cached one is in use
    Cached& cached = statements_.emplace(text, Cached{st, true}).first->second;
    return Statement(*this, cached.st, &cached.busy);
}

namespace {
// Binds `params` to a prepared SQLite statement through SQLite's own interface (see Database::later).
int bind_sqlite(sqlite_api::sqlite3_stmt* stmt, const std::vector<Param>& params) {
    int rc = SQLITE_OK;
    for (std::size_t i = 0; i < params.size() && rc == SQLITE_OK; ++i) {
        const Param& p = params[i];
        const int at = static_cast<int>(i + 1);
        if (p.kind == Param::Kind::null)
            rc = sqlite_api::sqlite3_bind_null(stmt, at);
        else if (p.kind == Param::Kind::integer)
            rc = sqlite_api::sqlite3_bind_int64(stmt, at, p.integer);
        else
            rc = sqlite_api::sqlite3_bind_text(  // not copied (SQLITE_STATIC): `params` outlives the step
                stmt, at, p.text.data(), static_cast<int>(p.text.size()),
                static_cast<sqlite_api::sqlite3_destructor_type>(nullptr));
    }
    return rc;
}
}  // namespace

void Database::later(const std::string& text, std::vector<Param> params) {
    if (backend() == Backend::postgresql && transaction_) {
        session_.log_query(text);  // counted as a statement, as `run` is
        pending_.push_back({text, std::move(params)});
        return;
    }
    if (backend() == Backend::sqlite) {
        read_rows_sqlite(text, params);  // nothing to read: an INSERT, UPDATE or DELETE gives no row
        return;
    }
    Statement st = checkout(text);
    std::vector<soci::indicator> nulls(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
        Param& p = params[i];
        nulls[i] = p.kind == Param::Kind::null ? soci::i_null : soci::i_ok;
        if (p.kind == Param::Kind::text)
            st.st_.exchange(soci::use(p.text, nulls[i]));
        else
            st.st_.exchange(soci::use(p.integer, nulls[i]));
    }
    st.st_.define_and_bind();
    st.execute(true);
}

std::int64_t Database::insert_later(const std::string& table, const std::string& text, std::vector<Param> params) {
    if (backend() == Backend::sqlite) {
        params.insert(params.begin(), Param::null());  // SQLite numbers the row, as a plain insert
        later(text, std::move(params));
        return last_insert_rowid();
    }
    auto& drawn = drawn_ids_[table];
    if (drawn.empty()) {
        // A block of the sequence's next values in one statement; a sequence never gives one twice, whether
        // the transactions using them commit or not.
        long long id = 0;
        Statement st = query("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, " +
                                 std::to_string(kIdsDrawn) + ")",
                             soci::use(table), soci::into(id));
        st.execute();
        while (st.fetch()) drawn.push_back(id);
        std::sort(drawn.rbegin(), drawn.rend());  // the lowest last, taken first
    }
    const std::int64_t id = drawn.back();
    drawn.pop_back();
    params.insert(params.begin(), Param(static_cast<long long>(id)));
    later(text, std::move(params));
    return id;
}

std::vector<std::optional<std::string>> Database::read_later(const std::string& text, std::vector<Param> params) {
    if (backend() != Backend::postgresql || !transaction_)
        throw std::logic_error("Database::read_later: only inside a write transaction on PostgreSQL");
    std::vector<TextRow> rows = read_rows(text, std::move(params));
    return rows.empty() ? TextRow{} : std::move(rows.front());
}

long long row_integer(const TextRow& row, std::size_t column) {
    const auto& value = row.at(column);
    return value ? std::stoll(*value) : 0;
}

std::string row_text(const TextRow& row, std::size_t column) {
    const auto& value = row.at(column);
    return value ? *value : std::string();
}

namespace {
bool same_params(const std::vector<Param>& a, const std::vector<Param>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].kind != b[i].kind || a[i].integer != b[i].integer || a[i].text != b[i].text) return false;
    return true;
}
}  // namespace

std::optional<std::vector<TextRow>> Database::take_fetched(const std::string& text, const std::vector<Param>& params) {
    for (auto it = fetched_.begin(); it != fetched_.end(); ++it)
        if (it->text == text && same_params(it->params, params)) {
            std::vector<TextRow> rows = std::move(it->rows);
            fetched_.erase(it);
            return rows;
        }
    return std::nullopt;
}

void Database::read_ahead(const std::string& text, std::vector<Param> params) {
    if (!reads_ahead()) return;
    pending_.push_back({text, std::move(params), true});
}

std::vector<TextRow> Database::read_rows(const std::string& text, std::vector<Param> params) {
    if (backend() == Backend::sqlite) return read_rows_sqlite(text, params);
    if (auto rows = take_fetched(text, params)) {
        session_.log_query(text);  // counted as a statement where it is used, as `run` is
        return std::move(*rows);
    }
    const bool announced = std::any_of(pending_.begin(), pending_.end(), [&](const Pending& p) {
        return p.read && p.text == text && same_params(p.params, params);
    });
    if (!announced) pending_.push_back({text, params, true});
    session_.log_query(text);
    send_pending(false);
    auto rows = take_fetched(text, params);
    return rows ? std::move(*rows) : std::vector<TextRow>{};
}


// Bound, stepped and read through SQLite's own interface: SOCI's binding (an object allocated per value,
// converted at every execution) cost more than the statement's own work in a sale's inserts (`salon-cli
// bench sale`). SOCI binds the cached statement afresh at its next use of it.
std::vector<TextRow> Database::read_rows_sqlite(const std::string& text, const std::vector<Param>& params) {
    Statement st = checkout(text);
    ++round_trips_;
    auto* b = static_cast<soci::sqlite3_statement_backend*>(st.st_.get_backend());
    sqlite_api::sqlite3_stmt* stmt = b->stmt_;
    sqlite_api::sqlite3_reset(stmt);
    std::vector<TextRow> rows;
    int rc = bind_sqlite(stmt, params);
    if (rc == SQLITE_OK) {
        const int columns = sqlite_api::sqlite3_column_count(stmt);
        while ((rc = sqlite_api::sqlite3_step(stmt)) == SQLITE_ROW) {
            TextRow& row = rows.emplace_back();
            row.reserve(static_cast<std::size_t>(columns));
            for (int c = 0; c < columns; ++c) {
                if (sqlite_api::sqlite3_column_type(stmt, c) == SQLITE_NULL) {
                    row.emplace_back();
                    continue;
                }
                const auto* data = reinterpret_cast<const char*>(sqlite_api::sqlite3_column_text(stmt, c));
                row.emplace_back(std::string(data, static_cast<std::size_t>(sqlite_api::sqlite3_column_bytes(stmt, c))));
            }
        }
    }
    if (rc != SQLITE_DONE) {
        auto* session = static_cast<soci::sqlite3_session_backend*>(session_.get_backend());
        const soci::sqlite3_soci_error e(sqlite_api::sqlite3_errmsg(session->conn_), rc);
        sqlite_api::sqlite3_reset(stmt);
        raise_if_busy_or_full(e, last_os_error(), busy_holder());
        throw e;
    }
    sqlite_api::sqlite3_reset(stmt);
    sqlite_api::sqlite3_clear_bindings(stmt);
    return rows;
}

namespace {
// SOCI's ":name" placeholders as libpq's "$1", "$2" ... in the order they appear (SOCI binds `use` by
// position); a "::" cast is left alone.
std::string numbered_placeholders(const std::string& text) {
    std::string out;
    int n = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool name_follows = i + 1 < text.size() && (std::isalpha(static_cast<unsigned char>(text[i + 1])) ||
                                                          text[i + 1] == '_');
        if (c == ':' && name_follows && (i == 0 || text[i - 1] != ':')) {
            out += '$' + std::to_string(++n);
            ++i;
            while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_')) ++i;
            --i;
        } else {
            out += c;
        }
    }
    return out;
}
}  // namespace

void Database::send_pending(bool commit) {
    ++round_trips_;
    std::vector<Pending> batch;
    batch.swap(pending_);
    auto* backend = static_cast<soci::postgresql_session_backend*>(session_.get_backend());
    PGconn* conn = backend->conn_;
    std::string error, sqlstate;
    auto fail = [&](const std::string& message) {
        if (error.empty()) {
            error = message;
            sqlstate = "08000";  // connection_exception: the link failed, not a statement
        }
    };
    if (!PQenterPipelineMode(conn)) fail(PQerrorMessage(conn));
    // What was sent, in order: whether each command is a statement's preparation (and of which text).
    std::vector<std::string> prepared_here;  // the text prepared by the command before each, or empty
    std::vector<std::vector<const char*>> values(batch.size());
    std::vector<std::vector<std::string>> numbers(batch.size());
    for (std::size_t i = 0; i < batch.size() && error.empty(); ++i) {
        auto [found, added] = pipeline_names_.try_emplace(batch[i].text, "");
        if (added) {
            found->second = "salon_later_" + std::to_string(pipeline_names_.size());
            const std::string sql = numbered_placeholders(batch[i].text);
            if (!PQsendPrepare(conn, found->second.c_str(), sql.c_str(), 0, nullptr)) fail(PQerrorMessage(conn));
            prepared_here.push_back(found->first);
        } else {
            prepared_here.emplace_back();
        }
        const auto& params = batch[i].params;
        numbers[i].reserve(params.size());
        for (const Param& p : params) {
            if (p.kind == Param::Kind::null)
                values[i].push_back(nullptr);
            else if (p.kind == Param::Kind::text)
                values[i].push_back(p.text.c_str());
            else
                values[i].push_back(numbers[i].emplace_back(std::to_string(p.integer)).c_str());
        }
        if (!PQsendQueryPrepared(conn, found->second.c_str(), static_cast<int>(values[i].size()), values[i].data(),
                                 nullptr, nullptr, 0))
            fail(PQerrorMessage(conn));
    }
    if (commit && error.empty() && !PQsendQueryParams(conn, "COMMIT", 0, nullptr, nullptr, nullptr, nullptr, 0))
        fail(PQerrorMessage(conn));
    if (!PQpipelineSync(conn)) fail(PQerrorMessage(conn));
    // Every command's results (each ended by a null), then the sync's. A preparation that failed is
    // forgotten, so that the next use of its text prepares it again.
    auto take = [&](const std::string& preparing, std::vector<TextRow>* rows = nullptr) {
        while (PGresult* r = PQgetResult(conn)) {
            const ExecStatusType status = PQresultStatus(r);
            if (rows && status == PGRES_TUPLES_OK)
                for (int n = 0; n < PQntuples(r); ++n) {
                    TextRow& row = rows->emplace_back();
                    for (int c = 0; c < PQnfields(r); ++c)
                        row.push_back(PQgetisnull(r, n, c) ? std::nullopt
                                                           : std::optional<std::string>(PQgetvalue(r, n, c)));
                }
            if (status == PGRES_FATAL_ERROR || status == PGRES_NONFATAL_ERROR) {
                if (error.empty()) {
                    error = PQresultErrorMessage(r);
                    const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
                    sqlstate = state ? state : "XX000";
                }
                if (!preparing.empty()) pipeline_names_.erase(preparing);
            } else if (status == PGRES_PIPELINE_ABORTED && !preparing.empty()) {
                pipeline_names_.erase(preparing);
            }
            PQclear(r);
        }
    };
    std::vector<Fetched> fetched;
    for (std::size_t i = 0; i < prepared_here.size(); ++i) {
        if (!prepared_here[i].empty()) take(prepared_here[i]);
        if (batch[i].read) {
            fetched.push_back({std::move(batch[i].text), std::move(batch[i].params), {}});
            take({}, &fetched.back().rows);
        } else {
            take({});
        }
    }
    if (commit) take({});
    for (;;) {  // the sync
        PGresult* r = PQgetResult(conn);
        if (!r) break;
        const bool sync = PQresultStatus(r) == PGRES_PIPELINE_SYNC;
        PQclear(r);
        if (sync) break;
    }
    PQexitPipelineMode(conn);
    if (error.empty())
        for (Fetched& f : fetched) fetched_.push_back(std::move(f));
    if (!error.empty()) {
        const soci::postgresql_soci_error e(error, sqlstate.c_str());
        raise_if_busy_or_full(e);
        throw e;
    }
}

void Database::begin_postgresql() {
    ++round_trips_;
    auto* backend = static_cast<soci::postgresql_session_backend*>(session_.get_backend());
    PGresult* r = PQexec(backend->conn_, "BEGIN; SELECT CAST(floor(extract(epoch FROM now())) AS BIGINT)");
    const bool ok = r && PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1;
    std::string error = ok ? "" : (r ? PQresultErrorMessage(r) : PQerrorMessage(backend->conn_));
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    const std::string sqlstate = state ? state : "08000";
    const long long seconds = ok ? std::atoll(PQgetvalue(r, 0, 0)) : 0;
    if (r) PQclear(r);
    if (!ok) throw soci::postgresql_soci_error(error, sqlstate.c_str());
    transaction_clock_ = seconds;
}

void Database::release(soci::statement& st, bool* busy) noexcept {
    try {
        st.bind_clean_up();
        if (backend() == Backend::sqlite)
            if (auto* b = static_cast<soci::sqlite3_statement_backend*>(st.get_backend()); b && b->stmt_)
                sqlite_api::sqlite3_reset(b->stmt_);
        if (busy) *busy = false;
    } catch (...) {
        // A statement that cannot be cleaned stays marked busy: the next use of its text prepares a new one.
    }
}

Statement::Statement(Statement&& other) noexcept : db_(other.db_), st_(other.st_), busy_(other.busy_) {
    other.db_ = nullptr;
}

Statement::~Statement() {
    if (db_) db_->release(st_, busy_);
}

std::string Database::dialect(std::string sql_text) const {
    if (backend() == Backend::sqlite) {
        replace_all(sql_text, "{{id}}", "INTEGER PRIMARY KEY");
        replace_all(sql_text, "{{blob}}", "BLOB");
    } else {
        replace_all(sql_text, "{{id}}", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
        replace_all(sql_text, "{{blob}}", "BYTEA");
    }
    return sql_text;
}

namespace {
std::atomic<std::uint64_t> transactions_begun{0};
}

WriteTransaction::WriteTransaction(Database& db) : db_(db) {
    try {
        db_.pending_.clear();
        db_.transaction_clock_.reset();
        if (db_.backend() == Backend::sqlite)
            db_.sql() << "BEGIN IMMEDIATE";
        else
            db_.begin_postgresql();  // one round trip fewer: the clock is read with the BEGIN
    } catch (const soci::soci_error& e) {
        raise_if_busy_or_full(e, db_.last_os_error(), db_.busy_holder());
        throw;
    }
    db_.transaction_ = ++transactions_begun;
    db_.transaction_memo_.clear();
    db_.fetched_.clear();
    db_.commit_hooks_.clear();
}

WriteTransaction::~WriteTransaction() {
    if (!open_) return;
    db_.transaction_ = 0;
    db_.transaction_memo_.clear();
    db_.commit_hooks_.clear();
    db_.pending_.clear();  // never sent: nothing of them reached the server
    db_.fetched_.clear();
    try {
        db_.session_.rollback();
    } catch (...) {
        // A failed rollback leaves the connection to roll back on close; never throw from here.
    }
}

void WriteTransaction::commit() {
    try {
        if (!db_.pending_.empty()) {
            db_.send_pending(true);  // the kept statements and the COMMIT in one round trip
        } else {
            ++db_.round_trips_;
            db_.session_.commit();
        }
    } catch (const soci::soci_error& e) {
        raise_if_busy_or_full(e, db_.last_os_error(), db_.busy_holder());  // left open: the destructor rolls back
        throw;
    }
    db_.transaction_ = 0;
    open_ = false;
    db_.fetched_.clear();
    const auto memo = std::move(db_.transaction_memo_);
    const auto hooks = std::move(db_.commit_hooks_);
    db_.transaction_memo_.clear();
    db_.commit_hooks_.clear();
    for (const auto& [key, hook] : hooks) {
        try {
            hook(memo);
        } catch (...) {
            // What follows a commit cannot undo it; the hook's own work is only late (see after_commit).
        }
    }
}

}  // namespace salon::db
