#include "pos/ui/LoginDialog.hpp"

#include "db/UserError.hpp"
#include "pos/ui/ChangePasswordDialog.hpp"
#include "pos/ui/FormFields.hpp"

#include <wx/config.h>
#include <wx/log.h>
#include <wx/sizer.h>

namespace salon::ui {

namespace {
// Stored in wxConfig as "ru" or "en"; read by the application at the next start.
const char* language_code(Language language) { return language == Language::english ? "en" : "ru"; }
}  // namespace

LoginDialog::LoginDialog(db::Database& db, const pos::AuditKey& key, SignedIn on_signed_in)
    : wxDialog(nullptr, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE),
      db_(db),
      key_(key),
      on_signed_in_(std::move(on_signed_in)) {
    build();
    apply_texts();
    Centre();
    login_->SetFocus();
}

void LoginDialog::build() {
    heading_ = new wxStaticText(this, wxID_ANY, wxString());
    heading_->SetFont(heading_->GetFont().Bold().Scaled(1.3f));

    login_label_ = new wxStaticText(this, wxID_ANY, wxString());
    login_ =
        new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(240, -1), wxTE_PROCESS_ENTER);
    password_label_ = new wxStaticText(this, wxID_ANY, wxString());
    password_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(240, -1),
                               wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    language_label_ = new wxStaticText(this, wxID_ANY, wxString());
    language_ = new wxChoice(this, wxID_ANY);
    // Each language is named in itself, so a person who cannot read the current one still finds theirs.
    language_->Append(wxString::FromUTF8("Русский"));
    language_->Append(wxString::FromUTF8("English"));
    language_->SetSelection(language() == Language::english ? 1 : 0);

    refusal_ = new wxStaticText(this, wxID_ANY, wxString());
    refusal_->SetForegroundColour(error_colour());

    auto* grid = new wxFlexGridSizer(2, wxSize(12, 8));
    grid->AddGrowableCol(1, 1);
    grid->Add(login_label_, 0, wxALIGN_CENTER_VERTICAL | wxALIGN_RIGHT);
    grid->Add(login_, 1, wxEXPAND);
    grid->Add(password_label_, 0, wxALIGN_CENTER_VERTICAL | wxALIGN_RIGHT);
    grid->Add(password_, 1, wxEXPAND);
    grid->Add(language_label_, 0, wxALIGN_CENTER_VERTICAL | wxALIGN_RIGHT);
    grid->Add(language_, 1, wxEXPAND);

    // Created in the order they stand, so Tab visits them left to right.
    quit_button_ = new wxButton(this, wxID_CANCEL, wxString());
    sign_in_button_ = new wxButton(this, wxID_OK, wxString());
    sign_in_button_->SetDefault();
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    buttons->Add(quit_button_, 0, wxRIGHT, 8);
    buttons->Add(sign_in_button_);

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(heading_, 0, wxALL, 16);
    top->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, 16);
    top->Add(refusal_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 16);
    top->Hide(refusal_);
    top->Add(buttons, 0, wxEXPAND | wxALL, 16);
    SetSizer(top);

    login_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { password_->SetFocus(); });
    password_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { sign_in(); });
    sign_in_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { sign_in(); });
    // Modeless: closing must destroy the window (wxDialog would only hide it), so the application ends.
    quit_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Destroy(); });
    language_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { on_language_chosen(); });
}

void LoginDialog::apply_texts() {
    SetTitle(ui_text(tr("Salon Station — sign in")));
    heading_->SetLabelText(ui_text(tr("Salon Station")));
    login_label_->SetLabel(ui_text(tr("Login:")));
    password_label_->SetLabel(ui_text(tr("Password:")));
    language_label_->SetLabel(ui_text(tr("Language:")));
    sign_in_button_->SetLabel(ui_text(tr("&Sign in")));
    quit_button_->SetLabel(ui_text(tr("&Quit")));
    refusal_->SetLabelText(wxString());
    GetSizer()->Hide(refusal_);
    GetSizer()->SetSizeHints(this);
    Layout();
}

void LoginDialog::on_language_chosen() {
    const Language chosen = language_->GetSelection() == 1 ? Language::english : Language::russian;
    set_language(chosen);
    follow_language_in_wx();
    {
        wxLogNull quiet;  // a setting that cannot be stored must not interrupt signing in
        wxConfigBase::Get()->Write("language", wxString(language_code(chosen)));
        wxConfigBase::Get()->Flush();
    }
    apply_texts();
}

void LoginDialog::sign_in_with(const wxString& login, const wxString& password) {
    login_->ChangeValue(login);
    password_->ChangeValue(password);
    sign_in();
}

void LoginDialog::sign_in() {
    const std::string login = login_->GetValue().utf8_string();
    const std::string password = password_->GetValue().utf8_string();
    try {
        pos::StaffMember member = pos::sign_in(db_, key_, login, password);
        if (member.must_change_password) {
            ChangePasswordDialog change(this, db_, member);
            if (change.ShowModal() != wxID_OK) {
                password_->Clear();
                password_->SetFocus();
                return;
            }
            member.must_change_password = false;
        }
        on_signed_in_(member);
    } catch (const UserError& e) {
        show_refusal(wxString::FromUTF8(e.message()));
    } catch (const std::exception& e) {
        show_refusal(ui_text(trf("Unexpected error: {1}", {e.what()})));
    }
}

void LoginDialog::show_refusal(const wxString& message) {
    refusal_->SetLabelText(message);
    refusal_->Wrap(login_->GetSize().GetWidth() + login_label_->GetSize().GetWidth() + 12);
    GetSizer()->Show(refusal_);
    GetSizer()->SetSizeHints(this);
    Layout();
    password_->Clear();
    password_->SetFocus();
}

}  // namespace salon::ui
