// Serialised gadget stock: phones, modems and routers (catalog products marked serial_tracked) received into
// a salon unit by unit with their IMEI (and a dual-SIM phone's second IMEI) under a delivery reference, sold
// by scanning the IMEI, brought back by a refund, written off by a stocktake. Every change of a unit's place
// or status writes a gadget_movement row, as SimStock does for cards.
#pragma once

#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;
struct Salon;

// A unit's statuses (gadget_unit.status). In stock and returned units are on hand and may be sold.
inline constexpr const char* kGadgetInStock = "in_stock";
inline constexpr const char* kGadgetSold = "sold";
inline constexpr const char* kGadgetReturned = "returned";
inline constexpr const char* kGadgetWrittenOff = "written_off";

struct GadgetUnit {
    std::int64_t id = 0;
    std::int64_t product_id = 0;
    std::string product_code;
    std::string product_name;
    int warranty_months = 0;
    std::string imei;
    std::string imei2;  // empty: a device with one IMEI
    std::int64_t salon_id = 0;
    std::string salon_name;
    std::int64_t dealer_id = 0;
    std::string status;
    std::string delivery_ref;
    std::int64_t received_at = 0;  // Unix seconds, UTC
    std::int64_t updated_at = 0;
};

// One unit as scanned or typed; nothing is validated yet.
struct GadgetIntake {
    std::string product_code;
    std::string imei;
    std::string imei2;  // optional
};

// How a product is sold: unit by unit by IMEI or by quantity, and the warranty its receipt line states.
struct GadgetTerms {
    bool serial_tracked = false;
    int warranty_months = 0;
};
GadgetTerms gadget_terms(db::Database& db, std::int64_t product_id);

// Head office (administer_database) marks a gadget product as sold by IMEI (or not) and sets its warranty
// (0..120 months). One transaction with its audit entry ("catalog.gadget_terms"). InputError("product") for
// an unknown code or a product that is not a gadget, InputError("warranty_months") outside 0..120.
void set_gadget_terms(db::Database& db, const Actor& actor, const std::string& product_code, bool serial_tracked,
                      int warranty_months);

// Who handles a salon's stock (SIM cards and gadgets alike): the salon's own staff with `sell`, the dealer's
// manager (manage_staff) for his dealer's salons, head office (administer_database). Another dealer's salon is
// not found (InputError "salon"), as elsewhere. Returns the salon.
Salon require_salon_stock_access(db::Database& db, const Actor& actor, std::int64_t salon_id);

// Receives the units into the salon as in_stock under the delivery reference (a waybill number), all or
// nothing: each product must be a serial-tracked gadget on the catalog, each IMEI (and second IMEI) valid with
// its check digit and new to the records and to the batch. InputError names the unit and field ("unit 2:
// IMEI"). One transaction with a movement per unit and one audit entry ("gadget.receive"). Returns the count.
int receive_gadgets(db::Database& db, const Actor& actor, std::int64_t salon_id, const std::string& delivery_ref,
                    const std::vector<GadgetIntake>& units);

// The unit with this IMEI (first or second; spaces and hyphens ignored), if the actor sees its dealer.
// InputError("imei") for a malformed IMEI.
std::optional<GadgetUnit> find_gadget(db::Database& db, const Actor& actor, const std::string& imei);

// A salon's units (ValidationError for another dealer's salon) of one status or all (empty), in the order
// received, at most `limit` (1..100000).
std::vector<GadgetUnit> list_gadgets(db::Database& db, const Actor& actor, std::int64_t salon_id,
                                     const std::string& status, int limit = 1000);

// For the sale, inside its transaction: the unit with this IMEI when it is a unit of `product_id` on hand in
// that salon, locked for the transaction on PostgreSQL. Otherwise InputError("imei") saying why: no such
// unit, another product, another salon (named when the same dealer's), already sold, written off.
GadgetUnit take_gadget_for_sale(db::Database& db, std::int64_t salon_id, std::int64_t product_id,
                                const std::string& imei);

// Inside the caller's transaction: sets the unit's status and place and writes the movement (`staff_id` 0:
// the command line).
void set_gadget_status(db::Database& db, const GadgetUnit& unit, const std::string& status,
                       std::int64_t to_salon_id, std::int64_t staff_id, const std::string& reason);
// The unit by id, inside the caller's transaction (locked on PostgreSQL); nullopt when there is none.
std::optional<GadgetUnit> gadget_by_id(db::Database& db, std::int64_t unit_id);

// The last day of a warranty of `months` from the day of the sale: the same day `months` later (the month's
// last day when it has no such day: 31.01 + 1 month is 28.02 or 29.02).
CalendarDate warranty_end(const CalendarDate& sold_on, int months);
// "Warranty 12 mo. until 05.12.2027" in the language the program speaks; empty for 0 months.
std::string warranty_text(int months, const std::string& until_iso);

// A status for people ("in stock", "written off") in the current language; an unknown code as it is.
std::string gadget_status_title(const std::string& status);

}  // namespace salon::pos
