#include "pos/ui/StationPage.hpp"

#include "pos/ui/FormFields.hpp"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>

namespace salon::ui {

void StationPage::status(const wxString& text, bool error) {
    if (status_ == nullptr) return;
    status_->SetLabel(text);
    // A long message (a path, a refusal with its reason) wraps inside the page rather than being cut.
    const int width = status_->GetParent()->GetClientSize().GetWidth() - FromDIP(16);
    if (width > FromDIP(200)) status_->Wrap(width);
    status_->SetForegroundColour(error ? error_colour() : wxColour(0x1E, 0x7B, 0x34));
    Layout();
}

void StationPage::welcome_back() {
    // What was said to this person before they stepped away may be stale now (another person sold at this
    // till meanwhile): the line is cleared and the page read again.
    status(wxString(), false);
    refresh();
}

void show_key_help(wxWindow* parent, const std::vector<KeyHelp>& rows) {
    wxDialog dialog(parent, wxID_ANY, ui_text(tr("Keyboard shortcuts")), wxDefaultPosition, wxDefaultSize,
                    wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
    auto* list = new wxListCtrl(&dialog, wxID_ANY, wxDefaultPosition, dialog.FromDIP(wxSize(560, 420)),
                                wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    list->AppendColumn(ui_text(tr("Key")));
    list->AppendColumn(ui_text(tr("What it does")));
    for (const KeyHelp& row : rows) {
        const long index = list->InsertItem(list->GetItemCount(), row.key);
        list->SetItem(index, 1, row.what);
    }
    list->SetColumnWidth(0, wxLIST_AUTOSIZE);
    list->SetColumnWidth(0, list->GetColumnWidth(0) + dialog.FromDIP(16));
    list->SetColumnWidth(1, wxLIST_AUTOSIZE);
    auto* close = new wxButton(&dialog, wxID_CANCEL, ui_text(tr("Close")));
    close->SetDefault();
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(list, 1, wxEXPAND | wxALL, 8);
    sizer->Add(close, 0, wxALIGN_RIGHT | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    dialog.SetSizerAndFit(sizer);
    dialog.SetEscapeId(wxID_CANCEL);
    list->SetFocus();
    dialog.ShowModal();
}

}  // namespace salon::ui
