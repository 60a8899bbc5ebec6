// The companies' requests (R-CORP-4, R-CORP-5, R-CORP-13): taken here at the desk (the company, the kind, the
// number, a note) or read from mail by the core; listed due first with their status, an overdue one said in
// words; the specialist starts one, completes it (a block blocks the number; the numbers list is answered
// only to the bound address) or rejects it with the reason.
#pragma once

#include "pos/core/organisation/Actor.hpp"
#include "pos/corporate/CorporateRequest.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/StationPage.hpp"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/textctrl.h>

#include <vector>

namespace salon::db {
class Database;
}

namespace salon::ui {

class CompanyChoice;

class RequestsPage : public StationPage {
public:
    RequestsPage(wxWindow* parent, db::Database& db, const pos::Actor& actor);
    void refresh() override;
    bool edits_records() const override { return true; }
    void save() override;  // takes the request typed

private:
    void fill_list(std::int64_t select_id);
    const pos::corporate::CorporateRequest* selected() const;
    void show_selected();
    void act(const char* what);

    db::Database& db_;
    pos::Actor actor_;
    wxPanel* form_panel_ = nullptr;
    FormFields fields_;
    CompanyChoice* company_ = nullptr;
    wxChoice* kind_ = nullptr;
    wxTextCtrl* number_ = nullptr;
    wxTextCtrl* note_ = nullptr;
    wxCheckBox* only_open_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxTextCtrl* details_ = nullptr;
    wxButton* start_ = nullptr;
    wxButton* done_ = nullptr;
    wxButton* reject_ = nullptr;
    std::vector<pos::corporate::CorporateRequest> requests_;
};

}  // namespace salon::ui
