// What went wrong in an assessment page's action, in words the user knows (called inside a catch block).
#pragma once

#include <wx/string.h>

namespace salon::ui {

// The message of the exception being handled: a UserError's own text, anything else as unexpected.
wxString assessment_error_text();

}  // namespace salon::ui
