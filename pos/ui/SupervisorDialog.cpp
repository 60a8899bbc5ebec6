#include "pos/ui/SupervisorDialog.hpp"

#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/ui/FormFields.hpp"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace salon::ui {

std::optional<pos::SupervisorApproval> ask_supervisor(wxWindow* parent, db::Database& db, const pos::Actor& actor,
                                                      pos::Permission permission, const wxString& why) {
    wxDialog dialog(parent, wxID_ANY, ui_text(tr("A senior's approval")));
    auto* explanation = new wxStaticText(&dialog, wxID_ANY, why);
    explanation->Wrap(dialog.FromDIP(380));
    FormFields fields(&dialog);
    auto* login = new wxTextCtrl(&dialog, wxID_ANY);
    auto* password = new wxTextCtrl(&dialog, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                    wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    fields.add("login", tr("Senior's login"), login);
    fields.add("password", tr("Password"), password);
    auto* error = new wxStaticText(&dialog, wxID_ANY, wxString());
    error->SetForegroundColour(error_colour());
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(explanation, 0, wxALL, 12);
    sizer->Add(fields.sizer(), 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    sizer->Add(error, 0, wxEXPAND | wxALL, 12);
    sizer->Add(dialog.CreateButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 12);
    dialog.SetSizerAndFit(sizer);
    std::optional<pos::SupervisorApproval> result;
    auto try_approve = [&] {
        try {
            result = pos::approve(db, actor, permission, login->GetValue().utf8_string(),
                                  password->GetValue().utf8_string());
            dialog.EndModal(wxID_OK);
        } catch (const UserError& e) {
            error->SetLabel(wxString::FromUTF8(e.message()));
            error->Wrap(dialog.FromDIP(380));
            password->Clear();
            password->SetFocus();
            dialog.Layout();
            dialog.Fit();
        }
    };
    dialog.Bind(wxEVT_BUTTON, [&](wxCommandEvent&) { try_approve(); }, wxID_OK);
    password->Bind(wxEVT_TEXT_ENTER, [&](wxCommandEvent&) { try_approve(); });
    login->SetFocus();
    if (dialog.ShowModal() != wxID_OK) return std::nullopt;
    return result;
}

}  // namespace salon::ui
