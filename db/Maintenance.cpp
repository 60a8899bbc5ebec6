#include "db/Maintenance.hpp"

#include "db/Database.hpp"
#include "db/DatabaseUrl.hpp"
#include "db/Setting.hpp"
#include "db/UserError.hpp"
#include "db/migrations.hpp"

#include <soci/sqlite3/soci-sqlite3.h>
#include <libpq-fe.h>


#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>

extern char** environ;

namespace salon::db {
using namespace sqlite_api;  // SOCI includes sqlite3.h inside this namespace
namespace fs = std::filesystem;

namespace {

sqlite3* raw_handle(Database& db) {
    auto* backend = static_cast<soci::sqlite3_session_backend*>(db.sql().get_backend());
    return backend->conn_;
}

// Copies a whole SQLite database page by page; the source is read in one snapshot.
void sqlite_copy(sqlite3* from, sqlite3* to, const std::string& what) {
    sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
    if (!b) throw DatabaseError(trf("Cannot start the copy of {1}: {2}", {what, sqlite3_errmsg(to)}));
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_backup_step(b, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    const int finish = sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE || finish != SQLITE_OK)
        throw DatabaseError(trf("The copy of {1} failed: {2}", {what, sqlite3_errstr(rc != SQLITE_DONE ? rc : finish)}));
}

// Runs a PostgreSQL client program without a shell; its own messages go to stderr. Its output goes to
// `output` when given.
void run_program(const std::vector<std::string>& args, int output = -1) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (output >= 0) posix_spawn_file_actions_adddup2(&actions, output, STDOUT_FILENO);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        throw DatabaseError(trf("Cannot run {1}: is the PostgreSQL client installed?", {args[0]}));
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw DatabaseError(trf("{1} failed (see its message above).", {args[0]}));
}

// A pragma's result has no declared types: read whatever SQLite gave as text.
std::string cell_text(const soci::row& r, std::size_t i) {
    if (r.get_indicator(i) == soci::i_null) return "?";
    switch (r.get_properties(i).get_data_type()) {
    case soci::dt_string: return r.get<std::string>(i);
    case soci::dt_integer: return std::to_string(r.get<int>(i));
    case soci::dt_long_long: return std::to_string(r.get<long long>(i));
    case soci::dt_unsigned_long_long: return std::to_string(r.get<unsigned long long>(i));
    case soci::dt_double: return std::to_string(r.get<double>(i));
    default: return "?";
    }
}

// A new file for a backup, readable by its owner only from its creation: a backup holds everything the
// database does. O_EXCL: an existing file is never overwritten, even one made a moment ago.
int create_private(const std::string& file) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) return fd;
    if (errno == EEXIST)
        throw ValidationError(tr("Backup file"), trf("{1} already exists; choose a new name", {file}));
    throw ValidationError(tr("Backup file"), trf("cannot be created: {1}", {std::strerror(errno)}));
}

Text backup_file() { return tr("Backup file"); }

// Refuses, before anything else, what cannot be a backup of this backend: nothing to read, an empty
// file, a file of another kind.
void refuse_unless_backup(Backend backend, const std::string& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) throw ValidationError(backup_file(), trf("{1} does not exist", {file}));
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ValidationError(backup_file(), trf("{1} cannot be read", {file}));
    if (fs::file_size(file, ec) == 0)
        throw ValidationError(backup_file(), trf("{1} is empty: it is not a Salon Station backup", {file}));
    char head[16] = {};
    in.read(head, sizeof head);
    const std::string start(head, static_cast<std::size_t>(in.gcount()));
    if (backend == Backend::sqlite && start != std::string("SQLite format 3\0", 16))
        throw ValidationError(backup_file(),
                              trf("{1} is not a Salon Station backup: it is not an SQLite database file", {file}));
    if (backend == Backend::postgresql && start.rfind("PGDMP", 0) != 0)
        throw ValidationError(backup_file(),
                              trf("{1} is not a Salon Station backup: it is not a pg_dump archive", {file}));
}

// The checks every backup passes before the live database is touched, on the backup opened as a
// database of its own.
void accept_candidate(Database& candidate, const std::string& file, const RestoreSteps& steps) {
    if (candidate.schema_version() == 0)
        throw ValidationError(backup_file(),
                              trf("{1} is not a Salon Station backup: it holds no Salon Station schema", {file}));
    for (const auto& p : check(candidate).problems)
        if (p.kind != CheckProblem::Kind::pending_migrations)  // an older backup is migrated after it
            throw ValidationError(backup_file(), trf("{1} is damaged: {2}", {file, p.text.str()}));
    if (steps.accept) steps.accept(candidate);
}

// A database with no table at all: a new SQLite file, an empty PostgreSQL database. A restore into it has
// nothing to keep aside.
bool holds_nothing(Database& db) {
    long long tables = 0;
    if (db.backend() == Backend::sqlite)
        db.sql() << "SELECT count(*) FROM sqlite_master", soci::into(tables);
    else
        db.sql() << "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()", soci::into(tables);
    return tables == 0;
}

std::string keep_aside(Database& live, const std::string& file, const RestoreSteps& steps) {
    if (holds_nothing(live)) return {};
    const std::string where = before_restore_file(live, file);
    if (steps.keep_aside) return steps.keep_aside(live, where);
    backup(live, where);
    return where;
}

// A private byte-for-byte copy of the backup, beside the live database: SQLite checks the copy, so the
// backup itself is only read (opened as a database it would be written to: its journal mode, a
// write-ahead log beside it), and cannot change between the check and the restore.
std::string private_copy(const std::string& file, const fs::path& folder) {
    const int in = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0) throw ValidationError(backup_file(), trf("{1} cannot be read: {2}", {file, std::strerror(errno)}));
    std::string copy = (folder / ".salon-restore-XXXXXX").string();
    const int out = mkstemp(copy.data());
    bool ok = out >= 0;
    char buffer[1 << 16];
    for (ssize_t n = 0; ok && (n = read(in, buffer, sizeof buffer)) != 0;)
        ok = n > 0 && write(out, buffer, static_cast<std::size_t>(n)) == n;
    const int error = errno;
    close(in);
    if (out >= 0) close(out);
    if (!ok) {
        if (out >= 0) unlink(copy.c_str());
        throw DatabaseError(trf("Cannot copy {1} to check it: {2}", {file, std::strerror(error)}));
    }
    return copy;
}

struct RemoveCopy {
    std::string file;
    ~RemoveCopy() {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) unlink((file + suffix).c_str());
    }
};

std::string restore_sqlite(Database& db, const std::string& file, const RestoreSteps& steps) {
    const fs::path live(db.url().sqlite_path);
    const RemoveCopy copy{private_copy(file, live.has_parent_path() ? live.parent_path() : fs::path("."))};
    {
        // A file with an SQLite header that SQLite cannot read is named as damaged, not by the copy's name.
        sqlite3* raw = nullptr;
        const int opened = sqlite3_open_v2(copy.file.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
        const int read = opened == SQLITE_OK ? sqlite3_exec(raw, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr)
                                             : opened;
        const std::string reason = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(opened);
        sqlite3_close(raw);
        if (read != SQLITE_OK) throw ValidationError(backup_file(), trf("{1} is damaged: {2}", {file, reason}));
    }
    DatabaseUrl source_url;
    source_url.backend = Backend::sqlite;
    source_url.sqlite_path = copy.file;
    source_url.display = file;
    std::unique_ptr<Database> source;
    try {
        source = Database::open(source_url, Database::Mode::open_existing);
        accept_candidate(*source, file, steps);
    } catch (const soci::soci_error& e) {  // a page the checks had to read is unreadable
        throw ValidationError(backup_file(), trf("{1} is damaged: {2}", {file, e.get_error_message()}));
    }
    const std::string aside = keep_aside(db, file, steps);
    // A copy into a WAL database cannot change its page size, and stations made before 1 KiB pages have
    // 4 KiB ones: such a restore runs with a rollback journal and goes back to WAL after it.
    int source_page = 0, target_page = 0;
    source->sql() << "PRAGMA page_size", soci::into(source_page);
    db.sql() << "PRAGMA page_size", soci::into(target_page);
    std::string mode;
    if (source_page != target_page) db.sql() << "PRAGMA journal_mode=DELETE", soci::into(mode);
    sqlite_copy(raw_handle(*source), raw_handle(db), db.url().display);
    if (source_page != target_page) db.sql() << "PRAGMA journal_mode=WAL", soci::into(mode);
    return aside;
}

}  // namespace

CheckReport check(Database& db) {
    CheckReport report;
    report.schema_version = db.schema_version();
    report.latest_version = latest_version();
    if (report.schema_version < report.latest_version)
        report.problems.push_back({CheckProblem::Kind::pending_migrations,
                                   trf("schema version {1} is behind this program's {2}: run `salon-cli db migrate`",
                                       {std::to_string(report.schema_version), std::to_string(report.latest_version)})});
    if (db.backend() == Backend::sqlite) {
        soci::rowset<std::string> integrity = (db.sql().prepare << "PRAGMA integrity_check");
        for (const auto& line : integrity)
            if (line != "ok") report.problems.push_back({CheckProblem::Kind::integrity, trf("integrity: {1}", {line})});
        soci::rowset<soci::row> fk = (db.sql().prepare << "PRAGMA foreign_key_check");
        for (const auto& r : fk) {
            const std::string table = cell_text(r, 0), rowid = cell_text(r, 1), parent = cell_text(r, 2);
            report.problems.push_back(
                {CheckProblem::Kind::foreign_key,
                 trf("foreign key: row {1} of {2} refers to a missing row of {3}", {rowid, table, parent})});
        }
    } else {
        soci::rowset<soci::row> invalid =
            (db.sql().prepare << "SELECT conrelid::regclass::text, conname FROM pg_constraint "
                                 "WHERE NOT convalidated AND connamespace = current_schema()::regnamespace");
        for (const auto& r : invalid)
            report.problems.push_back({CheckProblem::Kind::constraint,
                                       trf("constraint {1} of {2} is not validated",
                                           {r.get<std::string>(1), r.get<std::string>(0)})});
    }
    if (const auto mark = incomplete(db)) report.problems.push_back({CheckProblem::Kind::incomplete, incomplete_text(*mark)});
    return report;
}

namespace {
// The mark lives in the station's settings (migration 5); older databases cannot carry one.
constexpr int kSettingsVersion = 5;
const std::string kIncompleteSetting = "incomplete_operation";
}  // namespace

void mark_incomplete(Database& db, const std::string& operation) {
    WriteTransaction tx(db);
    const std::string value = std::to_string(db.now()) + " " + operation;
    put_setting(db, kIncompleteSetting, value);
    tx.commit();
}

void mark_complete(Database& db) {
    WriteTransaction tx(db);
    db.run("DELETE FROM setting WHERE name = :n", soci::use(kIncompleteSetting));
    tx.commit();
}

std::optional<Incomplete> incomplete(Database& db) {
    if (db.schema_version() < kSettingsVersion) return std::nullopt;
    std::string value;
    soci::indicator ind = soci::i_null;
    db.run("SELECT value FROM setting WHERE name = :n", soci::use(kIncompleteSetting), soci::into(value, ind));
    if (ind != soci::i_ok) return std::nullopt;
    Incomplete mark;
    const auto space = value.find(' ');
    try {
        mark.since = std::stoll(value.substr(0, space));
    } catch (const std::exception&) {
        mark.since = 0;
    }
    mark.operation = space == std::string::npos ? std::string() : value.substr(space + 1);
    return mark;
}

Text incomplete_text(const Incomplete& mark) {
    char when[32] = "?";
    const std::time_t t = static_cast<std::time_t>(mark.since);
    std::tm tm{};
    if (gmtime_r(&t, &tm)) std::strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &tm);
    return trf("incomplete: {1} began {2} and did not finish; what it added is partial", {mark.operation, when});
}

void backup(Database& db, const std::string& file) {
    const int fd = create_private(file);
    if (db.backend() == Backend::postgresql) {
        try {
            run_program({"pg_dump", "--format=custom", "--no-owner", "--dbname=" + db.url().pg_conninfo}, fd);
        } catch (...) {
            close(fd);
            fs::remove(file);
            throw;
        }
        fsync(fd);
        close(fd);
        return;
    }
    close(fd);  // SQLite writes into the empty private file, keeping its mode
    sqlite3* target = nullptr;
    if (sqlite3_open_v2(file.c_str(), &target, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        const std::string reason = target ? sqlite3_errmsg(target) : "out of memory";
        sqlite3_close(target);
        fs::remove(file);
        throw ValidationError(tr("Backup file"), trf("cannot be created: {1}", {reason}));
    }
    try {
        sqlite_copy(raw_handle(db), target, file);
    } catch (...) {
        sqlite3_close(target);
        fs::remove(file);
        throw;
    }
    sqlite3_close(target);
}

std::string before_restore_file(Database& db, const std::string& backup_file) {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    std::string stem, extension;
    if (db.backend() == Backend::sqlite) {
        stem = db.url().sqlite_path + ".before-restore-" + stamp;
    } else {
        std::string name;
        db.sql() << "SELECT current_database()", soci::into(name);
        const fs::path folder = fs::path(backup_file).has_parent_path() ? fs::path(backup_file).parent_path() : ".";
        stem = (folder / (name + ".before-restore-" + stamp)).string();
        extension = ".dump";
    }
    std::string file = stem + extension;
    std::error_code ec;
    for (int n = 2; fs::exists(file, ec) || fs::exists(file + ".heads", ec); ++n)
        file = stem + "-" + std::to_string(n) + extension;
    return file;
}

namespace {

// The same server and user, another database: libpq takes the last dbname of a keyword string; a URI
// names it in its path.
std::string with_database(const std::string& conninfo, const std::string& name) {
    const auto scheme = conninfo.find("://");
    if (scheme == std::string::npos || conninfo.rfind("postgres", 0) != 0) return conninfo + " dbname=" + name;
    const auto query = conninfo.find('?', scheme + 3);
    const auto slash = conninfo.find('/', scheme + 3);
    const auto path_start = slash != std::string::npos && slash < query ? slash : query;
    const std::string rest = query == std::string::npos ? std::string() : conninfo.substr(query);
    return conninfo.substr(0, path_start == std::string::npos ? conninfo.size() : path_start) + "/" + name + rest;
}

// The dump goes into a scratch database first and is checked there: a dump that is not a station's, or
// is damaged, never reaches the live database, which pg_restore --clean would empty first.
std::string restore_postgresql(Database& db, const std::string& file, const RestoreSteps& steps) {
    // An identifier cannot be bound: this one is made here of digits, never of input.
    const std::string scratch =
        "salon_restore_" + std::to_string(getpid()) + "_" + std::to_string(std::time(nullptr));
    try {
        db.sql() << "CREATE DATABASE " + scratch;
    } catch (const soci::soci_error& e) {
        throw DatabaseError(
            trf("Cannot create a scratch database to check the backup in: {1}", {e.get_error_message()}));
    }
    struct DropScratch {
        Database& db;
        std::string name;
        ~DropScratch() {
            try {
                db.sql() << "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)";
            } catch (...) {
                // A scratch database left behind holds a copy of a backup only; never throw from here.
            }
        }
    } drop{db, scratch};
    DatabaseUrl scratch_url = db.url();
    scratch_url.pg_conninfo = with_database(db.url().pg_conninfo, scratch);
    scratch_url.display = file;
    try {
        run_program({"pg_restore", "--no-owner", "--exit-on-error", "--single-transaction",
                     "--dbname=" + scratch_url.pg_conninfo, file});
    } catch (const DatabaseError&) {
        throw ValidationError(backup_file(),
                              trf("{1} is damaged: pg_restore cannot read it (see its message above)", {file}));
    }
    {
        auto candidate = Database::open(scratch_url, Database::Mode::open_existing);
        accept_candidate(*candidate, file, steps);
    }
    const std::string aside = keep_aside(db, file, steps);
    run_program({"pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                 "--dbname=" + db.url().pg_conninfo, file});
    return aside;
}

}  // namespace

std::string restore(Database& db, const std::string& file, const RestoreSteps& steps) {
    refuse_unless_backup(db.backend(), file);
    return db.backend() == Backend::postgresql ? restore_postgresql(db, file, steps) : restore_sqlite(db, file, steps);
}

namespace {

// The database a PostgreSQL URL names, as libpq reads it (a keyword string's last dbname, a URI's path).
std::string named_database(const DatabaseUrl& url) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(url.pg_conninfo.c_str(), &error);
    if (!options) {
        const std::string why = error ? error : "";
        if (error) PQfreemem(error);
        throw ValidationError(tr("Database URL"), trf("cannot be read: {1}", {why}));
    }
    std::string name;
    for (const PQconninfoOption* o = options; o->keyword; ++o)
        if (std::strcmp(o->keyword, "dbname") == 0 && o->val) name = o->val;
    PQconninfoFree(options);
    return name;
}

// The same server's maintenance database, where databases are created and dropped.
std::unique_ptr<Database> server_of(const DatabaseUrl& url) {
    DatabaseUrl server = url;
    server.pg_conninfo = with_database(url.pg_conninfo, "postgres");
    return Database::open(server, Database::Mode::open_existing);
}

// An identifier cannot be bound: quoted, its quotes doubled, so any name is one identifier.
std::string quoted_identifier(const std::string& name) {
    std::string quoted = "\"";
    for (const char c : name) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

}  // namespace

bool create_database_if_missing(const DatabaseUrl& url) {
    if (url.backend != Backend::postgresql) return false;
    const std::string name = named_database(url);
    if (name.empty()) return false;  // libpq's default database: the connection itself says whether it exists
    auto server = server_of(url);
    int found = 0;
    server->sql() << "SELECT COUNT(*) FROM pg_database WHERE datname = :n", soci::use(name), soci::into(found);
    if (found) return false;
    try {
        server->sql() << "CREATE DATABASE " + quoted_identifier(name);
    } catch (const soci::soci_error& e) {
        throw DatabaseError(trf("Cannot create the database {1}: {2}", {name, e.get_error_message()}));
    }
    return true;
}

void drop_created_database(const DatabaseUrl& url) {
    if (url.backend != Backend::postgresql) return;
    const std::string name = named_database(url);
    if (name.empty()) return;
    server_of(url)->sql() << "DROP DATABASE IF EXISTS " + quoted_identifier(name) + " WITH (FORCE)";
}

}  // namespace salon::db
