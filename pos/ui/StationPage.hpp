// A page of the main window's desk: what the navigation shows and the Edit menu acts on.
#pragma once

#include <wx/panel.h>

namespace salon::ui {

class StationPage : public wxPanel {
public:
    using wxPanel::wxPanel;

    // Reads what the page shows again (called whenever the page is brought forward).
    virtual void refresh() = 0;
    // Pages that edit records answer the Edit menu's New (Ctrl+N) and Save (Ctrl+S).
    virtual bool edits_records() const { return false; }
    virtual void new_record() {}
    virtual void save() {}
};

}  // namespace salon::ui
