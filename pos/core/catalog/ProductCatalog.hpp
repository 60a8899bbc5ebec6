// What the desk sells besides tariffs (options and services, gadgets, accessories, the SIM card itself):
// products with dated price versions and the VAT they carry (R-TAR-2: a sale is priced by the version in
// force on its date; a price change never alters a past sale), and the price list a head office imports.
#pragma once

#include "pos/core/common/CalendarDate.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

struct Product {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    std::string kind;  // service | gadget | accessory | sim
    bool active = true;
};

// A product as a sale on a date prices it: the version in force and the VAT rate in force that day.
struct PriceInForce {
    std::int64_t product_id = 0;
    std::int64_t version_id = 0;
    std::string code;
    std::string name;
    std::string kind;
    std::int64_t price = 0;  // kopecks, VAT included
    std::string vat_code;
    int vat_basis_points = 0;  // 2200 = 22%
    std::string valid_from;    // the version's dates, YYYY-MM-DD; valid_to empty: open-ended
    std::string valid_to;
};

// The kinds a product may be; throws InputError("kind") for anything else.
const std::vector<std::string>& product_kinds();
std::string validate_product_kind(const std::string& kind);

// The version in force on `on`. Throws InputError("product") when the product is unknown, withdrawn from
// sale, or has no version in force that day ("... is on sale from 01.12.2026", "the price of ... ended on
// 30.09.2026"), or ValidationError when its VAT code has no rate in force that day.
PriceInForce price_in_force(db::Database& db, std::int64_t product_id, const CalendarDate& on);
PriceInForce price_in_force(db::Database& db, const std::string& code, const CalendarDate& on);

// Every active product with a version in force on `on`, of one kind (empty: all), by kind then name.
std::vector<PriceInForce> products_on_sale(db::Database& db, const CalendarDate& on, const std::string& kind);
// Announces products_on_sale's read to a write transaction (db::Database::read_ahead; see Sale.cpp).
void announce_products_on_sale(db::Database& db, const CalendarDate& on, const std::string& kind);

struct VatRate {
    std::string code;
    int basis_points = 0;
    std::string valid_from, valid_to;  // valid_to empty: open-ended
};
// The rate of `vat_code` in force on `on`; throws InputError("vat") when there is none.
int vat_basis_points(db::Database& db, const std::string& vat_code, const CalendarDate& on);
// Every VAT rate in force on `on`, by code.
std::vector<VatRate> vat_rates_in_force(db::Database& db, const CalendarDate& on);
// The VAT contained in a VAT-inclusive amount: amount × bp / (10000 + bp), rounded half away from zero
// to the kopeck (12 200,00 at 22% contains 2 200,00).
std::int64_t vat_included(std::int64_t amount, int basis_points);
// "22%", "12.5%".
std::string vat_percent(int basis_points);

// Head office edits the catalog (Permission::administer_database); each call is one transaction with
// its audit entry. A price starts no earlier than today (UTC, by the database clock) and after the start
// of the product's latest version, which it closes on that date: a version a past sale used never changes.
// Inputs named by InputError: code, name, kind, price, vat, valid_from.
std::int64_t add_product(db::Database& db, const Actor& actor, const std::string& code,
                         const std::string& name, const std::string& kind, const CalendarDate& valid_from,
                         std::int64_t price, const std::string& vat_code);
// `vat_code` empty keeps the latest version's.
void set_price(db::Database& db, const Actor& actor, const std::string& code, const CalendarDate& valid_from,
               std::int64_t price, const std::string& vat_code);
// Takes the product off sale from `from` (today or later): its open version ends that day.
void end_sale(db::Database& db, const Actor& actor, const std::string& code, const CalendarDate& from);
// A withdrawn product (active false) is refused by price_in_force whatever its versions say.
void set_product_active(db::Database& db, const Actor& actor, const std::string& code, bool active);

// Every product, active or not, by code.
std::vector<Product> list_products(db::Database& db);

// A price list: one row of the file as written, before any check. `row` is the file's row number
// (the header is row 1), as a spreadsheet shows it.
struct PriceRow {
    int row = 0;
    std::string code, name, kind, price, vat_code, valid_from;
    bool operator==(const PriceRow&) const = default;
};

// What is wrong with a row: `column` is code, name, kind, price, vat or valid_from; the message is in the
// language the program speaks.
struct PriceRowProblem {
    int row = 0;
    std::string column;
    std::string message;
};
// A problem's column as people call it: "Product code", "Price"... (the column's own name if unknown).
std::string price_column_title(const std::string& column);

enum class PriceRowAction { new_product, new_price, unchanged };

// What applying a row will do: add the product, add a price version, or nothing (the price is in force).
struct PriceRowPlan {
    int row = 0;
    PriceRowAction action = PriceRowAction::unchanged;
    std::string code, name, kind;
    std::int64_t price = 0;
    std::string vat_code;
    std::string valid_from;            // YYYY-MM-DD
    std::int64_t previous_price = -1;  // a new price: the price in force before it; -1: none
};

struct PriceImportPreview {
    std::vector<PriceRowPlan> rows;  // rows without a problem
    std::vector<PriceRowProblem> problems;
    bool ok() const { return problems.empty(); }
};

// Reads a price list: CSV (UTF-8, ';' or ',' separated, a header row) or XLSX (the first sheet), chosen
// by the file's content. Header names in any order: code, name, kind, price, vat, valid_from, or код,
// название, вид, цена, ндс, действует_с; other columns are ignored. Blank rows are skipped. Throws
// ValidationError when the file cannot be read or lacks the code, price or valid_from column.
std::vector<PriceRow> read_price_list(const std::string& path);
// The same from text already read (CSV only).
std::vector<PriceRow> parse_price_csv(const std::string& text);

// Checks every row against the catalog and says what applying it would do. A row for a new product needs
// name and kind; vat empty means standard; an existing product's name in the file is not applied.
PriceImportPreview preview_price_list(db::Database& db, const Actor& actor,
                                      const std::vector<PriceRow>& rows);
// Applies the whole list in one transaction, or nothing: throws ValidationError naming the first problem
// when any row has one. Returns what was applied.
PriceImportPreview apply_price_list(db::Database& db, const Actor& actor, const std::vector<PriceRow>& rows);

// The demo catalog (services, gadgets, accessories, the SIM card), priced from 2026-01-01 at the standard
// VAT rate. Adds only the products whose code is not in the catalog yet, so it may run again.
void seed_demo_products(db::Database& db);

}  // namespace salon::pos
