// Asks a person who signs in for the first time (or after a reset) for a new password, twice.
#pragma once

#include "pos/core/organisation/StaffMember.hpp"
#include "pos/ui/FormFields.hpp"

#include <wx/dialog.h>
#include <wx/textctrl.h>

namespace salon::db {
class Database;
}

namespace salon::ui {

// Ends with wxID_OK once the new password is stored (pos::change_password), wxID_CANCEL otherwise.
class ChangePasswordDialog : public wxDialog {
public:
    ChangePasswordDialog(wxWindow* parent, db::Database& db, const pos::StaffMember& member);

private:
    void save();

    db::Database& db_;
    std::int64_t staff_id_;
    FormFields fields_;
    wxTextCtrl* password_ = nullptr;
    wxTextCtrl* repeat_ = nullptr;
};

}  // namespace salon::ui
