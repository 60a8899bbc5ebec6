// The cash drawer's shift at this till: open with a float, cash in and out with a reason, the X report at
// any time and the Z report at close, where a difference (or another's shift) asks for a senior's approval.
#pragma once

#include "pos/core/organisation/Actor.hpp"
#include "pos/ui/StationPage.hpp"

#include <wx/button.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <string>

namespace salon::db {
class Database;
}

namespace salon::ui {

class ShiftPage : public StationPage {
public:
    ShiftPage(wxWindow* parent, db::Database& db, const pos::Actor& actor, std::string till);
    void refresh() override;
    std::vector<KeyHelp> key_help() const override;

private:
    void open();
    wxString erase_expired_personal_data();  // at a shift's opening: " N clients' data erased" or empty
    void move_cash(bool in);
    void close();
    void print_report();  // Ctrl+P: the report shown, on the station's printer
    void show_text(const std::vector<std::string>& lines);

    db::Database& db_;
    pos::Actor actor_;
    std::string till_;
    wxTextCtrl* report_ = nullptr;
    wxButton* open_ = nullptr;
    wxButton* cash_in_ = nullptr;
    wxButton* cash_out_ = nullptr;
    wxButton* close_ = nullptr;
};

}  // namespace salon::ui
