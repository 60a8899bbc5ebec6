#include "pos/ui/corporate/CorporateClientFormPage.hpp"

#include "db/UserError.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/identifiers/Inn.hpp"
#include "pos/core/catalog/TariffAdvisor.hpp"
#include "pos/corporate/CorporateClient.hpp"
#include "pos/corporate/CorporateDesk.hpp"
#include "pos/ui/corporate/CompanyChoice.hpp"
#include "pos/ui/corporate/CorporateTexts.hpp"

#include <wx/sizer.h>

namespace salon::ui {

namespace {
wxTextCtrl* named_text(wxWindow* parent, const char* name) {
    auto* t = new wxTextCtrl(parent, wxID_ANY);
    t->SetName(name);
    return t;
}
wxStaticText* heading(wxWindow* parent, const Text& text) {
    auto* h = new wxStaticText(parent, wxID_ANY, ui_text(text));
    h->SetFont(h->GetFont().Bold().Scaled(1.15f));
    return h;
}
}  // namespace

CorporateClientFormPage::CorporateClientFormPage(wxWindow* parent, db::Database& db, const pos::Actor& actor)
    : StationPage(parent),
      db_(db),
      actor_(actor),
      company_panel_(new wxPanel(this)),
      company_(company_panel_),
      number_panel_(new wxPanel(this)),
      number_(number_panel_) {
    inn_ = named_text(company_panel_, "inn");
    inn_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { inn_changed(); });
    kind_ = new wxStaticText(company_panel_, wxID_ANY, wxString());
    ogrn_ = named_text(company_panel_, "ogrn");
    kpp_ = named_text(company_panel_, "kpp");
    name_ = named_text(company_panel_, "official_name");
    contract_number_ = named_text(company_panel_, "contract_number");
    contract_date_ = named_text(company_panel_, "contract_date");
    contract_date_->SetHint("25.11.2026");
    email_ = named_text(company_panel_, "bound_email");
    company_.add("inn", tr("INN"), inn_);
    company_.add("kind", tr("Kind"), kind_);
    company_.add("ogrn", tr("OGRN or OGRNIP"), ogrn_);
    company_.add("kpp", tr("KPP"), kpp_);
    company_.add("official_name", tr("Official name"), name_);
    company_.add("contract_number", tr("Contract No."), contract_number_);
    company_.add("contract_date", tr("Contract date"), contract_date_);
    company_.add("bound_email", tr("Bound e-mail"), email_);
    auto* register_button = new wxButton(company_panel_, wxID_ANY, ui_text(tr("&Register (Ctrl+S)")));
    register_button->SetName("register");
    register_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    status_ = new wxStaticText(company_panel_, wxID_ANY, wxString());
    status_->SetName("status");
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(heading(company_panel_, tr("Register a company")), 0, wxBOTTOM, 12);
    left->Add(company_.sizer(), 0, wxEXPAND);
    left->Add(register_button, 0, wxALIGN_RIGHT | wxTOP, 12);
    left->Add(status_, 0, wxEXPAND | wxTOP, 8);
    company_panel_->SetSizer(left);

    company_choice_ = new CompanyChoice(number_panel_);
    msisdn_ = named_text(number_panel_, "msisdn");
    msisdn_->SetHint("+7 903 123-45-67");
    tariff_ = new wxChoice(number_panel_, wxID_ANY);
    tariff_->SetName("tariff");
    number_.add("client", tr("Company"), company_choice_);
    number_.add("msisdn", tr("Number"), msisdn_);
    number_.add("tariff", tr("Business tariff"), tariff_);
    auto* add_button = new wxButton(number_panel_, wxID_ANY, ui_text(tr("&Add the number")));
    add_button->SetName("add_number");
    add_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_number(); });
    number_status_ = new wxStaticText(number_panel_, wxID_ANY, wxString());
    number_status_->SetName("number_status");
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(heading(number_panel_, tr("Put a number under the contract")), 0, wxBOTTOM, 12);
    right->Add(number_.sizer(), 0, wxEXPAND);
    right->Add(add_button, 0, wxALIGN_RIGHT | wxTOP, 12);
    right->Add(number_status_, 0, wxEXPAND | wxTOP, 8);
    number_panel_->SetSizer(right);

    // One above the other: side by side, the Russian labels and messages do not fit a 1024-pixel screen.
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(company_panel_, 0, wxEXPAND | wxALL, 12);
    sizer->Add(number_panel_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 12);
    SetSizer(sizer);
    inn_changed();
}

void CorporateClientFormPage::refresh() {
    try {
        company_choice_->fill(pos::list_corporate_clients(db_, actor_));
        const std::string keep = tariff_->GetSelection() == wxNOT_FOUND
                                     ? std::string()
                                     : tariff_codes_[static_cast<std::size_t>(tariff_->GetSelection())];
        tariff_->Clear();
        tariff_codes_.clear();
        for (const pos::TariffInForce& t : pos::tariffs_in_force(db_, pos::desk_today(db_, actor_).iso())) {
            if (t.segment != "business") continue;
            tariff_->Append(wxString::FromUTF8(t.name));
            if (t.code == keep || tariff_codes_.empty())
                tariff_->SetSelection(static_cast<int>(tariff_codes_.size()));
            tariff_codes_.push_back(t.code);
        }
    } catch (...) {
        number_status(current_error_text(), true);
    }
    Layout();
}

void CorporateClientFormPage::inn_changed() {
    // What the INN says the company is, before it is saved; core decides again when it is (R-CORP-1).
    Text kind = tr("— (10 digits: legal entity, 12: sole proprietor)");
    bool legal = true;
    try {
        const pos::Inn inn = pos::Inn::parse(inn_->GetValue().utf8_string());
        legal = inn.is_legal_entity();
        kind = pos::corporate_client_kind_title(legal ? pos::CorporateClientKind::legal_entity
                                                      : pos::CorporateClientKind::sole_proprietor);
    } catch (const UserError&) {
    }
    kind_->SetLabel(ui_text(kind));
    kpp_->Enable(legal);
    if (!legal) kpp_->ChangeValue(wxString());
}

void CorporateClientFormPage::new_record() {
    company_.clear_errors();
    status(wxString(), false);
    for (wxTextCtrl* t : {inn_, ogrn_, kpp_, name_, contract_number_, contract_date_, email_})
        t->ChangeValue(wxString());
    inn_changed();
    inn_->SetFocus();
}

void CorporateClientFormPage::save() {
    company_.clear_errors();
    status(wxString(), false);
    pos::CorporateClientForm form;
    form.inn = inn_->GetValue().utf8_string();
    form.ogrn = ogrn_->GetValue().utf8_string();
    form.kpp = kpp_->GetValue().utf8_string();
    form.official_name = name_->GetValue().utf8_string();
    form.contract_number = contract_number_->GetValue().utf8_string();
    form.contract_date = contract_date_->GetValue().utf8_string();
    form.bound_email = email_->GetValue().utf8_string();
    try {
        const std::int64_t id = pos::add_corporate_client(db_, actor_, form);
        refresh();
        company_choice_->choose(id);
        status(ui_text(trf("{1} registered: now put its numbers under the contract.", {form.official_name})),
               false);
        msisdn_->SetFocus();
    } catch (const pos::InputError& e) {
        if (!company_.show_error(e.input(), wxString::FromUTF8(e.message())))
            status(wxString::FromUTF8(e.message()), true);
    } catch (...) {
        status(current_error_text(), true);
    }
    company_panel_->Layout();
}

void CorporateClientFormPage::add_number() {
    number_.clear_errors();
    number_status(wxString(), false);
    const std::int64_t client = company_choice_->client_id();
    if (client == 0) return number_status(ui_text(tr("Register the company first.")), true);
    pos::CorporateNumberForm form;
    form.msisdn = msisdn_->GetValue().utf8_string();
    const int t = tariff_->GetSelection();
    form.tariff = t == wxNOT_FOUND ? std::string() : tariff_codes_[static_cast<std::size_t>(t)];
    try {
        pos::add_corporate_number(db_, actor_, client, form);
        number_status(ui_text(trf("{1} is under the contract.", {form.msisdn})), false);
        msisdn_->ChangeValue(wxString());
        msisdn_->SetFocus();
        refresh();
    } catch (const pos::InputError& e) {
        if (!number_.show_error(e.input(), wxString::FromUTF8(e.message())))
            number_status(wxString::FromUTF8(e.message()), true);
    } catch (...) {
        number_status(current_error_text(), true);
    }
}

void CorporateClientFormPage::number_status(const wxString& text, bool error) {
    number_status_->SetLabel(text);
    number_status_->SetForegroundColour(error ? error_colour() : wxColour(0x1E, 0x7B, 0x34));
    number_status_->Wrap(
        number_panel_->GetClientSize().GetWidth() > 0 ? number_panel_->GetClientSize().GetWidth() : 360);
    number_panel_->Layout();
}

}  // namespace salon::ui
