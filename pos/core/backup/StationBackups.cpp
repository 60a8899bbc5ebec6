#include "pos/core/backup/StationBackups.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/audit/JournaledBackup.hpp"
#include "pos/core/backup/BackupCipher.hpp"
#include "pos/core/backup/BackupSettings.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/Permission.hpp"

#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <regex>

namespace salon::pos {
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kDay = 24 * 3600;

const std::regex& backup_name() {
    static const std::regex name(R"(salon-backup-(\d{8})-(\d{6})(-\d+)?\.(db|dump)(\.enc)?)");
    return name;
}

// The file starts as this program's backups do: an SQLite database, a pg_dump archive or our container.
bool looks_like_ours(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    char head[16] = {};
    in.read(head, sizeof head);
    const std::string start(head, static_cast<std::size_t>(in.gcount()));
    return start == std::string("SQLite format 3\0", 16) || start.rfind("PGDMP", 0) == 0 ||
           start.rfind("SALONBAK", 0) == 0;
}

std::optional<std::int64_t> stamp_of(const std::string& name) {
    std::smatch m;
    if (!std::regex_match(name, m, backup_name())) return std::nullopt;
    std::tm tm{};
    const std::string date = m[1], time = m[2];
    tm.tm_year = std::stoi(date.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(date.substr(4, 2)) - 1;
    tm.tm_mday = std::stoi(date.substr(6, 2));
    tm.tm_hour = std::stoi(time.substr(0, 2));
    tm.tm_min = std::stoi(time.substr(2, 2));
    tm.tm_sec = std::stoi(time.substr(4, 2));
    return static_cast<std::int64_t>(timegm(&tm));
}

// A new name in the folder: two backups in one second get -2, -3...
fs::path new_backup_path(const fs::path& folder, db::Database& db, bool encrypted, std::int64_t now) {
    const std::string stem = "salon-backup-" + utc_text(now, "%Y%m%d-%H%M%S");
    const std::string extension =
        std::string(db.backend() == db::Backend::sqlite ? ".db" : ".dump") + (encrypted ? ".enc" : "");
    fs::path file = folder / (stem + extension);
    std::error_code ec;
    for (int n = 2; fs::exists(file, ec) || fs::exists(file.string() + ".heads", ec); ++n)
        file = folder / (stem + "-" + std::to_string(n) + extension);
    return file;
}

const char* reason_name(BackupReason reason) {
    switch (reason) {
    case BackupReason::manual: return "manual";
    case BackupReason::shift_close: return "shift_close";
    case BackupReason::daily: return "daily";
    }
    return "manual";
}

// A private folder for the plain parts of an encrypted backup, removed with what is in it.
struct PrivateFolder {
    fs::path path;
    explicit PrivateFolder(const fs::path& inside) {
        std::string name = (inside / ".salon-backup-XXXXXX").string();
        if (!mkdtemp(name.data()))  // mode 0700
            throw ValidationError(tr("Backup folder"),
                                  trf("cannot write to {1}: {2}", {inside.string(), std::strerror(errno)}));
        path = name;
    }
    ~PrivateFolder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

// What a backup killed half-way left: its private folder, which may hold a plain copy. Only folders older
// than a day are removed: another station sharing the folder may be writing its backup right now.
void remove_abandoned_work(const fs::path& folder, std::int64_t now) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(".salon-backup-", 0) != 0 || !entry.is_directory(ec)) continue;
        struct stat st {};
        if (::stat(entry.path().c_str(), &st) == 0 && now - static_cast<std::int64_t>(st.st_mtime) > kDay)
            fs::remove_all(entry.path(), ec);
    }
}

BackupRun make_backup(db::Database& db, const Actor& actor, BackupReason reason) {
    const BackupSettings settings = backup_settings(db);
    if (settings.folder.empty())
        throw ValidationError(tr("Backup folder"),
                              tr("no folder is chosen for backups: set one in the backup settings first"));
    const fs::path folder(settings.folder);
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw ValidationError(tr("Backup folder"),
                              trf("{1} does not exist or is not a folder", {settings.folder}));
    std::optional<BackupKey> key;
    if (settings.encrypt) {
        key = load_backup_key();
        if (!key)
            throw ValidationError(
                tr("Passphrase"),
                trf("backups are to be encrypted, but this station has no backup key ({1}): set "
                    "the passphrase in the backup settings",
                    {backup_key_path().string()}));
    }
    const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    BackupRun run;
    run.encrypted = settings.encrypt;
    remove_abandoned_work(folder, now);
    {
        // Written in a private folder and linked into place when whole: a backup cut short by a crash or a
        // power cut never appears under a backup's name (nor as the newest one that retention keeps).
        const PrivateFolder work(folder);
        const fs::path plain = work.path / "backup";
        backup_database(db, actor, plain.string());
        run.file = new_backup_path(folder, db, settings.encrypt, now);
        auto link = [&](const fs::path& from, const fs::path& to) {
            std::error_code link_ec;
            fs::create_hard_link(from, to, link_ec);  // never over an existing file
            if (link_ec)
                throw ValidationError(tr("Backup folder"),
                                      trf("cannot write to {1}: {2}", {folder.string(), link_ec.message()}));
        };
        if (key) {
            const fs::path sealed = work.path / "sealed";
            encrypt_backup(*key, {{"backup", plain}, {"heads", plain.string() + ".heads"}}, sealed);
            link(sealed, run.file);
        } else {
            link(plain.string() + ".heads", run.file.string() + ".heads");
            try {
                link(plain, run.file);
            } catch (...) {
                fs::remove(run.file.string() + ".heads", ec);
                throw;
            }
        }
    }
    try {
        db::WriteTransaction tx(db);
        actor.record(
            db, "backup.make", "backup:" + run.file.filename().string(),
            std::string("reason=") + reason_name(reason) + " encrypted=" + (run.encrypted ? "1" : "0"));
        tx.commit();
    } catch (...) {
        // A backup whose making is not journaled is not kept: the journal says what exists.
        fs::remove(run.file, ec);
        fs::remove(run.file.string() + ".heads", ec);
        throw;
    }
    run.deleted = apply_retention(folder, settings.keep_days, now);
    return run;
}

// The failure in the journal; a journal that cannot be written either (the database is the problem) is
// reported by the run's error alone.
void journal_failure(db::Database& db, const Actor& actor, BackupReason reason, const Text& error) {
    try {
        db::WriteTransaction tx(db);
        std::string why = error.str(std::locale::classic());
        if (why.size() > 300) why.resize(300);
        actor.record(db, "backup.failed", "backup",
                     std::string("reason=") + reason_name(reason) + " error=" + why);
        tx.commit();
    } catch (...) {
    }
}

BackupRun backup_reporting(db::Database& db, const Actor& actor, BackupReason reason) {
    try {
        return make_backup(db, actor, reason);
    } catch (const UserError& e) {
        BackupRun run;
        run.error = e.has_field() ? trf("{1}: {2}", {e.field().str(), e.reason().str()}) : e.reason();
        journal_failure(db, actor, reason, *run.error);
        return run;
    } catch (const std::exception& e) {
        BackupRun run;
        run.error = trf("The backup failed: {1}", {e.what()});
        journal_failure(db, actor, reason, *run.error);
        return run;
    }
}

}  // namespace

std::string utc_text(std::int64_t at, const char* format) {
    const std::time_t t = static_cast<std::time_t>(at);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[64];
    std::strftime(text, sizeof text, format, &tm);
    return text;
}

std::vector<BackupFile> list_backups(const fs::path& folder) {
    std::vector<BackupFile> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        const auto made = stamp_of(name);
        if (!made || !entry.is_regular_file(ec) || !looks_like_ours(entry.path())) continue;
        BackupFile f;
        f.file = entry.path();
        f.made_at = *made;
        f.encrypted = name.size() > 4 && name.compare(name.size() - 4, 4, ".enc") == 0;
        f.size = fs::file_size(entry.path(), ec);
        if (!f.encrypted) {
            std::error_code heads_ec;
            const auto heads = fs::file_size(entry.path().string() + ".heads", heads_ec);
            if (!heads_ec) f.size += heads;
        }
        out.push_back(f);
    }
    std::sort(out.begin(), out.end(), [](const BackupFile& a, const BackupFile& b) {
        return a.made_at != b.made_at ? a.made_at > b.made_at : a.file.filename() > b.file.filename();
    });
    return out;
}

std::vector<BackupFile> list_backups(db::Database& db, const Actor& actor) {
    actor.require(db, Permission::administer_database);
    const BackupSettings settings = backup_settings(db);
    if (settings.folder.empty()) return {};
    return list_backups(fs::path(settings.folder));
}

BackupRun back_up_now(db::Database& db, const Actor& actor, BackupReason reason) {
    if (reason == BackupReason::manual) actor.require(db, Permission::administer_database);
    return make_backup(db, actor, reason);
}

std::vector<fs::path> apply_retention(const fs::path& folder, int keep_days, std::int64_t now) {
    const std::vector<BackupFile> ours = list_backups(folder);
    std::vector<fs::path> deleted;
    // ours[0] is the newest: kept whatever its age, so a station that was off for a month keeps its last.
    for (std::size_t i = 1; i < ours.size(); ++i) {
        if (now - ours[i].made_at <= static_cast<std::int64_t>(keep_days) * kDay) continue;
        std::error_code ec;
        if (!fs::remove(ours[i].file, ec) || ec) continue;
        if (!ours[i].encrypted) fs::remove(ours[i].file.string() + ".heads", ec);
        deleted.push_back(ours[i].file);
    }
    return deleted;
}

std::optional<BackupRun> backup_if_due(db::Database& db, const Actor& actor, std::int64_t now) {
    try {
        const BackupSettings settings = backup_settings(db);
        if (settings.folder.empty()) return std::nullopt;
        const auto ours = list_backups(fs::path(settings.folder));
        if (!ours.empty() && now - ours.front().made_at < kDay) return std::nullopt;
    } catch (const std::exception&) {
        // Reading the settings failed: the backup below reports why.
    }
    return backup_reporting(db, actor, BackupReason::daily);
}

std::optional<BackupRun> backup_after_shift_close(db::Database& db, const Actor& actor) {
    bool configured = false;
    try {
        configured = !backup_settings(db).folder.empty();
    } catch (const std::exception&) {
        configured = true;  // let the backup say what is wrong
    }
    if (!configured) return std::nullopt;
    return backup_reporting(db, actor, BackupReason::shift_close);
}

ShiftClosed close_shift_and_back_up(db::Database& db, const Actor& actor, std::int64_t shift_id,
                                    Money counted, const std::optional<SupervisorApproval>& approval) {
    ShiftClosed closed{close_shift(db, actor, shift_id, counted, approval), std::nullopt};
    // The close has committed: nothing below may undo or hide it.
    closed.backup = backup_after_shift_close(db, actor);
    return closed;
}

bool is_encrypted(const fs::path& file) { return is_encrypted_backup(file); }

bool backup_needs_passphrase(const fs::path& file) {
    if (!is_encrypted_backup(file)) return false;
    try {
        const auto key = load_backup_key();
        return !key || !key_opens(*key, file);
    } catch (const UserError&) {
        return true;
    }
}

BackupRestored restore_backup(db::Database& db, const Actor& actor, const fs::path& file,
                              const std::optional<std::string>& passphrase, bool without_heads) {
    actor.require(db, Permission::administer_database);
    BackupRestored restored;
    RestoreOutcome outcome;
    if (!is_encrypted_backup(file)) {
        outcome = restore_database(db, actor, file.string(), without_heads);
    } else {
        restored.encrypted = true;
        std::optional<BackupKey> key;
        if (passphrase) {
            key = derive_backup_key(*passphrase, read_backup_header(file));
        } else {
            key = load_backup_key();
            if (!key || !key_opens(*key, file))
                throw ValidationError(
                    tr("Passphrase"),
                    trf("{1} is encrypted with another passphrase than this station's: give its "
                        "passphrase",
                        {file.string()}));
        }
        // The plain copy lives in a private folder beside the SQLite database (the restore copies it there
        // anyway), or in the temporary folder for PostgreSQL, and is removed whatever happens.
        fs::path near = fs::temp_directory_path();
        if (db.backend() == db::Backend::sqlite) {
            const fs::path live(db.url().sqlite_path);
            near = live.has_parent_path() ? live.parent_path() : fs::path(".");
        }
        const PrivateFolder work(near);
        decrypt_backup(*key, file, work.path);
        const fs::path plain = work.path / "backup";
        std::error_code ec;
        fs::rename(work.path / "heads", plain.string() + ".heads", ec);
        if (ec || !fs::exists(plain, ec))
            throw ValidationError(tr("Backup file"),
                                  trf("{1} is not a Salon Station backup: it lacks its database or its heads",
                                      {file.string()}));
        outcome = restore_database(db, actor, plain.string(), without_heads, file.string());
        if (db.backend() == db::Backend::postgresql && !outcome.kept_aside.empty()) {
            // PostgreSQL's replaced database is kept aside beside the backup, where only encrypted copies
            // are meant to lie: sealed with the same key. Should that fail, the plain copy stays: the
            // restore is done, and losing the old database would be worse.
            const fs::path aside(outcome.kept_aside);
            const fs::path sealed = aside.string() + ".enc";
            try {
                encrypt_backup(*key, {{"backup", aside}, {"heads", aside.string() + ".heads"}}, sealed);
                fs::remove(aside, ec);
                fs::remove(aside.string() + ".heads", ec);
                outcome.kept_aside = sealed.string();
            } catch (const UserError&) {
            }
        }
    }
    restored.kept_aside = outcome.kept_aside;
    restored.entries = outcome.entries;
    restored.chains = outcome.chains;
    restored.heads_checked = outcome.heads_checked;
    restored.schema_version = db.schema_version();
    return restored;
}

}  // namespace salon::pos
