// What the station shows while a write waits for another program's lock on the database (SQLite): after a
// moment, a window that says who holds it and how long the station will wait, with a Cancel button; the
// rest of the station is disabled meanwhile but keeps drawing itself, so it never looks frozen. Cancel, or
// the limit, ends the wait: the operation then fails with the busy database's message, nothing saved and
// nothing typed lost.
#pragma once

#include "db/Database.hpp"

#include <wx/progdlg.h>
#include <wx/timer.h>

#include <chrono>
#include <memory>

namespace salon::app {

class DatabaseWaitWindow : public wxEvtHandler {
public:
    explicit DatabaseWaitWindow(db::Database& db);
    ~DatabaseWaitWindow() override;

private:
    bool on_wait(const db::Database::BusyWait& wait);
    void close_when_done();

    db::Database& db_;
    std::unique_ptr<wxProgressDialog> window_;
    wxTimer done_timer_;
    std::chrono::steady_clock::time_point last_wait_;
};

}  // namespace salon::app
