#include "pos/ui/PortRequestsPage.hpp"

#include "db/UserError.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/WxLabels.hpp"

#include <wx/sizer.h>
#include <wx/textdlg.h>

namespace salon::ui {

namespace {
enum Column { number, donor, date, state, overdue, client, tariff, receipt, salon };

std::string shown_date(const std::string& iso) {
    try {
        return pos::CalendarDate::parse(iso, "desired_date", tr("Transfer date")).display();
    } catch (const UserError&) {
        return iso;
    }
}
}  // namespace

PortRequestsPage::PortRequestsPage(wxWindow* parent, db::Database& db, const pos::Actor& actor)
    : StationPage(parent), db_(db), actor_(actor) {
    only_open_ = new wxCheckBox(this, wxID_ANY, ui_text(tr("&Only open requests")));
    only_open_->SetValue(true);
    only_open_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { refresh(); });
    accept_ = new wxButton(this, wxID_ANY, ui_text(tr("&Accepted by the donor")));
    reject_ = new wxButton(this, wxID_ANY, ui_text(tr("&Rejected…")));
    complete_ = new wxButton(this, wxID_ANY, ui_text(tr("&Transfer completed…")));
    accept_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { advance(pos::PortStatus::accepted); });
    reject_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { advance(pos::PortStatus::rejected); });
    complete_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { advance(pos::PortStatus::completed); });

    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    list_->AppendColumn(ui_text(tr("Number")), wxLIST_FORMAT_LEFT, FromDIP(130));
    list_->AppendColumn(ui_text(tr("Donor operator")), wxLIST_FORMAT_LEFT, FromDIP(110));
    list_->AppendColumn(ui_text(tr("Transfer date")), wxLIST_FORMAT_LEFT, FromDIP(100));
    list_->AppendColumn(ui_text(tr("Status")), wxLIST_FORMAT_LEFT, FromDIP(160));
    list_->AppendColumn(ui_text(tr("Overdue")), wxLIST_FORMAT_RIGHT, FromDIP(80));
    list_->AppendColumn(ui_text(tr("Client")), wxLIST_FORMAT_LEFT, FromDIP(150));
    list_->AppendColumn(ui_text(tr("Tariff")), wxLIST_FORMAT_LEFT, FromDIP(110));
    list_->AppendColumn(ui_text(tr("Receipt")), wxLIST_FORMAT_LEFT, FromDIP(70));
    list_->AppendColumn(ui_text(tr("Salon")), wxLIST_FORMAT_LEFT, FromDIP(160));
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { show_selected(); });
    list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { show_selected(); });

    history_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(-1, 120)),
                              wxTE_MULTILINE | wxTE_READONLY);
    status_ = new wxStaticText(this, wxID_ANY, wxString());

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(only_open_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 16);
    for (wxButton* b : {accept_, reject_, complete_}) top->Add(b, 0, wxRIGHT, 6);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxALL, 8);
    sizer->Add(status_, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    sizer->Add(list_, 1, wxEXPAND | wxALL, 8);
    sizer->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("History of the selected request:"))), 0,
               wxLEFT | wxRIGHT, 8);
    sizer->Add(history_, 0, wxEXPAND | wxALL, 8);
    SetSizer(sizer);
}

void PortRequestsPage::refresh() {
    const long keep = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    const std::int64_t keep_id = keep >= 0 && keep < static_cast<long>(rows_.size()) ? rows_[keep].id : 0;
    list_->DeleteAllItems();
    rows_.clear();
    try {
        pos::PortRequestFilter filter;
        filter.only_open = only_open_->GetValue();
        rows_ = pos::list_port_requests(db_, actor_, filter);
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const pos::PortRequestRow& r = rows_[i];
        const long item = list_->InsertItem(static_cast<long>(i), wxString::FromUTF8(r.number));
        list_->SetItem(item, donor, wxString::FromUTF8(r.donor_operator));
        list_->SetItem(item, date, wxString::FromUTF8(shown_date(r.desired_date)));
        list_->SetItem(item, state, ui_text(pos::port_status_title(r.status)));
        if (r.overdue()) {
            // Said in words, not by colour alone.
            list_->SetItem(item, overdue, ui_text(trf("{1} d.", {std::to_string(r.days_overdue)})));
            list_->SetItemTextColour(item, error_colour());
        }
        list_->SetItem(item, client, wxString::FromUTF8(r.client_name));
        list_->SetItem(item, tariff, wxString::FromUTF8(r.tariff_name));
        list_->SetItem(
            item, receipt,
            wxString::FromUTF8(std::to_string(r.shift_number) + "/" + std::to_string(r.receipt_number)));
        list_->SetItem(item, salon, wxString::FromUTF8(r.salon_name));
        if (r.id == keep_id) select(item);
    }
    // The request answered a moment ago may have left the open list: the first one is then selected.
    if (!rows_.empty() && !selected()) select(0);
    show_selected();
    // The page is for answering the requests: the arrows move in the list, Alt+A / Alt+R / Alt+T answer.
    if (IsShownOnScreen()) list_->SetFocus();
}

void PortRequestsPage::select(long item) {
    list_->SetItemState(item, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                        wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
}

const pos::PortRequestRow* PortRequestsPage::selected() const {
    const long item = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (item < 0 || item >= static_cast<long>(rows_.size())) return nullptr;
    return &rows_[static_cast<std::size_t>(item)];
}

void PortRequestsPage::show_selected() {
    const pos::PortRequestRow* r = selected();
    accept_->Enable(r && r->status == pos::PortStatus::submitted);
    reject_->Enable(r && pos::is_open(r->status));
    complete_->Enable(r && r->status == pos::PortStatus::accepted);
    if (!r) return history_->ChangeValue(wxString());
    wxString text =
        ui_text(trf("{1}: filed with receipt {2}/{3}, sent to {4}.",
                    {pos::local_date_time(r->created_at, r->time_zone), std::to_string(r->shift_number),
                     std::to_string(r->receipt_number), r->donor_operator}));
    try {
        for (const pos::PortStatusChange& c : pos::port_request_history(db_, actor_, r->id)) {
            text << "\n"
                 << wxString::FromUTF8(pos::local_date_time(c.at, r->time_zone)) << ": "
                 << ui_text(pos::port_status_title(c.to)) << " (" << wxString::FromUTF8(c.staff_name) << ")";
            if (!c.reason.empty()) text << " — " << wxString::FromUTF8(c.reason);
            if (!c.iccid.empty()) text << " — ICCID " << wxString::FromUTF8(c.iccid);
        }
    } catch (const UserError& e) {
        text << "\n" << wxString::FromUTF8(e.message());
    }
    history_->ChangeValue(text);
}

void PortRequestsPage::advance(pos::PortStatus to) {
    const pos::PortRequestRow* r = selected();
    if (!r) return;
    const std::int64_t id = r->id;
    std::string reason, iccid;
    if (to == pos::PortStatus::rejected) {
        const wxString typed =
            text_from_person(ui_text(tr("Why the donor refused (a debt, an owner mismatch…):")),
                              ui_text(tr("Rejected by the donor")), wxString(), this);
        if (typed.empty()) return;
        reason = typed.utf8_string();
    }
    if (to == pos::PortStatus::completed) {
        // The scanner types the blank card's ICCID and Enter into the dialog's field.
        const wxString typed =
            text_from_person(ui_text(tr("Scan the blank SIM card that takes the number (ICCID):")),
                              ui_text(tr("Transfer completed")), wxString(), this);
        if (typed.empty()) return;
        iccid = typed.utf8_string();
    }
    try {
        const pos::PortRequestRow now = pos::advance_port_request(db_, actor_, id, to, reason, iccid);
        status(ui_text(trf("{1}: {2}.", {now.number, pos::port_status_title(now.status).str()})), false);
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
    refresh();
}

}  // namespace salon::ui
