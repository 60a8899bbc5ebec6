// A signed-in person's main window: navigation on the left, the page in the middle, the status bar below.
// Each person who signed in has their own, kept hidden with its unsaved work while someone else works.
#pragma once

#include "pos/core/organisation/Actor.hpp"

#include <wx/frame.h>
#include <wx/menu.h>
#include <wx/simplebook.h>
#include <wx/timer.h>
#include <wx/treectrl.h>
#include <wx/weakref.h>

#include <functional>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::ui {
class StationPage;
class RatingFrame;
}

namespace salon::app {

class MainFrame : public wxFrame {
public:
    // What the menu asks of the application, which shows, hides and destroys the frames.
    struct Actions {
        std::function<void()> switch_person;  // File > Switch person: hide this frame, keep its work
        std::function<void()> sign_out;       // File > Sign out: close this frame, discarding its work
        std::function<void()> quit;           // File > Quit or closing the window: close the station
    };
    // The pages act as `actor`, the person who signed in, whose name the title shows.
    // `till` names this station at the salon's counter (shifts and drafts are per till).
    MainFrame(db::Database& db, const pos::Actor& actor, Actions actions, std::string till);
    ~MainFrame() override;

    const pos::Actor& actor() const { return actor_; }

    // Hides the frame with its work, remembering which input had the focus.
    void put_away();
    // Shows it again, the focus back in that input, so its person goes on typing where they stopped.
    void bring_back();

private:
    void build_pages();
    void build_menus();
    void build_status_bar();
    void show_keys();  // Help > Keyboard shortcuts (F1)
    void back_up_if_due();  // the daily backup's timer: a backup when the newest is older than a day
    // `key`: the page's own shortcut in the Go menu; empty: Ctrl+1 ... Ctrl+9 by its place.
    void add_page(wxTreeItemId section, ui::StationPage* page, const wxString& title, const wxString& key = wxString());
    void show_page(std::size_t index);
    ui::StationPage* current_page();

    db::Database& db_;
    pos::Actor actor_;
    Actions actions_;
    wxTreeCtrl* navigation_ = nullptr;
    wxSimplebook* book_ = nullptr;
    std::vector<ui::StationPage*> pages_;
    std::vector<wxTreeItemId> page_items_;
    std::vector<wxString> page_titles_;
    std::vector<wxString> page_keys_;
    wxMenuItem* new_item_ = nullptr;
    wxMenuItem* save_item_ = nullptr;
    wxWindowRef focus_;
    std::string till_;
    wxTimer backup_timer_;
    ui::RatingFrame* rating_ = nullptr;  // the visitor's screen, made when a salon person's desk needs it  // the input that had the focus when the frame was put away
};

}  // namespace salon::app
