// Norms and traffic on screen (R-POS-4, R-POS-6): each specialist's bundle share and good-rating share against
// their thresholds over any days, each salon's visitors and waits with a chart by hour of day and a table by
// weekday, and the exports (CSV, XLSX, PDF) through the same job as `salon-cli reports norms|traffic`.
#pragma once

#include "pos/core/organisation/Actor.hpp"
#include "pos/ui/StationPage.hpp"
#include "reports/core/NormsReport.hpp"

#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <vector>

namespace salon::db {
class Database;
}

namespace salon::ui {

class HourlyVisitorsChart;

class NormsTrafficPage : public StationPage {
public:
    NormsTrafficPage(wxWindow* parent, db::Database& db, const pos::Actor& actor);
    void refresh() override;

private:
    void show_salon(std::size_t index);  // the chart and the weekdays of traffic_[index]
    void save(bool norms);

    db::Database& db_;
    pos::Actor actor_;
    wxTextCtrl* from_ = nullptr;
    wxTextCtrl* to_ = nullptr;
    wxListCtrl* norms_ = nullptr;
    wxListCtrl* traffic_list_ = nullptr;
    wxListCtrl* weekdays_ = nullptr;
    wxStaticText* chart_title_ = nullptr;
    HourlyVisitorsChart* chart_ = nullptr;
    std::vector<reports::SalonTraffic> traffic_;
};

}  // namespace salon::ui
