// The station's own backups in the folder an administrator chose (BackupSettings): made on demand, after
// every shift close and once a day, named by their time, encrypted when the settings say so, and deleted
// after the days to keep (only this program's files, never the newest). And the restore of any backup,
// plain or encrypted, into this database or a new one.
#pragma once

#include "db/Text.hpp"
#include "pos/core/common/Money.hpp"
#include "pos/core/organisation/SupervisorApproval.hpp"
#include "pos/core/sale/Shift.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

// A backup made by this program: salon-backup-YYYYMMDD-HHMMSS[-N].db|.dump[.enc] (UTC time), with its
// FILE.heads beside a plain one (an encrypted one holds its heads inside).
struct BackupFile {
    std::filesystem::path file;
    std::int64_t made_at = 0;  // Unix seconds, from the name
    std::uintmax_t size = 0;   // bytes, with the heads file
    bool encrypted = false;
};

// A backup's time as text in UTC, by strftime's `format` (its name's "%Y%m%d-%H%M%S", a list's ISO 8601).
std::string utc_text(std::int64_t at, const char* format);

// This program's backups in `folder`, newest first. Other files are not listed (nor ever deleted).
std::vector<BackupFile> list_backups(const std::filesystem::path& folder);
// The same for the settings' folder; needs administer_database. Empty when no folder is chosen.
std::vector<BackupFile> list_backups(db::Database& db, const Actor& actor);

enum class BackupReason { manual, shift_close, daily };

struct BackupRun {
    std::filesystem::path file;  // the backup written (empty when it failed)
    bool encrypted = false;
    std::vector<std::filesystem::path> deleted;  // old backups removed after it (retention)
    std::optional<Text> error;                   // why it failed (automatic backups report, never throw)
    bool ok() const { return !error.has_value(); }
};

// A backup to the settings' folder now, then the retention. Manual ones need administer_database.
// Refuses (ValidationError) when no folder is chosen, when the folder cannot be written, when encryption
// is on and this station has no backup key; nothing is left behind then. Journaled ("backup.make").
BackupRun back_up_now(db::Database& db, const Actor& actor, BackupReason reason = BackupReason::manual);

// Deletes this program's backups in `folder` made more than `keep_days` days before `now`, never the
// newest one and never another file. Returns what it deleted.
std::vector<std::filesystem::path> apply_retention(const std::filesystem::path& folder, int keep_days,
                                                   std::int64_t now);

// What the station's timer and `salon-cli db backup-due` run: a backup when a folder is chosen and the
// newest backup in it is older than a day (or there is none). Empty when nothing was due. A failure is
// returned and journaled ("backup.failed"), never thrown.
std::optional<BackupRun> backup_if_due(db::Database& db, const Actor& actor, std::int64_t now);

// The backup a shift's close is followed by, once its transaction has committed (and the fiscal
// registrar's Z report, when the caller has one): empty when no backup folder is chosen. Never throws: a
// failure is in `error` and journaled.
std::optional<BackupRun> backup_after_shift_close(db::Database& db, const Actor& actor);

struct ShiftClosed {
    ShiftReport z;
    std::optional<BackupRun> backup;  // empty when no backup folder is chosen
};

// close_shift, and once its transaction has committed, a backup (BackupReason::shift_close). A failing
// backup never undoes or blocks the close: it is returned in `backup->error` and journaled.
ShiftClosed close_shift_and_back_up(db::Database& db, const Actor& actor, std::int64_t shift_id,
                                    Money counted,
                                    const std::optional<SupervisorApproval>& approval = std::nullopt);

// Whether restoring `file` needs the passphrase: it is encrypted and this station's backup key does not
// open it (another station's backup, or the passphrase was changed since).
bool backup_needs_passphrase(const std::filesystem::path& file);
bool is_encrypted(const std::filesystem::path& file);

struct BackupRestored {
    std::string kept_aside;  // empty when the database held nothing
    bool encrypted = false;
    std::int64_t entries = 0, chains = 0;
    bool heads_checked = false;
    int schema_version = 0;
};

// Restores a backup made by `db backup` or by the station (plain or encrypted) after proving it (see
// restore_database): an encrypted one is opened with `passphrase` or, without one, this station's key, into
// a private folder, every chunk authenticated before anything is replaced. Needs administer_database.
// A wrong passphrase or a changed file is refused (ValidationError) with the database untouched.
BackupRestored restore_backup(db::Database& db, const Actor& actor, const std::filesystem::path& file,
                              const std::optional<std::string>& passphrase, bool without_heads = false);

}  // namespace salon::pos
