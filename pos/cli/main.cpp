// salon-cli: every report and check the station offers, without a display.
// Exit codes: 0 success, 1 rejected input, refused operation or a database failure, 2 usage error.
#include "db/Database.hpp"
#include "db/Text.hpp"
#include "db/UserError.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"

#include <iostream>

int main(int argc, char** argv) {
    using namespace salon;
    std::string lang;
    // The language is needed before the help texts are built.
    bool json = false;  // known before parsing, so that a usage error is JSON too
    for (int i = 1; i < argc; ++i) {
        if (i + 1 < argc && std::string(argv[i]) == "--lang") lang = argv[i + 1];
        if (std::string(argv[i]) == "--json") json = true;
    }
    set_language(choose_language(lang));

    cli::CliContext ctx;
    CLI::App app{tr("Salon Station command-line tool: database, validation, organisation, access, audit, demo data.").str(),
                 "salon-cli"};
    app.set_help_all_flag("--help-all", tr("Show the help of every verb").str());
    app.require_subcommand(1);
    app.add_option("--db", ctx.db_url,
                   tr("Database URL: sqlite:FILE or postgresql://... (default: SALON_DB, else the per-user file)").str());
    app.add_flag("--json", ctx.json, tr("Print machine-readable JSON").str());
    app.add_option("--as", ctx.as_login,
                   tr("Who acts, signed in with the password from SALON_PASSWORD (else asked); needed by "
                      "every verb that changes data, except db, demo and bench").str());
    app.add_option("--till", ctx.till, tr("This station's name at the salon (default: the host name)").str());
    app.add_option("--lang", lang, tr("Language of messages: ru or en (default: SALON_LANG, LANG)").str());
    app.set_version_flag("--version", std::string("salon-cli ") + SALON_VERSION,
                         tr("Print the program's version and exit").str());

    cli::add_db_commands(app, ctx);
    cli::add_validate_command(app, ctx);
    cli::add_organisation_commands(app, ctx);
    cli::add_demo_commands(app, ctx);
    cli::add_audit_commands(app, ctx);
    cli::add_tariff_commands(app, ctx);
    cli::add_shift_commands(app, ctx);
    cli::add_queue_commands(app, ctx);
    cli::add_client_commands(app, ctx);
    cli::add_stock_commands(app, ctx);
    cli::add_catalog_commands(app, ctx);
    cli::add_receipt_commands(app, ctx);
    cli::add_sales_commands(app, ctx);
    cli::add_port_commands(app, ctx);
    cli::add_corporate_commands(app, ctx);
    cli::add_corporate_users_commands(app, ctx);
    cli::add_corporate_request_commands(app, ctx);
    cli::add_training_bank_commands(app, ctx);
    cli::add_training_cohort_commands(app, ctx);
    cli::add_training_attempt_commands(app, ctx);
    cli::add_rewards_commands(app, ctx);
    cli::add_training_assessment_commands(app, ctx);
    cli::add_gadget_commands(app, ctx);
    cli::add_fiscal_commands(app, ctx);
    cli::add_stations_bench(app, ctx);
    cli::add_setup_command(app, ctx);

    // Every failure is one message in the user's language on stderr and, with --json, one error object on
    // stdout: {"ok": false, "error": {"code": ..., "message": ...}}. The code names the kind, for scripts.
    auto fail = [&](const char* code, const std::string& message, int exit_code) {
        if (json) {
            nlohmann::json out = ctx.failure;
            out["ok"] = false;
            out["error"] = {{"code", code}, {"message", message}};
            cli::print_json(out);
        }
        std::cerr << message << '\n';
        return exit_code;
    };
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        if (json) return fail("usage", e.what(), 2);
        app.exit(e);
        return 2;
    } catch (const DatabaseBusyError& e) {
        return fail("database_busy", e.message(), 1);
    } catch (const DiskFullError& e) {
        return fail("disk_full", e.message(), 1);
    } catch (const DatabaseError& e) {
        return fail("database", e.message(), 1);
    } catch (const ValidationError& e) {
        return fail("input", e.message(), 1);
    } catch (const RefusedError& e) {
        return fail("refused", e.message(), 1);
    } catch (const UserError& e) {
        return fail("error", e.message(), 1);
    } catch (const soci::soci_error& e) {
        // A statement run outside Database's own helpers: the same two failures a person can act on, and
        // otherwise the database's own words without the statement and its values (personal data).
        try {
            db::raise_if_busy_or_full(e);
        } catch (const DatabaseBusyError& busy) {
            return fail("database_busy", busy.message(), 1);
        } catch (const DiskFullError& full) {
            return fail("disk_full", full.message(), 1);
        }
        return fail("database", trf("Database error: {1}", {e.get_error_message()}).str(), 1);
    } catch (const std::exception& e) {
        return fail("internal", tr("Unexpected error: ").str() + e.what(), 1);
    }
    return 0;
}
