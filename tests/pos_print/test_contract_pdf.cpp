// The subscriber's contract as printed (152-FZ art. 9): A4, two copies, each with the parties, the number
// and tariff, the whole consent text of the version signed and the places for both signatures, read back
// from the PDF with pdftotext. domain.md has no consent rule: R-POS-7's registration form is the nearest.
#include <catch2/catch.hpp>

#include "tests/support/LanguageGuard.hpp"

#include "pos/core/sale/PersonalDataConsent.hpp"
#include "pos/print/ContractPdf.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace salon;
using namespace salon::pos;
namespace fs = std::filesystem;

namespace {

std::string pdf_text(const std::string& bytes, const std::string& options = "") {
    char folder[] = "/tmp/salon-contract-XXXXXX";
    REQUIRE(mkdtemp(folder));
    const fs::path pdf = fs::path(folder) / "c.pdf", txt = fs::path(folder) / "c.txt";
    std::ofstream(pdf, std::ios::binary) << bytes;
    // Without -layout: the paragraphs' words in reading order, one wrapped line after another.
    const std::string command = "pdftotext " + options + " '" + pdf.string() + "' '" + txt.string() + "'";
    REQUIRE(std::system(command.c_str()) == 0);
    std::ifstream in(txt);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    fs::remove_all(folder);
    // Lines wrapped by the layout joined back into one run of words.
    for (char& c : text)
        if (c == '\n') c = ' ';
    return text;
}

}  // namespace

TEST_CASE("The printed contract carries the consent text in two copies with both signatures",
          "[print][consent][R-POS-7][152-FZ]") {
    test::LanguageGuard en(Language::english);
    SubscriberContract c;
    c.sale_id = 41;
    c.number = "41";
    c.signed_at = 1796205600;  // 2026-12-02
    c.time_zone = "Europe/Moscow";
    c.dealer_name = "ООО «Связь»";
    c.dealer_inn = "7730543210";
    c.salon_name = "Салон на Тверской";
    c.salon_address = "Москва, Тверская, 1";
    c.staff_name = "Смирнова Анна";
    c.client_name = "Иванов Иван Иванович";
    c.client_passport = "45 ** ****56";
    c.numbers = {{"+7 916 000-00-01", "Классический"}};
    c.consent_version = current_consent_text().version;
    c.marketing = true;
    const std::string pdf = contract_pdf(c);
    REQUIRE(pdf.rfind("%PDF", 0) == 0);
    const std::string first = pdf_text(pdf, "-f 1 -l 1");
    CHECK(first.find("Copy 1 of 2: for the subscriber") != std::string::npos);
    const std::string all = pdf_text(pdf);
    CHECK(all.find("Copy 2 of 2: for the salon") != std::string::npos);
    for (const char* expected : {"No. 41 of 02.12.2026", "Иванов Иван Иванович", "45 ** ****56", "+7 916 000-00-01",
                                 "Классический", "Смирнова Анна", "Subscriber", "Specialist of the salon",
                                 "signature", "text version 2026-12", "AGREES to receive offers",
                                 "for 3 years after it ends"}) {
        INFO(expected);
        CHECK(all.find(expected) != std::string::npos);
    }
}
