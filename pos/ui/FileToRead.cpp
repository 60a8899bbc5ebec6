#include "pos/ui/FileToRead.hpp"

#include "pos/ui/FormFields.hpp"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/filectrl.h>
#include <wx/filename.h>
#include <wx/generic/filectrlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

namespace salon::ui {

std::optional<std::string> choose_file_to_read(wxWindow* parent, const Text& title, const Text& wildcard) {
    static wxString last_folder;
    wxDialog dialog(parent, wxID_ANY, ui_text(title), wxDefaultPosition, wxDefaultSize,
                    wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
    auto* files = new wxGenericFileCtrl(&dialog, wxID_ANY, last_folder.empty() ? wxGetHomeDir() : last_folder,
                                        wxString(), ui_text(wildcard), wxFC_OPEN | wxFC_NOSHOWHIDDEN,
                                        wxDefaultPosition, dialog.FromDIP(wxSize(680, 420)));
    auto* error = new wxStaticText(&dialog, wxID_ANY, wxString());
    error->SetForegroundColour(error_colour());
    auto* open = new wxButton(&dialog, wxID_OK, ui_text(tr("&Open")));
    auto* cancel = new wxButton(&dialog, wxID_CANCEL, ui_text(tr("&Cancel")));
    open->SetDefault();
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(error, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    buttons->Add(open, 0, wxRIGHT, 6);
    buttons->Add(cancel);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(files, 1, wxEXPAND | wxALL, 12);
    sizer->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 12);
    dialog.SetSizerAndFit(sizer);
    dialog.SetEscapeId(wxID_CANCEL);

    wxString chosen;
    auto accept = [&] {
        const wxString path = files->GetPath();
        if (path.empty() || !wxFileName::FileExists(path)) {
            error->SetLabel(ui_text(tr("Choose a file in the list or type its name.")));
            dialog.Layout();
            return;
        }
        chosen = path;
        dialog.EndModal(wxID_OK);
    };
    // Enter on a file in the list, or on a name typed in the control's text field.
    dialog.Bind(wxEVT_FILECTRL_FILEACTIVATED, [&](wxFileCtrlEvent&) { accept(); });
    open->Bind(wxEVT_BUTTON, [&](wxCommandEvent&) { accept(); });
    // The name field first: a path typed there and Enter opens the file.
    for (wxWindow* child : files->GetChildren())
        if (auto* text = wxDynamicCast(child, wxTextCtrl)) text->SetFocus();
    if (dialog.ShowModal() != wxID_OK) return std::nullopt;
    last_folder = wxFileName(chosen).GetPath();
    return chosen.utf8_string();
}

}  // namespace salon::ui
