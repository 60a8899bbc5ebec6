#include "pos/ui/corporate/UsersImportPage.hpp"

#include "pos/corporate/CorporateClient.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/ListColumns.hpp"
#include "pos/ui/corporate/CompanyChoice.hpp"
#include "pos/ui/corporate/CorporateTexts.hpp"

#include <wx/filedlg.h>
#include <wx/sizer.h>

namespace salon::ui {

UsersImportPage::UsersImportPage(wxWindow* parent, db::Database& db, const pos::Actor& actor)
    : StationPage(parent), db_(db), actor_(actor) {
    SetName("users_import");
    company_ = new CompanyChoice(this);
    company_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        rows_.clear();
        preview_.reset();
        file_->SetLabel(wxString());
        show_preview();
    });
    employee_ = new wxTextCtrl(this, wxID_ANY);
    employee_->SetName("employee_msisdn");
    employee_->SetHint(ui_text(tr("empty: the company's representative brings it")));
    auto* choose = new wxButton(this, wxID_ANY, ui_text(tr("C&hoose the file…")));
    choose->SetName("choose_file");
    choose->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxFileDialog dialog(
            this, ui_text(tr("The company's users' data")), wxString(), wxString(),
            ui_text(tr("Spreadsheets (*.xlsx;*.ods;*.csv)")) + "|*.xlsx;*.ods;*.csv;*.XLSX;*.ODS;*.CSV",
            wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (dialog.ShowModal() == wxID_OK) preview_file(dialog.GetPath());
    });
    file_ = new wxStaticText(this, wxID_ANY, wxString());
    summary_ = new wxStaticText(this, wxID_ANY, wxString());
    summary_->SetName("summary");
    summary_->SetFont(summary_->GetFont().Bold());
    problems_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                               wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    problems_->SetName("problems");
    problems_->AppendColumn(ui_text(tr("Row")), wxLIST_FORMAT_RIGHT);
    problems_->AppendColumn(ui_text(tr("Column")));
    problems_->AppendColumn(ui_text(tr("Problem")));
    import_all_ = new wxButton(this, wxID_ANY, ui_text(tr("Import &all rows")));
    import_all_->SetName("import_all");
    import_all_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { import(false); });
    import_valid_ = new wxButton(this, wxID_ANY, ui_text(tr("Import the &valid rows only")));
    import_valid_->SetName("import_valid");
    import_valid_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { import(true); });
    status_ = new wxStaticText(this, wxID_ANY, wxString());
    status_->SetName("status");

    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
    grid->AddGrowableCol(1, 1);
    grid->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("Company:"))), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(company_, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("An employee's own number:"))), 0,
              wxALIGN_CENTER_VERTICAL);
    grid->Add(employee_, 1, wxEXPAND);
    auto* file_row = new wxBoxSizer(wxHORIZONTAL);
    file_row->Add(choose, 0, wxRIGHT, 8);
    file_row->Add(file_, 1, wxALIGN_CENTER_VERTICAL);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(import_all_, 0, wxRIGHT, 8);
    buttons->Add(import_valid_);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, 0, wxEXPAND | wxALL, 8);
    sizer->Add(file_row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    sizer->Add(summary_, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    sizer->Add(problems_, 1, wxEXPAND | wxALL, 8);
    sizer->Add(buttons, 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);
    sizer->Add(status_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(sizer);
    show_preview();
}

void UsersImportPage::refresh() {
    if (const wxString error = company_->reload(db_, actor_); !error.empty()) status(error, true);
    show_preview();
}

pos::UsersImportRequest UsersImportPage::request() const {
    pos::UsersImportRequest r;
    r.client_id = company_->client_id();
    if (!employee_->IsEmpty()) r.employee_msisdn = employee_->GetValue().utf8_string();
    r.source = "desk";
    return r;
}

void UsersImportPage::preview_file(const wxString& path) {
    status(wxString(), false);
    rows_.clear();
    preview_.reset();
    file_->SetLabel(path);
    try {
        rows_ = pos::read_users_file(path.utf8_string());
        preview_ = pos::preview_users_import(db_, actor_, request(), rows_);
    } catch (...) {
        status(current_error_text(), true);
    }
    show_preview();
}

void UsersImportPage::show_preview() {
    problems_->DeleteAllItems();
    if (!preview_) {
        summary_->SetLabel(wxString());
        import_all_->Disable();
        import_valid_->Disable();
        Layout();
        return;
    }
    const pos::UsersImportPreview& p = *preview_;
    summary_->SetLabel(ui_text(
        trf("{1} rows read: {2} valid, {3} problems.",
            {std::to_string(p.rows), std::to_string(p.valid.size()), std::to_string(p.problems.size())})));
    for (std::size_t i = 0; i < p.problems.size(); ++i) {
        const pos::UsersRowProblem& problem = p.problems[i];
        const long item = problems_->InsertItem(static_cast<long>(i), wxString::Format("%d", problem.row));
        problems_->SetItem(item, 1, wxString::FromUTF8(problem.column.empty() ? "—" : problem.column));
        problems_->SetItem(item, 2, wxString::FromUTF8(problem.message));
        problems_->SetItemTextColour(item, error_colour());
    }
    fit_columns(problems_);
    // All rows go in only when none has a problem; the valid ones alone only when asked (R-CORP-10).
    import_all_->Enable(p.ok() && !p.valid.empty());
    import_valid_->Enable(!p.ok() && !p.valid.empty());
    Layout();
}

void UsersImportPage::import(bool valid_only) {
    if (!preview_) return;
    try {
        const pos::UsersImportResult r = pos::import_users(db_, actor_, request(), rows_, valid_only);
        status(ui_text(trf("{1} users' rows imported.", {std::to_string(r.stored)})), false);
        preview_.reset();
        rows_.clear();
        show_preview();
    } catch (...) {
        status(current_error_text(), true);
    }
}

}  // namespace salon::ui
