#include "pos/app/StationApp.hpp"

#include <wx/utils.h>

#include "db/Maintenance.hpp"
#include "db/UserError.hpp"
#include "db/migrations.hpp"
#include "pos/app/CorporateGuiTest.hpp"
#include "pos/app/KioskGuiTest.hpp"
#include "pos/app/MainFrame.hpp"
#include "pos/app/ProcessStats.hpp"
#include "pos/app/WindowScreenshot.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/setup/FirstRun.hpp"
#include "pos/ui/FirstRunWizard.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/LoginDialog.hpp"
#include "training/core/attempt/TestClock.hpp"
#include "training/ui/kiosk/KioskFrame.hpp"

#include <wx/config.h>
#include <wx/fileconf.h>
#include <wx/filename.h>
#include <wx/image.h>
#include <wx/log.h>
#include <wx/dialog.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>
#include <wx/time.h>
#include <wx/timer.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace salon::app {

namespace {
// Long enough for the X server to map and paint the window before its pixels are copied.
constexpr int kScreenshotDelayMs = 400;
// How often the idle lock looks at the time of the last input.
constexpr int kIdleTickMs = 500;

long long now_ms() { return wxGetLocalTimeMillis().GetValue(); }

// A modal dialog (a question, a refusal) is being answered: its window is not locked away under it.
bool modal_dialog_shown() {
    for (wxWindow* window : wxTopLevelWindows)
        if (auto* dialog = dynamic_cast<wxDialog*>(window); dialog && dialog->IsModal()) return true;
    return false;
}
}  // namespace

StationApp::StationApp(StationOptions options) : options_(std::move(options)) {
    idle_timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { on_idle_tick(); });
}

int StationApp::FilterEvent(wxEvent& event) {
    const wxEventType type = event.GetEventType();
    if (type == wxEVT_KEY_DOWN || type == wxEVT_CHAR || type == wxEVT_MOTION || type == wxEVT_LEFT_DOWN ||
        type == wxEVT_RIGHT_DOWN || type == wxEVT_MIDDLE_DOWN || type == wxEVT_MOUSEWHEEL)
        last_input_ms_ = now_ms();
    return Event_Skip;
}

bool StationApp::OnInit() {
    SetAppName("salon-station");
    SetVendorName("salon-station");
    // $XDG_CONFIG_HOME/salon-station/station.conf, beside the data under ~/.local/share/salon-station.
    wxStandardPaths::Get().SetFileLayout(wxStandardPaths::FileLayout_XDG);
    const wxFileName config_file(wxStandardPaths::Get().GetUserConfigDir() + "/salon-station",
                                 "station.conf");
    {
        // wxFileConfig does not create its folder; without one the settings are just not kept.
        wxLogNull quiet;
        wxFileName::Mkdir(config_file.GetPath(), wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
    }
    wxConfigBase::Set(new wxFileConfig(GetAppName(), wxString(), config_file.GetFullPath(), wxString(),
                                       wxCONFIG_USE_LOCAL_FILE));
    wxImage::AddHandler(new wxPNGHandler);
    choose_ui_language();
    SetAppDisplayName(ui::ui_text(tr("Salon Station")));
    if (!open_database()) return true;  // OnRun returns the exit code without a main loop
    if (needs_setup_) {
        show_first_run();
        return true;
    }
    if (options_.kiosk) {
        show_kiosk();
        return true;
    }

    if (!options_.login.empty()) {
        const wxString login = wxString::FromUTF8(options_.login);
        const wxString password = wxString::FromUTF8(options_.password);
        try {
            const pos::StaffMember member =
                pos::sign_in(*db_, *audit_key_, options_.login, options_.password);
            if (!member.must_change_password) {
                show_main(member);
                return true;
            }
            if (!options_.screenshot.empty()) {
                fail(ui::ui_text(
                    trf("{1} must choose a new password first: sign in once without --screenshot.",
                        {options_.login})));
                return true;
            }
            // The new password comes first, as for anyone signing in through the form.
        } catch (const UserError& e) {
            if (!options_.screenshot.empty()) {
                fail(wxString::FromUTF8(e.message()));
                return true;
            }
            // Without a screenshot to take, the person sees the refusal in the sign-in window.
        }
        show_login()->sign_in_with(login, password);
        return true;
    }
    show_login();
    return true;
}

int StationApp::OnRun() {
    if (exit_code_ != 0) return exit_code_;
    const int rc = wxApp::OnRun();
    return exit_code_ != 0 ? exit_code_ : rc;
}

void StationApp::choose_ui_language() {
    // --lang, then SALON_LANG, then the choice stored by the sign-in window, then LC_ALL/LANG.
    std::string name = options_.language;
    if (name.empty()) {
        if (const char* env = std::getenv("SALON_LANG"); env && *env) name = env;
    }
    if (name.empty()) {
        wxString stored;
        if (wxConfigBase::Get()->Read("language", &stored)) name = stored.utf8_string();
    }
    set_language(choose_language(name));
    ui::follow_language_in_wx();
}

bool StationApp::OnExceptionInMainLoop() {
    wxString what;
    try {
        throw;
    } catch (const UserError& e) {
        what = wxString::FromUTF8(e.message());
    } catch (const std::exception& e) {
        what = ui::ui_text(trf("Unexpected error: {1}", {e.what()}));
    } catch (...) {
        what = ui::ui_text(tr("Unexpected error of an unknown kind."));
    }
    std::cerr << what.utf8_string() << std::endl;
    if (options_.screenshot.empty()) {
        wxMessageDialog dialog(wxTheApp->GetTopWindow(),
                               what + "\n\n" +
                                   ui::ui_text(tr("The operation was not completed. Nothing saved before is lost; "
                                                  "the station goes on.")),
                               ui::ui_text(tr("Salon Station")), wxOK | wxICON_ERROR | wxCENTRE);
        dialog.ShowModal();
    }
    return true;
}

db::DatabaseUrl StationApp::database_url() const {
    // What the first-run wizard chose and tested.
    wxString stored;
    wxConfigBase::Get()->Read("database", &stored);
    return db::DatabaseUrl::resolve(options_.db_url, stored.utf8_string());
}

bool StationApp::open_database() {
    try {
        const db::DatabaseUrl url = database_url();
        // Every station writes the journal; without its key nothing could be audited, so nothing is done.
        audit_key_ = pos::AuditKey::load_or_create();
        // No local file yet: the wizard asks where the data goes before anything is created.
        std::error_code ec;
        if (!options_.kiosk && url.backend == db::Backend::sqlite && !std::filesystem::exists(url.sqlite_path, ec)) {
            needs_setup_ = true;
            return true;
        }
        db_ = db::Database::open(url, db::Database::Mode::create_if_missing);
        db::migrate(*db_);
        // Said before anyone signs in: the data of an interrupted demo seed look whole and are not.
        if (const auto mark = db::incomplete(*db_)) {
            const wxString text = ui::ui_text(trf("This database is incomplete ({1}). Work in it only to look "
                                                  "around; create a new database for real work or a full demo.",
                                                  {db::incomplete_text(*mark).str()}));
            if (options_.screenshot.empty())
                wxMessageDialog(nullptr, text, ui::ui_text(tr("Salon Station")), wxOK | wxICON_WARNING | wxCENTRE)
                    .ShowModal();
            else
                std::cerr << text.utf8_string() << std::endl;
        }
        wait_window_ = std::make_unique<DatabaseWaitWindow>(*db_);
        // Not set up (never, or a first run that did not commit): the wizard, once more.
        needs_setup_ = !options_.kiosk && !pos::is_set_up(*db_);
        return true;
    } catch (const UserError& e) {
        fail(wxString::FromUTF8(e.message()));
    } catch (const std::exception& e) {
        fail(ui::ui_text(trf("Unexpected error: {1}", {e.what()})));
    }
    return false;
}

void StationApp::fail(const wxString& message) {
    exit_code_ = 1;
    if (options_.screenshot.empty()) {
        wxMessageDialog dialog(nullptr, message, ui::ui_text(tr("Salon Station")),
                               wxOK | wxICON_ERROR | wxCENTRE);
        dialog.ShowModal();
    } else
        std::cerr << message.utf8_string() << std::endl;
    // Windows already open (none before the database is open) close so the main loop ends.
    for (wxWindow* window : wxTopLevelWindows) window->Destroy();
}

void StationApp::show_first_run() {
    // The wizard opens the database it chose itself; this one may not be the one it keeps.
    wait_window_.reset();
    db_.reset();
    auto* wizard = new ui::FirstRunWizard(
        database_url(), *audit_key_, [this](std::unique_ptr<db::Database> db, const std::string& url_text) {
            db_ = std::move(db);
            wait_window_ = std::make_unique<DatabaseWaitWindow>(*db_);
            {
                // Later starts without --db or SALON_DB open it. Not kept, the next start asks again.
                wxLogNull quiet;
                wxConfigBase::Get()->Write("database", wxString::FromUTF8(url_text));
                wxConfigBase::Get()->Flush();
            }
            // The administrator signs in; the sign-in window shows before the wizard goes.
            show_login();
        });
    wizard->Show();
    first_window_shown(wizard);
}

ui::LoginDialog* StationApp::show_login() {
    auto* login =
        new ui::LoginDialog(*db_, *audit_key_, [this](const pos::StaffMember& member) { show_main(member); });
    // Quit in the sign-in window closes the station, with the windows of the people it hides.
    login->Bind(wxEVT_DESTROY, [this, login](wxWindowDestroyEvent& e) {
        e.Skip();
        if (e.GetEventObject() == login)
            CallAfter([this] {
                if (current_ == nullptr) quit();
            });
    });
    login->Show();
    first_window_shown(login);
    return login;
}

void StationApp::show_main(const pos::StaffMember& member) {
    // Read afresh (RefusedError if the account was locked meanwhile); the callers show the refusal.
    const pos::Actor actor = pos::Actor::signed_in(*db_, member, *audit_key_);
    int idle_seconds = options_.idle_seconds;
    if (idle_seconds <= 0) {
        try {
            idle_seconds = pos::idle_lock_seconds_for(*db_, actor);
        } catch (const std::exception&) {
            idle_seconds = pos::kDefaultIdleLockSeconds;  // the pages will say what is wrong
        }
    }
    // The person's own window, as they left it; nobody else's is ever shown to them.
    MainFrame*& frame = frames_[actor.staff_id()];
    if (frame == nullptr)
        frame = new MainFrame(*db_, actor,
                              {[this] { lock(); }, [this] { sign_out(); }, [this] { quit(); }},
                              options_.till.empty() ? wxGetHostName().utf8_string() : options_.till);
    current_ = frame;
    // The frame is shown before the sign-in window goes, so the application never finds itself windowless.
    frame->bring_back();
    for (wxWindow* window : wxTopLevelWindows)
        if (window != frame && dynamic_cast<ui::LoginDialog*>(window)) window->Destroy();
    idle_seconds_ = idle_seconds;
    last_input_ms_ = now_ms();
    idle_timer_.Start(kIdleTickMs);
    first_window_shown(frame);
}

void StationApp::on_idle_tick() {
    if (current_ == nullptr || quitting_) return idle_timer_.Stop();
    // A question being answered counts as work going on.
    if (modal_dialog_shown()) last_input_ms_ = now_ms();
    if (now_ms() - last_input_ms_ >= idle_seconds_ * 1000LL) lock();
}

void StationApp::lock() {
    if (current_ == nullptr || quitting_) return;
    idle_timer_.Stop();
    MainFrame* frame = current_;
    current_ = nullptr;
    // Not destroyed: its forms keep what was typed until its person signs in again. Put away before the
    // sign-in window takes the focus, so the input its person was in is the one remembered.
    frame->put_away();
    show_login();
}

void StationApp::sign_out() {
    if (current_ == nullptr || quitting_) return;
    idle_timer_.Stop();
    MainFrame* frame = current_;
    current_ = nullptr;
    frames_.erase(frame->actor().staff_id());
    show_login();
    frame->Destroy();
}

void StationApp::quit() {
    if (quitting_) return;
    quitting_ = true;
    idle_timer_.Stop();
    current_ = nullptr;
    frames_.clear();
    for (wxWindow* window : wxTopLevelWindows) window->Destroy();
}

void StationApp::first_window_shown(wxTopLevelWindow* window) {
    if (first_window_done_) return;
    first_window_done_ = true;
    if (options_.startup_report) {
        CallAfter([] {
            std::cout << "startup_ms=" << milliseconds_since_process_start() << '\n'
                      << "rss_kb=" << resident_set_kb() << std::endl;
        });
    }
    if (options_.gui_test == "corporate") {
        CallAfter([this, window] {
            auto* frame = dynamic_cast<MainFrame*>(window);
            if (frame == nullptr || !run_corporate_gui_test(*frame, options_.gui_test_dir)) {
                std::cout << "gui-test corporate: failed" << std::endl;
                exit_code_ = 1;
            }
        });
    }
    if (!options_.screenshot.empty()) {
        screenshot_timer_.Bind(wxEVT_TIMER, [this, window](wxTimerEvent&) {
            window->Raise();
            if (!save_window_png(window, options_.screenshot)) {
                std::cerr << ui::ui_text(trf("Cannot write {1}.", {options_.screenshot})).utf8_string()
                          << std::endl;
                exit_code_ = 1;
            }
            for (wxWindow* w : wxTopLevelWindows) w->Destroy();
            ExitMainLoop();
        });
        screenshot_timer_.StartOnce(kScreenshotDelayMs);
    }
}

void StationApp::show_kiosk() {
    // The kiosk stands alone (R-TRN-6): no sign-in window, no main window, nothing to switch to.
    training::apply_test_clock(*db_);
    const std::string name = options_.till.empty() ? wxGetHostName().utf8_string() : options_.till;
    auto* kiosk = new ui::KioskFrame(*db_, *audit_key_, "kiosk:" + name);
    kiosk->Show();
    kiosk->ShowFullScreen(true, wxFULLSCREEN_ALL);
    first_window_shown(kiosk);
    if (!options_.kiosk_test.empty()) {
        CallAfter([this, kiosk] {
            if (!run_kiosk_gui_test(*kiosk, *db_, options_.kiosk_test)) exit_code_ = 1;
        });
    }
}

}  // namespace salon::app
