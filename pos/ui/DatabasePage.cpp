#include "pos/ui/DatabasePage.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "db/migrations.hpp"
#include "pos/ui/FormFields.hpp"

#include <wx/sizer.h>

namespace salon::ui {

DatabasePage::DatabasePage(wxWindow* parent, db::Database& db) : StationPage(parent), db_(db) {
    auto* heading = new wxStaticText(this, wxID_ANY, ui_text(tr("Database")));
    heading->SetFont(heading->GetFont().Bold().Scaled(1.15f));
    backend_ = new wxStaticText(this, wxID_ANY, wxString());
    address_ = new wxStaticText(this, wxID_ANY, wxString());
    schema_ = new wxStaticText(this, wxID_ANY, wxString());
    problem_ = new wxStaticText(this, wxID_ANY, wxString());
    problem_->SetForegroundColour(error_colour());

    auto* grid = new wxFlexGridSizer(2, wxSize(16, 8));
    auto add = [&](const Text& label, wxStaticText* value) {
        grid->Add(new wxStaticText(this, wxID_ANY, ui_text(label)), 0, wxALIGN_RIGHT);
        grid->Add(value);
    };
    add(tr("Backend:"), backend_);
    add(tr("Address:"), address_);
    add(tr("Schema version:"), schema_);

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(heading, 0, wxALL, 16);
    top->Add(grid, 0, wxLEFT | wxRIGHT, 16);
    top->Add(problem_, 0, wxALL, 16);
    SetSizer(top);
    refresh();
}

void DatabasePage::refresh() {
    backend_->SetLabelText(wxString::FromUTF8(std::string(db::backend_name(db_.backend()))));
    address_->SetLabelText(wxString::FromUTF8(db_.url().display));
    problem_->SetLabelText(wxString());
    try {
        schema_->SetLabelText(
            ui_text(trf("{1} (this program knows up to {2})",
                        {std::to_string(db_.schema_version()), std::to_string(db::latest_version())})));
    } catch (const UserError& e) {
        problem_->SetLabelText(wxString::FromUTF8(e.message()));
    } catch (const std::exception& e) {
        problem_->SetLabelText(ui_text(trf("Unexpected error: {1}", {e.what()})));
    }
    Layout();
}

}  // namespace salon::ui
