// The subscriber's port-in application as printed (R-POS-9): on A4 in two copies (the subscriber's and the
// salon's) with places for both signatures, or on the 80 mm roll of the receipt printer (the station's Print),
// its monospaced lines as ReportRollPdf lays them. Drawn with cairo and pango like the contract.
#pragma once

#include "pos/core/sale/PortInApplication.hpp"
#include "pos/print/ReceiptPdf.hpp"

#include <string>
#include <vector>

namespace salon::pos {

inline constexpr int kPortInApplicationCopies = 2;

// The PDF file's bytes: on A4 each application's copies one after another, on the roll all of them in one
// page as long as the text. Fonts: DejaVu Sans (Mono on the roll) through fontconfig (Cyrillic).
std::string port_in_application_pdf(const std::vector<PortInApplication>& applications, ReceiptPaper paper);
// Writes port_in_application_pdf() to `path`; a file that cannot be written is a UserError naming the path.
void write_port_in_application_pdf(const std::vector<PortInApplication>& applications, const std::string& path,
                                   ReceiptPaper paper);

}  // namespace salon::pos
