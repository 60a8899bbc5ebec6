#include "pos/print/ReportRollPdf.hpp"

#include "pos/print/PdfText.hpp"
#include "pos/print/ReceiptPdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <memory>

namespace salon::pos {
namespace {

constexpr const char* kMono = "DejaVu Sans Mono";
constexpr int kColumns = 42;

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// The font size at which kColumns characters fill `printable` points, and the text's height at it.
struct Measure {
    double size = 10.0;
    double height = 0.0;
};

Measure measure(const std::vector<std::string>& lines, double printable) {
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1), &cairo_surface_destroy);
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), &cairo_destroy);
    Measure m;
    m.size = 10.0 * printable / pdf_width(pdf_layout(cr.get(), std::string(kColumns, '0'), 10.0, false, 0,
                                                        PANGO_ALIGN_LEFT, kMono));
    for (const auto& line : lines)
        m.height += pdf_height(pdf_layout(cr.get(), line.empty() ? " " : line, m.size, false, printable,
                                          PANGO_ALIGN_LEFT, kMono));
    return m;
}

}  // namespace

std::string report_roll_pdf(const std::vector<std::string>& lines) {
    const double width = roll80_width_mm * points_per_mm, printable = roll80_printable_mm * points_per_mm;
    const double left = (width - printable) / 2, top = 5 * points_per_mm, bottom = 8 * points_per_mm;
    const Measure m = measure(lines, printable);
    std::string bytes;
    {
        std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
            cairo_pdf_surface_create_for_stream(append, &bytes, width, top + m.height + bottom),
            &cairo_surface_destroy);
        std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), &cairo_destroy);
        cairo_set_source_rgb(cr.get(), 0, 0, 0);
        double y = top;
        for (const auto& line : lines) {
            const PdfLayout layout =
                pdf_layout(cr.get(), line.empty() ? " " : line, m.size, false, printable, PANGO_ALIGN_LEFT, kMono);
            pdf_show(cr.get(), layout, left, y);
            y += pdf_height(layout);
        }
        cairo_show_page(cr.get());
        cr.reset();
        cairo_surface_finish(surface.get());
    }
    return bytes;
}

}  // namespace salon::pos
