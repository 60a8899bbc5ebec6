// The gadgets (phones, modems, routers by IMEI) of the salon the stock page shows: listed, found by IMEI, moved
// to another salon of the dealer by a senior ("Move to salon…") and their history by IMEI ("History…"). Core
// (pos/core/catalog/GadgetMovement) decides who may move what; the panel only shows and collects.
#pragma once

#include "pos/core/catalog/GadgetStock.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/Salon.hpp"

#include <wx/button.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <cstdint>
#include <functional>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::ui {

class VirtualList;

class GadgetStockPanel : public wxPanel {
public:
    // `say` shows a line in the page's status (an error in red).
    using Say = std::function<void(const wxString& text, bool error)>;
    GadgetStockPanel(wxWindow* parent, db::Database& db, const pos::Actor& actor, Say say);

    // Shows the devices of salon `salon_id` (0: none chosen); `salons` are those the page offers.
    void show_salon(std::int64_t salon_id, const std::vector<pos::Salon>& salons);

private:
    void load();
    void search();
    void move_selected();
    void show_history();
    const pos::GadgetUnit* selected() const;

    db::Database& db_;
    pos::Actor actor_;
    Say say_;
    std::int64_t salon_id_ = 0;
    std::vector<pos::Salon> salons_;
    std::vector<pos::GadgetUnit> units_;

    wxStaticText* title_ = nullptr;
    wxTextCtrl* search_ = nullptr;
    VirtualList* list_ = nullptr;
    wxStaticText* count_ = nullptr;
    wxButton* move_ = nullptr;
};

}  // namespace salon::ui
