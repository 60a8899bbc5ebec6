// The stocktake of the salon's SIM cards and gadgets: a senior opens it, the specialists scan codes into the
// scanner field (ICCID or IMEI, Enter ends each), the page shows expected against counted with the missing and
// the surplus, and closing asks for the reason and, unless the person is a senior, a senior's approval.
#pragma once

#include "pos/core/organisation/Actor.hpp"
#include "pos/ui/StationPage.hpp"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <cstdint>
#include <optional>

namespace salon::db {
class Database;
}

namespace salon::ui {

class StocktakePage : public StationPage {
public:
    StocktakePage(wxWindow* parent, db::Database& db, const pos::Actor& actor, std::int64_t salon_id);
    void refresh() override;

private:
    void open();
    void scan();
    void close();

    db::Database& db_;
    pos::Actor actor_;
    std::int64_t salon_id_ = 0;
    std::optional<std::int64_t> stocktake_;
    wxStaticText* heading_ = nullptr;
    wxStaticText* counters_ = nullptr;
    wxStaticText* last_scan_ = nullptr;
    wxTextCtrl* code_ = nullptr;
    wxButton* open_ = nullptr;
    wxButton* close_ = nullptr;
    wxListCtrl* differences_ = nullptr;
};

}  // namespace salon::ui
