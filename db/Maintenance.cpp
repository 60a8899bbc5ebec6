#include "db/Maintenance.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "db/migrations.hpp"

#include <soci/sqlite3/soci-sqlite3.h>


#include <filesystem>
#include <spawn.h>
#include <sys/wait.h>

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

// Runs a PostgreSQL client program without a shell; its own messages go to stderr.
void run_program(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
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

void refuse_existing(const std::string& file) {
    std::error_code ec;
    if (fs::exists(file, ec))
        throw ValidationError(tr("Backup file"), trf("{1} already exists; choose a new name", {file}));
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
    return report;
}

void backup(Database& db, const std::string& file) {
    refuse_existing(file);
    if (db.backend() == Backend::postgresql) {
        run_program({"pg_dump", "--format=custom", "--no-owner", "--file=" + file, "--dbname=" + db.url().pg_conninfo});
        return;
    }
    sqlite3* target = nullptr;
    if (sqlite3_open_v2(file.c_str(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        const std::string reason = target ? sqlite3_errmsg(target) : "out of memory";
        sqlite3_close(target);
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

void restore(Database& db, const std::string& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) throw ValidationError(tr("Backup file"), trf("{1} does not exist", {file}));
    if (db.backend() == Backend::postgresql) {
        run_program({"pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                     "--dbname=" + db.url().pg_conninfo, file});
        return;
    }
    // Open the backup as a database of its own first: a damaged or newer file never reaches the live one.
    DatabaseUrl source_url;
    source_url.backend = Backend::sqlite;
    source_url.sqlite_path = file;
    source_url.display = file;
    auto source = Database::open(source_url, Database::Mode::open_existing);
    const auto source_check = check(*source);
    for (const auto& p : source_check.problems)
        if (p.kind == CheckProblem::Kind::integrity || p.kind == CheckProblem::Kind::foreign_key)
            throw ValidationError(tr("Backup file"), trf("is damaged: {1}", {p.text.str()}));
    // A copy into a WAL database cannot change its page size, and stations made before 1 KiB pages have
    // 4 KiB ones: such a restore runs with a rollback journal and goes back to WAL after it.
    int source_page = 0, target_page = 0;
    source->sql() << "PRAGMA page_size", soci::into(source_page);
    db.sql() << "PRAGMA page_size", soci::into(target_page);
    std::string mode;
    if (source_page != target_page) db.sql() << "PRAGMA journal_mode=DELETE", soci::into(mode);
    sqlite_copy(raw_handle(*source), raw_handle(db), db.url().display);
    if (source_page != target_page) db.sql() << "PRAGMA journal_mode=WAL", soci::into(mode);
}

}  // namespace salon::db
