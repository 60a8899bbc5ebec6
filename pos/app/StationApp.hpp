// The wx application: opens the database, then leads from the sign-in window to the main window and back.
#pragma once

#include "db/Database.hpp"
#include "pos/app/StationOptions.hpp"
#include "pos/core/StaffMember.hpp"

#include <wx/app.h>
#include <wx/timer.h>

#include <memory>

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
    bool open_database();  // false after telling the person why it cannot be opened
    ui::LoginDialog* show_login();
    void show_main(const pos::StaffMember& member);
    // --screenshot and --startup-report act on the first window the station shows.
    void first_window_shown(wxTopLevelWindow* window);
    void fail(const wxString& message);

    StationOptions options_;
    std::unique_ptr<db::Database> db_;
    wxTimer screenshot_timer_;
    bool first_window_done_ = false;
    int exit_code_ = 0;
};

}  // namespace salon::app
