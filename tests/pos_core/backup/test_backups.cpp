// The station's backups: settings only an administrator changes, encryption with a passphrase (round trip,
// a wrong passphrase, a changed byte, a file cut short), retention that deletes only this program's old
// files and never the newest, the backup after a shift close that never blocks it, and a restore into a
// database that does not exist yet.
#include <catch2/catch.hpp>

#include "db/Database.hpp"
#include "pos/core/audit/AuditJournal.hpp"
#include "pos/core/backup/BackupCipher.hpp"
#include "pos/core/backup/BackupSettings.hpp"
#include "pos/core/backup/StationBackups.hpp"
#include "pos/core/organisation/StaffMember.hpp"
#include "pos/core/sale/Shift.hpp"
#include "tests/pos_core/DeskFixture.hpp"

#include <sys/stat.h>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>

using namespace salon;
using namespace salon::pos;
using salon::test::DeskFixture;
using salon::test::refusal;
namespace fs = std::filesystem;
using Catch::Matchers::Contains;

namespace {

Money rub(long long roubles) { return Money::from_kopecks(roubles * 100); }

std::string bytes_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_bytes(const fs::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << bytes;
}

// A desk with a head-office administrator and this test's own backup key file and backup folder.
struct BackupDesk : DeskFixture {
    std::int64_t admin_id = 0;
    fs::path folder, key_file;
    BackupDesk() {
        admin_id = save_staff(
            db(), cli, {"admin", "Админ А.", Role::head_office_admin, 0, 0, std::nullopt, "password1"});
        folder = fs::path(t.folder()) / "backups";
        key_file = fs::path(t.folder()) / "keys" / "backup.key";
        ::setenv("SALON_BACKUP_KEY_FILE", key_file.c_str(), 1);
    }
    ~BackupDesk() { ::unsetenv("SALON_BACKUP_KEY_FILE"); }
    Actor admin() { return as(admin_id); }
    std::vector<BackupFile> backups() { return list_backups(folder); }
};

}  // namespace

TEST_CASE("Backup settings are kept as data and changed only by an administrator, journaled", "[backup]") {
    BackupDesk d;
    CHECK(backup_settings(d.db()).folder.empty());
    CHECK_THAT(refusal([&] { save_backup_settings(d.db(), d.senior(), {.folder = d.folder.string()}); }),
               Contains("permission"));
    CHECK_THAT(refusal([&] { save_backup_settings(d.db(), d.admin(), {.folder = "relative/folder"}); }),
               Contains("absolute"));
    CHECK_THAT(refusal([&] { save_backup_settings(d.db(), d.admin(), {.keep_days = 0}); }),
               Contains("Days to keep"));
    CHECK_THAT(refusal([&] { save_backup_settings(d.db(), d.admin(), {.encrypt = true}); }),
               Contains("Passphrase"));
    CHECK_THAT(
        refusal([&] { save_backup_settings(d.db(), d.admin(), {.encrypt = true, .passphrase = "short"}); }),
        Contains("at least 8"));
    CHECK(backup_settings(d.db()).folder.empty());  // nothing half-saved
    CHECK_FALSE(fs::exists(d.key_file));

    const BackupSettings s = save_backup_settings(
        d.db(), d.admin(),
        {.folder = d.folder.string(), .keep_days = 7, .encrypt = true, .passphrase = "correct horse"});
    CHECK(s.folder == d.folder.string());
    CHECK(s.keep_days == 7);
    CHECK(s.encrypt);
    CHECK(backup_settings(d.db()).keep_days == 7);
    // The folder and the key are the owner's only.
    CHECK((fs::status(d.folder).permissions() & (fs::perms::group_all | fs::perms::others_all)) ==
          fs::perms::none);
    CHECK((fs::status(d.key_file).permissions() & (fs::perms::group_all | fs::perms::others_all)) ==
          fs::perms::none);
    CHECK((fs::status(d.key_file.parent_path()).permissions() &
           (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
    CHECK(d.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'backup.settings'") == 1);
    // The passphrase itself is never in the journal or the settings.
    CHECK(d.count("SELECT COUNT(*) FROM audit_entry WHERE details LIKE '%correct horse%'") == 0);
    CHECK(d.count("SELECT COUNT(*) FROM setting WHERE value LIKE '%correct horse%'") == 0);
}

TEST_CASE("An encrypted container gives back exactly what was put in, with the passphrase only", "[backup]") {
    DeskFixture f;
    const fs::path dir(f.t.folder());
    std::string big(200 * 1024 + 17, '\0');
    for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>(i * 7919 % 251);
    write_bytes(dir / "a", big);
    write_bytes(dir / "b", "heads text");
    const BackupKey key = derive_backup_key("a long passphrase");
    encrypt_backup(key, {{"backup", dir / "a"}, {"heads", dir / "b"}}, dir / "x.enc");
    CHECK(is_encrypted_backup(dir / "x.enc"));
    CHECK(bytes_of(dir / "x.enc").find("heads text") == std::string::npos);

    // Another machine: only the passphrase and the file's header.
    const BackupKey again = derive_backup_key("a long passphrase", read_backup_header(dir / "x.enc"));
    CHECK(key_opens(again, dir / "x.enc"));
    fs::create_directory(dir / "out");
    const auto parts = decrypt_backup(again, dir / "x.enc", dir / "out");
    REQUIRE(parts.size() == 2);
    CHECK(bytes_of(dir / "out" / "backup") == big);
    CHECK(bytes_of(dir / "out" / "heads") == "heads text");

    const BackupKey wrong = derive_backup_key("another passphrase", read_backup_header(dir / "x.enc"));
    CHECK_FALSE(key_opens(wrong, dir / "x.enc"));
    fs::create_directory(dir / "wrong");
    CHECK_THAT(refusal([&] { decrypt_backup(wrong, dir / "x.enc", dir / "wrong"); }),
               Contains("wrong passphrase"));
    CHECK(fs::is_empty(dir / "wrong"));

    // Any byte changed after the magic is refused, in the header and in the chunks; nothing stays behind.
    const std::string sealed = bytes_of(dir / "x.enc");
    for (std::size_t at :
         {std::size_t{30}, std::size_t{60}, std::size_t{100}, sealed.size() / 2, sealed.size() - 1}) {
        std::string changed = sealed;
        changed[at] = static_cast<char>(changed[at] ^ 0x01);
        write_bytes(dir / "changed.enc", changed);
        INFO("byte " << at);
        CHECK_FALSE(refusal([&] {
                        const BackupKey k =
                            derive_backup_key("a long passphrase", read_backup_header(dir / "changed.enc"));
                        decrypt_backup(k, dir / "changed.enc", dir / "wrong");
                    }).empty());
        CHECK(fs::is_empty(dir / "wrong"));
    }
    write_bytes(dir / "cut.enc", sealed.substr(0, sealed.size() - 40));
    CHECK_THAT(refusal([&] { decrypt_backup(again, dir / "cut.enc", dir / "wrong"); }),
               Contains("cut short"));
    write_bytes(dir / "long.enc", sealed + "x");
    CHECK_THAT(refusal([&] { decrypt_backup(again, dir / "long.enc", dir / "wrong"); }), Contains("changed"));
    CHECK(fs::is_empty(dir / "wrong"));
}

TEST_CASE("An encrypted backup restores with its passphrase; a wrong one or a changed byte touches nothing",
          "[backup]") {
    BackupDesk d;
    save_backup_settings(d.db(), d.admin(),
                         {.folder = d.folder.string(), .encrypt = true, .passphrase = "correct horse"});
    const BackupRun run = back_up_now(d.db(), d.admin());
    REQUIRE(run.ok());
    CHECK(run.encrypted);
    CHECK(run.file.extension() == ".enc");
    CHECK_FALSE(fs::exists(run.file.string() + ".heads"));  // the heads are inside
    CHECK((fs::status(run.file).permissions() & (fs::perms::group_all | fs::perms::others_all)) ==
          fs::perms::none);
    // No plain part is left in the folder.
    CHECK(d.backups().size() == 1);
    CHECK(std::distance(fs::directory_iterator(d.folder), fs::directory_iterator()) == 1);

    const long long staff = d.count("SELECT COUNT(*) FROM staff");
    save_staff(d.db(), d.cli,
               {"later", "Позже П.", Role::specialist, d.salon, 0, CareerLevel::specialist, "password1"});
    const long long entries = d.count("SELECT COUNT(*) FROM audit_entry");

    CHECK_THAT(refusal([&] { restore_backup(d.db(), d.admin(), run.file, std::string("wrong horse")); }),
               Contains("wrong passphrase"));
    CHECK(d.count("SELECT COUNT(*) FROM staff") == staff + 1);
    CHECK(d.count("SELECT COUNT(*) FROM audit_entry") == entries);

    std::string sealed = bytes_of(run.file);
    sealed[sealed.size() / 2] = static_cast<char>(sealed[sealed.size() / 2] ^ 0x40);
    const fs::path changed = fs::path(d.t.folder()) / "changed.db.enc";
    write_bytes(changed, sealed);
    CHECK_THAT(refusal([&] { restore_backup(d.db(), d.admin(), changed, std::string("correct horse")); }),
               Contains("changed or damaged"));
    CHECK(d.count("SELECT COUNT(*) FROM staff") == staff + 1);
    CHECK(d.count("SELECT COUNT(*) FROM audit_entry") == entries);
    CHECK_THAT(
        refusal([&] { restore_backup(d.db(), d.specialist(), run.file, std::string("correct horse")); }),
        Contains("permission"));

    const BackupRestored r = restore_backup(d.db(), d.admin(), run.file, std::string("correct horse"));
    CHECK(r.encrypted);
    CHECK(r.heads_checked);
    CHECK(r.entries > 0);
    CHECK_FALSE(r.kept_aside.empty());
    CHECK(d.count("SELECT COUNT(*) FROM staff") == staff);
    CHECK(verify(d.db(), d.key).intact());
    // This station's key opens its own backups without the passphrase.
    CHECK_FALSE(backup_needs_passphrase(run.file));
}

TEST_CASE("A restore creates a database that does not exist yet", "[backup]") {
    BackupDesk d;
    save_backup_settings(d.db(), d.admin(), {.folder = d.folder.string()});
    const BackupRun run = back_up_now(d.db(), d.admin());
    REQUIRE(run.ok());
    CHECK(fs::exists(run.file.string() + ".heads"));
    const long long staff = d.count("SELECT COUNT(*) FROM staff");

    test::TestDatabase empty(false);  // an empty database: a new SQLite file, an empty PostgreSQL database
    const BackupRestored r = restore_backup(empty.db(), d.cli, run.file, std::nullopt);
    CHECK(r.kept_aside.empty());  // nothing to keep aside
    CHECK(r.heads_checked);
    long long restored_staff = 0;
    empty->sql() << "SELECT COUNT(*) FROM staff", soci::into(restored_staff);
    CHECK(restored_staff == staff);
    CHECK(verify(empty.db(), d.key).intact());

    if (test::test_backend() == db::Backend::sqlite) {
        const fs::path path = fs::path(d.t.folder()) / "new" / "fresh.db";
        db::DatabaseUrl url = db::DatabaseUrl::resolve("sqlite:" + path.string());
        auto fresh = db::Database::open(url, db::Database::Mode::create_if_missing);
        restore_backup(*fresh, d.cli, run.file, std::nullopt);
        long long n = 0;
        fresh->sql() << "SELECT COUNT(*) FROM staff", soci::into(n);
        CHECK(n == staff);
    }
}

TEST_CASE("Retention deletes only this program's backups older than the days to keep, never the newest",
          "[backup]") {
    DeskFixture f;
    const fs::path dir = fs::path(f.t.folder()) / "b";
    fs::create_directory(dir);
    const std::string sqlite_head("SQLite format 3\0 rest", 21);
    const std::int64_t now = 1'780'000'000;  // 2026-05-28
    auto name = [](std::int64_t at, const char* ext) {
        const std::time_t t = static_cast<std::time_t>(at);
        std::tm tm{};
        gmtime_r(&t, &tm);
        char text[64];
        std::strftime(text, sizeof text, "salon-backup-%Y%m%d-%H%M%S", &tm);
        return std::string(text) + ext;
    };
    const std::int64_t day = 24 * 3600;
    write_bytes(dir / name(now - 1 * day, ".db"), sqlite_head);
    write_bytes(dir / (name(now - 1 * day, ".db") + ".heads"), "h");
    write_bytes(dir / name(now - 10 * day, ".db"), sqlite_head);
    write_bytes(dir / (name(now - 10 * day, ".db") + ".heads"), "h");
    write_bytes(dir / name(now - 20 * day, ".dump.enc"), "SALONBAK....");
    write_bytes(dir / name(now - 30 * day, ".db"), "not a database at all");  // our name, not our content
    write_bytes(dir / "salon-backup-old.db", sqlite_head);                    // not our name
    write_bytes(dir / "notes.txt", "keep me");

    CHECK(list_backups(dir).size() == 3);
    const auto deleted = apply_retention(dir, 7, now);
    CHECK(deleted.size() == 2);
    CHECK(fs::exists(dir / name(now - 1 * day, ".db")));
    CHECK_FALSE(fs::exists(dir / name(now - 10 * day, ".db")));
    CHECK_FALSE(fs::exists(dir / (name(now - 10 * day, ".db") + ".heads")));
    CHECK_FALSE(fs::exists(dir / name(now - 20 * day, ".dump.enc")));
    CHECK(fs::exists(dir / name(now - 30 * day, ".db")));
    CHECK(fs::exists(dir / "salon-backup-old.db"));
    CHECK(fs::exists(dir / "notes.txt"));

    // A station off for a year keeps its last backup, however old.
    CHECK(apply_retention(dir, 1, now + 365 * day).empty());
    CHECK(fs::exists(dir / name(now - 1 * day, ".db")));
}

TEST_CASE("A shift's close is followed by a backup; a failing one never blocks or undoes the close",
          "[backup]") {
    BackupDesk d;
    const Actor spec = d.specialist();
    // No folder chosen: no backup, no failure.
    Shift s = open_shift(d.db(), spec, "till-1", rub(1000));
    ShiftClosed closed = close_shift_and_back_up(d.db(), spec, s.id, rub(1000));
    CHECK_FALSE(closed.z.shift.is_open());
    CHECK_FALSE(closed.backup.has_value());

    save_backup_settings(d.db(), d.admin(), {.folder = d.folder.string()});
    s = open_shift(d.db(), spec, "till-1", rub(1000));
    closed = close_shift_and_back_up(d.db(), spec, s.id, rub(1000));
    CHECK_FALSE(closed.z.shift.is_open());
    REQUIRE(closed.backup.has_value());
    CHECK(closed.backup->ok());
    CHECK(fs::exists(closed.backup->file));
    CHECK(d.backups().size() == 1);
    CHECK(d.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'backup.make' AND details LIKE "
                  "'reason=shift_close%'") == 1);

    // The folder is gone (a file in its place): the close stands, the failure is reported and journaled.
    fs::rename(d.folder, d.folder.string() + ".away");
    write_bytes(d.folder, "a file where the folder was");
    s = open_shift(d.db(), spec, "till-1", rub(1000));
    closed = close_shift_and_back_up(d.db(), spec, s.id, rub(1000));
    CHECK_FALSE(closed.z.shift.is_open());
    CHECK_FALSE(get_shift(d.db(), spec, s.id).is_open());
    REQUIRE(closed.backup.has_value());
    REQUIRE_FALSE(closed.backup->ok());
    CHECK_THAT(closed.backup->error->str(), Contains("Backup folder"));
    CHECK(d.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'backup.failed'") == 1);
    CHECK(verify(d.db(), d.key).intact());

    // Encryption on but no key on this station: refused as a failure, the close still stands.
    fs::remove(d.folder);
    fs::rename(d.folder.string() + ".away", d.folder);
    save_backup_settings(d.db(), d.admin(), {.encrypt = true, .passphrase = "correct horse"});
    fs::remove(d.key_file);
    s = open_shift(d.db(), spec, "till-1", rub(1000));
    closed = close_shift_and_back_up(d.db(), spec, s.id, rub(1000));
    CHECK_FALSE(closed.z.shift.is_open());
    REQUIRE(closed.backup.has_value());
    CHECK_THAT(closed.backup->error->str(), Contains("no backup key"));
    CHECK(d.backups().size() == 1);
}

TEST_CASE("A daily backup is made when the newest is older than a day, and only then", "[backup]") {
    BackupDesk d;
    const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    CHECK_FALSE(backup_if_due(d.db(), d.cli, now).has_value());  // no folder: nothing due
    save_backup_settings(d.db(), d.admin(), {.folder = d.folder.string()});
    const auto first = backup_if_due(d.db(), d.cli, now);
    REQUIRE(first.has_value());
    CHECK(first->ok());
    CHECK_FALSE(backup_if_due(d.db(), d.cli, now + 3600).has_value());
    CHECK(d.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'backup.make' AND details LIKE "
                  "'reason=daily%'") == 1);
    // What a backup killed half-way left (its private folder) is removed once older than a day; a fresh
    // one may be another station's backup in progress.
    fs::create_directory(d.folder / ".salon-backup-old");
    write_bytes(d.folder / ".salon-backup-old" / "backup", "plain part");
    fs::last_write_time(d.folder / ".salon-backup-old",
                        fs::file_time_type::clock::now() - std::chrono::hours(30));
    fs::create_directory(d.folder / ".salon-backup-new");
    // A day later the newest is too old: another one.
    const auto next = backup_if_due(d.db(), d.cli, now + 25 * 3600);
    REQUIRE(next.has_value());
    CHECK(next->ok());
    CHECK_FALSE(fs::exists(d.folder / ".salon-backup-old"));
    CHECK(fs::exists(d.folder / ".salon-backup-new"));
}
