#include "pos/ui/DashboardPage.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/common/NumberText.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/OutsideInput.hpp"
#include "pos/core/sale/Queue.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/HourlyVisitorsChart.hpp"
#include "pos/ui/ListColumns.hpp"
#include "pos/ui/PageFocus.hpp"

#include <wx/clipbrd.h>
#include <wx/settings.h>
#include <wx/sizer.h>

#include <algorithm>
#include <cstdio>

namespace salon::ui {

namespace {

constexpr int kRefreshMs = 30'000;
// Nothing to show; the command line prints the same dash.
const wxString kDash = wxString::FromUTF8("—");

// One decimal, as salon-cli dashboard prints minutes: the two must show the same figures.
std::string minutes(double m) { return pos::decimal_text(m, 1); }

wxString minutes_text(double m) { return ui_text(trf("{1} min", {minutes(m)})); }

Text purpose_title(pos::VisitPurpose purpose) {
    switch (purpose) {
    case pos::VisitPurpose::top_up: return tr("Balance top-up");
    case pos::VisitPurpose::sale: return tr("Sale");
    case pos::VisitPurpose::service: return tr("Service visit");
    case pos::VisitPurpose::corporate: return tr("Corporate client");
    }
    return tr("Sale");
}

Text status_title(const std::string& status) {
    if (status == "waiting") return tr("waiting");
    if (status == "serving") return tr("being served");
    if (status == "done") return tr("served");
    return tr("went away");
}

// A norm's share: "60% (3 of 5)", or a dash when there is nothing to measure.
wxString share_text(int percent, int part, int whole) {
    if (percent < 0) return kDash;
    return ui_text(
        trf("{1}% ({2} of {3})", {std::to_string(percent), std::to_string(part), std::to_string(whole)}));
}

const wxColour kMetText(0x1E, 0x7B, 0x34), kMetBackground(0xE3, 0xF4, 0xE8),
    kBelowBackground(0xFB, 0xE3, 0xE3);

// The norm's mark: the colour says it at a glance, the words say it to everyone.
void mark_norm(wxGrid* grid, int row, int col, bool measured, bool met, int threshold, const Text& nothing) {
    if (!measured) {
        grid->SetCellValue(row, col, ui_text(nothing));
        grid->SetCellTextColour(row, col, wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        return;
    }
    const std::string t = std::to_string(threshold);
    grid->SetCellValue(row, col,
                       met ? ui_text(trf("✓ {1}% or more", {t})) : ui_text(trf("✗ below {1}%", {t})));
    grid->SetCellTextColour(row, col, met ? kMetText : error_colour());
    grid->SetCellBackgroundColour(row, col, met ? kMetBackground : kBelowBackground);
    if (!met) grid->SetCellFont(row, col, grid->GetDefaultCellFont().Bold());
}

}  // namespace

DashboardPage::DashboardPage(wxWindow* parent, db::Database& db, const pos::Actor& actor)
    : StationPage(parent), db_(db), actor_(actor), timer_(this) {
    title_ = new wxStaticText(this, wxID_ANY, wxString());
    title_->SetFont(title_->GetFont().Bold().Scaled(1.2f));
    note_ = new wxStaticText(this, wxID_ANY, wxString());
    auto* refresh_button = new wxButton(this, wxID_ANY, ui_text(tr("Refresh (F5)")));
    auto* copy = new wxButton(this, wxID_ANY, ui_text(tr("Copy (Ctrl+C)")));
    refresh_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { refresh(); });
    copy->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { copy_to_clipboard(); });
    auto* header = new wxBoxSizer(wxHORIZONTAL);
    header->Add(title_, 0, wxALIGN_CENTER_VERTICAL);
    header->Add(note_, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(12));
    header->Add(refresh_button, 0, wxLEFT, FromDIP(6));
    header->Add(copy, 0, wxLEFT, FromDIP(6));

    // The figures: two caption-and-value pairs a row.
    auto* figures = new wxFlexGridSizer(4, FromDIP(wxSize(12, 6)));
    for (const Text& caption :
         {tr("Waiting now"), tr("Being served"), tr("Served today"), tr("Went away"), tr("Average wait"),
          tr("90% waited no longer than"), tr("Longest waiting now")})
        figures_.push_back(add_figure(figures, caption));

    hours_caption_ = new wxStaticText(this, wxID_ANY, ui_text(tr("Visitors per hour (tickets taken)")));
    chart_ = new HourlyVisitorsChart(this);
    auto* chart_column = new wxBoxSizer(wxVERTICAL);
    chart_column->Add(hours_caption_);
    chart_column->Add(chart_, 1, wxEXPAND | wxTOP, FromDIP(4));
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(figures, 0, wxALIGN_TOP);
    top->Add(chart_column, 1, wxEXPAND | wxLEFT, FromDIP(24));

    auto* queue_title = new wxStaticText(this, wxID_ANY, ui_text(tr("Today's queue")));
    queue_title->SetFont(queue_title->GetFont().Bold());
    queue_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    queue_->AppendColumn(ui_text(tr("Ticket")), wxLIST_FORMAT_LEFT, FromDIP(70));
    queue_->AppendColumn(ui_text(tr("Purpose")), wxLIST_FORMAT_LEFT, FromDIP(150));
    queue_->AppendColumn(ui_text(tr("Taken")), wxLIST_FORMAT_LEFT, FromDIP(70));
    queue_->AppendColumn(ui_text(tr("Waited")), wxLIST_FORMAT_RIGHT, FromDIP(120));
    queue_->AppendColumn(ui_text(tr("Status")), wxLIST_FORMAT_LEFT, FromDIP(130));
    queue_->AppendColumn(ui_text(tr("Specialist")), wxLIST_FORMAT_LEFT, FromDIP(230));
    queue_->AppendColumn(ui_text(tr("Rating")), wxLIST_FORMAT_RIGHT, FromDIP(70));

    auto* norms_title = new wxStaticText(this, wxID_ANY, ui_text(tr("Each specialist's norms this month")));
    norms_title->SetFont(norms_title->GetFont().Bold());
    norms_ = new wxGrid(this, wxID_ANY);
    norms_->CreateGrid(0, 7);
    norms_->HideRowLabels();
    norms_->EnableEditing(false);
    norms_->EnableDragRowSize(false);
    norms_->DisableDragGridSize();
    norms_->SetTabBehaviour(wxGrid::Tab_Leave);
    norms_->SetCellHighlightPenWidth(0);
    norms_->SetDefaultCellBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOX));
    int col = 0;
    for (const Text& t : {tr("Specialist"), tr("Served"), tr("Min per visit"), tr("Bundle tariffs"),
                          tr("Bundle norm"), tr("Good ratings"), tr("Rating norm")}) {
        // The figures' headings on two lines ("Доля\nпакетов"): on one they made the grid wider than the page
        // of a 1024-pixel screen.
        wxString label = ui_text(t);
        if (col > 0) label.Replace(" ", "\n", false);
        norms_->SetColLabelValue(col++, label);
    }
    norms_->SetColLabelSize(2 * norms_->GetCharHeight() + FromDIP(10));
    for (int right : {1, 2, 3, 5}) {
        auto* attr = new wxGridCellAttr;
        attr->SetAlignment(wxALIGN_RIGHT, wxALIGN_CENTRE);
        norms_->SetColAttr(right, attr);
    }

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(header, 0, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(top, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(queue_title, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    sizer->Add(queue_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    sizer->Add(norms_title, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    sizer->Add(norms_, 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizer(sizer);

    Bind(
        wxEVT_TIMER,
        [this](wxTimerEvent&) {
            // The frame may be hidden behind the sign-in window: read only what someone can see.
            if (IsShownOnScreen()) refresh();
        },
        timer_.GetId());
    Bind(wxEVT_SHOW, [this](wxShowEvent& e) {
        e.Skip();
        if (!e.IsShown())
            return timer_.Stop();  // another page was brought forward; refresh() starts it again
        CallAfter([this] { take_focus_if_lost(this, queue_); });
    });
    norms_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { fit_norm_columns(); });
    });
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_F5) return refresh();
        if (e.GetKeyCode() == 'C' && e.GetModifiers() == wxMOD_CONTROL) return copy_to_clipboard();
        e.Skip();
    });
}

wxStaticText* DashboardPage::add_figure(wxFlexGridSizer* grid, const Text& caption) {
    auto* label = new wxStaticText(this, wxID_ANY, ui_text(caption));
    label->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    auto* value = new wxStaticText(this, wxID_ANY, "0");
    value->SetFont(value->GetFont().Bold().Scaled(1.3f));
    grid->Add(label, 0, wxALIGN_CENTER_VERTICAL | wxALIGN_RIGHT);
    grid->Add(value, 0, wxALIGN_CENTER_VERTICAL);
    captions_.push_back(label);
    return value;
}

void DashboardPage::refresh() {
    try {
        const pos::DeskDashboard d = pos::desk_dashboard(db_, actor_);
        const std::vector<pos::Visit> visits = pos::todays_queue(db_, actor_);
        const std::string zone = pos::get_salon(db_, actor_, actor_.member().salon_id).time_zone;
        const std::int64_t now = db_.now();
        const std::string clock = pos::local_date_time(now, zone);  // "30.11.2026 16:05"
        const std::string time_of_day = clock.substr(clock.find(' ') + 1);
        title_->SetLabel(
            ui_text(trf("Today, {1}", {pos::CalendarDate::parse(d.day, "day", tr("Date")).display()})));

        figures_[waiting]->SetLabel(wxString::Format("%d", d.waiting));
        figures_[serving]->SetLabel(wxString::Format("%d", d.serving));
        figures_[done]->SetLabel(wxString::Format("%d", d.done));
        figures_[left]->SetLabel(wxString::Format("%d", d.left));
        figures_[average_wait]->SetLabel(minutes_text(d.average_wait_minutes));
        figures_[p90_wait]->SetLabel(minutes_text(d.p90_wait_minutes));
        figures_[longest_wait]->SetLabel(
            ui_text(trf("{1} min", {std::to_string(d.longest_waiting_minutes)})));
        // A long wait is the clients' chief irritant (R-POS-6): the longest current one stands out.
        figures_[longest_wait]->SetForegroundColour(d.longest_waiting_minutes >= 15 ? error_colour()
                                                                                    : GetForegroundColour());
        by_hour_ = d.visitors_by_hour;
        chart_->set_counts(by_hour_, std::stoi(time_of_day.substr(0, 2)));

        queue_->DeleteAllItems();
        const wxColour grey = wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
        for (const pos::Visit& v : visits) {
            const long row = queue_->InsertItem(queue_->GetItemCount(), wxString::FromUTF8(v.label));
            const std::string taken = pos::local_date_time(v.joined_at, zone);
            queue_->SetItem(row, 1, ui_text(purpose_title(v.purpose)));
            queue_->SetItem(row, 2, wxString::FromUTF8(taken.substr(taken.find(' ') + 1)));
            if (v.called_at)
                queue_->SetItem(row, 3, minutes_text(static_cast<double>(v.called_at - v.joined_at) / 60.0));
            else if (v.status == "waiting")
                queue_->SetItem(row, 3,
                                ui_text(trf("{1} min so far", {std::to_string((now - v.joined_at) / 60)})));
            else
                queue_->SetItem(row, 3, kDash);
            queue_->SetItem(row, 4, ui_text(status_title(v.status)));
            queue_->SetItem(row, 5, wxString::FromUTF8(v.served_by_name));
            queue_->SetItem(row, 6, v.rating ? wxString::Format("%d", v.rating) : kDash);
            if (v.status == "done" || v.status == "left") queue_->SetItemTextColour(row, grey);
            if (v.status == "serving") queue_->SetItemBackgroundColour(row, wxColour(0xE3, 0xEE, 0xFB));
        }
        fit_columns(queue_);

        if (norms_->GetNumberRows() > 0) norms_->DeleteRows(0, norms_->GetNumberRows());
        norms_->AppendRows(static_cast<int>(d.norms.size()));
        for (std::size_t i = 0; i < d.norms.size(); ++i) {
            const pos::SpecialistNorms& n = d.norms[i];
            const int row = static_cast<int>(i);
            norms_->SetCellValue(row, 0, wxString::FromUTF8(n.name));
            norms_->SetCellValue(row, 1, wxString::Format("%d", n.visits_served));
            norms_->SetCellValue(row, 2, wxString::FromUTF8(minutes(n.average_service_minutes)));
            norms_->SetCellValue(row, 3,
                                 share_text(n.bundle_share_percent(), n.bundle_sales, n.tariff_sales));
            mark_norm(norms_, row, 4, n.tariff_sales > 0, n.bundle_norm_met(), n.bundle_threshold_percent,
                      tr("no sales yet"));
            norms_->SetCellValue(row, 5, share_text(n.good_rating_percent(), n.good_ratings, n.ratings));
            mark_norm(norms_, row, 6, n.ratings > 0, n.rating_norm_met(),
                      pos::SpecialistNorms::kGoodRatingPercent, tr("no ratings yet"));
        }
        fit_norm_columns();
        // Tall enough for every specialist of the salon (at least three rows): no inner scrolling.
        const int rows = std::max(3, norms_->GetNumberRows());
        norms_->SetMinSize(
            wxSize(-1, norms_->GetColLabelSize() + rows * norms_->GetDefaultRowSize() + FromDIP(4)));
        note(ui_text(trf("updated at {1}", {time_of_day})), false);
    } catch (const UserError& e) {
        note(wxString::FromUTF8(e.message()), true);
    }
    if (!timer_.IsRunning()) timer_.Start(kRefreshMs);
    Layout();
}

void DashboardPage::fit_norm_columns() {
    norms_->AutoSizeColumns(false);
    int total = 0;
    for (int c = 0; c < norms_->GetNumberCols(); ++c) {
        norms_->SetColSize(c, norms_->GetColSize(c) + FromDIP(6));
        total += norms_->GetColSize(c);
    }
    // The names take what the page has to spare, so the grid ends where the queue above it ends; on a
    // narrow window they give up width first (down to a short name), so the norms stay in view.
    const int spare = norms_->GetClientSize().GetWidth() - total - FromDIP(2);
    norms_->SetColSize(0, std::max(FromDIP(110), norms_->GetColSize(0) + spare));
    norms_->ForceRefresh();
}

void DashboardPage::copy_to_clipboard() {
    // What the page shows, read back from its windows, as tab-separated lines that people paste into a
    // spreadsheet: every cell goes through spreadsheet_safe, so a visitor's name is never run as a formula.
    auto cell = [](const wxString& shown) { return wxString::FromUTF8(pos::spreadsheet_safe(shown.utf8_string())); };
    wxString text = cell(title_->GetLabel()) + "\n";
    for (std::size_t i = 0; i < figures_.size(); ++i)
        text << cell(captions_[i]->GetLabel()) << "\t" << cell(figures_[i]->GetLabel()) << "\n";
    wxString hours;
    for (std::size_t h = 0; h < by_hour_.size(); ++h)
        if (by_hour_[h] > 0)
            hours << (hours.empty() ? "" : "; ") << wxString::Format("%02zu:00 %d", h, by_hour_[h]);
    text << cell(hours_caption_->GetLabel()) << "\t" << cell(hours) << "\n\n";
    for (int c = 0; c < queue_->GetColumnCount(); ++c) {
        wxListItem column;
        column.SetMask(wxLIST_MASK_TEXT);
        queue_->GetColumn(c, column);
        text << (c ? "\t" : "") << cell(column.GetText());
    }
    text << "\n";
    for (long r = 0; r < queue_->GetItemCount(); ++r) {
        for (int c = 0; c < queue_->GetColumnCount(); ++c)
            text << (c ? "\t" : "") << cell(queue_->GetItemText(r, c));
        text << "\n";
    }
    text << "\n";
    for (int c = 0; c < norms_->GetNumberCols(); ++c) text << (c ? "\t" : "") << cell(norms_->GetColLabelValue(c));
    text << "\n";
    for (int r = 0; r < norms_->GetNumberRows(); ++r) {
        for (int c = 0; c < norms_->GetNumberCols(); ++c)
            text << (c ? "\t" : "") << cell(norms_->GetCellValue(r, c));
        text << "\n";
    }
    if (!wxTheClipboard->Open()) return note(ui_text(tr("The clipboard is busy: try again.")), true);
    wxTheClipboard->SetData(new wxTextDataObject(text));
    wxTheClipboard->Close();
    note(ui_text(tr("The dashboard is copied: paste it into a message.")), false);
}

void DashboardPage::note(const wxString& text, bool error) {
    note_->SetLabel(text);
    note_->SetForegroundColour(error ? error_colour() : wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
}

}  // namespace salon::ui
