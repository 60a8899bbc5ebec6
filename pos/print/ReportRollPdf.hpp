// A monospaced report (the shift's X and Z reports) on the 80 mm roll of the receipt printer, as the
// Shift page shows it: 42 columns across the 72 mm printed, long lines wrapped, the page as long as the text.
#pragma once

#include <string>
#include <vector>

namespace salon::pos {

// The PDF file's bytes.
std::string report_roll_pdf(const std::vector<std::string>& lines);

}  // namespace salon::pos
