// Reads a price list file (CSV or the first sheet of an XLSX workbook) into rows of text, for
// preview_price_list (ProductCatalog.hpp). XLSX is a zip of XML parts: ZipArchive opens it within the import
// limits (OutsideInput.hpp), pugixml reads them.
#include "db/UserError.hpp"
#include "pos/core/CalendarDate.hpp"
#include "pos/core/Money.hpp"
#include "pos/core/OutsideInput.hpp"
#include "pos/core/ProductCatalog.hpp"

#include <unicode/unistr.h>
#include <pugixml.hpp>

#include <cmath>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>

namespace salon::pos {

namespace {

Text file_field() { return tr("Price list"); }

// A header row and at most kMaxImportRows rows after it; `rows` counts the header.
void require_rows_within(std::size_t rows) {
    pos::require_rows_within(rows == 0 ? 0 : rows - 1, kMaxImportRows, file_field());
}

// Columns a price list may use: its six and room for what else a spreadsheet keeps beside them. A cell
// further right is ignored, so that a row naming column XFD costs no more than any other.
constexpr int kMaxColumns = 64;

// The longest cell read: a name is at most 200 characters, nothing else is longer.
constexpr std::size_t kMaxCellCharacters = 1000;

struct Cell {
    std::string text;
    bool number = false;  // an XLSX numeric cell: a date or an amount is a number there
};

struct SheetRow {
    int row = 0;
    std::vector<Cell> cells;
};

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

bool valid_utf8(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        const int extra = c < 0x80           ? 0
                          : (c >> 5) == 0x6  ? 1
                          : (c >> 4) == 0xE  ? 2
                          : (c >> 3) == 0x1E ? 3
                                             : -1;
        if (extra < 0) return false;
        for (int k = 1; k <= extra; ++k)
            if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
        i += extra + 1;
    }
    return true;
}

// ---- CSV ----

std::vector<SheetRow> csv_rows(std::string text) {
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // Excel's "CSV UTF-8" starts with a BOM
    if (!valid_utf8(text))
        throw ValidationError(file_field(), tr("is not UTF-8 text: save it as \"CSV UTF-8\" or as XLSX"));
    // The separator is the one the header uses: Russian Excel writes ';', most other programs ','.
    std::size_t semicolons = 0, commas = 0;
    bool quoted = false;
    for (const char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n') break;
        if (c == ';') ++semicolons;
        if (c == ',') ++commas;
    }
    const char separator = semicolons > 0 && semicolons >= commas ? ';' : ',';

    std::vector<SheetRow> rows;
    SheetRow row{1, {}};
    std::string field;
    quoted = false;
    bool any = false;  // the record has a character (an empty last line is no record)
    auto end_field = [&] {
        row.cells.push_back({field, false});
        field.clear();
    };
    auto end_record = [&] {
        end_field();
        rows.push_back(row);
        require_rows_within(rows.size());
        row = SheetRow{row.row + 1, {}};
        any = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
            continue;
        }
        any = true;
        if (c == '"') {
            quoted = true;
        } else if (c == separator) {
            end_field();
        } else if (c == '\n') {
            end_record();
        } else if (c == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n') continue;
            end_record();
        } else {
            field += c;
        }
    }
    if (quoted)
        throw ValidationError(file_field(),
                              trf("row {1}: a quotation mark is not closed", {std::to_string(row.row)}));
    if (any) end_record();
    return rows;
}

// ---- XLSX ----

// Element names without a namespace prefix: most writers use the default namespace, some "x:".
std::string_view local(const pugi::xml_node& node) {
    std::string_view name = node.name();
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
    for (auto c : node.children())
        if (local(c) == name) return c;
    return {};
}

// The text of a shared or inline string: every <t> of it, runs included, phonetic hints (<rPh>) left out.
std::string string_item(const pugi::xml_node& item) {
    std::string out;
    for (auto c : item.children()) {
        if (local(c) == "t")
            out += c.text().get();
        else if (local(c) == "r")
            if (auto t = child(c, "t")) out += t.text().get();
    }
    return out;
}

pugi::xml_document parse_part(ZipArchive& zip, const std::string& name) {
    const auto data = zip.read(name);
    if (!data) throw ValidationError(file_field(), trf("the workbook has no part {1}", {name}));
    pugi::xml_document doc;
    if (!doc.load_buffer(data->data(), data->size()))
        throw ValidationError(file_field(), trf("the workbook part {1} is damaged", {name}));
    return doc;
}

// "AB12" -> 27 (0-based column).
int column_of(const std::string& ref) {
    int col = 0;
    std::size_t i = 0;
    for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) col = col * 26 + (ref[i] - 'A' + 1);
    return i == 0 ? -1 : col - 1;
}

std::vector<SheetRow> xlsx_rows(const std::string& path) {
    auto zip = std::make_unique<ZipArchive>(path, file_field());
    if (!zip->has("xl/workbook.xml"))
        throw ValidationError(file_field(), tr("is a zip archive but not an XLSX workbook (it has no xl/workbook.xml)"));

    // The first sheet is the first <sheet> of the workbook, found through the workbook's relationships.
    const auto workbook = parse_part(*zip, "xl/workbook.xml");
    const auto sheet = child(child(child(workbook, "workbook"), "sheets"), "sheet");
    if (!sheet) throw ValidationError(file_field(), tr("the workbook has no sheet"));
    std::string rel_id;
    for (auto a : sheet.attributes()) {
        const std::string_view name = a.name();
        if (name.size() > 3 && name.substr(name.size() - 3) == ":id") rel_id = a.value();
    }
    std::string target = "worksheets/sheet1.xml";
    if (zip->has("xl/_rels/workbook.xml.rels")) {
        const auto rels = parse_part(*zip, "xl/_rels/workbook.xml.rels");
        for (auto r : child(rels, "Relationships").children())
            if (local(r) == "Relationship" && rel_id == r.attribute("Id").value())
                target = r.attribute("Target").value();
    }
    const std::string sheet_path = target.rfind('/', 0) == 0 ? target.substr(1) : "xl/" + target;

    std::vector<std::string> shared;
    if (zip->has("xl/sharedStrings.xml")) {
        const auto sst = parse_part(*zip, "xl/sharedStrings.xml");
        for (auto si : child(sst, "sst").children())
            if (local(si) == "si") shared.push_back(string_item(si));
    }

    const auto doc = parse_part(*zip, sheet_path);
    std::vector<SheetRow> rows;
    int next_row = 1;
    for (auto r : child(child(doc, "worksheet"), "sheetData").children()) {
        if (local(r) != "row") continue;
        SheetRow row;
        row.row = r.attribute("r") ? r.attribute("r").as_int() : next_row;
        next_row = row.row + 1;
        int next_col = 0;
        for (auto c : r.children()) {
            if (local(c) != "c") continue;
            const int col = c.attribute("r") ? column_of(c.attribute("r").value()) : next_col;
            if (col < 0 || col > 16383) continue;
            next_col = col + 1;
            if (col >= kMaxColumns) continue;
            const std::string type = c.attribute("t").value();
            Cell cell;
            const std::string v = child(c, "v").text().get();
            if (type == "s") {
                const auto index = static_cast<std::size_t>(std::strtoul(v.c_str(), nullptr, 10));
                if (index < shared.size()) cell.text = shared[index];
            } else if (type == "inlineStr") {
                cell.text = string_item(child(c, "is"));
            } else if (type == "str" || type == "e") {
                cell.text = v;
            } else if (type == "b") {
                cell.text = v == "1" ? "TRUE" : "FALSE";
            } else {
                cell.text = v;
                cell.number = !v.empty();
            }
            if (cell.text.empty()) continue;  // styled but empty: nothing to keep
            // A shared string is kept once but copied into every cell naming it: a long one is refused
            // here, before a sheet of cells naming it copies it a hundred thousand times.
            if (cell.text.size() > 4 * kMaxCellCharacters)
                throw ValidationError(file_field(), trf("row {1}: a cell is longer than {2} characters",
                                                        {std::to_string(row.row), grouped(kMaxCellCharacters)}));
            if (row.cells.size() <= static_cast<std::size_t>(col)) row.cells.resize(col + 1);
            row.cells[col] = cell;
        }
        rows.push_back(std::move(row));
        require_rows_within(rows.size());
    }
    return rows;
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

// A spreadsheet keeps a date as days since 30.12.1899 and an amount as a binary number: both become the
// text a person would have typed, so a workbook and its CSV export give the same rows.
std::string cell_text(const Cell& cell, const std::string& key) {
    if (!cell.number) return trim(cell.text);
    char* end = nullptr;
    const double value = std::strtod(cell.text.c_str(), &end);
    if (end == cell.text.c_str() || *end != '\0') return trim(cell.text);
    if (key == "valid_from" && value >= 1 && value < 2958466)
        return CalendarDate::from_days(static_cast<std::int64_t>(std::floor(value)) - 25569).iso();
    if (key == "price") {
        const double kopecks = value * 100.0;
        if (std::fabs(kopecks - std::round(kopecks)) < 1e-6 && std::fabs(kopecks) < 9e15)
            return Money::from_kopecks(static_cast<std::int64_t>(std::llround(kopecks))).plain();
    }
    return trim(cell.text);
}

std::vector<PriceRow> price_rows(const std::vector<SheetRow>& sheet) {
    auto blank = [](const SheetRow& r) {
        for (const auto& c : r.cells)
            if (!trim(c.text).empty()) return false;
        return true;
    };
    auto header = sheet.begin();
    while (header != sheet.end() && blank(*header)) ++header;
    if (header == sheet.end()) throw ValidationError(file_field(), tr("has no rows"));
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

std::vector<PriceRow> parse_price_csv(const std::string& text) { return price_rows(csv_rows(text)); }

std::vector<PriceRow> read_price_list(const std::string& path) {
    const std::string data = read_outside_file(path, file_field());
    if (data.rfind("PK\x03\x04", 0) == 0) return price_rows(xlsx_rows(path));
    if (data.rfind("\xD0\xCF\x11\xE0", 0) == 0)
        throw ValidationError(file_field(), tr("is an old Excel (XLS) file: save it as XLSX or CSV"));
    // The content decides, but a file named as a workbook that is none is reported as what it claims to be.
    std::string extension = std::filesystem::path(path).extension().string();
    for (auto& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (extension == ".xlsx" || extension == ".xlsm")
        throw ValidationError(file_field(), tr("is not an XLSX workbook (not a zip archive)"));
    return price_rows(csv_rows(data));
}

}  // namespace salon::pos
