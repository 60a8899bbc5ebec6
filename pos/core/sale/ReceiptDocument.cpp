#include "pos/core/sale/ReceiptDocument.hpp"

#include "db/Text.hpp"
#include "db/UserError.hpp"
#include "pos/core/common/Money.hpp"
#include "pos/core/identifiers/Msisdn.hpp"

#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>
#include <boost/locale.hpp>

#include <algorithm>
#include <iomanip>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace salon::pos {
namespace {

// Columns on a monospaced printer: one per code point (the receipt has Latin, Cyrillic, "×", "№" and
// the no-break space of grouped amounts, all one column wide).
std::size_t columns(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// The first `n` columns of `s` (never cutting a code point in two).
std::string_view first_columns(std::string_view s, std::size_t n) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((s[i] & 0xC0) != 0x80) {
            if (seen == n) return s.substr(0, i);
            ++seen;
        }
    }
    return s;
}

// Breaks `text` into lines of at most `width` columns at spaces; a word longer than a line is cut.
// Leading spaces of `text` start the first line, `indent` every line after it.
std::vector<std::string> wrap(const std::string& text, std::size_t width, const std::string& indent = {}) {
    std::vector<std::string> out;
    std::string line =
        text.substr(0, text.find_first_not_of(' ') == std::string::npos ? 0 : text.find_first_not_of(' '));
    std::string prefix = line;  // what the current line starts with before its first word
    auto flush = [&] {
        out.push_back(line);
        line = prefix = indent;
    };
    std::istringstream words(text);
    std::string word;
    while (words >> word) {
        std::string_view rest = word;
        while (!rest.empty()) {
            const bool fresh = line == prefix;
            const std::size_t used = columns(line) + (fresh ? 0 : 1);
            if (used + columns(rest) <= width) {
                if (!fresh) line += ' ';
                line += rest;
                rest = {};
            } else if (!fresh && columns(indent) + columns(rest) <= width) {
                flush();  // the word fits on the next line
            } else if (used >= width) {
                flush();
            } else {
                // Longer than any line: fill this one and go on with the rest.
                if (!fresh) line += ' ';
                const std::string_view part = first_columns(rest, width - used);
                line += part;
                rest.remove_prefix(part.size());
                flush();
            }
        }
    }
    if (line != prefix || out.empty()) out.push_back(line);
    return out;
}

std::string centred(const std::string& text, std::size_t width) {
    const std::size_t n = columns(text);
    return n >= width ? text : std::string((width - n) / 2, ' ') + text;
}

// `left` and `right` on one line with `right` flush right; when they do not fit, `left` wraps and
// `right` goes flush right on a line of its own.
void two_columns(std::vector<ReceiptTextLine>& out, const std::string& left, const std::string& right,
                 std::size_t width, bool emphasis = false, const std::string& indent = {}) {
    const std::size_t l = columns(left), r = columns(right);
    if (l + 1 + r <= width) {
        out.push_back({left + std::string(width - l - r, ' ') + right, emphasis});
        return;
    }
    for (auto& line : wrap(left, width, indent)) out.push_back({std::move(line), emphasis});
    out.push_back({std::string(width - std::min(width, r), ' ') + right, emphasis});
}

void wrapped(std::vector<ReceiptTextLine>& out, const std::string& text, std::size_t width,
             bool centre = false, bool emphasis = false, const std::string& indent = {}) {
    for (auto& line : wrap(text, width, indent))
        out.push_back({centre ? centred(line, width) : line, emphasis});
}

// The salon's zone, or UTC when the document names none or one ICU does not know (then the time says so).
std::unique_ptr<icu::TimeZone> zone_of(const std::string& time_zone, bool& known) {
    std::unique_ptr<icu::TimeZone> zone(
        icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(time_zone)));
    known = !time_zone.empty() && *zone != icu::TimeZone::getUnknown();
    if (!known) zone.reset(icu::TimeZone::createTimeZone("UTC"));
    return zone;
}

std::string local_time(std::int64_t unix_seconds, const std::string& time_zone, const char* pattern,
                       bool& known) {
    UErrorCode status = U_ZERO_ERROR;
    icu::SimpleDateFormat format(icu::UnicodeString(pattern), icu::Locale::getRoot(), status);
    if (U_FAILURE(status)) throw std::runtime_error("receipt: cannot make a date format");
    format.adoptTimeZone(zone_of(time_zone, known).release());
    icu::UnicodeString text;
    format.format(static_cast<UDate>(unix_seconds) * 1000.0, text);
    std::string out;
    text.toUTF8String(out);
    return out;
}

std::string percent_text(int basis_points) {
    std::string text = std::to_string(basis_points / 100);
    if (const int hundredths = basis_points % 100; hundredths != 0) {
        std::string fraction = (hundredths < 10 ? "0" : "") + std::to_string(hundredths);
        if (fraction.back() == '0') fraction.pop_back();
        text += (language() == Language::russian ? "," : ".") + fraction;
    }
    return text + "%";
}

}  // namespace

std::string receipt_percent(int basis_points) { return percent_text(basis_points); }

std::string receipt_msisdn(const std::string& msisdn) {
    try {
        return Msisdn::stored(msisdn).display();
    } catch (const ValidationError&) {
        return msisdn;  // printed as stored rather than hidden
    }
}

std::string receipt_amount(std::int64_t kopecks) {
    // ICU formats from a double, exact to the kopeck far beyond any receipt (see Money::format).
    std::ostringstream os;
    os.imbue(ui_locale());
    os << boost::locale::as::number << std::fixed << std::setprecision(2)
       << static_cast<double>(kopecks) / 100.0;
    std::string text = os.str();
    if (const auto at = text.find('-'); at != std::string::npos) text.replace(at, 1, "\u2212");  // as Money
    return text;
}

std::string receipt_local_time(const ReceiptDocument& doc) {
    bool known = false;
    std::string text = local_time(doc.created_at, doc.time_zone, "dd.MM.yyyy HH:mm", known);
    return known ? text : text + " UTC";
}

std::string receipt_title(const ReceiptDocument& doc) {
    if (doc.kind == "correction_income") return tr("CORRECTION RECEIPT: INCOME").str();
    if (doc.kind == "correction_refund") return tr("CORRECTION RECEIPT: REFUND OF INCOME").str();
    return doc.kind == "refund" ? tr("CASH RECEIPT: REFUND OF SALE").str() : tr("CASH RECEIPT: SALE").str();
}

std::string receipt_number_text(const ReceiptDocument& doc) {
    return doc.is_correction() ? trf("Correction No. {1}", {std::to_string(doc.receipt_number)}).str()
                               : trf("Receipt No. {1}", {std::to_string(doc.receipt_number)}).str();
}

std::vector<std::string> receipt_correction_attributes(const ReceiptDocument& doc) {
    if (!doc.is_correction()) return {};
    return {
        doc.correction_by_order ? tr("Correction type: by order of the tax authority").str()
                                : tr("Correction type: the till's own").str(),
        trf("Basis: document No. {1} of {2}", {doc.correction_basis_number, doc.correction_basis_date}).str(),
        trf("Reason: {1}", {doc.correction_reason}).str(),
    };
}

std::string receipt_vat_rate(const ReceiptDocument::Line& line) {
    if (line.vat_code == "none" || line.vat_basis_points == 0) return tr("no VAT").str();
    return trf("VAT {1}", {percent_text(line.vat_basis_points)}).str();
}

std::string receipt_agent_mark() { return tr("Payment agent").str(); }

std::string receipt_supplier(const ReceiptDocument& doc) {
    if (doc.supplier_name.empty()) return tr("Supplier: the mobile operator").str();
    if (doc.supplier_inn.empty()) return trf("Supplier: {1}", {doc.supplier_name}).str();
    if (!doc.supplier_phone.empty())
        return trf("Supplier: {1}, INN {2}, phone {3}", {doc.supplier_name, doc.supplier_inn, doc.supplier_phone})
            .str();
    return trf("Supplier: {1}, INN {2}", {doc.supplier_name, doc.supplier_inn}).str();
}

std::string receipt_fiscal_mark(const ReceiptDocument& doc) {
    if (doc.fiscal_state == "fiscalised") return {};
    if (doc.fiscal_state == "not_required") return tr("NO FISCAL RECEIPT: NOTHING PAID").str();
    if (doc.fiscal_state == "failed") return tr("FISCALISATION FAILED").str();
    return tr("AWAITING FISCALISATION").str();
}

std::string receipt_fiscal_explanation(const ReceiptDocument& doc) {
    if (doc.fiscal_state == "fiscalised") return {};
    if (doc.fiscal_state == "not_required")
        return tr("No money changed hands, so 54-FZ asks no fiscal receipt: this is a record of the operations.").str();
    if (doc.fiscal_state == "failed")
        return doc.is_correction()
                   ? tr("Not a fiscal receipt: the fiscal registrar did not register this correction yet.").str()
                   : tr("Not a fiscal receipt: the fiscal registrar did not register this sale.").str();
    return tr("Not a fiscal receipt: the fiscal registrar has not printed one yet.").str();
}

std::vector<std::string> receipt_fiscal_attributes(const ReceiptDocument& doc) {
    if (doc.fiscal_state != "fiscalised" || doc.fiscal_fn.empty()) return {};
    ReceiptDocument at = doc;
    at.created_at = doc.fiscal_at;
    std::vector<std::string> out = {
        trf("FN {1}", {doc.fiscal_fn}).str(),
        trf("FD No. {1}", {std::to_string(doc.fiscal_fd)}).str(),
        trf("FP {1}", {doc.fiscal_sign}).str(),
        trf("Fiscal shift {1}, receipt {2}",
            {std::to_string(doc.fiscal_shift), std::to_string(doc.fiscal_number_in_shift)})
            .str(),
        trf("Registered {1}", {receipt_local_time(at)}).str(),
    };
    if (doc.fiscal_emulated) out.push_back(tr("Registrar emulator: not a fiscal document").str());
    return out;
}

std::vector<ReceiptVatTotal> receipt_vat_totals(const ReceiptDocument& doc) {
    std::vector<ReceiptVatTotal> totals;
    for (const auto& line : doc.lines) {
        auto it = std::find_if(totals.begin(), totals.end(), [&](const ReceiptVatTotal& t) {
            return t.vat_code == line.vat_code && t.vat_basis_points == line.vat_basis_points;
        });
        if (it == totals.end())
            it = totals.insert(totals.end(), {line.vat_code, line.vat_basis_points, 0, 0});
        it->base = (Money::from_kopecks(it->base) + Money::from_kopecks(line.amount)).kopecks();
        it->vat_amount =
            (Money::from_kopecks(it->vat_amount) + Money::from_kopecks(line.vat_amount)).kopecks();
    }
    return totals;
}

std::vector<ReceiptTextLine> receipt_layout(const ReceiptDocument& doc, int width_chars) {
    if (width_chars < 24) throw std::invalid_argument("receipt_layout: a receipt needs at least 24 columns");
    const auto width = static_cast<std::size_t>(width_chars);
    const std::string rule(width, '-');
    std::vector<ReceiptTextLine> out;

    wrapped(out, doc.dealer_name, width, true, true);
    if (!doc.dealer_inn.empty()) wrapped(out, trf("INN {1}", {doc.dealer_inn}).str(), width, true);
    if (!doc.salon_name.empty()) wrapped(out, doc.salon_name, width, true);
    if (!doc.salon_address.empty()) wrapped(out, doc.salon_address, width, true);
    out.push_back({rule});
    wrapped(out, receipt_title(doc), width, true, true);
    two_columns(out, receipt_local_time(doc), receipt_number_text(doc), width);
    two_columns(out, trf("Shift No. {1}", {std::to_string(doc.shift_number)}).str(),
                trf("Till: {1}", {doc.till}).str(), width);
    wrapped(out, trf("Cashier: {1}", {doc.cashier_name}).str(), width);
    out.push_back({rule});
    if (const auto correction = receipt_correction_attributes(doc); !correction.empty()) {
        for (const auto& a : correction) wrapped(out, a, width, false, false, "   ");
        out.push_back({rule});
    }

    const std::string indent = "   ";
    for (const auto& line : doc.lines) {
        wrapped(out, std::to_string(line.line_no) + ". " + line.description, width, false, false, indent);
        if (!line.msisdn.empty())
            wrapped(out, indent + trf("Number: {1}", {receipt_msisdn(line.msisdn)}).str(), width, false,
                    false, indent);
        if (!line.imei.empty())
            wrapped(out, indent + trf("IMEI: {1}", {line.imei}).str(), width, false, false, indent);
        if (!line.warranty.empty()) wrapped(out, indent + line.warranty, width, false, false, indent);
        two_columns(out, indent + std::to_string(line.quantity) + " × " + receipt_amount(line.unit_price),
                    "= " + receipt_amount(line.amount), width, false, indent);
        if (line.vat_code == "none" || line.vat_basis_points == 0)
            wrapped(out, indent + receipt_vat_rate(line), width, false, false, indent);
        else
            two_columns(out, indent + receipt_vat_rate(line), receipt_amount(line.vat_amount), width, false,
                        indent);
        if (line.agent) {
            wrapped(out, indent + receipt_agent_mark(), width, false, false, indent);
            wrapped(out, indent + receipt_supplier(doc), width, false, false, indent);
        }
    }
    out.push_back({rule});

    two_columns(out, tr("TOTAL").str(), receipt_amount(doc.total), width, true);
    for (const auto& vat : receipt_vat_totals(doc)) {
        if (vat.vat_code == "none" || vat.vat_basis_points == 0)
            two_columns(out, tr("Without VAT:").str(), receipt_amount(vat.base), width);
        else
            two_columns(out, trf("incl. VAT {1}:", {percent_text(vat.vat_basis_points)}).str(),
                        receipt_amount(vat.vat_amount), width);
    }
    if (doc.paid_cash > 0 || doc.paid_card == 0)
        two_columns(out, tr("Cash").str(), receipt_amount(doc.paid_cash), width);
    if (doc.paid_card > 0) two_columns(out, tr("Card").str(), receipt_amount(doc.paid_card), width);
    if (doc.change_due > 0) two_columns(out, tr("Change").str(), receipt_amount(doc.change_due), width);

    if (const std::string mark = receipt_fiscal_mark(doc); !mark.empty()) {
        out.push_back({rule});
        const std::string framed = "*** " + mark + " ***";
        wrapped(out, columns(framed) <= width ? framed : mark, width, true, true);
        wrapped(out, receipt_fiscal_explanation(doc), width, true);
    }
    if (const auto attributes = receipt_fiscal_attributes(doc); !attributes.empty()) {
        out.push_back({rule});
        for (const auto& a : attributes) wrapped(out, a, width);
    }
    if (!doc.audit_note.empty()) {
        out.push_back({rule});
        wrapped(out, doc.audit_note, width);
    }
    return out;
}

std::vector<std::string> receipt_text(const ReceiptDocument& doc, int width_chars) {
    std::vector<std::string> lines;
    for (auto& line : receipt_layout(doc, width_chars)) lines.push_back(std::move(line.text));
    return lines;
}

std::vector<std::string> receipt_wrap(const std::string& text, int width_chars) {
    return wrap(text, static_cast<std::size_t>(std::max(width_chars, 1)));
}

std::string receipt_qr_payload(const ReceiptDocument& doc) {
    bool known = false;
    const std::string when = local_time(doc.created_at, doc.time_zone, "yyyyMMdd'T'HHmm", known);
    return "t=" + when + "&s=" + Money::from_kopecks(doc.total).plain() +
           "&n=" + (doc.kind == "refund" || doc.kind == "correction_refund" ? "2" : "1");
}

std::string receipt_qr_text(const ReceiptDocument& doc) {
    return doc.qr_payload.empty() ? receipt_qr_payload(doc) : doc.qr_payload;
}

}  // namespace salon::pos
