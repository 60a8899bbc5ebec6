// A week's results sheet (the table dealers get, a dealer seeing his own candidates), its export as XLSX and
// PDF through the same job as `salon-cli training results`, and closing the week ("Passing"): who passed is
// certified, with the one-time passwords of the accounts opened for them shown once.
#pragma once

#include "pos/core/organisation/Actor.hpp"
#include "pos/ui/StationPage.hpp"
#include "training/core/assessment/CohortResults.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>

#include <vector>

namespace salon::db {
class Database;
}

namespace salon::ui {

class CohortResultsPage : public StationPage {
public:
    CohortResultsPage(wxWindow* parent, db::Database& db, const pos::Actor& actor);
    void refresh() override;

private:
    void load();
    std::int64_t cohort_id() const;
    void export_to(bool xlsx);

    db::Database& db_;
    pos::Actor actor_;
    std::vector<training::AssessedCohort> cohorts_;
    wxChoice* cohort_ = nullptr;
    wxListCtrl* table_ = nullptr;
    wxStaticText* legend_ = nullptr;
    wxButton* close_ = nullptr;
};

}  // namespace salon::ui
