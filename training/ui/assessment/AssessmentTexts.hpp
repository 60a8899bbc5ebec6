// What the assessment pages share: what went wrong in an action, averages as people write them, the cohort
// they work on.
#pragma once

#include "training/core/assessment/CohortResults.hpp"

#include <wx/choice.h>
#include <wx/string.h>

#include <vector>

namespace salon::ui {

// The message of the exception being handled: a UserError's own text, anything else as unexpected.
wxString assessment_error_text();

// An average with one decimal in the UI's language: "4,5" in Russian, "4.5" in English.
wxString one_decimal_text(double value);

// Lists the cohorts in `choice` by their Friday, a closed week marked, keeping the row chosen before.
void fill_cohort_choice(wxChoice* choice, const std::vector<training::AssessedCohort>& cohorts);

}  // namespace salon::ui
