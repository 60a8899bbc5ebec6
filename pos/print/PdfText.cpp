#include "pos/print/PdfText.hpp"

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

}  // namespace salon::pos
