#include "pos/print/ReceiptPdf.hpp"

#include "pos/print/PdfText.hpp"

#include "db/Text.hpp"
#include "db/UserError.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <vector>

namespace salon::pos {
namespace {

constexpr double pt(double mm) { return mm * points_per_mm; }

constexpr const char* sans = "DejaVu Sans";
constexpr const char* mono = "DejaVu Sans Mono";

struct Style {
    const char* family = sans;
    double size = 9.0;  // points
    bool bold = false;
    double grey = 0.0;  // 0 = black
};

struct Colour {
    double r = 0, g = 0, b = 0;
};

using Layout = PdfLayout;

// One block of text laid out by pango at an absolute size in points (the PDF's user unit), wrapped at
// `width` points when `width` > 0.
Layout make_layout(cairo_t* cr, const std::string& text, const Style& style, double width = 0,
                   PangoAlignment align = PANGO_ALIGN_LEFT) {
    return pdf_layout(cr, text, style.size, style.bold, width, align, style.family);
}

double height_of(const Layout& layout) { return pdf_height(layout); }

double width_of(const Layout& layout) { return pdf_width(layout); }

void show(cairo_t* cr, const Layout& layout, double x, double y, Colour colour = {}) {
    cairo_set_source_rgb(cr, colour.r, colour.g, colour.b);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout.get());
}

// Draws `style`-styled `text` at (x, y), `width` wide; returns the height it took.
double text(cairo_t* cr, const std::string& s, const Style& style, double x, double y, double width = 0,
            PangoAlignment align = PANGO_ALIGN_LEFT) {
    const Layout layout = make_layout(cr, s, style, width, align);
    show(cr, layout, x, y, {style.grey, style.grey, style.grey});
    return height_of(layout);
}

// The QR code's modules as one filled path (no seams between neighbouring squares in any viewer), the
// symbol `side` points wide with its top left corner at (x, y); the caller keeps the quiet zone free.
void draw_qr(cairo_t* cr, const std::string& payload, double x, double y, double side) {
    std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
        QRcode_encodeString(payload.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free);
    if (!qr) throw std::runtime_error("receipt: the QR code cannot encode the payload");
    const double module = side / qr->width;
    cairo_new_path(cr);
    for (int row = 0; row < qr->width; ++row)
        for (int col = 0; col < qr->width; ++col)
            if (qr->data[row * qr->width + col] & 1)
                cairo_rectangle(cr, x + col * module, y + row * module, module, module);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_fill(cr);
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// A PDF written into memory; the page size may change until the first drawing on the page.
class PdfDocument {
public:
    PdfDocument(double width, double height, const ReceiptDocument& doc)
        : surface_(cairo_pdf_surface_create_for_stream(append_to_string, &bytes_, width, height)),
          cr_(cairo_create(surface_)) {
        const std::string title = receipt_number_text(doc);
        cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
        cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "Salon Station");
    }
    ~PdfDocument() {
        cairo_destroy(cr_);
        cairo_surface_destroy(surface_);
    }
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    cairo_t* cr() const { return cr_; }
    void set_size(double width, double height) { cairo_pdf_surface_set_size(surface_, width, height); }
    void next_page() { cairo_show_page(cr_); }

    std::string finish() {
        cairo_destroy(cr_);
        cr_ = nullptr;
        cairo_surface_finish(surface_);
        if (const cairo_status_t status = cairo_surface_status(surface_); status != CAIRO_STATUS_SUCCESS)
            throw std::runtime_error(std::string("receipt: cairo failed: ") + cairo_status_to_string(status));
        return std::move(bytes_);
    }

private:
    std::string bytes_;
    cairo_surface_t* surface_;
    cairo_t* cr_;
};

// The 80 mm roll: the monospaced layout of the screen, 42 columns across the 72 mm a receipt printer
// prints, then the QR code; the page is exactly as long as that.
std::string roll80(const ReceiptDocument& doc) {
    constexpr int columns = 42;
    const double width = pt(roll80_width_mm), printable = pt(roll80_printable_mm);
    const double left = (width - printable) / 2, top = pt(5), gap = pt(4), bottom = pt(8);
    const double qr_side = pt(receipt_qr_side_mm);

    PdfDocument pdf(width, width, doc);
    cairo_t* cr = pdf.cr();

    // The font size at which `columns` characters fill the printable width exactly.
    Style regular{mono, 10.0};
    const double at_ten = width_of(make_layout(cr, std::string(columns, '0'), regular));
    regular.size = 10.0 * printable / at_ten;
    Style bold = regular;
    bold.bold = true;

    std::vector<Layout> lines;
    double text_height = 0;
    for (const auto& line : receipt_layout(doc, columns)) {
        lines.push_back(make_layout(cr, line.text, line.emphasis ? bold : regular));
        text_height += height_of(lines.back());
    }
    pdf.set_size(width, top + text_height + gap + qr_side + bottom);

    double y = top;
    for (const auto& line : lines) {
        show(cr, line, left, y);
        y += height_of(line);
    }
    draw_qr(cr, receipt_qr_text(doc), (width - qr_side) / 2, y + gap, qr_side);
    return pdf.finish();
}

// The A4 page: a document for the client's records, with the VAT of each line in its own columns.
class A4Receipt {
public:
    explicit A4Receipt(const ReceiptDocument& doc) : doc_(doc), pdf_(page_width, page_height, doc) {}

    std::string render() {
        header();
        table_head();
        for (const auto& line : doc_.lines) row(line);
        totals();
        footer();
        return pdf_.finish();
    }

private:
    static constexpr double page_width = a4_width_mm * points_per_mm;
    static constexpr double page_height = a4_height_mm * points_per_mm;
    static constexpr double margin = 18 * points_per_mm;
    static constexpr double content = page_width - 2 * margin;
    static constexpr double pad = 1.5 * points_per_mm;

    struct Column {
        Text title;
        double width;  // points; the description takes what is left
        PangoAlignment align;
    };

    cairo_t* cr() const { return pdf_.cr(); }

    void ensure_room(double height, bool repeat_table_head) {
        if (y_ + height <= page_height - margin) return;
        pdf_.next_page();
        y_ = margin;
        if (repeat_table_head) table_head();
    }

    void header() {
        // The payload itself is not printed beside the code: it means nothing to a person.
        const double qr_side = pt(receipt_qr_side_mm);
        draw_qr(cr(), receipt_qr_text(doc_), page_width - margin - qr_side, margin, qr_side);

        const double w = content - qr_side - pt(8);
        double y = margin;
        y += text(cr(), doc_.dealer_name, {sans, 13, true}, margin, y, w);
        if (!doc_.dealer_inn.empty())
            y += text(cr(), trf("INN {1}", {doc_.dealer_inn}).str(), {sans, 9.5}, margin, y, w);
        y += pt(1.5);
        if (!doc_.salon_name.empty()) y += text(cr(), doc_.salon_name, {sans, 9.5, true}, margin, y, w);
        if (!doc_.salon_address.empty())
            y += text(cr(), doc_.salon_address, {sans, 9.5, false, 0.3}, margin, y, w);

        y = std::max(y, margin + qr_side) + pt(7);
        y += text(cr(), receipt_title(doc_), {sans, 15, true}, margin, y, content) + pt(1);
        const std::string dot = "   ·   ";
        y += text(cr(),
                  receipt_number_text(doc_) + dot +
                      trf("Shift No. {1}", {std::to_string(doc_.shift_number)}).str() + dot +
                      trf("Till: {1}", {doc_.till}).str(),
                  {sans, 9.5}, margin, y, content);
        y += text(cr(), receipt_local_time(doc_) + dot + trf("Cashier: {1}", {doc_.cashier_name}).str(),
                  {sans, 9.5}, margin, y, content);
        y += pt(4);
        // A correction receipt's type, basis document and reason (54-FZ tags 1173/1174) under its title.
        for (const auto& a : receipt_correction_attributes(doc_)) y += text(cr(), a, {sans, 9.5}, margin, y, content);
        if (doc_.is_correction()) y += pt(4);

        if (const std::string mark = receipt_fiscal_mark(doc_); !mark.empty()) {
            const Colour red{0.75, 0.05, 0.05};
            const Layout title = make_layout(cr(), mark, {sans, 11, true}, content - 2 * pad);
            const Layout why =
                make_layout(cr(), receipt_fiscal_explanation(doc_), {sans, 9}, content - 2 * pad);
            const double h = height_of(title) + height_of(why) + 2 * pad;
            cairo_set_source_rgb(cr(), red.r, red.g, red.b);
            cairo_set_line_width(cr(), 1.2);
            cairo_rectangle(cr(), margin, y, content, h);
            cairo_stroke(cr());
            show(cr(), title, margin + pad, y + pad, red);
            show(cr(), why, margin + pad, y + pad + height_of(title));
            y += h + pt(5);
        }
        if (const auto attributes = receipt_fiscal_attributes(doc_); !attributes.empty()) {
            std::string joined;
            for (const auto& a : attributes) joined += (joined.empty() ? "" : dot) + a;
            y += text(cr(), joined, {sans, 9.5, true}, margin, y, content) + pt(4);
        }
        y_ = y;
    }

    std::vector<Column> columns() const {
        std::vector<Column> c = {
            {tr("No."), pt(8), PANGO_ALIGN_RIGHT},          {tr("Item"), 0, PANGO_ALIGN_LEFT},
            {tr("Qty"), pt(15), PANGO_ALIGN_RIGHT},         {tr("Price, ₽"), pt(23), PANGO_ALIGN_RIGHT},
            {tr("Amount, ₽"), pt(25), PANGO_ALIGN_RIGHT}, {tr("VAT rate"), pt(21), PANGO_ALIGN_RIGHT},
            {tr("VAT, ₽"), pt(21), PANGO_ALIGN_RIGHT},
        };
        double fixed = 0;
        for (const auto& col : c) fixed += col.width;
        c[1].width = content - fixed;
        return c;
    }

    // Draws one row of cells (each a list of (text, style)) and returns its height.
    double cells(const std::vector<std::vector<std::pair<std::string, Style>>>& row, double y, bool draw) {
        const auto cols = columns();
        double x = margin, height = 0;
        for (std::size_t i = 0; i < cols.size(); ++i) {
            double cell_y = y + pad;
            for (const auto& [s, style] : row[i]) {
                const Layout layout = make_layout(cr(), s, style, cols[i].width - 2 * pad, cols[i].align);
                if (draw) show(cr(), layout, x + pad, cell_y, {style.grey, style.grey, style.grey});
                cell_y += height_of(layout);
            }
            height = std::max(height, cell_y + pad - y);
            x += cols[i].width;
        }
        return height;
    }

    void table_head() {
        std::vector<std::vector<std::pair<std::string, Style>>> row;
        for (const auto& col : columns()) row.push_back({{col.title.str(), {sans, 8, true}}});
        const double h = cells(row, y_, false);
        cairo_set_source_rgb(cr(), 0.9, 0.9, 0.9);
        cairo_rectangle(cr(), margin, y_, content, h);
        cairo_fill(cr());
        cells(row, y_, true);
        y_ += h;
    }

    void row(const ReceiptDocument::Line& line) {
        const Style body{sans, 9}, note{sans, 7.5, false, 0.35};
        std::vector<std::pair<std::string, Style>> description = {{line.description, body}};
        if (!line.msisdn.empty())
            description.push_back({trf("Number: {1}", {receipt_msisdn(line.msisdn)}).str(), note});
        if (!line.imei.empty()) description.push_back({trf("IMEI: {1}", {line.imei}).str(), note});
        if (!line.warranty.empty()) description.push_back({line.warranty, note});
        if (line.agent) {
            description.push_back({receipt_agent_mark(), {sans, 7.5, true, 0.2}});
            description.push_back({receipt_supplier(doc_), note});
        }
        const bool vat = !(line.vat_code == "none" || line.vat_basis_points == 0);
        const std::vector<std::vector<std::pair<std::string, Style>>> cells_of_row = {
            {{std::to_string(line.line_no), body}},
            description,
            {{std::to_string(line.quantity), body}},
            {{receipt_amount(line.unit_price), body}},
            {{receipt_amount(line.amount), body}},
            {{vat ? receipt_percent(line.vat_basis_points) : receipt_vat_rate(line), body}},
            {{vat ? receipt_amount(line.vat_amount) : "—", body}},
        };
        const double h = cells(cells_of_row, y_, false);
        ensure_room(h, true);
        cells(cells_of_row, y_, true);
        y_ += h;
        cairo_set_source_rgb(cr(), 0.7, 0.7, 0.7);
        cairo_set_line_width(cr(), 0.5);
        cairo_move_to(cr(), margin, y_);
        cairo_line_to(cr(), margin + content, y_);
        cairo_stroke(cr());
    }

    void totals() {
        std::vector<std::pair<std::string, std::string>> rows;
        for (const auto& vat : receipt_vat_totals(doc_)) {
            if (vat.vat_code == "none" || vat.vat_basis_points == 0)
                rows.push_back({tr("Without VAT:").str(), receipt_amount(vat.base)});
            else
                rows.push_back({trf("incl. VAT {1}:", {receipt_percent(vat.vat_basis_points)}).str(),
                                receipt_amount(vat.vat_amount)});
        }
        if (doc_.paid_cash > 0 || doc_.paid_card == 0)
            rows.push_back({tr("Cash").str(), receipt_amount(doc_.paid_cash)});
        if (doc_.paid_card > 0) rows.push_back({tr("Card").str(), receipt_amount(doc_.paid_card)});
        if (doc_.change_due > 0) rows.push_back({tr("Change").str(), receipt_amount(doc_.change_due)});

        const double w = pt(85), x = margin + content - w;
        const Style label{sans, 9.5}, total_style{sans, 12, true};
        const double total_h = height_of(make_layout(cr(), "0", total_style));
        const double row_h = height_of(make_layout(cr(), "0", label));
        ensure_room(pt(4) + total_h + row_h * static_cast<double>(rows.size()), false);
        y_ += pt(4);
        text(cr(), tr("TOTAL").str(), total_style, x, y_, w);
        text(cr(), receipt_amount(doc_.total) + " ₽", total_style, x, y_, w, PANGO_ALIGN_RIGHT);
        y_ += total_h + pt(1);
        for (const auto& [name, amount] : rows) {
            text(cr(), name, label, x, y_, w);
            text(cr(), amount, label, x, y_, w, PANGO_ALIGN_RIGHT);
            y_ += row_h;
        }
    }

    void footer() {
        if (doc_.audit_note.empty()) return;
        const Style note{sans, 8, false, 0.3};
        const double h = height_of(make_layout(cr(), doc_.audit_note, note, content));
        ensure_room(pt(8) + h, false);
        y_ += pt(8);
        y_ += text(cr(), doc_.audit_note, note, margin, y_, content);
    }

    const ReceiptDocument& doc_;
    PdfDocument pdf_;
    double y_ = margin;
};

}  // namespace

ReceiptPaper parse_receipt_paper(std::string_view name) {
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (lower == "80mm" || lower == "80") return ReceiptPaper::roll80;
    if (lower == "a4") return ReceiptPaper::a4;
    throw ValidationError(tr("Paper"), trf("must be 80mm or a4, not \"{1}\"", {std::string(name)}));
}

std::string receipt_pdf(const ReceiptDocument& doc, ReceiptPaper paper) {
    return paper == ReceiptPaper::a4 ? A4Receipt(doc).render() : roll80(doc);
}

void write_receipt_pdf(const ReceiptDocument& doc, const std::string& path, ReceiptPaper paper) {
    const std::string bytes = receipt_pdf(doc, paper);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (out) out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (out) out.close();
    if (!out) throw UserError(trf("Cannot write the receipt to {1}", {path}));
}

}  // namespace salon::pos
