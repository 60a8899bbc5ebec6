// The wx application: opens the database, then leads from the sign-in window to the main window and back.
// Each signed-in person keeps their own main window: an idle period or File > Switch person hides it, with
// its unsaved work, behind the sign-in window, and only that person's next sign-in shows it again.
#pragma once

#include "db/Database.hpp"
#include "pos/app/DatabaseWaitWindow.hpp"
#include "pos/app/StationOptions.hpp"
#include "pos/core/audit/AuditJournal.hpp"
#include "pos/core/organisation/StaffMember.hpp"

#include <wx/app.h>
#include <wx/timer.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>

class wxTopLevelWindow;

namespace salon::ui {
class LoginDialog;
}

namespace salon::app {

class MainFrame;

class StationApp : public wxApp {
public:
    explicit StationApp(StationOptions options);

    bool OnInit() override;
    // An exception no window caught (a defect): told to the person, and the station goes on; what was
    // committed stays committed (one transaction per operation) and the windows keep what was typed.
    bool OnExceptionInMainLoop() override;
    int OnRun() override;
    // Notes every key press and mouse action, whichever window it goes to, for the idle lock.
    int FilterEvent(wxEvent& event) override;

private:
    void choose_ui_language();
    // Opens the database and the audit key; false after telling the person why one cannot be opened.
    bool open_database();
    // --db, else SALON_DB, else the database the first-run wizard kept, else the default local file:
    // db::DatabaseUrl::resolve decides the order, as for the CLI.
    db::DatabaseUrl database_url() const;
    // The first-run wizard instead of the sign-in window, while the database is not set up.
    void show_first_run();
    ui::LoginDialog* show_login();
    // --kiosk: the entrance test's kiosk instead of the sign-in window.
    void show_kiosk();
    // Shows the person's own main window, the one they left if there is one, else a new one.
    void show_main(const pos::StaffMember& member);
    // Hides the current person's window (keeping its work) behind a new sign-in window.
    void lock();
    // Closes the current person's window, discarding its work, and shows the sign-in window.
    void sign_out();
    // Closes every window, whoever's, so the main loop ends.
    void quit();
    void on_idle_tick();
    // --screenshot and --startup-report act on the first window the station shows.
    void first_window_shown(wxTopLevelWindow* window);
    void fail(const wxString& message);

    StationOptions options_;
    std::unique_ptr<db::Database> db_;
    std::unique_ptr<DatabaseWaitWindow> wait_window_;  // what a write waiting for another's lock shows
    std::optional<pos::AuditKey> audit_key_;
    wxTimer screenshot_timer_;
    std::map<std::int64_t, MainFrame*> frames_;  // staff id -> that person's main window, shown or hidden
    MainFrame* current_ = nullptr;               // the shown one; none while the sign-in window is up
    wxTimer idle_timer_;
    long long last_input_ms_ = 0;
    int idle_seconds_ = 0;
    bool quitting_ = false;
    bool first_window_done_ = false;
    bool needs_setup_ = false;  // the database is not set up: the first-run wizard comes first
    int exit_code_ = 0;
};

}  // namespace salon::app
