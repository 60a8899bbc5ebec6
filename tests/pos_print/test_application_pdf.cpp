// The remote-service application as printed (R-CORP-2): A4, two copies (one page each), every field of the
// form and the places for the signature and the seal, read back from the PDF with pdftotext.
#include <catch2/catch.hpp>

#include "tests/support/LanguageGuard.hpp"

#include "db/UserError.hpp"
#include "pos/print/ApplicationPdf.hpp"
#include "pos/print/ReceiptPdf.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <unistd.h>

using namespace salon;
using namespace salon::pos;
namespace fs = std::filesystem;

namespace {

RemoteServiceApplication sample_application() {
    RemoteServiceApplication a;
    a.id = 42;
    a.client_id = 7;
    a.official_name = "ООО «Ромашка»";
    a.bound_email = "it@romashka.ru";
    a.admin_msisdn = "+79021000001";
    a.confirmation = AuthorisationConfirmation::sms;
    a.power_of_attorney.kind = PowerOfAttorneyKind::general_power_of_attorney;
    a.power_of_attorney.number = "17-Д";
    a.power_of_attorney.issued_on = "2026-12-01";
    a.power_of_attorney.valid_until = "2027-12-31";
    a.power_of_attorney.issued_by = "Генеральный директор Ромашкин А. А.";
    a.power_of_attorney.issued_to = "Лисицына Мария Олеговна";
    a.replaces_id = 40;
    a.salon_name = "Салон на Тверской";
    a.created_at = 1796205600;  // 2026-12-02
    return a;
}

CorporateClient sample_client() {
    CorporateClient c;
    c.id = 7;
    c.kind = CorporateClientKind::legal_entity;
    c.inn = "7708123450";
    c.ogrn = "1027700123450";
    c.kpp = "770801001";
    c.official_name = "ООО «Ромашка»";
    c.contract_number = "К-2026/17";
    c.contract_date = "2026-03-15";
    return c;
}

std::string pdf_text(const std::string& bytes, const std::string& options = "") {
    char folder[] = "/tmp/salon-application-XXXXXX";
    REQUIRE(mkdtemp(folder));
    const fs::path pdf = fs::path(folder) / "a.pdf", txt = fs::path(folder) / "a.txt";
    std::ofstream(pdf, std::ios::binary) << bytes;
    const std::string command = "pdftotext -layout " + options + " '" + pdf.string() + "' '" + txt.string() + "'";
    REQUIRE(std::system(command.c_str()) == 0);
    std::ifstream in(txt);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    fs::remove_all(folder);
    return text;
}

}  // namespace

TEST_CASE("The application prints on A4 in two copies with every field, signature and seal", "[print][R-CORP-2]") {
    test::LanguageGuard en(Language::english);
    const std::string pdf = application_pdf(sample_application(), sample_client());
    REQUIRE(pdf.rfind("%PDF", 0) == 0);
    // One A4 page per copy.
    static const std::regex box(R"(/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\])");
    int pages = 0;
    for (auto it = std::sregex_iterator(pdf.begin(), pdf.end(), box); it != std::sregex_iterator(); ++it) {
        ++pages;
        CHECK(std::stod((*it)[1]) == Approx(a4_width_mm * points_per_mm).margin(1));
        CHECK(std::stod((*it)[2]) == Approx(a4_height_mm * points_per_mm).margin(1));
    }
    CHECK(pages == kApplicationCopies);

    for (int page = 1; page <= 2; ++page) {
        const std::string text = pdf_text(pdf, "-f " + std::to_string(page) + " -l " + std::to_string(page));
        CHECK(text.find(page == 1 ? "Copy 1 of 2: for the client" : "Copy 2 of 2: for the operator") != std::string::npos);
        for (const char* expected :
             {"ООО «Ромашка»", "7708123450", "1027700123450", "770801001", "К-2026/17", "15.03.2026",
              "it@romashka.ru", "+7 902 100-00-01", "General power of attorney No. 17-Д of 01.12.2026",
              "31.12.2027", "Ромашкин", "Лисицына Мария Олеговна", "replaces application No. 40",
              "free of charge", "Authorised person of the client", "signature", "Seal", "Specialist of the salon"}) {
            INFO(expected);
            CHECK(text.find(expected) != std::string::npos);
        }
    }
}

TEST_CASE("The application of a sole proprietor names the OGRNIP and no KPP", "[print][R-CORP-2][R-CORP-1]") {
    test::LanguageGuard en(Language::english);
    CorporateClient ip = sample_client();
    ip.kind = CorporateClientKind::sole_proprietor;
    ip.inn = "771234567859";
    ip.ogrn = "318774600123452";
    ip.kpp.clear();
    RemoteServiceApplication a = sample_application();
    a.replaces_id = 0;
    const std::string text = pdf_text(application_pdf(a, ip));
    CHECK(text.find("OGRNIP") != std::string::npos);
    CHECK(text.find("KPP") == std::string::npos);
    CHECK(text.find("Sole proprietor") != std::string::npos);
    CHECK(text.find("replaces application") == std::string::npos);
    CHECK_THROWS_AS(write_application_pdf(a, ip, "/nonexistent-folder/a.pdf"), UserError);
}
