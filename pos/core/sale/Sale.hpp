// A sale at the desk (R-POS-1, R-POS-7..9, R-TAR-2): the operations of one visit — a new SIM with the
// registration form, a SIM replacement, a tariff change, a port-in request, a balance top-up, services,
// gadgets and accessories — put together as a draft that survives a crash, priced by the versions in force
// on the day, paid in cash, by card or both, and committed in ONE transaction with its receipt number,
// the stock and subscription changes and the requests to the operator's systems. Nothing is printed or
// sent before the commit; a crash at any moment leaves the whole sale or none of it.
#pragma once

#include "pos/core/sale/Client.hpp"
#include "pos/core/common/Money.hpp"
#include "pos/core/organisation/SupervisorApproval.hpp"

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

// corporate_tariff: a business tariff connected to a company's number at the corporate desk (its
// connection fee on the receipt); only pos/corporate's BusinessTariffOrder puts it in a sale.
enum class LineKind { sim, service, gadget, accessory, top_up, tariff_change, sim_replacement, port_in, corporate_tariff };
std::string to_string(LineKind kind);
LineKind line_kind_from_string(const std::string& text);  // throws InputError("kind")

// One operation as typed at the desk; which fields matter depends on the kind.
struct DraftLine {
    LineKind kind = LineKind::service;
    std::string product_code;    // service, gadget, accessory
    int quantity = 1;            // gadget, accessory
    std::string iccid;           // sim: the card sold; sim_replacement: the new blank card
    std::string msisdn;          // top_up, tariff_change, sim_replacement, service: the client's number;
                                 // port_in: the number brought from the donor; corporate_tariff: the company's
    std::string tariff_code;     // sim, tariff_change, port_in; corporate_tariff: a business tariff
    std::string amount;          // top_up, as typed ("500")
    std::string donor_operator;  // port_in
    std::string desired_date;    // port_in
    std::string imei;            // gadget sold by IMEI (a serial-tracked product): the unit's IMEI, scanned
};

// The sale being put together: saved after every change (save_draft) and offered back after a restart.
struct SaleDraft {
    std::int64_t visit_id = 0;
    bool with_client = false;  // the registration form below is filled (a SIM, a replacement, a port-in)
    ClientForm client;         // only the passport: a client already registered, used as recorded
    std::vector<DraftLine> lines;
    std::string paid_cash;  // as typed
    std::string paid_card;
    // The client's separate consent to offers by phone and SMS, ticked on the contract or not (152-FZ
    // art. 9); the consent to process the data the contract needs is part of every SIM's contract
    // (pos/core/sale/PersonalDataConsent.hpp).
    bool marketing_consent = false;
};

// A line as it will be sold: the price of the version in force today, the VAT it contains.
struct PricedLine {
    LineKind kind = LineKind::service;
    std::string description;
    std::int64_t product_id = 0, product_version_id = 0, tariff_id = 0, tariff_version_id = 0;
    bool is_bundle = false;
    std::int64_t sim_card_id = 0, old_sim_card_id = 0;
    std::string msisdn;  // E.164
    int quantity = 1;
    Money unit_price, amount;
    std::string vat_code;
    int vat_basis_points = 0;
    Money vat_amount;
    bool agent = false;
    std::int64_t gadget_unit_id = 0;  // gadget sold by IMEI: the unit taken from the salon's stock
    std::string imei;
    int warranty_months = 0;     // the product's warranty; 0: none stated
    std::string warranty_until;  // YYYY-MM-DD, from the salon's day of the sale
};

// The payment agent's supplier of a sale's top-ups (R-POS-10, tags 1171, 1225, 1226) as it stood when the
// sale was paid: kept with the sale, so a reprint and the registrar show the supplier of that day.
struct SaleSupplier {
    std::string name, inn, phone;
};

struct SaleQuote {
    std::vector<PricedLine> lines;
    Money total;
    Money paid_cash, paid_card, change_due;
    bool paid_enough = false;
    std::optional<SaleSupplier> supplier;  // set when a line is a top-up
};

// Prices the draft as it would be committed now and checks every line; throws InputError naming the
// line's field ("line 2: iccid") and what is wrong. Payment is checked only when `with_payment`.
SaleQuote price_sale(db::Database& db, const Actor& actor, const SaleDraft& draft, bool with_payment = false);

struct CommittedSale {
    std::int64_t sale_id = 0;
    int receipt_number = 0;
    int shift_number = 0;
    Money total, change_due;
};

// Commits the draft at `till`: the actor needs sell, the training (R-POS-3) and an open shift at the
// till. One transaction: the client's form, the sale with its lines and payment, the next receipt number
// of the shift, the cards' statuses, the subscriptions, the port-in request, the requests to the
// operator's systems, the visit's client, the audit entry ("sale.commit"); the draft is deleted in it too.
// A draft with corporate_tariff lines is served as a corporate client (R-TRN-11: a trainee is refused).
// `within`, when given, runs inside the sale's transaction just before it commits, with the new sale's id:
// the corporate desk records what the sale's lines changed for the company there, so both or neither stay.
CommittedSale commit_sale(db::Database& db, const Actor& actor, const std::string& till, const SaleDraft& draft,
                          const std::function<void(std::int64_t sale_id)>& within = {});

// Drafts: one per person and till.
void save_draft(db::Database& db, const Actor& actor, const std::string& till, const SaleDraft& draft);
std::optional<SaleDraft> load_draft(db::Database& db, const Actor& actor, const std::string& till);
void discard_draft(db::Database& db, const Actor& actor, const std::string& till);
// Removes line `index` (0-based) of the saved draft before payment: needs void_line; journaled
// ("sale.void_line", the kind of line). Returns the draft as saved.
SaleDraft void_draft_line(db::Database& db, const Actor& actor, const std::string& till, std::size_t index);

std::string draft_to_json(const SaleDraft& draft);
SaleDraft draft_from_json(const std::string& json);

// A committed sale or refund, as the receipt and the lists show it.
struct SaleRecord {
    std::int64_t id = 0;
    std::string kind;  // sale | refund
    std::int64_t refund_of = 0;
    std::int64_t dealer_id = 0, salon_id = 0, shift_id = 0, staff_id = 0, visit_id = 0, client_id = 0;
    std::string dealer_name, dealer_inn, salon_name, salon_address, time_zone, till, staff_name;
    int shift_number = 0, receipt_number = 0;
    std::int64_t created_at = 0;
    Money total, paid_cash, paid_card, change_due;
    std::int64_t approved_by = 0;
    // awaiting | fiscalised | failed, or not_required: nothing was paid (a free port-in), and 54-FZ asks a
    // fiscal receipt only for a payment, so none is queued, registered or printed (R-POS-10).
    std::string fiscal_state;
    std::optional<SaleSupplier> supplier;  // the top-ups' supplier as it was at the sale (R-POS-10)
    struct Line {
        std::int64_t id = 0;
        int line_no = 0;
        LineKind kind = LineKind::service;
        std::string description;
        std::string msisdn;
        int quantity = 1;
        Money unit_price, amount;
        std::string vat_code;
        int vat_basis_points = 0;
        Money vat_amount;
        bool agent = false;
        bool is_bundle = false;
        std::int64_t refund_of_line = 0;
        std::string imei;  // a gadget sold by IMEI (or its refund)
        int warranty_months = 0;
        std::string warranty_until;  // YYYY-MM-DD
    };
    std::vector<Line> lines;
};

SaleRecord get_sale(db::Database& db, const Actor& actor, std::int64_t sale_id);
// Whether a sale or refund of this total gets a fiscal receipt: only when money changed hands (54-FZ; a
// free port-in does not). The fiscal queue, the X and Z reports and the desk's receipt follow it.
bool needs_fiscal_receipt(Money total);
// The sales and refunds the actor sees made from `from` to before `to` (Unix seconds), newest first;
// salon_id 0: every salon the actor sees.
std::vector<SaleRecord> list_sales(db::Database& db, const Actor& actor, std::int64_t from, std::int64_t to,
                                   std::int64_t salon_id = 0, int limit = 1000);

// Refunds lines of a committed sale (all of them when `line_ids` is empty) at `till`: needs refund, the
// actor's own or a senior's through `approval`; a top-up and a tariff change are not refunded at the desk
// (the operator refunds a credited balance); a line is refunded once. A refunded SIM goes back to stock as
// "returned" and its subscription ends. The money goes back the way it came: card first up to what was
// paid by card, the rest in cash. One transaction with its own receipt number in the current shift.
// `reason`, when given (the desk's window always asks for it), is the client's reason in at least 3
// characters (InputError "reason" otherwise) and is journaled with the refund.
CommittedSale refund_sale(db::Database& db, const Actor& actor, const std::string& till, std::int64_t sale_id,
                          const std::vector<std::int64_t>& line_ids,
                          const std::optional<SupervisorApproval>& approval = std::nullopt,
                          const std::optional<std::string>& reason = std::nullopt);

// Whether a line of this kind is refunded at the desk: a top-up, a tariff change and a port-in are not
// (the operator handles them).
bool refundable_at_desk(LineKind kind);
// The lines of a sale the actor sees that a refund already covers (each line is refunded once).
std::vector<std::int64_t> refunded_line_ids(db::Database& db, const Actor& actor, std::int64_t sale_id);

// Sends the requests the committed sales left for the operator's systems. The sandbox gateway (the only
// one until the operator's interface is connected) credits top-ups to its own balances table and accepts
// everything else; it is shown as a test mode wherever its replies appear. Returns how many were sent.
int deliver_gateway_requests(db::Database& db, int limit = 100);
// The sandbox's balance of a number (kopecks), 0 when never topped up.
Money sandbox_balance(db::Database& db, const std::string& msisdn);

}  // namespace salon::pos
