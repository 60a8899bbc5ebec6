// Serialised SIM stock: a salon receives cards by ICCID (each with its number, or none for a blank
// replacement card), moves them between the dealer's salons, marks them defective, and the sale takes them
// out of stock. Every change of a card's place or status writes a sim_movement row.
#pragma once

#include "db/Text.hpp"
#include "pos/core/common/FormInput.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

// A card's statuses (sim_card.status): in stock, sold to a client, retired by a replacement (R-POS-8),
// brought back by a client, or broken. A number is "live" on a card in_stock, sold or returned.
inline constexpr const char* kSimInStock = "in_stock";
inline constexpr const char* kSimSold = "sold";
inline constexpr const char* kSimReplaced = "replaced";
inline constexpr const char* kSimReturned = "returned";
inline constexpr const char* kSimDefective = "defective";

struct SimCard {
    std::int64_t id = 0;
    std::string iccid;
    std::string msisdn;  // E.164 "+7XXXXXXXXXX" (Msisdn::str()), or empty for a blank card
    std::string format;  // triple, nano, esim
    std::int64_t salon_id = 0;
    std::string salon_name;
    std::string status;
    std::int64_t received_at = 0;  // Unix seconds, UTC
    std::int64_t updated_at = 0;
};

// One card as typed, scanned or read from a file line; nothing is validated yet.
struct SimIntake {
    std::string iccid;
    std::string msisdn;  // empty: a blank card
    std::string format;  // triple, nano or esim (case and surrounding spaces ignored)
    int line = 0;        // the file's line it came from; 0: its position in the batch
};

// What is wrong with one row of a batch. `row` is the file's line, or the 1-based position in the batch.
struct IntakeProblem {
    int row = 0;
    std::string input;    // which value: "iccid", "msisdn" or "format"
    std::string value;    // the value as given
    std::string message;  // "ICCID: wrong check digit", in the current language
};

// A refused batch: nothing was saved. The message names the first problems; `problems` has them all.
class SimIntakeError : public InputError {
public:
    SimIntakeError(Text field, Text reason, std::vector<IntakeProblem> problems)
        : InputError("sims", std::move(field), std::move(reason)), problems_(std::move(problems)) {}
    const std::vector<IntakeProblem>& problems() const { return problems_; }

private:
    std::vector<IntakeProblem> problems_;
};

// The problems of every row (bad ICCID or its check digit, bad number, unknown format, an ICCID or number
// twice in the batch, an ICCID already in the stock records, a number live on another card) without
// writing anything. Empty: the batch can be received. Refused like receive_sims when the actor may not
// handle the salon's stock.
// How far a long batch has got, told every thousand rows or so: the rows done and the rows in all
// (receive_sims counts each row twice, checked and then saved). Returning false stops the batch: nothing is
// saved, and RefusedError says so.
using IntakeProgress = std::function<bool(std::size_t done, std::size_t total)>;

std::vector<IntakeProblem> check_intake(db::Database& db, const Actor& actor, std::int64_t salon_id,
                                        const std::vector<SimIntake>& rows,
                                        const IntakeProgress& progress = {});

// Receives the batch into the salon's stock as in_stock: all of it or nothing (SimIntakeError when any row
// is wrong). One transaction with a movement per card and one audit entry ("sim.receive"). Who may: the
// salon's own staff with `sell`; the dealer's manager (manage_staff) for any of his dealer's salons; head
// office (administer_database) for any salon. Another dealer's salon is not found (ValidationError), a closed
// one refused. Returns the number of cards received.
int receive_sims(db::Database& db, const Actor& actor, std::int64_t salon_id,
                 const std::vector<SimIntake>& rows, const IntakeProgress& progress = {});

// `count` consecutive cards from `first_iccid` (valid, check digit included): the digits before the check
// digit are counted up and each check digit recomputed; numbers count up from `first_msisdn` (empty: blank
// cards). InputError("iccid" / "msisdn" / "count") for a bad start, a count outside 1..100000, or a range
// that runs past the last ICCID or number of its length.
std::vector<SimIntake> sim_range(const std::string& first_iccid, int count, const std::string& first_msisdn,
                                 const std::string& format);

// Reads "iccid;msisdn;format" lines (";" or ","; a header line and "#" comments skipped; the number and the
// format may be empty or left out). Each row keeps its line number for the problems. InputError("file")
// naming the line for a line that cannot be read (too many fields, no ICCID, an ICCID a spreadsheet turned
// into "8.97E+18"), or when the file cannot be opened. The values themselves are checked by check_intake.
std::vector<SimIntake> read_sim_file(const std::string& path);

// Moves in_stock and returned cards to another salon of the same dealer (head office: any salon), all or
// nothing, with a movement per card and one audit entry ("sim.move"). The actor must handle the stock of
// every card's salon (see receive_sims) and see the destination. `reason` is required.
void move_sims(db::Database& db, const Actor& actor, const std::vector<std::string>& iccids,
               std::int64_t to_salon_id, const std::string& reason);

// Marks in_stock or returned cards defective (their numbers, if any, are then free), all or nothing, each
// with a movement and an audit entry ("sim.defective"); a card that cannot be is refused by its ICCID. Who
// may: as for receive_sims, for each card's salon. `reason` is required.
void mark_defective(db::Database& db, const Actor& actor, const std::vector<std::string>& iccids,
                    const std::string& reason);
void mark_defective(db::Database& db, const Actor& actor, const std::string& iccid,
                    const std::string& reason);

// The card by ICCID (spaces and hyphens ignored), or the card a number is live on, written any common
// Russian way (8 912..., +7 912..., 912...). Empty when there is none, or it is another dealer's and the
// actor is not head office. InputError("query") when the query is neither.
std::optional<SimCard> find_sim(db::Database& db, const Actor& actor, const std::string& query);

// A salon's cards the actor sees (ValidationError for another dealer's salon), of one status or all
// (empty), in the order received, at most `limit` (1..100000).
std::vector<SimCard> list_stock(db::Database& db, const Actor& actor, std::int64_t salon_id,
                                const std::string& status, int limit = 1000);

// For the sale, inside its transaction (no transaction, permission check or audit entry of its own): the
// card when it is in_stock or returned in that salon, locked for the transaction on PostgreSQL. Otherwise
// InputError("iccid"): no such card, in another salon's stock (named when the same dealer's), already sold,
// replaced, or defective.
SimCard take_sim_for_sale(db::Database& db, std::int64_t salon_id, const std::string& iccid);
// Announces take_sim_for_sale's read of the card (its ICCID's digits) to a write transaction
// (db::Database::read_ahead): a sale reads its cards with its other reads in one round trip on PostgreSQL.
void announce_sim_for_sale(db::Database& db, const std::string& iccid_digits);

// For the sale and the replacement, inside their transaction: sets the card's status (and its number, when
// `msisdn` is not empty) and writes the movement. `staff_id` 0: the command line. InputError("status") for
// an unknown status, InputError("msisdn") for a bad number or one live on another card.
void set_sim_status(db::Database& db, std::int64_t sim_card_id, const std::string& status,
                    std::int64_t staff_id, const std::string& reason, const std::string& msisdn);
// The same for a card the caller read in this transaction (take_sim_for_sale's), without reading it again.
void set_sim_status(db::Database& db, const SimCard& card, const std::string& status, std::int64_t staff_id,
                    const std::string& reason, const std::string& msisdn);

// The ICCID whose digits before the check digit are `body` (18 or 19 digits), with its Luhn digit added.
std::string iccid_with_check_digit(const std::string& body);

// A status for people ("in stock", "sold"...) in the current language; an unknown code as it is.
std::string sim_status_title(const std::string& status);
// A card's format as people call it ("nano" is "нано" in Russian): receipts and the stock page.
Text sim_format_title(const std::string& format);

}  // namespace salon::pos
