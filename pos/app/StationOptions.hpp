// The command line of salon-station.
#pragma once

#include <optional>
#include <string>

namespace salon::app {

struct StationOptions {
    std::string db_url;      // --db (else SALON_DB, the first-run choice, the default: DatabaseUrl::resolve)
    std::string language;    // --lang ru|en; empty: SALON_LANG, then the stored choice, then LANG
    std::string screenshot;  // --screenshot FILE: save the first window as PNG and exit
    std::string login;       // --login and --password: sign in without the form
    std::string password;
    std::string till;      // --till NAME: this station's name at the salon's counter (default: the host name)
    int idle_seconds = 0;  // --idle-seconds N (tests): lock after N idle seconds instead of the salon's period
    bool startup_report = false;  // --startup-report: print startup_ms and rss_kb once the first window shows
    std::string gui_test;         // --gui-test corporate (tests): walk the corporate desk's pages, then stay
    std::string gui_test_dir;     // --gui-test-dir DIR: the walk's files (users.csv in, application.pdf out)
    bool kiosk = false;           // --kiosk: the entrance test's kiosk alone, full screen (R-TRN-6)
    std::string kiosk_test;       // --kiosk-test STEP:CODE (tests): drive the kiosk (see KioskGuiTest.hpp)
};

// Parses argv; returns an exit code when the program should stop at once (--help, a usage error).
std::optional<int> parse_station_options(int argc, char** argv, StationOptions& options);

}  // namespace salon::app
