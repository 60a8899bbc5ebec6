// The one reader of every spreadsheet the station imports (a price list, a company's users' data): XLSX and
// ODS through liborcus, CSV through liborcus's CSV parser once its separator and encoding are settled, all
// behind OutsideInput's caps. Cells come typed as the spreadsheet stores them: text, number, date.
#pragma once

#include "db/Text.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/OutsideInput.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace salon::pos {

struct SpreadsheetCell {
    enum class Kind { empty, text, number, date, boolean };
    Kind kind = Kind::empty;
    // text: as written; number: its shortest decimal form ("79161234567", "12990.5"); date: "1990-12-31";
    // boolean: "TRUE" or "FALSE".
    std::string text;
    double number = 0;                 // number: the value; date: the spreadsheet's day number
    std::optional<CalendarDate> date;  // date only

    bool empty() const { return kind == Kind::empty; }
};

struct SpreadsheetRow {
    int row = 0;                         // as a spreadsheet numbers it: the first row is 1
    std::vector<SpreadsheetCell> cells;  // column A first; a row may be shorter than the widest

    // The cell of a 0-based column, an empty one beyond the row's end.
    const SpreadsheetCell& at(std::size_t column) const;
    // No cell holds anything but blanks.
    bool blank() const;
};

// A block of merged cells; rows as the spreadsheet numbers them, columns 0-based. All zero: merged cells
// whose place the reader does not know (an ODS sheet).
struct MergedCells {
    int first_row = 0, last_row = 0;
    int first_column = 0, last_column = 0;
};

struct Spreadsheet {
    std::string format;                // "xlsx", "ods" or "csv"
    std::vector<SpreadsheetRow> rows;  // in order; a workbook's empty rows are left out, a CSV's kept
    std::vector<MergedCells> merged;   // of the sheet that was read

    // Throws ValidationError for `field` when merged cells reach row `from_row` or below: in a table each
    // row must hold its own values ("rows 4 to 5, columns B to C are merged: unmerge them ...").
    void refuse_merged_from(int from_row, const Text& field) const;
};

// "A", "B", ... "AA": a 0-based column as spreadsheets name it.
std::string column_letter(std::size_t column);

struct SpreadsheetLimits {
    ImportLimits file = kImportLimits;
    std::size_t max_rows = kMaxImportRows;  // data rows, a header row not counted
    std::size_t max_columns = 64;           // cells further right are ignored: a cell in XFD costs nothing
    std::size_t max_cell_bytes = 4000;      // a longer cell is refused naming its row
};

class SpreadsheetReader {
public:
    // `field` names the file in every message ("Price list", "Users' data").
    explicit SpreadsheetReader(Text field, SpreadsheetLimits limits = {});

    // The first sheet of an XLSX or ODS workbook, or a CSV file, chosen by the content (a file named .xlsx
    // or .ods that is no zip archive is reported as such). Throws ValidationError for anything unreadable:
    // too large, a zip that unpacks too far, an old XLS, a binary file, a damaged workbook, too many rows.
    Spreadsheet read_file(const std::string& path) const;
    // A CSV given as bytes: UTF-8 with or without a BOM, or Windows-1251; ';' or ',' between cells (the
    // one the first line uses).
    Spreadsheet read_csv(std::string bytes) const;

private:
    Spreadsheet read_workbook(const std::string& bytes, const std::string& path) const;

    Text field_;
    SpreadsheetLimits limits_;
};

}  // namespace salon::pos
