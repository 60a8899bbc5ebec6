// The station's one main window: navigation on the left, the page in the middle, the status bar below.
#pragma once

#include "pos/core/Actor.hpp"

#include <wx/frame.h>
#include <wx/menu.h>
#include <wx/simplebook.h>
#include <wx/treectrl.h>

#include <functional>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::ui {
class StationPage;
}

namespace salon::app {

class MainFrame : public wxFrame {
public:
    // `on_sign_out` runs before the frame destroys itself, so the application can show the sign-in first.
    // The pages act as `actor`, the person who signed in.
    MainFrame(db::Database& db, const pos::Actor& actor, std::function<void()> on_sign_out);

private:
    void build_pages();
    void build_menus();
    void build_status_bar();
    void add_page(wxTreeItemId section, ui::StationPage* page, const wxString& title);
    void show_page(std::size_t index);
    ui::StationPage* current_page();

    db::Database& db_;
    pos::Actor actor_;
    std::function<void()> on_sign_out_;
    wxTreeCtrl* navigation_ = nullptr;
    wxSimplebook* book_ = nullptr;
    std::vector<ui::StationPage*> pages_;
    std::vector<wxTreeItemId> page_items_;
    std::vector<wxString> page_titles_;
    wxMenuItem* new_item_ = nullptr;
    wxMenuItem* save_item_ = nullptr;
};

}  // namespace salon::app
