// Correction receipts (чек коррекции, 54-FZ tags 1173/1174; R-POS-10): money a till took or paid back
// without a receipt (the registrar was down, a receipt was not printed), registered afterwards on the basis
// of a document (an act or an order: its number and date). A senior records it in the till's open shift in
// one transaction with its audit entry; it then waits in the till's fiscal queue beside the shift's receipts
// and is registered once, under its own request id, by the same retries (FiscalQueue).
#pragma once

#include "db/Text.hpp"
#include "pos/core/common/Money.hpp"
#include "pos/core/sale/ReceiptDocument.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

enum class CorrectionKind { income, refund };  // приход, возврат прихода
std::string to_string(CorrectionKind kind);
CorrectionKind correction_kind_from_string(const std::string& text);  // throws InputError("kind")
Text correction_kind_title(CorrectionKind kind);

struct CorrectionRequest {
    CorrectionKind kind = CorrectionKind::income;
    Money amount;
    bool card = false;                    // paid by card, else cash
    std::string vat_code = "standard";    // a code of the VAT rates in force ("standard", "none")
    std::string reason;                   // what was not registered and why (at least 3 characters)
    std::string basis_number;             // the basis document's number
    std::string basis_date;               // and its date, YYYY-MM-DD, not in the future
    bool by_order = false;                // tag 1173: on an order of the tax authority, else the till's own
};

struct Correction {
    std::int64_t id = 0, shift_id = 0;
    int shift_number = 0;
    std::string till;
    CorrectionKind kind = CorrectionKind::income;
    Money amount;
    bool card = false;
    std::string vat_code;
    int vat_basis_points = 0;
    std::string reason, basis_number, basis_date;
    bool by_order = false;  // tag 1173
    std::string staff_name;
    std::int64_t created_at = 0;
    std::string fiscal_state;  // awaiting | failed | fiscalised
    int attempts = 0;
    std::string last_error;
    // Once registered:
    std::string fn_number, fiscal_sign;
    std::int64_t fd_number = 0;
};

// Records a correction in the open shift at `till` of the actor's salon. Needs fiscal_correction (a
// senior's or an administrator's); bad input is refused naming the field; nothing is half-saved. One
// transaction with its audit entry ("fiscal.correction"). Returns its id; it is not yet registered.
std::int64_t record_correction(db::Database& db, const Actor& actor, const std::string& till,
                               const CorrectionRequest& request);

Correction get_correction(db::Database& db, const Actor& actor, std::int64_t correction_id);
// A shift's corrections, oldest first (its X and Z reports list them).
std::vector<Correction> shift_corrections(db::Database& db, std::int64_t shift_id);

// The correction receipt as printed (R-POS-10, 54-FZ tags 1173/1174): the ReceiptDocument of kind
// correction_income | correction_refund the screen, the command line and the PDF renderers show (80 mm roll and
// A4), with its type, basis document, reason, amount, payment and VAT, the till and shift, and FN, FD, FP
// and the registrar's QR payload once registered ("awaiting fiscalisation" before). As the actor sees it
// (get_correction's refusals).
ReceiptDocument correction_receipt(db::Database& db, const Actor& actor, std::int64_t correction_id);

// The request id a correction is registered under ("correction-12"): never a sale's.
std::string correction_request_id(std::int64_t correction_id);

}  // namespace salon::pos
