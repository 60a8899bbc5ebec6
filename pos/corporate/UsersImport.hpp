// A company's filled users' data template coming in (R-CORP-10, R-CORP-12): read from XLSX, ODS or CSV with
// its columns found by their headers, every row checked (a problem per row and column), then all rows stored
// in one transaction, or only the valid ones when asked; each accepted list is recorded.
#pragma once

#include "pos/core/common/CalendarDate.hpp"
#include "pos/corporate/UsersTemplate.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;
struct Spreadsheet;

// One row of the file as written, in UsersColumn's order: a typed date already "YYYY-MM-DD", a number as
// its digits. `row` is the spreadsheet's row number.
struct UsersFileRow {
    int row = 0;
    std::array<std::string, kUsersColumnCount> cells;
};

// Reads the file (SpreadsheetReader) and finds the ten columns by their headers, in any order; blank rows
// are skipped. Throws ValidationError for the file ("Users' data"): unreadable, no header, a column
// missing or renamed ("the header has no column «Дата рождения»"), a column twice, merged cells in the table.
std::vector<UsersFileRow> read_users_file(const std::string& path);
std::vector<UsersFileRow> users_rows(const Spreadsheet& sheet);

struct UsersRowProblem {
    int row = 0;
    std::string column;   // the header ("Дата рождения"), or "" for the row as a whole
    std::string message;  // in the language the program speaks
};

struct UsersImportPreview {
    int rows = 0;                          // data rows read
    std::vector<NumberUserData> valid;     // the rows without a problem, checked and normalised
    std::vector<int> valid_rows;           // their row numbers
    std::vector<UsersRowProblem> problems;
    bool ok() const { return problems.empty(); }
};

// Who brings the list: the company's representative (default), or an employee bringing only his own
// number's data with the company's power of attorney for that number (R-CORP-12).
struct UsersImportRequest {
    std::int64_t client_id = 0;
    std::optional<std::string> employee_msisdn;
    std::string source = "file";  // desk | file | mail
};

// The checks of preview_users_import without the database: the rows against the company's numbers (E.164),
// as a company's representative brings them, on `today`. What the fuzz target tests/fuzz/fuzz_users_template
// runs on every file it reads.
UsersImportPreview check_users_rows(const std::vector<UsersFileRow>& rows,
                                    const std::vector<std::string>& company_msisdns, const CalendarDate& today);

// Checks every row: the number is the company's (and once in the file), names, a real date of birth, the
// address, a known document kind with a possible series and number (a Russian passport: 4 + 6 digits,
// issued at 14 or later), the issuer and a real date of issue, nothing in the future. Reads only.
// Throws RefusedError when an employee has no valid power of attorney for his number.
UsersImportPreview preview_users_import(db::Database& db, const Actor& actor, const UsersImportRequest& request,
                                        const std::vector<UsersFileRow>& rows);

struct UsersImportResult {
    UsersImportPreview preview;
    int stored = 0;            // rows stored
    std::int64_t list_id = 0;  // the corporate_users_list row; 0 when nothing was stored
};
// Stores the rows in one transaction with their journal entry and the list's record (R-CORP-10): all of
// them, or with `valid_only` the valid ones. Without `valid_only`, a list with any problem is refused
// (ValidationError naming the first) and nothing is written. Values sealed at rest; an existing user of a
// number is replaced.
UsersImportResult import_users(db::Database& db, const Actor& actor, const UsersImportRequest& request,
                               const std::vector<UsersFileRow>& rows, bool valid_only);

}  // namespace salon::pos
