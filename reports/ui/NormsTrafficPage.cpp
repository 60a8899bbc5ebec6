#include "reports/ui/NormsTrafficPage.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/HourlyVisitorsChart.hpp"
#include "reports/core/NormsExport.hpp"
#include "reports/core/RewardPeriod.hpp"

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/sizer.h>

namespace salon::ui {

namespace {

wxListCtrl* list(wxWindow* parent, const std::vector<std::pair<Text, int>>& columns) {
    auto* l = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    for (const auto& [title, width] : columns) l->AppendColumn(ui_text(title), wxLIST_FORMAT_LEFT, parent->FromDIP(width));
    return l;
}

wxString share(long long part, long long whole) {
    return whole ? wxString::Format("%lld%%", part * 100 / whole) : wxString::FromUTF8("—");
}

void bold_title(wxWindow* parent, wxStaticText*& label, const Text& text) {
    label = new wxStaticText(parent, wxID_ANY, ui_text(text));
    label->SetFont(label->GetFont().Bold());
}

}  // namespace

NormsTrafficPage::NormsTrafficPage(wxWindow* parent, db::Database& db, const pos::Actor& actor)
    : StationPage(parent), db_(db), actor_(actor) {
    auto* title = new wxStaticText(this, wxID_ANY, ui_text(tr("Norms and traffic")));
    title->SetFont(title->GetFont().Bold().Scaled(1.2f));
    // The last 30 days by default, on the accounting clock (each salon's own clock is applied in core).
    const auto today = pos::CalendarDate::from_days(reports::accounting_day(db_.now()));
    from_ = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(today.plus_days(-29).iso()), wxDefaultPosition, FromDIP(wxSize(110, -1)));
    to_ = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(today.iso()), wxDefaultPosition, FromDIP(wxSize(110, -1)));
    auto* show = new wxButton(this, wxID_ANY, ui_text(tr("Show (F5)")));
    show->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { refresh(); });
    auto* save_norms = new wxButton(this, wxID_ANY, ui_text(tr("Save norms...")));
    save_norms->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(true); });
    auto* save_traffic = new wxButton(this, wxID_ANY, ui_text(tr("Save traffic...")));
    save_traffic->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(false); });
    auto* header = new wxBoxSizer(wxHORIZONTAL);
    header->Add(title, 0, wxALIGN_CENTER_VERTICAL);
    header->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("From"))), 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(16));
    header->Add(from_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(6));
    header->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("To"))), 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(12));
    header->Add(to_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(6));
    header->Add(show, 0, wxLEFT, FromDIP(6));
    header->AddStretchSpacer();
    header->Add(save_norms, 0, wxLEFT, FromDIP(6));
    header->Add(save_traffic, 0, wxLEFT, FromDIP(6));

    wxStaticText *norms_title = nullptr, *traffic_title = nullptr, *weekdays_title = nullptr;
    bold_title(this, norms_title, tr("Specialists' norms: bundle share and good ratings"));
    norms_ = list(this, {{tr("Salon"), 220}, {tr("Specialist"), 250}, {tr("Bundle share"), 130},
                         {tr("Bundle threshold"), 130}, {tr("Good ratings"), 130}, {tr("Good-rating threshold"), 160},
                         {tr("Below a norm"), 110}});
    bold_title(this, traffic_title, tr("Visitors and waits"));
    traffic_list_ = list(this, {{tr("Salon"), 200}, {tr("Visitors"), 100}, {tr("Visitors per hour"), 140},
                                {tr("Average wait, min"), 170}});
    traffic_list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { show_salon(static_cast<std::size_t>(e.GetIndex())); });
    chart_title_ = new wxStaticText(this, wxID_ANY, wxString());
    chart_title_->SetFont(chart_title_->GetFont().Bold());
    chart_ = new HourlyVisitorsChart(this);
    bold_title(this, weekdays_title, tr("By weekday"));
    weekdays_ = list(this, {{tr("Weekday"), 110}, {tr("Visitors"), 100}, {tr("Average wait, min"), 170}});

    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(traffic_title);
    left->Add(traffic_list_, 1, wxEXPAND | wxTOP, FromDIP(4));
    bottom->Add(left, 3, wxEXPAND);
    auto* middle = new wxBoxSizer(wxVERTICAL);
    middle->Add(chart_title_);
    middle->Add(chart_, 1, wxEXPAND | wxTOP, FromDIP(4));
    bottom->Add(middle, 4, wxEXPAND | wxLEFT, FromDIP(12));
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(weekdays_title);
    right->Add(weekdays_, 1, wxEXPAND | wxTOP, FromDIP(4));
    bottom->Add(right, 2, wxEXPAND | wxLEFT, FromDIP(12));

    status_ = new wxStaticText(this, wxID_ANY, wxString());
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(header, 0, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(norms_title, 0, wxLEFT, FromDIP(8));
    sizer->Add(norms_, 3, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(bottom, 2, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(status_, 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizer(sizer);
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_F5) refresh();
        else e.Skip();
    });
}

void NormsTrafficPage::refresh() {
    try {
        const std::string from = from_->GetValue().utf8_string(), to = to_->GetValue().utf8_string();
        const auto norms = reports::norms_report(db_, actor_, from, to);
        traffic_ = reports::traffic_report(db_, actor_, from, to);
        norms_->DeleteAllItems();
        long row = 0;
        for (const auto& n : norms)
            for (const auto& p : n.specialists) {
                norms_->InsertItem(row, wxString::FromUTF8(n.salon));
                norms_->SetItem(row, 1, wxString::FromUTF8(p.name));
                norms_->SetItem(row, 2, share(p.bundle_sales, p.tariff_sales));
                norms_->SetItem(row, 3, wxString::Format("%d%%", p.bundle_threshold_percent));
                norms_->SetItem(row, 4, share(p.good_ratings, p.ratings));
                norms_->SetItem(row, 5, wxString::Format("%d%%", pos::SpecialistNorms::kGoodRatingPercent));
                const bool below = !p.bundle_norm_met() || !p.rating_norm_met();
                norms_->SetItem(row, 6, ui_text(below ? tr("yes") : tr("no")));
                if (below) norms_->SetItemTextColour(row, error_colour());
                ++row;
            }
        traffic_list_->DeleteAllItems();
        row = 0;
        for (const auto& t : traffic_) {
            traffic_list_->InsertItem(row, wxString::FromUTF8(t.salon));
            traffic_list_->SetItem(row, 1, wxString::Format("%lld", t.visits));
            traffic_list_->SetItem(row, 2, wxString::Format("%.1f", t.visitors_per_hour));
            traffic_list_->SetItem(row, 3, wxString::Format("%.1f", t.average_wait));
            ++row;
        }
        if (!traffic_.empty()) traffic_list_->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
        show_salon(0);
        status(wxString(), false);
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
}

void NormsTrafficPage::show_salon(std::size_t index) {
    weekdays_->DeleteAllItems();
    if (index >= traffic_.size()) {
        chart_title_->SetLabel(wxString());
        chart_->set_counts({}, -1);
        return;
    }
    const auto& t = traffic_[index];
    chart_title_->SetLabel(ui_text(trf("{1}: visitors by hour of day", {t.salon})));
    std::vector<int> counts;
    for (long long v : t.visitors_by_hour) counts.push_back(static_cast<int>(v));
    chart_->set_counts(std::move(counts), -1);
    for (std::size_t d = 0; d < 7; ++d) {
        const long row = static_cast<long>(d);
        weekdays_->InsertItem(row, ui_text(reports::weekday_title(d)));
        weekdays_->SetItem(row, 1, wxString::Format("%lld", t.visitors_by_weekday[d]));
        weekdays_->SetItem(row, 2, wxString::Format("%.1f", t.average_wait_by_weekday[d]));
    }
    Layout();
}

void NormsTrafficPage::save(bool norms) {
    wxFileDialog ask(this, ui_text(norms ? tr("Save norms") : tr("Save traffic")), wxString(),
                     norms ? "norms.xlsx" : "traffic.xlsx", "XLSX (*.xlsx)|*.xlsx|PDF (*.pdf)|*.pdf|CSV (*.csv)|*.csv",
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (ask.ShowModal() != wxID_OK) return;
    const reports::ExportFormat formats[] = {reports::ExportFormat::xlsx, reports::ExportFormat::pdf,
                                             reports::ExportFormat::csv};
    const int filter = ask.GetFilterIndex();
    try {
        reports::NormsExportJob job;
        job.kind = norms ? reports::NormsReportKind::norms : reports::NormsReportKind::traffic;
        job.from = from_->GetValue().utf8_string();
        job.to = to_->GetValue().utf8_string();
        job.format = formats[filter >= 0 && filter < 3 ? filter : 0];
        job.path = ask.GetPath().utf8_string();
        reports::run_norms_export(db_, actor_, job);
        status(ui_text(trf("Written: {1}", {job.path})), false);
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
}

}  // namespace salon::ui
