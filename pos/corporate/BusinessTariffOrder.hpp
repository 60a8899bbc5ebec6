// Business tariffs at the corporate desk: a business tariff (Альфа, Бета, Гамма, Вега, Теле2 бизнес)
// connected to one of a company's numbers or to many at once, a new number put under its contract the same
// way, and a change of tariff for its numbers. The order is a sale with corporate_tariff lines, so the
// connection fee (Альфа: 750 ₽ per number, R-TAR-3) is on the sale's own receipt, and the company's
// numbers change in the sale's transaction. Who may order it is checked there (R-CORP-6); a trainee does
// not serve companies (R-TRN-11).
#pragma once

#include "pos/core/sale/Sale.hpp"
#include "pos/corporate/CorporateAuthority.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

struct BusinessTariffOrder {
    std::int64_t client_id = 0;
    std::vector<std::string> msisdns;  // as typed; a number not yet the company's is put under its contract
    std::string tariff;                // a business tariff: code ("alfa") or name ("Альфа")
    CompanyRepresentative representative;
    bool changes_only = false;  // a tariff change: every number must already be the company's
    std::string paid_cash;      // as typed, for the connection fees
    std::string paid_card;
    std::int64_t visit_id = 0;  // the corporate visit it is made at, if any
};

struct BusinessTariffResult {
    CommittedSale sale;  // the receipt (receipt_for_sale) lists one line per number with its fee
    int connected = 0;   // numbers put under the contract with the tariff
    int changed = 0;     // the company's numbers moved to the tariff
};

// Commits the order at `till` (the specialist's open shift, as any sale): numbers are read first
// (InputError "msisdn" naming the number; at most kMaxOrderNumbers), then one transaction — the sale with
// a line per number, the company's numbers added or moved to the tariff, the journal entry
// ("corporate.tariff.connect"). Refused, with nothing saved: a representative without the right
// (R-CORP-6: an employee without a power of attorney changes no tariff; a new number needs the head's), a
// number that is another company's or blocked, or already on the tariff.
BusinessTariffResult connect_business_tariff(db::Database& db, const Actor& actor, const std::string& till,
                                             const BusinessTariffOrder& order);

inline constexpr std::size_t kMaxOrderNumbers = 200;

}  // namespace salon::pos
