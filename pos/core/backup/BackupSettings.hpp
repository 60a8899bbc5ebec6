// Where the station's automatic backups go, how long they are kept and whether they are encrypted: rows of
// table `setting`, chosen by an administrator (administer_database), each change journaled.
#pragma once

#include <optional>
#include <string>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

constexpr const char* kBackupFolder = "backup_folder";
constexpr const char* kBackupKeepDays = "backup_keep_days";
constexpr const char* kBackupEncrypt = "backup_encrypt";
constexpr int kDefaultBackupKeepDays = 30;
constexpr int kMaxBackupKeepDays = 3650;

struct BackupSettings {
    std::string folder;  // absolute; empty: no folder chosen, so no automatic backups
    int keep_days = kDefaultBackupKeepDays;
    bool encrypt = false;
};

// What an administrator changes; an empty member is left as it is.
struct BackupSettingsChange {
    std::optional<std::string> folder;
    std::optional<int> keep_days;
    std::optional<bool> encrypt;
    // A new passphrase: its key (with a fresh salt) replaces this station's backup key file, so automatic
    // backups are encrypted without asking for it. Never stored in the database, never journaled.
    std::optional<std::string> passphrase;
};

BackupSettings backup_settings(db::Database& db);

// Needs administer_database. Refuses, naming the field and saving nothing: a folder that is not an
// absolute path or cannot be created or written to (a missing folder is created, private to its owner),
// days outside 1..3650, encryption without a passphrase on this station, a passphrase shorter than
// 8 bytes. One transaction with its audit entry ("backup.settings"; a new passphrase is named, never shown).
BackupSettings save_backup_settings(db::Database& db, const Actor& actor, const BackupSettingsChange& change);

}  // namespace salon::pos
