// wx's own text dialog in the station's language. Its OK and Cancel, like every stock button (OK, Cancel,
// Yes, No, Close), are drawn by GTK with its own catalog, which follows LANGUAGE: ui::follow_language_in_wx
// sets it, so they need no labels of the station's own.
#pragma once

#include <wx/string.h>

class wxWindow;

namespace salon::ui {

// wxGetTextFromUser (same arguments), fitted to its prompt: the text typed, or empty when cancelled.
wxString text_from_person(const wxString& prompt, const wxString& title, const wxString& value, wxWindow* parent);

}  // namespace salon::ui
