#include "pos/app/KioskGuiTest.hpp"

#include "db/Database.hpp"
#include "training/ui/kiosk/KioskFrame.hpp"

#include <wx/button.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tglbtn.h>

#include <iostream>

namespace salon::app {

namespace {

class KioskWalk {
public:
    KioskWalk(ui::KioskFrame& kiosk, db::Database& db, std::string step)
        : kiosk_(kiosk), db_(db), step_(std::move(step)) {}

    template <class T>
    T* find(const std::string& name) {
        auto* w = dynamic_cast<T*>(wxWindow::FindWindowByName(name, &kiosk_));
        if (!w) fail("no control " + name);
        return w;
    }
    bool press(const std::string& name) {
        auto* b = find<wxButton>(name);
        if (!b) return false;
        wxCommandEvent e(wxEVT_BUTTON, b->GetId());
        e.SetEventObject(b);
        b->GetEventHandler()->ProcessEvent(e);
        return true;
    }
    std::string label(const std::string& name) {
        auto* t = find<wxStaticText>(name);
        return t ? t->GetLabel().utf8_string() : std::string();
    }
    bool enter_code(const std::string& code) {
        auto* t = find<wxTextCtrl>("kiosk_code");
        if (!t) return false;
        t->SetValue(wxString::FromUTF8(code));
        if (!press("kiosk_start")) return false;
        if (!kiosk_.attempt()) return fail("the code was refused: " + label("kiosk_error"));
        std::cout << "  started: attempt " << kiosk_.attempt()->id << std::endl;
        return true;
    }
    // Answers the question on the screen with its first option, or a text, by the kiosk's own controls.
    bool answer_current() {
        if (auto* option =
                dynamic_cast<wxToggleButton*>(wxWindow::FindWindowByName("kiosk_option_0", &kiosk_))) {
            option->SetValue(true);
            wxCommandEvent e(wxEVT_TOGGLEBUTTON, option->GetId());
            e.SetEventObject(option);
            e.SetInt(1);
            option->GetEventHandler()->ProcessEvent(e);
        } else {
            auto* text = find<wxTextCtrl>("kiosk_text_answer");
            if (!text) return false;
            text->SetValue("Android");
            if (!press("kiosk_save_text")) return false;
        }
        std::cout << "  question " << kiosk_.current_slot() << ": " << label("kiosk_saved") << std::endl;
        return true;
    }
    bool answer(int from, int to) {
        for (int n = from; n <= to; ++n) {
            if (!press("kiosk_number_" + std::to_string(n)) || !answer_current()) return false;
        }
        return true;
    }
    // The 16 questions in order, as the screen shows them, going through them with "Next".
    bool print_questions() {
        if (!press("kiosk_number_1")) return false;
        for (int n = 1; n <= 16; ++n) {
            std::cout << "  slot " << n << ": " << label("kiosk_question_text") << std::endl;
            if (n < 16 && !press("kiosk_next")) return false;
        }
        return true;
    }
    bool fail(const std::string& why) {
        if (!failed_) std::cout << "  failure: " << why << std::endl;
        failed_ = true;
        return false;
    }
    bool done(bool ok) {
        std::cout << "kiosk-test " << step_ << ": " << (ok && !failed_ ? "done" : "failed") << std::endl;
        return ok && !failed_;
    }

    ui::KioskFrame& kiosk_;
    db::Database& db_;
    std::string step_;
    bool failed_ = false;
};

}  // namespace

bool run_kiosk_gui_test(ui::KioskFrame& kiosk, db::Database& db, const std::string& step_and_code) {
    const auto colon = step_and_code.find(':');
    const std::string step = step_and_code.substr(0, colon);
    const std::string code = colon == std::string::npos ? std::string() : step_and_code.substr(colon + 1);
    KioskWalk walk(kiosk, db, step);
    if (!walk.enter_code(code)) return walk.done(false);
    if (step == "deadline") {
        if (!walk.answer(1, 3)) return walk.done(false);
        std::cout << "  countdown: " << walk.label("kiosk_countdown") << std::endl;
        // 15:00 later by the database's clock; the kiosk's next tick sees 0:00.
        db.set_clock(kiosk.attempt()->deadline_at);
        kiosk.tick();
        std::cout << "  result: " << walk.label("kiosk_result") << std::endl;
        if (!kiosk.attempt() || !kiosk.attempt()->submitted()) walk.fail("the kiosk did not submit at 0:00");
        return walk.done(true);
    }
    if (step == "answer") {
        if (!walk.answer(1, 2) || !walk.print_questions() || !walk.press("kiosk_number_3"))
            return walk.done(false);
        std::cout << "  countdown: " << walk.label("kiosk_countdown") << std::endl;
        return walk.done(true);
    }
    if (step == "resume") {
        std::cout << "  countdown: " << walk.label("kiosk_countdown") << std::endl;
        std::cout << "  opened on: " << kiosk.current_slot() << std::endl;
        const int opened = kiosk.current_slot();
        if (!walk.print_questions()) return walk.done(false);
        walk.press("kiosk_number_" + std::to_string(opened));
        // He finishes by himself (the confirmation answered yes).
        kiosk.finish(true);
        std::cout << "  result: " << walk.label("kiosk_result") << std::endl;
        if (!kiosk.attempt() || !kiosk.attempt()->submitted()) walk.fail("finish did not submit");
        return walk.done(true);
    }
    walk.fail("unknown step " + step);
    return walk.done(false);
}

}  // namespace salon::app
