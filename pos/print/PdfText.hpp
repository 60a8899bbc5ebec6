// Text on a cairo page through pango, at an absolute size in points (a PDF's user unit): the one way the
// printed forms and the exports lay out Cyrillic text.
#pragma once

#include <pango/pangocairo.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace salon::pos {

using PdfLayout = std::unique_ptr<PangoLayout, decltype(&g_object_unref)>;

inline constexpr const char* kPdfFontFamily = "DejaVu Sans";

// One block of text, wrapped at `width` points when `width` > 0.
PdfLayout pdf_layout(cairo_t* cr, const std::string& text, double size, bool bold, double width = 0,
                     PangoAlignment align = PANGO_ALIGN_LEFT, const char* family = kPdfFontFamily);
double pdf_height(const PdfLayout& layout);  // points
double pdf_width(const PdfLayout& layout);   // points
// Draws a layout with its top left corner at (x, y) in the current colour.
void pdf_show(cairo_t* cr, const PdfLayout& layout, double x, double y);
// Lays out and draws `text` in black at (x, y); returns the height it took.
double pdf_text(cairo_t* cr, const std::string& text, double size, bool bold, double x, double y, double width,
                PangoAlignment align = PANGO_ALIGN_LEFT);

// The places for signatures at the foot of a printed form: for each person in `who`, the name in bold, then
// a line to sign on and a line for the full name, captioned. Starts at `y`; returns where it ended.
double pdf_signature_lines(cairo_t* cr, const std::vector<std::string>& who, double left, double y);

// A PDF of A4 pages titled `title`, drawn by `draw` (which ends each page with cairo_show_page). Returns
// cairo's status with the bytes in `bytes`: the caller says which document could not be drawn.
cairo_status_t pdf_a4_pages(const std::string& title, const std::function<void(cairo_t* cr)>& draw,
                            std::string& bytes);

// Writes a PDF's bytes to `path`; false when the file cannot be written (the caller says which document).
bool pdf_write_file(const std::string& bytes, const std::string& path);

}  // namespace salon::pos
