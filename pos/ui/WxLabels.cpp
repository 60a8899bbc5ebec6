#include "pos/ui/WxLabels.hpp"

#include <wx/textdlg.h>

namespace salon::ui {

wxString text_from_person(const wxString& prompt, const wxString& title, const wxString& value, wxWindow* parent) {
    wxTextEntryDialog dialog(parent, prompt, title, value);
    dialog.Fit();
    if (dialog.ShowModal() != wxID_OK) return wxString();
    return dialog.GetValue();
}

}  // namespace salon::ui
