// Gadgets by IMEI (R-POS-1: every sale and every unit of stock belongs to a dealer's salon; R-POS-10: the
// receipt states what was sold): receiving units, selling a phone only by an IMEI in this salon's stock with
// the warranty on the receipt, a refund bringing the unit back; and the stocktake of SIM cards and gadgets
// by scanner, closed with a senior's approval that writes the differences off and in and journals them.
#include <catch2/catch.hpp>

#include "pos/core/catalog/GadgetMovement.hpp"
#include "pos/core/catalog/GadgetStock.hpp"
#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/catalog/SimStock.hpp"
#include "pos/core/catalog/Stocktake.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"
#include "pos/core/identifiers/DigitString.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/sale/ReceiptDocument.hpp"
#include "pos/core/sale/Sale.hpp"
#include "pos/core/sale/SaleReceipt.hpp"
#include "pos/core/sale/Shift.hpp"
#include "tests/pos_core/DeskFixture.hpp"

#include <algorithm>

using namespace salon;
using namespace salon::pos;
using salon::test::refusal;

namespace {

Money rub(long long roubles) { return Money::from_kopecks(roubles * 100); }

// A valid IMEI numbered n (a fictional TAC).
std::string imei(int n) {
    std::string body = std::to_string(n);
    body = "35987210" + std::string(6 - body.size(), '0') + body;
    return body + luhn_check_digit(body);
}

std::string failing_input(const std::function<void()>& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.input();
    }
    return "";
}

// The desk with a phone sold by IMEI (12 months' warranty), a router by quantity, three phones and two
// numbered SIM cards in the salon, one phone in the dealer's second salon, an open shift.
struct GadgetDesk : salon::test::DeskFixture {
    std::vector<std::string> cards;
    GadgetDesk() {
        import_tariff_catalog(db(), builtin_tariff_catalog());
        seed_demo_products(db());
        add_product(db(), cli, "gad-phone-ds", "Смартфон две SIM", "gadget", CalendarDate::of_utc(db().now()), 1899000,
                    "standard");
        set_gadget_terms(db(), cli, "gad-phone-ds", true, 12);
        receive_gadgets(db(), cli, salon, "ТН-1",
                        {{"gad-phone-ds", imei(1), imei(501)}, {"gad-phone-ds", imei(2), ""}, {"gad-phone-ds", imei(3), ""}});
        receive_gadgets(db(), cli, second_salon, "ТН-2", {{"gad-phone-ds", imei(9), ""}});
        for (const auto& c : sim_range(iccid_with_check_digit("897010200000000001"), 2, "+79160000001", "nano"))
            cards.push_back(c.iccid);
        receive_sims(db(), cli, salon, sim_range(cards[0], 2, "+79160000001", "nano"));
        open_shift(db(), specialist(), "till-1", rub(1000));
    }
    SaleDraft phone_sale(const std::string& scanned, int quantity = 1) {
        SaleDraft d;
        d.lines.push_back({.kind = LineKind::gadget, .product_code = "gad-phone-ds", .quantity = quantity, .imei = scanned});
        d.paid_cash = "20000";
        return d;
    }
    std::string status_of(const std::string& code) {
        std::string status;
        db().sql() << "SELECT status FROM gadget_unit WHERE imei = :i", soci::use(code), soci::into(status);
        return status;
    }
    std::string sim_status(const std::string& iccid) {
        std::string status;
        db().sql() << "SELECT status FROM sim_card WHERE iccid = :i", soci::use(iccid), soci::into(status);
        return status;
    }
};

}  // namespace

TEST_CASE("Devices are received by IMEI, all or nothing, each IMEI once [R-POS-1]", "[gadgets][R-POS-1]") {
    GadgetDesk f;
    CHECK(list_gadgets(f.db(), f.cli, f.salon, kGadgetInStock).size() == 3);
    const auto dual = find_gadget(f.db(), f.specialist(), imei(501));  // by the second IMEI too
    REQUIRE(dual);
    CHECK(dual->imei == imei(1));
    CHECK(dual->delivery_ref == "ТН-1");
    CHECK(f.count("SELECT COUNT(*) FROM gadget_movement") == 4);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'gadget.receive'") == 2);

    std::string bad = imei(4);
    bad.back() = bad.back() == '0' ? '1' : '0';
    CHECK(failing_input([&] {
              receive_gadgets(f.db(), f.specialist(), f.salon, "ТН-3", {{"gad-phone-ds", imei(5), ""}, {"gad-phone-ds", bad, ""}});
          }) == "unit2.imei");
    CHECK(refusal([&] {
              receive_gadgets(f.db(), f.specialist(), f.salon, "ТН-3", {{"gad-phone-ds", imei(5), ""}, {"gad-phone-ds", bad, ""}});
          }) == "Unit 2: IMEI: wrong check digit");
    // An IMEI already on record (here another unit's second IMEI), twice in the batch, or a product not
    // sold by IMEI: nothing of the batch is saved.
    CHECK(failing_input([&] {
              receive_gadgets(f.db(), f.specialist(), f.salon, "ТН-3", {{"gad-phone-ds", imei(6), ""}, {"gad-phone-ds", imei(501), ""}});
          }) == "unit2.imei");
    CHECK(failing_input([&] {
              receive_gadgets(f.db(), f.specialist(), f.salon, "ТН-3", {{"gad-phone-ds", imei(6), imei(7)}, {"gad-phone-ds", imei(7), ""}});
          }) == "unit2.imei");
    CHECK(failing_input([&] {
              receive_gadgets(f.db(), f.specialist(), f.salon, "ТН-3", {{"gad-router-4g", imei(6), ""}});
          }) == "unit1.product");
    CHECK(failing_input([&] { receive_gadgets(f.db(), f.specialist(), f.salon, " ", {{"gad-phone-ds", imei(6), ""}}); }) ==
          "delivery");
    CHECK(f.count("SELECT COUNT(*) FROM gadget_unit") == 4);
    // Another dealer's salon is not found; another salon of the same dealer is not the specialist's.
    CHECK(failing_input([&] { receive_gadgets(f.db(), f.specialist(), f.other_salon, "ТН-3", {{"gad-phone-ds", imei(6), ""}}); }) ==
          "salon");
    CHECK_THAT(refusal([&] { receive_gadgets(f.db(), f.specialist(), f.second_salon, "ТН-3", {{"gad-phone-ds", imei(6), ""}}); }),
               Catch::Contains("own salon"));
    CHECK_FALSE(find_gadget(f.db(), f.stranger(), imei(1)));
}

TEST_CASE("A phone is sold only by an IMEI of this product in this salon's stock [R-POS-1]", "[gadgets][sale][R-POS-1]") {
    GadgetDesk f;
    const Actor seller = f.specialist();
    CHECK(failing_input([&] { commit_sale(f.db(), seller, "till-1", f.phone_sale("")); }) == "line1.imei");
    CHECK(refusal([&] { commit_sale(f.db(), seller, "till-1", f.phone_sale("")); }) ==
          "Line 1: IMEI: scan the device's IMEI");
    std::string bad = imei(2);
    bad.back() = bad.back() == '0' ? '1' : '0';
    CHECK(refusal([&] { commit_sale(f.db(), seller, "till-1", f.phone_sale(bad)); }) == "Line 1: IMEI: wrong check digit");
    CHECK(refusal([&] { commit_sale(f.db(), seller, "till-1", f.phone_sale(imei(77))); }) ==
          "Line 1: IMEI: no such device in the stock");
    CHECK(refusal([&] { commit_sale(f.db(), seller, "till-1", f.phone_sale(imei(9))); }) ==
          "Line 1: IMEI: this device is in the stock of salon «Салон у метро»");
    CHECK(failing_input([&] { commit_sale(f.db(), seller, "till-1", f.phone_sale(imei(2), 2)); }) == "line1.quantity");
    SaleDraft router;
    router.lines.push_back({.kind = LineKind::gadget, .product_code = "gad-router-4g", .quantity = 1, .imei = imei(2)});
    router.paid_cash = "4000";
    CHECK(failing_input([&] { commit_sale(f.db(), seller, "till-1", router); }) == "line1.imei");
    SaleDraft twice = f.phone_sale(imei(2));
    twice.lines.push_back(twice.lines.front());
    twice.paid_cash = "40000";
    CHECK(refusal([&] { commit_sale(f.db(), seller, "till-1", twice); }) == "Line 2: IMEI: this device is already in the sale");
    CHECK(f.count("SELECT COUNT(*) FROM sale") == 0);

    // Sold by the second IMEI of a dual-SIM phone: the unit is the phone.
    const CommittedSale sale = commit_sale(f.db(), seller, "till-1", f.phone_sale(imei(501)));
    CHECK(sale.total == rub(18990));
    CHECK(f.status_of(imei(1)) == "sold");
    CHECK(refusal([&] { commit_sale(f.db(), seller, "till-1", f.phone_sale(imei(1))); }) ==
          "Line 1: IMEI: this device is already sold");
    // A router by quantity is sold as before, with no unit.
    router.lines[0].imei.clear();
    CHECK(commit_sale(f.db(), seller, "till-1", router).total == rub(3990));
}

TEST_CASE("The receipt states the IMEI and the warranty; a refund brings the unit back [R-POS-10]",
          "[gadgets][receipt][R-POS-10][R-POS-1]") {
    GadgetDesk f;
    const CommittedSale sale = commit_sale(f.db(), f.specialist(), "till-1", f.phone_sale(imei(2)));
    const SaleRecord record = get_sale(f.db(), f.specialist(), sale.sale_id);
    REQUIRE(record.lines.size() == 1);
    CHECK(record.lines[0].imei == imei(2));
    CHECK(record.lines[0].warranty_months == 12);
    const CalendarDate sold_on = CalendarDate::of(record.created_at, "Europe/Moscow");
    CHECK(record.lines[0].warranty_until == warranty_end(sold_on, 12).iso());
    const auto text = receipt_text(receipt_for_sale(record), 42);
    const auto has = [&](const std::string& wanted) {
        return std::any_of(text.begin(), text.end(), [&](const std::string& l) { return l.find(wanted) != std::string::npos; });
    };
    CHECK(has("IMEI: " + imei(2)));
    CHECK(has("Warranty 12 mo. until " + warranty_end(sold_on, 12).display()));

    const auto approval = approve(f.db(), f.specialist(), Permission::refund, "senior", "password1");
    const CommittedSale refund = refund_sale(f.db(), f.specialist(), "till-1", sale.sale_id, {}, approval);
    CHECK(f.status_of(imei(2)) == "returned");
    CHECK(get_sale(f.db(), f.specialist(), refund.sale_id).lines[0].imei == imei(2));
    // Back on hand: it sells again.
    CHECK(commit_sale(f.db(), f.specialist(), "till-1", f.phone_sale(imei(2))).total == rub(18990));
    CHECK(f.status_of(imei(2)) == "sold");
}

TEST_CASE("A warranty ends the same day months later, or the month's last day", "[gadgets]") {
    const auto on = [](const char* iso) { return CalendarDate::parse(iso, "d", tr("Date")); };
    CHECK(warranty_end(on("2026-12-05"), 12).iso() == "2027-12-05");
    CHECK(warranty_end(on("2027-01-31"), 1).iso() == "2027-02-28");
    CHECK(warranty_end(on("2028-01-31"), 1).iso() == "2028-02-29");
    CHECK(warranty_end(on("2026-11-30"), 3).iso() == "2027-02-28");
    CHECK(warranty_text(24, "2028-12-05") == "Warranty 24 mo. until 05.12.2028");
    CHECK(warranty_text(0, "") == "");
}

TEST_CASE("A stocktake counts scans against the expected stock; a senior approves and journals its differences [R-POS-1]",
          "[gadgets][stocktake][R-POS-1]") {
    GadgetDesk f;
    // Opening needs a senior; it snapshots 3 phones and 2 cards.
    CHECK_THAT(refusal([&] { open_stocktake(f.db(), f.specialist(), f.salon); }),
               Catch::Contains("Open stocktakes and approve their differences"));
    const std::int64_t id = open_stocktake(f.db(), f.senior(), f.salon);
    CHECK_THAT(refusal([&] { open_stocktake(f.db(), f.senior(), f.salon); }), Catch::Contains("already open"));
    CHECK(stocktake_summary(f.db(), f.senior(), id).expected == 5);

    const Actor counter = f.specialist();
    CHECK(scan_stocktake(f.db(), counter, id, imei(1)).outcome == ScanOutcome::counted);
    CHECK(scan_stocktake(f.db(), counter, id, imei(501)).outcome == ScanOutcome::duplicate);  // the same phone
    CHECK(scan_stocktake(f.db(), counter, id, f.cards[0]).outcome == ScanOutcome::counted);
    CHECK(scan_stocktake(f.db(), counter, id, f.cards[0]).outcome == ScanOutcome::duplicate);
    const ScanResult surplus = scan_stocktake(f.db(), counter, id, imei(9));  // the second salon's phone
    CHECK(surplus.outcome == ScanOutcome::surplus);
    CHECK_THAT(surplus.message, Catch::Contains("Салон у метро"));
    CHECK(scan_stocktake(f.db(), counter, id, imei(88)).outcome == ScanOutcome::unknown);
    CHECK(scan_stocktake(f.db(), counter, id, imei(88)).outcome == ScanOutcome::duplicate);
    std::string bad = imei(3);
    bad.back() = bad.back() == '0' ? '1' : '0';
    CHECK(failing_input([&] { scan_stocktake(f.db(), counter, id, bad); }) == "code");
    CHECK(failing_input([&] { scan_stocktake(f.db(), counter, id, "12345"); }) == "code");
    CHECK(f.count("SELECT COUNT(*) FROM stocktake_scan") == 7);  // a misread is not recorded
    CHECK(failing_input([&] { scan_stocktake(f.db(), f.stranger(), id, imei(2)); }) == "stocktake");

    // A sale during the stocktake: the phone sold is no longer expected, not missing.
    commit_sale(f.db(), f.specialist(), "till-1", f.phone_sale(imei(3)));
    StocktakeSummary s = stocktake_summary(f.db(), f.specialist(), id);
    CHECK(s.counted == 2);
    CHECK(s.expected == 4);
    REQUIRE(s.missing.size() == 2);  // phone 2 and the second card
    CHECK(s.surplus.size() == 1);
    CHECK(s.unknown.size() == 1);
    CHECK(s.duplicates == 3);
    REQUIRE(s.left.size() == 1);
    CHECK(s.left[0].code == imei(3));

    // Closing: a specialist needs a senior's approval; differences need a reason.
    CHECK_THAT(refusal([&] { close_stocktake(f.db(), f.specialist(), id, "пересорт"); }),
               Catch::Contains("Open stocktakes and approve their differences"));
    const auto ok = approve(f.db(), f.specialist(), Permission::approve_stock_difference, "senior", "password1");
    CHECK(failing_input([&] { close_stocktake(f.db(), f.specialist(), id, " ", ok); }) == "reason");
    CHECK(f.status_of(imei(2)) == "in_stock");  // nothing written off by the refused close
    s = close_stocktake(f.db(), f.specialist(), id, "недостача по акту 12", ok);
    CHECK(s.status == "closed");
    CHECK(s.approved_by == "Козлова Мария");
    CHECK(f.status_of(imei(2)) == "written_off");
    CHECK(f.sim_status(f.cards[1]) == "defective");
    long long surplus_salon = 0;
    const std::string surplus_imei = imei(9);  // bound by reference: it must outlive the statement
    f.db().sql() << "SELECT salon_id FROM gadget_unit WHERE imei = :i", soci::use(surplus_imei), soci::into(surplus_salon);
    CHECK(surplus_salon == f.salon);
    CHECK(s.surplus.at(0).written_in);
    CHECK(s.missing.size() == 2);  // as closed, though the items are now written off
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'stocktake.write_off'") == 2);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'stocktake.write_in'") == 1);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'stocktake.close' AND details LIKE "
                  "'%approved_by=staff:" + std::to_string(f.senior_id) + "%'") == 1);
    CHECK_THAT(refusal([&] { scan_stocktake(f.db(), counter, id, imei(1)); }), Catch::Contains("already closed"));
    // The next one may open.
    CHECK(open_stocktake(f.db(), f.senior(), f.salon) != id);
}

TEST_CASE("A stocktake without differences closes by the senior alone; a late arrival counts [R-POS-1]",
          "[gadgets][stocktake][R-POS-1]") {
    GadgetDesk f;
    const std::int64_t id = open_stocktake(f.db(), f.senior(), f.salon);
    receive_gadgets(f.db(), f.specialist(), f.salon, "ТН-5", {{"gad-phone-ds", imei(40), ""}});
    for (const std::string& code : {imei(1), imei(2), imei(3), f.cards[0], f.cards[1], imei(40)})
        CHECK(scan_stocktake(f.db(), f.specialist(), id, code).outcome == ScanOutcome::counted);
    const StocktakeSummary s = close_stocktake(f.db(), f.senior(), id, "");
    CHECK(s.expected == 6);
    CHECK(s.counted == 6);
    CHECK_FALSE(s.has_differences());
    CHECK(s.approved_by == "Козлова Мария");
    CHECK(f.status_of(imei(40)) == "in_stock");
}

// ---- a gadget between the dealer's salons, and its history by IMEI

TEST_CASE("A senior moves a gadget to another salon of the dealer, with its movement and audit entry, in one "
          "transaction; the receiving salon has it in stock only once moved [R-POS-1]",
          "[gadgets][move][R-POS-1]") {
    GadgetDesk f;
    const auto in_stock = [&](std::int64_t salon) {
        std::vector<std::string> imeis;
        for (const auto& u : list_gadgets(f.db(), f.cli, salon, "")) imeis.push_back(u.imei);
        return imeis;
    };
    const auto movements = [&] { return f.count("SELECT COUNT(*) FROM gadget_movement"); };
    const auto moves_journaled = [&] { return f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'gadget.move'"); };
    CHECK(in_stock(f.second_salon) == std::vector<std::string>{imei(9)});
    const long long before = movements();

    // A specialist may not (permissions are data: seniors, dealers' managers and head office have it).
    CHECK_THAT(refusal([&] { move_gadget(f.db(), f.specialist(), imei(1), f.second_salon); }),
               Catch::Contains("Move gadgets to another salon of the dealer"));
    // Bad input names its field; another dealer's device is not found, another dealer's salon either.
    std::string bad = imei(1);
    bad.back() = bad.back() == '0' ? '1' : '0';
    CHECK(failing_input([&] { move_gadget(f.db(), f.senior(), bad, f.second_salon); }) == "imei");
    CHECK(failing_input([&] { move_gadget(f.db(), f.senior(), imei(77), f.second_salon); }) == "imei");
    CHECK(failing_input([&] { move_gadget(f.db(), f.stranger(), imei(1), f.other_salon); }) == "imei");
    CHECK(failing_input([&] { move_gadget(f.db(), f.senior(), imei(1), f.other_salon); }) == "to_salon");
    CHECK(failing_input([&] { move_gadget(f.db(), f.senior(), imei(1), 999999); }) == "to_salon");
    CHECK(failing_input([&] { move_gadget(f.db(), f.senior(), imei(1), f.salon); }) == "to_salon");
    // Head office sees every salon, and still keeps the stock the dealer's.
    CHECK(refusal([&] { move_gadget(f.db(), f.cli, imei(1), f.other_salon); }) ==
          "Gadgets move only between salons of the same dealer.");
    // A senior handles his own salon's stock, not the other salon's.
    CHECK_THAT(refusal([&] { move_gadget(f.db(), f.senior(), imei(9), f.salon); }), Catch::Contains("own salon"));
    CHECK(movements() == before);
    CHECK(moves_journaled() == 0);
    CHECK(in_stock(f.second_salon) == std::vector<std::string>{imei(9)});

    // Found by its second IMEI, moved with a reason: the unit, its movement and the journal, together.
    const GadgetUnit moved = move_gadget(f.db(), f.senior(), imei(501), f.second_salon, "витрина у метро");
    CHECK(moved.imei == imei(1));
    CHECK(moved.salon_id == f.second_salon);
    CHECK(moved.status == kGadgetInStock);
    CHECK(in_stock(f.second_salon) == std::vector<std::string>{imei(1), imei(9)});
    CHECK(in_stock(f.salon) == std::vector<std::string>{imei(2), imei(3)});
    CHECK(movements() == before + 1);
    CHECK(f.count("SELECT COUNT(*) FROM gadget_movement WHERE from_salon = " + std::to_string(f.salon) +
                  " AND to_salon = " + std::to_string(f.second_salon) + " AND staff_id = " +
                  std::to_string(f.senior_id) + " AND reason = 'moved: витрина у метро'") == 1);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'gadget.move' AND subject = 'gadget_unit:" +
                  std::to_string(moved.id) + "' AND details LIKE '%from=salon:" + std::to_string(f.salon) +
                  " to=salon:" + std::to_string(f.second_salon) + "%'") == 1);
    // The first salon no longer sells it; the second one has it.
    CHECK(refusal([&] { commit_sale(f.db(), f.specialist(), "till-1", f.phone_sale(imei(1))); }) ==
          "Line 1: IMEI: this device is in the stock of salon «Салон у метро»");

    // A sold device stays where it was sold; a returned one moves as returned.
    const CommittedSale sale = commit_sale(f.db(), f.specialist(), "till-1", f.phone_sale(imei(2)));
    CHECK(failing_input([&] { move_gadget(f.db(), f.senior(), imei(2), f.second_salon); }) == "imei");
    CHECK_THAT(refusal([&] { move_gadget(f.db(), f.senior(), imei(2), f.second_salon); }), Catch::Contains("sold"));
    const auto approval = approve(f.db(), f.specialist(), Permission::refund, "senior", "password1");
    refund_sale(f.db(), f.specialist(), "till-1", sale.sale_id, {}, approval);
    CHECK(move_gadget(f.db(), f.senior(), imei(2), f.second_salon).status == kGadgetReturned);
    CHECK(f.status_of(imei(2)) == kGadgetReturned);
    CHECK(moves_journaled() == 2);
}

TEST_CASE("A gadget's history by IMEI: received, sold, refunded, moved, a stocktake's difference [R-POS-1]",
          "[gadgets][history][R-POS-1]") {
    GadgetDesk f;
    const CommittedSale sale = commit_sale(f.db(), f.specialist(), "till-1", f.phone_sale(imei(3)));
    const auto approval = approve(f.db(), f.specialist(), Permission::refund, "senior", "password1");
    const CommittedSale refund = refund_sale(f.db(), f.specialist(), "till-1", sale.sale_id, {}, approval);
    move_gadget(f.db(), f.senior(), imei(3), f.second_salon, "под заказ");
    // The second salon's stocktake finds it missing and writes it off.
    const std::int64_t count_id = open_stocktake(f.db(), f.cli, f.second_salon);
    scan_stocktake(f.db(), f.cli, count_id, imei(9));
    close_stocktake(f.db(), f.cli, count_id, "недостача по акту 7");

    const GadgetHistory h = gadget_history(f.db(), f.specialist(), imei(3));
    CHECK(h.unit.imei == imei(3));
    CHECK(h.unit.status == kGadgetWrittenOff);
    REQUIRE(h.events.size() == 5);
    std::vector<GadgetEventKind> kinds;
    for (const auto& e : h.events) kinds.push_back(e.kind);
    CHECK(kinds == std::vector<GadgetEventKind>{GadgetEventKind::received, GadgetEventKind::sold, GadgetEventKind::refunded,
                                                GadgetEventKind::moved, GadgetEventKind::stocktake_missing});
    CHECK(h.events[0].from_salon_id == 0);
    CHECK(h.events[0].to_salon == "Салон на Тверской");
    CHECK(h.events[0].note == "ТН-1");
    CHECK(h.events[0].staff_login.empty());  // received by the command line
    CHECK(h.events[1].receipt_number == sale.receipt_number);
    CHECK(h.events[1].staff_login == "spec");
    CHECK(h.events[1].status == kGadgetSold);
    CHECK(h.events[2].receipt_number == refund.receipt_number);
    CHECK(h.events[2].status == kGadgetReturned);
    CHECK(h.events[3].from_salon == "Салон на Тверской");
    CHECK(h.events[3].to_salon == "Салон у метро");
    CHECK(h.events[3].staff_login == "senior");
    CHECK(h.events[3].staff_name == "Козлова Мария");
    CHECK(h.events[3].note == "под заказ");
    CHECK(h.events[3].status == kGadgetReturned);
    CHECK_THAT(h.events[4].note, Catch::Contains("недостача по акту 7"));
    CHECK(h.events[4].status == kGadgetWrittenOff);
    for (std::size_t i = 1; i < h.events.size(); ++i) CHECK(h.events[i].at >= h.events[i - 1].at);
    // A written-off device does not move either.
    CHECK(failing_input([&] { move_gadget(f.db(), f.cli, imei(3), f.salon); }) == "imei");

    // A surplus written in: the second salon's phone counted in the first salon's stocktake.
    const std::int64_t here = open_stocktake(f.db(), f.senior(), f.salon);
    for (const std::string& code : {imei(1), imei(2), imei(9), f.cards[0], f.cards[1]}) scan_stocktake(f.db(), f.senior(), here, code);
    close_stocktake(f.db(), f.senior(), here, "пересорт между салонами");
    const GadgetHistory found = gadget_history(f.db(), f.senior(), imei(9));
    REQUIRE(found.events.size() == 2);
    CHECK(found.events[1].kind == GadgetEventKind::stocktake_surplus);
    CHECK(found.events[1].from_salon_id == f.second_salon);
    CHECK(found.events[1].to_salon_id == f.salon);

    // Only for those who see the dealer; a malformed IMEI names the field.
    CHECK(failing_input([&] { gadget_history(f.db(), f.stranger(), imei(3)); }) == "imei");
    CHECK(failing_input([&] { gadget_history(f.db(), f.specialist(), "12345"); }) == "imei");
    CHECK(to_string(GadgetEventKind::stocktake_missing) == "stocktake_missing");
}
