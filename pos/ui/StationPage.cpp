#include "pos/ui/StationPage.hpp"

#include "pos/ui/FormFields.hpp"

namespace salon::ui {

void StationPage::status(const wxString& text, bool error) {
    if (status_ == nullptr) return;
    status_->SetLabel(text);
    status_->SetForegroundColour(error ? error_colour() : wxColour(0x1E, 0x7B, 0x34));
    Layout();
}

}  // namespace salon::ui
