#include "pos/ui/FormFields.hpp"

#include <wx/textctrl.h>
#include <wx/translation.h>

#include <algorithm>
#include <clocale>
#include <cstdlib>
#include <cstring>

namespace salon::ui {

namespace {
// Error lines of inputs not laid out yet wrap at this width, so a long message does not widen the form.
constexpr int kErrorWrapWidth = 340;
}  // namespace

wxColour error_colour() { return wxColour(0xC0, 0x1C, 0x28); }

wxString ui_text(const Text& text) { return wxString::FromUTF8(text.str()); }

void follow_language_in_wx() {
    // Only the translations: a wxLocale would also switch the C library's locale, and every number and date
    // the station shows is formatted by Boost.Locale already.
    auto* translations = new wxTranslations;
    translations->SetLanguage(language() == Language::russian ? wxLANGUAGE_RUSSIAN : wxLANGUAGE_ENGLISH_US);
    if (language() == Language::russian) translations->AddStdCatalog();
    wxTranslations::Set(translations);  // takes ownership, deletes the one before
    // GTK draws stock buttons (OK, Cancel in wx's standard dialogs) with its own gettext catalog, which
    // follows LANGUAGE, not wx. gettext ignores LANGUAGE under the "C" locale (a session without LANG), so
    // messages then use C.UTF-8, which honours it; numbers and dates stay Boost.Locale's.
    setenv("LANGUAGE", language() == Language::russian ? "ru" : "en", 1);
    const char* messages = std::setlocale(LC_MESSAGES, nullptr);
    if (!messages || std::strcmp(messages, "C") == 0 || std::strcmp(messages, "POSIX") == 0)
        std::setlocale(LC_MESSAGES, "C.UTF-8");
}

FormFields::FormFields(wxWindow* parent) : parent_(parent), grid_(new wxFlexGridSizer(2, wxSize(12, 6))) {
    grid_->AddGrowableCol(1, 1);
}

wxStaticText* FormFields::add(const std::string& key, const Text& label, wxWindow* control) {
    auto* inputs = new wxBoxSizer(wxVERTICAL);
    inputs->Add(control, 0, wxEXPAND);
    return add_row(key, label, inputs, control);
}

wxStaticText* FormFields::add(const std::string& key, const Text& label, wxSizer* inputs, wxWindow* focus) {
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(inputs, 0, wxEXPAND);
    return add_row(key, label, column, focus);
}

wxStaticText* FormFields::add_row(const std::string& key, const Text& label, wxSizer* column,
                                  wxWindow* focus) {
    auto* caption = new wxStaticText(parent_, wxID_ANY, ui_text(label));
    auto* error = new wxStaticText(parent_, wxID_ANY, wxString());
    error->SetName("error_" + key);  // found by the GUI tests, which read what a person would see
    error->SetForegroundColour(error_colour());
    column->Add(error, 0, wxTOP, 2);
    column->Hide(error);
    // Level with the input's first line, not with the error line that may appear under it.
    const int offset =
        focus ? std::max(0, (focus->GetBestSize().GetHeight() - caption->GetBestSize().GetHeight()) / 2) : 0;
    grid_->Add(caption, 0, wxALIGN_RIGHT | wxALIGN_TOP | wxTOP, offset);
    grid_->Add(column, 1, wxEXPAND);
    rows_[key] = Row{focus, error};
    // Once the person corrects the input, the error about what it held goes ("too few digits" must not stay
    // under a number typed right since).
    if (auto* text = dynamic_cast<wxTextCtrl*>(focus))
        text->Bind(wxEVT_TEXT, [this, error](wxCommandEvent& e) {
            e.Skip();
            if (!error->IsShown()) return;
            error->SetLabelText(wxString());
            error->GetContainingSizer()->Hide(error);
            parent_->Layout();
        });
    return caption;
}

bool FormFields::show_error(const std::string& key, const wxString& message) {
    const auto found = rows_.find(key);
    if (found == rows_.end()) return false;
    wxStaticText* error = found->second.error;
    // As wide as the input above it: the column is no wider, and GTK clips rather than wraps.
    const int width = found->second.focus ? found->second.focus->GetSize().GetWidth() : 0;
    error->SetLabelText(message);
    error->Wrap(width > 0 ? width : kErrorWrapWidth);
    error->GetContainingSizer()->Show(error);
    parent_->Layout();
    if (found->second.focus) found->second.focus->SetFocus();
    return true;
}

void FormFields::clear_errors() {
    bool changed = false;
    for (auto& [key, row] : rows_) {
        if (!row.error->IsShown()) continue;
        row.error->SetLabelText(wxString());
        row.error->GetContainingSizer()->Hide(row.error);
        changed = true;
    }
    if (changed) parent_->Layout();
}

}  // namespace salon::ui
