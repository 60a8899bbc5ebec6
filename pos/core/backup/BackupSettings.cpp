#include "pos/core/backup/BackupSettings.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/backup/BackupCipher.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/organisation/StationSetting.hpp"

#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace salon::pos {
namespace fs = std::filesystem;

namespace {

// The folder as it will be used: absolute, existing (made private when made here) and writable.
std::string checked_folder(const std::string& given) {
    const Text field = tr("Backup folder");
    if (given.empty()) return given;  // no folder: automatic backups stop
    const fs::path folder(given);
    if (!folder.is_absolute()) throw ValidationError(field, trf("{1} is not an absolute path", {given}));
    std::error_code ec;
    if (fs::create_directories(folder, ec)) fs::permissions(folder, fs::perms::owner_all, ec);
    if (ec) throw ValidationError(field, trf("{1} cannot be created: {2}", {given, ec.message()}));
    if (!fs::is_directory(folder, ec)) throw ValidationError(field, trf("{1} is not a folder", {given}));
    if (::access(folder.c_str(), W_OK | X_OK) != 0)
        throw ValidationError(field, trf("cannot write to {1}: {2}", {given, std::strerror(errno)}));
    return folder.lexically_normal().string();
}

}  // namespace

BackupSettings backup_settings(db::Database& db) {
    BackupSettings s;
    s.folder = setting_text(db, kBackupFolder);
    s.keep_days = static_cast<int>(setting_number(db, kBackupKeepDays, kDefaultBackupKeepDays));
    if (s.keep_days < 1 || s.keep_days > kMaxBackupKeepDays) s.keep_days = kDefaultBackupKeepDays;
    s.encrypt = setting_number(db, kBackupEncrypt, 0) != 0;
    return s;
}

BackupSettings save_backup_settings(db::Database& db, const Actor& actor,
                                    const BackupSettingsChange& change) {
    actor.require(db, Permission::administer_database);
    BackupSettings next = backup_settings(db);
    const BackupSettings before = next;
    if (change.folder) next.folder = checked_folder(*change.folder);
    if (change.keep_days) {
        if (*change.keep_days < 1 || *change.keep_days > kMaxBackupKeepDays)
            throw ValidationError(tr("Days to keep"),
                                  trf("must be from 1 to {1}", {std::to_string(kMaxBackupKeepDays)}));
        next.keep_days = *change.keep_days;
    }
    if (change.encrypt) next.encrypt = *change.encrypt;
    // The passphrase's key is derived (and checked) before anything is saved; the key file is written last
    // before the transaction, so a refused change leaves the station's key as it was.
    std::optional<BackupKey> key;
    if (change.passphrase) key = derive_backup_key(*change.passphrase);
    if (next.encrypt && !key && !load_backup_key())
        throw ValidationError(
            tr("Passphrase"),
            tr("encrypted backups need a passphrase: give it now (it is kept on this station as a "
               "key, never in the database)"));
    if (key) save_backup_key(*key);
    db::WriteTransaction tx(db);
    put_setting(db, kBackupFolder, next.folder);
    put_setting(db, kBackupKeepDays, std::to_string(next.keep_days));
    put_setting(db, kBackupEncrypt, next.encrypt ? "1" : "0");
    actor.record(db, "backup.settings", "setting:backup",
                 changed_fields({{"folder", next.folder != before.folder},
                                 {"keep_days", next.keep_days != before.keep_days},
                                 {"encrypt", next.encrypt != before.encrypt},
                                 {"passphrase", key.has_value()}}) +
                     " keep_days=" + std::to_string(next.keep_days) +
                     " encrypt=" + (next.encrypt ? "1" : "0"));
    tx.commit();
    return next;
}

}  // namespace salon::pos
