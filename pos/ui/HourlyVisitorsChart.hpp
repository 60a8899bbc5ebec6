// A small bar chart of the visitors who took a ticket in each local hour of the day (R-POS-6), drawn with
// wxDC: the salon's working hours always, and any other hour that had visitors.
#pragma once

#include <wx/window.h>

#include <vector>

namespace salon::ui {

class HourlyVisitorsChart : public wxWindow {
public:
    explicit HourlyVisitorsChart(wxWindow* parent);
    // 24 counts, hour 0 first; `current_hour` (-1: none) is drawn stronger.
    void set_counts(std::vector<int> by_hour, int current_hour);

private:
    void paint();
    wxSize DoGetBestSize() const override;

    std::vector<int> by_hour_ = std::vector<int>(24, 0);
    int current_hour_ = -1;
};

}  // namespace salon::ui
