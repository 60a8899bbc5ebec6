// The visitor's screen (R-POS-5): after the visit ends, the visitor rates the service from 1 to 5 by
// touching a number or pressing its key. Meant for a second monitor facing the client or a kiosk.
#pragma once

#include <wx/frame.h>
#include <wx/stattext.h>
#include <wx/timer.h>

#include <cstdint>
#include <string>

namespace salon::db {
class Database;
}

namespace salon::ui {

class RatingFrame : public wxFrame {
public:
    explicit RatingFrame(db::Database& db);
    // Asks the visitor of `visit_id` (ticket `label`) for a rating.
    void ask(std::int64_t visit_id, const std::string& label);

private:
    void rate(int rating);
    void fit_to_text();

    db::Database& db_;
    std::int64_t visit_id_ = 0;
    wxStaticText* question_ = nullptr;
    wxTimer hide_timer_;
};

}  // namespace salon::ui
