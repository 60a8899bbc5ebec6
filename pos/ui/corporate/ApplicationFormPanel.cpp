#include "pos/ui/corporate/ApplicationFormPanel.hpp"

#include "pos/ui/corporate/CorporateTexts.hpp"

#include <wx/sizer.h>

namespace salon::ui {

namespace {
wxTextCtrl* named_text(wxWindow* parent, const char* name) {
    auto* t = new wxTextCtrl(parent, wxID_ANY);
    t->SetName(name);
    return t;
}
}  // namespace

ApplicationFormPanel::ApplicationFormPanel(wxWindow* parent) : wxPanel(parent), fields_(this) {
    official_name_ = named_text(this, "official_name");
    email_ = named_text(this, "bound_email");
    admin_ = new wxChoice(this, wxID_ANY);
    admin_->SetName("admin_msisdn");
    confirmation_ = new wxChoice(this, wxID_ANY);
    confirmation_->SetName("confirmation");
    confirmation_->Append(
        ui_text(pos::authorisation_confirmation_title(pos::AuthorisationConfirmation::sms)));
    confirmation_->Append(
        ui_text(pos::authorisation_confirmation_title(pos::AuthorisationConfirmation::email)));
    confirmation_->SetSelection(0);
    poa_on_file_ = new wxChoice(this, wxID_ANY);
    poa_on_file_->SetName("power_of_attorney");
    poa_on_file_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { poa_choice_changed(); });
    poa_kind_ = new wxChoice(this, wxID_ANY);
    poa_kind_->SetName("poa_kind");
    poa_kind_->Append(
        ui_text(pos::power_of_attorney_kind_title(pos::PowerOfAttorneyKind::power_of_attorney)));
    poa_kind_->Append(
        ui_text(pos::power_of_attorney_kind_title(pos::PowerOfAttorneyKind::general_power_of_attorney)));
    poa_kind_->SetSelection(0);
    poa_number_ = named_text(this, "poa_number");
    poa_issued_on_ = named_text(this, "poa_issued_on");
    poa_valid_until_ = named_text(this, "poa_valid_until");
    poa_issued_by_ = named_text(this, "poa_issued_by");
    poa_issued_to_ = named_text(this, "poa_issued_to");
    poa_issued_on_->SetHint("25.11.2026");
    poa_valid_until_->SetHint("31.12.2027");

    fields_.add("official_name", tr("Official name"), official_name_);
    fields_.add("bound_email", tr("Bound e-mail"), email_);
    fields_.add("admin_msisdn", tr("Administrator's number"), admin_);
    fields_.add("confirmation", tr("Authorisation confirmed by"), confirmation_);
    fields_.add("power_of_attorney", tr("Power of attorney"), poa_on_file_);
    fields_.add("poa_kind", tr("Kind"), poa_kind_);
    fields_.add("poa_number", tr("Its number"), poa_number_);
    fields_.add("poa_issued_on", tr("Issued on"), poa_issued_on_);
    fields_.add("poa_valid_until", tr("Valid until"), poa_valid_until_);
    fields_.add("poa_issued_by", tr("Issued by (the head)"), poa_issued_by_);
    fields_.add("poa_issued_to", tr("Issued to"), poa_issued_to_);
    // The choices' long texts (the confirmation's, a power of attorney's) must not widen the page past a
    // 1024-pixel screen: they shrink with the column and show the rest when opened.
    for (wxWindow* w : std::initializer_list<wxWindow*>{admin_, confirmation_, poa_on_file_, poa_kind_})
        w->SetMinSize(FromDIP(wxSize(140, -1)));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(fields_.sizer(), 0, wxEXPAND);
    SetSizer(sizer);
}

void ApplicationFormPanel::set_company(const pos::CorporateClient& client,
                                       const std::vector<pos::PowerOfAttorney>& powers,
                                       const std::string& today) {
    fields_.clear_errors();
    official_name_->ChangeValue(wxString::FromUTF8(client.official_name));
    email_->ChangeValue(wxString::FromUTF8(client.bound_email));
    admin_->Clear();
    admin_numbers_.clear();
    for (const pos::CorporateNumber& n : client.numbers) {
        wxString label = wxString::FromUTF8(shown_msisdn(n.msisdn) + " — " + n.tariff_name);
        if (n.status == pos::CorporateNumberStatus::blocked) label << " (" << ui_text(tr("blocked")) << ")";
        admin_->Append(label);
        admin_numbers_.push_back(n.msisdn);
    }
    if (!admin_numbers_.empty()) admin_->SetSelection(0);
    poa_on_file_->Clear();
    poa_ids_.assign(1, 0);
    poa_on_file_->Append(ui_text(tr("A new one, typed below")));
    int first_valid = 0;
    for (const pos::PowerOfAttorney& p : powers) {
        if (!p.for_msisdn.empty()) continue;  // an employee's own is not the head's (R-CORP-12)
        wxString label =
            ui_text(trf("{1} No. {2} until {3}", {pos::power_of_attorney_kind_title(p.kind).str(), p.number,
                                                  shown_day(p.valid_until)}));
        if (!p.valid_on(today))
            label << " (" << ui_text(tr("not valid today")) << ")";
        else if (first_valid == 0)
            first_valid = static_cast<int>(poa_ids_.size());
        poa_on_file_->Append(label);
        poa_ids_.push_back(p.id);
    }
    // A valid one on file is the usual case: chosen unless there is none.
    poa_on_file_->SetSelection(first_valid);
    poa_choice_changed();
    Layout();
}

void ApplicationFormPanel::poa_choice_changed() {
    const bool typed = poa_on_file_->GetSelection() <= 0;
    for (wxWindow* w : std::initializer_list<wxWindow*>{poa_kind_, poa_number_, poa_issued_on_,
                                                        poa_valid_until_, poa_issued_by_, poa_issued_to_})
        w->Enable(typed);
}

pos::ApplicationForm ApplicationFormPanel::form(std::int64_t client_id) const {
    pos::ApplicationForm f;
    f.client_id = client_id;
    f.official_name = official_name_->GetValue().utf8_string();
    f.bound_email = email_->GetValue().utf8_string();
    const int admin = admin_->GetSelection();
    if (admin != wxNOT_FOUND && admin < static_cast<int>(admin_numbers_.size()))
        f.admin_msisdn = admin_numbers_[static_cast<std::size_t>(admin)];
    f.confirmation = confirmation_->GetSelection() == 1 ? "email" : "sms";
    const int poa = poa_on_file_->GetSelection();
    f.power_of_attorney_id =
        poa > 0 && poa < static_cast<int>(poa_ids_.size()) ? poa_ids_[static_cast<std::size_t>(poa)] : 0;
    if (f.power_of_attorney_id == 0) {
        f.poa.kind = poa_kind_->GetSelection() == 1 ? "general_power_of_attorney" : "power_of_attorney";
        f.poa.number = poa_number_->GetValue().utf8_string();
        f.poa.issued_on = poa_issued_on_->GetValue().utf8_string();
        f.poa.valid_until = poa_valid_until_->GetValue().utf8_string();
        f.poa.issued_by = poa_issued_by_->GetValue().utf8_string();
        f.poa.issued_to = poa_issued_to_->GetValue().utf8_string();
    }
    return f;
}

}  // namespace salon::ui
