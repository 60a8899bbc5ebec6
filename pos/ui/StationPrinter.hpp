// The station's printer (the 80 mm receipt printer, through CUPS): chosen once per station and kept in the
// station's own settings (wxConfig, beside the language), used by Print on the receipt and the Shift page.
#pragma once

#include <wx/string.h>

#include <string>

class wxWindow;

namespace salon::ui {

// The printer chosen at this station; empty: CUPS's default printer.
wxString station_printer();
// File > Printer…: the printers CUPS knows, the chosen one kept in the station's settings.
void choose_station_printer(wxWindow* parent);

struct PrintOutcome {
    wxString message;  // what the page shows in its status line
    bool failed = false;
};
// Prints `pdf` (a PDF's bytes) on the station's printer as a job titled `title`.
PrintOutcome print_on_station_printer(const std::string& pdf, const std::string& title);

}  // namespace salon::ui
