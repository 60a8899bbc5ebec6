// Business tariffs at the corporate desk: connected for one number or many at once, with Альфа's connection
// fee of 750 ₽ per number on the sale's receipt (R-TAR-3), a change of tariff for the company's numbers, who
// may order it (R-CORP-6), and a trainee refused (R-TRN-11).
#include "pos/core/sale/ReceiptDocument.hpp"
#include "pos/core/sale/SaleReceipt.hpp"
#include "pos/core/sale/Shift.hpp"
#include "pos/corporate/BusinessTariffOrder.hpp"
#include "pos/corporate/PowerOfAttorney.hpp"
#include "tests/pos_corporate/CorporateFixture.hpp"

#include <catch2/catch.hpp>

using namespace salon;
using namespace salon::pos;
using namespace salon::test;

namespace {

struct TariffFixture : CorporateFixture {
    std::int64_t head = 0;
    TariffFixture() {
        open_shift(db(), specialist(), "till-1", Money::from_kopecks(1000'00));
        head = add_power_of_attorney(db(), specialist(), company, head_poa());
    }
    std::string tariff_of(const std::string& msisdn) {
        std::string code;
        db().sql() << "SELECT t.code FROM corporate_number n JOIN tariff t ON t.id = n.tariff_id WHERE n.msisdn = :m",
            soci::use(msisdn), soci::into(code);
        return code;
    }
};

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

}  // namespace

TEST_CASE("Альфа is connected for many numbers at once with 750 ₽ a number on the receipt",
          "[corporate][business-tariff][R-TAR-3][R-CORP-13]") {
    TariffFixture f;
    BusinessTariffOrder order;
    order.client_id = f.company;
    order.msisdns = {"+79021000011", "8 902 100-00-12", "+79021000002"};  // two new, one the company's (Бета)
    order.tariff = "Альфа";
    order.representative = {f.head, ""};
    order.paid_cash = "2250";
    const BusinessTariffResult r = connect_business_tariff(f.db(), f.specialist(), "till-1", order);
    CHECK(r.connected == 2);
    CHECK(r.changed == 1);
    CHECK(r.sale.total == Money::from_kopecks(3 * 750'00));
    CHECK(f.tariff_of("+79021000011") == "alfa");
    CHECK(f.tariff_of("+79021000002") == "alfa");
    const SaleRecord sale = get_sale(f.db(), f.specialist(), r.sale.sale_id);
    REQUIRE(sale.lines.size() == 3);
    for (const auto& l : sale.lines) {
        CHECK(l.kind == LineKind::corporate_tariff);
        CHECK(l.amount == Money::from_kopecks(750'00));
        CHECK_FALSE(refundable_at_desk(l.kind));
    }
    const std::string receipt = joined(receipt_text(receipt_for_sale(f.db(), f.specialist(), r.sale.sale_id), 48));
    CHECK(receipt.find("Альфа") != std::string::npos);
    CHECK(receipt.find("+7 902 100-00-12") != std::string::npos);
    CHECK(receipt.find("750") != std::string::npos);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'corporate.tariff.connect'") == 1);
    CHECK(f.count("SELECT COUNT(*) FROM gateway_request WHERE kind = 'tariff_change'") == 3);

    // A change to a tariff without a connection fee: a receipt of 0 ₽ that still lists the change.
    BusinessTariffOrder change;
    change.client_id = f.company;
    change.msisdns = {"+79021000011"};
    change.tariff = "gamma";
    change.representative = {f.head, ""};
    change.changes_only = true;
    const auto changed = connect_business_tariff(f.db(), f.specialist(), "till-1", change);
    CHECK(changed.changed == 1);
    CHECK(changed.sale.total == Money());
    CHECK(f.tariff_of("+79021000011") == "gamma");
}

TEST_CASE("An employee without a power of attorney cannot change a tariff, and nothing is saved",
          "[corporate][business-tariff][R-CORP-6]") {
    TariffFixture f;
    const auto sales = f.count("SELECT COUNT(*) FROM sale");
    BusinessTariffOrder order;
    order.client_id = f.company;
    order.msisdns = {"+79021000002"};
    order.tariff = "alfa";
    order.representative = {0, "+79021000002"};  // his own number, no power of attorney
    order.paid_cash = "750";
    CHECK(refusal([&] { connect_business_tariff(f.db(), f.specialist(), "till-1", order); })
              .find("without a power of attorney cannot change a tariff") != std::string::npos);
    // Nor a new number with an employee's own power of attorney; nor a change of a number not the company's.
    PowerOfAttorneyForm own = head_poa();
    own.number = "30-Д";
    own.for_msisdn = "+79021000002";
    order.representative = {add_power_of_attorney(f.db(), f.specialist(), f.company, own), ""};
    order.msisdns = {"+79021000099"};
    CHECK_THROWS_AS(connect_business_tariff(f.db(), f.specialist(), "till-1", order), RefusedError);
    order.representative = {f.head, ""};
    order.changes_only = true;
    CHECK_THROWS_AS(connect_business_tariff(f.db(), f.specialist(), "till-1", order), InputError);
    // Already on the tariff; a private tariff.
    order.changes_only = false;
    order.msisdns = {"+79021000001"};
    CHECK_THROWS_AS(connect_business_tariff(f.db(), f.specialist(), "till-1", order), InputError);
    order.tariff = "smart";
    CHECK_THROWS_AS(connect_business_tariff(f.db(), f.specialist(), "till-1", order), InputError);
    CHECK(f.count("SELECT COUNT(*) FROM sale") == sales);
    CHECK(f.tariff_of("+79021000002") == "beta");
    CHECK(f.count("SELECT COUNT(*) FROM corporate_number WHERE msisdn = '+79021000099'") == 0);
    // With his power of attorney for his own number he changes that number's tariff.
    order.msisdns = {"+79021000002"};
    order.tariff = "alfa";
    order.representative = {f.count("SELECT MAX(id) FROM power_of_attorney"), ""};
    connect_business_tariff(f.db(), f.specialist(), "till-1", order);
    CHECK(f.tariff_of("+79021000002") == "alfa");
}

TEST_CASE("A trainee is refused at the corporate desk, and the sales desk cannot sell a business tariff",
          "[corporate][business-tariff][R-TRN-11]") {
    TariffFixture f;
    const auto trainee = save_staff(f.db(), f.cli, {"trainee", "Соколова Елена", Role::specialist, f.salon, 0,
                                                    CareerLevel::trainee, "password1"});
    record_certification(f.db(), f.cli, trainee, "2026-11-20", f.trainer_id);
    const Actor her = f.as(trainee);
    open_shift(f.db(), her, "till-2", Money::from_kopecks(100'00));
    BusinessTariffOrder order;
    order.client_id = f.company;
    order.msisdns = {"+79021000002"};
    order.tariff = "alfa";
    order.representative = {f.head, ""};
    order.paid_cash = "750";
    CHECK(refusal([&] { connect_business_tariff(f.db(), her, "till-2", order); }).find("trainee") != std::string::npos);
    // The same line typed at the sales desk is refused too, whoever types it.
    SaleDraft draft;
    draft.lines.push_back({LineKind::corporate_tariff, "", 1, "", "+79021000002", "alfa"});
    draft.paid_cash = "750";
    CHECK(refusal([&] { commit_sale(f.db(), f.specialist(), "till-1", draft); }).find("corporate desk") !=
          std::string::npos);
    CHECK(f.count("SELECT COUNT(*) FROM sale") == 0);
}
