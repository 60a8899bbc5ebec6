// The station's backups from the File menu: the settings (folder, days to keep, encryption with a
// passphrase typed twice), a backup now, and a restore from a backup file with what was verified shown
// before the station closes. The work itself is pos/core/backup's; these only collect and show.
#pragma once

#include "pos/ui/FormFields.hpp"

#include <wx/checkbox.h>
#include <wx/dialog.h>
#include <wx/filepicker.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>

#include <string>

namespace salon::db {
class Database;
}

namespace salon::pos {
class Actor;
}

namespace salon::ui {

// Ends with wxID_OK once the settings are saved (pos::save_backup_settings), wxID_CANCEL otherwise.
class BackupSettingsDialog : public wxDialog {
public:
    BackupSettingsDialog(wxWindow* parent, db::Database& db, const pos::Actor& actor);

private:
    void save();

    db::Database& db_;
    const pos::Actor& actor_;
    FormFields fields_;
    wxDirPickerCtrl* folder_ = nullptr;
    wxSpinCtrl* days_ = nullptr;
    wxCheckBox* encrypt_ = nullptr;
    wxTextCtrl* passphrase_ = nullptr;
    wxTextCtrl* repeat_ = nullptr;
};

// File > Back up now: writes a backup to the chosen folder and says where, or why not.
void back_up_now(wxWindow* parent, db::Database& db, const pos::Actor& actor);

// File > Restore from backup…: asks for the file, its passphrase when this station's key does not open it,
// and a confirmation naming what will be replaced; then restores and shows what was verified. True when the
// database was replaced: the station must then sign everyone out and start again.
bool restore_from_backup(wxWindow* parent, db::Database& db, const pos::Actor& actor);

}  // namespace salon::ui
