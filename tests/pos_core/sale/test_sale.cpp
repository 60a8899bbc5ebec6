// The sale at the desk (R-POS-1, R-POS-3, R-POS-7..10, R-TAR-2): a SIM with the registration form, a
// replacement, a tariff change, a port-in, a top-up as the operator's agent, services and gadgets, paid in
// cash and by card, committed in one transaction with a contiguous receipt number; drafts, voids and
// refunds with a supervisor override.
#include <catch2/catch.hpp>

#include <chrono>
#include <iostream>

#include "pos/core/sale/DeskSearch.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/sale/Queue.hpp"
#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/sale/Sale.hpp"
#include "pos/core/sale/Shift.hpp"
#include "pos/core/catalog/SimStock.hpp"
#include "pos/core/organisation/StationSetting.hpp"
#include "pos/core/organisation/StationSetting.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"
#include "tests/pos_core/DeskFixture.hpp"

using namespace salon;
using namespace salon::pos;
using salon::test::refusal;

namespace {

Money rub(long long roubles) { return Money::from_kopecks(roubles * 100); }

ClientForm ivanov() {
    return ClientForm{"Иванов Иван Иванович", "25.11.1990", "4506 123456", "10.12.2010",
                      "ОВД Тверского района г. Москвы", "г. Москва, ул. Тверская, д. 1, кв. 2", ""};
}

// The desk's fixture: the catalog, ten numbered cards and five blank ones in the salon, an open shift.
struct Desk : salon::test::DeskFixture {
    std::vector<std::string> numbered, blank;
    Desk() {
        import_tariff_catalog(db(), builtin_tariff_catalog());
        seed_demo_products(db());
        const auto cards = sim_range(iccid_with_check_digit("897010200000000001"), 10, "+79160000001", "nano");
        const auto blanks = sim_range(iccid_with_check_digit("897010200000000501"), 5, "", "nano");
        receive_sims(db(), cli, salon, cards);
        receive_sims(db(), cli, salon, blanks);
        for (const auto& c : cards) numbered.push_back(c.iccid);
        for (const auto& c : blanks) blank.push_back(c.iccid);
        open_shift(db(), specialist(), "till-1", rub(1000));
    }

    // A client with a SIM of this salon on «Классический», sold through the desk.
    CommittedSale sell_sim(std::size_t card, const std::string& tariff = "classic", const std::string& cash = "100") {
        SaleDraft d;
        d.with_client = true;
        d.client = ivanov();
        d.lines.push_back({.kind = LineKind::sim, .iccid = numbered[card], .tariff_code = tariff});
        d.paid_cash = cash;
        return commit_sale(db(), specialist(), "till-1", d);
    }
    std::string status_of(const std::string& iccid) {
        std::string status;
        db().sql() << "SELECT status FROM sim_card WHERE iccid = :i", soci::use(iccid), soci::into(status);
        return status;
    }
};

std::string failing_input(const std::function<void()>& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.input();
    }
    return "";
}

}  // namespace

TEST_CASE("A SIM sale registers the buyer, sells the card and starts the number, in one transaction [R-POS-7] [R-POS-1]",
          "[sale][R-POS-7][R-POS-1]") {
    Desk f;
    const CommittedSale s = f.sell_sim(0, "smart", "600");
    CHECK(s.receipt_number == 1);
    CHECK(s.total == rub(100));  // the card; «Смарт» has no connection fee
    CHECK(s.change_due == rub(500));
    CHECK(f.status_of(f.numbered[0]) == "sold");
    CHECK(f.count("SELECT COUNT(*) FROM subscription WHERE msisdn = '+79160000001' AND ended_at IS NULL") == 1);
    CHECK(f.count("SELECT COUNT(*) FROM client") == 1);
    CHECK(f.count("SELECT COUNT(*) FROM gateway_request WHERE kind = 'activate' AND status = 'pending'") == 1);
    const SaleRecord r = get_sale(f.db(), f.specialist(), s.sale_id);
    CHECK(r.dealer_id == f.dealer);
    CHECK(r.salon_id == f.salon);
    CHECK(r.staff_name == "Смирнова Анна");
    CHECK(r.fiscal_state == "awaiting");
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0].is_bundle);
    CHECK(r.lines[0].vat_basis_points == 2200);
    CHECK(r.lines[0].vat_amount == Money::from_kopecks(1803));  // 100,00 × 22 / 122
    CHECK_THAT(r.lines[0].description, Catch::Contains("«Смарт»"));
    // The journal holds the sale and the client, never the passport.
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'sale.commit'") == 1);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE details LIKE '%4506%' OR details LIKE '%123456%'") == 0);
    // The other dealer's people do not see it.
    CHECK_THROWS_AS(get_sale(f.db(), f.stranger(), s.sale_id), ValidationError);
    CHECK(list_sales(f.db(), f.stranger(), 0, f.db().now() + 10).empty());
    CHECK(list_sales(f.db(), f.specialist(), 0, f.db().now() + 10).size() == 1);
}

TEST_CASE("Receipt numbers are contiguous per shift and a failed sale takes none [R-POS-10]", "[sale][R-POS-10]") {
    Desk f;
    CHECK(f.sell_sim(0).receipt_number == 1);
    // A card already sold: refused, nothing saved, no number used.
    CHECK(failing_input([&] { f.sell_sim(0); }) == "line1.iccid");
    CHECK(f.sell_sim(1).receipt_number == 2);
    CHECK(f.count("SELECT COUNT(*) FROM sale") == 2);
    CHECK(open_shift_at(f.db(), f.specialist(), "till-1")->last_receipt == 2);  // what the X report shows
    CHECK(f.count("SELECT COUNT(*) FROM subscription") == 2);
}

TEST_CASE("A sale names only a visit of its own salon's queue", "[sale][queue]") {
    Desk f;
    auto sale_for_visit = [&](std::int64_t visit) {
        SaleDraft d;
        d.visit_id = visit;
        d.with_client = true;
        d.client = ivanov();
        d.lines.push_back({.kind = LineKind::sim, .iccid = f.numbered[0], .tariff_code = "classic"});
        d.paid_cash = "100";
        return commit_sale(f.db(), f.specialist(), "till-1", d);
    };
    take_ticket(f.db(), f.second_salon, VisitPurpose::sale);  // the same dealer's other salon
    std::int64_t elsewhere = 0;
    f.db().sql() << "SELECT MAX(id) FROM visit", soci::into(elsewhere);
    CHECK(failing_input([&] { sale_for_visit(elsewhere); }) == "visit");
    CHECK(failing_input([&] { sale_for_visit(elsewhere + 1000); }) == "visit");  // no such visit
    CHECK(f.count("SELECT COUNT(*) FROM sale") == 0);
    CHECK(f.count("SELECT COUNT(*) FROM client") == 0);
    take_ticket(f.db(), f.salon, VisitPurpose::sale);
    const auto visit = call_next(f.db(), f.specialist(), VisitPurpose::sale);
    REQUIRE(visit);
    CHECK(sale_for_visit(visit->id).receipt_number == 1);
}

TEST_CASE("Bad input names its field and saves nothing", "[sale]") {
    Desk f;
    auto draft = [&] {
        SaleDraft d;
        d.with_client = true;
        d.client = ivanov();
        d.lines.push_back({.kind = LineKind::sim, .iccid = f.numbered[0], .tariff_code = "smart"});
        d.paid_cash = "100";
        return d;
    };
    auto with = [&](auto change) {
        SaleDraft d = draft();
        change(d);
        return failing_input([&] { commit_sale(f.db(), f.specialist(), "till-1", d); });
    };
    // A wrong check digit, garbage from a scanner, a blank card, a business tariff, no form, short payment.
    CHECK(with([&](SaleDraft& d) { d.lines[0].iccid.back() = d.lines[0].iccid.back() == '0' ? '1' : '0'; }) == "line1.iccid");
    CHECK(with([&](SaleDraft& d) { d.lines[0].iccid = "89701%%##garbage"; }) == "line1.iccid");
    CHECK(with([&](SaleDraft& d) { d.lines[0].iccid = f.blank[0]; }) == "line1.iccid");
    CHECK(with([&](SaleDraft& d) { d.lines[0].tariff_code = "beta"; }) == "line1.tariff");
    CHECK(with([&](SaleDraft& d) { d.lines[0].tariff_code = "nope"; }) == "line1.tariff");
    CHECK(with([&](SaleDraft& d) { d.with_client = false; }) == "client");
    CHECK(with([&](SaleDraft& d) { d.client.birth_date = "31.02.1990"; }) == "birth_date");
    CHECK(with([&](SaleDraft& d) { d.paid_cash = "99,99"; }) == "paid_cash");
    CHECK(with([&](SaleDraft& d) { d.paid_cash = ""; d.paid_card = "150"; }) == "paid_card");
    CHECK(with([&](SaleDraft& d) { d.lines.clear(); }) == "lines");
    CHECK(f.count("SELECT COUNT(*) FROM sale") == 0);
    CHECK(f.count("SELECT COUNT(*) FROM client") == 0);
    CHECK(f.status_of(f.numbered[0]) == "in_stock");
    // A card of another salon's stock is refused by name.
    receive_sims(f.db(), f.cli, f.second_salon, sim_range(iccid_with_check_digit("897010200000000901"), 1, "+79160009001", "nano"));
    CHECK(with([&](SaleDraft& d) { d.lines[0].iccid = iccid_with_check_digit("897010200000000901"); }) == "line1.iccid");
}

TEST_CASE("A number of 100 000 digits in a sale is refused by its length, and a sale's lines are capped",
          "[sale][hostile]") {
    Desk f;
    f.sell_sim(0);
    SaleDraft d;
    d.lines.push_back({.kind = LineKind::top_up, .msisdn = "+7" + std::string(100'000, '9'), .amount = "500"});
    d.paid_cash = "500";
    const auto started = std::chrono::steady_clock::now();
    CHECK(refusal([&] { commit_sale(f.db(), f.specialist(), "till-1", d); }) ==
          "Line 1: Phone number: is too long: at most 32 characters");
    std::cout << "a sale with a 100 000-digit number refused in "
              << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() << " s\n";
    d.lines.assign(101, {.kind = LineKind::top_up, .msisdn = "+79160000001", .amount = "10"});
    d.paid_cash = "1010";
    CHECK(refusal([&] { commit_sale(f.db(), f.specialist(), "till-1", d); }) == "Sale: has more than 100 lines");
    CHECK(f.count("SELECT COUNT(*) FROM sale") == 1);
}

TEST_CASE("Only a certified specialist with an open shift sells [R-POS-3]", "[sale][R-POS-3]") {
    Desk f;
    SaleDraft d;
    d.lines.push_back({.kind = LineKind::gadget, .product_code = "acc-case"});
    d.lines[0].kind = LineKind::accessory;
    d.paid_cash = "890";
    // No shift at this till.
    CHECK_THAT(refusal([&] { commit_sale(f.db(), f.specialist(), "till-2", d); }), Catch::Contains("No shift is open"));
    // Not certified.
    const auto novice = save_staff(f.db(), f.cli, {"novice", "Новичок Н.", Role::specialist, f.salon, 0,
                                                   CareerLevel::trainee, "password1"});
    CHECK_THAT(refusal([&] { commit_sale(f.db(), f.as(novice), "till-1", d); }),
               Catch::Contains("has not passed the operator's training"));
    CHECK(commit_sale(f.db(), f.specialist(), "till-1", d).total == rub(890));
}

TEST_CASE(
    "A signed-in specialist is read afresh at every sale: locked after one, refused at the next [R-POS-3]",
    "[sale][R-POS-3]") {
    Desk f;
    const Actor seller = f.specialist();  // kept, as the station keeps it all shift
    SaleDraft d;
    d.with_client = true;
    d.client = ivanov();
    d.lines.push_back({.kind = LineKind::sim, .iccid = f.numbered[0], .tariff_code = "classic"});
    d.paid_cash = "100";
    const CommittedSale first = commit_sale(f.db(), seller, "till-1", d);
    // Every row of the sale carries the one moment of its operation.
    const long long at = f.count("SELECT created_at FROM sale WHERE id = " + std::to_string(first.sale_id));
    CHECK(f.count("SELECT COUNT(*) FROM subscription WHERE started_at <> " + std::to_string(at)) == 0);
    CHECK(
        f.count("SELECT COUNT(*) FROM audit_entry WHERE action IN ('sale.commit', 'client.save') AND at <> " +
                std::to_string(at)) == 0);

    set_staff_active(f.db(), f.cli, f.specialist_id, false);
    d.lines[0].iccid = f.numbered[1];
    CHECK_THAT(refusal([&] { commit_sale(f.db(), seller, "till-1", d); }), Catch::Contains("sign in again"));
    CHECK(f.count("SELECT COUNT(*) FROM sale") == 1);
    CHECK(f.status_of(f.numbered[1]) == "in_stock");
}

TEST_CASE("The SIM limit per person refuses the card past it [R-POS-7]", "[sale][R-POS-7]") {
    Desk f;
    save_setting_number(f.db(), f.cli, kSimLimitPerPerson, 2);
    f.sell_sim(0);
    f.sell_sim(1);
    try {
        f.sell_sim(2);
        FAIL("a third card passed a limit of two");
    } catch (const InputError& e) {
        CHECK(e.input() == "passport");
        CHECK_THAT(e.message(), Catch::Contains("the limit is 2 per person"));
    }
    CHECK(f.status_of(f.numbered[2]) == "in_stock");
}

TEST_CASE("A whole visit: SIM replacement, tariff change, service, top-up, paid by card and cash [R-POS-8] [R-TAR-2]",
          "[sale][R-POS-8][R-TAR-2][R-POS-10]") {
    Desk f;
    f.sell_sim(0, "classic");
    SaleDraft d;
    d.with_client = true;
    d.client = ivanov();
    d.lines.push_back({.kind = LineKind::sim_replacement, .iccid = f.blank[0], .msisdn = "+7 916 000-00-01"});
    d.lines.push_back(
        {.kind = LineKind::tariff_change, .msisdn = "89160000001", .tariff_code = "smart_plus"});
    d.lines.push_back(
        {.kind = LineKind::service, .product_code = "svc-messengers", .msisdn = "+79160000001"});
    d.lines.push_back({.kind = LineKind::top_up, .msisdn = "+79160000001", .amount = "500"});
    d.paid_card = "200";
    d.paid_cash = "1000";
    const SaleQuote q = price_sale(f.db(), f.specialist(), d, true);
    CHECK(q.total == rub(100) + rub(0) + rub(99) + rub(500));
    CHECK(q.change_due == rub(1200) - q.total);
    const CommittedSale s = commit_sale(f.db(), f.specialist(), "till-1", d);
    CHECK(s.receipt_number == 2);
    CHECK(f.status_of(f.numbered[0]) == "replaced");
    CHECK(f.status_of(f.blank[0]) == "sold");
    std::string tariff;
    long long card = 0;
    f.db().sql() << "SELECT t.code, s.sim_card_id FROM subscription s JOIN tariff t ON t.id = s.tariff_id "
                    "WHERE s.msisdn = '+79160000001' AND s.ended_at IS NULL",
        soci::into(tariff), soci::into(card);
    CHECK(tariff == "smart_plus");
    const SaleRecord r = get_sale(f.db(), f.specialist(), s.sale_id);
    REQUIRE(r.lines.size() == 4);
    CHECK(r.lines[1].is_bundle);
    CHECK(r.lines[3].agent);
    CHECK(r.lines[3].vat_code == "none");
    CHECK(r.lines[3].vat_amount == Money());
    CHECK(r.paid_card == rub(200));
    // The top-up reaches the sandbox gateway after the commit.
    CHECK(sandbox_balance(f.db(), "+79160000001") == Money());
    CHECK(deliver_gateway_requests(f.db()) == 5);  // the first sale's activation; replacement, tariff, service, top-up
    CHECK(sandbox_balance(f.db(), "+79160000001") == rub(500));
    CHECK(f.count("SELECT COUNT(*) FROM gateway_request WHERE status = 'pending'") == 0);
    // A known client is identified by the passport alone; an unknown passport asks for the whole form.
    SaleDraft known;
    known.with_client = true;
    known.client.passport = "45 06 123456";
    known.lines.push_back({.kind = LineKind::sim_replacement, .iccid = f.blank[1], .msisdn = "+79160000001"});
    known.paid_cash = "100";
    const long long saves = f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'client.save'");
    CHECK(commit_sale(f.db(), f.specialist(), "till-1", known).total == rub(100));
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'client.save'") == saves);  // not rewritten
    known.client.passport = "4506 999999";
    known.lines[0].iccid = f.blank[2];
    CHECK(failing_input([&] { commit_sale(f.db(), f.specialist(), "till-1", known); }) == "full_name");
    // A replacement is only for the owner, and needs a blank card.
    SaleDraft other;
    other.with_client = true;
    other.client = ivanov();
    other.client.passport = "4506 654321";
    other.lines.push_back({.kind = LineKind::sim_replacement, .iccid = f.blank[3], .msisdn = "+79160000001"});
    CHECK(failing_input([&] { commit_sale(f.db(), f.specialist(), "till-1", other); }) == "line1.msisdn");
}

TEST_CASE("A sale is priced by the version in force on its day; a later price never changes it [R-TAR-2]",
          "[sale][R-TAR-2]") {
    Desk f;
    SaleDraft d;
    d.lines.push_back({.kind = LineKind::accessory, .product_code = "acc-glass", .quantity = 2});
    d.paid_cash = "2000";
    const auto first = commit_sale(f.db(), f.specialist(), "till-1", d);
    CHECK(first.total == rub(1180));
    // Head office raises the price from tomorrow; today's sales keep today's price, tomorrow's take the new.
    const CalendarDate today = CalendarDate::of_utc(f.db().now());
    set_price(f.db(), f.cli, "acc-glass", today.plus_days(1), 650'00, "standard");
    CHECK(commit_sale(f.db(), f.specialist(), "till-1", d).total == rub(1180));
    f.db().set_clock(today.plus_days(1).start_unix("UTC") + 3600);
    CHECK(price_sale(f.db(), f.specialist(), d).total == rub(1300));
    f.db().set_clock(std::nullopt);
    CHECK(get_sale(f.db(), f.specialist(), first.sale_id).total == rub(1180));
}

TEST_CASE("A draft survives a restart and a void is journaled", "[sale][draft]") {
    Desk f;
    SaleDraft d;
    d.lines.push_back({.kind = LineKind::accessory, .product_code = "acc-case"});
    d.lines.push_back({.kind = LineKind::top_up, .msisdn = "+79160000009", .amount = "300"});
    d.paid_cash = "5000";
    save_draft(f.db(), f.specialist(), "till-1", d);
    // Another person at the same till has no draft; the same person gets it back.
    CHECK_FALSE(load_draft(f.db(), f.colleague(), "till-1"));
    const auto back = load_draft(f.db(), f.specialist(), "till-1");
    REQUIRE(back);
    CHECK(draft_to_json(*back) == draft_to_json(d));
    const SaleDraft after = void_draft_line(f.db(), f.specialist(), "till-1", 1);
    CHECK(after.lines.size() == 1);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'sale.void_line'") == 1);
    commit_sale(f.db(), f.specialist(), "till-1", after);
    CHECK_FALSE(load_draft(f.db(), f.specialist(), "till-1"));
}

TEST_CASE("A refund needs a senior; a refunded SIM returns to stock as returned [R-POS-8]", "[sale][refund][override]") {
    Desk f;
    SaleDraft d;
    d.with_client = true;
    d.client = ivanov();
    d.lines.push_back({.kind = LineKind::sim, .iccid = f.numbered[0], .tariff_code = "smart"});
    d.lines.push_back({.kind = LineKind::accessory, .product_code = "acc-case"});
    d.lines.push_back({.kind = LineKind::top_up, .msisdn = "+79160000001", .amount = "200"});
    d.paid_card = "500";
    d.paid_cash = "800";
    const auto sale = commit_sale(f.db(), f.specialist(), "till-1", d);
    const SaleRecord r = get_sale(f.db(), f.specialist(), sale.sale_id);
    CHECK_THAT(refusal([&] { refund_sale(f.db(), f.specialist(), "till-1", sale.sale_id, {r.lines[0].id}); }),
               Catch::Contains("Refund a payment"));
    // A top-up is not refunded at the desk.
    CHECK_THAT(refusal([&] { refund_sale(f.db(), f.senior(), "till-1", sale.sale_id, {r.lines[2].id}); }),
               Catch::Contains("not refunded at the desk"));
    const auto ok = approve(f.db(), f.specialist(), Permission::refund, "senior", "password1");
    const auto refund = refund_sale(f.db(), f.specialist(), "till-1", sale.sale_id, {r.lines[0].id, r.lines[1].id}, ok);
    CHECK(refund.total == rub(100) + rub(890));
    CHECK(refund.receipt_number == 2);
    CHECK(f.status_of(f.numbered[0]) == "returned");
    CHECK(f.count("SELECT COUNT(*) FROM subscription WHERE ended_at IS NULL") == 0);
    const SaleRecord back = get_sale(f.db(), f.specialist(), refund.sale_id);
    CHECK(back.kind == "refund");
    CHECK(back.approved_by == f.senior_id);
    CHECK(back.paid_card == rub(500));  // card first, up to what the card paid
    CHECK(back.paid_cash == rub(490));
    CHECK_THAT(refusal([&] { refund_sale(f.db(), f.senior(), "till-1", sale.sale_id, {r.lines[1].id}); }),
               Catch::Contains("already refunded"));
    // The returned card can be sold again, and the shift's X report counts both receipts.
    SaleDraft again;
    again.with_client = true;
    again.client = ivanov();
    again.lines.push_back({.kind = LineKind::sim, .iccid = f.numbered[0], .tariff_code = "classic"});
    again.paid_cash = "100";
    commit_sale(f.db(), f.specialist(), "till-1", again);
    const auto shift = open_shift_at(f.db(), f.specialist(), "till-1");
    const ShiftReport x = shift_report(f.db(), f.specialist(), shift->id);
    CHECK(x.sales == 2);
    CHECK(x.refunds == 1);
    CHECK(x.cash_taken == rub(800) - rub(110) + rub(100));  // 1 300 paid for 1 190 less the change, then 100
    CHECK(x.cash_paid_back == rub(490));
    CHECK(x.expected_cash == rub(1000) + rub(790) - rub(490));
    CHECK(x.agent_total == rub(200));
}

TEST_CASE("One search box finds a card, a number with its client, or a client by passport, masked", "[sale][search]") {
    Desk f;
    f.sell_sim(0, "smart");
    auto hits = desk_search(f.db(), f.specialist(), f.numbered[0]);
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].kind == "sim");
    CHECK_THAT(hits[0].detail, Catch::Contains("Салон на Тверской"));
    CHECK(hits[1].kind == "client");
    CHECK(hits[1].title == "Иванов Иван Иванович");
    CHECK_THAT(hits[1].detail, Catch::StartsWith("45 ** ****56"));
    CHECK(desk_search(f.db(), f.specialist(), "8 (916) 000-00-01").size() == 2);
    hits = desk_search(f.db(), f.specialist(), "4506 123456");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].kind == "client");
    CHECK(desk_search(f.db(), f.specialist(), "4506 000000").empty());
    CHECK(desk_search(f.db(), f.specialist(), "кофе").empty());
    // A scanned ICCID with a wrong check digit is refused; another dealer's people find nothing.
    std::string wrong = f.numbered[1];
    wrong.back() = wrong.back() == '0' ? '1' : '0';
    CHECK_THROWS_AS(desk_search(f.db(), f.specialist(), wrong), InputError);
    CHECK(desk_search(f.db(), f.stranger(), f.numbered[0]).empty());
}

namespace {

// Петров, with his whole registration form, buys the card `iccid` for cash.
SaleDraft petrov_buys(const std::string& iccid) {
    SaleDraft d;
    d.with_client = true;
    d.client = ClientForm{"Петров Пётр Петрович", "01.02.1985", "4507 654321", "03.04.2005",
                          "ОВД Арбат г. Москвы", "г. Москва, ул. Арбат, д. 3, кв. 4", ""};
    d.lines.push_back({.kind = LineKind::sim, .iccid = iccid, .tariff_code = "smart"});
    d.paid_cash = "100";
    return d;
}

}  // namespace

TEST_CASE("A SIM sale goes to PostgreSQL in three round trips: BEGIN, its reads, its writes with the COMMIT",
          "[sale][R-POS-1]") {
    Desk f;
    f.sell_sim(0, "smart", "600");  // the first draws the connection's ids and prepares its statements
    const Actor seller = f.specialist();
    SaleDraft d = petrov_buys(f.numbered[1]);
    const std::uint64_t before = f.db().round_trips();
    const CommittedSale s = commit_sale(f.db(), seller, "till-1", d);
    const std::uint64_t trips = f.db().round_trips() - before;
    CHECK(s.receipt_number == 2);
    CHECK(f.status_of(f.numbered[1]) == "sold");
    if (f.db().backend() == db::Backend::postgresql)
        CHECK(trips == 3);
    else
        CHECK(trips <= 20);  // SQLite: statements, each a call into the library, no server to wait for
}

TEST_CASE("A SIM sale to a client already registered goes in three round trips too: the SIM limit is counted "
          "by the passport, with the client's own read",
          "[sale][R-POS-1][R-POS-7]") {
    Desk f;
    f.sell_sim(0, "smart", "600");  // the first draws the connection's ids and prepares its statements
    const Actor seller = f.specialist();
    SaleDraft d = petrov_buys(f.numbered[1]);
    commit_sale(f.db(), seller, "till-1", d);  // registers Петров
    d.lines[0].iccid = f.numbered[2];
    const std::uint64_t before = f.db().round_trips();
    const CommittedSale s = commit_sale(f.db(), seller, "till-1", d);
    const std::uint64_t trips = f.db().round_trips() - before;
    CHECK(s.receipt_number == 3);
    CHECK(f.status_of(f.numbered[2]) == "sold");
    if (f.db().backend() == db::Backend::postgresql) CHECK(trips == 3);
    // The limit still counts his two numbers: with a limit of two, a third is refused.
    {
        db::WriteTransaction tx(f.db());
        db::put_setting(f.db(), "sim_limit_per_person", "2");
        tx.commit();
    }
    d.lines[0].iccid = f.numbered[3];
    try {
        commit_sale(f.db(), seller, "till-1", d);
        FAIL("a third number passed the limit of two");
    } catch (const InputError& e) {
        CHECK(e.input() == "passport");
    }
    CHECK(f.status_of(f.numbered[3]) == "in_stock");
}
