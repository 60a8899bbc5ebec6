#include "pos/ui/FormDialog.hpp"

#include "pos/ui/FormFields.hpp"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace salon::ui {

wxStaticText* lay_out_form_dialog(wxDialog& dialog, wxStaticText* explanation, FormFields& fields,
                                  const Text& ok_label) {
    explanation->Wrap(dialog.FromDIP(440));
    auto* error = new wxStaticText(&dialog, wxID_ANY, wxString());
    error->SetForegroundColour(error_colour());
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(explanation, 0, wxALL, dialog.FromDIP(12));
    sizer->Add(fields.sizer(), 0, wxEXPAND | wxLEFT | wxRIGHT, dialog.FromDIP(12));
    sizer->Add(error, 0, wxEXPAND | wxALL, dialog.FromDIP(12));
    sizer->Add(dialog.CreateButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, dialog.FromDIP(12));
    dialog.SetSizerAndFit(sizer);
    if (auto* ok = dynamic_cast<wxButton*>(dialog.FindWindow(wxID_OK))) ok->SetLabel(ui_text(ok_label));
    return error;
}

}  // namespace salon::ui
