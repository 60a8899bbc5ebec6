// The labelled inputs of a form, each with a red line under it for the error about that input.
#pragma once

#include "db/Text.hpp"

#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/window.h>

#include <map>
#include <string>

namespace salon::ui {

// Not a window: it lays out inputs that belong to `parent` in a two-column grid and finds an input by
// the key core errors name it with (pos::InputError::input()).
class FormFields {
public:
    explicit FormFields(wxWindow* parent);

    // Adds a row: `label` on the left, `control` and its (hidden) error line on the right.
    // `control` may be a sizer's window or any input; `key` matches InputError::input().
    wxStaticText* add(const std::string& key, const Text& label, wxWindow* control);
    // Adds a row whose input is a sizer (e.g. a pair of radio buttons); `focus` receives the focus on error.
    wxStaticText* add(const std::string& key, const Text& label, wxSizer* inputs, wxWindow* focus);

    wxFlexGridSizer* sizer() const { return grid_; }

    // Shows `message` under the input named `key` and focuses it; false if there is no such input.
    bool show_error(const std::string& key, const wxString& message);
    void clear_errors();

private:
    struct Row {
        wxWindow* focus = nullptr;
        wxStaticText* error = nullptr;
    };
    wxStaticText* add_row(const std::string& key, const Text& label, wxSizer* inputs, wxWindow* focus);

    wxWindow* parent_;
    wxFlexGridSizer* grid_;
    std::map<std::string, Row> rows_;
};

// Text for an error line: red, as every refusal the station shows.
wxColour error_colour();
// A label's text: translated and converted for wx.
wxString ui_text(const Text& text);
// wxWidgets' own words (stock buttons "OK"/"Cancel", a progress dialog's "Elapsed time", a wizard's "Next >")
// in the language the station speaks: wx's catalog from the wx3.2-i18n package. Call after set_language.
void follow_language_in_wx();

}  // namespace salon::ui
