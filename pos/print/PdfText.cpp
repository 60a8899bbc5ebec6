#include "pos/print/PdfText.hpp"

#include "db/Text.hpp"
#include "pos/print/ReceiptPdf.hpp"

#include <cairo-pdf.h>

#include <fstream>

namespace salon::pos {

PdfLayout pdf_layout(cairo_t* cr, const std::string& text, double size, bool bold, double width,
                     PangoAlignment align, const char* family) {
    PdfLayout layout(pango_cairo_create_layout(cr), g_object_unref);
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, family);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);
    if (width > 0) {
        pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_alignment(layout.get(), align);
    pango_layout_set_text(layout.get(), text.c_str(), -1);
    return layout;
}

double pdf_height(const PdfLayout& layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout.get(), nullptr, &logical);
    return static_cast<double>(logical.height) / PANGO_SCALE;
}

double pdf_width(const PdfLayout& layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout.get(), nullptr, &logical);
    return static_cast<double>(logical.width) / PANGO_SCALE;
}

void pdf_show(cairo_t* cr, const PdfLayout& layout, double x, double y) {
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout.get());
}

double pdf_text(cairo_t* cr, const std::string& text, double size, bool bold, double x, double y, double width,
                PangoAlignment align) {
    const PdfLayout layout = pdf_layout(cr, text, size, bold, width, align);
    cairo_set_source_rgb(cr, 0, 0, 0);
    pdf_show(cr, layout, x, y);
    return pdf_height(layout);
}

double pdf_signature_lines(cairo_t* cr, const std::vector<std::string>& who, double left, double y) {
    const double mm = points_per_mm;
    cairo_set_line_width(cr, 0.6);
    for (const std::string& person : who) {
        y += pdf_text(cr, person, 10, true, left, y, 140 * mm);
        y += 9 * mm;
        cairo_new_path(cr);  // the text drawn before leaves a current point the line would join
        cairo_move_to(cr, left, y);
        cairo_line_to(cr, left + 60 * mm, y);
        cairo_move_to(cr, left + 70 * mm, y);
        cairo_line_to(cr, left + 140 * mm, y);
        cairo_stroke(cr);
        y += 1 * mm;
        pdf_text(cr, tr("signature").str(), 7, false, left, y, 60 * mm, PANGO_ALIGN_CENTER);
        y += pdf_text(cr, tr("full name").str(), 7, false, left + 70 * mm, y, 70 * mm, PANGO_ALIGN_CENTER);
        y += 6 * mm;
    }
    return y;
}

namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

cairo_status_t pdf_a4_pages(const std::string& title, const std::function<void(cairo_t* cr)>& draw,
                            std::string& bytes) {
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(
        append_to_string, &bytes, a4_width_mm * points_per_mm, a4_height_mm * points_per_mm);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Salon Station");
    cairo_t* cr = cairo_create(surface);
    draw(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    return status;
}

bool pdf_write_file(const std::string& bytes, const std::string& path) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (out) out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (out) out.close();
    return static_cast<bool>(out);
}

}  // namespace salon::pos
