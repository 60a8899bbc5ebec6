#include "pos/ui/corporate/AdministratorChangePage.hpp"

#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/corporate/AdministratorChange.hpp"
#include "pos/corporate/CorporateDesk.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/corporate/ApplicationFormPanel.hpp"
#include "pos/ui/corporate/CompanyChoice.hpp"
#include "pos/ui/corporate/CorporateTexts.hpp"

#include <wx/sizer.h>

namespace salon::ui {

AdministratorChangePage::AdministratorChangePage(wxWindow* parent, db::Database& db, const pos::Actor& actor)
    : StationPage(parent), db_(db), actor_(actor) {
    company_ = new CompanyChoice(this);
    company_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { company_changed(); });
    current_ = new wxStaticText(this, wxID_ANY, wxString());
    current_->SetName("current");
    block_only_ =
        new wxCheckBox(this, wxID_ANY, ui_text(tr("&Only block the old administrator (no new one yet)")));
    block_only_->SetName("block_only");
    block_only_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { form_->Enable(!block_only_->GetValue()); });
    form_ = new ApplicationFormPanel(this);
    change_ = new wxButton(this, wxID_ANY, ui_text(tr("&Change the administrator (Ctrl+S)")));
    change_->SetName("change_admin");
    change_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    status_ = new wxStaticText(this, wxID_ANY, wxString());
    status_->SetName("status");

    auto* company_row = new wxBoxSizer(wxHORIZONTAL);
    company_row->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("Company:"))), 0,
                     wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    company_row->Add(company_, 1);
    auto* note = new wxStaticText(
        this, wxID_ANY,
        ui_text(tr("The change is free of charge; the old application and its history are kept.")));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(company_row, 0, wxEXPAND | wxALL, 8);
    sizer->Add(current_, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    sizer->Add(note, 0, wxEXPAND | wxALL, 8);
    sizer->Add(block_only_, 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);
    auto* heading = new wxStaticText(this, wxID_ANY, ui_text(tr("The new administrator's application")));
    heading->SetFont(heading->GetFont().Bold().Scaled(1.15f));
    sizer->Add(heading, 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);
    sizer->Add(form_, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    sizer->Add(change_, 0, wxALL, 8);
    sizer->Add(status_, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    SetSizer(sizer);
}

void AdministratorChangePage::refresh() {
    if (const wxString error = company_->reload(db_, actor_); !error.empty()) status(error, true);
    company_changed();
}

void AdministratorChangePage::company_changed() {
    const pos::CorporateClient* c = company_->client();
    wxString now;
    if (c) {
        try {
            const auto active = pos::active_application(db_, c->id);
            now = active
                      ? ui_text(trf("Active application No. {1}: administrator {2}.",
                                    {std::to_string(active->id), shown_msisdn(active->admin_msisdn)}))
                      : ui_text(tr(
                            "The company has no active application: there is no administrator to change."));
            change_->Enable(active.has_value());
            form_->set_company(*c, pos::powers_of_attorney(db_, actor_, c->id),
                               pos::desk_today(db_, actor_).iso());
        } catch (...) {
            status(current_error_text(), true);
        }
    }
    current_->SetLabel(now);
    Layout();
}

void AdministratorChangePage::save() {
    form_->clear_errors();
    status(wxString(), false);
    const std::int64_t client = company_->client_id();
    if (client == 0 || !change_->IsEnabled()) return;
    std::optional<pos::ApplicationForm> next;
    if (!block_only_->GetValue()) next = form_->form(client);
    try {
        const pos::AdministratorChangeResult r = pos::change_administrator(db_, actor_, client, next);
        wxString done = ui_text(trf("The administrator of application No. {1} is blocked.",
                                    {std::to_string(r.revoked_application_id)}));
        if (r.new_application_id != 0)
            done << " "
                 << ui_text(trf(
                        "Application No. {1} for the new administrator is filed as a draft, free of charge: "
                        "print it on the Applications page.",
                        {std::to_string(r.new_application_id)}));
        company_changed();
        status(done, false);
    } catch (const pos::InputError& e) {
        if (!form_->show_error(e.input(), wxString::FromUTF8(e.message())))
            status(wxString::FromUTF8(e.message()), true);
        Layout();
    } catch (...) {
        status(current_error_text(), true);
    }
}

}  // namespace salon::ui
