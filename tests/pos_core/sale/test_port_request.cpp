// Number portability (R-POS-9): a port-in sale leaves a request "submitted"; staff of its salon record the
// donor's answer and the transfer, each step allowed only from the status before it, kept in the request's
// history and the journal; completion brings the number into service on a blank card of the salon's stock.
#include <catch2/catch.hpp>

#include "pos/core/audit/AuditJournal.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/identifiers/PersonalDataMask.hpp"
#include "pos/core/sale/PortRequest.hpp"
#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/sale/Queue.hpp"
#include "pos/core/sale/Sale.hpp"
#include "pos/core/sale/Shift.hpp"
#include "pos/core/catalog/SimStock.hpp"
#include "pos/core/organisation/StationSetting.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"
#include "tests/pos_core/DeskFixture.hpp"
#include "tests/support/LanguageGuard.hpp"

using namespace salon;
using namespace salon::pos;
using salon::test::refusal;

namespace {

// 10 December 2026, 12:00 in Moscow: the day the requests are filed.
const std::int64_t kFiled =
    CalendarDate::parse("2026-12-10", "d", tr("Date")).start_unix("Europe/Moscow") + 12 * 3600;
const CalendarDate kTransfer = CalendarDate::parse("2026-12-15", "d", tr("Date"));

ClientForm ivanov() {
    return ClientForm{"Иванов Иван Иванович",
                      "25.11.1990",
                      "4506 123456",
                      "10.12.2010",
                      "ОВД Тверского района г. Москвы",
                      "г. Москва, ул. Тверская, д. 1, кв. 2",
                      ""};
}

struct PortDesk : salon::test::DeskFixture {
    std::vector<std::string> numbered, blank;
    PortDesk() {
        db().set_clock(kFiled);
        import_tariff_catalog(db(), builtin_tariff_catalog());
        seed_demo_products(db());
        const auto cards = sim_range(iccid_with_check_digit("897010200000000001"), 3, "+79160000001", "nano");
        const auto blanks = sim_range(iccid_with_check_digit("897010200000000501"), 5, "", "nano");
        receive_sims(db(), cli, salon, cards);
        receive_sims(db(), cli, salon, blanks);
        for (const auto& c : cards) numbered.push_back(c.iccid);
        for (const auto& c : blanks) blank.push_back(c.iccid);
        open_shift(db(), specialist(), "till-1", Money::from_kopecks(100000));
    }

    // A sale of one line on «Смарт» to Ivanov at the salon's till (or `who`'s, at `till`), paid in cash.
    CommittedSale sell_to_ivanov(DraftLine line, std::optional<pos::Actor> who = std::nullopt,
                                 const std::string& till = "till-1") {
        SaleDraft d;
        d.with_client = true;
        d.client = ivanov();
        line.tariff_code = "smart";
        d.lines.push_back(line);
        if (line.kind == LineKind::sim) d.paid_cash = "100000";
        return commit_sale(db(), who ? *who : specialist(), till, d);
    }

    // A port-in sale of `number` at the salon's till (or `who`'s, at `till`); returns the request's id.
    std::int64_t port_in(const std::string& number, const CalendarDate& on = kTransfer,
                         std::optional<pos::Actor> who = std::nullopt, const std::string& till = "till-1") {
        DraftLine line;
        line.kind = LineKind::port_in;
        line.msisdn = number;
        line.donor_operator = "МТС";
        line.desired_date = on.iso();
        const CommittedSale sale = sell_to_ivanov(line, who, till);
        long long id = 0;
        const long long sale_id = sale.sale_id;
        db().sql() << "SELECT pr.id FROM port_request pr JOIN sale_line l ON l.id = pr.sale_line_id WHERE "
                      "l.sale_id = :s",
            soci::use(sale_id), soci::into(id);
        return id;
    }
    std::string status(std::int64_t id) {
        std::string s;
        const long long request_id = id;
        db().sql() << "SELECT status FROM port_request WHERE id = :id", soci::use(request_id), soci::into(s);
        return s;
    }
    std::string card_status(const std::string& iccid) {
        std::string s;
        db().sql() << "SELECT status FROM sim_card WHERE iccid = :i", soci::use(iccid), soci::into(s);
        return s;
    }
    // Everything a step writes, to prove a refused step wrote nothing.
    std::string footprint() {
        return std::to_string(count("SELECT COUNT(*) FROM port_request_change")) + "/" +
               std::to_string(count("SELECT COUNT(*) FROM audit_entry")) + "/" +
               std::to_string(count("SELECT COUNT(*) FROM subscription")) + "/" +
               std::to_string(count("SELECT COUNT(*) FROM gateway_request")) + "/" +
               std::to_string(count("SELECT COUNT(*) FROM sim_movement")) + "/" +
               std::to_string(count("SELECT CAST(COALESCE(SUM(updated_at), 0) AS BIGINT) FROM port_request"));
    }
    // Midnight of `day` plus `minutes` on the clock of `zone`.
    void at(const CalendarDate& day, const std::string& zone = "Europe/Moscow", int minutes = 0) {
        db().set_clock(day.start_unix(zone) + minutes * 60);
    }
};

PortRequestFilter in_salon(std::int64_t salon, std::optional<PortStatus> status = std::nullopt,
                           bool only_open = false, int limit = 1000) {
    PortRequestFilter filter;
    filter.salon_id = salon;
    filter.status = status;
    filter.only_open = only_open;
    filter.limit = limit;
    return filter;
}

std::string failing_input(const std::function<void()>& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.input();
    }
    return "";
}

}  // namespace

TEST_CASE(
    "A port-in sale's request is listed for its salon with the number, masked client and receipt [R-POS-9]",
    "[port][R-POS-9]") {
    PortDesk f;
    const auto id = f.port_in("8 903 123-45-67");
    const auto rows = list_port_requests(f.db(), f.specialist());
    REQUIRE(rows.size() == 1);
    const PortRequestRow& r = rows[0];
    CHECK(r.id == id);
    CHECK(r.msisdn == "+79031234567");
    CHECK(r.number == "+7 903 123-45-67");
    CHECK(r.donor_operator == "МТС");
    CHECK(r.desired_date == "2026-12-15");
    CHECK(r.status == PortStatus::submitted);
    CHECK(r.client_name == "Иванов И. И.");
    CHECK(r.tariff_name == "Смарт");
    CHECK(r.salon_id == f.salon);
    CHECK(r.receipt_number == 1);
    CHECK(r.shift_number == 1);
    CHECK(r.created_at == kFiled);
    CHECK(r.updated_at == kFiled);
    CHECK_FALSE(r.overdue());
    CHECK(mask_full_name("Салтыкова-Щедрина Анна") == "Салтыкова-Щедрина А.");
    // Filters.
    CHECK(list_port_requests(f.db(), f.specialist(), in_salon(0, PortStatus::accepted)).empty());
    CHECK(list_port_requests(f.db(), f.specialist(), in_salon(0, std::nullopt, true)).size() == 1);
    CHECK(list_port_requests(f.db(), f.specialist(), in_salon(f.salon, PortStatus::submitted, true)).size() ==
          1);
    CHECK(failing_input([&] {
              list_port_requests(f.db(), f.specialist(), in_salon(0, std::nullopt, false, 0));
          }) == "limit");
    // Scope: the other dealer's salon person sees his own salon only, and is refused another salon.
    CHECK(list_port_requests(f.db(), f.stranger()).empty());
    CHECK_THAT(refusal([&] { list_port_requests(f.db(), f.stranger(), in_salon(f.salon)); }),
               Catch::Contains("only your own salon"));
    CHECK_THROWS_AS(get_port_request(f.db(), f.stranger(), id), ValidationError);
    // A dealer's manager sees his dealer's salons; head office sees all.
    const auto manager =
        save_staff(f.db(), f.cli,
                   {"manager", "Менеджер М.", Role::dealer_manager, 0, f.dealer, std::nullopt, "password1"});
    const auto other_manager = save_staff(
        f.db(), f.cli,
        {"other", "Другой Д.", Role::dealer_manager, 0, f.other_dealer, std::nullopt, "password1"});
    CHECK(list_port_requests(f.db(), f.as(manager)).size() == 1);
    CHECK(list_port_requests(f.db(), f.as(manager), in_salon(f.second_salon)).empty());
    CHECK(list_port_requests(f.db(), f.as(other_manager)).empty());
    CHECK_THROWS_AS(list_port_requests(f.db(), f.as(other_manager), in_salon(f.salon)), ValidationError);
    CHECK(list_port_requests(f.db(), f.cli).size() == 1);
    CHECK(list_port_requests(f.db(), f.cli, in_salon(f.other_salon)).empty());
    // A trainer is head office but reads no dealer's reports.
    CHECK_THAT(refusal([&] { list_port_requests(f.db(), f.as(f.trainer_id)); }),
               Catch::Contains("permission"));
}

TEST_CASE(
    "Every allowed step: accepted, completed into service, or rejected with the donor's reason [R-POS-9]",
    "[port][R-POS-9]") {
    PortDesk f;
    const auto moved = f.port_in("+79031234567");
    const auto refused = f.port_in("+79031234568");
    const auto withdrawn = f.port_in("+79031234569");

    CHECK(advance_port_request(f.db(), f.specialist(), moved, PortStatus::accepted).status ==
          PortStatus::accepted);
    const PortRequestRow r = advance_port_request(f.db(), f.colleague(), refused, PortStatus::rejected,
                                                  "  задолженность у донора  ");
    CHECK(r.status == PortStatus::rejected);
    advance_port_request(f.db(), f.specialist(), withdrawn, PortStatus::accepted, "донор подтвердил дату");
    advance_port_request(f.db(), f.senior(), withdrawn, PortStatus::rejected, "несовпадение владельца");
    CHECK(f.status(withdrawn) == "rejected");

    // Before completion the number is not in service: a top-up for it is refused at the desk.
    SaleDraft top_up;
    DraftLine credit;
    credit.kind = LineKind::top_up;
    credit.msisdn = "+79031234567";
    credit.amount = "300";
    top_up.lines.push_back(credit);
    top_up.paid_cash = "300";
    CHECK(failing_input([&] { price_sale(f.db(), f.specialist(), top_up); }) == "line1.msisdn");

    f.at(kTransfer, "Europe/Moscow", 10 * 60);
    const PortRequestRow done =
        advance_port_request(f.db(), f.specialist(), moved, PortStatus::completed, "", f.blank[0]);
    CHECK(done.status == PortStatus::completed);
    CHECK(done.updated_at == f.db().now());
    CHECK(done.days_overdue == 0);
    // The blank card now carries the ported number, sold; the number is in service for the client on the
    // tariff the sale chose; the operator is told which card carries it.
    CHECK(f.card_status(f.blank[0]) == "sold");
    CHECK(f.count("SELECT COUNT(*) FROM sim_card WHERE msisdn = '+79031234567' AND status = 'sold'") == 1);
    std::string tariff;
    long long client = 0;
    f.db().sql()
        << "SELECT t.code, s.client_id FROM subscription s JOIN tariff t ON t.id = s.tariff_id "
           "JOIN sim_card c ON c.id = s.sim_card_id WHERE s.msisdn = '+79031234567' AND s.ended_at IS NULL "
           "AND c.msisdn = s.msisdn",
        soci::into(tariff), soci::into(client);
    CHECK(tariff == "smart");
    CHECK(client == done.client_id);
    CHECK(f.count("SELECT COUNT(*) FROM gateway_request WHERE kind = 'activate' AND status = 'pending' "
                  "AND payload LIKE '%+79031234567%'") == 1);
    CHECK(f.count("SELECT COUNT(*) FROM subscription") == 1);  // the rejected numbers never came in
    CHECK(price_sale(f.db(), f.specialist(), top_up).total == Money::from_kopecks(30000));
    CHECK(deliver_gateway_requests(f.db()) == 4);  // three port-in requests and the activation

    // History: who, when, from, to, why, and the card.
    const auto history = port_request_history(f.db(), f.specialist(), moved);
    REQUIRE(history.size() == 2);
    CHECK(history[0].from == PortStatus::submitted);
    CHECK(history[0].to == PortStatus::accepted);
    CHECK(history[0].staff_name == "Смирнова Анна");
    CHECK(history[0].at == kFiled);
    CHECK(history[0].reason.empty());
    CHECK(history[1].from == PortStatus::accepted);
    CHECK(history[1].to == PortStatus::completed);
    CHECK(history[1].iccid == f.blank[0]);
    CHECK(history[1].at == f.db().now());
    const auto no = port_request_history(f.db(), f.specialist(), refused);
    REQUIRE(no.size() == 1);
    CHECK(no[0].reason == "задолженность у донора");
    CHECK(no[0].staff_id == f.colleague_id);
    const auto back = port_request_history(f.db(), f.specialist(), withdrawn);
    REQUIRE(back.size() == 2);
    CHECK(back[0].reason == "донор подтвердил дату");
    CHECK(back[1].from == PortStatus::accepted);
    CHECK(back[1].to == PortStatus::rejected);
    CHECK(back[1].staff_name == "Козлова Мария");

    // The journal: one entry a step, in the salon's chain, without the reason's words; still intact.
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'port.accept'") == 2);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'port.reject'") == 2);
    CHECK(f.count(
              "SELECT COUNT(*) FROM audit_entry WHERE action = 'port.complete' AND subject = 'port_request:" +
              std::to_string(moved) + "' AND details LIKE 'from=accepted to=completed sim_card=%'") == 1);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE details LIKE '%задолженность%'") == 0);
    CHECK_FALSE(verify(f.db(), f.key).problem);
}

TEST_CASE("Every other step is refused naming both statuses, and writes nothing [R-POS-9]",
          "[port][R-POS-9]") {
    PortDesk f;
    const auto submitted = f.port_in("+79031234561");
    const auto accepted = f.port_in("+79031234562");
    const auto rejected = f.port_in("+79031234563");
    const auto completed = f.port_in("+79031234564");
    advance_port_request(f.db(), f.specialist(), accepted, PortStatus::accepted);
    advance_port_request(f.db(), f.specialist(), rejected, PortStatus::rejected, "долг");
    advance_port_request(f.db(), f.specialist(), completed, PortStatus::accepted);
    f.at(kTransfer.plus_days(1));
    advance_port_request(f.db(), f.specialist(), completed, PortStatus::completed, "", f.blank[0]);

    const std::string before = f.footprint();
    struct Step {
        std::int64_t id;
        PortStatus to;
        const char* from_title;
        const char* to_title;
    };
    const Step refused[] = {
        {submitted, PortStatus::submitted, "sent to the donor", "sent to the donor"},
        {submitted, PortStatus::completed, "sent to the donor", "transfer completed"},
        {accepted, PortStatus::submitted, "accepted by the donor", "sent to the donor"},
        {accepted, PortStatus::accepted, "accepted by the donor", "accepted by the donor"},
        {rejected, PortStatus::submitted, "rejected by the donor", "sent to the donor"},
        {rejected, PortStatus::accepted, "rejected by the donor", "accepted by the donor"},
        {rejected, PortStatus::rejected, "rejected by the donor", "rejected by the donor"},
        {rejected, PortStatus::completed, "rejected by the donor", "transfer completed"},
        {completed, PortStatus::submitted, "transfer completed", "sent to the donor"},
        {completed, PortStatus::accepted, "transfer completed", "accepted by the donor"},
        {completed, PortStatus::rejected, "transfer completed", "rejected by the donor"},
        {completed, PortStatus::completed, "transfer completed", "transfer completed"},
    };
    for (const Step& s : refused) {
        INFO(to_string(s.to) + " for request " + std::to_string(s.id));
        const std::string reason = s.to == PortStatus::rejected ? "долг" : "";
        const std::string card = s.to == PortStatus::completed ? f.blank[1] : "";
        try {
            advance_port_request(f.db(), f.specialist(), s.id, s.to, reason, card);
            FAIL("the step was allowed");
        } catch (const RefusedError& e) {
            CHECK_THAT(e.message(),
                       Catch::Contains(std::string("from «") + s.from_title + "» to «" + s.to_title + "»"));
        }
    }
    CHECK(f.footprint() == before);
    CHECK(f.status(submitted) == "submitted");
    CHECK(f.status(accepted) == "accepted");
    CHECK(f.status(rejected) == "rejected");
    CHECK(f.status(completed) == "completed");
    CHECK(f.card_status(f.blank[1]) == "in_stock");
}

TEST_CASE("A port-in counts in the bundle norm until the donor rejects it [R-POS-4] [R-POS-9]",
          "[port][R-POS-4][R-POS-9]") {
    PortDesk f;
    const auto sold = [&] {
        for (const auto& n : specialist_norms(f.db(), f.specialist(), f.salon, kFiled - 3600, kFiled + 86400))
            if (n.staff_id == f.specialist().staff_id()) return std::pair{n.tariff_sales, n.bundle_sales};
        return std::pair{-1, -1};
    };
    const auto kept = f.port_in("+79031234567");
    const auto refused = f.port_in("+79031234568");
    CHECK(sold() == std::pair{2, 2});  // «Смарт» has a monthly package
    advance_port_request(f.db(), f.specialist(), refused, PortStatus::rejected, "долг у донора");
    CHECK(sold() == std::pair{1, 1});
    advance_port_request(f.db(), f.specialist(), kept, PortStatus::accepted);
    CHECK(sold() == std::pair{1, 1});
}

TEST_CASE(
    "A number being ported in counts against the SIM limit until the donor rejects it [R-POS-7] [R-POS-9]",
    "[port][R-POS-7][R-POS-9]") {
    PortDesk f;
    save_setting_number(f.db(), f.cli, kSimLimitPerPerson, 2);
    const auto sell_sim = [&](const std::string& iccid) {
        DraftLine line;
        line.kind = LineKind::sim;
        line.iccid = iccid;
        return f.sell_to_ivanov(line);
    };
    sell_sim(f.numbered[0]);
    const auto porting = f.port_in("+79031234567");  // one number in service, one on its way: the limit
    try {
        sell_sim(f.numbered[1]);
        FAIL("a third number passed the limit of 2");
    } catch (const InputError& e) {
        CHECK(e.input() == "passport");
        CHECK(e.message() ==
              "Passport: this person already has 1 numbers and 1 more being ported in; the limit "
              "is 2 per person");
    }
    CHECK(f.card_status(f.numbered[1]) == "in_stock");
    advance_port_request(f.db(), f.specialist(), porting, PortStatus::rejected, "долг у донора");
    sell_sim(f.numbered[1]);  // the rejected transfer no longer counts
    CHECK(f.card_status(f.numbered[1]) == "sold");
}

TEST_CASE("A rejection needs the donor's reason; the card is for the completion alone [R-POS-9]",
          "[port][R-POS-9]") {
    PortDesk f;
    const auto id = f.port_in("+79031234567");
    const std::string before = f.footprint();
    CHECK(failing_input([&] { advance_port_request(f.db(), f.specialist(), id, PortStatus::rejected); }) ==
          "reason");
    CHECK(failing_input([&] {
              advance_port_request(f.db(), f.specialist(), id, PortStatus::rejected, " \t ");
          }) == "reason");
    CHECK(failing_input([&] {
              advance_port_request(f.db(), f.specialist(), id, PortStatus::rejected, std::string(501, 'x'));
          }) == "reason");
    CHECK(failing_input([&] {
              advance_port_request(f.db(), f.specialist(), id, PortStatus::accepted, "", f.blank[0]);
          }) == "iccid");
    CHECK(f.footprint() == before);
    CHECK(f.status(id) == "submitted");
}

TEST_CASE(
    "Completion waits for the transfer date on the salon's clock and needs a blank card of its stock "
    "[R-POS-9]",
    "[port][R-POS-9]") {
    PortDesk f;
    const auto id = f.port_in("+79031234567");
    advance_port_request(f.db(), f.specialist(), id, PortStatus::accepted);
    // 23:59 in Moscow the evening before: refused, saying both dates.
    f.at(kTransfer, "Europe/Moscow", -1);
    const std::string before = f.footprint();
    CHECK_THAT(refusal([&] {
                   advance_port_request(f.db(), f.specialist(), id, PortStatus::completed, "", f.blank[0]);
               }),
               Catch::Contains("15.12.2026") && Catch::Contains("it is 14.12.2026 in the salon"));
    // 00:01 in Moscow is still the day before in UTC: the salon's day counts.
    f.at(kTransfer, "Europe/Moscow", 1);
    REQUIRE(CalendarDate::of_utc(f.db().now()) < kTransfer);
    // No card, a card with a number, another salon's card, garbage: refused by the field.
    receive_sims(f.db(), f.cli, f.second_salon,
                 sim_range(iccid_with_check_digit("897010200000000901"), 1, "", "nano"));
    for (const std::string& card :
         {std::string(), f.numbered[0], iccid_with_check_digit("897010200000000901"),
          std::string("8970%%garbage")})
        CHECK(failing_input([&] {
                  advance_port_request(f.db(), f.specialist(), id, PortStatus::completed, "", card);
              }) == "iccid");
    // The number already live on another card (in stock here): refused, nothing brought in twice.
    receive_sims(f.db(), f.cli, f.salon,
                 sim_range(iccid_with_check_digit("897010200000000801"), 1, "+79031234567", "nano"));
    const std::string with_card = f.footprint();
    CHECK_THAT(refusal([&] {
                   advance_port_request(f.db(), f.specialist(), id, PortStatus::completed, "", f.blank[0]);
               }),
               Catch::Contains("already in service"));
    CHECK(f.footprint() == with_card);
    CHECK(f.card_status(f.blank[0]) == "in_stock");
    CHECK(f.status(id) == "accepted");
    mark_defective(f.db(), f.cli, iccid_with_check_digit("897010200000000801"),
                   "номер переносится от донора");
    CHECK(advance_port_request(f.db(), f.specialist(), id, PortStatus::completed, "", f.blank[0]).status ==
          PortStatus::completed);
}

TEST_CASE("An open request past its transfer date is overdue by the salon's own calendar [R-POS-9]",
          "[port][R-POS-9]") {
    PortDesk f;
    // The other dealer's Vladivostok salon files one for the same day.
    f.db().set_clock(kFiled);
    open_shift(f.db(), f.stranger(), "till-v", Money());
    const auto far_east = f.port_in("+79031234560", kTransfer, f.stranger(), "till-v");
    const auto open = f.port_in("+79031234561");
    const auto closed = f.port_in("+79031234562");
    advance_port_request(f.db(), f.specialist(), closed, PortStatus::rejected, "долг");
    auto overdue_of = [&](std::int64_t id) { return get_port_request(f.db(), f.cli, id).days_overdue; };
    // The transfer day itself is not overdue.
    f.at(kTransfer, "Europe/Moscow", 23 * 60);
    CHECK(overdue_of(open) == 0);
    // Midnight in Vladivostok is still the transfer day in Moscow.
    f.at(kTransfer.plus_days(1), "Asia/Vladivostok", 30);
    CHECK(overdue_of(far_east) == 1);
    CHECK(overdue_of(open) == 0);
    // Three days on: the open ones are overdue, the rejected one is not; an accepted one still is.
    f.at(kTransfer.plus_days(3), "Europe/Moscow", 12 * 60);
    advance_port_request(f.db(), f.specialist(), open, PortStatus::accepted);
    CHECK(overdue_of(open) == 3);
    CHECK(get_port_request(f.db(), f.specialist(), open).overdue());
    CHECK(overdue_of(closed) == 0);
    CHECK(overdue_of(far_east) == 3);
    const auto mine = list_port_requests(f.db(), f.specialist(), in_salon(0, std::nullopt, true));
    REQUIRE(mine.size() == 1);
    CHECK(mine[0].id == open);
    CHECK(mine[0].days_overdue == 3);
    // Completed, it is no longer overdue.
    advance_port_request(f.db(), f.specialist(), open, PortStatus::completed, "", f.blank[0]);
    CHECK(overdue_of(open) == 0);
}

TEST_CASE("Only the staff of the request's salon who may sell move it on [R-POS-9] [R-POS-3]",
          "[port][R-POS-9][R-POS-3]") {
    PortDesk f;
    const auto id = f.port_in("+79031234567");
    const std::string before = f.footprint();
    // Another dealer's person does not find it.
    CHECK_THROWS_AS(advance_port_request(f.db(), f.stranger(), id, PortStatus::accepted), ValidationError);
    // The same dealer's other salon: refused, naming the salon.
    const auto neighbour = save_staff(f.db(), f.cli,
                                      {"neighbour", "Соседов С.", Role::specialist, f.second_salon, 0,
                                       CareerLevel::specialist, "password1"});
    record_certification(f.db(), f.cli, neighbour, "2026-01-15", f.trainer_id);
    const std::string after_setup = f.footprint();
    CHECK_THAT(refusal([&] { advance_port_request(f.db(), f.as(neighbour), id, PortStatus::accepted); }),
               Catch::Contains("Салон на Тверской"));
    // Not trained (R-POS-3), a dealer's manager, head office's command line: refused.
    const auto novice =
        save_staff(f.db(), f.cli,
                   {"novice", "Новичок Н.", Role::specialist, f.salon, 0, CareerLevel::trainee, "password1"});
    const auto manager =
        save_staff(f.db(), f.cli,
                   {"manager", "Менеджер М.", Role::dealer_manager, 0, f.dealer, std::nullopt, "password1"});
    const std::string staffed = f.footprint();
    CHECK_THAT(refusal([&] { advance_port_request(f.db(), f.as(novice), id, PortStatus::accepted); }),
               Catch::Contains("training"));
    CHECK_THAT(refusal([&] { advance_port_request(f.db(), f.as(manager), id, PortStatus::accepted); }),
               Catch::Contains("permission"));
    CHECK_THAT(refusal([&] { advance_port_request(f.db(), f.cli, id, PortStatus::accepted); }),
               Catch::Contains("not bound to a salon"));
    CHECK(f.footprint() == staffed);
    CHECK(f.status(id) == "submitted");
    CHECK(before != after_setup);  // the footprint does see the journal grow
    // No such request.
    CHECK_THROWS_AS(advance_port_request(f.db(), f.specialist(), id + 100, PortStatus::accepted),
                    ValidationError);
}

TEST_CASE("A port-in's form reports every problem at once, each naming its input [R-POS-9]", "[port][R-POS-9]") {
    test::LanguageGuard en(Language::english);
    PortDesk f;
    SaleDraft d;
    d.with_client = true;
    d.client = ivanov();
    DraftLine line;
    line.kind = LineKind::port_in;
    line.msisdn = "8 903 12";              // too few digits
    line.donor_operator = "Мегафон-ПРО";   // not an operator of the list
    line.desired_date = "2026-12-10";      // today: the transfer is from tomorrow
    d.lines.push_back(line);               // and no tariff chosen
    try {
        price_sale(f.db(), f.specialist(), d);
        FAIL("a port-in with four problems was priced");
    } catch (const InputErrors& e) {
        std::vector<std::string> inputs;
        for (const auto& p : e.problems()) inputs.push_back(p.input());
        CHECK(inputs == std::vector<std::string>{"line1.msisdn", "line1.donor", "line1.desired_date", "line1.tariff"});
        CHECK(e.input() == "line1.msisdn");  // as an InputError: the first
        const std::string all = e.message();
        for (const char* field : {"Number", "Donor operator", "Transfer date", "Tariff"})
            CHECK(all.find(field) != std::string::npos);
        CHECK(all.find("must be from tomorrow to six months ahead") != std::string::npos);
        CHECK(all.find("choose the operator from the list") != std::string::npos);
    }
    SECTION("one problem left is one InputError") {
        d.lines[0] = line;
        d.lines[0].msisdn = "+79031234567";
        d.lines[0].donor_operator = "МТС";
        d.lines[0].tariff_code = "smart";
        try {
            price_sale(f.db(), f.specialist(), d);
            FAIL("a port-in dated today was priced");
        } catch (const InputErrors&) {
            FAIL("one problem came as a list");
        } catch (const InputError& e) {
            CHECK(e.input() == "line1.desired_date");
        }
        CHECK(f.count("SELECT COUNT(*) FROM port_request") == 0);
    }
}
