#include "training/ui/assessment/AssessmentTexts.hpp"

#include "db/UserError.hpp"
#include "pos/ui/FormFields.hpp"

#include <exception>

namespace salon::ui {

wxString assessment_error_text() {
    try {
        throw;
    } catch (const UserError& e) {
        return wxString::FromUTF8(e.message());
    } catch (const std::exception& e) {
        return ui_text(trf("Unexpected error: {1}", {e.what()}));
    }
}

wxString one_decimal_text(double value) {
    wxString s = wxString::Format("%.1f", value);
    if (language() == Language::russian) s.Replace(".", ",");
    return s;
}

}  // namespace salon::ui
