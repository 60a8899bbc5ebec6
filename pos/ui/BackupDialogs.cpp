#include "pos/ui/BackupDialogs.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/backup/BackupCipher.hpp"
#include "pos/core/backup/BackupSettings.hpp"
#include "pos/core/backup/StationBackups.hpp"
#include "pos/core/organisation/Actor.hpp"

#include <wx/busyinfo.h>
#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>
#include <wx/utils.h>

#include <filesystem>

namespace salon::ui {

namespace {

// The form's input a core refusal is about, by the field it names.
std::string input_of(const UserError& e) {
    const std::string field = e.field().str(std::locale::classic());
    if (field == "Backup folder") return "folder";
    if (field == "Days to keep") return "days";
    return "passphrase";
}

// A refusal's text without the field's name, which the red line under that field already says.
wxString reason_of(const UserError& e) {
    return wxString::FromUTF8(e.has_field() ? e.reason().str() : e.message());
}

}  // namespace

BackupSettingsDialog::BackupSettingsDialog(wxWindow* parent, db::Database& db, const pos::Actor& actor)
    : wxDialog(parent, wxID_ANY, ui_text(tr("Backup settings"))), db_(db), actor_(actor), fields_(this) {
    const pos::BackupSettings current = pos::backup_settings(db_);
    const bool key_here = [] {
        try {
            return pos::load_backup_key().has_value();
        } catch (const UserError&) {
            return false;
        }
    }();
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        ui_text(tr(
            "The station writes a backup after every shift close and once a day to this folder, and deletes "
            "its own backups older than the days to keep (never the newest). Keep the folder on another "
            "disk or a network share.")));
    intro->Wrap(FromDIP(460));
    folder_ = new wxDirPickerCtrl(this, wxID_ANY, wxString::FromUTF8(current.folder),
                                  ui_text(tr("Backup folder")), wxDefaultPosition, FromDIP(wxSize(340, -1)),
                                  wxDIRP_USE_TEXTCTRL | wxDIRP_DIR_MUST_EXIST);
    days_ = new wxSpinCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(100, -1)),
                           wxSP_ARROW_KEYS, 1, pos::kMaxBackupKeepDays, current.keep_days);
    encrypt_ = new wxCheckBox(this, wxID_ANY, ui_text(tr("&Encrypt backups with a passphrase")));
    encrypt_->SetValue(current.encrypt);
    passphrase_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(240, -1)),
                                 wxTE_PASSWORD);
    repeat_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(240, -1)),
                             wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    auto* passphrase_note = new wxStaticText(
        this, wxID_ANY,
        ui_text(
            key_here
                ? tr("This station keeps the key of the passphrase set before: type a new one only to change "
                     "it. A restore on another computer asks for the passphrase: keep it written down apart "
                     "from the backups.")
                : tr("At least 8 characters. The station keeps a key made from it, never the passphrase; a "
                     "restore on another computer asks for it: keep it written down apart from the "
                     "backups.")));
    passphrase_note->Wrap(FromDIP(460));
    fields_.add("folder", tr("Backup folder:"), folder_);
    fields_.add("days", tr("Days to keep:"), days_);
    fields_.add("encrypt", tr("Encryption:"), encrypt_);
    fields_.add("passphrase", tr("Passphrase:"), passphrase_);
    fields_.add("repeat", tr("Repeat it:"), repeat_);

    auto* buttons = new wxStdDialogButtonSizer();
    auto* ok = new wxButton(this, wxID_OK, ui_text(tr("&Save")));
    ok->SetDefault();
    buttons->AddButton(ok);
    buttons->AddButton(new wxButton(this, wxID_CANCEL, ui_text(tr("&Cancel"))));
    buttons->Realize();

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(intro, 0, wxALL, FromDIP(16));
    top->Add(fields_.sizer(), 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(16));
    top->Add(passphrase_note, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(16));
    top->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(16));
    SetSizerAndFit(top);
    Centre();
    auto enable = [this] {
        passphrase_->Enable(encrypt_->GetValue());
        repeat_->Enable(encrypt_->GetValue());
    };
    enable();
    encrypt_->Bind(wxEVT_CHECKBOX, [this, enable](wxCommandEvent&) {
        enable();
        if (encrypt_->GetValue()) passphrase_->SetFocus();  // ticked: the passphrase is what comes next
    });
    ok->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    repeat_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { save(); });
}

void BackupSettingsDialog::save() {
    fields_.clear_errors();
    pos::BackupSettingsChange change;
    change.folder = folder_->GetPath().utf8_string();
    change.keep_days = days_->GetValue();
    change.encrypt = encrypt_->GetValue();
    const std::string passphrase = passphrase_->GetValue().utf8_string();
    try {
        if (encrypt_->GetValue() && (!passphrase.empty() || !repeat_->GetValue().empty())) {
            if (passphrase != repeat_->GetValue().utf8_string()) {
                fields_.show_error("repeat",
                                   ui_text(tr("The two passphrases differ: type the same one twice.")));
                GetSizer()->SetSizeHints(this);
                return;
            }
            change.passphrase = passphrase;
        }
        wxBusyCursor busy;  // deriving the key takes a moment, on purpose
        pos::save_backup_settings(db_, actor_, change);
        EndModal(wxID_OK);
        return;
    } catch (const UserError& e) {
        fields_.show_error(input_of(e), reason_of(e));
    } catch (const std::exception& e) {
        fields_.show_error("repeat", ui_text(trf("Unexpected error: {1}", {e.what()})));
    }
    GetSizer()->SetSizeHints(this);
}

void back_up_now(wxWindow* parent, db::Database& db, const pos::Actor& actor) {
    try {
        pos::BackupRun run;
        {
            wxBusyCursor busy;
            run = pos::back_up_now(db, actor);
        }
        wxString text = ui_text(run.encrypted ? trf("Encrypted backup written to {1}.", {run.file.string()})
                                              : trf("Backup written to {1}.", {run.file.string()}));
        if (!run.deleted.empty())
            text += "\n" + ui_text(trn("{1} old backup was deleted (older than the days to keep).",
                                       "{1} old backups were deleted (older than the days to keep).",
                                       static_cast<long long>(run.deleted.size())));
        wxMessageBox(text, ui_text(tr("Back up now")), wxOK | wxICON_INFORMATION, parent);
    } catch (const UserError& e) {
        wxMessageBox(wxString::FromUTF8(e.message()), ui_text(tr("Back up now")), wxOK | wxICON_ERROR,
                     parent);
    }
}

bool restore_from_backup(wxWindow* parent, db::Database& db, const pos::Actor& actor) {
    const wxString title = ui_text(tr("Restore from backup"));
    const std::string folder = pos::backup_settings(db).folder;
    wxFileDialog choose(parent, ui_text(tr("Choose the backup to restore")), wxString::FromUTF8(folder),
                        wxString(),
                        ui_text(tr("Salon Station backups")) +
                            " (salon-backup-*)|salon-backup-*.db;salon-backup-*.dump;"
                            "salon-backup-*.enc;*.db;*.dump;*.enc|" +
                            ui_text(tr("All files")) + " (*)|*",
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (choose.ShowModal() != wxID_OK) return false;
    const std::string file = choose.GetPath().utf8_string();
    std::optional<std::string> passphrase;
    if (pos::backup_needs_passphrase(file)) {
        wxPasswordEntryDialog ask(
            parent,
            ui_text(trf("{1} is encrypted with a passphrase this station does not keep. Type "
                        "its passphrase:",
                        {std::filesystem::path(file).filename().string()})),
            title);
        if (ask.ShowModal() != wxID_OK) return false;
        passphrase = ask.GetValue().utf8_string();
    }
    wxMessageDialog confirm(
        parent,
        ui_text(trf(
            "Replace the whole database {1} with the backup {2}?\n\nThe backup is checked first (its "
            "integrity, its audit journal and the heads it carries); nothing is replaced if a check fails. "
            "The current database is kept aside as a backup of its own. Afterwards everyone is signed out "
            "and the station closes: start it again.",
            {db.url().display, file})),
        title, wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    confirm.SetYesNoLabels(ui_text(tr("&Restore")), ui_text(tr("&Cancel")));
    if (confirm.ShowModal() != wxID_YES) return false;
    try {
        pos::BackupRestored r;
        {
            wxBusyCursor busy;
            r = pos::restore_backup(db, actor, file, passphrase);
        }
        wxString text = ui_text(tr("The backup was verified and restored.")) + "\n\n" +
                        ui_text(tr("Verified before anything was replaced:")) + "\n• " +
                        ui_text(tr("the database's integrity and foreign keys")) + "\n• " +
                        ui_text(trf("the audit journal: {1} entries in {2} chains, each entry's signature",
                                    {std::to_string(r.entries), std::to_string(r.chains)}));
        if (r.heads_checked) text += "\n• " + ui_text(tr("no chain cut short: the heads the backup carries"));
        if (r.encrypted)
            text += "\n• " + ui_text(tr("the encrypted file: every part unchanged since it was written"));
        text += "\n\n" + (r.kept_aside.empty()
                              ? ui_text(tr("There was no database before it."))
                              : ui_text(trf("The replaced database is kept at {1}.", {r.kept_aside})));
        text += "\n\n" + ui_text(tr("Everyone is signed out now and the station closes: start it again."));
        wxMessageBox(text, title, wxOK | wxICON_INFORMATION, parent);
        return true;
    } catch (const UserError& e) {
        wxMessageBox(ui_text(tr("Nothing was restored: the database is as it was.")) + "\n\n" +
                         wxString::FromUTF8(e.message()),
                     title, wxOK | wxICON_ERROR, parent);
        return false;
    }
}

}  // namespace salon::ui
