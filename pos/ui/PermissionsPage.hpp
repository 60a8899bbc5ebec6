// Administration: which role may do what. Permissions are data; ticking one grants it (journaled), and
// core refuses anyone without the right to administer the database.
#pragma once

#include "pos/ui/StationPage.hpp"

#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/stattext.h>

namespace salon::db {
class Database;
}

namespace salon::pos {
class Actor;
}

namespace salon::ui {

class PermissionsPage : public StationPage {
public:
    PermissionsPage(wxWindow* parent, db::Database& db, const pos::Actor& actor);
    void refresh() override;

private:
    void show_role();
    void toggle(int index);
    void show_status(const wxString& text, bool error);

    db::Database& db_;
    const pos::Actor& actor_;
    wxChoice* role_ = nullptr;
    wxCheckListBox* permissions_ = nullptr;
    wxStaticText* status_ = nullptr;
};

}  // namespace salon::ui
