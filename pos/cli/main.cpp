// salon-cli: every report and check the station offers, without a display.
// Exit codes: 0 success, 1 rejected input or refused operation, 2 usage error.
#include "db/Text.hpp"
#include "db/UserError.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"

#include <iostream>

int main(int argc, char** argv) {
    using namespace salon;
    std::string lang;
    // The language is needed before the help texts are built.
    for (int i = 1; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--lang") lang = argv[i + 1];
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
                   tr("The salon person the till's verbs act as (password: SALON_PASSWORD, else asked)").str());
    app.add_option("--till", ctx.till, tr("This station's name at the salon (default: the host name)").str());
    app.add_option("--lang", lang, tr("Language of messages: ru or en (default: SALON_LANG, LANG)").str());

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

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    } catch (const UserError& e) {
        if (ctx.json)
            cli::print_json({{"ok", false}, {"error", e.message()}});
        std::cerr << e.message() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << tr("Unexpected error: ").str() << e.what() << '\n';
        return 1;
    }
    return 0;
}
