// Where the focus goes when a page of the main window is brought forward.
#pragma once

class wxWindow;

namespace salon::ui {

// Brought forward by a key (Ctrl+3) from a page whose focused input is now hidden, `page` gives the focus
// to `first`, so the page's own keys work at once; a person moving through the navigation keeps the focus
// there. Call it after the page is shown (CallAfter from its wxEVT_SHOW).
void take_focus_if_lost(wxWindow* page, wxWindow* first);

}  // namespace salon::ui
