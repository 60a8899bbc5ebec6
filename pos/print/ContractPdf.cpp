#include "pos/print/ContractPdf.hpp"

#include "db/Text.hpp"
#include "db/UserError.hpp"
#include "pos/print/PdfText.hpp"
#include "pos/print/ReceiptPdf.hpp"

#include <cairo.h>

namespace salon::pos {
namespace {

constexpr double pt(double mm) { return mm * points_per_mm; }
constexpr double kMargin = 20.0;  // mm

void draw_copy(cairo_t* cr, const SubscriberContract& c, int copy) {
    const double left = pt(kMargin), width = pt(a4_width_mm - 2 * kMargin), bottom = pt(a4_height_mm - kMargin);
    double y = pt(kMargin);
    const std::string which = copy == 1 ? tr("for the subscriber").str() : tr("for the salon").str();
    y += pdf_text(cr, trf("Copy {1} of {2}: {3}", {std::to_string(copy), std::to_string(kContractCopies), which}).str(),
                  8, false, left, y, width, PANGO_ALIGN_RIGHT);
    y += pt(4);
    const std::vector<std::string> text = subscriber_contract_text(c);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool title = i == 0;
        PdfLayout layout = pdf_layout(cr, text[i], title ? 13 : 9.5, title, width,
                                      title ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
        if (y + pdf_height(layout) > bottom) {  // a long text goes on to the next page of the same copy
            cairo_show_page(cr);
            y = pt(kMargin);
        }
        pdf_show(cr, layout, left, y);
        y += pdf_height(layout) + pt(title ? 6 : 2.5);
    }
    // The signatures: the subscriber signs the contract and the consent in it, the specialist for the salon.
    if (y + pt(40) > bottom) {
        cairo_show_page(cr);
        y = pt(kMargin);
    }
    y += pt(10);
    pdf_signature_lines(cr, {tr("Subscriber").str(), tr("Specialist of the salon").str()}, left, y);
}

}  // namespace

std::string contract_pdf(const SubscriberContract& contract) {
    std::string bytes;
    const cairo_status_t status = pdf_a4_pages(trf("Contract No. {1}", {contract.number}).str(), [&](cairo_t* cr) {
        for (int copy = 1; copy <= kContractCopies; ++copy) {
            draw_copy(cr, contract, copy);
            cairo_show_page(cr);
        }
    }, bytes);
    if (status != CAIRO_STATUS_SUCCESS)
        throw UserError(trf("Cannot draw the contract: {1}", {cairo_status_to_string(status)}));
    return bytes;
}

void write_contract_pdf(const SubscriberContract& contract, const std::string& path) {
    if (!pdf_write_file(contract_pdf(contract), path)) throw UserError(trf("Cannot write the contract to {1}", {path}));
}

}  // namespace salon::pos
