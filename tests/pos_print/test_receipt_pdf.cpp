// The receipt as a PDF (R-POS-10): page sizes of the 80 mm roll and A4, one page on the roll, Cyrillic
// text that a PDF reader extracts, a QR code a phone can read, and a clear error for a path that
// cannot be written. Reads the PDFs back with poppler-utils and zbar-tools (installer/install-deps.sh).
#include <catch2/catch.hpp>

#include "tests/support/LanguageGuard.hpp"

#include "db/UserError.hpp"
#include "pos/core/sale/ReceiptSample.hpp"
#include "pos/print/ReceiptPdf.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

using namespace salon;
using namespace salon::pos;
using salon::test::LanguageGuard;
namespace fs = std::filesystem;

namespace {

struct Box {
    double width = 0, height = 0;
};

// Every page's /MediaBox in the file (cairo writes one per page object, uncompressed).
std::vector<Box> media_boxes(const std::string& pdf) {
    static const std::regex box(R"(/MediaBox\s*\[\s*([-0-9.]+)\s+([-0-9.]+)\s+([-0-9.]+)\s+([-0-9.]+)\s*\])");
    std::vector<Box> boxes;
    for (auto it = std::sregex_iterator(pdf.begin(), pdf.end(), box); it != std::sregex_iterator(); ++it)
        boxes.push_back(
            {std::stod((*it)[3]) - std::stod((*it)[1]), std::stod((*it)[4]) - std::stod((*it)[2])});
    return boxes;
}

class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "salon-receipt-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    fs::path operator/(const std::string& name) const { return path_ / name; }

private:
    fs::path path_;
};

// Runs a shell command and returns what it printed; `status` gets its exit code.
std::string run(const std::string& command, int& status) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) throw std::runtime_error("popen failed: " + command);
    char buffer[4096];
    while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
    status = pclose(pipe);
    return out;
}

std::string run(const std::string& command) {
    int status = 0;
    std::string out = run(command, status);
    INFO(command << "\n" << out);
    REQUIRE(status == 0);
    return out;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

constexpr double mm = points_per_mm;

}  // namespace

TEST_CASE("The 80 mm receipt is one page 80 mm wide, as long as its content", "[R-POS-10][receipt][pdf]") {
    LanguageGuard russian(Language::russian);
    ReceiptDocument doc = sample_receipt();
    const std::string pdf = receipt_pdf(doc, ReceiptPaper::roll80);
    CHECK(pdf.starts_with("%PDF-"));
    const auto boxes = media_boxes(pdf);
    REQUIRE(boxes.size() == 1);
    CHECK(boxes[0].width == Approx(80 * mm).margin(0.01));
    CHECK(boxes[0].height > 100 * mm);  // the sample has 4 lines and a 30 mm QR code
    CHECK(boxes[0].height < 300 * mm);

    // Twenty more lines: a longer page, still one.
    for (int i = 0; i < 20; ++i) {
        auto line = doc.lines[1];
        line.line_no = static_cast<int>(doc.lines.size()) + 1;
        doc.lines.push_back(line);
    }
    const auto longer = media_boxes(receipt_pdf(doc, ReceiptPaper::roll80));
    REQUIRE(longer.size() == 1);
    CHECK(longer[0].width == Approx(80 * mm).margin(0.01));
    CHECK(longer[0].height > boxes[0].height + 20 * 3 * 8);  // at least three 8 pt rows per line
}

TEST_CASE("The A4 receipt is A4 and breaks long receipts into pages", "[R-POS-10][receipt][pdf]") {
    LanguageGuard russian(Language::russian);
    ReceiptDocument doc = sample_receipt();
    const auto boxes = media_boxes(receipt_pdf(doc, ReceiptPaper::a4));
    REQUIRE(boxes.size() == 1);
    CHECK(boxes[0].width == Approx(210 * mm).margin(0.01));
    CHECK(boxes[0].height == Approx(297 * mm).margin(0.01));

    for (int i = 0; i < 60; ++i) {
        auto line = doc.lines[i % 4];
        line.line_no = static_cast<int>(doc.lines.size()) + 1;
        doc.lines.push_back(line);
    }
    const auto pages = media_boxes(receipt_pdf(doc, ReceiptPaper::a4));
    CHECK(pages.size() >= 2);
    for (const auto& page : pages) CHECK(page.height == Approx(297 * mm).margin(0.01));
}

TEST_CASE("A PDF reader finds the Cyrillic text of the receipt", "[R-POS-10][receipt][pdf]") {
    LanguageGuard russian(Language::russian);
    TempDir dir;
    for (auto [paper, name] :
         {std::pair{ReceiptPaper::roll80, "roll.pdf"}, std::pair{ReceiptPaper::a4, "a4.pdf"}}) {
        const fs::path file = dir / name;
        write_receipt_pdf(sample_receipt(), file.string(), paper);
        CHECK(read_file(file).starts_with("%PDF-"));
        const std::string text = run("pdftotext -layout '" + file.string() + "' -");
        INFO(name << ":\n" << text);
        CHECK(text.find("ООО «Связь-Ритейл»") != std::string::npos);
        CHECK(text.find("КАССОВЫЙ ЧЕК. ПРИХОД") != std::string::npos);
        CHECK(text.find("ОЖИДАЕТ ФИСКАЛИЗАЦИИ") != std::string::npos);
        CHECK(text.find("Платёжный агент") != std::string::npos);
        CHECK(text.find("в т.ч. НДС 22%:") != std::string::npos);
        CHECK(text.find("412,95") != std::string::npos);
        CHECK(text.find("ОБРАЗЕЦ") != std::string::npos);
        const std::string info = run("pdfinfo '" + file.string() + "'");
        CHECK(std::regex_search(info, std::regex(R"(\nPages:\s+1\n)")));
    }
}

TEST_CASE("A phone can read the QR code of the printed receipt", "[R-POS-10][receipt][pdf][qr]") {
    TempDir dir;
    const ReceiptDocument doc = sample_receipt();
    static_assert(receipt_qr_side_mm >= 25.0, "a QR code smaller than 25 mm is hard to read from paper");
    for (auto [paper, name] : {std::pair{ReceiptPaper::roll80, "roll"}, std::pair{ReceiptPaper::a4, "a4"}}) {
        const fs::path pdf = dir / (std::string(name) + ".pdf");
        write_receipt_pdf(doc, pdf.string(), paper);
        // 100 dpi, about what a phone camera resolves of a receipt held at reading distance.
        run("pdftoppm -png -r 100 -singlefile '" + pdf.string() + "' '" + (dir / name).string() + "'");
        const std::string decoded =
            run("zbarimg --raw -q '" + (dir / (std::string(name) + ".png")).string() + "' 2>/dev/null");
        CHECK(decoded == receipt_qr_payload(doc) + "\n");
    }
}

TEST_CASE("A receipt that cannot be written names the path", "[R-POS-10][receipt][pdf]") {
    LanguageGuard english(Language::english);
    TempDir dir;
    const std::string path = (dir / "no-such-folder" / "receipt.pdf").string();
    try {
        write_receipt_pdf(sample_receipt(), path, ReceiptPaper::a4);
        FAIL("no error for " << path);
    } catch (const UserError& e) {
        CHECK(e.message() == "Cannot write the receipt to " + path);
    }
    CHECK_FALSE(fs::exists(path));
}

TEST_CASE("Paper is 80mm or a4", "[R-POS-10][receipt][pdf]") {
    CHECK(parse_receipt_paper("80mm") == ReceiptPaper::roll80);
    CHECK(parse_receipt_paper("A4") == ReceiptPaper::a4);
    LanguageGuard english(Language::english);
    try {
        parse_receipt_paper("letter");
        FAIL("letter accepted");
    } catch (const ValidationError& e) {
        CHECK(e.message() == "Paper: must be 80mm or a4, not \"letter\"");
    }
}
