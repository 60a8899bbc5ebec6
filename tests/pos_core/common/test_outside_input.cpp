// What the station accepts from outside, checked before anything parses it: file and zip sizes, rows per
// import, lengths, control characters, dates out of range, files that are not what their name says; and
// the one function every export writes its cells through.
#include <catch2/catch.hpp>

#include "db/UserError.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/sale/Client.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/identifiers/Iccid.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/core/common/OutsideInput.hpp"
#include "pos/core/identifiers/Passport.hpp"
#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/catalog/SimStock.hpp"
#include "tests/support/TestDatabase.hpp"

#include <zip.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

using namespace salon;
using namespace salon::pos;
using salon::test::TestDatabase;

namespace {

void write_file(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// The English reason a call refuses with ("" when it does not).
template <class F>
std::string reason_of(F&& f) {
    try {
        f();
    } catch (const ValidationError& e) {
        return e.reason().english();
    }
    return "";
}

// A zip archive of the given entries, each stored with deflate (what a workbook is).
void write_zip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& entries) {
    int error = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    REQUIRE(zip);
    for (const auto& [name, data] : entries) {
        zip_source_t* source = zip_source_buffer(zip, data.data(), data.size(), 0);
        REQUIRE(zip_file_add(zip, name.c_str(), source, ZIP_FL_OVERWRITE) >= 0);
    }
    REQUIRE(zip_close(zip) == 0);
}

const std::string kWorkbook =
    R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="a" sheetId="1"/></sheets></workbook>)";

}  // namespace

TEST_CASE("A workbook that unpacks to gigabytes is refused by its declared size before it is unpacked",
          "[import][hostile]") {
    TestDatabase t;
    const auto path = (std::filesystem::path(t.folder()) / "bomb.xlsx").string();
    // 80 MB of the same byte compresses to about 80 KB: a small file, a large sheet.
    const std::string sheet(80u << 20, ' ');
    write_zip(path, {{"xl/workbook.xml", kWorkbook}, {"xl/worksheets/sheet1.xml", sheet}});
    CHECK(std::filesystem::file_size(path) < (1u << 20));
    const auto started = std::chrono::steady_clock::now();
    CHECK(reason_of([&] { read_price_list(path); }) ==
          "unpacks to more than 64 MB; at most 64 MB is unpacked per import");
    std::cout << "the 80 MB workbook refused in "
              << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() << " s\n";
}

TEST_CASE("A zip whose directory understates its sizes is stopped at the limit while it is unpacked",
          "[import][hostile]") {
    TestDatabase t;
    const auto path = (std::filesystem::path(t.folder()) / "liar.zip").string();
    write_zip(path, {{"big", std::string(3u << 20, 'x')}});
    // The directory and the local header both say the entry unpacks to 100 bytes.
    std::string bytes;
    {
        std::ifstream in(path, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    auto patch = [&](const std::string& signature, std::size_t offset) {
        const auto at = bytes.find(signature);
        REQUIRE(at != std::string::npos);
        const char small[4] = {100, 0, 0, 0};
        bytes.replace(at + offset, 4, small, 4);
    };
    patch(std::string("PK\x01\x02", 4), 24);
    patch(std::string("PK\x03\x04", 4), 22);
    write_file(path, bytes);

    ImportLimits limits;
    limits.max_unpacked_bytes = 1u << 20;
    ZipArchive zip(path, tr("File"), limits);  // the declared sizes pass
    CHECK(reason_of([&] { zip.read("big"); }) == "unpacks to more than 1 MB; at most 1 MB is unpacked per import");
    ZipArchive again(path, tr("File"), limits);
    CHECK(reason_of([&] { again.inflate_all(); }) ==
          "unpacks to more than 1 MB; at most 1 MB is unpacked per import");
}

// Found by tests/fuzz/fuzz_spreadsheet_file: one bit of the directory's packed size changed made liborcus set
// aside 1.7 GB and take 11 s for a 5 KB users' data template.
TEST_CASE("A workbook whose directory claims more packed bytes than the file holds is refused as damaged",
          "[import][hostile][R-CORP-12]") {
    TestDatabase t;
    const auto path = (std::filesystem::path(t.folder()) / "claims.xlsx").string();
    write_zip(path, {{"xl/workbook.xml", kWorkbook}, {"xl/styles.xml", std::string(4000, ' ')}});
    std::string bytes;
    {
        std::ifstream in(path, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    // The central directory's compressed size of the second part: 0x680002A9 bytes.
    const auto at = bytes.find(std::string("PK\x01\x02", 4), bytes.find(std::string("PK\x01\x02", 4)) + 1);
    REQUIRE(at != std::string::npos);
    const char claimed[4] = {'\xA9', '\x02', '\x00', '\x68'};
    bytes.replace(at + 20, 4, claimed, 4);
    write_file(path, bytes);
    CHECK(std::filesystem::file_size(path) < 5000);

    const auto started = std::chrono::steady_clock::now();
    CHECK(reason_of([&] { read_price_list(path); }) == "is a damaged zip archive");
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
    CHECK(reason_of([&] { ZipArchive zip(path, tr("File")); }) == "is a damaged zip archive");
}

TEST_CASE("A file named as a workbook is reported as what it really is", "[import]") {
    TestDatabase t;
    const auto folder = std::filesystem::path(t.folder());
    write_file((folder / "text.xlsx").string(), "code;price;valid_from\nx;1;2026-01-01\n");
    CHECK(reason_of([&] { read_price_list((folder / "text.xlsx").string()); }) ==
          "is not an XLSX workbook (not a zip archive)");
    write_file((folder / "cp1251.xlsx").string(), "\xC4\xE0\xF2\xE0;\xCA\xEE\xE4\n");
    CHECK(reason_of([&] { read_price_list((folder / "cp1251.xlsx").string()); }) ==
          "is not an XLSX workbook (not a zip archive)");
    // A CSV in Windows-1251 is read as what it is: its Cyrillic header is found.
    write_file((folder / "cp1251.csv").string(),
               "\xCA\xEE\xE4;\xD6\xE5\xED\xE0;\xC4\xE5\xE9\xF1\xF2\xE2\xF3\xE5\xF2_\xF1\n"  // Код;Цена;Действует_с
               "acc-1;10;2030-01-01\n");
    const auto cp1251 = read_price_list((folder / "cp1251.csv").string());
    REQUIRE(cp1251.size() == 1);
    CHECK(cp1251[0].code == "acc-1");
    // A file of bytes that are no text in either encoding is refused as such.
    // (18 bytes: the PNG signature, a chunk length and type, two more; AddressSanitizer found the count of 20
    // reading past the literal.)
    write_file((folder / "photo.csv").string(), std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\xFF\xFE", 18));
    CHECK(reason_of([&] { read_price_list((folder / "photo.csv").string()); }) ==
          "is not a spreadsheet or a text file: save it as XLSX, ODS or CSV");
    write_zip((folder / "photos.xlsx").string(), {{"photo.txt", "not a workbook"}});
    CHECK(reason_of([&] { read_price_list((folder / "photos.xlsx").string()); }) ==
          "is a zip archive but neither an XLSX nor an ODS workbook");
}

TEST_CASE("A price list over the row limit is refused with the limit in the message", "[import][hostile]") {
    TestDatabase t;
    const auto path = (std::filesystem::path(t.folder()) / "long.csv").string();
    std::string csv = "code;price;valid_from\n";
    for (std::size_t i = 0; i < kMaxImportRows; ++i) csv += "c" + std::to_string(i) + ";1;2030-01-01\n";
    write_file(path, csv);
    CHECK(read_price_list(path).size() == kMaxImportRows);
    write_file(path, csv + "one-more;1;2030-01-01\n");
    CHECK(reason_of([&] { read_price_list(path); }) ==
          "the file has more than 100 000 rows; at most 100 000 are read per import");
}

TEST_CASE("A control character in a price list cell is refused naming its row and column", "[import][hostile]") {
    const std::string csv = std::string("code;name;kind;price;valid_from\n"
                                        "a-1;Чехол;accessory;10;2030-01-01\n"
                                        "a-2;Че") +
                            '\0' + "хол;accessory;10;2030-01-01\n";
    REQUIRE(csv.find('\0') != std::string::npos);
    CHECK(reason_of([&] { parse_price_csv(csv); }) == "row 3, Name: contains a control character (U+0000)");
    CHECK(reason_of([&] { parse_price_csv("code;price;valid_from\nx\x01;1;2030-01-01\n"); }) ==
          "row 2, Product code: contains a control character (U+0001)");
    // A formula prefix is no control character: the name is kept as written, and exports neutralise it.
    const auto rows = parse_price_csv("code;name;price;valid_from\nx;\"=HYPERLINK(\"\"http://x\"\")\";1;2030-01-01\n");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].name == "=HYPERLINK(\"http://x\")");
}

TEST_CASE("A phone number of 100 000 digits is refused by its length before it is parsed", "[identifiers][hostile]") {
    for (const std::size_t digits : {std::size_t(16'000), std::size_t(100'000)}) {
        const std::string number = "+7" + std::string(digits, '9');
        const auto started = std::chrono::steady_clock::now();
        CHECK(reason_of([&] { Msisdn::parse(number); }) == "is too long: at most 32 characters");
        std::cout << digits << " digits refused in "
                  << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() << " s\n";
    }
    // Spaces and brackets around a real number still fit.
    CHECK(Msisdn::parse("  +7 (912) 345-67-89  ").str() == "+79123456789");
    // Every identifier caps what it reads the same way.
    const std::string long_digits(100'000, '1');
    CHECK(reason_of([&] { Iccid::parse(long_digits); }) == "is too long: at most 64 characters");
    CHECK(reason_of([&] { Passport::parse(long_digits); }) == "is too long: at most 64 characters");
    CHECK(reason_of([&] { CalendarDate::parse(long_digits, "d", tr("Date")); }) == "must be a date such as 25.11.2026");
}

TEST_CASE("A date out of the station's years says so; a day that does not exist says that", "[dates]") {
    CHECK(reason_of([&] { CalendarDate::parse("9999-12-31", "d", tr("Date")); }) ==
          "the year must be from 1900 to 2200");
    CHECK(reason_of([&] { CalendarDate::parse("31.12.1899", "d", tr("Date")); }) ==
          "the year must be from 1900 to 2200");
    CHECK(reason_of([&] { CalendarDate::parse("31.02.2026", "d", tr("Date")); }) == "there is no such day: 31.02.2026");
    CHECK(CalendarDate::parse("31.12.2200", "d", tr("Date")).iso() == "2200-12-31");
    // The two written forms exactly, spaces around allowed, nothing else.
    CHECK(CalendarDate::parse(" 1.2.2000\t", "d", tr("Date")).iso() == "2000-02-01");
    CHECK(CalendarDate::parse("2000-02-01 ", "d", tr("Date")).iso() == "2000-02-01");
    for (const char* wrong : {"2000-2-01", "20000-02-01", "123.1.2000", "1.2.20000", "1.2.200", "1..2000",
                              "2000-02-01x", "1.2.2000.", "1 .2.2000", "-1.2.2000", "2000/02/01"})
        CHECK(reason_of([&] { CalendarDate::parse(wrong, "d", tr("Date")); }) == "must be a date such as 25.11.2026");
    CHECK(reason_of([&] { CalendarDate::parse("  ", "d", tr("Date")); }) == "must be filled in");
}

TEST_CASE("Form text with a control character or over its length is refused naming the field", "[client][hostile]") {
    ClientForm form{"Иванов Иван Иванович", "01.02.1990", "4506 123456", "01.03.2010",
                    "ОВД района Арбат г. Москвы", "Москва, ул. Арбат, д. 1, кв. 2", ""};
    CHECK_NOTHROW(parse_client_form(form, "2026-06-01"));
    auto input_and_reason = [&](const ClientForm& f) -> std::pair<std::string, std::string> {
        try {
            parse_client_form(f, "2026-06-01");
        } catch (const InputError& e) {
            return {e.input(), e.reason().english()};
        }
        return {};
    };
    ClientForm nul = form;
    nul.address = std::string("Москва, ул. Арбат,") + '\0' + " д. 1";
    CHECK(input_and_reason(nul) ==
          std::pair<std::string, std::string>{"address", "contains a control character (U+0000)"});
    ClientForm tab = form;
    tab.document_issuer = "ОВД\tрайона Арбат";
    CHECK(input_and_reason(tab) ==
          std::pair<std::string, std::string>{"document_issuer", "contains a control character (U+0009)"});
    ClientForm long_address = form;
    long_address.address = "Москва, " + std::string(600, 'x');
    CHECK(input_and_reason(long_address) ==
          std::pair<std::string, std::string>{"address", "is too long: at most 500 characters"});
    // A letter keeps its lines.
    CHECK(required_text("thanks", tr("Thanks"), "Спасибо!\nВсё быстро.", 4000, true) == "Спасибо!\nВсё быстро.");
}

TEST_CASE("A SIM file with a control character, or over its row limit, is refused", "[stock][hostile]") {
    TestDatabase t;
    const auto path = (std::filesystem::path(t.folder()) / "sims.csv").string();
    write_file(path, std::string("iccid;msisdn;format\n8970102000000000015;;nano\n89701020000") + '\0' +
                         "00000023;;nano\n");
    try {
        read_sim_file(path);
        FAIL("a NUL in a SIM file was read");
    } catch (const InputError& e) {
        CHECK(e.input() == "file");
        CHECK(e.reason().english() == "line 3: ICCID: contains a control character (U+0000)");
    }
    std::string many = "iccid;msisdn;format\n";
    many.reserve(30 * (kMaxSimFileRows + 2));
    for (std::size_t i = 0; i <= kMaxSimFileRows; ++i) many += "8970102000000000015;;nano\n";
    write_file(path, many);
    CHECK(reason_of([&] { read_sim_file(path); }) ==
          "the file has more than 200 000 rows; at most 200 000 are read per import");
}

TEST_CASE("Every export writes a cell a spreadsheet would run as a formula as text", "[export][hostile]") {
    CHECK(spreadsheet_safe("=1+1") == "'=1+1");
    CHECK(spreadsheet_safe("+7 912 345-67-89") == "'+7 912 345-67-89");
    CHECK(spreadsheet_safe("-2+3") == "'-2+3");
    CHECK(spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)");
    CHECK(spreadsheet_safe("\t=cmd|' /C calc'!A0") == "'\t=cmd|' /C calc'!A0");
    CHECK(spreadsheet_safe("\r=1") == "'\r=1");
    CHECK(spreadsheet_safe("Иванов И.") == "Иванов И.");
    CHECK(spreadsheet_safe("a=b") == "a=b");
    CHECK(spreadsheet_safe("") == "");
}

TEST_CASE("A file over the size limit is refused before it is read whole", "[import][hostile]") {
    TestDatabase t;
    const auto path = (std::filesystem::path(t.folder()) / "big.json").string();
    write_file(path, std::string((1u << 20) + 1, ' '));
    CHECK(reason_of([&] { read_outside_file(path, tr("Draft file"), kMaxDraftFileBytes); }) ==
          "is larger than 1 MB; the station reads at most 1 MB from such a file");
    write_file(path, std::string(1u << 20, ' '));
    CHECK(read_outside_file(path, tr("Draft file"), kMaxDraftFileBytes).size() == (1u << 20));
}
