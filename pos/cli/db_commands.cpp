// salon-cli db migrate | status | check | backup FILE | restore FILE | backup-settings | backups | backup-due
#include "db/Maintenance.hpp"
#include "db/UserError.hpp"
#include "db/migrations.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/audit/JournaledBackup.hpp"
#include "pos/core/backup/BackupCipher.hpp"
#include "pos/core/backup/BackupSettings.hpp"
#include "pos/core/backup/StationBackups.hpp"

#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace salon::cli {

namespace {

// The first line of a passphrase file (a trailing newline is not part of the passphrase).
std::string read_passphrase_file(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    std::string line;
    if (!in || !std::getline(in, line))
        throw ValidationError(tr("Passphrase file"), trf("{1} cannot be read", {file}));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

nlohmann::json run_json(const pos::BackupRun& run) {
    nlohmann::json deleted = nlohmann::json::array();
    for (const auto& f : run.deleted) deleted.push_back(f.string());
    nlohmann::json out = {{"ok", run.ok()}, {"file", run.file.string()}, {"encrypted", run.encrypted}, {"deleted", deleted}};
    if (run.error) out["error"] = run.error->str();
    return out;
}

void print_run(const pos::BackupRun& run) {
    if (!run.ok()) {
        std::cout << trf("The backup failed: {1}", {run.error->str()}).str() << '\n';
        return;
    }
    std::cout << (run.encrypted ? trf("Encrypted backup written to {1}.", {run.file.string()})
                                : trf("Backup written to {1}.", {run.file.string()}))
                     .str()
              << '\n';
    for (const auto& f : run.deleted)
        std::cout << trf("Deleted {1}: older than the days to keep.", {f.string()}).str() << '\n';
}

void print_settings(const CliContext& ctx, const pos::BackupSettings& s) {
    const bool key_here = pos::load_backup_key().has_value();
    if (ctx.json) {
        print_json({{"ok", true},
                    {"folder", s.folder},
                    {"keep_days", s.keep_days},
                    {"encrypt", s.encrypt},
                    {"key_file", pos::backup_key_path().string()},
                    {"key_on_this_station", key_here}});
        return;
    }
    std::cout << trf("Backup folder: {1}", {s.folder.empty() ? tr("none chosen: no automatic backups").str() : s.folder})
                     .str()
              << '\n'
              << trf("Days to keep: {1}", {std::to_string(s.keep_days)}).str() << '\n'
              << trf("Encrypted: {1}", {(s.encrypt ? tr("yes") : tr("no")).str()}).str() << '\n'
              << trf("This station's backup key: {1}", {key_here ? pos::backup_key_path().string() : tr("none").str()}).str()
              << '\n';
}

}  // namespace

void add_db_commands(CLI::App& app, CliContext& ctx) {
    auto* db_cmd = app.add_subcommand("db", tr("Create, upgrade, check, back up and restore the database").str());
    db_cmd->require_subcommand(1);

    db_cmd->add_subcommand("migrate", tr("Create the database if needed and apply pending migrations").str())
        ->callback([&ctx] {
            auto db = db::Database::open(db::DatabaseUrl::resolve(ctx.db_url), db::Database::Mode::create_if_missing);
            const auto applied = db::migrate(*db);
            const int version = db->schema_version();
            if (ctx.json) {
                print_json({{"ok", true}, {"applied", applied}, {"schema_version", version}});
                return;
            }
            std::cout << trf("Database {1}: schema version {2}; migrations applied now: {3}.",
                             {db->url().display, std::to_string(version), std::to_string(applied.size())})
                             .str()
                      << '\n';
        });

    db_cmd->add_subcommand("status", tr("Show the backend, the schema version and pending migrations").str())
        ->callback([&ctx] {
            auto db = ctx.open_as_is();
            const auto status = db::migration_status(*db);
            if (ctx.json) {
                nlohmann::json pending = nlohmann::json::array();
                for (const auto& m : status.pending) pending.push_back({{"version", m.version}, {"name", m.name}});
                print_json({{"ok", true},
                            {"backend", std::string(db::backend_name(db->backend()))},
                            {"database", db->url().display},
                            {"schema_version", status.current},
                            {"latest_version", status.latest},
                            {"pending", pending}});
                return;
            }
            std::cout << trf("Backend: {1}", {std::string(db::backend_name(db->backend()))}).str() << '\n'
                      << trf("Database: {1}", {db->url().display}).str() << '\n'
                      << trf("Schema version: {1} of {2}", {std::to_string(status.current), std::to_string(status.latest)})
                             .str()
                      << '\n';
            for (const auto& m : status.pending)
                std::cout << trf("Pending: {1} {2}", {std::to_string(m.version), m.name}).str() << '\n';
        });

    db_cmd->add_subcommand("check", tr("Run integrity and foreign-key checks").str())->callback([&ctx] {
        auto db = ctx.open_as_is();
        const auto report = db::check(*db);
        if (ctx.json) {
            nlohmann::json problems = nlohmann::json::array();
            for (const auto& p : report.problems) problems.push_back(p.text.str());
            if (report.ok())
                print_json({{"ok", true}, {"schema_version", report.schema_version}, {"problems", problems}});
            else
                ctx.failure = {{"schema_version", report.schema_version}, {"problems", problems}};
        } else if (report.ok()) {
            std::cout << tr("The database is healthy.").str() << '\n';
        } else {
            for (const auto& p : report.problems) std::cout << p.text.str() << '\n';
        }
        if (!report.ok())
            throw RefusedError(trn("The check found {1} problem.", "The check found {1} problems.",
                                   static_cast<long long>(report.problems.size())));
    });

    auto* backup_cmd = db_cmd->add_subcommand("backup", tr("Write a consistent copy while stations keep working").str());
    auto backup_file = std::make_shared<std::string>();
    backup_cmd->add_option("FILE", *backup_file, tr("The new backup file").str())->required();
    backup_cmd->callback([&ctx, backup_file] {
        auto db = ctx.open_as_is();
        // Maintenance may run without --as (the operating-system user is journaled); a given --as is the person.
        pos::backup_database(*db, ctx.as_login.empty() ? ctx.maintenance() : ctx.person(*db), *backup_file);
        if (ctx.json)
            print_json({{"ok", true}, {"file", *backup_file}, {"heads", *backup_file + ".heads"}});
        else
            std::cout << trf("Backup written to {1}, the journal's heads to {2}.", {*backup_file, *backup_file + ".heads"}).str()
                      << '\n';
    });

    auto* restore_cmd = db_cmd->add_subcommand("restore", tr("Replace the database's content with a backup").str());
    auto restore_file = std::make_shared<std::string>();
    restore_cmd->add_option("FILE", *restore_file, tr("A backup made by `db backup` or by the station").str())->required();
    auto without_heads = std::make_shared<bool>(false);
    restore_cmd->add_flag("--without-heads", *without_heads,
                          tr("Restore a backup that has no FILE.heads (made before backups carried the journal's "
                             "heads): its journal is still verified, but a cut tail cannot be seen")
                              .str());
    auto restore_passphrase = std::make_shared<std::string>();
    restore_cmd->add_option("--passphrase-file", *restore_passphrase,
                            tr("An encrypted backup's passphrase, the file's first line (else "
                               "SALON_BACKUP_PASSPHRASE, else this station's backup key, else asked)")
                                .str());
    restore_cmd->callback([&ctx, restore_file, without_heads, restore_passphrase] {
        // A database that does not exist yet is created by the restore: a new SQLite file (removed again
        // when the backup is refused), or an empty PostgreSQL database.
        const db::DatabaseUrl url = db::DatabaseUrl::resolve(ctx.db_url);
        std::error_code ec;
        const bool new_file = url.backend == db::Backend::sqlite && !std::filesystem::exists(url.sqlite_path, ec);
        const bool new_database = db::create_database_if_missing(url);
        auto db = db::Database::open(url, new_file ? db::Database::Mode::create_if_missing : db::Database::Mode::open_existing);
        std::optional<std::string> passphrase;
        if (!restore_passphrase->empty())
            passphrase = read_passphrase_file(*restore_passphrase);
        else if (const char* env = std::getenv("SALON_BACKUP_PASSPHRASE"); env && *env)
            passphrase = env;
        else if (pos::backup_needs_passphrase(*restore_file))
            passphrase = read_password("SALON_BACKUP_PASSPHRASE", trf("Passphrase of {1}: ", {*restore_file}).str());
        pos::BackupRestored outcome;
        try {
            // Never a new key here: it would make the backup's whole journal look forged.
            const pos::Actor actor = pos::Actor::command_line(pos::AuditKey::load());
            outcome = pos::restore_backup(*db, actor, *restore_file, passphrase, *without_heads);
        } catch (...) {
            if (new_file) {
                db.reset();
                for (const char* suffix : {"", "-wal", "-shm", "-journal"})
                    std::filesystem::remove(url.sqlite_path + suffix, ec);
            }
            if (new_database) {
                db.reset();
                try {
                    db::drop_created_database(url);
                } catch (...) {
                    // The refusal is what the person must see; an empty database left behind holds nothing.
                }
            }
            throw;
        }
        if (ctx.json) {
            print_json({{"ok", true},
                        {"file", *restore_file},
                        {"kept_aside", outcome.kept_aside.empty() ? nlohmann::json(nullptr) : nlohmann::json(outcome.kept_aside)},
                        {"encrypted", outcome.encrypted},
                        {"entries", outcome.entries},
                        {"chains", outcome.chains},
                        {"heads_checked", outcome.heads_checked},
                        {"schema_version", outcome.schema_version}});
            return;
        }
        if (outcome.kept_aside.empty())
            std::cout << trf("Restored from {1} into a new database.", {*restore_file}).str() << '\n';
        else
            std::cout << trf("Restored from {1}. The database it replaced is kept at {2}.",
                             {*restore_file, outcome.kept_aside})
                             .str()
                      << '\n';
        std::cout << trf("Verified before the restore: integrity and foreign keys; the audit journal, {1} entries in "
                         "{2} chains{3}.",
                         {std::to_string(outcome.entries), std::to_string(outcome.chains),
                          outcome.heads_checked ? tr(", up to the heads the backup carries").str() : std::string()})
                         .str()
                  << '\n';
    });

    auto* settings_cmd = db_cmd->add_subcommand(
        "backup-settings", tr("Show or change where automatic backups go, how long they are kept, encryption").str());
    auto folder = std::make_shared<std::string>();
    auto keep_days = std::make_shared<int>(0);
    auto encrypt = std::make_shared<bool>(false);
    auto no_encrypt = std::make_shared<bool>(false);
    auto passphrase_file = std::make_shared<std::string>();
    auto* folder_opt = settings_cmd->add_option("--folder", *folder, tr("The folder backups are written to (absolute)").str());
    auto* days_opt = settings_cmd->add_option("--keep-days", *keep_days, tr("Delete backups older than this many days (1..3650)").str());
    settings_cmd->add_flag("--encrypt", *encrypt,
                           tr("Encrypt backups with a passphrase (from --passphrase-file or SALON_BACKUP_PASSPHRASE)").str());
    settings_cmd->add_flag("--no-encrypt", *no_encrypt, tr("Write backups unencrypted").str());
    settings_cmd->add_option("--passphrase-file", *passphrase_file,
                             tr("Set the backup passphrase from the file's first line").str());
    settings_cmd->callback([&ctx, folder, keep_days, encrypt, no_encrypt, passphrase_file, folder_opt, days_opt] {
        auto db = ctx.open();
        if (*encrypt && *no_encrypt)
            throw ValidationError(tr("Encryption"), tr("give either --encrypt or --no-encrypt, not both"));
        pos::BackupSettingsChange change;
        if (folder_opt->count()) change.folder = *folder;
        if (days_opt->count()) change.keep_days = *keep_days;
        if (*encrypt) change.encrypt = true;
        if (*no_encrypt) change.encrypt = false;
        if (!passphrase_file->empty())
            change.passphrase = read_passphrase_file(*passphrase_file);
        else if (const char* env = std::getenv("SALON_BACKUP_PASSPHRASE"); env && *env && *encrypt)
            change.passphrase = env;
        const bool changes = change.folder || change.keep_days || change.encrypt || change.passphrase;
        if (!changes) {
            print_settings(ctx, pos::backup_settings(*db));
            return;
        }
        reporting_input(ctx, [&] { print_settings(ctx, pos::save_backup_settings(*db, ctx.person(*db), change)); });
    });

    db_cmd->add_subcommand("backups", tr("List the backups in the backup folder").str())->callback([&ctx] {
        auto db = ctx.open();
        const auto list = pos::list_backups(*db, ctx.as_login.empty() ? ctx.maintenance() : ctx.person(*db));
        if (ctx.json) {
            nlohmann::json rows = nlohmann::json::array();
            for (const auto& b : list)
                rows.push_back({{"file", b.file.string()}, {"time", pos::utc_text(b.made_at, "%Y-%m-%dT%H:%M:%SZ")}, {"size", b.size}, {"encrypted", b.encrypted}});
            print_json({{"ok", true}, {"folder", pos::backup_settings(*db).folder}, {"backups", rows}});
            return;
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& b : list)
            rows.push_back({b.file.filename().string(), pos::utc_text(b.made_at, "%Y-%m-%dT%H:%M:%SZ"), std::to_string(b.size),
                            (b.encrypted ? tr("yes") : tr("no")).str()});
        print_table({tr("File").str(), tr("Time (UTC)").str(), tr("Bytes").str(), tr("Encrypted").str()}, rows);
    });

    db_cmd->add_subcommand("backup-now", tr("Write a backup to the backup folder now").str())->callback([&ctx] {
        auto db = ctx.open();
        const pos::BackupRun run = pos::back_up_now(*db, ctx.as_login.empty() ? ctx.maintenance() : ctx.person(*db));
        if (ctx.json)
            print_json(run_json(run));
        else
            print_run(run);
    });

    db_cmd->add_subcommand("backup-due", tr("Write a backup when the newest one is older than a day (for cron)").str())
        ->callback([&ctx] {
            auto db = ctx.open();
            const auto run = pos::backup_if_due(*db, ctx.as_login.empty() ? ctx.maintenance() : ctx.person(*db),
                                                static_cast<std::int64_t>(std::time(nullptr)));
            if (run && !run->ok()) {
                // main prints the one error object (--json) or the message, and exits 1: cron mails it.
                if (ctx.json) ctx.failure = {{"file", ""}, {"due", true}};
                throw RefusedError(trf("The backup failed: {1}", {run->error->str()}));
            }
            if (ctx.json)
                print_json(run ? run_json(*run) : nlohmann::json{{"ok", true}, {"due", false}});
            else if (!run)
                std::cout << tr("No backup is due.").str() << '\n';
            else
                print_run(*run);
        });
}

}  // namespace salon::cli
