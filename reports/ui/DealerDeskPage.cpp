#include "reports/ui/DealerDeskPage.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Dealer.hpp"
#include "pos/core/common/Money.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/sale/Queue.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/ui/FormFields.hpp"
#include "reports/core/DealerRewards.hpp"

#include <wx/button.h>
#include <wx/dcbuffer.h>
#include <wx/sizer.h>
#include <wx/textdlg.h>

#include <algorithm>
#include <cstdio>

namespace salon::ui {

// Bars of each salon's unit reward (SIMs, services and bundles at the scheme's rates) for the period.
class UnitRewardChart : public wxPanel {
public:
    explicit UnitRewardChart(wxWindow* parent) : wxPanel(parent, wxID_ANY, wxDefaultPosition, parent->FromDIP(wxSize(420, 220))) {
        SetBackgroundStyle(wxBG_STYLE_PAINT);
        Bind(wxEVT_PAINT, [this](wxPaintEvent&) { paint(); });
    }
    void set(std::vector<std::pair<wxString, std::int64_t>> bars) {
        bars_ = std::move(bars);
        Refresh();
    }

private:
    void paint() {
        wxAutoBufferedPaintDC dc(this);
        dc.SetBackground(*wxWHITE_BRUSH);
        dc.Clear();
        const wxSize size = GetClientSize();
        if (bars_.empty()) return;
        std::int64_t top = 1;
        for (const auto& b : bars_) top = std::max(top, b.second);
        const int label_h = FromDIP(34), value_h = FromDIP(16);
        const int chart_h = size.y - label_h - value_h;
        const int slot = size.x / static_cast<int>(bars_.size());
        const int bar = std::min(FromDIP(70), slot * 3 / 5);
        dc.SetFont(GetFont().Smaller());
        for (std::size_t i = 0; i < bars_.size(); ++i) {
            const int h = static_cast<int>(static_cast<double>(chart_h) * static_cast<double>(std::max<std::int64_t>(0, bars_[i].second)) /
                                           static_cast<double>(top));
            const int x = slot * static_cast<int>(i) + (slot - bar) / 2;
            dc.SetBrush(wxBrush(wxColour(0x3B, 0x73, 0xBF)));
            dc.SetPen(*wxTRANSPARENT_PEN);
            dc.DrawRectangle(x, value_h + chart_h - h, bar, h);
            const wxString value = wxString::FromUTF8(pos::Money::from_kopecks(bars_[i].second).format());
            dc.DrawText(value, x + (bar - dc.GetTextExtent(value).x) / 2, value_h + chart_h - h - value_h);
            wxString name = bars_[i].first;
            while (name.size() > 3 && dc.GetTextExtent(name).x > slot - 4) name = name.Left(name.size() - 2);
            dc.DrawText(name, slot * static_cast<int>(i) + (slot - dc.GetTextExtent(name).x) / 2, value_h + chart_h + FromDIP(4));
        }
        dc.SetPen(*wxBLACK_PEN);
        dc.DrawLine(0, value_h + chart_h, size.x, value_h + chart_h);
    }
    std::vector<std::pair<wxString, std::int64_t>> bars_;
};

namespace {

wxString money_text(std::int64_t kopecks) { return wxString::FromUTF8(pos::Money::from_kopecks(kopecks).format()); }

wxString share(long long part, long long whole) {
    return whole ? wxString::Format("%lld%%", part * 100 / whole) : wxString::FromUTF8("—");
}

wxListCtrl* list(wxWindow* parent, const std::vector<std::pair<Text, int>>& columns) {
    auto* l = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    for (const auto& [title, width] : columns) l->AppendColumn(ui_text(title), wxLIST_FORMAT_LEFT, parent->FromDIP(width));
    return l;
}

}  // namespace

DealerDeskPage::DealerDeskPage(wxWindow* parent, db::Database& db, const pos::Actor& actor)
    : StationPage(parent), db_(db), actor_(actor) {
    auto* title = new wxStaticText(this, wxID_ANY, ui_text(tr("Dealer's desk")));
    title->SetFont(title->GetFont().Bold().Scaled(1.2f));
    dealer_ = new wxChoice(this, wxID_ANY);
    period_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(100, -1)));
    auto* show = new wxButton(this, wxID_ANY, ui_text(tr("Show (F5)")));
    show->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { refresh(); });
    dealer_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refresh(); });
    auto* header = new wxBoxSizer(wxHORIZONTAL);
    header->Add(title, 0, wxALIGN_CENTER_VERTICAL);
    header->Add(dealer_, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(16));
    header->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("Period"))), 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(12));
    header->Add(period_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(6));
    header->Add(show, 0, wxLEFT, FromDIP(6));

    salons_ = list(this, {{tr("Salon"), 220}, {tr("Waiting"), 70}, {tr("Served today"), 110}, {tr("Average wait, min"), 140},
                          {tr("Served this month"), 140}, {tr("Bundle share"), 110}, {tr("Good ratings"), 110},
                          {tr("Below a norm"), 100}});
    reward_ = new wxStaticText(this, wxID_ANY, wxString());
    reward_->SetFont(reward_->GetFont().Bold().Scaled(1.1f));
    lines_ = list(this, {{tr("Rule"), 560}, {tr("Amount"), 140}});
    chart_ = new UnitRewardChart(this);
    disputes_ = list(this, {{tr("Line"), 140}, {tr("Comment"), 260}, {tr("Status"), 240}, {tr("Answer"), 260}});
    auto* dispute = new wxButton(this, wxID_ANY, ui_text(tr("Dispute the selected line...")));
    dispute->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { dispute_selected(); });
    dispute->Enable(actor_.dealer_id() != 0);
    // Who may resolve is checked in reports/core; the buttons are only offered where it can succeed.
    const bool head_office = actor_.dealer_id() == 0 && actor_.may(db_, pos::Permission::edit_reward_schemes);
    auto* accept = new wxButton(this, wxID_ANY, ui_text(tr("Accept the selected dispute...")));
    accept->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { resolve_selected(true); });
    auto* reject = new wxButton(this, wxID_ANY, ui_text(tr("Reject the selected dispute...")));
    reject->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { resolve_selected(false); });
    accept->Show(head_office);
    reject->Show(head_office);
    status_ = new wxStaticText(this, wxID_ANY, wxString());

    auto* middle = new wxBoxSizer(wxHORIZONTAL);
    middle->Add(lines_, 3, wxEXPAND);
    auto* right = new wxBoxSizer(wxVERTICAL);
    auto* chart_title = new wxStaticText(this, wxID_ANY, ui_text(tr("Unit reward by salon")));
    chart_title->SetFont(chart_title->GetFont().Bold());
    right->Add(chart_title);
    right->Add(chart_, 1, wxEXPAND | wxTOP, FromDIP(4));
    middle->Add(right, 2, wxEXPAND | wxLEFT, FromDIP(12));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(header, 0, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(salons_, 2, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(reward_, 0, wxALL, FromDIP(8));
    sizer->Add(middle, 4, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    auto* disputes_title = new wxStaticText(this, wxID_ANY, ui_text(tr("Disputes")));
    disputes_title->SetFont(disputes_title->GetFont().Bold());
    sizer->Add(disputes_title, 0, wxLEFT | wxTOP, FromDIP(8));
    sizer->Add(disputes_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(dispute);
    buttons->Add(accept, 0, wxLEFT, FromDIP(6));
    buttons->Add(reject, 0, wxLEFT, FromDIP(6));
    buttons->Add(status_, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(12));
    sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizer(sizer);
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_F5) refresh();
        else e.Skip();
    });
}

std::int64_t DealerDeskPage::chosen_dealer() const {
    const int i = dealer_->GetSelection();
    return i >= 0 && static_cast<std::size_t>(i) < dealer_ids_.size() ? dealer_ids_[static_cast<std::size_t>(i)] : 0;
}

void DealerDeskPage::refresh() {
    try {
        if (dealer_ids_.empty()) {
            for (const auto& d : pos::list_dealers(db_, actor_)) {
                if (!actor_.sees_dealer(d.id)) continue;
                dealer_ids_.push_back(d.id);
                dealer_->Append(wxString::FromUTF8(d.name + " (" + d.inn + ")"));
            }
            if (!dealer_ids_.empty()) dealer_->SetSelection(0);
            dealer_->Enable(dealer_ids_.size() > 1);
        }
        if (period_->GetValue().empty())
            period_->SetValue(wxString::FromUTF8(
                reports::period_of_day("quarter", reports::accounting_day(db_.now())).code));
        const std::int64_t dealer = chosen_dealer();
        if (!dealer) return;
        show_salons(dealer);
        show_statement(dealer, period_->GetValue().utf8_string());
        status(wxString(), false);
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
}

void DealerDeskPage::show_salons(std::int64_t dealer_id) {
    salons_->DeleteAllItems();
    long row = 0;
    for (const auto& salon : pos::list_salons(db_, actor_, dealer_id)) {
        if (!salon.active) continue;
        const pos::DeskDashboard d = pos::desk_dashboard(db_, actor_, salon.id);
        long long bundle = 0, tariff = 0, good = 0, rated = 0, below = 0, served = 0;
        for (const auto& n : d.norms) {
            bundle += n.bundle_sales, tariff += n.tariff_sales, good += n.good_ratings, rated += n.ratings;
            served += n.visits_served;
            if (!n.bundle_norm_met() || !n.rating_norm_met()) ++below;
        }
        salons_->InsertItem(row, wxString::FromUTF8(salon.name));
        salons_->SetItem(row, 1, wxString::Format("%d", d.waiting));
        salons_->SetItem(row, 2, wxString::Format("%d", d.done));
        salons_->SetItem(row, 3, wxString::Format("%.1f", d.average_wait_minutes));
        salons_->SetItem(row, 4, wxString::Format("%lld", served));
        salons_->SetItem(row, 5, share(bundle, tariff));
        salons_->SetItem(row, 6, share(good, rated));
        salons_->SetItem(row, 7, wxString::Format("%lld", below));
        if (below) salons_->SetItemTextColour(row, error_colour());
        ++row;
    }
}

void DealerDeskPage::show_statement(std::int64_t dealer_id, const std::string& period) {
    const auto s = reports::dealer_statement(db_, actor_, period, dealer_id);
    reward_->SetLabel(ui_text(trf("{1}, {2}: {3} ({4})", {s.dealer_name, s.period.code,
                                                          pos::Money::from_kopecks(s.reward.total).format(),
                                                          s.accruing ? tr("accruing, not computed yet").str()
                                                                     : reports::period_status_title(s.period.status).str()})));
    lines_->DeleteAllItems();
    line_keys_.clear();
    long row = 0;
    for (const auto& l : s.reward.lines) {
        lines_->InsertItem(row, ui_text(reports::describe(l)));
        lines_->SetItem(row, 1, money_text(l.amount));
        line_keys_.push_back(l.key);
        ++row;
    }
    lines_->InsertItem(row, ui_text(tr("Total")));
    lines_->SetItem(row, 1, money_text(s.reward.total));
    lines_->SetItemFont(row, lines_->GetFont().Bold());
    line_keys_.emplace_back();
    std::vector<std::pair<wxString, std::int64_t>> bars;
    for (const auto& u : reports::statement_by(db_, actor_, period, dealer_id, false))
        bars.emplace_back(wxString::FromUTF8(u.name), u.unit_reward);
    chart_->set(std::move(bars));
    disputes_->DeleteAllItems();
    dispute_ids_.clear();
    row = 0;
    for (const auto& d : s.disputes) {
        dispute_ids_.push_back(d.id);
        disputes_->InsertItem(row, wxString::FromUTF8(d.line_key));
        disputes_->SetItem(row, 1, wxString::FromUTF8(d.comment));
        disputes_->SetItem(row, 2, ui_text(reports::dispute_status_title(d.status)));
        disputes_->SetItem(row, 3, wxString::FromUTF8(d.resolution));
        ++row;
    }
    Layout();
}

void DealerDeskPage::dispute_selected() {
    const long selected = lines_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (selected < 0 || static_cast<std::size_t>(selected) >= line_keys_.size() ||
        line_keys_[static_cast<std::size_t>(selected)].empty()) {
        status(ui_text(tr("Choose a statement line first")), true);
        return;
    }
    wxTextEntryDialog ask(this, ui_text(tr("What is wrong with the line")), ui_text(tr("Dispute")));
    if (ask.ShowModal() != wxID_OK) return;
    try {
        const auto id = reports::raise_dispute(db_, actor_, period_->GetValue().utf8_string(), chosen_dealer(),
                                               line_keys_[static_cast<std::size_t>(selected)],
                                               ask.GetValue().utf8_string());
        refresh();
        status(ui_text(trf("Dispute {1} filed", {std::to_string(id)})), false);
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
}

void DealerDeskPage::resolve_selected(bool accepted) {
    const long selected = disputes_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (selected < 0 || static_cast<std::size_t>(selected) >= dispute_ids_.size()) {
        status(ui_text(tr("Choose a dispute first")), true);
        return;
    }
    const std::int64_t id = dispute_ids_[static_cast<std::size_t>(selected)];
    wxTextEntryDialog ask(this, ui_text(tr("Head office's answer")),
                          ui_text(accepted ? tr("Accept the dispute") : tr("Reject the dispute")));
    if (ask.ShowModal() != wxID_OK) return;
    try {
        reports::resolve_dispute(db_, actor_, id, accepted, ask.GetValue().utf8_string());
        refresh();
        status(ui_text(trf("Dispute {1} resolved", {std::to_string(id)})), false);
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
}

}  // namespace salon::ui
