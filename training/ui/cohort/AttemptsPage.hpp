// The entrance test's attempts of a cohort (R-TRN-6) as they run: time left by the database's clock,
// answers given, the result once submitted (and how), and a trainer's extra time for an outage. Reading
// the list finishes attempts whose kiosk died after their deadline. Dealers see their own candidates'.
#pragma once

#include "pos/ui/StationPage.hpp"

#include <wx/timer.h>

#include <cstdint>
#include <vector>

class wxChoice;
class wxListCtrl;
class wxSpinCtrl;
class wxTextCtrl;

namespace salon::db {
class Database;
}
namespace salon::pos {
class Actor;
}

namespace salon::ui {

class AttemptsPage : public StationPage {
public:
    AttemptsPage(wxWindow* parent, db::Database& db, const pos::Actor& actor);
    void refresh() override;

private:
    void show_attempts();
    void grant();

    db::Database& db_;
    const pos::Actor& actor_;
    bool trainer_ = false;
    std::vector<std::int64_t> cohort_ids_;
    std::vector<std::int64_t> attempt_ids_;
    wxChoice* cohort_ = nullptr;
    wxListCtrl* attempts_ = nullptr;
    wxSpinCtrl* minutes_ = nullptr;
    wxTextCtrl* reason_ = nullptr;
    wxTimer ticker_;
};

}  // namespace salon::ui
