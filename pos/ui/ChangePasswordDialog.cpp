#include "pos/ui/ChangePasswordDialog.hpp"

#include "pos/core/common/FormInput.hpp"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace salon::ui {

ChangePasswordDialog::ChangePasswordDialog(wxWindow* parent, db::Database& db, const pos::StaffMember& member)
    : wxDialog(parent, wxID_ANY, ui_text(tr("Choose a new password"))),
      db_(db),
      staff_id_(member.id),
      fields_(this) {
    auto* intro =
        new wxStaticText(this, wxID_ANY,
                         ui_text(trf("{1}, choose your own password before you start: at least 8 characters.",
                                     {member.full_name})));
    intro->Wrap(420);
    password_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(220, -1), wxTE_PASSWORD);
    repeat_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(220, -1),
                             wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    fields_.add("password", tr("New password:"), password_);
    fields_.add("repeat", tr("Repeat it:"), repeat_);

    auto* buttons = new wxStdDialogButtonSizer();
    auto* ok = new wxButton(this, wxID_OK, ui_text(tr("&Save password")));
    ok->SetDefault();
    buttons->AddButton(ok);
    buttons->AddButton(new wxButton(this, wxID_CANCEL, ui_text(tr("&Cancel"))));
    buttons->Realize();

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(intro, 0, wxALL, 16);
    top->Add(fields_.sizer(), 0, wxEXPAND | wxLEFT | wxRIGHT, 16);
    top->Add(buttons, 0, wxEXPAND | wxALL, 16);
    SetSizerAndFit(top);
    Centre();
    password_->SetFocus();

    ok->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    repeat_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { save(); });
}

void ChangePasswordDialog::save() {
    fields_.clear_errors();
    const std::string password = password_->GetValue().utf8_string();
    try {
        if (password != repeat_->GetValue().utf8_string()) {
            fields_.show_error("repeat", ui_text(tr("The two passwords differ: type the same one twice.")));
        } else {
            pos::change_password(db_, staff_id_, password);
            EndModal(wxID_OK);
            return;
        }
    } catch (const pos::InputError& e) {
        if (!fields_.show_error(e.input(), wxString::FromUTF8(e.message())))
            fields_.show_error("repeat", wxString::FromUTF8(e.message()));
    } catch (const UserError& e) {
        fields_.show_error("repeat", wxString::FromUTF8(e.message()));
    } catch (const std::exception& e) {
        fields_.show_error("repeat", ui_text(trf("Unexpected error: {1}", {e.what()})));
    }
    GetSizer()->SetSizeHints(this);
}

}  // namespace salon::ui
