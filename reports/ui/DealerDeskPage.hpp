// The dealer's desk (R-POS-2, R-POS-4, R-POS-6): a dealer's manager sees his salons side by side, his
// reward for a period as it accrues with every line's rule, a chart of the salons' unit rewards, and
// disputes a line; head office picks any dealer.
#pragma once

#include "pos/core/organisation/Actor.hpp"
#include "pos/ui/StationPage.hpp"

#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/textctrl.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::ui {

class UnitRewardChart;

class DealerDeskPage : public StationPage {
public:
    DealerDeskPage(wxWindow* parent, db::Database& db, const pos::Actor& actor);
    void refresh() override;

private:
    void show_salons(std::int64_t dealer_id);
    void show_statement(std::int64_t dealer_id, const std::string& period);
    void dispute_selected();
    // Head office answers the selected dispute (R-POS-2: both the dispute and its answer are kept).
    void resolve_selected(bool accepted);
    std::int64_t chosen_dealer() const;

    db::Database& db_;
    pos::Actor actor_;
    wxChoice* dealer_ = nullptr;
    wxTextCtrl* period_ = nullptr;
    wxStaticText* reward_ = nullptr;
    wxListCtrl* salons_ = nullptr;
    wxListCtrl* lines_ = nullptr;
    wxListCtrl* disputes_ = nullptr;
    UnitRewardChart* chart_ = nullptr;
    std::vector<std::int64_t> dealer_ids_;
    std::vector<std::string> line_keys_;
    std::vector<std::int64_t> dispute_ids_;
};

}  // namespace salon::ui
