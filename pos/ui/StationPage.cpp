#include "pos/ui/StationPage.hpp"

#include "pos/ui/FormFields.hpp"

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

}  // namespace salon::ui
