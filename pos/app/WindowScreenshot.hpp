// Saves what a window shows as a PNG file (for README pictures and the GUI smoke test).
#pragma once

#include <string>

class wxWindow;

namespace salon::app {

// Copies the window's pixels from the screen; false if the file could not be written.
bool save_window_png(wxWindow* window, const std::string& path);

}  // namespace salon::app
