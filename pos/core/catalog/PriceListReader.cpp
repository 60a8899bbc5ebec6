// Reads a price list file (CSV, or the first sheet of an XLSX or ODS workbook) into rows of text, for
// preview_price_list (ProductCatalog.hpp). SpreadsheetReader reads the file within the import limits.
#include "db/UserError.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/Money.hpp"
#include "pos/core/common/OutsideInput.hpp"
#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/common/SpreadsheetReader.hpp"

#include <unicode/unistr.h>

#include <cmath>
#include <map>

namespace salon::pos {

namespace {

Text file_field() { return tr("Price list"); }

// The longest cell read: a name is at most 200 characters, nothing else is longer.
constexpr std::size_t kMaxCellCharacters = 1000;

SpreadsheetReader reader() {
    SpreadsheetLimits limits;
    limits.max_cell_bytes = 4 * kMaxCellCharacters;
    return SpreadsheetReader(file_field(), limits);
}

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// ---- rows to price rows ----

std::string lower(const std::string& s) {
    std::string out;
    icu::UnicodeString::fromUTF8(s).toLower().toUTF8String(out);
    return out;
}

// The column a header names, or "" for a column the price list does not use.
std::string column_key(const std::string& header) {
    std::string h = lower(trim(header));
    for (auto& c : h)
        if (c == ' ') c = '_';
    static const std::map<std::string, std::string> names{{"code", "code"},
                                                          {"код", "code"},
                                                          {"артикул", "code"},
                                                          {"name", "name"},
                                                          {"название", "name"},
                                                          {"наименование", "name"},
                                                          {"kind", "kind"},
                                                          {"вид", "kind"},
                                                          {"price", "price"},
                                                          {"цена", "price"},
                                                          {"vat", "vat"},
                                                          {"ндс", "vat"},
                                                          {"valid_from", "valid_from"},
                                                          {"действует_с", "valid_from"}};
    const auto it = names.find(h);
    return it == names.end() ? std::string() : it->second;
}

// A spreadsheet keeps a date as a day number and an amount as a binary number: both become the text a
// person would have typed, so a workbook and its CSV export give the same rows.
std::string cell_text(const SpreadsheetCell& cell, const std::string& key) {
    if (cell.kind == SpreadsheetCell::Kind::date) return cell.date->iso();
    if (cell.kind != SpreadsheetCell::Kind::number) return trim(cell.text);
    const double value = cell.number;
    if (key == "valid_from" && value >= 1 && value < 2958466)
        return CalendarDate::from_days(static_cast<std::int64_t>(std::floor(value)) - 25569).iso();
    if (key == "price") {
        const double kopecks = value * 100.0;
        if (std::fabs(kopecks - std::round(kopecks)) < 1e-6 && std::fabs(kopecks) < 9e15)
            return Money::from_kopecks(static_cast<std::int64_t>(std::llround(kopecks))).plain();
    }
    return trim(cell.text);
}

std::vector<PriceRow> price_rows(const Spreadsheet& spreadsheet) {
    const auto& sheet = spreadsheet.rows;
    auto blank = [](const SpreadsheetRow& r) { return r.blank(); };
    auto header = sheet.begin();
    while (header != sheet.end() && blank(*header)) ++header;
    if (header == sheet.end()) throw ValidationError(file_field(), tr("has no rows"));
    spreadsheet.refuse_merged_from(header->row, file_field());
    std::map<std::string, std::size_t> columns;
    for (std::size_t i = 0; i < header->cells.size(); ++i) {
        const std::string key = column_key(header->cells[i].text);
        if (key.empty()) continue;
        if (!columns.emplace(key, i).second)
            throw ValidationError(file_field(), trf("the header names the column \"{1}\" twice", {key}));
    }
    for (const char* required : {"code", "price", "valid_from"})
        if (!columns.count(required))
            throw ValidationError(
                file_field(),
                trf("row {1}: the header has no \"{2}\" column (expected: code, name, kind, price, "
                    "vat, valid_from or код, название, вид, цена, ндс, действует_с)",
                    {std::to_string(header->row), required}));
    std::vector<PriceRow> out;
    for (auto it = header + 1; it != sheet.end(); ++it) {
        if (blank(*it)) continue;
        auto get = [&](const char* key) {
            const auto c = columns.find(key);
            if (c == columns.end() || c->second >= it->cells.size()) return std::string();
            std::string text = cell_text(it->cells[c->second], key);
            // Checked here, before any parse, and refused for the whole file: a control character or a
            // cell of a megabyte is no typing slip to list beside the others.
            auto refuse = [&](const Text& why) {
                return ValidationError(file_field(), trf("row {1}, {2}: {3}", {std::to_string(it->row),
                                                                            price_column_title(key), why.str()}));
            };
            if (const auto bad = control_character(text)) throw refuse(control_character_reason(*bad));
            try {
                require_length_within(text, kMaxCellCharacters, nullptr, file_field());
            } catch (const ValidationError& e) {
                throw refuse(e.reason());
            }
            return text;
        };
        out.push_back(
            {it->row, get("code"), get("name"), get("kind"), get("price"), get("vat"), get("valid_from")});
    }
    return out;
}

}  // namespace

std::vector<PriceRow> parse_price_csv(const std::string& text) { return price_rows(reader().read_csv(text)); }

std::vector<PriceRow> read_price_list(const std::string& path) { return price_rows(reader().read_file(path)); }

}  // namespace salon::pos
