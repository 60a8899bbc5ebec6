// The kiosk driven by the station itself for its GUI test (--kiosk --kiosk-test STEP:CODE): it types the
// code and presses the kiosk's own buttons, as a candidate would, and prints what the screen shows; the
// test then reads the database. Steps:
//   deadline:CODE  answers questions 1-3, moves the database's clock to the attempt's deadline and lets
//                  the kiosk's clock tick: the kiosk must submit at 0:00 with those answers;
//   answer:CODE    answers questions 1-2, prints the 16 questions in order, stops on question 3 and waits
//                  (the test kills the station there);
//   resume:CODE    starts again with the code, prints the countdown, the question it opened on and the 16
//                  questions in order, then finishes (the confirmation answered yes) and waits.
// Lines start with "  " (what is seen) or "kiosk-test STEP: done|failed".
#pragma once

#include <string>

namespace salon::db {
class Database;
}
namespace salon::ui {
class KioskFrame;
}

namespace salon::app {

bool run_kiosk_gui_test(ui::KioskFrame& kiosk, db::Database& db, const std::string& step_and_code);

}  // namespace salon::app
