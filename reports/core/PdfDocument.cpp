#include "reports/core/PdfDocument.hpp"

#include "db/Text.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/print/PdfText.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>

namespace salon::reports {

PdfDocument::PdfDocument(const std::string& path) : path_(path) {
    surface_ = cairo_pdf_surface_create(path.c_str(), kWidth, kHeight);
    if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface_);
        throw pos::InputError("out", tr("Output file"), trf("{1} could not be written", {path}));
    }
    cr_ = cairo_create(surface_);
}

PdfDocument::~PdfDocument() {
    if (cr_) cairo_destroy(cr_);
    if (surface_) cairo_surface_destroy(surface_);
}

double PdfDocument::text(const std::string& text, double x, double y_at, double size, bool bold, double width,
                         bool right) {
    const pos::PdfLayout layout =
        pos::pdf_layout(cr_, text, size, bold, width, right && width > 0 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    pos::pdf_show(cr_, layout, x, y_at);
    return pos::pdf_height(layout);
}

void PdfDocument::need(double points) {
    if (y + points < kHeight - kMargin) return;
    cairo_show_page(cr_);
    y = kMargin;
}

void PdfDocument::rule() {
    cairo_set_line_width(cr_, 0.8);
    cairo_move_to(cr_, kMargin, y);
    cairo_line_to(cr_, kMargin + content_width(), y);
    cairo_stroke(cr_);
}

void PdfDocument::bar_chart(const std::string& title, const std::vector<Bar>& bars, double height, double reference,
                            const std::string& reference_text) {
    if (bars.empty()) return;
    need(height + 60);
    const double width = content_width();
    y += text(title, kMargin, y, 11, true, width) + 16;
    double top = std::max(reference, 0.0);
    for (const auto& b : bars) top = std::max(top, b.value);
    if (top <= 0) top = 1;
    const double slot = width / static_cast<double>(bars.size());
    const double bar = std::min(60.0, slot * 0.6);
    const double label_size = slot < 24 ? 5 : 7;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const double h = height * std::max(0.0, bars[i].value) / top;
        const double x = kMargin + slot * static_cast<double>(i) + (slot - bar) / 2;
        cairo_set_source_rgb(cr_, 0.23, 0.45, 0.75);
        cairo_rectangle(cr_, x, y + height - h, bar, h);
        cairo_fill(cr_);
        cairo_set_source_rgb(cr_, 0, 0, 0);
        if (!bars[i].value_text.empty())
            text(bars[i].value_text, x - 10, y + height - h - 12, label_size, false, bar + 20, false);
        text(bars[i].label, kMargin + slot * static_cast<double>(i), y + height + 4, label_size, false, slot - 2);
    }
    cairo_set_line_width(cr_, 0.8);
    cairo_move_to(cr_, kMargin, y + height);
    cairo_line_to(cr_, kMargin + width, y + height);
    cairo_stroke(cr_);
    if (reference >= 0) {
        const double ry = y + height - height * reference / top;
        const double dash[] = {4, 3};
        cairo_set_source_rgb(cr_, 0.8, 0.1, 0.1);
        cairo_set_dash(cr_, dash, 2, 0);
        cairo_move_to(cr_, kMargin, ry);
        cairo_line_to(cr_, kMargin + width, ry);
        cairo_stroke(cr_);
        cairo_set_dash(cr_, nullptr, 0, 0);
        text(reference_text, kMargin + 2, ry - 11, 7, false, 200);
        cairo_set_source_rgb(cr_, 0, 0, 0);
    }
    y += height + 30;
}

void PdfDocument::finish() {
    cairo_show_page(cr_);
    cairo_destroy(cr_);
    cr_ = nullptr;
    cairo_surface_finish(surface_);
    const bool ok = cairo_surface_status(surface_) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(surface_);
    surface_ = nullptr;
    if (!ok) throw pos::InputError("out", tr("Output file"), trf("{1} could not be written", {path_}));
}

}  // namespace salon::reports
