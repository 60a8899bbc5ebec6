// The wx application: opens the database, then leads from the sign-in window to the main window and back.
#pragma once

#include "db/Database.hpp"
#include "pos/app/StationOptions.hpp"
#include "pos/core/AuditJournal.hpp"
#include "pos/core/StaffMember.hpp"

#include <wx/app.h>
#include <wx/timer.h>

#include <memory>
#include <optional>

class wxTopLevelWindow;

namespace salon::ui {
class LoginDialog;
}

namespace salon::app {

class StationApp : public wxApp {
public:
    explicit StationApp(StationOptions options);

    bool OnInit() override;
    int OnRun() override;

private:
    void choose_ui_language();
    // Opens the database and the audit key; false after telling the person why one cannot be opened.
    bool open_database();
    ui::LoginDialog* show_login();
    void show_main(const pos::StaffMember& member);
    // --screenshot and --startup-report act on the first window the station shows.
    void first_window_shown(wxTopLevelWindow* window);
    void fail(const wxString& message);

    StationOptions options_;
    std::unique_ptr<db::Database> db_;
    std::optional<pos::AuditKey> audit_key_;
    wxTimer screenshot_timer_;
    bool first_window_done_ = false;
    int exit_code_ = 0;
};

}  // namespace salon::app
