// What the desk's Sales page asks of core beside the sale itself: which lines of a sale may still be
// refunded at the desk, and the client's reason for a refund, journaled with it (R-POS-8, R-POS-10).
#include <catch2/catch.hpp>

#include "pos/core/audit/AuditJournal.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/sale/Sale.hpp"
#include "pos/core/sale/Shift.hpp"
#include "pos/core/catalog/SimStock.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"
#include "tests/pos_core/DeskFixture.hpp"

using namespace salon;
using namespace salon::pos;
using salon::test::refusal;

namespace {

// A salon with the catalog, two numbered cards and an open shift; one sale of a SIM, a case and a top-up.
struct RefundDesk : salon::test::DeskFixture {
    std::vector<std::string> cards;
    CommittedSale sale;
    SaleRecord record;
    RefundDesk() {
        import_tariff_catalog(db(), builtin_tariff_catalog());
        seed_demo_products(db());
        const auto intake =
            sim_range(iccid_with_check_digit("897010200000000101"), 2, "+79160000101", "nano");
        receive_sims(db(), cli, salon, intake);
        for (const auto& c : intake) cards.push_back(c.iccid);
        open_shift(db(), specialist(), "till-1", Money::from_kopecks(100000));
        SaleDraft d;
        d.with_client = true;
        d.client = ClientForm{"Сидоров Пётр Ильич",
                              "02.03.1980",
                              "4507 765432",
                              "11.04.2005",
                              "ОВД Арбат г. Москвы",
                              "г. Москва, ул. Арбат, д. 3",
                              ""};
        DraftLine sim, case_, top_up;
        sim.kind = LineKind::sim;
        sim.iccid = cards[0];
        sim.tariff_code = "smart";
        case_.kind = LineKind::accessory;
        case_.product_code = "acc-case";
        top_up.kind = LineKind::top_up;
        top_up.msisdn = "+79160000101";
        top_up.amount = "200";
        d.lines = {sim, case_, top_up};
        d.paid_cash = "2000";
        sale = commit_sale(db(), specialist(), "till-1", d);
        record = get_sale(db(), specialist(), sale.sale_id);
    }
    std::string input_of(const std::function<void()>& f) {
        try {
            f();
        } catch (const InputError& e) {
            return e.input();
        }
        return "";
    }
};

}  // namespace

TEST_CASE("The desk refunds goods and SIM cards, never what the operator handles [R-POS-8]",
          "[sale][refund]") {
    CHECK(refundable_at_desk(LineKind::sim));
    CHECK(refundable_at_desk(LineKind::sim_replacement));
    CHECK(refundable_at_desk(LineKind::service));
    CHECK(refundable_at_desk(LineKind::gadget));
    CHECK(refundable_at_desk(LineKind::accessory));
    CHECK_FALSE(refundable_at_desk(LineKind::top_up));
    CHECK_FALSE(refundable_at_desk(LineKind::tariff_change));
    CHECK_FALSE(refundable_at_desk(LineKind::port_in));
}

TEST_CASE("The refunded lines of a sale are known, and only to those who see the sale [R-POS-8]",
          "[sale][refund]") {
    RefundDesk f;
    CHECK(refunded_line_ids(f.db(), f.specialist(), f.sale.sale_id).empty());
    const auto& lines = f.record.lines;
    refund_sale(f.db(), f.senior(), "till-1", f.sale.sale_id, {lines[1].id}, std::nullopt,
                std::string("не подошёл"));
    CHECK(refunded_line_ids(f.db(), f.specialist(), f.sale.sale_id) ==
          std::vector<std::int64_t>{lines[1].id});
    refund_sale(f.db(), f.senior(), "till-1", f.sale.sale_id, {lines[0].id}, std::nullopt,
                std::string("передумал"));
    CHECK(refunded_line_ids(f.db(), f.specialist(), f.sale.sale_id) ==
          std::vector<std::int64_t>{lines[0].id, lines[1].id});
    // Another dealer's person does not learn about the sale at all.
    CHECK_FALSE(refusal([&] { refunded_line_ids(f.db(), f.stranger(), f.sale.sale_id); }).empty());
}

TEST_CASE("A refund's reason, when asked, is required and journaled with it [R-POS-10]",
          "[sale][refund][audit]") {
    RefundDesk f;
    const auto sim_line = f.record.lines[0].id;
    const auto refunds = [&] { return f.count("SELECT COUNT(*) FROM sale WHERE kind = 'refund'"); };
    CHECK(f.input_of([&] {
        refund_sale(f.db(), f.senior(), "till-1", f.sale.sale_id, {sim_line}, std::nullopt,
                    std::string("  "));
    }) == "reason");
    // Two letters are four bytes in Cyrillic: still too short.
    CHECK(f.input_of([&] {
        refund_sale(f.db(), f.senior(), "till-1", f.sale.sale_id, {sim_line}, std::nullopt,
                    std::string("ок"));
    }) == "reason");
    CHECK(refunds() == 0);
    // Without the senior's approval the specialist is refused before anything is written, reason or not.
    CHECK_THAT(refusal([&] {
                   refund_sale(f.db(), f.specialist(), "till-1", f.sale.sale_id, {sim_line}, std::nullopt,
                               std::string("брак"));
               }),
               Catch::Contains("Refund a payment"));
    const auto ok = approve(f.db(), f.specialist(), Permission::refund, "senior", "password1");
    const auto back = refund_sale(f.db(), f.specialist(), "till-1", f.sale.sale_id, {sim_line}, ok,
                                  std::string("  клиент передумал  "));
    CHECK(refunds() == 1);
    bool journaled = false;
    for (const auto& e : list_entries(f.db(), {}, 50))
        if (e.action == "sale.refund" && e.subject == "sale:" + std::to_string(back.sale_id)) {
            journaled = true;
            CHECK_THAT(e.details, Catch::EndsWith(" reason=клиент передумал"));
            CHECK_THAT(e.details, Catch::Contains("approved_by=staff:" + std::to_string(f.senior_id)));
        }
    CHECK(journaled);
    // The command line gives no reason: the refund is journaled as before, without one.
    const auto plain = refund_sale(f.db(), f.senior(), "till-1", f.sale.sale_id, {f.record.lines[1].id});
    for (const auto& e : list_entries(f.db(), {}, 50))
        if (e.subject == "sale:" + std::to_string(plain.sale_id))
            CHECK_THAT(e.details, !Catch::Contains("reason="));
    CHECK_FALSE(verify(f.db(), f.key).problem);
}
