// The one spreadsheet reader: XLSX with typed cells, CSV in the encodings and separators people save, and
// the files that are no spreadsheet at all, refused with words, never a crash.
#include <catch2/catch.hpp>

#include "db/UserError.hpp"
#include "pos/core/common/SpreadsheetReader.hpp"
#include "tests/support/TestDatabase.hpp"

#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>

using namespace salon;
using namespace salon::pos;

namespace {

void write_file(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

template <class F>
std::string reason_of(F&& f) {
    try {
        f();
    } catch (const ValidationError& e) {
        return e.reason().english();
    }
    return "";
}

std::string folder() {
    static const auto dir = [] {
        auto d = std::filesystem::temp_directory_path() / ("salon-reader-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        return d;
    }();
    return dir.string();
}

}  // namespace

TEST_CASE("A workbook's cells come typed: text, a number, a date written as a date or as a day number",
          "[import][spreadsheet]") {
    const std::string path = folder() + "/typed.xlsx";
    lxw_workbook* book = workbook_new(path.c_str());
    lxw_worksheet* sheet = workbook_add_worksheet(book, "Лист1");
    lxw_format* date = workbook_add_format(book);
    format_set_num_format(date, "dd.mm.yyyy");
    worksheet_write_string(sheet, 0, 0, "Номер", nullptr);
    worksheet_write_string(sheet, 0, 2, "Дата", nullptr);
    worksheet_write_number(sheet, 1, 0, 79161234567.0, nullptr);
    lxw_datetime day{1990, 12, 31, 0, 0, 0};
    worksheet_write_datetime(sheet, 1, 2, &day, date);
    worksheet_write_number(sheet, 2, 0, 12990.5, nullptr);
    worksheet_write_number(sheet, 2, 2, 33238, nullptr);  // a day number with no date format
    REQUIRE(workbook_close(book) == LXW_NO_ERROR);

    const auto read = SpreadsheetReader(tr("File")).read_file(path);
    CHECK(read.format == "xlsx");
    REQUIRE(read.rows.size() == 3);
    CHECK(read.rows[0].at(0).text == "Номер");
    CHECK(read.rows[0].at(1).empty());
    CHECK(read.rows[1].at(0).kind == SpreadsheetCell::Kind::number);
    CHECK(read.rows[1].at(0).text == "79161234567");
    CHECK(read.rows[1].at(2).kind == SpreadsheetCell::Kind::date);
    CHECK(read.rows[1].at(2).date->iso() == "1990-12-31");
    CHECK(read.rows[2].at(0).text == "12990.5");
    CHECK(read.rows[2].at(2).kind == SpreadsheetCell::Kind::number);
    CHECK(read.rows[2].at(2).number == 33238);
    CHECK(read.rows[2].row == 3);
}

TEST_CASE("Merged cells in a table are refused naming the rows and columns", "[import][spreadsheet]") {
    const std::string path = folder() + "/merged.xlsx";
    lxw_workbook* book = workbook_new(path.c_str());
    lxw_worksheet* sheet = workbook_add_worksheet(book, "a");
    worksheet_merge_range(sheet, 0, 0, 0, 3, "Список пользователей", nullptr);  // a title above the table
    worksheet_write_string(sheet, 1, 0, "Номер", nullptr);
    worksheet_merge_range(sheet, 3, 1, 4, 2, "Иванов", nullptr);
    REQUIRE(workbook_close(book) == LXW_NO_ERROR);
    const auto read = SpreadsheetReader(tr("File")).read_file(path);
    REQUIRE(read.merged.size() == 2);
    CHECK(reason_of([&] { read.refuse_merged_from(2, tr("File")); }) ==
          "rows 4–5, columns B–C are merged cells: unmerge them, each row must hold its own values");
    CHECK(reason_of([&] { read.refuse_merged_from(6, tr("File")); }).empty());
}

TEST_CASE("CSV: comma or semicolon, UTF-8 with or without a BOM, or Windows-1251", "[import][spreadsheet]") {
    const SpreadsheetReader reader(tr("File"));
    const auto semicolons = reader.read_csv("\xEF\xBB\xBFФамилия;Имя\r\n\"Иванов; мл.\";Иван\r\n");
    REQUIRE(semicolons.rows.size() == 2);
    CHECK(semicolons.rows[0].at(0).text == "Фамилия");
    CHECK(semicolons.rows[1].at(0).text == "Иванов; мл.");
    CHECK(semicolons.rows[1].at(1).text == "Иван");
    const auto commas = reader.read_csv("a,b\n\"x, y\",2\n");
    REQUIRE(commas.rows.size() == 2);
    CHECK(commas.rows[1].at(0).text == "x, y");
    // "Фамилия;Имя" and "Петров;Пётр" in Windows-1251.
    const auto cp1251 = reader.read_csv("\xD4\xE0\xEC\xE8\xEB\xE8\xFF;\xC8\xEC\xFF\n\xCF\xE5\xF2\xF0\xEE\xE2;\xCF\xB8\xF2\xF0\n");
    REQUIRE(cp1251.rows.size() == 2);
    CHECK(cp1251.rows[0].at(0).text == "Фамилия");
    CHECK(cp1251.rows[1].at(1).text == "Пётр");
    CHECK(reason_of([&] { reader.read_csv("a;b\n\"x;y\"z;1\n"); }) ==
          "row 2: a quotation mark is not closed or is followed by text");
}

TEST_CASE("An empty, binary, oversized or misnamed file is refused with a clear message", "[import][spreadsheet][hostile]") {
    const SpreadsheetReader reader(tr("File"));
    const std::string dir = folder();
    write_file(dir + "/empty.csv", "");
    CHECK(reason_of([&] { reader.read_file(dir + "/empty.csv"); }) == "is empty");
    write_file(dir + "/photo.csv", std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\0\0\x01", 16));
    CHECK(reason_of([&] { reader.read_file(dir + "/photo.csv"); }) ==
          "is not a spreadsheet or a text file: save it as XLSX, ODS or CSV");
    write_file(dir + "/text.xlsx", "Номер;Фамилия\n");
    CHECK(reason_of([&] { reader.read_file(dir + "/text.xlsx"); }) == "is not an XLSX workbook (not a zip archive)");
    write_file(dir + "/text.ods", "Номер;Фамилия\n");
    CHECK(reason_of([&] { reader.read_file(dir + "/text.ods"); }) == "is not an ODS workbook (not a zip archive)");
    write_file(dir + "/old.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
    CHECK(reason_of([&] { reader.read_file(dir + "/old.xls"); }) ==
          "is an old Excel (XLS) file: save it as XLSX, ODS or CSV");
    write_file(dir + "/broken.xlsx", std::string("PK\x03\x04", 4) + "not a zip");
    CHECK_FALSE(reason_of([&] { reader.read_file(dir + "/broken.xlsx"); }).empty());
    write_file(dir + "/big.csv", std::string(50u << 20, 'x'));
    CHECK(reason_of([&] { reader.read_file(dir + "/big.csv"); }) ==
          "is larger than 32 MB; the station reads at most 32 MB from such a file");
    std::filesystem::remove(dir + "/big.csv");
}

TEST_CASE("Rows beyond the limit stop the reading with the limit in the message", "[import][spreadsheet][hostile]") {
    SpreadsheetLimits limits;
    limits.max_rows = 3;
    const SpreadsheetReader reader(tr("File"), limits);
    CHECK(reader.read_csv("h\n1\n2\n3\n").rows.size() == 4);
    CHECK(reason_of([&] { reader.read_csv("h\n1\n2\n3\n4\n"); }) ==
          "the file has more than 3 rows; at most 3 are read per import");
}
