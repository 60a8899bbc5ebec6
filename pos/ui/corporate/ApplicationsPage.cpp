#include "pos/ui/corporate/ApplicationsPage.hpp"

#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/corporate/CorporateDesk.hpp"
#include "pos/print/ApplicationPdf.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/ListColumns.hpp"
#include "pos/ui/corporate/ApplicationFormPanel.hpp"
#include "pos/ui/corporate/CompanyChoice.hpp"
#include "pos/ui/corporate/CorporateTexts.hpp"

#include <wx/filename.h>
#include <wx/mimetype.h>
#include <wx/sizer.h>
#include <wx/stdpaths.h>
#include <wx/utils.h>
#include <wx/wrapsizer.h>

namespace salon::ui {

namespace {
enum Column { number, state, administrator, email, created };
}  // namespace

ApplicationsPage::ApplicationsPage(wxWindow* parent, db::Database& db, const pos::Actor& actor)
    : StationPage(parent), db_(db), actor_(actor) {
    company_ = new CompanyChoice(this);
    company_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { company_changed(); });
    form_ = new ApplicationFormPanel(this);
    auto* file_button = new wxButton(this, wxID_ANY, ui_text(tr("&File the application (Ctrl+S)")));
    file_button->SetName("file_application");
    file_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });

    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    list_->SetName("applications");
    list_->AppendColumn(ui_text(tr("No.")), wxLIST_FORMAT_RIGHT);
    list_->AppendColumn(ui_text(tr("Status")));
    list_->AppendColumn(ui_text(tr("Administrator")));
    list_->AppendColumn(ui_text(tr("E-mail")));
    list_->AppendColumn(ui_text(tr("Filed")));
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { show_selected(); });
    list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { show_selected(); });
    history_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(-1, 110)),
                              wxTE_MULTILINE | wxTE_READONLY);
    history_->SetName("history");

    print_ = new wxButton(this, wxID_ANY, ui_text(tr("&Print (Ctrl+P)")));
    print_->SetName("print");
    print_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { print(); });
    open_pdf_ = new wxButton(this, wxID_ANY, ui_text(tr("&Open the PDF")));
    open_pdf_->SetName("open_pdf");
    open_pdf_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!last_pdf_.empty()) wxLaunchDefaultApplication(last_pdf_);
    });
    const std::pair<pos::ApplicationStatus, Text> steps[] = {
        {pos::ApplicationStatus::signed_by_client, tr("&Signed by the client")},
        {pos::ApplicationStatus::registered, tr("Re&gistered")},
        {pos::ApplicationStatus::active, tr("&Active")},
        {pos::ApplicationStatus::revoked, tr("Re&voke")},
    };
    auto* buttons = new wxWrapSizer(wxHORIZONTAL);
    buttons->Add(print_, 0, wxRIGHT | wxBOTTOM, 6);
    buttons->Add(open_pdf_, 0, wxRIGHT | wxBOTTOM, 6);
    for (const auto& [to, label] : steps) {
        auto* b = new wxButton(this, wxID_ANY, ui_text(label));
        b->SetName(std::string("to_") + std::string(pos::to_string(to)));
        const pos::ApplicationStatus target = to;
        b->Bind(wxEVT_BUTTON, [this, target](wxCommandEvent&) { advance(target); });
        buttons->Add(b, 0, wxRIGHT | wxBOTTOM, 6);
        steps_[to] = b;
    }
    status_ = new wxStaticText(this, wxID_ANY, wxString());
    status_->SetName("status");

    auto* company_row = new wxBoxSizer(wxHORIZONTAL);
    company_row->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("Company:"))), 0,
                     wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    company_row->Add(company_, 1);
    auto* left = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxStaticText(this, wxID_ANY, ui_text(tr("New application")));
    heading->SetFont(heading->GetFont().Bold().Scaled(1.15f));
    left->Add(heading, 0, wxBOTTOM, 8);
    left->Add(form_, 0, wxEXPAND);
    left->Add(file_button, 0, wxALIGN_RIGHT | wxTOP, 8);
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("The company's applications:"))), 0, wxBOTTOM, 4);
    right->Add(list_, 1, wxEXPAND);
    right->Add(history_, 0, wxEXPAND | wxTOP, 6);
    right->Add(buttons, 0, wxEXPAND | wxTOP, 6);
    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    columns->Add(left, 1, wxEXPAND | wxRIGHT, 12);
    columns->Add(right, 1, wxEXPAND);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(company_row, 0, wxEXPAND | wxALL, 8);
    sizer->Add(status_, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    sizer->Add(columns, 1, wxEXPAND | wxALL, 8);
    SetSizer(sizer);

    wxAcceleratorEntry keys[] = {{wxACCEL_CTRL, 'P', print_->GetId()}};
    SetAcceleratorTable(wxAcceleratorTable(1, keys));
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { print(); }, print_->GetId());
}

wxString ApplicationsPage::pdf_folder() {
    wxFileName folder(wxStandardPaths::Get().GetDocumentsDir(), wxString());
    folder.AppendDir("applications");
    folder.Mkdir(wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
    return folder.GetPath();
}

void ApplicationsPage::refresh() {
    if (const wxString error = company_->reload(db_, actor_); !error.empty()) status(error, true);
    company_changed();
}

void ApplicationsPage::company_changed() {
    const pos::CorporateClient* c = company_->client();
    if (c) {
        try {
            form_->set_company(*c, pos::powers_of_attorney(db_, actor_, c->id),
                               pos::desk_today(db_, actor_).iso());
        } catch (...) {
            status(current_error_text(), true);
        }
    }
    fill_applications(0);
    Layout();
}

void ApplicationsPage::fill_applications(std::int64_t select_id) {
    const pos::RemoteServiceApplication* was = selected();
    if (select_id == 0 && was) select_id = was->id;
    applications_.clear();
    try {
        if (company_->client_id() != 0)
            applications_ = pos::applications_of(db_, actor_, company_->client_id());
    } catch (...) {
        status(current_error_text(), true);
    }
    const std::string zone = desk_time_zone(db_, actor_);
    list_->Freeze();
    list_->DeleteAllItems();
    long select = applications_.empty() ? -1 : 0;
    for (std::size_t i = 0; i < applications_.size(); ++i) {
        const pos::RemoteServiceApplication& a = applications_[i];
        const long item =
            list_->InsertItem(static_cast<long>(i), wxString::Format("%lld", static_cast<long long>(a.id)));
        list_->SetItem(item, state, ui_text(pos::application_status_title(a.status)));
        list_->SetItem(item, administrator, wxString::FromUTF8(shown_msisdn(a.admin_msisdn)));
        list_->SetItem(item, email, wxString::FromUTF8(a.bound_email));
        list_->SetItem(item, created, wxString::FromUTF8(shown_moment(a.created_at, zone)));
        if (a.id == select_id) select = item;
    }
    fit_columns(list_);
    list_->Thaw();
    if (select >= 0)
        list_->SetItemState(select, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                            wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    show_selected();
}

const pos::RemoteServiceApplication* ApplicationsPage::selected() const {
    const long item = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (item < 0 || item >= static_cast<long>(applications_.size())) return nullptr;
    return &applications_[static_cast<std::size_t>(item)];
}

void ApplicationsPage::show_selected() {
    const pos::RemoteServiceApplication* a = selected();
    // Only the step core would take next (R-CORP-2); printing a draft is its step to "printed".
    const auto next = a ? pos::next_application_status(a->status) : std::nullopt;
    print_->Enable(a && a->status != pos::ApplicationStatus::revoked);
    open_pdf_->Enable(!last_pdf_.empty());
    for (auto& [to, button] : steps_) button->Enable(next && *next == to);
    if (!a) return history_->ChangeValue(wxString());
    const std::string zone = desk_time_zone(db_, actor_);
    wxString text =
        ui_text(trf("Application No. {1}, {2}: administrator {3}, {4}; power of attorney No. {5} until {6}.",
                    {std::to_string(a->id), a->official_name, shown_msisdn(a->admin_msisdn),
                     pos::authorisation_confirmation_title(a->confirmation).str(),
                     a->power_of_attorney.number, shown_day(a->power_of_attorney.valid_until)}));
    if (a->replaces_id != 0)
        text << "\n"
             << ui_text(
                    trf("Replaces application No. {1}; free of charge.", {std::to_string(a->replaces_id)}));
    for (const pos::ApplicationStatusChange& h : a->history)
        text << "\n"
             << wxString::FromUTF8(shown_moment(h.at, zone)) << "  "
             << ui_text(pos::application_status_title(pos::application_status_from_string(h.to_status)))
             << " (" << wxString::FromUTF8(h.actor_name.empty() ? std::string("salon-cli") : h.actor_name)
             << ")";
    history_->ChangeValue(text);
}

void ApplicationsPage::new_record() {
    form_->clear_errors();
    status(wxString(), false);
    company_changed();
}

void ApplicationsPage::save() {
    form_->clear_errors();
    status(wxString(), false);
    const std::int64_t client = company_->client_id();
    if (client == 0) return status(ui_text(tr("Register the company first.")), true);
    try {
        const std::int64_t id = pos::file_application(db_, actor_, form_->form(client));
        status(ui_text(trf("Application No. {1} filed as a draft: print it for the client to sign.",
                           {std::to_string(id)})),
               false);
        company_changed();
        fill_applications(id);
    } catch (const pos::InputError& e) {
        if (!form_->show_error(e.input(), wxString::FromUTF8(e.message())))
            status(wxString::FromUTF8(e.message()), true);
        Layout();
    } catch (...) {
        status(current_error_text(), true);
    }
}

void ApplicationsPage::print() {
    const pos::RemoteServiceApplication* a = selected();
    if (!a || !print_->IsEnabled()) return;
    const std::int64_t id = a->id;
    try {
        const pos::RemoteServiceApplication printed = pos::mark_application_printed(db_, actor_, id);
        const wxString path = pdf_folder() + wxFileName::GetPathSeparator() +
                              wxString::Format("application-%lld.pdf", static_cast<long long>(id));
        pos::write_application_pdf(printed, pos::get_corporate_client(db_, actor_, printed.client_id),
                                   path.utf8_string());
        last_pdf_ = path;
        status(ui_text(trf("Printed in {1} copies: {2}",
                           {std::to_string(pos::kApplicationCopies), path.utf8_string()})),
               false);
    } catch (...) {
        status(current_error_text(), true);
    }
    fill_applications(id);
}

void ApplicationsPage::advance(pos::ApplicationStatus to) {
    const pos::RemoteServiceApplication* a = selected();
    if (!a) return;
    const std::int64_t id = a->id;
    try {
        pos::advance_application(db_, actor_, id, to);
        status(ui_text(trf("Application No. {1}: {2}.",
                           {std::to_string(id), pos::application_status_title(to).str()})),
               false);
    } catch (...) {
        status(current_error_text(), true);
    }
    fill_applications(id);
}

}  // namespace salon::ui
