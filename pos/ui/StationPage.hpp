// A page of the main window's desk: what the navigation shows and the Edit menu acts on.
#pragma once

#include <wx/panel.h>
#include <wx/stattext.h>

#include <vector>

namespace salon::ui {

// A key and what it does, as Help > Keyboard shortcuts (F1) lists them.
struct KeyHelp {
    wxString key;
    wxString what;
};
// The list in a dialog of its own (Escape or Enter closes it).
void show_key_help(wxWindow* parent, const std::vector<KeyHelp>& rows);

class StationPage : public wxPanel {
public:
    using wxPanel::wxPanel;

    // Reads what the page shows again. Called whenever the page is brought forward, the first time too:
    // constructors only build the page, so start-up reads nothing for pages nobody opens.
    virtual void refresh() = 0;
    // Pages that edit records answer the Edit menu's New (Ctrl+N) and Save (Ctrl+S).
    virtual bool edits_records() const { return false; }
    virtual void new_record() {}
    virtual void save() {}
    // The page's own keys, for the list Help shows (F1).
    virtual std::vector<KeyHelp> key_help() const { return {}; }
    // The page's person is back after Switch person: their old messages go, the page is read again.
    virtual void welcome_back();

protected:
    // The line under the page's buttons: what was just done, in green, or what is wrong, in red. A page
    // that has one creates `status_` in its constructor.
    void status(const wxString& text, bool error);
    wxStaticText* status_ = nullptr;
};

}  // namespace salon::ui
