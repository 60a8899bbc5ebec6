#include "pos/ui/corporate/CorporateClientsPage.hpp"

#include "pos/corporate/CorporateCabinet.hpp"
#include "pos/corporate/PowerOfAttorney.hpp"
#include "pos/corporate/RemoteServiceApplication.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/ListColumns.hpp"
#include "pos/ui/corporate/CorporateTexts.hpp"

#include <wx/sizer.h>

namespace salon::ui {

namespace {
enum Column { name, inn, kind, numbers, application };

// Case-insensitive containment for the search, Cyrillic included (wx lower-cases Unicode).
bool matches(const pos::CorporateClient& c, const wxString& typed) {
    if (typed.empty()) return true;
    const wxString t = typed.Lower();
    return wxString::FromUTF8(c.official_name).Lower().Contains(t) || wxString::FromUTF8(c.inn).Contains(t);
}
}  // namespace

CorporateClientsPage::CorporateClientsPage(wxWindow* parent, db::Database& db, const pos::Actor& actor)
    : StationPage(parent), db_(db), actor_(actor) {
    search_ = new wxSearchCtrl(this, wxID_ANY);
    search_->SetName("search");
    search_->SetDescriptiveText(ui_text(tr("Name or INN")));
    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { fill_list(); });
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    list_->SetName("clients");
    list_->AppendColumn(ui_text(tr("Company")));
    list_->AppendColumn(ui_text(tr("INN")));
    list_->AppendColumn(ui_text(tr("Kind")));
    list_->AppendColumn(ui_text(tr("Numbers")), wxLIST_FORMAT_RIGHT);
    list_->AppendColumn(ui_text(tr("Application")));
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { show_card(); });
    card_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                           wxTE_MULTILINE | wxTE_READONLY);
    card_->SetName("card");
    status_ = new wxStaticText(this, wxID_ANY, wxString());

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("Find:"))), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    top->Add(search_, 1, wxEXPAND);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxEXPAND | wxALL, 8);
    sizer->Add(status_, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    sizer->Add(list_, 2, wxEXPAND | wxALL, 8);
    sizer->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("The company's card:"))), 0, wxLEFT | wxRIGHT, 8);
    sizer->Add(card_, 3, wxEXPAND | wxALL, 8);
    SetSizer(sizer);
}

void CorporateClientsPage::refresh() {
    rows_.clear();
    status(wxString(), false);
    try {
        for (pos::CorporateClient& c : pos::list_corporate_clients(db_, actor_)) {
            const auto apps = pos::applications_of(db_, actor_, c.id);  // newest first
            std::string state =
                apps.empty() ? tr("none").str() : pos::application_status_title(apps.front().status).str();
            rows_.push_back(Row{std::move(c), std::move(state)});
        }
    } catch (...) {
        status(current_error_text(), true);
    }
    fill_list();
}

void CorporateClientsPage::fill_list() {
    const long kept = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    const std::int64_t keep_id =
        kept >= 0 && kept < static_cast<long>(shown_.size()) ? rows_[shown_[kept]].client.id : 0;
    list_->Freeze();
    list_->DeleteAllItems();
    shown_.clear();
    long select = 0;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const pos::CorporateClient& c = rows_[i].client;
        if (!matches(c, search_->GetValue())) continue;
        const long item =
            list_->InsertItem(static_cast<long>(shown_.size()), wxString::FromUTF8(c.official_name));
        list_->SetItem(item, inn, wxString::FromUTF8(c.inn));
        list_->SetItem(item, kind, ui_text(pos::corporate_client_kind_title(c.kind)));
        list_->SetItem(item, numbers, wxString::Format("%zu", c.numbers.size()));
        list_->SetItem(item, application, wxString::FromUTF8(rows_[i].application));
        if (c.id == keep_id) select = item;
        shown_.push_back(i);
    }
    fit_columns(list_);
    list_->Thaw();
    if (!shown_.empty())
        list_->SetItemState(select, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                            wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    show_card();
}

void CorporateClientsPage::show_card() {
    const long item = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (item < 0 || item >= static_cast<long>(shown_.size())) return card_->ChangeValue(wxString());
    const pos::CorporateClient& c = rows_[shown_[static_cast<std::size_t>(item)]].client;
    const std::string zone = desk_time_zone(db_, actor_);
    wxString t;
    const auto line = [&t](const Text& text) { t << ui_text(text) << "\n"; };
    line(trf("{1} ({2})", {c.official_name, pos::corporate_client_kind_title(c.kind).str()}));
    if (c.kpp.empty())
        line(trf("INN {1}, OGRNIP {2}", {c.inn, c.ogrn}));
    else
        line(trf("INN {1}, KPP {2}, OGRN {3}", {c.inn, c.kpp, c.ogrn}));
    line(trf("Contract No. {1} of {2}", {c.contract_number, shown_day(c.contract_date)}));
    line(trf("Bound e-mail: {1}", {c.bound_email.empty() ? tr("none yet").str() : c.bound_email}));
    t << "\n";
    line(trn("{1} number:", "{1} numbers:", static_cast<long long>(c.numbers.size())));
    for (const pos::CorporateNumber& n : c.numbers)
        line(trf("  {1}  {2}, {3}{4}",
                 {shown_msisdn(n.msisdn), n.tariff_name,
                  n.status == pos::CorporateNumberStatus::blocked ? tr("blocked").str() : tr("active").str(),
                  n.has_user_data ? std::string() : tr(", no user data").str()}));
    try {
        const auto powers = pos::powers_of_attorney(db_, actor_, c.id);
        t << "\n";
        line(powers.empty() ? tr("No power of attorney on file.") : tr("Powers of attorney:"));
        for (const pos::PowerOfAttorney& p : powers)
            line(trf("  {1} No. {2} of {3}, valid until {4}: {5} → {6}{7}",
                     {pos::power_of_attorney_kind_title(p.kind).str(), p.number, shown_day(p.issued_on),
                      shown_day(p.valid_until), p.issued_by, p.issued_to,
                      p.for_msisdn.empty() ? std::string() : " (" + shown_msisdn(p.for_msisdn) + ")"}));
        const auto apps = pos::applications_of(db_, actor_, c.id);
        t << "\n";
        line(apps.empty() ? tr("No remote-service application.") : tr("Applications:"));
        for (const pos::RemoteServiceApplication& a : apps) {
            line(trf("  No. {1}: {2}, administrator {3}, {4}",
                     {std::to_string(a.id), pos::application_status_title(a.status).str(),
                      shown_msisdn(a.admin_msisdn), a.bound_email}));
            for (const pos::ApplicationStatusChange& h : a.history)
                line(trf(
                    "    {1}  {2} ({3})",
                    {shown_moment(h.at, zone),
                     pos::application_status_title(pos::application_status_from_string(h.to_status)).str(),
                     h.actor_name.empty() ? std::string("salon-cli") : h.actor_name}));
        }
        const auto cabinet = pos::cabinet_of(db_, actor_, c.id);
        t << "\n";
        if (!cabinet)
            line(tr("Cabinet: none yet (it comes with an active application)."));
        else
            line(
                trf("Cabinet ({1}), administrator {2}: {3}",
                    {cabinet->version == pos::CabinetVersion::old_cabinet ? tr("old").str() : tr("new").str(),
                     shown_msisdn(cabinet->admin_msisdn),
                     cabinet->admin_blocked_at ? tr("The administrator is blocked.").str()
                                               : pos::cabinet_step_prompt(cabinet->step).str()}));
    } catch (...) {
        t << current_error_text();
    }
    card_->ChangeValue(t);
}

}  // namespace salon::ui
