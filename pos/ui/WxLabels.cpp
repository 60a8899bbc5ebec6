#include "pos/ui/WxLabels.hpp"

#include "pos/ui/FormFields.hpp"

#include <wx/button.h>
#include <wx/textdlg.h>

namespace salon::ui {

void name_stock_buttons(wxWindow* dialog) {
    for (wxWindow* child : dialog->GetChildren()) {
        name_stock_buttons(child);
        auto* button = dynamic_cast<wxButton*>(child);
        if (button == nullptr) continue;
        // An explicit label makes wxGTK draw a plain button instead of GTK's stock one.
        switch (button->GetId()) {
        case wxID_OK: button->SetLabel(ui_text(tr("&OK"))); break;
        case wxID_CANCEL: button->SetLabel(ui_text(tr("&Cancel"))); break;
        case wxID_YES: button->SetLabel(ui_text(tr("&Yes"))); break;
        case wxID_NO: button->SetLabel(ui_text(tr("&No"))); break;
        case wxID_CLOSE: button->SetLabel(ui_text(tr("&Close"))); break;
        default: break;
        }
    }
}

wxString text_from_person(const wxString& prompt, const wxString& title, const wxString& value, wxWindow* parent) {
    wxTextEntryDialog dialog(parent, prompt, title, value);
    name_stock_buttons(&dialog);
    dialog.Fit();
    if (dialog.ShowModal() != wxID_OK) return wxString();
    return dialog.GetValue();
}

}  // namespace salon::ui
