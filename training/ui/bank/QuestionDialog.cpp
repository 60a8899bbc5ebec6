#include "training/ui/bank/QuestionDialog.hpp"

#include "pos/ui/FormFields.hpp"

#include <wx/button.h>
#include <wx/sizer.h>

namespace salon::ui {

namespace {
const char* const kKinds[] = {"single", "multiple", "truefalse", "shortanswer", "tariff_math"};

}  // namespace

QuestionDialog::QuestionDialog(wxWindow* parent, const training::Question* current)
    : wxDialog(parent, wxID_ANY, ui_text(current ? tr("New version of the question") : tr("New question")),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    topic_ = new wxChoice(this, wxID_ANY);
    for (training::Topic t : training::kAllTopics) topic_->Append(ui_text(training::topic_title(t)));
    kind_ = new wxChoice(this, wxID_ANY);
    for (const char* k : kKinds) kind_->Append(ui_text(training::question_kind_title(k)));
    name_ = new wxTextCtrl(this, wxID_ANY);
    category_ = new wxTextCtrl(this, wxID_ANY);
    category_->SetHint(ui_text(tr("e.g. География/Столицы")));
    text_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(520, 80)), wxTE_MULTILINE);
    answers_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(520, 110)), wxTE_MULTILINE);
    explanation_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(520, 60)), wxTE_MULTILINE);
    hint_ = new wxStaticText(this, wxID_ANY, wxString());
    error_ = new wxStaticText(this, wxID_ANY, wxString());
    error_->SetForegroundColour(error_colour());
    kind_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { show_hint(); });

    topic_->SetSelection(0);
    kind_->SetSelection(0);
    if (current) {
        topic_->SetSelection(static_cast<int>(current->topic));
        for (int i = 0; i < static_cast<int>(std::size(kKinds)); ++i)
            if (current->current.kind == kKinds[i]) kind_->SetSelection(i);
        name_->SetValue(wxString::FromUTF8(current->current.name));
        category_->SetValue(wxString::FromUTF8(current->category));
        text_->SetValue(wxString::FromUTF8(current->current.text));
        answers_->SetValue(wxString::FromUTF8(training::question_body_as_lines(current->current.kind, current->current.body)));
        explanation_->SetValue(wxString::FromUTF8(current->current.explanation));
        keep_ = current->current.body;
    }

    auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    grid->AddGrowableCol(1);
    auto row = [&](const Text& label, wxWindow* field) {
        grid->Add(new wxStaticText(this, wxID_ANY, ui_text(label)), 0, wxALIGN_TOP | wxTOP, 4);
        grid->Add(field, 1, wxEXPAND);
    };
    row(tr("Topic"), topic_);
    row(tr("Kind"), kind_);
    row(tr("Name"), name_);
    row(tr("Category"), category_);
    row(tr("Question text"), text_);
    row(tr("Answers"), answers_);
    grid->AddSpacer(0);
    grid->Add(hint_);
    row(tr("Explanation"), explanation_);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, 1, wxEXPAND | wxALL, 10);
    sizer->Add(error_, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 10);
    SetSizerAndFit(sizer);
    show_hint();
}

void QuestionDialog::show_hint() {
    const std::string kind = kKinds[std::max(0, kind_->GetSelection())];
    Text hint = tr("A line per option: + for a right one, - for a wrong one");
    if (kind == "truefalse") hint = tr("true or false");
    if (kind == "shortanswer") hint = tr("An accepted answer a line");
    if (kind == "tariff_math")
        hint = tr("The client's usage as JSON: {\"ask\": \"cheapest\", \"profile\": {\"minutes_russia\": 300, \"mb\": 10240}}");
    hint_->SetLabel(ui_text(hint));
    Layout();
}

training::QuestionForm QuestionDialog::form() const {
    training::QuestionForm f;
    f.topic = std::string(training::to_string(training::kAllTopics.at(static_cast<std::size_t>(std::max(0, topic_->GetSelection())))));
    f.kind = kKinds[std::max(0, kind_->GetSelection())];
    f.name = name_->GetValue().utf8_string();
    f.category = category_->GetValue().utf8_string();
    f.text = text_->GetValue().utf8_string();
    f.explanation = explanation_->GetValue().utf8_string();
    f.body = training::question_body_from_lines(f.kind, answers_->GetValue().utf8_string(), keep_);
    return f;
}

void QuestionDialog::refuse(const wxString& message) {
    error_->SetLabel(message);
    Layout();
    Fit();
}

}  // namespace salon::ui
