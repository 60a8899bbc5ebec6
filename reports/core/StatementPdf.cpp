// A dealer's statement as an A4 PDF (cairo and pango, so Cyrillic is set by the system's fonts): the lines
// with their rule in words and their amounts, the total, and a bar chart of the salons' unit rewards.
#include "db/Text.hpp"
#include "pos/core/FormInput.hpp"
#include "pos/core/Money.hpp"
#include "reports/core/DealerRewards.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <string>
#include <vector>

namespace salon::reports {

namespace {

constexpr double kWidth = 595.28, kHeight = 841.89, kMargin = 42;  // A4 in points

class Page {
public:
    explicit Page(cairo_t* cr) : cr_(cr) {}
    // Draws `text` at (x, y) in `width` points; returns its height.
    double text(const std::string& text, double x, double y, double size, bool bold = false, double width = 0,
                bool right = false) {
        PangoLayout* layout = pango_cairo_create_layout(cr_);
        PangoFontDescription* font = pango_font_description_new();
        pango_font_description_set_family(font, "DejaVu Sans");
        pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
        pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_layout_set_font_description(layout, font);
        pango_font_description_free(font);
        if (width > 0) {
            pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
            if (right) pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT);
        }
        pango_layout_set_text(layout, text.c_str(), -1);
        cairo_move_to(cr_, x, y);
        pango_cairo_show_layout(cr_, layout);
        int w = 0, h = 0;
        pango_layout_get_size(layout, &w, &h);
        g_object_unref(layout);
        return static_cast<double>(h) / PANGO_SCALE;
    }

private:
    cairo_t* cr_;
};

std::string money(std::int64_t kopecks) { return pos::Money::from_kopecks(kopecks).format(); }

}  // namespace

void write_statement_pdf(const std::string& path, const DealerStatement& s, const std::vector<UnitShare>& salons,
                         const std::vector<UnitShare>&) {
    cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), kWidth, kHeight);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        throw pos::InputError("out", tr("Output file"), trf("{1} could not be written", {path}));
    }
    cairo_t* cr = cairo_create(surface);
    Page page(cr);
    double y = kMargin;
    const double width = kWidth - 2 * kMargin;
    auto new_page_if = [&](double need) {
        if (y + need < kHeight - kMargin) return;
        cairo_show_page(cr);
        y = kMargin;
    };
    y += page.text(trf("Dealer reward statement, period {1}", {s.period.code}).str(), kMargin, y, 15, true, width) + 4;
    y += page.text(s.dealer_name + ", " + tr("INN").str() + " " + s.dealer_inn, kMargin, y, 10, false, width) + 2;
    y += page.text(trf("Scheme {1} «{2}»", {std::to_string(s.scheme_id), s.scheme_name}).str() + "; " +
                       (s.accruing ? tr("accruing, not computed yet").str() : s.period.status),
                   kMargin, y, 10, false, width) +
         12;
    for (const auto& l : s.reward.lines) {
        new_page_if(30);
        const double h = page.text(describe(l).str(), kMargin, y, 9, false, width - 110);
        page.text(money(l.amount), kMargin + width - 105, y, 9, false, 105, true);
        y += std::max(h, 12.0) + 4;
    }
    new_page_if(30);
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, kMargin, y);
    cairo_line_to(cr, kMargin + width, y);
    cairo_stroke(cr);
    y += 4;
    page.text(tr("Total").str(), kMargin, y, 11, true, width - 110);
    y += page.text(money(s.reward.total), kMargin + width - 150, y, 11, true, 150, true) + 18;

    if (!salons.empty()) {
        const double chart_h = 200;
        new_page_if(chart_h + 60);
        y += page.text(tr("Unit reward by salon").str(), kMargin, y, 11, true, width) + 6;
        std::int64_t top = 1;
        for (const auto& u : salons) top = std::max(top, u.unit_reward);
        const double slot = width / static_cast<double>(salons.size());
        const double bar = std::min(60.0, slot * 0.6);
        for (std::size_t i = 0; i < salons.size(); ++i) {
            const double h = chart_h * static_cast<double>(std::max<std::int64_t>(0, salons[i].unit_reward)) /
                             static_cast<double>(top);
            const double x = kMargin + slot * static_cast<double>(i) + (slot - bar) / 2;
            cairo_set_source_rgb(cr, 0.23, 0.45, 0.75);
            cairo_rectangle(cr, x, y + chart_h - h, bar, h);
            cairo_fill(cr);
            cairo_set_source_rgb(cr, 0, 0, 0);
            page.text(money(salons[i].unit_reward), x - 10, y + chart_h - h - 12, 7, false, bar + 20, false);
            page.text(salons[i].name, kMargin + slot * static_cast<double>(i), y + chart_h + 4, 7, false, slot - 4);
        }
        cairo_move_to(cr, kMargin, y + chart_h);
        cairo_line_to(cr, kMargin + width, y + chart_h);
        cairo_stroke(cr);
    }
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const bool ok = cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(surface);
    if (!ok) throw pos::InputError("out", tr("Output file"), trf("{1} could not be written", {path}));
}

}  // namespace salon::reports
