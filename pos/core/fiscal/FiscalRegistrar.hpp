// The fiscal registrar (online cash register, 54-FZ; R-POS-10) as the station sees it: the fiscal shift, sale
// and refund receipts with the VAT of each line, a top-up as a payment agent's receipt, correction receipts,
// X and Z reports and the fiscal drive's state. Implementations: FiscalEmulator (the drive kept in the
// database, the default, shown as an emulator) and, documented only, AtolRegistrarProtocol.hpp.
#pragma once

#include "db/UserError.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salon::pos {

// Why a registrar did not take a document. The first four are the ones a receipt waits out in the queue:
// paper out, cover open, fiscal drive full, 30 days without the OFD's acknowledgement.
enum class FiscalFault {
    none,
    paper_out,
    cover_open,
    drive_full,
    offline_too_long,
    shift_expired,
    no_connection
};
std::string to_string(FiscalFault fault);
FiscalFault fiscal_fault_from_string(const std::string& text);  // throws InputError("fault")
Text fiscal_fault_title(FiscalFault fault);                     // "paper out", in the user's language

// A document the registrar refused; nothing was registered.
class RegistrarFault : public RefusedError {
public:
    explicit RegistrarFault(FiscalFault fault);
    FiscalFault fault() const { return fault_; }

private:
    FiscalFault fault_;
};

// 54-FZ tag 1054: приход (sale) or возврат прихода (refund).
enum class FiscalOperation { sale, refund };

struct FiscalReceiptLine {
    std::string name;
    int quantity = 1;
    std::int64_t unit_price = 0, amount = 0;  // kopecks, VAT included
    std::string vat_code;                     // "standard", "reduced", "none"...
    int vat_basis_points = 0;
    std::int64_t vat_amount = 0;
    // Accepted as the operator's payment agent (a top-up, R-POS-10): tag 1057 "платёжный агент" on the line,
    // with the supplier (tags 1225/1226) when the station knows it.
    bool payment_agent = false;
};

struct FiscalReceipt {
    std::string request_id;  // the station's id: registering the same id twice yields one document
    FiscalOperation operation = FiscalOperation::sale;
    std::vector<FiscalReceiptLine> lines;
    std::int64_t total = 0, cash = 0, card = 0;  // kopecks; cash is what the cash covers, change excluded
    std::string cashier;                         // tag 1021
    std::string supplier_name, supplier_inn;     // of agent lines: the operator (tags 1225, 1226)
    std::string supplier_phone;                  // tag 1171
};

// A correction receipt (чек коррекции, tag 1173): money taken without a receipt, registered afterwards on
// the basis of a document (tag 1174: its date and number).
struct CorrectionReceipt {
    std::string request_id;
    FiscalOperation operation = FiscalOperation::sale;
    std::int64_t total = 0, cash = 0, card = 0;
    int vat_basis_points = 0;
    std::string reason;  // what was not registered and why
    std::string basis_date, basis_number;
    bool by_order = false;  // tag 1173: on an order of the tax authority, else the till's own
    std::string cashier;
};

// The attributes a fiscalised receipt prints.
struct FiscalDocument {
    std::string fn_number;       // ФН: the fiscal drive's number
    std::int64_t fd_number = 0;  // ФД: the document's number in the drive
    std::string fiscal_sign;     // ФП: up to 10 digits
    int shift_number = 0;        // the fiscal shift
    int number_in_shift = 0;     // the receipt's number in that shift (0 for shift documents)
    std::int64_t registered_at = 0;
    std::string qr_payload;  // t=...&s=...&fn=...&i=...&fp=...&n=...
};

struct RegistrarShift {
    bool open = false;
    int number = 0;  // the open one, or the last one closed
    std::int64_t opened_at = 0;
    int receipts = 0;
};

// The fiscal drive's state.
struct FiscalDriveState {
    std::string fn_number;
    std::int64_t documents = 0, capacity = 0;
    std::int64_t oldest_unsent_at = 0;  // 0: the OFD has every document
    bool ofd_online = true;
    FiscalFault fault = FiscalFault::none;  // what the next receipt would meet now
};

struct RegistrarInfo {
    std::string kind;  // "emulator"
    std::string model;
    std::string serial_number;
    bool emulated = false;
};

// X (shift open, nothing registered) or Z (closes the fiscal shift: a fiscal document of its own).
struct FiscalReport {
    bool z = false;
    int shift_number = 0;
    int receipts = 0;
    std::int64_t sales_total = 0, refunds_total = 0;
    std::int64_t unsent_documents = 0, oldest_unsent_at = 0;
    std::optional<FiscalDocument> document;  // Z: the shift-close document
};

class FiscalRegistrar {
public:
    virtual ~FiscalRegistrar() = default;
    virtual RegistrarInfo info() = 0;
    virtual FiscalDriveState drive_state() = 0;
    virtual RegistrarShift shift() = 0;
    // Each throws RegistrarFault when the registrar cannot do it, and registers nothing then.
    virtual FiscalDocument open_shift(const std::string& cashier) = 0;
    virtual FiscalReport close_shift(const std::string& cashier) = 0;  // the Z report
    virtual FiscalReport x_report() = 0;
    // A request id already registered returns its document; nothing is printed again.
    virtual FiscalDocument register_receipt(const FiscalReceipt& receipt) = 0;
    virtual FiscalDocument register_correction(const CorrectionReceipt& correction) = 0;
    // The document registered under this request id, if any (the drive's archive).
    virtual std::optional<FiscalDocument> find_document(const std::string& request_id) = 0;
};

}  // namespace salon::pos
