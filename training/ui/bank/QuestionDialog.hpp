// Adding a question to the bank or a new version of one (R-TRN-6): the trainer types it, the bank checks it.
#pragma once

#include "training/core/bank/QuestionBank.hpp"

#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace salon::ui {

class QuestionDialog : public wxDialog {
public:
    // `current`: the question whose new version is typed; null for a new question.
    QuestionDialog(wxWindow* parent, const training::Question* current);
    // The form as typed, the answers field read into the body (refused there with InputError).
    training::QuestionForm form() const;
    // Shows a refusal under the fields.
    void refuse(const wxString& message);

private:
    void show_hint();

    nlohmann::json keep_;
    wxChoice* topic_ = nullptr;
    wxChoice* kind_ = nullptr;
    wxTextCtrl* name_ = nullptr;
    wxTextCtrl* category_ = nullptr;
    wxTextCtrl* text_ = nullptr;
    wxTextCtrl* answers_ = nullptr;
    wxTextCtrl* explanation_ = nullptr;
    wxStaticText* hint_ = nullptr;
    wxStaticText* error_ = nullptr;
};

}  // namespace salon::ui
