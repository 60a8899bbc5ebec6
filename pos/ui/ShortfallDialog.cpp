#include "pos/ui/ShortfallDialog.hpp"

#include "db/UserError.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/organisation/SupervisorApproval.hpp"
#include "pos/ui/FormDialog.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/WxLabels.hpp"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace salon::ui {

std::optional<pos::ShiftReport> close_with_shortfall(wxWindow* parent, db::Database& db, const pos::Actor& actor,
                                                     std::int64_t shift_id, pos::Money expected, pos::Money counted) {
    wxDialog dialog(parent, wxID_ANY, ui_text(tr("Close shift: shortfall")));
    auto* explanation = new wxStaticText(
        &dialog, wxID_ANY,
        ui_text(trf("The drawer should hold {1} but {2} was counted: short by {3}. Say why, and a senior other "
                    "than you confirms it with their login and password.",
                    {expected.format(), counted.format(), (expected - counted).format()})));
    explanation->SetFont(explanation->GetFont().Bold());
    FormFields fields(&dialog);
    auto* reason = new wxTextCtrl(&dialog, wxID_ANY);
    reason->SetHint(ui_text(tr("e.g. change given twice to a client")));
    reason->SetMinSize(wxSize(dialog.FromDIP(280), -1));
    auto* login = new wxTextCtrl(&dialog, wxID_ANY);
    auto* password = new wxTextCtrl(&dialog, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                    wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    fields.add("reason", tr("Reason for the shortfall"), reason);
    fields.add("login", tr("Senior's login"), login);
    fields.add("password", tr("Password"), password);
    wxStaticText* error = lay_out_form_dialog(dialog, explanation, fields, tr("Close with the shortfall"));
    std::optional<pos::ShiftReport> z;
    auto try_close = [&] {
        fields.clear_errors();
        error->SetLabel(wxString());
        try {
            // The reason is checked by core before the senior's credentials are asked of the database.
            if (reason->GetValue().Strip(wxString::both).empty())
                throw pos::InputError("reason", tr("Reason for the shortfall"), tr("the reason is required"));
            const auto approval = pos::approve(db, actor, pos::Permission::approve_cash_difference,
                                               login->GetValue().utf8_string(), password->GetValue().utf8_string());
            z = pos::close_shift(db, actor, shift_id, counted, approval, reason->GetValue().utf8_string());
            dialog.EndModal(wxID_OK);
            return;
        } catch (const pos::InputError& e) {
            if (!fields.show_error(e.input(), wxString::FromUTF8(e.reason().str())))
                error->SetLabel(wxString::FromUTF8(e.message()));
        } catch (const UserError& e) {
            error->SetLabel(wxString::FromUTF8(e.message()));
            password->Clear();
            password->SetFocus();
        }
        error->Wrap(dialog.FromDIP(440));
        dialog.Layout();
        dialog.Fit();
    };
    dialog.Bind(wxEVT_BUTTON, [&](wxCommandEvent&) { try_close(); }, wxID_OK);
    password->Bind(wxEVT_TEXT_ENTER, [&](wxCommandEvent&) { try_close(); });
    reason->SetFocus();
    if (dialog.ShowModal() != wxID_OK) return std::nullopt;
    return z;
}

}  // namespace salon::ui
