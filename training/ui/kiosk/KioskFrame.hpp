// The entrance test's kiosk (R-TRN-6), salon-station --kiosk: one full-screen window and nothing else — no
// menu, no sign-in, no way out to the station (closing and Escape are refused; the package's kiosk login
// session runs nothing but this). The candidate types his code, answers the 16 questions one at a time
// (with a row of numbers to go back to any), each answer saved the moment it is given, and sees a countdown
// computed from the attempt's deadline and the database's clock, re-read from the database every few
// seconds (a trainer's extra time shows at once). At 0:00 the kiosk submits with the saved answers; after
// submission it thanks him with his result (N of 16, passed or not: Moodle's review shows it too) and is
// ready for the next code. A restart with the same code resumes the same questions with the time left.
#pragma once

#include "training/core/attempt/Attempt.hpp"

#include <wx/frame.h>
#include <wx/timer.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

class wxButton;
class wxPanel;
class wxSimplebook;
class wxStaticText;
class wxTextCtrl;
class wxToggleButton;
class wxBoxSizer;

namespace salon::db {
class Database;
}
namespace salon::pos {
class AuditKey;
}

namespace salon::ui {

class KioskFrame : public wxFrame {
public:
    // `kiosk`: this station's name, kept with each attempt started here.
    KioskFrame(db::Database& db, const pos::AuditKey& key, std::string kiosk);

    // What the clock's tick does once a second: the countdown from the database, a re-read of the attempt
    // every few ticks, the submission at 0:00. Public for the GUI test, which moves the database's clock.
    void tick();
    // The attempt shown, if any (the GUI test reads it).
    const std::optional<training::Attempt>& attempt() const { return attempt_; }
    int current_slot() const { return current_; }
    // Goes to question `slot_no` (1..16).
    void show_slot(int slot_no);
    // "Finish": asks for confirmation unless `confirmed`, then submits.
    void finish(bool confirmed);

private:
    wxPanel* build_code_page(wxWindow* parent);
    wxPanel* build_question_page(wxWindow* parent);
    wxPanel* build_result_page(wxWindow* parent);
    void start();
    void show_question();
    void show_result();
    void show_code_page(const wxString& message = {});
    void choose(std::size_t option);
    void save_text_answer();
    void save(const nlohmann::json& answer);
    void reload();
    void update_countdown();
    void update_numbers();
    // A refusal while answering: the attempt as the database has it decides what comes next.
    void after_refusal(const std::string& message);

    db::Database& db_;
    const pos::AuditKey& key_;
    std::string kiosk_;
    std::optional<training::Attempt> attempt_;
    int current_ = 1;
    int ticks_ = 0;
    wxTimer clock_;
    wxTimer back_to_code_;

    wxSimplebook* book_ = nullptr;
    // The code page.
    wxTextCtrl* code_ = nullptr;
    wxStaticText* code_error_ = nullptr;
    // The question page.
    wxStaticText* who_ = nullptr;
    wxStaticText* countdown_ = nullptr;
    wxStaticText* position_ = nullptr;
    wxStaticText* topic_ = nullptr;
    wxStaticText* text_ = nullptr;
    wxPanel* answers_ = nullptr;
    wxBoxSizer* answers_sizer_ = nullptr;
    std::vector<wxToggleButton*> options_;
    wxTextCtrl* text_answer_ = nullptr;
    wxStaticText* saved_ = nullptr;
    std::vector<wxButton*> numbers_;
    wxButton* previous_ = nullptr;
    wxButton* next_ = nullptr;
    // The result page.
    wxStaticText* thanks_ = nullptr;
    wxStaticText* result_ = nullptr;
};

}  // namespace salon::ui
