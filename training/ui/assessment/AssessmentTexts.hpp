// Texts the assessment pages share: what went wrong in an action, and averages as people write them.
#pragma once

#include <wx/string.h>

namespace salon::ui {

// The message of the exception being handled: a UserError's own text, anything else as unexpected.
wxString assessment_error_text();

// An average with one decimal in the UI's language: "4,5" in Russian, "4.5" in English.
wxString one_decimal_text(double value);

}  // namespace salon::ui
