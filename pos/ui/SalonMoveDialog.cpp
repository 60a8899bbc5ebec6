#include "pos/ui/SalonMoveDialog.hpp"

#include "db/UserError.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/ui/ChoiceIds.hpp"
#include "pos/ui/FormFields.hpp"

#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace salon::ui {

bool ask_salon_move(wxWindow* parent, const SalonMove& what,
                    const std::function<void(std::int64_t, const std::string&)>& move) {
    wxDialog dialog(parent, wxID_ANY, what.title);
    auto* explanation = new wxStaticText(&dialog, wxID_ANY, what.explanation);
    explanation->Wrap(dialog.FromDIP(440));
    FormFields fields(&dialog);
    auto* to = new wxChoice(&dialog, wxID_ANY);
    fill_choice(to, what.destinations, what.destinations.front().first);
    auto* reason = new wxTextCtrl(&dialog, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    reason->SetMinSize(dialog.FromDIP(wxSize(320, -1)));
    if (what.reason_optional) reason->SetHint(ui_text(tr("optional")));
    fields.add(what.salon_input, tr("To the salon"), to);
    fields.add("reason", tr("Reason"), reason);
    auto* error = new wxStaticText(&dialog, wxID_ANY, wxString());
    error->SetForegroundColour(error_colour());
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(explanation, 0, wxALL, 12);
    sizer->Add(fields.sizer(), 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    sizer->Add(error, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 12);
    sizer->Add(dialog.CreateButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 12);
    dialog.SetSizerAndFit(sizer);
    auto try_move = [&] {
        fields.clear_errors();
        error->SetLabel(wxString());
        try {
            move(chosen_id(to), reason->GetValue().utf8_string());
            dialog.EndModal(wxID_OK);
            return;
        } catch (const pos::InputError& e) {
            const wxString message = wxString::FromUTF8(e.message());
            if (!fields.show_error(e.input(), message)) error->SetLabel(message);
        } catch (const UserError& e) {
            error->SetLabel(wxString::FromUTF8(e.message()));
        }
        error->Wrap(dialog.FromDIP(440));
        dialog.Layout();
        dialog.Fit();
    };
    dialog.Bind(wxEVT_BUTTON, [&](wxCommandEvent&) { try_move(); }, wxID_OK);
    reason->Bind(wxEVT_TEXT_ENTER, [&](wxCommandEvent&) { try_move(); });
    reason->SetFocus();
    return dialog.ShowModal() == wxID_OK;
}

}  // namespace salon::ui
