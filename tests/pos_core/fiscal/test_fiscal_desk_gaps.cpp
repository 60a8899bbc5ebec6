// The fiscal desk's remaining pieces (R-POS-10): correction receipts recorded by a senior and registered
// once through the till's queue; the payment agent's supplier attributes of a top-up, set by head office
// and carried to the registrar and the receipt, a top-up refused without them; a shortfall at the Z report
// closed only with a reason and a second person's confirmation.
#include <catch2/catch.hpp>

#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/catalog/SimStock.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"
#include "pos/core/fiscal/FiscalCorrection.hpp"
#include "pos/core/fiscal/FiscalEmulator.hpp"
#include "pos/core/fiscal/FiscalQueue.hpp"
#include "pos/core/fiscal/PaymentAgent.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/organisation/SupervisorApproval.hpp"
#include "pos/core/sale/ReceiptDocument.hpp"
#include "pos/core/sale/Sale.hpp"
#include "pos/core/sale/SaleReceipt.hpp"
#include "pos/core/sale/Shift.hpp"
#include "tests/pos_core/DeskFixture.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>

using namespace salon;
using namespace salon::pos;
using salon::test::refusal;
using salon::test::refused_input;

namespace {

Money rub(long long roubles) { return Money::from_kopecks(roubles * 100); }

struct Till : salon::test::DeskFixture {
    std::int64_t shift_id = 0;
    Till() {
        import_tariff_catalog(db(), builtin_tariff_catalog());
        seed_demo_products(db());
        shift_id = open_shift(db(), senior(), "till-1", rub(1000)).id;
    }
    CorrectionRequest income(long long roubles) {
        CorrectionRequest r;
        r.amount = rub(roubles);
        r.reason = "Registrar was down at noon";
        r.basis_number = "17";
        r.basis_date = "2026-01-10";
        return r;
    }
    std::unique_ptr<FiscalRegistrar> registrar() { return registrar_for_till(db(), senior(), "till-1"); }
    FiscalEmulator& emulator(std::unique_ptr<FiscalRegistrar>& r) { return dynamic_cast<FiscalEmulator&>(*r); }
    long long corrections_registered() { return count("SELECT COUNT(*) FROM fiscal_document WHERE kind = 'correction'"); }
};

}  // namespace

TEST_CASE("A correction receipt is a senior's; bad input names its field and saves nothing",
          "[fiscal][correction][R-POS-10]") {
    Till f;
    CHECK_THAT(refusal([&] { record_correction(f.db(), f.specialist(), "till-1", f.income(100)); }),
               Catch::Contains("Register correction receipts"));
    auto bad = [&](auto change) {
        CorrectionRequest r = f.income(100);
        change(r);
        return refused_input([&] { record_correction(f.db(), f.senior(), "till-1", r); });
    };
    CHECK(bad([](CorrectionRequest& r) { r.amount = Money(); }) == "amount");
    CHECK(bad([](CorrectionRequest& r) { r.amount = rub(-5); }) == "amount");
    CHECK(bad([](CorrectionRequest& r) { r.amount = rub(2'000'000); }) == "amount");
    CHECK(bad([](CorrectionRequest& r) { r.reason = "  "; }) == "reason");
    CHECK(bad([](CorrectionRequest& r) { r.reason = "ab"; }) == "reason");
    CHECK(bad([](CorrectionRequest& r) { r.basis_number = ""; }) == "document");
    CHECK(bad([](CorrectionRequest& r) { r.basis_date = "2026-02-30"; }) == "document_date");
    CHECK(bad([](CorrectionRequest& r) { r.basis_date = "2199-01-01"; }) == "document_date");
    CHECK(bad([](CorrectionRequest& r) { r.vat_code = "luxury"; }) == "vat");
    CHECK_THROWS_AS(correction_kind_from_string("gift"), InputError);
    CHECK(f.count("SELECT COUNT(*) FROM fiscal_correction") == 0);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'fiscal.correction'") == 0);
    // No open shift at the till: refused, nothing saved.
    CHECK_THAT(refusal([&] { record_correction(f.db(), f.senior(), "till-2", f.income(100)); }),
               Catch::Contains("No shift is open at till \"till-2\""));
    CHECK(f.count("SELECT COUNT(*) FROM fiscal_correction") == 0);
}

TEST_CASE("A correction is journaled, queued with the till's receipts and registered once",
          "[fiscal][correction][R-POS-10]") {
    Till f;
    CorrectionRequest cash = f.income(100);
    const std::int64_t first = record_correction(f.db(), f.senior(), "till-1", cash);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'fiscal.correction'") == 1);
    Correction c = get_correction(f.db(), f.senior(), first);
    CHECK(c.fiscal_state == "awaiting");
    CHECK(c.vat_basis_points == 2200);
    CHECK(c.basis_date == "2026-01-10");
    auto queue = fiscal_queue(f.db(), f.senior(), "till-1");
    REQUIRE(queue.size() == 1);
    CHECK(queue[0].correction_id == first);
    CHECK(queue[0].sale_id == 0);
    CHECK(queue[0].kind == "correction_income");
    CHECK(queue[0].total == 10000);

    // Paper out: it stays queued, marked failed with the registrar's answer.
    auto r = f.registrar();
    f.emulator(r).set_fault(FiscalFault::paper_out);
    const FiscalRun refused = fiscalise_corrections(f.db(), f.senior(), "till-1", *r, {first});
    CHECK(refused.fault == FiscalFault::paper_out);
    CHECK(refused.waiting == 1);
    c = get_correction(f.db(), f.senior(), first);
    CHECK(c.fiscal_state == "failed");
    CHECK(c.last_error == "paper_out");
    CHECK(f.corrections_registered() == 0);
    // The X report shows it with the money in the drawer it explains.
    ShiftReport x = shift_report(f.db(), f.senior(), f.shift_id);
    CHECK(x.corrections == 1);
    CHECK(x.correction_income == rub(100));
    CHECK(x.expected_cash == rub(1100));
    CHECK(x.awaiting_fiscal_corrections == std::vector<std::int64_t>{first});

    // A refund correction by card does not move the drawer.
    CorrectionRequest card = f.income(40);
    card.kind = CorrectionKind::refund;
    card.card = true;
    card.vat_code = "none";
    const std::int64_t second = record_correction(f.db(), f.senior(), "till-1", card);
    x = shift_report(f.db(), f.senior(), f.shift_id);
    CHECK(x.correction_refund == rub(40));
    CHECK(x.expected_cash == rub(1100));

    // Stopped between the registration and its record, then retried: one document each, never two.
    f.emulator(r).set_fault(FiscalFault::none);
    struct Stop {};
    CHECK_THROWS_AS(retry_fiscal_queue(f.db(), f.senior(), "till-1", *r,
                                       [](FiscalStep step, std::int64_t) {
                                           if (step == FiscalStep::registered) throw Stop{};
                                       }),
                    Stop);
    CHECK(f.corrections_registered() == 1);
    const FiscalRun run = retry_fiscal_queue(f.db(), f.senior(), "till-1", *r);
    CHECK(run.fiscalised == 2);
    CHECK(run.waiting == 0);
    CHECK(f.corrections_registered() == 2);
    CHECK(retry_fiscal_queue(f.db(), f.senior(), "till-1", *r).fiscalised == 0);
    CHECK(f.corrections_registered() == 2);
    c = get_correction(f.db(), f.senior(), second);
    CHECK(c.fiscal_state == "fiscalised");
    CHECK_FALSE(c.fiscal_sign.empty());
    std::string content;
    const std::string request = correction_request_id(second);
    f.db().sql() << "SELECT content FROM fiscal_document WHERE request_id = :q", soci::use(request),
        soci::into(content);
    const auto json = nlohmann::json::parse(content);
    CHECK(json["operation"] == "refund");
    CHECK(json["card"] == 4000);
    CHECK(json["basis_number"] == "17");
    CHECK(json["reason"] == "Registrar was down at noon");

    // The Z report counts them; the registrar's Z counts them in its shift.
    const ShiftReport z = close_shift(f.db(), f.senior(), f.shift_id, rub(1100));
    CHECK(z.awaiting_fiscal_corrections.empty());
    const auto lines = shift_report_text(z);
    CHECK(std::any_of(lines.begin(), lines.end(),
                      [](const std::string& l) { return l.find("Correction receipts: 2") != std::string::npos; }));
    const FiscalClose close = close_fiscal_shift(f.db(), f.senior(), "till-1", *r);
    REQUIRE(close.z);
    CHECK(close.z->receipts == 2);
}

TEST_CASE("The payment agent's supplier is set by head office, checked, and refused top-ups name it",
          "[fiscal][agent][R-POS-10]") {
    Till f;
    const std::string op = top_up_operator(f.db());
    CHECK(op == "operator");
    CHECK_THAT(refusal([&] { set_agent_supplier(f.db(), f.senior(), {op, "ПАО «Оператор»", "7700123459", "+74951234567"}); }),
               Catch::Contains("Administer the database"));
    CHECK(refused_input([&] { set_agent_supplier(f.db(), f.cli, {op, "ПАО «Оператор»", "7700123458", "+74951234567"}); }) ==
          "supplier_inn");
    CHECK(refused_input([&] { set_agent_supplier(f.db(), f.cli, {op, "ПАО «Оператор»", "7700123459", "123"}); }) ==
          "supplier_phone");
    CHECK(refused_input([&] { set_agent_supplier(f.db(), f.cli, {op, " ", "7700123459", "+74951234567"}); }) ==
          "supplier_name");
    CHECK(normalise_supplier_phone("8 (800) 555-35-35") == "+78005553535");
    const AgentSupplier saved =
        set_agent_supplier(f.db(), f.cli, {op, "ПАО «Мобильная связь»", "7700 123459", "+7 495 766-01-66"});
    CHECK(saved.inn == "7700123459");
    CHECK(saved.phone == "+74957660166");
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'fiscal.agent'") >= 1);

    // The top-up's registrar request and receipt carry them (tags 1057, 1171, 1225, 1226).
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
    d.paid_cash = "500";
    const CommittedSale topup = commit_sale(f.db(), f.senior(), "till-1", d);
    auto r = f.registrar();
    CHECK(retry_fiscal_queue(f.db(), f.senior(), "till-1", *r).fiscalised == 2);
    std::string content;
    const std::string request = "sale-" + std::to_string(topup.sale_id);
    f.db().sql() << "SELECT content FROM fiscal_document WHERE request_id = :q", soci::use(request),
        soci::into(content);
    const auto json = nlohmann::json::parse(content);
    CHECK(json["lines"][0]["agent"] == "payment_agent");
    CHECK(json["lines"][0]["supplier_name"] == "ПАО «Мобильная связь»");
    CHECK(json["lines"][0]["supplier_inn"] == "7700123459");
    CHECK(json["lines"][0]["supplier_phone"] == "+74957660166");
    const ReceiptDocument doc = receipt_for_sale(f.db(), f.senior(), topup.sale_id);
    CHECK(doc.supplier_phone == "+74957660166");
    CHECK_THAT(receipt_supplier(doc), Catch::Contains("7700123459") && Catch::Contains("+74957660166"));

    // Without the operator's attributes a top-up is refused, naming the operator, and nothing is sold.
    f.db().sql() << "DELETE FROM payment_agent_supplier";
    const long long sales = f.count("SELECT COUNT(*) FROM sale");
    CHECK_THAT(refusal([&] { commit_sale(f.db(), f.senior(), "till-1", d); }),
               Catch::Contains("payment agent of operator \"operator\"") && Catch::Contains("fiscal agent operator"));
    CHECK(f.count("SELECT COUNT(*) FROM sale") == sales);
}

TEST_CASE("A shortfall at the Z report needs a reason and a second person; a senior's own needs another senior",
          "[shift][fiscal][R-POS-10]") {
    Till f;  // the senior opened till-1 with 1000
    const Actor senior = f.senior();
    // Nothing is closed without the reason, or without a confirmation.
    CHECK(refused_input([&] { close_shift(f.db(), senior, f.shift_id, rub(900)); }) == "reason");
    CHECK(refused_input([&] { close_shift(f.db(), senior, f.shift_id, rub(900), std::nullopt, "  "); }) == "reason");
    CHECK_THAT(refusal([&] { close_shift(f.db(), senior, f.shift_id, rub(900), std::nullopt, "change given twice"); }),
               Catch::Contains("short by") && Catch::Contains("A senior must confirm it"));
    // Their own permission does not confirm their own shortfall, even handed in as an approval.
    const SupervisorApproval self{f.senior_id, "Козлова Мария", Permission::approve_cash_difference};
    CHECK_THAT(refusal([&] { close_shift(f.db(), senior, f.shift_id, rub(900), self, "change given twice"); }),
               Catch::Contains("a second senior must confirm it"));
    CHECK_THAT(refusal([&] { approve(f.db(), senior, Permission::approve_cash_difference, "senior", "password1"); }),
               Catch::Contains("another person"));
    // A specialist of the salon cannot confirm.
    CHECK_THAT(refusal([&] { approve(f.db(), senior, Permission::approve_cash_difference, "colleague", "password1"); }),
               Catch::Contains("may not approve this"));
    // An approval whose permission was taken away since the dialog does not confirm.
    const SupervisorApproval colleague{f.colleague_id, "Петров Иван", Permission::approve_cash_difference};
    CHECK_THAT(refusal([&] { close_shift(f.db(), senior, f.shift_id, rub(900), colleague, "change given twice"); }),
               Catch::Contains("may not confirm a shortfall"));
    CHECK(get_shift(f.db(), senior, f.shift_id).is_open());
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'shift.close'") == 0);

    // A second senior of the salon confirms.
    const auto second = save_staff(f.db(), f.cli, {"senior2", "Орлов Пётр", Role::senior_specialist, f.salon, 0,
                                                   CareerLevel::senior_specialist, "password1"});
    record_certification(f.db(), f.cli, second, "2026-01-15", f.trainer_id);
    const auto ok = approve(f.db(), senior, Permission::approve_cash_difference, "senior2", "password1");
    const ShiftReport z = close_shift(f.db(), senior, f.shift_id, rub(900), ok, "  change given twice ");
    CHECK(z.shift.approved_by == second);
    CHECK(z.shift.shortfall_reason == "change given twice");
    const auto lines = shift_report_text(z);
    CHECK(std::find(lines.begin(), lines.end(), "Reason for the shortfall: change given twice") != lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "Approved by: Орлов Пётр") != lines.end());
    std::string details;
    f.db().sql() << "SELECT details FROM audit_entry WHERE action = 'shift.close'", soci::into(details);
    CHECK_THAT(details, Catch::Contains("approved_by=staff:" + std::to_string(second)) &&
                            Catch::Contains("shortfall_reason=change given twice"));

    // A surplus or an exact count is not a shortfall: no reason asked.
    const Shift next = open_shift(f.db(), f.specialist(), "till-1", rub(0));
    const ShiftReport exact = close_shift(f.db(), f.specialist(), next.id, rub(0));
    CHECK(exact.shift.shortfall_reason.empty());
}
