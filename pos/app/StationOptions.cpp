#include "pos/app/StationOptions.hpp"

#include "db/Text.hpp"

#include <CLI/CLI.hpp>

namespace salon::app {

std::optional<int> parse_station_options(int argc, char** argv, StationOptions& options) {
    // The language is needed before the help texts are built.
    for (int i = 1; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--lang") set_language(choose_language(argv[i + 1]));

    CLI::App cli{tr("Salon Station: the workstation of a dealer's salon.").str(), "salon-station"};
    cli.add_option(
        "--db", options.db_url,
        tr("Database URL: sqlite:FILE or postgresql://... (default: SALON_DB, else the first-run choice, else "
           "the per-user file)")
            .str());
    cli.add_option("--lang", options.language, tr("Language of the windows: ru or en").str())
        ->check(CLI::IsMember({"ru", "en"}));
    cli.add_option("--screenshot", options.screenshot,
                   tr("Save the first window as a PNG file once it is shown, then exit").str());
    auto* login =
        cli.add_option("--login", options.login, tr("Sign in as this login without the form").str());
    auto* password = cli.add_option("--password", options.password, tr("The password for --login").str());
    login->needs(password);
    password->needs(login);
    cli.add_option("--till", options.till, tr("This station's name at the salon (default: the host name)").str());
    cli.add_option("--idle-seconds", options.idle_seconds,
                   tr("For tests only: lock to the sign-in window after this many idle seconds instead of "
                      "the salon's period")
                       .str())
        ->check(CLI::Range(1, 86400));
    cli.add_flag("--startup-report", options.startup_report,
                 tr("Print startup_ms and rss_kb once the first window is shown").str());
    cli.add_option("--gui-test", options.gui_test,
                   tr("For tests only: walk the named desk's pages as a person would, then stay open").str())
        ->check(CLI::IsMember({"corporate"}));
    cli.add_option("--gui-test-dir", options.gui_test_dir,
                   tr("For tests only: the folder of the files --gui-test reads and writes").str());
    cli.add_flag("--kiosk", options.kiosk,
                 tr("The entrance test's kiosk: full screen, nothing else reachable (R-TRN-6)").str());
    cli.add_option("--kiosk-test", options.kiosk_test,
                   tr("For tests only: drive the kiosk through a step with a code (deadline:CODE, answer:CODE, resume:CODE)").str())
        ->needs("--kiosk");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return cli.exit(e);
    } catch (const CLI::ParseError& e) {
        cli.exit(e);
        return 2;
    }
    return std::nullopt;
}

}  // namespace salon::app
