// The sales desk's printed documents (R-POS-9, R-POS-10, 54-FZ): a free port-in gets no fiscal receipt (no
// payment, no receipt) but the subscriber's signed application; a paid one keeps its receipt and gets the
// application too; a correction receipt is a document of its own with its 54-FZ attributes; a top-up's
// receipt keeps the payment agent's supplier as it was when the top-up was paid.
#include <catch2/catch.hpp>

#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/catalog/SimStock.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/fiscal/FiscalCorrection.hpp"
#include "pos/core/fiscal/FiscalEmulator.hpp"
#include "pos/core/fiscal/FiscalQueue.hpp"
#include "pos/core/fiscal/PaymentAgent.hpp"
#include "pos/core/sale/PortInApplication.hpp"
#include "pos/core/sale/PortRequest.hpp"
#include "pos/core/sale/ReceiptDocument.hpp"
#include "pos/core/sale/Sale.hpp"
#include "pos/core/sale/SaleReceipt.hpp"
#include "pos/core/sale/Shift.hpp"
#include "tests/pos_core/DeskFixture.hpp"
#include "tests/support/LanguageGuard.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

using namespace salon;
using namespace salon::pos;

namespace {

// 10 December 2026, 12:00 in Moscow; the transfer asked for the 15th.
const std::int64_t kFiled =
    CalendarDate::parse("2026-12-10", "d", tr("Date")).start_unix("Europe/Moscow") + 12 * 3600;

struct Desk : salon::test::DeskFixture {
    Desk() {
        db().set_clock(kFiled);
        import_tariff_catalog(db(), builtin_tariff_catalog());
        seed_demo_products(db());
        open_shift(db(), senior(), "till-1", Money::from_kopecks(100000));
    }
    std::unique_ptr<FiscalRegistrar> registrar() { return registrar_for_till(db(), senior(), "till-1"); }
    SaleDraft port_in(const std::string& number, const std::string& paid = "") {
        SaleDraft d;
        d.with_client = true;
        d.client = ClientForm{"Петров Пётр Петрович", "01.02.1985", "4510 654321", "15.03.2005",
                              "ОВД района Хамовники г. Москвы", "г. Москва, ул. Льва Толстого, д. 16", ""};
        d.lines.push_back({.kind = LineKind::port_in, .msisdn = number, .tariff_code = "smart",
                           .donor_operator = "МТС", .desired_date = "2026-12-15"});
        d.paid_cash = paid;
        return d;
    }
    long long receipts_registered() { return count("SELECT COUNT(*) FROM fiscal_document WHERE kind = 'receipt'"); }
};

}  // namespace

TEST_CASE("A free port-in queues no fiscal receipt and prints the subscriber's application instead",
          "[port][fiscal][R-POS-9][R-POS-10][54-FZ]") {
    test::LanguageGuard en(Language::english);
    Desk f;
    const CommittedSale sale = commit_sale(f.db(), f.senior(), "till-1", f.port_in("8 903 111-22-33"));
    REQUIRE(sale.total == Money());
    // Nothing paid: nothing waits for the registrar, nothing is registered, nothing on the X/Z report.
    CHECK(fiscal_queue(f.db(), f.senior(), "till-1").empty());
    auto r = f.registrar();
    CHECK(fiscalise_sales(f.db(), f.senior(), "till-1", *r, {sale.sale_id}).fiscalised == 0);
    CHECK(retry_fiscal_queue(f.db(), f.senior(), "till-1", *r).fiscalised == 0);
    CHECK(f.receipts_registered() == 0);
    CHECK(f.count("SELECT COUNT(*) FROM fiscal_receipt") == 0);
    const Shift open = *open_shift_at(f.db(), f.senior(), "till-1");
    CHECK(shift_report(f.db(), f.senior(), open.id).awaiting_fiscal.empty());
    CHECK(get_sale(f.db(), f.senior(), sale.sale_id).fiscal_state == "not_required");
    CHECK_THAT(receipt_fiscal_mark(receipt_for_sale(f.db(), f.senior(), sale.sale_id)),
               Catch::Contains("NO FISCAL RECEIPT"));

    // The application: the client masked as the contract shows him, the number, the donor, the date, the
    // card it moves onto (none yet), the salon and specialist, the consent and both signatures.
    const auto applications = port_in_applications(f.db(), f.senior(), sale.sale_id);
    REQUIRE(applications.size() == 1);
    const PortInApplication& a = applications[0];
    CHECK(a.number == "+7 903 111-22-33");
    CHECK(a.donor_operator == "МТС");
    CHECK(a.desired_date == "15.12.2026");
    CHECK(a.client_name == "Петров Пётр Петрович");
    CHECK(a.client_passport.find("654321") == std::string::npos);
    CHECK(a.iccid.empty());
    CHECK(a.fee == 0);
    CHECK_FALSE(a.consent_version.empty());
    // The roll's lines fit its 40 columns; the words are read from the paragraphs.
    for (const auto& line : port_in_application_lines(a, 40))
        CHECK(std::count_if(line.begin(), line.end(), [](char c) { return (c & 0xC0) != 0x80; }) <= 40);
    std::string text;
    for (const auto& p : port_in_application_text(a)) text += p + "\n";
    for (const auto& line : port_in_application_lines(a, 40)) text += line + "\n";
    for (const char* expected : {"Application for the transfer of a subscriber number", "+7 903 111-22-33", "МТС",
                                 "15.12.2026", "SIM card (ICCID): issued at the transfer", "no cash receipt",
                                 "Consent to the processing of personal data", "Subscriber", "Specialist of the salon",
                                 "signature"}) {
        INFO(expected);
        CHECK(text.find(expected) != std::string::npos);
    }
    // Once the transfer is completed, a reprint names the card that took the number.
    const auto cards = sim_range(iccid_with_check_digit("897010200000000501"), 1, "", "nano");
    receive_sims(f.db(), f.cli, f.salon, cards);
    advance_port_request(f.db(), f.senior(), a.port_request_id, PortStatus::accepted);
    f.db().set_clock(CalendarDate::parse("2026-12-15", "d", tr("Date")).start_unix("Europe/Moscow") + 11 * 3600);
    advance_port_request(f.db(), f.senior(), a.port_request_id, PortStatus::completed, {}, cards[0].iccid);
    CHECK(port_in_applications(f.db(), f.senior(), sale.sale_id)[0].iccid == cards[0].iccid);
}

TEST_CASE("A paid port-in keeps its fiscal receipt and gets the application too; a sale without one has none",
          "[port][fiscal][R-POS-9][R-POS-10][54-FZ]") {
    test::LanguageGuard en(Language::english);
    Desk f;
    // The tariff's connection fee in force: 150 roubles.
    f.db().sql() << "UPDATE tariff_version SET connection_fee = 15000 WHERE tariff_id = (SELECT id FROM tariff "
                    "WHERE code = 'smart')";
    const CommittedSale sale = commit_sale(f.db(), f.senior(), "till-1", f.port_in("+79031112244", "150"));
    REQUIRE(sale.total == Money::from_kopecks(15000));
    REQUIRE(fiscal_queue(f.db(), f.senior(), "till-1").size() == 1);
    auto r = f.registrar();
    CHECK(retry_fiscal_queue(f.db(), f.senior(), "till-1", *r).fiscalised == 1);
    CHECK(f.receipts_registered() == 1);
    CHECK(get_sale(f.db(), f.senior(), sale.sale_id).fiscal_state == "fiscalised");
    const auto applications = port_in_applications(f.db(), f.senior(), sale.sale_id);
    REQUIRE(applications.size() == 1);
    CHECK(applications[0].fee == 15000);
    CHECK_THAT(port_in_application_text(applications[0])[7], Catch::Contains("150") && Catch::Contains("cash receipt"));
    // A sale that brings no number over has no application.
    SaleDraft accessory;
    accessory.lines.push_back({.kind = LineKind::accessory, .product_code = "acc-case"});
    accessory.paid_cash = "5000";
    const CommittedSale other = commit_sale(f.db(), f.senior(), "till-1", accessory);
    CHECK_THROWS_AS(port_in_applications(f.db(), f.senior(), other.sale_id), ValidationError);
}

TEST_CASE("A top-up's receipt keeps the supplier as it was when paid; a new top-up carries the new one",
          "[fiscal][agent][R-POS-10][54-FZ]") {
    Desk f;
    const std::string op = top_up_operator(f.db());
    set_agent_supplier(f.db(), f.cli, {op, "ПАО «Старый оператор»", "7700123459", "+7 495 111-11-11"});
    receive_sims(f.db(), f.cli, f.salon, sim_range(iccid_with_check_digit("897010200000000001"), 1, "+79160000001", "nano"));
    SaleDraft sim;
    sim.with_client = true;
    sim.client = ClientForm{"Иванов Иван Иванович", "25.11.1990", "4506 123456", "10.12.2010",
                            "ОВД Тверского района г. Москвы", "г. Москва, ул. Тверская, д. 1, кв. 2", ""};
    sim.lines.push_back({.kind = LineKind::sim, .iccid = iccid_with_check_digit("897010200000000001"), .tariff_code = "classic"});
    sim.paid_cash = "1000";
    commit_sale(f.db(), f.senior(), "till-1", sim);
    SaleDraft d;
    d.lines.push_back({.kind = LineKind::top_up, .msisdn = "+79160000001", .amount = "500"});
    d.lines.push_back({.kind = LineKind::top_up, .msisdn = "+79160000001", .amount = "100"});
    d.paid_cash = "600";
    const CommittedSale old_top_up = commit_sale(f.db(), f.senior(), "till-1", d);
    // The supplier changes before the old top-up is registered or reprinted.
    set_agent_supplier(f.db(), f.cli, {op, "ПАО «Новый оператор»", "7707083893", "+7 495 222-22-22"});
    const ReceiptDocument old_receipt = receipt_for_sale(f.db(), f.senior(), old_top_up.sale_id);
    CHECK(old_receipt.supplier_name == "ПАО «Старый оператор»");
    CHECK(old_receipt.supplier_inn == "7700123459");
    CHECK(old_receipt.supplier_phone == "+74951111111");
    const CommittedSale new_top_up = commit_sale(f.db(), f.senior(), "till-1", d);
    const ReceiptDocument new_receipt = receipt_for_sale(f.db(), f.senior(), new_top_up.sale_id);
    CHECK(new_receipt.supplier_name == "ПАО «Новый оператор»");
    CHECK(new_receipt.supplier_inn == "7707083893");
    // The registrar is sent what the receipt prints: each sale's own supplier.
    auto r = f.registrar();
    retry_fiscal_queue(f.db(), f.senior(), "till-1", *r);
    auto supplier_sent = [&](std::int64_t sale_id) {
        std::string content;
        const std::string request = "sale-" + std::to_string(sale_id);
        f.db().sql() << "SELECT content FROM fiscal_document WHERE request_id = :q", soci::use(request),
            soci::into(content);
        return nlohmann::json::parse(content)["lines"][0]["supplier_inn"].get<std::string>();
    };
    CHECK(supplier_sent(old_top_up.sale_id) == "7700123459");
    CHECK(supplier_sent(new_top_up.sale_id) == "7707083893");
    // A sale without a top-up keeps none.
    CHECK_FALSE(get_sale(f.db(), f.senior(), 1).supplier);
}

TEST_CASE("A correction receipt prints its type, basis, reason, amount, VAT and the registrar's attributes",
          "[fiscal][correction][R-POS-10][54-FZ]") {
    test::LanguageGuard en(Language::english);
    Desk f;
    auto r = f.registrar();
    dynamic_cast<FiscalEmulator&>(*r).set_fault(FiscalFault::paper_out);
    CorrectionRequest c;
    c.kind = CorrectionKind::refund;
    c.amount = Money::from_kopecks(12250);
    c.card = true;
    c.reason = "Refund paid without a receipt";
    c.basis_number = "A-17";
    c.basis_date = "2026-12-09";
    c.by_order = true;
    const std::int64_t id = record_correction(f.db(), f.senior(), "till-1", c);
    CHECK(fiscalise_corrections(f.db(), f.senior(), "till-1", *r, {id}).fault == FiscalFault::paper_out);
    // Before the registrar took it: the mark, no fiscal attributes, the pre-fiscal QR (n=2: refund of income).
    ReceiptDocument doc = correction_receipt(f.db(), f.senior(), id);
    CHECK(doc.kind == "correction_refund");
    CHECK(receipt_title(doc) == "CORRECTION RECEIPT: REFUND OF INCOME");
    CHECK(receipt_number_text(doc) == "Correction No. " + std::to_string(id));
    CHECK_FALSE(receipt_fiscal_mark(doc).empty());
    CHECK(receipt_fiscal_attributes(doc).empty());
    CHECK_THAT(receipt_qr_text(doc), Catch::EndsWith("&s=122.50&n=2"));
    std::string text;
    for (const auto& line : receipt_text(doc, 120)) text += line + "\n";
    for (const char* expected : {"Correction type: by order of the tax authority", "Basis: document No. A-17 of 09.12.2026",
                                 "Reason: Refund paid without a receipt", "122.50", "VAT 22%", "22.09", "Card",
                                 "Shift No. 1", "Till: till-1"}) {
        INFO(expected);
        CHECK(text.find(expected) != std::string::npos);
    }
    // Registered: FN, FD, FP, the fiscal shift and the registrar's own QR payload; no mark.
    dynamic_cast<FiscalEmulator&>(*r).set_fault(FiscalFault::none);
    CHECK(retry_fiscal_queue(f.db(), f.senior(), "till-1", *r).fiscalised == 1);
    doc = correction_receipt(f.db(), f.senior(), id);
    const Correction saved = get_correction(f.db(), f.senior(), id);
    CHECK(saved.by_order);
    CHECK(receipt_fiscal_mark(doc).empty());
    const auto attributes = receipt_fiscal_attributes(doc);
    REQUIRE(attributes.size() >= 4);
    CHECK(attributes[0] == "FN " + saved.fn_number);
    CHECK(attributes[1] == "FD No. " + std::to_string(saved.fd_number));
    CHECK(attributes[2] == "FP " + saved.fiscal_sign);
    CHECK_THAT(receipt_qr_text(doc), Catch::Contains("fn=" + saved.fn_number) && Catch::Contains("&n=2"));
    // The registrar was told the correction's type (tag 1173).
    std::string content;
    const std::string request = correction_request_id(id);
    f.db().sql() << "SELECT content FROM fiscal_document WHERE request_id = :q", soci::use(request), soci::into(content);
    CHECK(nlohmann::json::parse(content)["correction_type"] == "order");
}
