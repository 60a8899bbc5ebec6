// The training week's cohorts and their candidates (R-TRN-1, R-TRN-2, R-TRN-3, R-TRN-5): trainers create a
// cohort; trainers and dealers' managers register candidates (a dealer only his own, and sees only his own),
// see the streams and the kiosk codes, send the invitations and follow their delivery.
#pragma once

#include "pos/ui/StationPage.hpp"

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

class FormFields;

class CohortsPage : public StationPage {
public:
    CohortsPage(wxWindow* parent, db::Database& db, const pos::Actor& actor);
    void refresh() override;

private:
    void show_candidates();
    void create_cohort();
    void register_candidate();
    void send_invitations();
    std::int64_t chosen_cohort() const;

    db::Database& db_;
    const pos::Actor& actor_;
    bool trainer_ = false;
    std::vector<std::int64_t> cohort_ids_;
    std::vector<std::int64_t> dealer_ids_;
    wxListCtrl* cohorts_ = nullptr;
    wxTextCtrl* week_ = nullptr;
    wxSpinCtrl* capacity_ = nullptr;
    wxListCtrl* candidates_ = nullptr;
    FormFields* form_ = nullptr;
    wxChoice* dealer_ = nullptr;
    wxTextCtrl* name_ = nullptr;
    wxTextCtrl* phone_ = nullptr;
    wxTextCtrl* email_ = nullptr;
    wxTextCtrl* interview_ = nullptr;
    wxTextCtrl* notes_ = nullptr;
};

}  // namespace salon::ui
