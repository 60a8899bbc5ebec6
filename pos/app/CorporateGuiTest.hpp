// The station's scripted walk through the corporate desk for its GUI test (--gui-test corporate): it types
// into the pages' inputs and presses their buttons, as a specialist would, so every handler and core
// operation behind them runs; the test then reads the database. Nothing here decides anything.
#pragma once

#include <string>

namespace salon::app {

class MainFrame;

// Registers a company with two numbers, files its remote-service application, prints it and moves it to
// active, enables the cabinet through its three steps with the code read off the page (the sandbox shows the
// SMS), previews `dir`/users.csv on the users' data page and imports its valid rows, changes the demo sole
// proprietor's administrator, takes and completes a request to block a demo company's SIM, then shows the company's card. Prints each step and the page's answer; returns
// false at the first control it cannot find. `dir` also receives application.pdf, a copy of the printed
// application.
bool run_corporate_gui_test(MainFrame& frame, const std::string& dir);

}  // namespace salon::app
