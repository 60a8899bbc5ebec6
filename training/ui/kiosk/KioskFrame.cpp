#include "training/ui/kiosk/KioskFrame.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/audit/AuditJournal.hpp"
#include "pos/ui/FormFields.hpp"

#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tglbtn.h>

namespace salon::ui {

namespace {

// Re-read the attempt from the database every this many ticks (seconds): a grant or a submission made
// elsewhere shows within this time.
constexpr int kReloadTicks = 5;
// The thank-you screen goes back to the code screen by itself after this long.
constexpr int kResultShownMs = 60 * 1000;

wxString clock_text(std::int64_t seconds) {
    return wxString::Format("%lld:%02lld", static_cast<long long>(seconds / 60),
                            static_cast<long long>(seconds % 60));
}

void enlarge(wxWindow* w, float factor, bool bold = false) {
    wxFont f = w->GetFont().Scaled(factor);
    if (bold) f.MakeBold();
    w->SetFont(f);
}

}  // namespace

KioskFrame::KioskFrame(db::Database& db, const pos::AuditKey& key, std::string kiosk)
    : wxFrame(nullptr, wxID_ANY, ui_text(tr("Entrance test")), wxDefaultPosition, wxSize(1280, 800),
              wxBORDER_NONE | wxSTAY_ON_TOP),
      db_(db),
      key_(key),
      kiosk_(std::move(kiosk)) {
    SetName("kiosk");
    book_ = new wxSimplebook(this);
    book_->AddPage(build_code_page(book_), "code");
    book_->AddPage(build_question_page(book_), "question");
    book_->AddPage(build_result_page(book_), "result");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(book_, 1, wxEXPAND);
    SetSizer(sizer);

    // Nothing leads out of the kiosk: closing (Alt+F4) is refused, Escape and the function keys do nothing.
    Bind(wxEVT_CLOSE_WINDOW, [](wxCloseEvent& e) {
        if (e.CanVeto())
            e.Veto();
        else
            e.Skip();
    });
    Bind(wxEVT_CHAR_HOOK, [](wxKeyEvent& e) {
        const int k = e.GetKeyCode();
        if (k == WXK_ESCAPE || (k == WXK_F4 && e.AltDown()) || (k >= WXK_F1 && k <= WXK_F24)) return;
        e.Skip();
    });
    clock_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { tick(); });
    back_to_code_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { show_code_page(); });
    show_code_page();
}

wxPanel* KioskFrame::build_code_page(wxWindow* parent) {
    auto* page = new wxPanel(parent);
    auto* title = new wxStaticText(page, wxID_ANY, ui_text(tr("Entrance test")));
    enlarge(title, 2.6f, true);
    auto* hint = new wxStaticText(
        page, wxID_ANY,
        ui_text(tr("16 questions, 15 minutes. Enter the personal code from your invitation.")));
    enlarge(hint, 1.5f);
    code_ = new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(360, 80)),
                           wxTE_PROCESS_ENTER | wxTE_CENTRE, wxDefaultValidator, "kiosk_code");
    enlarge(code_, 2.6f, true);
    code_->SetMaxLength(16);
    code_->SetHint(ui_text(tr("Code")));
    auto* start_button = new wxButton(page, wxID_ANY, ui_text(tr("Start the test")), wxDefaultPosition,
                                      FromDIP(wxSize(360, 72)), 0, wxDefaultValidator, "kiosk_start");
    enlarge(start_button, 1.8f, true);
    code_error_ = new wxStaticText(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                   wxALIGN_CENTRE_HORIZONTAL, "kiosk_error");
    enlarge(code_error_, 1.5f);
    code_error_->SetForegroundColour(error_colour());
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->AddStretchSpacer(2);
    sizer->Add(title, 0, wxALIGN_CENTER | wxALL, 20);
    sizer->Add(hint, 0, wxALIGN_CENTER | wxALL, 12);
    sizer->Add(code_, 0, wxALIGN_CENTER | wxALL, 20);
    sizer->Add(start_button, 0, wxALIGN_CENTER | wxALL, 12);
    sizer->Add(code_error_, 0, wxEXPAND | wxALL, 12);
    sizer->AddStretchSpacer(3);
    page->SetSizer(sizer);
    code_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { start(); });
    start_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { start(); });
    return page;
}

wxPanel* KioskFrame::build_question_page(wxWindow* parent) {
    auto* page = new wxPanel(parent);
    who_ = new wxStaticText(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "kiosk_who");
    enlarge(who_, 1.4f);
    countdown_ =
        new wxStaticText(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "kiosk_countdown");
    enlarge(countdown_, 2.4f, true);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(who_, 1, wxALIGN_CENTER_VERTICAL);
    auto* left_label = new wxStaticText(page, wxID_ANY, ui_text(tr("Time left:")));
    enlarge(left_label, 1.6f);
    top->Add(left_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    top->Add(countdown_, 0, wxALIGN_CENTER_VERTICAL);

    auto* numbers = new wxBoxSizer(wxHORIZONTAL);
    for (int n = 1; n <= training::kQuestionsPerAttempt; ++n) {
        auto* b = new wxButton(page, wxID_ANY, wxString::Format("%d", n), wxDefaultPosition,
                               FromDIP(wxSize(56, 48)), 0, wxDefaultValidator,
                               wxString::Format("kiosk_number_%d", n));
        enlarge(b, 1.3f);
        b->Bind(wxEVT_BUTTON, [this, n](wxCommandEvent&) { show_slot(n); });
        numbers_.push_back(b);
        numbers->Add(b, 0, wxRIGHT, 4);
    }

    position_ =
        new wxStaticText(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "kiosk_position");
    enlarge(position_, 1.3f);
    topic_ = new wxStaticText(page, wxID_ANY, wxString());
    enlarge(topic_, 1.2f);
    topic_->SetForegroundColour(wxColour(90, 90, 90));
    text_ = new wxStaticText(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                             "kiosk_question_text");
    enlarge(text_, 2.0f, true);
    answers_ = new wxPanel(page);
    answers_sizer_ = new wxBoxSizer(wxVERTICAL);
    answers_->SetSizer(answers_sizer_);
    saved_ = new wxStaticText(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "kiosk_saved");
    enlarge(saved_, 1.3f);

    previous_ = new wxButton(page, wxID_ANY, ui_text(tr("← Previous")), wxDefaultPosition,
                             FromDIP(wxSize(220, 64)), 0, wxDefaultValidator, "kiosk_previous");
    next_ = new wxButton(page, wxID_ANY, ui_text(tr("Next →")), wxDefaultPosition, FromDIP(wxSize(220, 64)),
                         0, wxDefaultValidator, "kiosk_next");
    auto* finish_button = new wxButton(page, wxID_ANY, ui_text(tr("Finish the test")), wxDefaultPosition,
                                       FromDIP(wxSize(280, 64)), 0, wxDefaultValidator, "kiosk_finish");
    for (auto* b : {previous_, next_, finish_button}) enlarge(b, 1.5f, true);
    previous_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { show_slot(current_ - 1); });
    next_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { show_slot(current_ + 1); });
    finish_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { finish(false); });
    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    bottom->Add(previous_, 0, wxRIGHT, 12);
    bottom->Add(next_, 0);
    bottom->AddStretchSpacer();
    bottom->Add(finish_button, 0);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxEXPAND | wxALL, 24);
    sizer->Add(numbers, 0, wxLEFT | wxRIGHT, 24);
    sizer->Add(position_, 0, wxLEFT | wxRIGHT | wxTOP, 24);
    sizer->Add(topic_, 0, wxLEFT | wxRIGHT, 24);
    sizer->Add(text_, 0, wxEXPAND | wxALL, 24);
    sizer->Add(answers_, 0, wxEXPAND | wxLEFT | wxRIGHT, 24);
    sizer->Add(saved_, 0, wxALL, 24);
    sizer->AddStretchSpacer();
    sizer->Add(bottom, 0, wxEXPAND | wxALL, 24);
    page->SetSizer(sizer);
    return page;
}

wxPanel* KioskFrame::build_result_page(wxWindow* parent) {
    auto* page = new wxPanel(parent);
    thanks_ = new wxStaticText(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                               wxALIGN_CENTRE_HORIZONTAL, "kiosk_thanks");
    enlarge(thanks_, 2.2f, true);
    result_ = new wxStaticText(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                               wxALIGN_CENTRE_HORIZONTAL, "kiosk_result");
    enlarge(result_, 2.0f);
    auto* done = new wxButton(page, wxID_ANY, ui_text(tr("Done")), wxDefaultPosition,
                              FromDIP(wxSize(280, 72)), 0, wxDefaultValidator, "kiosk_done");
    enlarge(done, 1.6f, true);
    done->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { show_code_page(); });
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->AddStretchSpacer(2);
    sizer->Add(thanks_, 0, wxEXPAND | wxALL, 20);
    sizer->Add(result_, 0, wxEXPAND | wxALL, 20);
    sizer->Add(done, 0, wxALIGN_CENTER | wxALL, 30);
    sizer->AddStretchSpacer(3);
    page->SetSizer(sizer);
    return page;
}

void KioskFrame::show_code_page(const wxString& message) {
    clock_.Stop();
    back_to_code_.Stop();
    attempt_.reset();
    code_->Clear();
    code_error_->SetLabel(message);
    book_->ChangeSelection(0);
    book_->GetPage(0)->Layout();
    code_->SetFocus();
}

void KioskFrame::start() {
    try {
        const auto started = training::start_attempt(db_, key_, code_->GetValue().utf8_string(), kiosk_);
        attempt_ = started.attempt;
        if (attempt_->submitted()) return show_result();
        // A resumed attempt opens at its first unanswered question.
        current_ = 1;
        for (const auto& s : attempt_->slots)
            if (s.answer.is_null()) {
                current_ = s.slot_no;
                break;
            }
        ticks_ = 0;
        book_->ChangeSelection(1);
        show_question();
        clock_.Start(1000);
    } catch (const UserError& e) {
        code_error_->SetLabel(wxString::FromUTF8(e.message()));
        book_->GetPage(0)->Layout();
        code_->SelectAll();
        code_->SetFocus();
    } catch (const std::exception&) {
        code_error_->SetLabel(ui_text(tr("The test's database cannot be reached: call the trainer.")));
        book_->GetPage(0)->Layout();
    }
}

void KioskFrame::show_slot(int slot_no) {
    if (!attempt_ || slot_no < 1 || slot_no > static_cast<int>(attempt_->slots.size())) return;
    // A typed answer not yet saved is saved when he moves on.
    if (text_answer_ && attempt_->slots[current_ - 1].kind == "shortanswer") {
        const auto typed = text_answer_->GetValue().utf8_string();
        const auto& saved = attempt_->slots[current_ - 1].answer;
        if (typed != (saved.is_string() ? saved.get<std::string>() : std::string())) save_text_answer();
        if (!attempt_ || attempt_->submitted()) return;
    }
    current_ = slot_no;
    show_question();
}

void KioskFrame::show_question() {
    const auto& a = *attempt_;
    const auto& slot = a.slots[current_ - 1];
    who_->SetLabel(wxString::FromUTF8(a.candidate_name));
    position_->SetLabel(
        ui_text(trf("Question {1} of {2}", {std::to_string(current_), std::to_string(a.slots.size())})));
    topic_->SetLabel(ui_text(training::topic_title(slot.topic)));
    text_->SetLabel(wxString::FromUTF8(slot.text));
    text_->Wrap(GetClientSize().GetWidth() - FromDIP(80));

    answers_sizer_->Clear(true);
    options_.clear();
    text_answer_ = nullptr;
    if (slot.kind == "shortanswer") {
        text_answer_ = new wxTextCtrl(
            answers_, wxID_ANY,
            slot.answer.is_string() ? wxString::FromUTF8(slot.answer.get<std::string>()) : wxString(),
            wxDefaultPosition, FromDIP(wxSize(600, -1)), wxTE_PROCESS_ENTER, wxDefaultValidator,
            "kiosk_text_answer");
        enlarge(text_answer_, 1.8f);
        auto* save_button =
            new wxButton(answers_, wxID_ANY, ui_text(tr("Save the answer")), wxDefaultPosition,
                         FromDIP(wxSize(280, 60)), 0, wxDefaultValidator, "kiosk_save_text");
        enlarge(save_button, 1.4f, true);
        text_answer_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { save_text_answer(); });
        save_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save_text_answer(); });
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        row->Add(text_answer_, 0, wxRIGHT, 12);
        row->Add(save_button, 0);
        answers_sizer_->Add(row, 0, wxTOP, 8);
    } else {
        for (std::size_t i = 0; i < slot.options.size(); ++i) {
            auto* b = new wxToggleButton(answers_, wxID_ANY, wxString::FromUTF8(slot.options[i]),
                                         wxDefaultPosition, FromDIP(wxSize(700, 60)), 0, wxDefaultValidator,
                                         wxString::Format("kiosk_option_%zu", i));
            enlarge(b, 1.6f);
            bool chosen = false;
            if (slot.answer.is_array())
                for (const auto& x : slot.answer) chosen = chosen || x.get<std::size_t>() == i;
            b->SetValue(chosen);
            b->Bind(wxEVT_TOGGLEBUTTON, [this, i](wxCommandEvent&) { choose(i); });
            options_.push_back(b);
            answers_sizer_->Add(b, 0, wxBOTTOM, 10);
        }
        if (slot.kind == "multiple") {
            auto* hint = new wxStaticText(answers_, wxID_ANY, ui_text(tr("Choose every right option.")));
            enlarge(hint, 1.2f);
            answers_sizer_->Add(hint, 0, wxTOP, 4);
        }
    }
    saved_->SetForegroundColour(wxNullColour);
    saved_->SetLabel(slot.answer.is_null() ? ui_text(tr("Not answered yet."))
                                           : ui_text(tr("Your answer is saved.")));
    previous_->Enable(current_ > 1);
    next_->Enable(current_ < static_cast<int>(a.slots.size()));
    update_numbers();
    update_countdown();
    book_->GetPage(1)->Layout();
    if (text_answer_) text_answer_->SetFocus();
}

void KioskFrame::update_numbers() {
    for (std::size_t i = 0; i < numbers_.size() && i < attempt_->slots.size(); ++i) {
        const bool answered = !attempt_->slots[i].answer.is_null();
        const bool here = static_cast<int>(i) + 1 == current_;
        numbers_[i]->SetBackgroundColour(here       ? wxColour(255, 214, 102)
                                         : answered ? wxColour(170, 220, 170)
                                                    : wxNullColour);
    }
}

void KioskFrame::choose(std::size_t option) {
    const auto& slot = attempt_->slots[current_ - 1];
    nlohmann::json answer = nlohmann::json::array();
    if (slot.kind == "multiple") {
        for (std::size_t i = 0; i < options_.size(); ++i)
            if (options_[i]->GetValue()) answer.push_back(i);
    } else {
        for (std::size_t i = 0; i < options_.size(); ++i) options_[i]->SetValue(i == option);
        answer.push_back(option);
    }
    save(answer);
}

void KioskFrame::save_text_answer() {
    if (!text_answer_) return;
    save(nlohmann::json(text_answer_->GetValue().utf8_string()));
}

void KioskFrame::save(const nlohmann::json& answer) {
    try {
        attempt_ = training::answer_slot(db_, key_, attempt_->id, current_, answer);
        saved_->SetLabel(attempt_->slots[current_ - 1].answer.is_null()
                             ? ui_text(tr("Not answered yet."))
                             : ui_text(tr("Your answer is saved.")));
        update_numbers();
        update_countdown();
        book_->GetPage(1)->Layout();
    } catch (const UserError& e) {
        after_refusal(e.message());
    } catch (const std::exception&) {
        // The database is out of reach: the screen shows what is saved, and says this answer is not.
        show_question();
        saved_->SetLabel(
            ui_text(tr("The answer was NOT saved: the database cannot be reached. Choose it again.")));
        saved_->SetForegroundColour(error_colour());
        book_->GetPage(1)->Layout();
    }
}

void KioskFrame::after_refusal(const std::string& message) {
    reload();
    if (!attempt_) return;
    if (attempt_->submitted()) return show_result();
    if (attempt_->seconds_left() == 0) return tick();
    // Still open: the answer was of a wrong shape; say so and show what is saved.
    show_question();
    saved_->SetLabel(wxString::FromUTF8(message));
    saved_->SetForegroundColour(error_colour());
}

void KioskFrame::reload() {
    if (!attempt_) return;
    try {
        attempt_ = training::get_attempt(db_, key_, attempt_->id);
    } catch (const UserError& e) {
        show_code_page(wxString::FromUTF8(e.message()));
    } catch (const std::exception&) {
        // Out of reach: keep what is shown; the clock's tick tries again.
    }
}

void KioskFrame::update_countdown() {
    if (!attempt_) return;
    const std::int64_t left = std::max<std::int64_t>(0, attempt_->deadline_at - db_.now());
    countdown_->SetLabel(clock_text(left));
    countdown_->SetForegroundColour(left <= 60 ? error_colour() : wxNullColour);
}

void KioskFrame::tick() {
    if (!attempt_ || attempt_->submitted()) return;
    try {
        if (++ticks_ % kReloadTicks == 0) {
            attempt_ = training::get_attempt(db_, key_, attempt_->id);
            if (attempt_->submitted()) return show_result();
        }
        if (attempt_->deadline_at - db_.now() <= 0) {
            // 0:00 by the database's clock: submitted with every answer saved so far.
            attempt_ = training::submit_at_deadline(db_, key_, attempt_->id);
            if (attempt_->submitted()) return show_result();
        }
        update_countdown();
    } catch (const std::exception&) {
        // The database is out of reach: the answers saved so far are safe, and the next tick tries again.
        saved_->SetLabel(ui_text(
            tr("The test's database cannot be reached: your saved answers are safe; call the trainer.")));
        saved_->SetForegroundColour(error_colour());
    }
}

void KioskFrame::finish(bool confirmed) {
    if (!attempt_ || attempt_->submitted()) return;
    if (!confirmed) {
        const int unanswered = static_cast<int>(attempt_->slots.size()) - attempt_->answered();
        wxString question = ui_text(tr("Finish the test? Answers cannot be changed afterwards."));
        if (unanswered > 0)
            question += "\n" + ui_text(trn("{1} question is not answered.", "{1} questions are not answered.",
                                           unanswered));
        wxMessageDialog dialog(this, question, ui_text(tr("Finish the test")),
                               wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
        dialog.SetYesNoLabels(ui_text(tr("Finish")), ui_text(tr("Go back to the questions")));
        if (dialog.ShowModal() != wxID_YES) return;
    }
    if (text_answer_) save_text_answer();
    if (!attempt_ || attempt_->submitted()) return show_result();
    try {
        attempt_ = training::submit_attempt(db_, key_, attempt_->id);
    } catch (const UserError& e) {
        reload();
        if (!attempt_ || !attempt_->submitted()) return after_refusal(e.message());
    } catch (const std::exception&) {
        saved_->SetLabel(ui_text(
            tr("The test's database cannot be reached: your saved answers are safe; call the trainer.")));
        saved_->SetForegroundColour(error_colour());
        return;
    }
    show_result();
}

void KioskFrame::show_result() {
    clock_.Stop();
    const auto& a = *attempt_;
    thanks_->SetLabel(ui_text(trf("Thank you, {1}! The test is over.", {a.candidate_name})));
    wxString result =
        ui_text(trf("Result: {1} of {2}", {std::to_string(a.correct_count), std::to_string(a.slots.size())}));
    result += "\n" + ui_text(a.passed ? tr("The test is passed.") : tr("The test is not passed."));
    if (a.submitted_how != "candidate")
        result += "\n" + ui_text(tr("Time was up: every answer you gave was counted."));
    result_->SetLabel(result);
    book_->ChangeSelection(2);
    book_->GetPage(2)->Layout();
    back_to_code_.StartOnce(kResultShownMs);
}

}  // namespace salon::ui
