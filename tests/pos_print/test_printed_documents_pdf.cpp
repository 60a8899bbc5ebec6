// The sales desk's new printed documents read back from their PDFs with pdftotext and zbarimg: the
// subscriber's port-in application (R-POS-9) on A4 in two signed copies and on the 80 mm roll, and the
// correction receipt (R-POS-10, 54-FZ tags 1173/1174) on the roll and A4 with its QR code.
#include <catch2/catch.hpp>

#include "tests/support/LanguageGuard.hpp"

#include "pos/core/sale/PersonalDataConsent.hpp"
#include "pos/print/PortInApplicationPdf.hpp"
#include "pos/print/ReceiptPdf.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace salon;
using namespace salon::pos;
namespace fs = std::filesystem;

namespace {

// Runs `command` on the PDF's bytes written to a file (each {} in it) and returns what it printed.
std::string on_pdf(const std::string& bytes, const std::string& command) {
    char folder[] = "/tmp/salon-printdocs-XXXXXX";
    REQUIRE(mkdtemp(folder));
    const fs::path pdf = fs::path(folder) / "d.pdf";
    std::ofstream(pdf, std::ios::binary) << bytes;
    std::string line = command;
    for (auto at = line.find("{}"); at != std::string::npos; at = line.find("{}"))
        line.replace(at, 2, "'" + pdf.string() + "'");
    line += " 2>/dev/null";
    std::string out;
    FILE* pipe = popen(line.c_str(), "r");
    REQUIRE(pipe);
    char buffer[4096];
    while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
    const int status = pclose(pipe);
    fs::remove_all(folder);
    INFO(line << "\n" << out);
    REQUIRE(status == 0);
    return out;
}

// The text of the PDF, its wrapped lines joined back into one run of words.
std::string words(const std::string& bytes, const std::string& pages = "") {
    std::string text = on_pdf(bytes, "pdftotext " + pages + " {} -");
    for (char& c : text)
        if (c == '\n') c = ' ';
    return text;
}

int pages(const std::string& bytes) {
    const std::string info = on_pdf(bytes, "pdfinfo {}");
    const auto at = info.find("Pages:");
    REQUIRE(at != std::string::npos);
    return std::stoi(info.substr(at + 6));
}

PortInApplication application() {
    PortInApplication a;
    a.sale_id = 12;
    a.port_request_id = 4;
    a.signed_at = 1796205600;  // 2026-12-02
    a.time_zone = "Europe/Moscow";
    a.dealer_name = "ООО «Связь»";
    a.dealer_inn = "7730543210";
    a.salon_name = "Салон на Тверской";
    a.salon_address = "Москва, Тверская, 1";
    a.staff_name = "Смирнова Анна";
    a.client_name = "Петров Пётр Петрович";
    a.client_passport = "45 ** ****21";
    a.number = "+7 903 111-22-33";
    a.donor_operator = "МТС";
    a.desired_date = "15.12.2026";
    a.tariff = "Смарт";
    a.status = "sent to the donor";
    a.consent_version = current_consent_text().version;
    return a;
}

ReceiptDocument correction() {
    ReceiptDocument d;
    d.dealer_name = "ООО «Связь»";
    d.salon_name = "Салон на Тверской";
    d.till = "till-1";
    d.shift_number = 3;
    d.receipt_number = 7;
    d.kind = "correction_income";
    d.created_at = 1796205600;
    d.time_zone = "Europe/Moscow";
    d.cashier_name = "Волкова Дарья";
    d.correction_by_order = false;
    d.correction_basis_number = "17";
    d.correction_basis_date = "01.12.2026";
    d.correction_reason = "Касса не работала";
    d.lines.push_back({.line_no = 1, .description = "correction: income", .unit_price = 15000, .amount = 15000,
                       .vat_code = "standard", .vat_basis_points = 2200, .vat_amount = 2705});
    d.total = d.paid_cash = 15000;
    return d;
}

}  // namespace

TEST_CASE("The port-in application prints two signed A4 copies with the number, donor, date and consent",
          "[print][port][R-POS-9][54-FZ]") {
    test::LanguageGuard en(Language::english);
    const std::string pdf = port_in_application_pdf({application()}, ReceiptPaper::a4);
    REQUIRE(pdf.rfind("%PDF", 0) == 0);
    CHECK(pages(pdf) == kPortInApplicationCopies);
    CHECK(words(pdf, "-f 1 -l 1").find("Copy 1 of 2: for the subscriber") != std::string::npos);
    const std::string all = words(pdf);
    CHECK(all.find("Copy 2 of 2: for the salon") != std::string::npos);
    for (const char* expected : {"Application for the transfer of a subscriber number", "No. 4 of 02.12.2026",
                                 "Петров Пётр Петрович", "45 ** ****21", "+7 903 111-22-33", "МТС", "15.12.2026",
                                 "Смарт", "SIM card (ICCID)", "Салон на Тверской", "Смирнова Анна",
                                 "no cash receipt", "text version", "Subscriber", "Specialist of the salon",
                                 "signature"}) {
        INFO(expected);
        CHECK(all.find(expected) != std::string::npos);
    }
}

TEST_CASE("The port-in application on the 80 mm roll is one page 80 mm wide", "[print][port][R-POS-9][54-FZ]") {
    test::LanguageGuard en(Language::english);
    PortInApplication a = application();
    a.iccid = "8970102000000005012";
    const std::string pdf = port_in_application_pdf({a}, ReceiptPaper::roll80);
    CHECK(pages(pdf) == 1);
    CHECK(on_pdf(pdf, "pdfinfo {}").find("226.772 x") != std::string::npos);  // 80 mm
    const std::string all = words(pdf);
    for (const char* expected : {"+7 903 111-22-33", "8970102000000005012", "Subscriber", "signature"}) {
        INFO(expected);
        CHECK(all.find(expected) != std::string::npos);
    }
}

TEST_CASE("The correction receipt prints its 54-FZ attributes on the roll and A4, with a readable QR code",
          "[print][correction][R-POS-10][54-FZ]") {
    test::LanguageGuard en(Language::english);
    ReceiptDocument d = correction();
    for (ReceiptPaper paper : {ReceiptPaper::roll80, ReceiptPaper::a4}) {
        const std::string pdf = receipt_pdf(d, paper);
        const std::string all = words(pdf);
        for (const char* expected : {"CORRECTION RECEIPT: INCOME", "Correction No. 7", "Correction type: the till's own",
                                     "Basis: document No. 17 of 01.12.2026", "Касса не работала", "150.00",
                                     "AWAITING FISCALISATION"}) {
            INFO(expected);
            CHECK(all.find(expected) != std::string::npos);
        }
        CHECK(on_pdf(pdf, "pdftoppm -png -r 100 -singlefile {} {} && zbarimg --raw -q {}.png") ==
              receipt_qr_payload(d) + "\n");
    }
    // Registered: the drive's attributes replace the mark.
    d.fiscal_state = "fiscalised";
    d.fiscal_fn = "9999000000000001";
    d.fiscal_fd = 5;
    d.fiscal_sign = "1558466641";
    d.fiscal_at = d.created_at;
    const std::string all = words(receipt_pdf(d, ReceiptPaper::roll80));
    CHECK(all.find("AWAITING") == std::string::npos);
    CHECK(all.find("FN 9999000000000001") != std::string::npos);
    CHECK(all.find("FP 1558466641") != std::string::npos);
}
