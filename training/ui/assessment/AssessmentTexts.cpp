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

void fill_cohort_choice(wxChoice* choice, const std::vector<training::AssessedCohort>& cohorts) {
    const int was = choice->GetSelection();
    choice->Clear();
    for (const auto& c : cohorts)
        choice->Append(wxString::FromUTF8(c.week_start) + (c.closed ? " (" + ui_text(tr("the week is closed")) + ")" : ""));
    if (!cohorts.empty()) choice->SetSelection(was >= 0 && was < static_cast<int>(cohorts.size()) ? was : 0);
}

}  // namespace salon::ui
