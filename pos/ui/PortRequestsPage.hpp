// Number portability at the desk (R-POS-9): the salon's port-in requests with their status and the days an
// open one is overdue, a request's history, and the donor's answer recorded as it comes back: accepted,
// rejected with its reason, or completed on the transfer date with the blank card that takes the number.
#pragma once

#include "pos/core/organisation/Actor.hpp"
#include "pos/core/sale/PortRequest.hpp"
#include "pos/ui/StationPage.hpp"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <vector>

namespace salon::db {
class Database;
}

namespace salon::ui {

class PortRequestsPage : public StationPage {
public:
    PortRequestsPage(wxWindow* parent, db::Database& db, const pos::Actor& actor);
    void refresh() override;

private:
    void select(long item);
    const pos::PortRequestRow* selected() const;
    void show_selected();
    void advance(pos::PortStatus to);

    db::Database& db_;
    pos::Actor actor_;
    std::vector<pos::PortRequestRow> rows_;
    wxCheckBox* only_open_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxTextCtrl* history_ = nullptr;
    wxButton* accept_ = nullptr;
    wxButton* reject_ = nullptr;
    wxButton* complete_ = nullptr;
};

}  // namespace salon::ui
