#include "pos/ui/PageFocus.hpp"

#include <wx/toplevel.h>
#include <wx/window.h>

namespace salon::ui {

void take_focus_if_lost(wxWindow* page, wxWindow* first) {
    if (!page->IsShownOnScreen()) return;
    const wxWindow* focus = wxWindow::FindFocus();
    const bool lost = focus == nullptr || !focus->IsShownOnScreen() || focus == wxGetTopLevelParent(page);
    if (lost) first->SetFocus();
}

}  // namespace salon::ui
