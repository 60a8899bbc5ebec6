// The stocktake of a salon's SIM cards and gadget units: opened by a senior (the expected stock is
// snapshotted), counted by scanning codes (ICCID or IMEI; a scanner types the digits and Enter), compared
// (missing, surplus) and closed with a senior's approval and a reason for the differences, which are then
// written off and in, in one transaction, and journaled.
//
// Sales and movements go on while a stocktake is open. An item that leaves the salon's stock after the
// opening (sold, moved, marked defective) is no longer expected: it is shown as "left since opening" and is
// neither missing nor written off. An item that reaches the salon's stock after the opening (received, moved
// in, returned by a refund) is expected from then on when it is scanned, not a surplus.
#pragma once

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

// One card or unit as the stocktake shows it.
struct StocktakeItem {
    std::string code;         // the ICCID or the (first) IMEI
    std::string kind;         // sim | gadget
    std::int64_t item_id = 0;  // sim_card.id or gadget_unit.id; 0 for an unknown code
    std::string description;  // "SIM +7 916 ...", a product's name
    std::string status;       // the item's status now (in_stock, sold, ...), empty for an unknown code
    std::string salon_name;   // where the records say it is, empty for an unknown code
    bool written_in = false;  // a surplus the close brings into the salon's stock
};

struct StocktakeSummary {
    std::int64_t id = 0;
    std::int64_t salon_id = 0;
    std::string salon_name;
    std::string status;  // open | closed
    std::int64_t opened_at = 0, closed_at = 0;
    std::string opened_by, closed_by, approved_by;  // people's names
    std::string reason;
    int expected = 0;  // items expected now: the snapshot and late arrivals, less what left since opening
    int counted = 0;
    int duplicates = 0;  // scans of a code already scanned
    std::vector<StocktakeItem> missing;  // expected, still in the salon's stock by the records, not scanned
    std::vector<StocktakeItem> surplus;  // scanned, known, not the salon's stock
    std::vector<StocktakeItem> unknown;  // scanned, no card or unit of the dealer has that code
    std::vector<StocktakeItem> left;     // expected at the opening, left the stock since (sold, moved)
    bool has_differences() const { return !missing.empty() || !surplus.empty(); }
};

enum class ScanOutcome { counted, duplicate, surplus, unknown };
std::string to_string(ScanOutcome outcome);

struct ScanResult {
    ScanOutcome outcome = ScanOutcome::counted;
    StocktakeItem item;
    std::string message;  // what the station says ("Counted: ...", "Already scanned: ..."), in its language
    int counted = 0, expected = 0;
};

// Opens a stocktake of the salon: needs approve_stock_difference and the salon's stock (see
// require_salon_stock_access). Snapshots the cards and units on hand (in stock or returned). Refused when one
// is already open there. One transaction with its audit entry ("stocktake.open"). Returns its id.
std::int64_t open_stocktake(db::Database& db, const Actor& actor, std::int64_t salon_id);

// The open stocktake of the salon, if any (the actor must see the salon).
std::optional<std::int64_t> open_stocktake_of(db::Database& db, const Actor& actor, std::int64_t salon_id);

// Records one scan (anyone who handles the salon's stock): an ICCID (19-20 digits) or IMEI (15 digits, the
// second IMEI of a dual-SIM phone counts the phone), check digit checked (InputError("code") otherwise, not
// recorded). A code scanned before is a duplicate and not counted twice. One transaction; every scan is kept.
ScanResult scan_stocktake(db::Database& db, const Actor& actor, std::int64_t stocktake_id, const std::string& code);

// Expected against counted, as of now (open) or as closed.
StocktakeSummary stocktake_summary(db::Database& db, const Actor& actor, std::int64_t stocktake_id);

// Closes the stocktake: needs approve_stock_difference, the actor's own or a senior's through `approval`
// (refused otherwise, naming the permission); with differences, `reason` (at least 3 characters) is
// required. In one transaction: missing gadget units are written off (written_off), missing SIM cards are
// taken out of service (defective, the only status a card never sold leaves the stock by); a surplus card or
// unit on hand in another salon of the dealer, or a written-off unit, is written in to this salon's stock;
// a surplus that is sold or otherwise out of service is reported and left as it is. Each difference has its
// audit entry (stocktake.write_off, stocktake.write_in) and the close one (stocktake.close) names the approver.
StocktakeSummary close_stocktake(db::Database& db, const Actor& actor, std::int64_t stocktake_id,
                                 const std::string& reason,
                                 const std::optional<SupervisorApproval>& approval = std::nullopt);

}  // namespace salon::pos
