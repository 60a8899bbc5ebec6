// The receipt of a committed sale (R-POS-10): what the sale table keeps, laid out as the customer's
// receipt: its lines, VAT per rate, the payment agent's mark on a top-up (54-FZ), the payment as handed
// over, a refund titled as one; and only the sale's own dealer sees it (R-POS-1).
#include <catch2/catch.hpp>

#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/sale/ReceiptDocument.hpp"
#include "pos/core/sale/Sale.hpp"
#include "pos/core/sale/SaleReceipt.hpp"
#include "pos/core/sale/Shift.hpp"
#include "pos/core/catalog/SimStock.hpp"
#include "pos/core/organisation/SupervisorApproval.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"
#include "tests/pos_core/DeskFixture.hpp"
#include "tests/support/LanguageGuard.hpp"

using namespace salon;
using namespace salon::pos;

namespace {

Money rub(long long roubles) { return Money::from_kopecks(roubles * 100); }

std::string joined(const std::vector<std::string>& lines) {
    std::string all;
    for (const auto& l : lines) all += l + "\n";
    return all;
}

// A salon with the catalog, two numbered cards and an open shift; one SIM sale with a top-up of its
// number and an accessory, paid partly by card, with change.
struct SoldDesk : salon::test::DeskFixture {
    std::vector<std::string> cards;
    CommittedSale sale;
    SoldDesk() {
        import_tariff_catalog(db(), builtin_tariff_catalog());
        seed_demo_products(db());
        for (const auto& c : sim_range(iccid_with_check_digit("897010200000000001"), 2, "+79160000001", "nano")) {
            cards.push_back(c.iccid);
            receive_sims(db(), cli, salon, {c});
        }
        open_shift(db(), specialist(), "till-1", rub(1000));
        SaleDraft d;
        d.with_client = true;
        d.client = ClientForm{"Иванов Иван Иванович", "25.11.1990", "4506 123456", "10.12.2010",
                              "ОВД Тверского района г. Москвы", "г. Москва, ул. Тверская, д. 1, кв. 2", ""};
        DraftLine sim, top_up, accessory;
        sim.kind = LineKind::sim;
        sim.iccid = cards[0];
        sim.tariff_code = "smart";
        top_up.kind = LineKind::top_up;
        top_up.msisdn = "+79160000001";
        top_up.amount = "500";
        accessory.kind = LineKind::accessory;
        accessory.product_code = "acc-case";
        d.lines = {sim, top_up, accessory};
        d.paid_card = "300";
        d.paid_cash = "2000";
        sale = commit_sale(db(), specialist(), "till-1", d);
    }
};

}  // namespace

TEST_CASE("A committed sale's receipt shows its lines, VAT per rate and the agent mark of a top-up [R-POS-10]",
          "[sale_receipt][R-POS-10][R-POS-1]") {
    salon::test::LanguageGuard english(Language::english);
    SoldDesk f;
    const SaleRecord stored = get_sale(f.db(), f.specialist(), f.sale.sale_id);
    const ReceiptDocument doc = receipt_for_sale(f.db(), f.specialist(), f.sale.sale_id);

    CHECK(doc.kind == "sale");
    CHECK(doc.dealer_name == "ООО «Связь»");
    CHECK(doc.dealer_inn == "7730543210");
    CHECK(doc.salon_name == "Салон на Тверской");
    CHECK(doc.time_zone == "Europe/Moscow");
    CHECK(doc.till == "till-1");
    CHECK(doc.shift_number == 1);
    CHECK(doc.receipt_number == f.sale.receipt_number);
    CHECK(doc.cashier_name == "Смирнова Анна");
    CHECK(doc.created_at == stored.created_at);
    CHECK(doc.fiscal_state == "awaiting");
    REQUIRE(doc.lines.size() == 3);
    CHECK(doc.lines[1].agent);
    CHECK_FALSE(doc.lines[0].agent);
    CHECK(doc.lines[1].vat_code == "none");
    CHECK(doc.lines[0].vat_basis_points == 2200);
    CHECK(doc.total == f.sale.total.kopecks());
    // The cash handed over, change included, as the sale row keeps it; the change apart.
    CHECK(doc.paid_cash == rub(2000).kopecks());
    CHECK(doc.paid_card == rub(300).kopecks());
    CHECK(doc.change_due == f.sale.change_due.kopecks());
    CHECK(doc.paid_cash + doc.paid_card - doc.change_due == doc.total);
    CHECK(doc.qr_payload == receipt_qr_payload(doc));
    CHECK_THAT(doc.qr_payload, Catch::EndsWith("&n=1"));

    const std::string text = joined(receipt_text(doc, 42));
    CHECK_THAT(text, Catch::Contains("CASH RECEIPT: SALE"));
    CHECK_THAT(text, Catch::Contains("«Смарт»"));
    CHECK_THAT(text, Catch::Contains("Balance top-up"));
    CHECK_THAT(text, Catch::Contains("Payment agent"));
    CHECK_THAT(text, Catch::Contains("incl. VAT 22%"));
    CHECK_THAT(text, Catch::Contains("no VAT"));
    CHECK_THAT(text, Catch::Contains("Смирнова Анна"));
    CHECK_THAT(text, Catch::Contains("AWAITING FISCALISATION"));
    // VAT per rate: the 22% lines' VAT is the sum of their lines' VAT, the top-up carries none.
    const auto vat = receipt_vat_totals(doc);
    REQUIRE(vat.size() == 2);
    CHECK(vat[0].vat_amount == doc.lines[0].vat_amount + doc.lines[2].vat_amount);
    CHECK(vat[1].vat_amount == 0);
    CHECK(vat[1].base == rub(500).kopecks());
}

TEST_CASE("Another dealer's person gets no receipt of the sale [R-POS-1]", "[sale_receipt][R-POS-1]") {
    SoldDesk f;
    CHECK_THROWS_AS(receipt_for_sale(f.db(), f.stranger(), f.sale.sale_id), ValidationError);
    // The same dealer's colleague and head office do.
    CHECK(receipt_for_sale(f.db(), f.colleague(), f.sale.sale_id).receipt_number == f.sale.receipt_number);
    CHECK(receipt_for_sale(f.db(), f.cli, f.sale.sale_id).receipt_number == f.sale.receipt_number);
}

TEST_CASE("A refund's receipt says refund and pays back without change [R-POS-10]", "[sale_receipt][R-POS-10]") {
    salon::test::LanguageGuard english(Language::english);
    SoldDesk f;
    const SaleRecord original = get_sale(f.db(), f.senior(), f.sale.sale_id);
    // The accessory back (a top-up is the operator's to refund).
    const CommittedSale refund =
        refund_sale(f.db(), f.senior(), "till-1", f.sale.sale_id, {original.lines[2].id});
    const ReceiptDocument doc = receipt_for_sale(f.db(), f.senior(), refund.sale_id);
    CHECK(doc.kind == "refund");
    CHECK(doc.receipt_number == f.sale.receipt_number + 1);
    REQUIRE(doc.lines.size() == 1);
    CHECK(doc.total == original.lines[2].amount.kopecks());
    CHECK(doc.change_due == 0);
    CHECK(doc.paid_card + doc.paid_cash == doc.total);
    CHECK_THAT(doc.qr_payload, Catch::EndsWith("&n=2"));
    const std::string text = joined(receipt_text(doc, 42));
    CHECK_THAT(text, Catch::Contains("REFUND"));
    CHECK_THAT(text, Catch::Contains("Козлова Мария"));
}
