// A gadget between the salons of its dealer, and its history by IMEI: a senior moves a unit (in stock or
// returned, never sold) to another salon of the same dealer; every change of a unit's place or status is a
// gadget_movement row (received, moved, sold, refunded, a stocktake's difference), so the history is read
// from those rows and the salons, people and receipts they name.
#pragma once

#include "pos/core/catalog/GadgetStock.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

// gadget_movement.reason of a move, so the history tells a move from the other changes of place.
inline constexpr const char* kGadgetMovedReason = "moved";

// Moves the unit with this IMEI (first or second) to salon `to_salon_id`, keeping its status (in stock or
// returned): one transaction with its movement (from, to, who) and its audit entry ("gadget.move"). Needs
// move_gadgets and the stock of the unit's salon (require_salon_stock_access: a senior his own salon's, the
// dealer's manager his dealer's, head office any). InputError("imei") for a malformed IMEI, a unit the actor
// does not see, or one sold or written off; InputError("to_salon") for an unknown salon or the unit's own;
// RefusedError for another dealer's salon (also for head office: stock is the dealer's) or a closed one.
// `reason` is optional and kept with the movement. Returns the unit as it is now.
GadgetUnit move_gadget(db::Database& db, const Actor& actor, const std::string& imei, std::int64_t to_salon_id,
                       const std::string& reason = {});

// What happened to a unit: derived from its gadget_movement row.
enum class GadgetEventKind { received, moved, sold, refunded, stocktake_missing, stocktake_surplus, changed };
// "received", "moved", ... "stocktake_missing", "stocktake_surplus", "changed" (a change no kind names).
std::string to_string(GadgetEventKind kind);
// The kind for people, in the current language.
std::string gadget_event_title(GadgetEventKind kind);

struct GadgetEvent {
    std::int64_t at = 0;  // Unix seconds, UTC
    GadgetEventKind kind = GadgetEventKind::changed;
    std::int64_t from_salon_id = 0;  // 0: none (a receipt)
    std::string from_salon;
    std::int64_t to_salon_id = 0;
    std::string to_salon;
    std::string staff_login;  // empty: the command line
    std::string staff_name;
    std::string status;          // the unit's status after the event (gadget_unit.status)
    std::int64_t receipt_number = 0;  // a sale's or a refund's receipt, else 0
    std::string note;            // what was recorded with it: a move's or a stocktake's reason, a delivery
};

struct GadgetHistory {
    GadgetUnit unit;
    std::vector<GadgetEvent> events;  // oldest first
};

// The history of the unit with this IMEI (first or second), for whoever sees its dealer (as find_gadget).
// InputError("imei") for a malformed IMEI or a unit the actor does not see.
GadgetHistory gadget_history(db::Database& db, const Actor& actor, const std::string& imei);

}  // namespace salon::pos
