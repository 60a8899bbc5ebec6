// The customer's receipt as a PDF: an 80 mm roll for the receipt printer or an A4 page for e-mail and
// the office printer (R-POS-10). The same document the screen shows with receipt_text().
#pragma once

#include "pos/core/sale/ReceiptDocument.hpp"

#include <string>
#include <string_view>

namespace salon::pos {

enum class ReceiptPaper {
    roll80,  // 80 mm wide roll, 72 mm printable, the page as long as the receipt
    a4,      // A4 portrait: salon header, a table of lines with VAT columns, totals, QR code in a corner
};

// "80mm" or "a4" (as typed on the command line); throws ValidationError naming the paper.
ReceiptPaper parse_receipt_paper(std::string_view name);

constexpr double points_per_mm = 72.0 / 25.4;
constexpr double roll80_width_mm = 80.0;
constexpr double roll80_printable_mm = 72.0;
constexpr double a4_width_mm = 210.0;
constexpr double a4_height_mm = 297.0;
// The QR code's side without its quiet zone: large enough for a phone to read from paper.
constexpr double receipt_qr_side_mm = 30.0;

// The PDF file's bytes. Fonts: DejaVu Sans and DejaVu Sans Mono through fontconfig (Cyrillic).
std::string receipt_pdf(const ReceiptDocument& doc, ReceiptPaper paper);
// Writes receipt_pdf() to `path`; a file that cannot be written is a UserError naming the path.
void write_receipt_pdf(const ReceiptDocument& doc, const std::string& path, ReceiptPaper paper);

}  // namespace salon::pos
