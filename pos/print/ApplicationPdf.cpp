#include "pos/print/ApplicationPdf.hpp"

#include "pos/print/PdfText.hpp"

#include "db/Text.hpp"
#include "db/UserError.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/print/ReceiptPdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <fstream>
#include <memory>
#include <utility>
#include <vector>

namespace salon::pos {
namespace {

constexpr double pt(double mm) { return mm * points_per_mm; }
constexpr double kMargin = 20.0;  // mm

// Draws `s` at (x, y) in points, wrapped at `width` points; returns the height it took.
double text(cairo_t* cr, const std::string& s, double size, bool bold, double x, double y, double width,
            PangoAlignment align = PANGO_ALIGN_LEFT) {
    return pdf_text(cr, s, size, bold, x, y, width, align);
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

std::string date_of(const std::string& iso) {
    try {
        return CalendarDate::parse(iso, "date", tr("Date")).display();
    } catch (const UserError&) {
        return iso;
    }
}

// Label and value pairs of the form, in the order printed.
std::vector<std::pair<std::string, std::string>> fields(const RemoteServiceApplication& a, const CorporateClient& c) {
    const bool legal = c.kind == CorporateClientKind::legal_entity;
    const PowerOfAttorney& poa = a.power_of_attorney;
    std::vector<std::pair<std::string, std::string>> out{
        {tr("Client").str(), corporate_client_kind_title(c.kind).str()},
        {tr("Official name").str(), a.official_name},
        {tr("INN").str(), c.inn},
        {legal ? tr("OGRN").str() : tr("OGRNIP").str(), c.ogrn},
    };
    if (legal) out.emplace_back(tr("KPP").str(), c.kpp);
    out.insert(out.end(), {
        {tr("Contract").str(), trf("No. {1} of {2}", {c.contract_number, date_of(c.contract_date)}).str()},
        {tr("E-mail bound to the service").str(), a.bound_email},
        {tr("Administrator's mobile number").str(), Msisdn::stored(a.admin_msisdn).display()},
        {tr("Authorisation confirmed by").str(), authorisation_confirmation_title(a.confirmation).str()},
        {tr("Head's authority").str(),
         trf("{1} No. {2} of {3}, valid until {4}",
             {power_of_attorney_kind_title(poa.kind).str(), poa.number, date_of(poa.issued_on), date_of(poa.valid_until)})
             .str()},
        {tr("Power of attorney issued by").str(), poa.issued_by},
        {tr("Power of attorney issued to").str(), poa.issued_to},
    });
    if (a.replaces_id)
        out.emplace_back(tr("Administrator change").str(),
                         trf("replaces application No. {1}; free of charge", {std::to_string(a.replaces_id)}).str());
    if (!a.salon_name.empty()) out.emplace_back(tr("Salon").str(), a.salon_name);
    return out;
}

void draw_copy(cairo_t* cr, const RemoteServiceApplication& a, const CorporateClient& c, int copy) {
    const double left = pt(kMargin), width = pt(a4_width_mm - 2 * kMargin);
    double y = pt(kMargin);
    const std::string which = copy == 1 ? tr("for the client").str() : tr("for the operator").str();
    y += text(cr, trf("Copy {1} of {2}: {3}", {std::to_string(copy), std::to_string(kApplicationCopies), which}).str(),
              8, false, left, y, width, PANGO_ALIGN_RIGHT);
    y += pt(4);
    y += text(cr, tr("Application for the \"Remote service\"").str(), 15, true, left, y, width, PANGO_ALIGN_CENTER);
    y += pt(2);
    y += text(cr,
              trf("No. {1} of {2}", {std::to_string(a.id), CalendarDate::of_utc(a.created_at).display()}).str(), 10,
              false, left, y, width, PANGO_ALIGN_CENTER);
    y += pt(8);
    const double label_width = pt(62);
    for (const auto& [label, value] : fields(a, c)) {
        const double h1 = text(cr, label, 10, true, left, y, label_width - pt(3));
        const double h2 = text(cr, value, 10, false, left + label_width, y, width - label_width);
        y += std::max(h1, h2) + pt(2.5);
    }
    y += pt(6);
    y += text(cr,
              tr("The client asks to connect the \"Remote service\" for the company's numbers under the contract and "
                 "to register the corporate cabinet for the administrator named above. Everything done in the "
                 "cabinet is legally binding for the company.")
                  .str(),
              9, false, left, y, width);
    // The places for the signatures and the seal (R-CORP-2: certified by an authorised person of the company).
    y = std::max(y + pt(14), pt(a4_height_mm - kMargin - 62));
    cairo_set_line_width(cr, 0.6);
    auto signature_line = [&](const std::string& who, const std::string& hint) {
        y += text(cr, who, 10, true, left, y, width);
        y += pt(9);
        cairo_move_to(cr, left, y);
        cairo_line_to(cr, left + pt(60), y);
        cairo_move_to(cr, left + pt(70), y);
        cairo_line_to(cr, left + pt(140), y);
        cairo_stroke(cr);
        y += pt(1);
        text(cr, tr("signature").str(), 7, false, left, y, pt(60), PANGO_ALIGN_CENTER);
        y += text(cr, hint, 7, false, left + pt(70), y, pt(70), PANGO_ALIGN_CENTER);
        y += pt(5);
    };
    const double seal_top = y;
    signature_line(tr("Authorised person of the client").str(), tr("full name, position").str());
    // The seal's place: a dashed circle beside the client's signature.
    cairo_save(cr);
    const double dash[] = {2.0, 2.0};
    cairo_set_dash(cr, dash, 2, 0);
    cairo_new_path(cr);  // the text drawn before leaves a current point the arc would join with a line
    cairo_arc(cr, left + width - pt(14), seal_top + pt(10), pt(13), 0, 2 * 3.141592653589793);
    cairo_stroke(cr);
    cairo_restore(cr);
    text(cr, tr("Seal").str(), 8, false, left + width - pt(27), seal_top + pt(8), pt(26), PANGO_ALIGN_CENTER);
    signature_line(tr("Specialist of the salon").str(), tr("full name").str());
}

}  // namespace

std::string application_pdf(const RemoteServiceApplication& application, const CorporateClient& client) {
    std::string bytes;
    cairo_surface_t* surface =
        cairo_pdf_surface_create_for_stream(append_to_string, &bytes, pt(a4_width_mm), pt(a4_height_mm));
    const std::string title =
        trf("Application for the \"Remote service\" No. {1}", {std::to_string(application.id)}).str();
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Salon Station");
    cairo_t* cr = cairo_create(surface);
    for (int copy = 1; copy <= kApplicationCopies; ++copy) {
        draw_copy(cr, application, client, copy);
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) throw UserError(trf("Cannot draw the application: {1}", {cairo_status_to_string(status)}));
    return bytes;
}

void write_application_pdf(const RemoteServiceApplication& application, const CorporateClient& client,
                           const std::string& path) {
    const std::string bytes = application_pdf(application, client);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (out) out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (out) out.close();
    if (!out) throw UserError(trf("Cannot write the application to {1}", {path}));
}

}  // namespace salon::pos
