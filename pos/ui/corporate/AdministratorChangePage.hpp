// A change of the company's cabinet administrator (R-CORP-7): the old administrator is blocked (the active
// application revoked, the cabinet blocked) and, unless only blocking is asked, a new application for the new
// administrator is filed, free of charge, naming the one it replaces. The history stays on the client's card.
#pragma once

#include "pos/core/organisation/Actor.hpp"
#include "pos/ui/StationPage.hpp"

#include <wx/button.h>
#include <wx/checkbox.h>

namespace salon::db {
class Database;
}

namespace salon::ui {

class ApplicationFormPanel;
class CompanyChoice;

class AdministratorChangePage : public StationPage {
public:
    AdministratorChangePage(wxWindow* parent, db::Database& db, const pos::Actor& actor);
    void refresh() override;
    bool edits_records() const override { return true; }
    void save() override;  // makes the change

private:
    void company_changed();

    db::Database& db_;
    pos::Actor actor_;
    CompanyChoice* company_ = nullptr;
    wxStaticText* current_ = nullptr;
    wxCheckBox* block_only_ = nullptr;
    ApplicationFormPanel* form_ = nullptr;
    wxButton* change_ = nullptr;
};

}  // namespace salon::ui
