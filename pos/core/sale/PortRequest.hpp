// Number portability (R-POS-9): the life of a port-in request after the sale that filed it, from
// "submitted" to the number really in service, or to the donor's refusal.
//
// What the sale sets up (Sale.cpp, LineKind::port_in): a line priced at the chosen tariff's connection fee
// alone, with no SIM card and no subscription; port_request.temporary_sim stays empty, so the client leaves
// with neither a card nor a temporary number, and the number is not in service with the operator until the
// transfer. Completion is therefore where the number comes into service: the specialist hands over a blank
// card of the salon's stock (scanned by ICCID, as for a SIM replacement), the card takes the ported number
// and is marked sold, a subscription starts for the number, the client and the tariff the sale chose, and an
// "activate" request tells the operator's systems which card carries the number. No money changes hands:
// the card is part of the transfer the sale paid for.
//
// The operator's answer comes back to the salon (the sandbox gateway accepts the "port_in" request and
// says no more); staff record it here:
//   submitted → accepted   the donor agreed to release the number on the desired date
//   submitted → rejected   the donor refused (a debt, an owner mismatch...): the reason is required
//   accepted  → completed  the number moved, on the desired date (the salon's local day) or later
//   accepted  → rejected   the donor withdrew its consent: the reason is required
// Anything else is refused naming both statuses. Each step is one transaction with its history row
// (port_request_change: who, when, from, to, why) and its audit entry ("port.accept", "port.reject",
// "port.complete"; the reason stays in the history, not in the journal, as it may be about the person).
#pragma once

#include "db/Text.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

enum class PortStatus { submitted, accepted, rejected, completed };
std::string to_string(PortStatus status);
PortStatus port_status_from_string(const std::string& text);  // throws InputError("status")
Text port_status_title(PortStatus status);  // "sent to the donor", "accepted by the donor"... for people
// The Russian mobile operators a number can come from (R-POS-9), as the desk offers them: a donor typed
// freely ("мтс", "MTS ") would reach the donor's system under a name it does not know.
const std::vector<std::string>& donor_operators();
// Submitted or accepted: still waiting for the donor or for the transfer date.
bool is_open(PortStatus status);

struct PortRequestFilter {
    // 0: the actor's own salon for salon staff; every salon the actor sees for dealers' managers (their
    // dealer's) and head office. A salon person asking for another salon is refused.
    std::int64_t salon_id = 0;
    std::optional<PortStatus> status;  // only this status
    bool only_open = false;            // only submitted and accepted
    int limit = 1000;                  // 1..100000
};

struct PortRequestRow {
    std::int64_t id = 0;
    std::string msisdn;  // E.164, "+79031234567"
    std::string number;  // for people, "+7 903 123-45-67"
    std::string donor_operator;
    std::string desired_date;  // YYYY-MM-DD, the transfer date the client asked for
    PortStatus status = PortStatus::submitted;
    std::int64_t dealer_id = 0, salon_id = 0;
    std::string salon_name, time_zone;
    std::int64_t client_id = 0;
    std::string client_name;  // masked: "Иванов И. И." (mask_full_name)
    std::string tariff_name;  // the tariff the sale chose for the number
    std::int64_t sale_id = 0;
    int shift_number = 0, receipt_number = 0;     // the sale's receipt
    std::int64_t created_at = 0, updated_at = 0;  // Unix seconds, UTC
    // Days since the desired date on the salon's clock, for an open request whose date has passed; else 0.
    int days_overdue = 0;
    bool overdue() const { return days_overdue > 0; }
};

// The requests the actor sees, by desired date then number. Who may: salon staff with sell (their own
// salon), dealers' managers and head office with view_dealer_reports (their scope); another dealer's
// salon is not found (ValidationError). InputError("limit") for a limit outside 1..100000.
std::vector<PortRequestRow> list_port_requests(db::Database& db, const Actor& actor,
                                               const PortRequestFilter& filter = {});
// One request, with the same rules; ValidationError when there is none or the actor does not see it.
PortRequestRow get_port_request(db::Database& db, const Actor& actor, std::int64_t id);

struct PortStatusChange {
    std::int64_t at = 0;  // Unix seconds, UTC
    std::int64_t staff_id = 0;
    std::string staff_name;
    PortStatus from = PortStatus::submitted, to = PortStatus::accepted;
    std::string reason;  // empty when none was given
    std::string iccid;   // the card that took the number, on completion
};

// The request's changes after its submission, oldest first (the submission itself is the sale's).
std::vector<PortStatusChange> port_request_history(db::Database& db, const Actor& actor, std::int64_t id);

// Moves the request to `new_status` (see the table above) and returns it as it is now. Who may: the staff
// of the request's salon who may sell there (sell, bound to the salon, the operator's training: the same
// people who file a request); another salon's person is refused, another dealer's does not find it.
// `reason` is required for a rejection (InputError("reason")) and kept, trimmed, for any step; at most 500
// characters. `iccid` is the blank card of the salon's stock that takes the number, required for the
// completion (InputError("iccid")) and refused for any other step. The completion is refused before the
// desired date on the salon's clock, and when the number is already in service.
PortRequestRow advance_port_request(db::Database& db, const Actor& actor, std::int64_t id,
                                    PortStatus new_status, const std::string& reason = {},
                                    const std::string& iccid = {});

}  // namespace salon::pos
