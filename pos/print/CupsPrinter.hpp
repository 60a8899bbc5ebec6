// Sends the station's PDFs (a receipt on the 80 mm roll, an X or Z report) to a printer through CUPS
// (libcups). The printer is the station's own choice (the station's settings, salon-cli --printer); an
// empty name means CUPS's default destination.
#pragma once

#include <string>
#include <vector>

namespace salon::pos {

// The destinations CUPS knows ("Kassa80", "Office"...), the default first; empty when there is no print
// service or no printer.
std::vector<std::string> cups_printers();

// Prints the PDF's bytes as one job titled `title`; returns the job's number. Throws RefusedError naming the
// printer and why when there is no print service, no such printer, or CUPS refuses the job: nothing crashes
// and nothing is printed half.
int print_pdf(const std::string& pdf_bytes, const std::string& printer, const std::string& title);

}  // namespace salon::pos
