// salon-cli db migrate | status | check | backup FILE | restore FILE
#include "db/Maintenance.hpp"
#include "db/UserError.hpp"
#include "db/migrations.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/audit/JournaledBackup.hpp"

#include <iostream>

namespace salon::cli {

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
    restore_cmd->add_option("FILE", *restore_file, tr("A backup made by `db backup`").str())->required();
    auto without_heads = std::make_shared<bool>(false);
    restore_cmd->add_flag("--without-heads", *without_heads,
                          tr("Restore a backup that has no FILE.heads (made before backups carried the journal's "
                             "heads): its journal is still verified, but a cut tail cannot be seen")
                              .str());
    restore_cmd->callback([&ctx, restore_file, without_heads] {
        auto db = ctx.open_as_is();
        // Never a new key here: it would make the backup's whole journal look forged.
        const pos::Actor actor = pos::Actor::command_line(pos::AuditKey::load());
        const auto outcome = pos::restore_database(*db, actor, *restore_file, *without_heads);
        if (ctx.json)
            print_json({{"ok", true}, {"file", *restore_file}, {"kept_aside", outcome.kept_aside}});
        else
            std::cout << trf("Restored from {1}. The database it replaced is kept at {2}.",
                             {*restore_file, outcome.kept_aside})
                             .str()
                      << '\n';
    });
}

}  // namespace salon::cli
