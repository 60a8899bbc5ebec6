// Printing on the station's printer through CUPS: the X/Z report's roll PDF holds the report's text, and a
// station without a print service (or with a printer CUPS does not know) gets a clear refusal, not a crash.
#include <catch2/catch.hpp>

#include "tests/support/LanguageGuard.hpp"

#include "db/UserError.hpp"
#include "pos/print/CupsPrinter.hpp"
#include "pos/print/ReportRollPdf.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

using namespace salon;
using namespace salon::pos;
using salon::test::LanguageGuard;
namespace fs = std::filesystem;

namespace {

// CUPS_SERVER pointing at a socket nobody listens on: the machine's own print service, if any, is never
// reached, so the test behaves the same everywhere.
struct NoPrintService {
    std::string saved;
    bool had = false;
    NoPrintService() {
        if (const char* s = std::getenv("CUPS_SERVER")) {
            had = true;
            saved = s;
        }
        setenv("CUPS_SERVER", (fs::temp_directory_path() / "salon-no-cups.sock").c_str(), 1);
    }
    ~NoPrintService() {
        if (had)
            setenv("CUPS_SERVER", saved.c_str(), 1);
        else
            unsetenv("CUPS_SERVER");
    }
};

std::string pdf_text(const std::string& bytes) {
    const fs::path file = fs::temp_directory_path() / ("salon-report-" + std::to_string(::getpid()) + ".pdf");
    std::ofstream(file, std::ios::binary) << bytes;
    std::string out;
    FILE* pipe = popen(("pdftotext -layout '" + file.string() + "' -").c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
    pclose(pipe);
    fs::remove(file);
    return out;
}

}  // namespace

TEST_CASE("The Z report on the 80 mm roll holds its lines, Cyrillic and the minus sign included",
          "[print][R-POS-10]") {
    const std::string bytes =
        report_roll_pdf({"Z-отчёт, смена 7", "Наличных в кассе по расчёту: 1 000,00 ₽", "Расхождение: −100,00 ₽",
                         "Голова журнала: salon:1:42:" + std::string(64, 'a')});
    REQUIRE(bytes.rfind("%PDF", 0) == 0);
    const std::string text = pdf_text(bytes);
    CHECK(text.find("Z-отчёт, смена 7") != std::string::npos);
    CHECK(text.find("−100,00") != std::string::npos);
    CHECK(text.find("aaaaaaaa") != std::string::npos);  // the long chain head is wrapped, not cut
}

TEST_CASE("Without a print service, printing is refused with a clear message and nothing crashes", "[print]") {
    LanguageGuard english(Language::english);
    NoPrintService none;
    CHECK(cups_printers().empty());
    const std::string pdf = report_roll_pdf({"X report"});
    try {
        print_pdf(pdf, "", "X report");
        FAIL("printed without a print service");
    } catch (const RefusedError& e) {
        CHECK(std::string(e.message()).find("Nothing was printed: no printer is set up at this station") == 0);
    }
    try {
        print_pdf(pdf, "Kassa80", "X report");
        FAIL("printed on an unknown printer");
    } catch (const RefusedError& e) {
        CHECK(std::string(e.message()).find("the printer \"Kassa80\" is not known to the print service") !=
              std::string::npos);
    }
}
