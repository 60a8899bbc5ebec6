// Career steps (R-TRN-11): who is due for specialist or senior specialist and since when, and the promotion
// by a trainer or the person's own dealer manager (core refuses anyone not due, and another dealer's people).
#pragma once

#include "pos/core/organisation/Actor.hpp"
#include "pos/ui/StationPage.hpp"
#include "training/core/career/CareerStep.hpp"

#include <wx/listctrl.h>

#include <vector>

namespace salon::db {
class Database;
}

namespace salon::ui {

class CareerPage : public StationPage {
public:
    CareerPage(wxWindow* parent, db::Database& db, const pos::Actor& actor);
    void refresh() override;

private:
    db::Database& db_;
    pos::Actor actor_;
    std::vector<training::DuePromotion> due_;
    wxListCtrl* list_ = nullptr;
};

}  // namespace salon::ui
