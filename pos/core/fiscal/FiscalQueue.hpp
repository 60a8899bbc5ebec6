// The till's receipts on their way to the fiscal registrar (R-POS-10). A sale or refund is committed first,
// "awaiting" (its own transaction is not touched: the queue is the till's sales not yet fiscalised), then
// registered: right after the sale at the desk, and again by `fiscal retry`, at shift close and
// periodically in the station. Each receipt goes through three steps, each safe to be killed after:
//   1. claim: one transaction records the attempt (fiscal_receipt) under the sale's lock;
//   2. the registrar registers it under the sale's request id: a request id it already registered is
//      answered with the same document (and a real driver is asked for the archive's document first when an
//      earlier attempt may have reached the device), so a receipt is never printed twice;
//   3. one transaction records the answer: the fiscal attributes, the sale "fiscalised", the audit entry.
// A receipt the registrar did not take (paper out, cover open, drive full, offline limit) stays queued,
// marked "failed" with the fault, and is shown at the desk and on the shift's Z report until fiscalised.
#pragma once

#include "pos/core/fiscal/FiscalRegistrar.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

// The registrar of a till of a salon: the emulator (its drive created on first use) until a real driver is
// configured for the till. The station shows it as an emulator.
std::unique_ptr<FiscalRegistrar> registrar_for_till(db::Database& db, std::int64_t salon_id,
                                                    const std::string& till);
// The same for the actor's own salon (RefusedError for a person not bound to a salon).
std::unique_ptr<FiscalRegistrar> registrar_for_till(db::Database& db, const Actor& actor,
                                                    const std::string& till);

struct QueuedReceipt {
    std::int64_t sale_id = 0;
    std::string kind;  // sale | refund
    int shift_number = 0, receipt_number = 0;
    std::int64_t created_at = 0;
    std::int64_t total = 0;
    std::string fiscal_state;  // awaiting | failed
    int attempts = 0;
    std::int64_t last_attempt_at = 0;
    std::string last_error;  // a FiscalFault's code, "" before the first refusal
    // A correction receipt (FiscalCorrection) waits in the same queue: its id here, sale_id 0, and kind
    // correction_income | correction_refund.
    std::int64_t correction_id = 0;
};

// The till's receipts not yet fiscalised, oldest first.
std::vector<QueuedReceipt> fiscal_queue(db::Database& db, const Actor& actor, const std::string& till);
// A shift's receipts not yet fiscalised (its Z report lists them).
std::vector<QueuedReceipt> shift_fiscal_queue(db::Database& db, std::int64_t shift_id);

// Where a run stands between its steps; the fault test stops the process there.
enum class FiscalStep { claimed, registered };
using FiscalStepHook = std::function<void(FiscalStep step, std::int64_t sale_id)>;

struct FiscalRun {
    int fiscalised = 0;                     // registered in this run
    int waiting = 0;                        // still queued at the till after it
    FiscalFault fault = FiscalFault::none;  // what stopped it, if anything
};

// Registers these committed sales or refunds of the actor's till (the desk, right after the sale). A sale
// already fiscalised is left as it is. Stops at the first fault: the registrar would refuse the rest too.
FiscalRun fiscalise_sales(db::Database& db, const Actor& actor, const std::string& till,
                          FiscalRegistrar& registrar, const std::vector<std::int64_t>& sale_ids,
                          const FiscalStepHook& hook = {});
// Registers these correction receipts of the actor's till (right after one is recorded), as fiscalise_sales
// does receipts: claimed, registered under the correction's own request id, recorded; never twice.
FiscalRun fiscalise_corrections(db::Database& db, const Actor& actor, const std::string& till,
                                FiscalRegistrar& registrar, const std::vector<std::int64_t>& correction_ids,
                                const FiscalStepHook& hook = {});
// Registers the till's whole queue, oldest first (`fiscal retry`, shift close, the station's timer).
FiscalRun retry_fiscal_queue(db::Database& db, const Actor& actor, const std::string& till,
                             FiscalRegistrar& registrar, const FiscalStepHook& hook = {});

// A fiscalised receipt's attributes, as its text and PDF print them.
struct FiscalAttributes {
    std::string fn_number, fiscal_sign, qr_payload;
    std::int64_t fd_number = 0, registered_at = 0;
    int shift_number = 0, number_in_shift = 0;
    bool emulated = false;
};
std::optional<FiscalAttributes> fiscal_attributes(db::Database& db, std::int64_t sale_id);

struct FiscalStatus {
    RegistrarInfo registrar;
    FiscalDriveState drive;
    RegistrarShift shift;
    int queue_length = 0;
    std::int64_t oldest_queued_at = 0;
};
FiscalStatus fiscal_status(db::Database& db, const Actor& actor, const std::string& till);

// Sets or clears the emulated fault of the till's emulator (a trainer shows the queue; tests): needs
// shift_open_close; journaled ("fiscal.fault"). RefusedError for a registrar that is not an emulator.
void set_emulated_fault(db::Database& db, const Actor& actor, const std::string& till, FiscalFault fault);

// The fiscal shift follows the till's shift (R-POS-10): opened with it; closed with a Z report after the
// queue was tried once more. A registrar fault leaves the till's shift as it is (returned, not thrown).
FiscalFault open_fiscal_shift(db::Database& db, const Actor& actor, FiscalRegistrar& registrar);
struct FiscalClose {
    FiscalRun run;
    std::optional<FiscalReport> z;
    FiscalFault fault = FiscalFault::none;
};
FiscalClose close_fiscal_shift(db::Database& db, const Actor& actor, const std::string& till,
                               FiscalRegistrar& registrar);

}  // namespace salon::pos
