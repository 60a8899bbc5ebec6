// liborcus does the reading; this file gives it a sink that keeps only the first sheet's cells, typed, with
// the caps checked as the cells come, and decides what a file is before any parser sees it.
#include "pos/core/common/SpreadsheetReader.hpp"

#include "db/UserError.hpp"

#include <orcus/csv_parser.hpp>
#include <orcus/exception.hpp>
#include <orcus/orcus_ods.hpp>
#include <orcus/orcus_xlsx.hpp>
#include <orcus/spreadsheet/factory.hpp>
#include <orcus/spreadsheet/import_interface.hpp>
#include <orcus/spreadsheet/styles.hpp>
#include <orcus/string_pool.hpp>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <unordered_map>

namespace salon::pos {

namespace ss = orcus::spreadsheet;

const SpreadsheetCell& SpreadsheetRow::at(std::size_t column) const {
    static const SpreadsheetCell none;
    return column < cells.size() ? cells[column] : none;
}

bool SpreadsheetRow::blank() const {
    for (const auto& c : cells)
        if (c.text.find_first_not_of(" \t\r\n") != std::string::npos) return false;
    return true;
}

std::string column_letter(std::size_t column) {
    std::string out;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) out.insert(out.begin(), char('A' + (n - 1) % 26));
    return out;
}

void Spreadsheet::refuse_merged_from(int from_row, const Text& field) const {
    for (const auto& m : merged) {
        if (m.first_row == 0)
            throw ValidationError(field, tr("has merged cells: unmerge them, each row must hold its own values"));
        if (m.last_row < from_row) continue;
        const std::string rows = m.first_row == m.last_row
                                     ? std::to_string(m.first_row)
                                     : std::to_string(m.first_row) + "–" + std::to_string(m.last_row);
        const std::string columns = m.first_column == m.last_column
                                        ? column_letter(m.first_column)
                                        : column_letter(m.first_column) + "–" + column_letter(m.last_column);
        throw ValidationError(field, trf("rows {1}, columns {2} are merged cells: unmerge them, each row must "
                                         "hold its own values",
                                         {rows, columns}));
    }
}

namespace {

// The shortest decimal text that reads back as the same number: 79161234567, not 7.9161234567e+10.
std::string number_text(double v) {
    if (std::isfinite(v) && std::fabs(v) < 1e15 && v == std::floor(v)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f", v);
        return buf;
    }
    char buf[40];
    for (int precision = 15; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    return buf;
}

std::optional<CalendarDate> civil_date(int year, int month, int day) {
    const std::chrono::year_month_day ymd{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                                          std::chrono::day(static_cast<unsigned>(day))};
    if (!ymd.ok()) return std::nullopt;
    return CalendarDate::from_days(std::chrono::sys_days(ymd).time_since_epoch().count());
}

// Excel's built-in number formats that show a date (ECMA-376 18.8.30).
bool builtin_date_format(std::size_t id) {
    return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

// A format code that shows a day or a year ("dd.mm.yyyy", "[$-419]d mmmm yyyy"); text in quotes, escaped
// characters and [bracketed] parts (colours, locales, elapsed hours) say nothing about it.
bool date_format_code(std::string_view code) {
    bool quoted = false;
    int bracket = 0;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (quoted) {
            quoted = c != '"';
            continue;
        }
        if (c == '"') quoted = true;
        else if (c == '\\') ++i;
        else if (c == '[') ++bracket;
        else if (c == ']' && bracket > 0) --bracket;
        else if (bracket == 0 && (c == 'd' || c == 'D' || c == 'y' || c == 'Y')) return true;
    }
    return false;
}

// The cells of one sheet as liborcus hands them over. Only the first sheet keeps anything; the others are
// read by liborcus and dropped here.
class SheetSink : public ss::iface::import_sheet, public ss::iface::import_sheet_properties, public ss::iface::import_formula {
public:
    struct Shared {
        Text field;
        SpreadsheetLimits limits;
        std::vector<std::string> strings;
        std::unordered_map<std::string, std::size_t> string_index;
        int origin_year = 1899, origin_month = 12, origin_day = 30;  // day 0 of the 1900 date system
    };

    SheetSink(Shared& shared, bool keep) : shared_(shared), keep_(keep) {}

    std::map<int, std::vector<SpreadsheetCell>> rows;            // by 0-based row
    std::map<std::pair<int, int>, std::size_t> formats;           // a numeric cell's style (XLSX)
    std::vector<MergedCells> merged;

    // ---- import_sheet
    ss::iface::import_sheet_properties* get_sheet_properties() override { return this; }
    ss::iface::import_formula* get_formula() override { return this; }

    void set_auto(ss::row_t row, ss::col_t col, std::string_view s) override { put_text(row, col, s); }
    void set_string(ss::row_t row, ss::col_t col, ss::string_id_t sindex) override {
        if (sindex < shared_.strings.size()) put_text(row, col, shared_.strings[sindex]);
    }
    void set_value(ss::row_t row, ss::col_t col, double value) override {
        if (auto* cell = slot(row, col)) {
            cell->kind = SpreadsheetCell::Kind::number;
            cell->number = value;
            cell->text = number_text(value);
        }
    }
    void set_bool(ss::row_t row, ss::col_t col, bool value) override {
        if (auto* cell = slot(row, col)) {
            cell->kind = SpreadsheetCell::Kind::boolean;
            cell->text = value ? "TRUE" : "FALSE";
        }
    }
    void set_date_time(ss::row_t row, ss::col_t col, int year, int month, int day, int, int, double) override {
        auto* cell = slot(row, col);
        if (!cell) return;
        if (const auto date = civil_date(year, month, day)) {
            cell->kind = SpreadsheetCell::Kind::date;
            cell->date = date;
            cell->text = date->iso();
            if (const auto origin = civil_date(shared_.origin_year, shared_.origin_month, shared_.origin_day))
                cell->number = static_cast<double>(date->days_since_epoch() - origin->days_since_epoch());
        } else {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
            cell->kind = SpreadsheetCell::Kind::text;
            cell->text = buf;
        }
    }
    void set_format(ss::row_t row, ss::col_t col, std::size_t xf_index) override {
        if (keep_ && xf_index != 0 && in_bounds(row, col)) formats[{row, col}] = xf_index;
    }
    void set_format(ss::row_t, ss::col_t, ss::row_t, ss::col_t, std::size_t) override {}
    void fill_down_cells(ss::row_t src_row, ss::col_t src_col, ss::row_t range_size) override {
        if (!keep_ || !in_bounds(src_row, src_col)) return;
        const auto source = rows.find(src_row);
        if (source == rows.end() || static_cast<std::size_t>(src_col) >= source->second.size()) return;
        const SpreadsheetCell cell = source->second[src_col];
        for (ss::row_t r = 1; r <= range_size; ++r)
            if (auto* target = slot(src_row + r, src_col)) *target = cell;
    }
    ss::range_size_t get_sheet_size() const override { return {1048576, 16384}; }

    // ---- import_sheet_properties
    void set_column_width(ss::col_t, double, orcus::length_unit_t) override {}
    void set_column_hidden(ss::col_t, bool) override {}
    void set_row_height(ss::row_t, double, orcus::length_unit_t) override {}
    void set_row_hidden(ss::row_t, bool) override {}
    void set_merge_cell_range(const ss::range_t& range) override {
        if (keep_ && merged.size() < 10'000)
            merged.push_back({range.first.row + 1, range.last.row + 1, range.first.column, range.last.column});
    }

    // ---- import_formula: the result the spreadsheet saved is the cell's value
    void set_position(ss::row_t row, ss::col_t col) override {
        formula_row_ = row;
        formula_col_ = col;
    }
    void set_formula(ss::formula_grammar_t, std::string_view) override {}
    void set_shared_formula_index(std::size_t) override {}
    void set_result_string(std::string_view value) override { put_text(formula_row_, formula_col_, value); }
    void set_result_value(double value) override { set_value(formula_row_, formula_col_, value); }
    void set_result_bool(bool value) override { set_bool(formula_row_, formula_col_, value); }
    void set_result_empty() override {}
    void commit() override {}

private:
    bool in_bounds(ss::row_t row, ss::col_t col) const {
        return row >= 0 && col >= 0 && static_cast<std::size_t>(col) < shared_.limits.max_columns;
    }

    SpreadsheetCell* slot(ss::row_t row, ss::col_t col) {
        if (!keep_ || !in_bounds(row, col)) return nullptr;
        auto it = rows.find(row);
        if (it == rows.end()) {
            // A header row and at most max_rows after it, counted as they come: a long file stops here.
            require_rows_within(rows.size(), shared_.limits.max_rows, shared_.field);
            it = rows.emplace(row, std::vector<SpreadsheetCell>{}).first;
        }
        if (it->second.size() <= static_cast<std::size_t>(col)) it->second.resize(col + 1);
        return &it->second[col];
    }

    void put_text(ss::row_t row, ss::col_t col, std::string_view s) {
        if (!keep_ || !in_bounds(row, col)) return;
        // A shared string is kept once but copied into every cell naming it: a long one is refused before
        // a sheet of cells naming it copies it a hundred thousand times.
        if (s.size() > shared_.limits.max_cell_bytes)
            throw ValidationError(shared_.field, trf("row {1}: a cell is longer than {2} characters",
                                                     {std::to_string(row + 1), grouped(shared_.limits.max_cell_bytes)}));
        if (s.empty()) return;
        auto* cell = slot(row, col);
        cell->kind = SpreadsheetCell::Kind::text;
        cell->text.assign(s);
    }

    Shared& shared_;
    bool keep_;
    ss::row_t formula_row_ = -1;
    ss::col_t formula_col_ = -1;
};

class SharedStrings : public ss::iface::import_shared_strings {
public:
    explicit SharedStrings(SheetSink::Shared& shared) : shared_(shared) {}

    std::size_t append(std::string_view s) override {
        shared_.strings.emplace_back(capped(s));
        return shared_.strings.size() - 1;
    }
    std::size_t add(std::string_view s) override {
        std::string text = capped(s);
        const auto it = shared_.string_index.find(text);
        if (it != shared_.string_index.end()) return it->second;
        shared_.strings.push_back(text);
        shared_.string_index.emplace(std::move(text), shared_.strings.size() - 1);
        return shared_.strings.size() - 1;
    }
    void set_segment_font(std::size_t) override {}
    void set_segment_bold(bool) override {}
    void set_segment_italic(bool) override {}
    void set_segment_font_name(std::string_view) override {}
    void set_segment_font_size(double) override {}
    void set_segment_font_color(ss::color_elem_t, ss::color_elem_t, ss::color_elem_t, ss::color_elem_t) override {}
    void append_segment(std::string_view s) override {
        if (segments_.size() <= shared_.limits.max_cell_bytes) segments_.append(s);
    }
    std::size_t commit_segments() override {
        const std::size_t index = append(segments_);
        segments_.clear();
        return index;
    }

private:
    // A string over the cell limit is kept one byte over it: enough for the cell that names it to be
    // refused with its row, never a megabyte per copy.
    std::string capped(std::string_view s) const {
        return std::string(s.substr(0, std::min(s.size(), shared_.limits.max_cell_bytes + 1)));
    }

    SheetSink::Shared& shared_;
    std::string segments_;
};

class GlobalSettings : public ss::iface::import_global_settings {
public:
    explicit GlobalSettings(SheetSink::Shared& shared) : shared_(shared) {}
    void set_origin_date(int year, int month, int day) override {
        shared_.origin_year = year;
        shared_.origin_month = month;
        shared_.origin_day = day;
    }
    void set_default_formula_grammar(ss::formula_grammar_t grammar) override { grammar_ = grammar; }
    ss::formula_grammar_t get_default_formula_grammar() const override { return grammar_; }
    void set_character_set(orcus::character_set_t) override {}

private:
    SheetSink::Shared& shared_;
    ss::formula_grammar_t grammar_ = ss::formula_grammar_t::unknown;
};

// Cell references as XLSX writes them ("B7", "$B$7", "A1:C2"): where a cell, a merge or a formula is.
class A1References : public ss::iface::import_reference_resolver {
public:
    ss::src_address_t resolve_address(std::string_view address) override {
        ss::src_address_t out{0, 0, 0};
        std::size_t i = address.find('!');
        i = i == std::string_view::npos ? 0 : i + 1;
        if (i < address.size() && address[i] == '$') ++i;
        long column = 0;
        const std::size_t letters = i;
        for (; i < address.size() && std::isalpha(static_cast<unsigned char>(address[i])); ++i) {
            column = column * 26 + (std::toupper(static_cast<unsigned char>(address[i])) - 'A' + 1);
            if (column > 16384) throw orcus::invalid_arg_error("column out of range");
        }
        if (i < address.size() && address[i] == '$') ++i;
        long row = 0;
        const std::size_t digits = i;
        for (; i < address.size() && std::isdigit(static_cast<unsigned char>(address[i])); ++i) {
            row = row * 10 + (address[i] - '0');
            if (row > 1048576) throw orcus::invalid_arg_error("row out of range");
        }
        if (i == letters || i == digits || i != address.size() || column == 0 || row == 0)
            throw orcus::invalid_arg_error("not a cell reference");
        out.row = static_cast<ss::row_t>(row - 1);
        out.column = static_cast<ss::col_t>(column - 1);
        return out;
    }
    ss::src_range_t resolve_range(std::string_view range) override {
        const auto colon = range.find(':');
        if (colon == std::string_view::npos) {
            const auto one = resolve_address(range);
            return {one, one};
        }
        return {resolve_address(range.substr(0, colon)), resolve_address(range.substr(colon + 1))};
    }
};

class WorkbookSink : public ss::iface::import_factory {
public:
    WorkbookSink(Text field, const SpreadsheetLimits& limits)
        : shared_{std::move(field), limits, {}, {}}, strings_(shared_), settings_(shared_),
          style_import_(styles_, pool_) {}

    ss::iface::import_global_settings* get_global_settings() override { return &settings_; }
    ss::iface::import_shared_strings* get_shared_strings() override { return &strings_; }
    ss::iface::import_styles* get_styles() override { return &style_import_; }
    ss::iface::import_reference_resolver* get_reference_resolver(ss::formula_ref_context_t) override {
        return &references_;
    }
    ss::iface::import_sheet* append_sheet(ss::sheet_t, std::string_view name) override {
        sheets_.push_back(std::make_unique<SheetSink>(shared_, sheets_.empty()));
        names_.emplace_back(name);
        return sheets_.back().get();
    }
    ss::iface::import_sheet* get_sheet(std::string_view name) override {
        for (std::size_t i = 0; i < names_.size(); ++i)
            if (names_[i] == name) return sheets_[i].get();
        return nullptr;
    }
    ss::iface::import_sheet* get_sheet(ss::sheet_t index) override {
        return index >= 0 && static_cast<std::size_t>(index) < sheets_.size() ? sheets_[index].get() : nullptr;
    }
    void finalize() override {}

    // The first sheet's rows, a numeric cell styled as a date turned into that date.
    Spreadsheet take(const std::string& format) {
        Spreadsheet out;
        out.format = format;
        if (sheets_.empty()) return out;
        SheetSink& sheet = *sheets_.front();
        for (const auto& [position, xf] : sheet.formats) {
            const auto row = sheet.rows.find(position.first);
            if (row == sheet.rows.end() || static_cast<std::size_t>(position.second) >= row->second.size()) continue;
            SpreadsheetCell& cell = row->second[position.second];
            if (cell.kind != SpreadsheetCell::Kind::number || !is_date_style(xf)) continue;
            // Days since the workbook's origin; a time of day is no part of a date.
            if (cell.number < 1 || cell.number >= 2958466) continue;
            const auto origin = civil_date(shared_.origin_year, shared_.origin_month, shared_.origin_day);
            if (!origin) continue;
            cell.kind = SpreadsheetCell::Kind::date;
            cell.date = origin->plus_days(static_cast<std::int64_t>(std::floor(cell.number)));
            cell.text = cell.date->iso();
        }
        out.rows.reserve(sheet.rows.size());
        for (auto& [row, cells] : sheet.rows) out.rows.push_back({row + 1, std::move(cells)});
        out.merged = std::move(sheet.merged);
        return out;
    }

private:
    bool is_date_style(std::size_t xf) {
        const auto known = date_styles_.find(xf);
        if (known != date_styles_.end()) return known->second;
        bool date = false;
        if (const auto* format = styles_.get_cell_format(xf)) {
            // XLSX names a number format by its numFmtId: a built-in one, or one the workbook defines.
            const std::size_t id = format->number_format;
            date = builtin_date_format(id);
            for (std::size_t i = 0; !date && i < styles_.get_number_format_count(); ++i)
                if (const auto* nf = styles_.get_number_format(i); nf && nf->identifier == id)
                    date = date_format_code(nf->format_string);
        }
        date_styles_.emplace(xf, date);
        return date;
    }

    SheetSink::Shared shared_;
    SharedStrings strings_;
    GlobalSettings settings_;
    orcus::string_pool pool_;
    ss::styles styles_;
    ss::import_styles style_import_;
    A1References references_;
    std::vector<std::unique_ptr<SheetSink>> sheets_;
    std::vector<std::string> names_;
    std::map<std::size_t, bool> date_styles_;
};

bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        const int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
        if (extra < 0) return false;
        for (int k = 1; k <= extra; ++k)
            if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
        i += extra + 1;
    }
    return true;
}

// Text a person saved has letters, digits and punctuation: a NUL, most other C0 controls, or the one byte
// Windows-1251 leaves undefined, in a file that is not UTF-8, mean it is no text at all.
bool looks_binary(std::string_view s) {
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n' && c != 0x1A) || c == 0x98) return true;
    }
    return false;
}

struct CsvSink {
    const Text& field;
    const SpreadsheetLimits& limits;
    std::vector<SpreadsheetRow> rows;
    std::size_t column = 0;

    void begin_parse() {}
    void end_parse() {}
    void begin_row() {
        require_rows_within(rows.size(), limits.max_rows, field);
        rows.push_back({static_cast<int>(rows.size()) + 1, {}});
        column = 0;
    }
    void end_row() {}
    void cell(const char* p, std::size_t n, bool) {
        const std::size_t col = column++;
        if (col >= limits.max_columns) return;
        if (n > limits.max_cell_bytes)
            throw ValidationError(field, trf("row {1}: a cell is longer than {2} characters",
                                             {std::to_string(rows.back().row), grouped(limits.max_cell_bytes)}));
        auto& cells = rows.back().cells;
        cells.resize(col + 1);
        if (n == 0) return;
        cells[col].kind = SpreadsheetCell::Kind::text;
        cells[col].text.assign(p, n);
    }
};

}  // namespace

SpreadsheetReader::SpreadsheetReader(Text field, SpreadsheetLimits limits)
    : field_(std::move(field)), limits_(limits) {}

Spreadsheet SpreadsheetReader::read_csv(std::string text) const {
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // Excel's "CSV UTF-8" starts with a BOM
    if (!valid_utf8(text)) {
        if (looks_binary(text))
            throw ValidationError(field_, tr("is not a spreadsheet or a text file: save it as XLSX, ODS or CSV"));
        // Russian Excel saves "CSV (разделители - запятые)" in Windows-1251: every byte is a letter there.
        std::string utf8;
        icu::UnicodeString(text.data(), static_cast<int32_t>(text.size()), "windows-1251").toUTF8String(utf8);
        text = std::move(utf8);
    }
    // liborcus ends a row at LF: a Windows CRLF or an old Mac CR becomes one.
    std::string normal;
    normal.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            normal += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            normal += text[i];
        }
    }
    // The separator is the one the first line uses: Russian Excel writes ';', most other programs ','.
    std::size_t semicolons = 0, commas = 0;
    bool quoted = false;
    for (const char c : normal) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n') break;
        if (c == ';') ++semicolons;
        if (c == ',') ++commas;
    }
    orcus::csv::parser_config config;
    config.delimiters = semicolons > 0 && semicolons >= commas ? ";" : ",";
    config.text_qualifier = '"';
    config.trim_cell_value = false;
    CsvSink sink{field_, limits_, {}};
    try {
        orcus::csv_parser<CsvSink> parser(normal.data(), normal.size(), sink, config);
        parser.parse();
    } catch (const orcus::csv::parse_error&) {
        throw ValidationError(field_, trf("row {1}: a quotation mark is not closed or is followed by text",
                                          {std::to_string(sink.rows.empty() ? 1 : sink.rows.back().row)}));
    }
    Spreadsheet out;
    out.format = "csv";
    out.rows = std::move(sink.rows);
    return out;
}

Spreadsheet SpreadsheetReader::read_workbook(const std::string& bytes, const std::string& path) const {
    std::string format;
    bool ods_merged = false;
    {
        // The zip's directory and what it really unpacks to are checked before liborcus unpacks anything.
        ZipArchive zip(path, field_, limits_.file);
        if (zip.has("xl/workbook.xml")) {
            format = "xlsx";
        } else if (zip.has("content.xml") && zip.has("mimetype")) {
            const auto mime = zip.read("mimetype");
            if (mime && mime->find("opendocument.spreadsheet") != std::string::npos) format = "ods";
        }
        if (format.empty())
            throw ValidationError(field_, tr("is a zip archive but neither an XLSX nor an ODS workbook"));
        // liborcus 0.17 skips a cell written as an inline string (what streaming writers such as Apache POI's
        // SXSSF or libxlsxwriter's constant-memory mode produce): such a workbook is refused, never read
        // with holes.
        // It does not report an ODS sheet's merged cells either: their mark is looked for here.
        const std::string part = format == "xlsx" ? "xl/worksheets/" : "content.xml";
        const std::vector<std::string> marks =
            format == "xlsx" ? std::vector<std::string>{"\"inlineStr\""}
                             : std::vector<std::string>{"number-columns-spanned=", "number-rows-spanned="};
        bool marked = false;
        std::string tail;
        zip.inflate_all([&](const std::string& name, std::string_view chunk) {
            if (marked || name.rfind(part, 0) != 0) return;
            const std::string window = tail + std::string(chunk.substr(0, std::min<std::size_t>(chunk.size(), 32)));
            for (const auto& mark : marks)
                marked = marked || window.find(mark) != std::string::npos || chunk.find(mark) != std::string_view::npos;
            tail.assign(chunk.substr(chunk.size() - std::min<std::size_t>(chunk.size(), 32)));
        });
        const bool inline_strings = marked && format == "xlsx";
        ods_merged = marked && format == "ods";
        if (inline_strings)
            throw ValidationError(field_, tr("holds its text as inline strings, which the station cannot read: "
                                             "open it in Excel or LibreOffice and save it again as XLSX"));
    }
    WorkbookSink sink(field_, limits_);
    try {
        if (format == "xlsx") {
            orcus::orcus_xlsx reader(&sink);
            reader.read_stream(bytes);
        } else {
            orcus::orcus_ods reader(&sink);
            reader.read_stream(bytes);
        }
    } catch (const UserError&) {
        throw;
    } catch (const std::exception& e) {
        throw ValidationError(field_, trf("is a damaged workbook ({1})", {e.what()}));
    }
    Spreadsheet out = sink.take(format);
    if (ods_merged) out.merged.push_back({});  // somewhere: MergedCells{} names no place
    return out;
}

Spreadsheet SpreadsheetReader::read_file(const std::string& path) const {
    const std::string data = read_outside_file(path, field_, limits_.file.max_file_bytes);
    if (data.rfind("PK\x03\x04", 0) == 0) return read_workbook(data, path);
    if (data.rfind("\xD0\xCF\x11\xE0", 0) == 0)
        throw ValidationError(field_, tr("is an old Excel (XLS) file: save it as XLSX, ODS or CSV"));
    // The content decides, but a file named as a workbook that is none is reported as what it claims to be.
    std::string extension = std::filesystem::path(path).extension().string();
    for (auto& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (extension == ".xlsx" || extension == ".xlsm")
        throw ValidationError(field_, tr("is not an XLSX workbook (not a zip archive)"));
    if (extension == ".ods") throw ValidationError(field_, tr("is not an ODS workbook (not a zip archive)"));
    if (data.empty()) throw ValidationError(field_, tr("is empty"));
    return read_csv(data);
}

}  // namespace salon::pos
