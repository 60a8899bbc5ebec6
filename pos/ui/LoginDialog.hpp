// The sign-in window: login, password and the language the station speaks.
#pragma once

#include "pos/core/organisation/StaffMember.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <functional>

namespace salon::db {
class Database;
}

namespace salon::pos {
class AuditKey;
}

namespace salon::ui {

// A modeless dialog: the application learns of a sign-in through `on_signed_in` and of Quit (or Esc,
// or closing the window) through the window being destroyed.
class LoginDialog : public wxDialog {
public:
    using SignedIn = std::function<void(const pos::StaffMember&)>;

    // Refused sign-ins are written to the audit journal with `key`, which must outlive the dialog.
    LoginDialog(db::Database& db, const pos::AuditKey& key, SignedIn on_signed_in);

    // Fills the fields and signs in as if the person had pressed Enter (for --login/--password).
    void sign_in_with(const wxString& login, const wxString& password);

private:
    void build();
    void apply_texts();  // every label in the current language: the language can change while shown
    void on_language_chosen();
    void sign_in();
    void show_refusal(const wxString& message);

    db::Database& db_;
    const pos::AuditKey& key_;
    SignedIn on_signed_in_;
    wxStaticText* heading_ = nullptr;
    wxStaticText* login_label_ = nullptr;
    wxStaticText* password_label_ = nullptr;
    wxStaticText* language_label_ = nullptr;
    wxTextCtrl* login_ = nullptr;
    wxTextCtrl* password_ = nullptr;
    wxChoice* language_ = nullptr;
    wxStaticText* refusal_ = nullptr;
    wxButton* sign_in_button_ = nullptr;
    wxButton* quit_button_ = nullptr;
};

}  // namespace salon::ui
