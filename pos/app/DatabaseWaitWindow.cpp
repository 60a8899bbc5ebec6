#include "pos/app/DatabaseWaitWindow.hpp"

#include "db/Text.hpp"
#include "pos/ui/FormFields.hpp"

#include <wx/app.h>

#include <algorithm>
#include <string>

namespace salon::app {

namespace {
// A wait shorter than this is ordinary contention between tills and shows nothing.
constexpr std::chrono::milliseconds kShowAfter{400};
}  // namespace

DatabaseWaitWindow::DatabaseWaitWindow(db::Database& db) : db_(db), done_timer_(this) {
    db_.set_busy_watcher([this](const db::Database::BusyWait& wait) { return on_wait(wait); });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { close_when_done(); });
}

DatabaseWaitWindow::~DatabaseWaitWindow() { db_.set_busy_watcher({}); }

bool DatabaseWaitWindow::on_wait(const db::Database::BusyWait& wait) {
    last_wait_ = std::chrono::steady_clock::now();
    if (wait.waited < kShowAfter) return true;
    const auto limit_s = std::max<long long>(1, std::chrono::duration_cast<std::chrono::seconds>(wait.limit).count());
    const std::string who = wait.holder.empty() ? tr("another station or program").str() : wait.holder;
    const wxString message =
        ui::ui_text(trf("Another program is writing to the database: {1}.\nThe station waits for it up to {2} s; "
                        "what you typed stays where it is.",
                        {who, std::to_string(limit_s)}));
    const int range = static_cast<int>(std::max<long long>(1, wait.limit.count() / 100));
    const int value = static_cast<int>(std::min<long long>(range - 1, wait.waited.count() / 100));
    if (!window_) {
        window_ = std::make_unique<wxProgressDialog>(ui::ui_text(tr("Waiting for the database")), message, range,
                                                     wxTheApp->GetTopWindow(),
                                                     wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME);
        done_timer_.Start(200);
    }
    // Draws the window, takes its Cancel; the disabled rest of the station only repaints.
    return window_->Update(value, message);
}

void DatabaseWaitWindow::close_when_done() {
    // Back in the main loop: the operation that waited has finished, one way or the other.
    if (std::chrono::steady_clock::now() - last_wait_ < std::chrono::milliseconds(150)) return;
    done_timer_.Stop();
    window_.reset();
}

}  // namespace salon::app
