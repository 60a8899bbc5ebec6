#include "pos/ui/corporate/RequestsPage.hpp"

#include "db/Database.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/corporate/CorporateClient.hpp"
#include "pos/corporate/MailOutbox.hpp"
#include "pos/corporate/RequestKind.hpp"
#include "pos/ui/ListColumns.hpp"
#include "pos/ui/corporate/CompanyChoice.hpp"
#include "pos/ui/corporate/CorporateTexts.hpp"

#include <wx/sizer.h>
#include <wx/textdlg.h>

#include <cstring>

namespace salon::ui {

namespace {
enum Column { number_column, company, kind, msisdn, state, due, source };
using pos::corporate::RequestStatus;
bool open(RequestStatus s) { return s == RequestStatus::fresh || s == RequestStatus::in_progress; }
}  // namespace

RequestsPage::RequestsPage(wxWindow* parent, db::Database& db, const pos::Actor& actor)
    : StationPage(parent), db_(db), actor_(actor), form_panel_(new wxPanel(this)), fields_(form_panel_) {
    company_ = new CompanyChoice(form_panel_);
    kind_ = new wxChoice(form_panel_, wxID_ANY);
    kind_->SetName("kind");
    // Unblocking is not a request one takes: it is done at the company's word with its power of attorney.
    for (const pos::corporate::RequestKindInfo& k : pos::corporate::request_kinds())
        if (k.kind != pos::corporate::RequestKind::unblock_sim)
            kind_->Append(ui_text(pos::corporate::label(k.kind)));
    kind_->SetSelection(0);
    kind_->SetMinSize(FromDIP(wxSize(160, -1)));
    company_->SetMinSize(FromDIP(wxSize(160, -1)));
    number_ = new wxTextCtrl(form_panel_, wxID_ANY);
    number_->SetName("number");
    number_->SetHint("+7 903 123-45-67");
    note_ = new wxTextCtrl(form_panel_, wxID_ANY);
    note_->SetName("details");
    fields_.add("inn", tr("Company"), company_);
    fields_.add("kind", tr("Request"), kind_);
    fields_.add("number", tr("Number"), number_);
    fields_.add("details", tr("Note"), note_);
    auto* take = new wxButton(form_panel_, wxID_ANY, ui_text(tr("Ta&ke the request (Ctrl+S)")));
    take->SetName("take_request");
    take->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    auto* form = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxStaticText(form_panel_, wxID_ANY, ui_text(tr("A request at the desk")));
    heading->SetFont(heading->GetFont().Bold().Scaled(1.15f));
    form->Add(heading, 0, wxBOTTOM, 8);
    form->Add(fields_.sizer(), 0, wxEXPAND);
    form->Add(take, 0, wxALIGN_RIGHT | wxTOP, 8);
    form_panel_->SetSizer(form);

    only_open_ = new wxCheckBox(this, wxID_ANY, ui_text(tr("&Only open requests")));
    only_open_->SetValue(true);
    only_open_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { fill_list(0); });
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    list_->SetName("requests");
    for (const Text& title :
         {tr("No."), tr("Company"), tr("Request"), tr("Number"), tr("Status"), tr("Due"), tr("Source")})
        list_->AppendColumn(ui_text(title));
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { show_selected(); });
    list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { show_selected(); });
    details_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(-1, 70)),
                              wxTE_MULTILINE | wxTE_READONLY);
    start_ = new wxButton(this, wxID_ANY, ui_text(tr("&Start")));
    start_->SetName("start_request");
    done_ = new wxButton(this, wxID_ANY, ui_text(tr("&Done")));
    done_->SetName("complete_request");
    reject_ = new wxButton(this, wxID_ANY, ui_text(tr("&Reject…")));
    reject_->SetName("reject_request");
    start_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { act("start"); });
    done_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { act("done"); });
    reject_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { act("reject"); });
    status_ = new wxStaticText(this, wxID_ANY, wxString());
    status_->SetName("status");

    // The filter on a line of its own: beside the buttons, the Russian labels overflow a 1024-pixel screen.
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    for (wxButton* b : {start_, done_, reject_}) buttons->Add(b, 0, wxRIGHT, 6);
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(only_open_, 0, wxBOTTOM, 6);
    right->Add(buttons, 0, wxBOTTOM, 6);
    right->Add(list_, 1, wxEXPAND);
    right->Add(details_, 0, wxEXPAND | wxTOP, 6);
    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    columns->Add(form_panel_, 0, wxEXPAND | wxRIGHT, 12);
    columns->Add(right, 1, wxEXPAND);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(status_, 0, wxEXPAND | wxALL, 8);
    sizer->Add(columns, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(sizer);
}

void RequestsPage::refresh() {
    if (const wxString error = company_->reload(db_, actor_); !error.empty()) status(error, true);
    fill_list(0);
}

void RequestsPage::fill_list(std::int64_t select_id) {
    const pos::corporate::CorporateRequest* was = selected();
    if (select_id == 0 && was) select_id = was->id;
    requests_.clear();
    std::int64_t now = 0;
    try {
        now = db_.now();
        for (auto& r : pos::corporate::list_requests(db_, actor_))
            if (!only_open_->GetValue() || open(r.status)) requests_.push_back(std::move(r));
    } catch (...) {
        status(current_error_text(), true);
    }
    const std::string zone = desk_time_zone(db_, actor_);
    list_->Freeze();
    list_->DeleteAllItems();
    long select = requests_.empty() ? -1 : 0;
    for (std::size_t i = 0; i < requests_.size(); ++i) {
        const auto& r = requests_[i];
        const long item =
            list_->InsertItem(static_cast<long>(i), wxString::Format("%lld", static_cast<long long>(r.id)));
        list_->SetItem(item, company, wxString::FromUTF8(r.client_name));
        list_->SetItem(item, kind, ui_text(pos::corporate::label(r.kind)));
        list_->SetItem(item, msisdn, wxString::FromUTF8(r.msisdn.empty() ? "—" : shown_msisdn(r.msisdn)));
        list_->SetItem(item, state, ui_text(pos::corporate::label(r.status)));
        wxString when = wxString::FromUTF8(shown_moment(r.due_at, zone));
        // Said in words, not by colour alone.
        if (r.overdue(now)) {
            when << " — " << ui_text(tr("overdue"));
            list_->SetItemTextColour(item, error_colour());
        }
        list_->SetItem(item, due, when);
        list_->SetItem(item, source, ui_text(r.source == "mail" ? tr("e-mail") : tr("desk")));
        if (r.id == select_id) select = item;
    }
    fit_columns(list_);
    list_->Thaw();
    if (select >= 0)
        list_->SetItemState(select, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                            wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    show_selected();
}

const pos::corporate::CorporateRequest* RequestsPage::selected() const {
    const long item = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (item < 0 || item >= static_cast<long>(requests_.size())) return nullptr;
    return &requests_[static_cast<std::size_t>(item)];
}

void RequestsPage::show_selected() {
    const auto* r = selected();
    start_->Enable(r && r->status == RequestStatus::fresh);
    done_->Enable(r && open(r->status));
    reject_->Enable(r && open(r->status));
    if (!r) return details_->ChangeValue(wxString());
    wxString text =
        ui_text(trf("{1} (INN {2}): {3}", {r->client_name, r->inn, pos::corporate::label(r->kind).str()}));
    if (!r->details.empty()) text << "\n" << wxString::FromUTF8(r->details);
    if (!r->reason.empty()) text << "\n" << ui_text(trf("Rejected: {1}", {r->reason}));
    details_->ChangeValue(text);
}

void RequestsPage::save() {
    fields_.clear_errors();
    status(wxString(), false);
    const pos::CorporateClient* c = company_->client();
    if (!c) return status(ui_text(tr("Register the company first.")), true);
    pos::corporate::DeskRequestForm form;
    form.inn = c->inn;
    // The kinds as listed: request_kinds() without unblocking.
    int index = kind_->GetSelection();
    for (const pos::corporate::RequestKindInfo& k : pos::corporate::request_kinds()) {
        if (k.kind == pos::corporate::RequestKind::unblock_sim) continue;
        if (index-- == 0) form.kind = k.code;
    }
    form.number = number_->GetValue().utf8_string();
    form.details = note_->GetValue().utf8_string();
    try {
        const std::int64_t id = pos::corporate::take_request(db_, actor_, form);
        status(ui_text(trf("Request No. {1} taken.", {std::to_string(id)})), false);
        number_->ChangeValue(wxString());
        note_->ChangeValue(wxString());
        fill_list(id);
    } catch (const pos::InputError& e) {
        if (!fields_.show_error(e.input(), wxString::FromUTF8(e.message())))
            status(wxString::FromUTF8(e.message()), true);
        Layout();
    } catch (...) {
        status(current_error_text(), true);
    }
}

void RequestsPage::act(const char* what) {
    const auto* r = selected();
    if (!r) return;
    const std::int64_t id = r->id;
    status(wxString(), false);
    try {
        if (std::strcmp(what, "start") == 0) {
            pos::corporate::start_request(db_, actor_, id);
            status(
                ui_text(trf("Request No. {1}: {2}.",
                            {std::to_string(id), pos::corporate::label(RequestStatus::in_progress).str()})),
                false);
        } else if (std::strcmp(what, "done") == 0) {
            const auto done = pos::corporate::complete_request(db_, actor_, id,
                                                               pos::corporate::MailOutbox::default_folder());
            wxString said =
                ui_text(trf("Request No. {1}: {2}.",
                            {std::to_string(id), pos::corporate::label(RequestStatus::done).str()}));
            if (done.number_blocked) said << " " << ui_text(tr("The number is blocked."));
            if (!done.answered_to.empty())
                said << " "
                     << ui_text(trf("The list of {1} numbers went to {2}.",
                                    {std::to_string(done.numbers_listed), done.answered_to}));
            status(said, false);
        } else {
            const wxString reason = wxGetTextFromUser(ui_text(tr("Why the request is rejected:")),
                                                      ui_text(tr("Reject the request")), wxString(), this);
            if (reason.empty()) return;
            pos::corporate::reject_request(db_, actor_, id, reason.utf8_string());
            status(ui_text(trf("Request No. {1}: {2}.",
                               {std::to_string(id), pos::corporate::label(RequestStatus::rejected).str()})),
                   false);
        }
    } catch (...) {
        status(current_error_text(), true);
    }
    fill_list(id);
}

}  // namespace salon::ui
