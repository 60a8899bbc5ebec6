#include "pos/print/ContractPdf.hpp"

#include "db/Text.hpp"
#include "db/UserError.hpp"
#include "pos/print/PdfText.hpp"
#include "pos/print/ReceiptPdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <fstream>

namespace salon::pos {
namespace {

constexpr double pt(double mm) { return mm * points_per_mm; }
constexpr double kMargin = 20.0;  // mm

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

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
    cairo_surface_t* surface =
        cairo_pdf_surface_create_for_stream(append_to_string, &bytes, pt(a4_width_mm), pt(a4_height_mm));
    const std::string title = trf("Contract No. {1}", {contract.number}).str();
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Salon Station");
    cairo_t* cr = cairo_create(surface);
    for (int copy = 1; copy <= kContractCopies; ++copy) {
        draw_copy(cr, contract, copy);
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
        throw UserError(trf("Cannot draw the contract: {1}", {cairo_status_to_string(status)}));
    return bytes;
}

void write_contract_pdf(const SubscriberContract& contract, const std::string& path) {
    const std::string bytes = contract_pdf(contract);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (out) out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (out) out.close();
    if (!out) throw UserError(trf("Cannot write the contract to {1}", {path}));
}

}  // namespace salon::pos
