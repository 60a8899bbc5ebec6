#include "pos/print/PortInApplicationPdf.hpp"

#include "db/Text.hpp"
#include "db/UserError.hpp"
#include "pos/print/PdfText.hpp"
#include "pos/print/ReportRollPdf.hpp"

#include <cairo.h>

#include <stdexcept>

namespace salon::pos {
namespace {

constexpr double pt(double mm) { return mm * points_per_mm; }
constexpr double kMargin = 20.0;  // mm
constexpr int kRollColumns = 40;  // within the roll's 42: a line of exactly 42 may wrap by rounding

void draw_copy(cairo_t* cr, const PortInApplication& a, int copy) {
    const double left = pt(kMargin), width = pt(a4_width_mm - 2 * kMargin), bottom = pt(a4_height_mm - kMargin);
    double y = pt(kMargin);
    const std::string which = copy == 1 ? tr("for the subscriber").str() : tr("for the salon").str();
    y += pdf_text(cr,
                  trf("Copy {1} of {2}: {3}", {std::to_string(copy), std::to_string(kPortInApplicationCopies), which})
                      .str(),
                  8, false, left, y, width, PANGO_ALIGN_RIGHT);
    y += pt(4);
    const std::vector<std::string> text = port_in_application_text(a);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool title = i == 0, subtitle = i == 1;
        PdfLayout layout = pdf_layout(cr, text[i], title ? 14 : subtitle ? 10 : 9.5, title, width,
                                      title || subtitle ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
        if (y + pdf_height(layout) > bottom) {  // a long consent goes on to the next page of the same copy
            cairo_show_page(cr);
            y = pt(kMargin);
        }
        cairo_set_source_rgb(cr, 0, 0, 0);
        pdf_show(cr, layout, left, y);
        y += pdf_height(layout) + pt(title ? 2 : subtitle ? 7 : 2.5);
    }
    // The signatures: the subscriber signs the application and the consent in it, the specialist accepts it.
    if (y + pt(45) > bottom) {
        cairo_show_page(cr);
        y = pt(kMargin);
    }
    y += pt(10);
    pdf_signature_lines(cr, {tr("Subscriber").str(), tr("Specialist of the salon").str()}, left, y);
}

std::string a4(const std::vector<PortInApplication>& applications) {
    std::string bytes;
    const std::string title =
        trf("Port-in application, sale {1}", {std::to_string(applications.front().sale_id)}).str();
    const cairo_status_t status = pdf_a4_pages(title, [&](cairo_t* cr) {
        for (const PortInApplication& a : applications)
            for (int copy = 1; copy <= kPortInApplicationCopies; ++copy) {
                draw_copy(cr, a, copy);
                cairo_show_page(cr);
            }
    }, bytes);
    if (status != CAIRO_STATUS_SUCCESS)
        throw UserError(trf("Cannot draw the application: {1}", {cairo_status_to_string(status)}));
    return bytes;
}

}  // namespace

std::string port_in_application_pdf(const std::vector<PortInApplication>& applications, ReceiptPaper paper) {
    if (applications.empty()) throw std::invalid_argument("port_in_application_pdf: no application");
    if (paper == ReceiptPaper::a4) return a4(applications);
    std::vector<std::string> lines;
    for (const PortInApplication& a : applications) {
        if (!lines.empty()) lines.insert(lines.end(), {"", std::string(kRollColumns, '='), ""});
        for (auto& l : port_in_application_lines(a, kRollColumns)) lines.push_back(std::move(l));
    }
    return report_roll_pdf(lines);
}

void write_port_in_application_pdf(const std::vector<PortInApplication>& applications, const std::string& path,
                                   ReceiptPaper paper) {
    if (!pdf_write_file(port_in_application_pdf(applications, paper), path))
        throw UserError(trf("Cannot write the application to {1}", {path}));
}

}  // namespace salon::pos
