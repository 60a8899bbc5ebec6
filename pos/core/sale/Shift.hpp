// A cash drawer's shift at one till of a salon: opened with a float, cash put in and taken out with a
// reason, an X report at any time and the Z report at close, where the counted cash is set against what
// the drawer should hold. A difference, or closing a shift someone else opened, needs a senior's approval
// (the supervisor override). The audit chain's head at close is kept and printed on the Z report, so a
// later edit of the day's entries is provable.
#pragma once

#include "pos/core/common/Money.hpp"
#include "pos/core/organisation/SupervisorApproval.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

// A shift open longer than this is flagged (the fiscal registrar refuses a shift past 24 hours).
constexpr std::int64_t kShiftWarningSeconds = 24 * 3600;

struct Shift {
    std::int64_t id = 0;
    std::int64_t salon_id = 0;
    std::string salon_name;
    std::string time_zone;  // the salon's, for the report's clock
    std::string till;
    int number = 0;
    std::int64_t opened_by = 0;
    std::string opened_by_name;
    std::int64_t opened_at = 0;
    Money opening_float;
    std::int64_t closed_by = 0;
    std::string closed_by_name;
    std::int64_t closed_at = 0;  // 0: open
    std::optional<Money> expected_cash, counted_cash;
    std::int64_t approved_by = 0;
    std::string approved_by_name;
    std::string chain_head;
    int last_receipt = 0;
    std::string shortfall_reason;  // why the drawer held less than expected (required then)

    bool is_open() const { return closed_at == 0; }
    bool past_24_hours(std::int64_t now) const { return is_open() && now - opened_at > kShiftWarningSeconds; }
};

enum class CashDirection { in, out };

struct CashMovement {
    CashDirection direction = CashDirection::in;
    Money amount;
    std::string reason;
    std::string staff_name;
    std::int64_t at = 0;
};

struct VatTotal {
    std::string code;
    int basis_points = 0;
    Money amount;  // VAT contained in the sales of this rate, refunds taken off
};

// The X report (open shift) or the Z report (closed): figures read from the shift's own sales.
struct ShiftReport {
    Shift shift;
    int sales = 0, refunds = 0;
    Money sales_total, refunds_total;
    Money cash_taken, card_taken;    // sales: cash kept (paid less change) and card
    Money cash_paid_back, card_paid_back;
    Money agent_total;               // top-ups accepted as the operator's payment agent (inside sales_total)
    Money cash_in, cash_out;
    Money expected_cash;             // float + cash taken - cash paid back + cash in - cash out
    std::vector<VatTotal> vat;
    std::vector<CashMovement> movements;
    bool past_24_hours = false;
    // The shift's receipts the fiscal registrar has not registered yet (R-POS-10), by receipt number: the
    // report shows them until they are fiscalised.
    std::vector<int> awaiting_fiscal;
    // Correction receipts recorded in the shift (FiscalCorrection, R-POS-10): income and refunds of income;
    // those paid in cash move the drawer's expected cash. Those not yet registered, by their ids.
    int corrections = 0;
    Money correction_income, correction_refund;
    std::vector<std::int64_t> awaiting_fiscal_corrections;
};

// Opens a shift at `till` of the actor's salon with `opening_float` in the drawer. Needs
// shift_open_close and a salon; refuses when a shift is still open at that till (naming it). One
// transaction with its audit entry ("shift.open").
Shift open_shift(db::Database& db, const Actor& actor, const std::string& till, Money opening_float);

// The open shift at `till` of the actor's salon, if any.
std::optional<Shift> open_shift_at(db::Database& db, const Actor& actor, const std::string& till);
// A shift of a salon the actor sees (ValidationError otherwise, as for none).
Shift get_shift(db::Database& db, const Actor& actor, std::int64_t shift_id);
// The actor's salon's shifts (head office and dealers' managers: of `salon_id`), newest first.
std::vector<Shift> list_shifts(db::Database& db, const Actor& actor, std::int64_t salon_id, int limit = 50);

// Cash in or out of an open shift's drawer: needs cash_in_out; the reason is required (at least 3
// characters); more cash out than the drawer holds is refused. One transaction with its audit entry.
void move_cash(db::Database& db, const Actor& actor, std::int64_t shift_id, CashDirection direction, Money amount,
               const std::string& reason);

// The X report: any time, changes nothing.
ShiftReport shift_report(db::Database& db, const Actor& actor, std::int64_t shift_id);

// Closes the shift with the cash counted in the drawer and returns the Z report. Needs
// shift_open_close; a difference between counted and expected cash, or a shift another person opened,
// also needs approve_cash_difference: the actor's own, or a senior's through `approval` (refused with
// RefusedError naming what needs approval otherwise). One transaction: the shift's totals, the audit
// entry ("shift.close", with the approver) and the chain head it produced.
//
// A shortfall (less counted than expected) is never closed by one person (R-POS-10: the Z report is a
// fiscal document the senior answers for): `shortfall_reason` is required (InputError "reason") and a second
// person with approve_cash_difference must confirm through `approval`, whoever closes: a senior closing
// their own shift needs another senior. Both are journaled and printed on the Z report.
ShiftReport close_shift(db::Database& db, const Actor& actor, std::int64_t shift_id, Money counted,
                        const std::optional<SupervisorApproval>& approval = std::nullopt,
                        const std::string& shortfall_reason = {});

// The report as monospaced lines (X or Z by the shift's state), for the screen and the command line.
std::vector<std::string> shift_report_text(const ShiftReport& report);

}  // namespace salon::pos
