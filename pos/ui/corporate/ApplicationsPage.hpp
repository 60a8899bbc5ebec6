// The remote-service application (R-CORP-2): the form that files one for the chosen company, the company's
// applications with their status history, printing as a PDF in two copies (pos/print's ApplicationPdf), and
// the status steps printed → signed → registered → active → revoked as buttons, only the legal next one
// enabled (core refuses any other all the same).
#pragma once

#include "pos/core/organisation/Actor.hpp"
#include "pos/corporate/RemoteServiceApplication.hpp"
#include "pos/ui/StationPage.hpp"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/textctrl.h>

#include <map>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::ui {

class ApplicationFormPanel;
class CompanyChoice;

class ApplicationsPage : public StationPage {
public:
    ApplicationsPage(wxWindow* parent, db::Database& db, const pos::Actor& actor);
    void refresh() override;
    bool edits_records() const override { return true; }
    void new_record() override;
    void save() override;  // files the application

    // Where the PDFs of printed applications go: Documents/applications, like the receipts' folder.
    static wxString pdf_folder();

private:
    void company_changed();
    void fill_applications(std::int64_t select_id);
    const pos::RemoteServiceApplication* selected() const;
    void show_selected();
    void print();
    void advance(pos::ApplicationStatus to);

    db::Database& db_;
    pos::Actor actor_;
    CompanyChoice* company_ = nullptr;
    ApplicationFormPanel* form_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxTextCtrl* history_ = nullptr;
    wxButton* print_ = nullptr;
    wxButton* open_pdf_ = nullptr;
    std::map<pos::ApplicationStatus, wxButton*> steps_;
    std::vector<pos::RemoteServiceApplication> applications_;
    wxString last_pdf_;
};

}  // namespace salon::ui
