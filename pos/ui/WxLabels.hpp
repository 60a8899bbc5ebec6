// wx's own buttons (the OK and Cancel of CreateButtonSizer, of wxTextEntryDialog, wxSingleChoiceDialog) in
// the station's language: GTK draws a stock button with its own catalog and the process's C locale, so it
// said "Cancel" in a Russian station whatever the station's catalog held.
#pragma once

#include <wx/string.h>

class wxWindow;

namespace salon::ui {

// Gives every stock button of `dialog` (OK, Cancel, Yes, No, Close) its label from the station's catalog.
void name_stock_buttons(wxWindow* dialog);

// wxGetTextFromUser (same arguments) with the buttons named: the text typed, or empty when cancelled.
wxString text_from_person(const wxString& prompt, const wxString& title, const wxString& value, wxWindow* parent);

}  // namespace salon::ui
