// The fiscal registrar (R-POS-10): a sale committed first and registered afterwards by the emulator with
// its drive's numbering and fiscal signs; a receipt the registrar did not take stays queued, shown on the
// shift's report, and is registered on retry; a retry after a stop between the steps never registers a
// receipt twice; the drive's limits; top-ups as a payment agent's lines; refunds, corrections, X and Z.
#include <catch2/catch.hpp>

#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/catalog/SimStock.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"
#include "pos/core/fiscal/FiscalEmulator.hpp"
#include "pos/core/fiscal/FiscalQueue.hpp"
#include "pos/core/sale/ReceiptDocument.hpp"
#include "pos/core/sale/Sale.hpp"
#include "pos/core/sale/SaleReceipt.hpp"
#include "pos/core/sale/Shift.hpp"
#include "tests/pos_core/DeskFixture.hpp"

#include <nlohmann/json.hpp>

using namespace salon;
using namespace salon::pos;

namespace {

ClientForm buyer() {
    return ClientForm{"Иванов Иван Иванович",
                      "25.11.1990",
                      "4506 123456",
                      "10.12.2010",
                      "ОВД Тверского района г. Москвы",
                      "г. Москва, ул. Тверская, д. 1, кв. 2",
                      ""};
}

// The salon's desk with the catalog, ten cards and an open shift at till-1.
struct FiscalDesk : salon::test::DeskFixture {
    std::vector<std::string> cards;
    std::int64_t shift_id = 0;
    FiscalDesk() {
        import_tariff_catalog(db(), builtin_tariff_catalog());
        seed_demo_products(db());
        const auto batch =
            sim_range(iccid_with_check_digit("897010200000000001"), 10, "+79160000001", "nano");
        receive_sims(db(), cli, salon, batch);
        for (const auto& c : batch) cards.push_back(c.iccid);
        shift_id = open_shift(db(), specialist(), "till-1", Money::from_kopecks(100000)).id;
    }
    CommittedSale sell_sim(std::size_t card) {
        SaleDraft d;
        d.with_client = true;
        d.client = buyer();
        d.lines.push_back({.kind = LineKind::sim, .iccid = cards[card], .tariff_code = "classic"});
        d.paid_cash = "1000";
        return commit_sale(db(), specialist(), "till-1", d);
    }
    std::unique_ptr<FiscalRegistrar> registrar() { return registrar_for_till(db(), specialist(), "till-1"); }
    FiscalRun fiscalise(std::int64_t sale_id, const FiscalStepHook& hook = {}) {
        auto r = registrar();
        return fiscalise_sales(db(), specialist(), "till-1", *r, {sale_id}, hook);
    }
    FiscalRun retry(const FiscalStepHook& hook = {}) {
        auto r = registrar();
        return retry_fiscal_queue(db(), specialist(), "till-1", *r, hook);
    }
    std::string state_of(std::int64_t sale_id) { return get_sale(db(), specialist(), sale_id).fiscal_state; }
    long long receipts_registered() {
        return count("SELECT COUNT(*) FROM fiscal_document WHERE kind = 'receipt'");
    }
};

struct Stop {};

}  // namespace

TEST_CASE(
    "A sale is committed awaiting, then the emulator registers it once with FN, FD, FP and its QR payload",
    "[fiscal][R-POS-10]") {
    FiscalDesk f;
    const CommittedSale s = f.sell_sim(0);
    CHECK(f.state_of(s.sale_id) == "awaiting");
    REQUIRE(fiscal_queue(f.db(), f.specialist(), "till-1").size() == 1);

    const FiscalRun run = f.fiscalise(s.sale_id);
    CHECK(run.fiscalised == 1);
    CHECK(run.waiting == 0);
    CHECK(run.fault == FiscalFault::none);
    CHECK(f.state_of(s.sale_id) == "fiscalised");
    CHECK(fiscal_queue(f.db(), f.specialist(), "till-1").empty());

    const auto a = fiscal_attributes(f.db(), s.sale_id);
    REQUIRE(a);
    CHECK(a->fn_number.size() == 16);
    CHECK(a->fn_number.rfind("9999", 0) == 0);  // no real drive's number
    CHECK(a->fd_number == 2);                   // the shift's opening is document 1
    CHECK(a->shift_number == 1);
    CHECK(a->number_in_shift == 1);
    CHECK(a->emulated);
    CHECK(!a->fiscal_sign.empty());
    CHECK(a->fiscal_sign.size() <= 10);
    CHECK(a->fiscal_sign.find_first_not_of("0123456789") == std::string::npos);
    CHECK(a->qr_payload.find("&fn=" + a->fn_number + "&i=2&fp=" + a->fiscal_sign + "&n=1") !=
          std::string::npos);
    CHECK(a->qr_payload.rfind("t=", 0) == 0);

    // The receipt and its QR code carry them; the awaiting mark is gone.
    const ReceiptDocument doc = receipt_for_sale(f.db(), f.specialist(), s.sale_id);
    CHECK(doc.qr_payload == a->qr_payload);
    CHECK(receipt_fiscal_mark(doc).empty());
    const auto attributes = receipt_fiscal_attributes(doc);
    REQUIRE(attributes.size() == 6);
    CHECK(attributes[0] == "FN " + a->fn_number);
    CHECK(attributes[1] == "FD No. 2");
    CHECK(attributes[2] == "FP " + a->fiscal_sign);
    CHECK(attributes[3] == "Fiscal shift 1, receipt 1");
    CHECK(attributes[5] == "Registrar emulator: not a fiscal document");
    bool printed = false;
    for (const auto& line : receipt_text(doc, 42)) printed = printed || line == "FP " + a->fiscal_sign;
    CHECK(printed);

    // Asked again, nothing more is registered.
    CHECK(f.fiscalise(s.sale_id).fiscalised == 0);
    CHECK(f.receipts_registered() == 1);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'fiscal.receipt'") == 1);
}

TEST_CASE(
    "A receipt the registrar did not take stays queued, is on the shift's report and is registered on retry",
    "[fiscal][R-POS-10]") {
    FiscalDesk f;
    auto fault = GENERATE(FiscalFault::paper_out, FiscalFault::cover_open, FiscalFault::drive_full,
                          FiscalFault::offline_too_long);
    set_emulated_fault(f.db(), f.specialist(), "till-1", fault);
    const CommittedSale s = f.sell_sim(0);
    const FiscalRun run = f.fiscalise(s.sale_id);
    CHECK(run.fiscalised == 0);
    CHECK(run.fault == fault);
    CHECK(run.waiting == 1);
    CHECK(f.state_of(s.sale_id) == "failed");  // still queued: "failed" is this attempt's answer
    CHECK(f.receipts_registered() == 0);
    const auto queue = fiscal_queue(f.db(), f.specialist(), "till-1");
    REQUIRE(queue.size() == 1);
    CHECK(queue[0].sale_id == s.sale_id);
    CHECK(queue[0].attempts == 1);
    CHECK(queue[0].last_error == to_string(fault));
    CHECK(fiscal_status(f.db(), f.specialist(), "till-1").queue_length == 1);
    CHECK(fiscal_status(f.db(), f.specialist(), "till-1").drive.fault == fault);

    // The X report shows it, and so does the Z report if the shift closes before the registrar takes it.
    const ShiftReport x = shift_report(f.db(), f.specialist(), f.shift_id);
    CHECK(x.awaiting_fiscal == std::vector<int>{1});
    const auto text = shift_report_text(x);
    CHECK(std::find(text.begin(), text.end(), "Awaiting fiscalisation: 1 receipt: 1") != text.end());

    // Still refused: one more attempt, nothing registered.
    CHECK(f.retry().fault == fault);
    CHECK(fiscal_queue(f.db(), f.specialist(), "till-1")[0].attempts == 2);

    set_emulated_fault(f.db(), f.specialist(), "till-1", FiscalFault::none);
    const FiscalRun again = f.retry();
    CHECK(again.fiscalised == 1);
    CHECK(again.waiting == 0);
    CHECK(f.state_of(s.sale_id) == "fiscalised");
    CHECK(f.receipts_registered() == 1);
    CHECK(shift_report(f.db(), f.specialist(), f.shift_id).awaiting_fiscal.empty());
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'fiscal.fault'") == 2);
}

TEST_CASE("A stop between the steps never registers a receipt twice and never loses it",
          "[fiscal][R-POS-10]") {
    FiscalDesk f;
    const CommittedSale first = f.sell_sim(0);
    const CommittedSale second = f.sell_sim(1);

    // Stopped after the claim (nothing reached the registrar) and after the registrar registered (the
    // station never recorded the answer): both stay queued.
    CHECK_THROWS_AS(f.fiscalise(first.sale_id,
                                [](FiscalStep step, std::int64_t) {
                                    if (step == FiscalStep::claimed) throw Stop{};
                                }),
                    Stop);
    CHECK_THROWS_AS(f.fiscalise(second.sale_id,
                                [](FiscalStep step, std::int64_t) {
                                    if (step == FiscalStep::registered) throw Stop{};
                                }),
                    Stop);
    CHECK(f.state_of(first.sale_id) == "awaiting");
    CHECK(f.state_of(second.sale_id) == "awaiting");
    CHECK(f.receipts_registered() == 1);  // the second one reached the drive
    CHECK(fiscal_queue(f.db(), f.specialist(), "till-1").size() == 2);
    long long fd_in_drive = 0;
    // Values bound to a `sql() <<` statement must outlive it: it runs at the end of the full expression.
    const std::string second_request = "sale-" + std::to_string(second.sale_id);
    f.db().sql() << "SELECT number FROM fiscal_document WHERE request_id = :q", soci::use(second_request),
        soci::into(fd_in_drive);

    const FiscalRun run = f.retry();
    CHECK(run.fiscalised == 2);
    CHECK(run.waiting == 0);
    CHECK(f.receipts_registered() == 2);
    // The second receipt carries the document the drive made before the stop, not a new one.
    CHECK(fiscal_attributes(f.db(), second.sale_id)->fd_number == fd_in_drive);
    CHECK(f.count("SELECT COUNT(DISTINCT fd_number) FROM fiscal_receipt WHERE fd_number IS NOT NULL") == 2);

    // The emulator answers a request id it knows with the same document.
    auto r = f.registrar();
    FiscalReceipt same;
    same.request_id = "sale-" + std::to_string(first.sale_id);
    same.total = 1;
    const FiscalDocument doc = r->register_receipt(same);
    CHECK(doc.fd_number == fiscal_attributes(f.db(), first.sale_id)->fd_number);
    CHECK(doc.fiscal_sign == fiscal_attributes(f.db(), first.sale_id)->fiscal_sign);
    CHECK(f.receipts_registered() == 2);
}

TEST_CASE("The emulated drive's limits: capacity, 30 days without the OFD, a fiscal shift of 24 hours",
          "[fiscal][R-POS-10]") {
    FiscalDesk f;
    auto r = f.registrar();
    auto& emulator = dynamic_cast<FiscalEmulator&>(*r);
    CHECK(r->info().kind == "emulator");
    CHECK(r->info().emulated);
    FiscalReceipt receipt;
    receipt.total = 10000;
    receipt.lines.push_back({"Чехол", 1, 10000, 10000, "standard", 2200, 1803, false});

    SECTION("a full drive registers nothing") {
        receipt.request_id = "a";
        r->register_receipt(receipt);
        f.db().sql() << "UPDATE fiscal_registrar SET fn_capacity = documents";
        receipt.request_id = "b";
        CHECK_THROWS_AS(r->register_receipt(receipt), RegistrarFault);
        CHECK(r->drive_state().fault == FiscalFault::drive_full);
        CHECK(r->find_document("a"));  // the archive still answers
        CHECK(!r->find_document("b"));
    }
    SECTION("the OFD unreachable for more than 30 days blocks the drive; its return unblocks it") {
        emulator.set_ofd_online(false);
        const std::int64_t start = f.db().now();
        receipt.request_id = "a";
        r->register_receipt(receipt);
        CHECK(r->drive_state().oldest_unsent_at == start);
        f.db().set_clock(start + kOfflineLimitSeconds + 60);
        receipt.request_id = "b";
        try {
            r->register_receipt(receipt);
            FAIL("registered past the offline limit");
        } catch (const RegistrarFault& e) {
            CHECK(e.fault() == FiscalFault::offline_too_long);
        }
        emulator.set_ofd_online(true);
        f.db().sql() << "UPDATE fiscal_registrar SET shift_open = 0";  // a new day's shift
        CHECK(r->register_receipt(receipt).fd_number > 0);
        f.db().set_clock(std::nullopt);
    }
    SECTION("a fiscal shift past 24 hours is closed with its Z report before the next receipt") {
        const CommittedSale s = f.sell_sim(0);
        f.fiscalise(s.sale_id);
        CHECK(r->shift().number == 1);
        f.db().set_clock(f.db().now() + kFiscalShiftSeconds + 60);
        const CommittedSale next = f.sell_sim(1);
        CHECK(f.fiscalise(next.sale_id).fiscalised == 1);
        CHECK(r->shift().number == 2);
        CHECK(
            f.count("SELECT COUNT(*) FROM fiscal_document WHERE kind = 'shift_close' AND shift_number = 1") ==
            1);
        CHECK(fiscal_attributes(f.db(), next.sale_id)->shift_number == 2);
        f.db().set_clock(std::nullopt);
    }
    SECTION("fiscal signs are 10 digits at most and depend on the drive's key") {
        const std::string key(64, 'a'), other(64, 'b');
        const std::string fp = FiscalEmulator::fiscal_sign(key, "9999|1|2");
        CHECK(fp.size() <= 10);
        CHECK(std::stoull(fp) <= 4294967295ULL);
        CHECK(fp == FiscalEmulator::fiscal_sign(key, "9999|1|2"));
        CHECK(fp != FiscalEmulator::fiscal_sign(other, "9999|1|2"));
        CHECK(fp != FiscalEmulator::fiscal_sign(key, "9999|2|2"));
    }
}

TEST_CASE("A top-up is a payment agent's line; a refund is registered as a refund", "[fiscal][R-POS-10]") {
    FiscalDesk f;
    const CommittedSale sim = f.sell_sim(0);
    SaleDraft d;
    d.lines.push_back({.kind = LineKind::top_up, .msisdn = "+79160000001", .amount = "500"});
    d.lines.push_back({.kind = LineKind::accessory, .product_code = "acc-case"});
    d.paid_cash = "5000";
    const CommittedSale topup = commit_sale(f.db(), f.specialist(), "till-1", d);
    CHECK(f.retry().fiscalised == 2);
    std::string content;
    const std::string topup_request = "sale-" + std::to_string(topup.sale_id);
    f.db().sql() << "SELECT content FROM fiscal_document WHERE request_id = :q", soci::use(topup_request),
        soci::into(content);
    const auto json = nlohmann::json::parse(content);
    REQUIRE(json["lines"].size() == 2);
    CHECK(json["lines"][0]["agent"] == "payment_agent");
    CHECK(json["lines"][0]["vat"] == "none");
    CHECK(!json["lines"][1].contains("agent"));
    CHECK(json["lines"][1]["vat_bp"].get<int>() > 0);

    const CommittedSale back = refund_sale(f.db(), f.senior(), "till-1", sim.sale_id, {});
    CHECK(f.retry().fiscalised == 1);
    CHECK(fiscal_attributes(f.db(), back.sale_id)->qr_payload.find("&n=2") != std::string::npos);
    std::string operation;
    const std::string back_request = "sale-" + std::to_string(back.sale_id);
    f.db().sql() << "SELECT operation FROM fiscal_document WHERE request_id = :q", soci::use(back_request),
        soci::into(operation);
    CHECK(operation == "refund");

    // The X report adds what the registrar registered in its shift.
    auto r = f.registrar();
    const FiscalReport x = r->x_report();
    CHECK(!x.z);
    CHECK(x.receipts == 3);
    CHECK(x.sales_total == sim.total.kopecks() + topup.total.kopecks());
    CHECK(x.refunds_total == back.total.kopecks());
}

TEST_CASE("A correction receipt is registered once in the open fiscal shift", "[fiscal][R-POS-10]") {
    FiscalDesk f;
    auto r = f.registrar();
    CorrectionReceipt c;
    c.request_id = "correction-1";
    c.total = 50000;
    c.cash = 50000;
    c.reason = "the registrar was off: sale without a receipt";
    c.basis_date = "2026-12-05";
    c.basis_number = "1";
    CHECK_THROWS_AS(r->register_correction(c), RefusedError);  // no fiscal shift open
    CHECK(open_fiscal_shift(f.db(), f.specialist(), *r) == FiscalFault::none);
    const FiscalDocument doc = r->register_correction(c);
    CHECK(doc.fd_number == 2);
    CHECK(r->register_correction(c).fd_number == 2);
    CHECK(f.count("SELECT COUNT(*) FROM fiscal_document WHERE kind = 'correction'") == 1);
}

TEST_CASE(
    "Closing the shift retries the queue, closes the fiscal shift with a Z report and settles the shift",
    "[fiscal][R-POS-10]") {
    FiscalDesk f;
    auto r = f.registrar();
    CHECK(open_fiscal_shift(f.db(), f.specialist(), *r) == FiscalFault::none);
    CHECK(r->shift().open);
    set_emulated_fault(f.db(), f.specialist(), "till-1", FiscalFault::cover_open);
    const CommittedSale s = f.sell_sim(0);
    f.fiscalise(s.sale_id);
    set_emulated_fault(f.db(), f.specialist(), "till-1", FiscalFault::none);

    const ShiftReport z =
        close_shift(f.db(), f.specialist(), f.shift_id, Money::from_kopecks(100000) + s.total);
    CHECK(z.awaiting_fiscal ==
          std::vector<int>{1});  // closed before the registrar took it: the Z report says so
    const FiscalClose closed = close_fiscal_shift(f.db(), f.specialist(), "till-1", *r);
    CHECK(closed.run.fiscalised == 1);
    REQUIRE(closed.z);
    CHECK(closed.z->z);
    CHECK(closed.z->receipts == 1);
    REQUIRE(closed.z->document);
    CHECK(closed.z->document->fd_number == 3);
    CHECK(!r->shift().open);
    CHECK(shift_report(f.db(), f.specialist(), f.shift_id).awaiting_fiscal.empty());
    CHECK(f.count("SELECT COUNT(*) FROM fiscal_settled_shift") == 1);
}

TEST_CASE("The registrar is the till's own; another salon's person sees no queue of this till",
          "[fiscal][R-POS-10]") {
    FiscalDesk f;
    const CommittedSale s = f.sell_sim(0);
    CHECK(fiscal_queue(f.db(), f.specialist(), "till-2").empty());
    CHECK(fiscal_queue(f.db(), f.stranger(), "till-1").empty());
    auto other = registrar_for_till(f.db(), f.specialist(), "till-2");
    CHECK_THROWS_AS(fiscalise_sales(f.db(), f.specialist(), "till-2", *other, {s.sale_id}), RefusedError);
    CHECK(other->drive_state().fn_number != f.registrar()->drive_state().fn_number);
    CHECK(f.state_of(s.sale_id) == "awaiting");
    CHECK_THROWS_AS(set_emulated_fault(f.db(), f.as(f.trainer_id), "till-1", FiscalFault::paper_out),
                    RefusedError);
}
