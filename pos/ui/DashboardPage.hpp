// The desk's dashboard (R-POS-6, R-POS-4): today's queue, the average and 90th-percentile wait, visitors
// per hour, and each specialist's norms this month against their thresholds, the same figures as
// `salon-cli dashboard`. It reads them again when brought forward, on F5, and every 30 s while shown;
// Ctrl+C copies what it shows as text (for a message to the manager).
#pragma once

#include "pos/core/organisation/Actor.hpp"
#include "pos/ui/StationPage.hpp"

#include <wx/button.h>
#include <wx/grid.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/timer.h>

#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::ui {

class HourlyVisitorsChart;

class DashboardPage : public StationPage {
public:
    DashboardPage(wxWindow* parent, db::Database& db, const pos::Actor& actor);
    void refresh() override;

private:
    // The figures at the top, in this order.
    enum Figure { waiting, serving, done, left, average_wait, p90_wait, longest_wait, figure_count };

    wxStaticText* add_figure(wxFlexGridSizer* grid, const Text& caption);
    void fit_norm_columns();
    void copy_to_clipboard();
    // The line under the figures: when they were read (grey) or what went wrong (red).
    void note(const wxString& text, bool error);

    db::Database& db_;
    pos::Actor actor_;
    wxTimer timer_;
    wxStaticText* title_ = nullptr;
    wxStaticText* note_ = nullptr;
    std::vector<wxStaticText*> captions_;
    std::vector<wxStaticText*> figures_;
    wxStaticText* hours_caption_ = nullptr;
    HourlyVisitorsChart* chart_ = nullptr;
    std::vector<int> by_hour_;
    wxListCtrl* queue_ = nullptr;
    wxGrid* norms_ = nullptr;
};

}  // namespace salon::ui
