// The customer's receipt as text (R-POS-10): lines, VAT per rate, the payment agent's attributes, the
// awaiting-fiscalisation mark, widths of receipt printers, and the QR payload.
#include <catch2/catch.hpp>

#include "tests/support/LanguageGuard.hpp"

#include "pos/core/sale/ReceiptDocument.hpp"
#include "pos/core/sale/ReceiptSample.hpp"
#include "pos/core/catalog/ProductCatalog.hpp"

#include <algorithm>
#include <regex>
#include <stdexcept>
#include <string>

using namespace salon;
using namespace salon::pos;
using salon::test::LanguageGuard;

namespace {

const std::string nbsp = "\u00A0";

std::size_t code_points(const std::string& s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string joined(const std::vector<std::string>& lines) {
    std::string all;
    for (const auto& l : lines) all += l + "\n";
    return all;
}

// Index of the first line containing `needle`, or -1.
int find_line(const std::vector<std::string>& lines, const std::string& needle) {
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].find(needle) != std::string::npos) return static_cast<int>(i);
    return -1;
}

int count_lines(const std::vector<std::string>& lines, const std::string& needle) {
    return static_cast<int>(std::count_if(lines.begin(), lines.end(), [&](const std::string& l) {
        return l.find(needle) != std::string::npos;
    }));
}

ReceiptDocument::Line line(int no, std::string what, int quantity, std::int64_t price, int vat_bp) {
    ReceiptDocument::Line l;
    l.line_no = no;
    l.description = std::move(what);
    l.quantity = quantity;
    l.unit_price = price;
    l.amount = price * quantity;
    l.vat_code = vat_bp == 0 ? "none" : "standard";
    l.vat_basis_points = vat_bp;
    l.vat_amount = vat_included(l.amount, vat_bp);
    return l;
}

}  // namespace

TEST_CASE("The VAT included in a price is taken out once, to the kopeck", "[R-POS-10][receipt]") {
    CHECK(vat_included(30000, 2200) == 5410);      // 300,00 × 22 / 122 = 54,098...
    CHECK(vat_included(150000, 2200) == 27049);    // 1 500,00 → 270,49
    CHECK(vat_included(1220000, 2200) == 220000);  // 12 200,00 → 2 200,00 exactly
    CHECK(vat_included(100000, 0) == 0);
    CHECK(vat_included(-30000, 2200) == -5410);  // a refund's line
}

TEST_CASE("A receipt lists each line as quantity × price = amount with its VAT", "[R-POS-10][receipt]") {
    LanguageGuard russian(Language::russian);
    const auto text = receipt_text(sample_receipt(), 42);
    INFO(joined(text));
    CHECK(find_line(text, "ООО «Связь-Ритейл»") == 0);
    CHECK(find_line(text, "ИНН 7730543210") == 1);
    CHECK(find_line(text, "КАССОВЫЙ ЧЕК. ПРИХОД") > 0);
    CHECK(find_line(text, "25.11.2026 14:35") > 0);  // Moscow's clock, not UTC (11:35)
    CHECK(find_line(text, "11:35") == -1);
    CHECK(find_line(text, "Чек № 37") > 0);
    CHECK(find_line(text, "Смена № 12") > 0);
    CHECK(find_line(text, "Касса: desk-1") > 0);
    CHECK(find_line(text, "Кассир: Иванов Артём Сергеевич") > 0);
    CHECK(find_line(text, "Номер: +7 916 123-45-67") > 0);

    const int accessory = find_line(text, "2. Чехол-книжка");
    REQUIRE(accessory > 0);
    const std::string& price_line = text[static_cast<std::size_t>(accessory) + 1];
    CHECK(price_line.starts_with("   2 × 750,00"));
    CHECK(price_line.ends_with("= 1" + nbsp + "500,00"));
    CHECK(text[static_cast<std::size_t>(accessory) + 2].find("НДС 22%") != std::string::npos);
    CHECK(text[static_cast<std::size_t>(accessory) + 2].ends_with("270,49"));
}

TEST_CASE("VAT is totalled per rate: «в т.ч. НДС 22%» and the part without VAT", "[R-POS-10][receipt]") {
    LanguageGuard russian(Language::russian);
    ReceiptDocument doc = sample_receipt();
    SECTION("the sample: 22% and a top-up without VAT") {
        const auto text = receipt_text(doc, 42);
        INFO(joined(text));
        const int vat = find_line(text, "в т.ч. НДС 22%:");
        REQUIRE(vat > 0);
        CHECK(text[static_cast<std::size_t>(vat)].ends_with("412,95"));  // 54,10 + 270,49 + 88,36
        const int none = find_line(text, "Без НДС:");
        REQUIRE(none > 0);
        CHECK(text[static_cast<std::size_t>(none)].ends_with("1" + nbsp + "000,00"));
        CHECK(find_line(text, "ИТОГ") < vat);
        CHECK(text[static_cast<std::size_t>(find_line(text, "ИТОГ"))].ends_with("3" + nbsp + "290,00"));
    }
    SECTION("three rates, each once, in the order they first appear") {
        doc.lines = {line(1, "Телефон", 1, 1220000, 2200), line(2, "Книга", 1, 11000, 1000),
                     line(3, "Пополнение", 1, 50000, 0), line(4, "Чехол", 1, 122000, 2200)};
        const auto totals = receipt_vat_totals(doc);
        REQUIRE(totals.size() == 3);
        CHECK(totals[0].vat_basis_points == 2200);
        CHECK(totals[0].vat_amount == 220000 + 22000);
        CHECK(totals[0].base == 1342000);
        CHECK(totals[1].vat_basis_points == 1000);
        CHECK(totals[1].vat_amount == 1000);
        CHECK(totals[2].vat_code == "none");
        CHECK(totals[2].base == 50000);

        const auto text = receipt_text(doc, 42);
        INFO(joined(text));
        CHECK(count_lines(text, "в т.ч. НДС 22%:") == 1);
        CHECK(text[static_cast<std::size_t>(find_line(text, "в т.ч. НДС 22%:"))].ends_with("2" + nbsp +
                                                                                           "420,00"));
        CHECK(count_lines(text, "в т.ч. НДС 10%:") == 1);
        CHECK(count_lines(text, "Без НДС:") == 1);
    }
    SECTION("a fractional rate keeps its fraction") {
        doc.lines = {line(1, "Услуга", 1, 11250, 1250)};
        CHECK(find_line(receipt_text(doc, 42), "в т.ч. НДС 12,5%:") > 0);
    }
}

TEST_CASE("A top-up carries the payment agent's attributes and the operator as supplier (54-FZ)",
          "[R-POS-10][receipt]") {
    LanguageGuard russian(Language::russian);
    ReceiptDocument doc = sample_receipt();
    for (int width : {32, 42, 48}) {
        const auto text = receipt_text(doc, width);
        INFO(joined(text));
        // Only the top-up (line 4) is accepted as an agent: the mark appears once, after it.
        CHECK(count_lines(text, "Платёжный агент") == 1);
        CHECK(find_line(text, "Платёжный агент") > find_line(text, "4. Пополнение баланса"));
        CHECK(find_line(text, "Поставщик:") > find_line(text, "Платёжный агент"));
        std::string flat = joined(text);
        std::replace(flat.begin(), flat.end(), '\n', ' ');
        flat = std::regex_replace(flat, std::regex(" +"), " ");
        CHECK(flat.find("Поставщик: ПАО «Оператор связи», ИНН 7700123459") != std::string::npos);
    }
    doc.supplier_name.clear();
    CHECK(find_line(receipt_text(doc, 42), "Поставщик: оператор связи") > 0);
    for (auto& l : doc.lines) l.agent = false;
    CHECK(find_line(receipt_text(doc, 42), "Платёжный агент") == -1);
}

TEST_CASE("Until the registrar prints it, the receipt says it is not fiscal", "[R-POS-10][receipt]") {
    LanguageGuard russian(Language::russian);
    ReceiptDocument doc = sample_receipt();
    doc.fiscal_state = "awaiting";
    auto text = receipt_text(doc, 42);
    CHECK(find_line(text, "*** ОЖИДАЕТ ФИСКАЛИЗАЦИИ ***") > 0);
    CHECK(find_line(text, "Не является фискальным чеком") > 0);
    CHECK(receipt_layout(doc, 42)[static_cast<std::size_t>(find_line(text, "ОЖИДАЕТ"))].emphasis);

    doc.fiscal_state = "failed";
    text = receipt_text(doc, 42);
    CHECK(find_line(text, "ОЖИДАЕТ ФИСКАЛИЗАЦИИ") == -1);
    CHECK(find_line(text, "ОШИБКА ФИСКАЛИЗАЦИИ") > 0);
    CHECK(find_line(text, "Не является фискальным чеком") > 0);

    doc.fiscal_state = "fiscalised";
    text = receipt_text(doc, 42);
    CHECK(find_line(text, "ФИСКАЛИЗАЦИИ") == -1);
    CHECK(find_line(text, "Не является фискальным") == -1);

    LanguageGuard english(Language::english);
    doc.fiscal_state = "awaiting";
    CHECK(find_line(receipt_text(doc, 32), "AWAITING FISCALISATION") > 0);
}

TEST_CASE("Payment: cash handed over, card and change", "[R-POS-10][receipt]") {
    LanguageGuard russian(Language::russian);
    ReceiptDocument doc = sample_receipt();
    auto text = receipt_text(doc, 42);
    INFO(joined(text));
    CHECK(text[static_cast<std::size_t>(find_line(text, "Наличными"))].ends_with("1" + nbsp + "500,00"));
    CHECK(text[static_cast<std::size_t>(find_line(text, "Безналичными"))].ends_with("2" + nbsp + "000,00"));
    CHECK(text[static_cast<std::size_t>(find_line(text, "Сдача"))].ends_with("210,00"));
    doc.paid_card = doc.total;
    doc.paid_cash = doc.change_due = 0;
    text = receipt_text(doc, 42);
    CHECK(find_line(text, "Наличными") == -1);
    CHECK(find_line(text, "Сдача") == -1);
}

TEST_CASE("No line is wider than the printer: 32, 42 and 48 characters", "[R-POS-10][receipt]") {
    ReceiptDocument doc = sample_receipt();
    // Long names, a word longer than any line, a large amount.
    doc.dealer_name = "Общество с ограниченной ответственностью «Связь-Ритейл Северо-Запад и Калининград»";
    doc.salon_address =
        "Калининградская область, город Калининград, Ленинский проспект, дом 30, помещение 12";
    doc.lines.push_back(line(5, "Смартфон " + std::string(70, 'X') + " 256 ГБ", 3, 9999999999, 2200));
    doc.cashier_name = "Константинопольская-Апостолопулу Екатерина-Александра Владиславовна";
    doc.audit_note = std::string(100, '#');
    for (Language language : {Language::russian, Language::english}) {
        LanguageGuard guard(language);
        for (int width : {24, 32, 42, 48}) {
            const auto text = receipt_text(doc, width);
            INFO("width " << width << "\n" << joined(text));
            for (const auto& l : text) CHECK(code_points(l) <= static_cast<std::size_t>(width));
            // Nothing is lost in wrapping: the long word's pieces add up.
            const std::string all = joined(text);
            CHECK(std::count(all.begin(), all.end(), 'X') == 70);
            CHECK(find_line(text, "= 299" + (language == Language::russian ? nbsp : std::string(","))) > 0);
        }
    }
    CHECK_THROWS_AS(receipt_text(doc, 23), std::invalid_argument);
}

TEST_CASE("The QR payload is the tax service's check format without the fiscal fields",
          "[R-POS-10][receipt]") {
    ReceiptDocument doc = sample_receipt();
    // 11:35 UTC is 14:35 in Moscow: the payload carries the salon's local time, like the register.
    CHECK(receipt_qr_payload(doc) == "t=20261125T1435&s=3290.00&n=1");
    CHECK(std::regex_match(receipt_qr_payload(doc), std::regex(R"(t=\d{8}T\d{4}&s=\d+\.\d{2}&n=[12])")));
    CHECK(receipt_qr_payload(doc).find("fn=") == std::string::npos);

    doc.kind = "refund";
    doc.total = 5;
    doc.time_zone = "Asia/Vladivostok";  // UTC+10
    CHECK(receipt_qr_payload(doc) == "t=20261125T2135&s=0.05&n=2");

    CHECK(receipt_qr_text(doc) == receipt_qr_payload(doc));
    doc.qr_payload = "t=20261125T2135&s=0.05&fn=7380440700000001&i=42&fp=1234567890&n=2";
    CHECK(receipt_qr_text(doc) == doc.qr_payload);
}

TEST_CASE("The receipt shows the salon's local time; an unknown zone is shown as UTC",
          "[R-POS-10][receipt]") {
    LanguageGuard russian(Language::russian);
    ReceiptDocument doc = sample_receipt();
    CHECK(receipt_local_time(doc) == "25.11.2026 14:35");
    doc.time_zone = "Europe/Kaliningrad";
    CHECK(receipt_local_time(doc) == "25.11.2026 13:35");
    doc.time_zone = "Mars/Olympus";
    CHECK(receipt_local_time(doc) == "25.11.2026 11:35 UTC");
    doc.time_zone.clear();
    CHECK(receipt_local_time(doc) == "25.11.2026 11:35 UTC");
}

TEST_CASE("Amounts on the receipt follow the language without a currency sign", "[R-POS-10][receipt]") {
    {
        LanguageGuard russian(Language::russian);
        CHECK(receipt_amount(220000) == "2" + nbsp + "200,00");
        CHECK(receipt_amount(5) == "0,05");
        CHECK(receipt_title(sample_receipt()) == "КАССОВЫЙ ЧЕК. ПРИХОД");
    }
    LanguageGuard english(Language::english);
    CHECK(receipt_amount(220000) == "2,200.00");
    CHECK(receipt_amount(-150) == "\u2212" "1.50");  // the typographic minus, as Money::format
    ReceiptDocument refund = sample_receipt();
    refund.kind = "refund";
    CHECK(receipt_title(refund) == "CASH RECEIPT: REFUND OF SALE");
}
