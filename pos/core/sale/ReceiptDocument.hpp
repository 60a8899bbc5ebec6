// The customer's receipt of a sale or a refund as a plain document (R-POS-10), independent of the
// database and of how it is shown: the screen and tests use receipt_text(), salon_pos_print renders PDFs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace salon::pos {

struct ReceiptDocument {
    std::string dealer_name;
    std::string dealer_inn;
    std::string salon_name;
    std::string salon_address;
    std::string till;
    int shift_number = 0;
    int receipt_number = 0;
    // "sale" | "refund", or a correction receipt's (чек коррекции, 54-FZ tags 1173/1174; FiscalCorrection):
    // "correction_income" | "correction_refund", whose receipt_number is the correction's own number.
    std::string kind = "sale";
    std::int64_t created_at = 0;  // Unix seconds, UTC
    std::string time_zone;        // IANA ("Europe/Moscow"): the receipt shows the salon's local time
    std::string cashier_name;

    struct Line {
        int line_no = 0;
        std::string description;
        int quantity = 1;
        std::int64_t unit_price = 0;  // kopecks, VAT included
        std::int64_t amount = 0;      // kopecks
        std::string vat_code;         // "standard", "none" (see vat_rate)
        int vat_basis_points = 0;     // 2200 = 22%
        std::int64_t vat_amount = 0;  // kopecks, included in amount
        bool agent = false;           // accepted as the operator's payment agent (a top-up)
        std::string msisdn;           // the number the line is for, when it is for one
        std::string imei;             // a device sold by IMEI
        std::string warranty;         // "Warranty 12 mo. until 05.12.2027" (receipt_warranty), or empty
    };
    std::vector<Line> lines;

    std::int64_t total = 0;
    std::int64_t paid_cash = 0;  // cash handed over, change included
    std::int64_t paid_card = 0;
    std::int64_t change_due = 0;

    std::string fiscal_state = "awaiting";  // awaiting | fiscalised | failed | not_required (nothing paid)
    // What the QR code carries: the registrar's payload once fiscalised; empty = receipt_qr_payload().
    std::string qr_payload;
    // The registrar's attributes once fiscalised (R-POS-10): the fiscal drive's number (ФН), the document's
    // number (ФД), its fiscal sign (ФП), the fiscal shift and the receipt's number in it. `fiscal_emulated`:
    // registered by the emulator, which the receipt says (its documents reach no tax office).
    std::string fiscal_fn, fiscal_sign;
    std::int64_t fiscal_fd = 0, fiscal_at = 0;
    int fiscal_shift = 0, fiscal_number_in_shift = 0;
    bool fiscal_emulated = false;
    std::string audit_note;  // e.g. the audit chain entry or a sample label, printed at the bottom

    // The supplier of agent lines (54-FZ: the operator on whose behalf a top-up is accepted). Empty
    // prints "the mobile operator" without a name.
    std::string supplier_name;
    std::string supplier_inn;
    std::string supplier_phone;  // tag 1171, "+74951234567"

    // A correction receipt's attributes: its type (tag 1173: the till's own correction or on an order of the
    // tax authority), the basis document (tag 1174: its number and date, "05.12.2026") and the reason.
    bool correction_by_order = false;
    std::string correction_basis_number, correction_basis_date, correction_reason;
    bool is_correction() const { return kind.rfind("correction_", 0) == 0; }
};

// One line of the monospaced layout; `emphasis` marks what a printer prints in bold (title, total,
// the awaiting-fiscalisation mark).
struct ReceiptTextLine {
    std::string text;
    bool emphasis = false;
};

// The receipt laid out for a monospaced printer or view `width_chars` characters wide (32, 42, 48...;
// at least 24): header, lines with quantity × price = amount, VAT per rate, agent attributes, payment,
// change and, unless fiscalised, the mark that this is not yet a fiscal receipt. No line is wider than
// `width_chars` code points. In the language the program speaks.
std::vector<ReceiptTextLine> receipt_layout(const ReceiptDocument& doc, int width_chars);
std::vector<std::string> receipt_text(const ReceiptDocument& doc, int width_chars);
// `text` broken at spaces into lines of at most `width_chars` code points, as the receipt's lines are (the
// other documents of the 80 mm roll use it too).
std::vector<std::string> receipt_wrap(const std::string& text, int width_chars);

// The check's QR payload in the format of the Federal Tax Service (54-FZ):
// "t=YYYYMMDDTHHMM&s=1234.50&fn=...&i=...&fp=...&n=1". Before fiscalisation the fiscal drive number
// (fn), the document number (i) and the fiscal sign (fp) do not exist, so this payload carries only the
// local time t, the total s and the kind n (1 = sale, 2 = refund): "t=20261125T1435&s=1850.00&n=1".
// The registrar's own payload replaces it (ReceiptDocument::qr_payload) once the receipt is fiscalised.
std::string receipt_qr_payload(const ReceiptDocument& doc);
// The payload the QR code shows: doc.qr_payload when set, else receipt_qr_payload(doc).
std::string receipt_qr_text(const ReceiptDocument& doc);

// Texts the renderers share with the text layout, in the language the program speaks.
std::string receipt_local_time(const ReceiptDocument& doc);       // "25.11.2026 14:35"
std::string receipt_amount(std::int64_t kopecks);                 // "2 200,00" (no currency sign)
std::string receipt_title(const ReceiptDocument& doc);            // "CASH RECEIPT: SALE"
std::string receipt_number_text(const ReceiptDocument& doc);      // "Receipt No. 3", "Correction No. 2"
// A correction receipt's type, basis document and reason as printed lines; empty for any other receipt.
std::vector<std::string> receipt_correction_attributes(const ReceiptDocument& doc);
std::string receipt_percent(int basis_points);                    // "22%", "12,5%"
std::string receipt_vat_rate(const ReceiptDocument::Line& line);  // "VAT 22%", "no VAT"
std::string receipt_msisdn(const std::string& msisdn);            // "+7 916 123-45-67"
std::string receipt_agent_mark();                                 // "Payment agent"
std::string receipt_supplier(const ReceiptDocument& doc);         // "Supplier: ..., INN ..."
std::string receipt_fiscal_mark(const ReceiptDocument& doc);      // "" when fiscalised
std::string receipt_fiscal_explanation(const ReceiptDocument& doc);
// The fiscal attributes as printed lines ("FN 9999...", "FD No. 12", "FP 3522207165", "Fiscal shift 3,
// receipt 5", the registration time, the emulator's mark); empty until fiscalised.
std::vector<std::string> receipt_fiscal_attributes(const ReceiptDocument& doc);

// VAT included in the total, one entry per rate in the order rates first appear (R-POS-10).
struct ReceiptVatTotal {
    std::string vat_code;
    int vat_basis_points = 0;
    std::int64_t base = 0;        // the amounts of the lines at this rate
    std::int64_t vat_amount = 0;  // the sum of their VAT
};
std::vector<ReceiptVatTotal> receipt_vat_totals(const ReceiptDocument& doc);

}  // namespace salon::pos
