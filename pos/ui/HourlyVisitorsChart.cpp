#include "pos/ui/HourlyVisitorsChart.hpp"

#include <wx/dcbuffer.h>
#include <wx/settings.h>

#include <algorithm>

namespace salon::ui {

namespace {
// Most salons open at 9 and close at 21; the chart always shows these hours, so an empty morning reads as
// empty rather than as a chart that starts later.
constexpr int kFirstHour = 9, kLastHour = 20;
}  // namespace

HourlyVisitorsChart::HourlyVisitorsChart(wxWindow* parent)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxFULL_REPAINT_ON_RESIZE) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, [this](wxPaintEvent&) { paint(); });
}

void HourlyVisitorsChart::set_counts(std::vector<int> by_hour, int current_hour) {
    by_hour.resize(24, 0);
    by_hour_ = std::move(by_hour);
    current_hour_ = current_hour;
    Refresh();
}

wxSize HourlyVisitorsChart::DoGetBestSize() const { return FromDIP(wxSize(360, 120)); }

void HourlyVisitorsChart::paint() {
    wxAutoBufferedPaintDC dc(this);
    const wxColour background = GetParent()->GetBackgroundColour();
    const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    dc.SetBackground(wxBrush(background));
    dc.Clear();
    int first = kFirstHour, last = kLastHour;
    for (int h = 0; h < 24; ++h)
        if (by_hour_[static_cast<std::size_t>(h)] > 0) {
            first = std::min(first, h);
            last = std::max(last, h);
        }
    const int peak = std::max(1, *std::max_element(by_hour_.begin(), by_hour_.end()));
    dc.SetFont(GetFont().Smaller());
    dc.SetTextForeground(text);
    const wxSize size = GetClientSize();
    const int label_height = dc.GetTextExtent("00").GetHeight();
    const int top = label_height + FromDIP(2);  // room for the count over the highest bar
    const int bottom = size.GetHeight() - label_height - FromDIP(4);  // room for the hours under the bars
    const int hours = last - first + 1;
    const double slot = static_cast<double>(size.GetWidth()) / hours;
    const int bar_width = std::max(FromDIP(4), static_cast<int>(slot * 0.7));
    dc.SetPen(wxPen(text.ChangeLightness(160)));
    dc.DrawLine(0, bottom, size.GetWidth(), bottom);
    for (int h = first; h <= last; ++h) {
        const int count = by_hour_[static_cast<std::size_t>(h)];
        const int centre = static_cast<int>(slot * (h - first) + slot / 2);
        const wxString hour = wxString::Format("%02d", h);
        const wxSize hour_size = dc.GetTextExtent(hour);
        dc.DrawText(hour, centre - hour_size.GetWidth() / 2, bottom + FromDIP(2));
        if (count == 0) continue;
        const int height = std::max(FromDIP(2), (bottom - top) * count / peak);
        const wxColour fill = h == current_hour_ ? wxColour(0x1F, 0x5F, 0xA8) : wxColour(0x6F, 0x9F, 0xD8);
        dc.SetPen(wxPen(fill));
        dc.SetBrush(wxBrush(fill));
        dc.DrawRectangle(centre - bar_width / 2, bottom - height, bar_width, height);
        const wxString number = wxString::Format("%d", count);
        const wxSize number_size = dc.GetTextExtent(number);
        dc.DrawText(number, centre - number_size.GetWidth() / 2, bottom - height - number_size.GetHeight());
    }
}

}  // namespace salon::ui
