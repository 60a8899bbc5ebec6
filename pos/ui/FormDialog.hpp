// The layout the station's small form dialogs share (a correction receipt, a shortfall at close): the
// explanation on top, the labelled fields, a red line for a refusal that names no field, and OK / Cancel
// with OK named after what it does.
#pragma once

#include "db/Text.hpp"

class wxDialog;
class wxStaticText;

namespace salon::ui {

class FormFields;

// Lays the dialog out and returns its red line (empty until a refusal is shown).
wxStaticText* lay_out_form_dialog(wxDialog& dialog, wxStaticText* explanation, FormFields& fields,
                                  const Text& ok_label);

}  // namespace salon::ui
