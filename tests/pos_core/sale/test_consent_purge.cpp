// The end of the consent's term (152-FZ art. 21 p. 4-5): the personal data no contract and no law requires
// any more are erased, dated by the calendar. Tags as the consent's other tests: [R-POS-7][152-FZ]. And the
// numbers a known client holds, offered at the desk for a top-up, a service or a replacement (R-POS-7: a
// known client is identified by the passport alone, and everything after works on his numbers).
#include <catch2/catch.hpp>

#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/catalog/SimStock.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/sale/Client.hpp"
#include "pos/core/sale/PersonalDataConsent.hpp"
#include "pos/core/sale/Sale.hpp"
#include "pos/core/sale/Shift.hpp"
#include "tests/pos_core/DeskFixture.hpp"
#include "tests/support/LanguageGuard.hpp"

using namespace salon;
using namespace salon::pos;
using salon::test::refusal;

namespace {

struct PurgeDesk : salon::test::DeskFixture {
    std::vector<std::string> iccids;
    PurgeDesk() {
        import_tariff_catalog(db(), builtin_tariff_catalog());
        seed_demo_products(db());
        const auto cards = sim_range(iccid_with_check_digit("897010200000000001"), 4, "+79160000001", "nano");
        receive_sims(db(), cli, salon, cards);
        for (const auto& c : cards) iccids.push_back(c.iccid);
        open_shift(db(), specialist(), "till-1", Money::from_kopecks(100000));
    }
    std::int64_t sell(const std::string& passport, const std::string& name, std::size_t card) {
        SaleDraft d;
        d.with_client = true;
        d.client = ClientForm{name, "25.11.1990", passport, "10.12.2010", "ОВД Тверского района г. Москвы",
                              "г. Москва, ул. Тверская, д. 1, кв. 2", "8 912 345-67-89"};
        d.lines.push_back({.kind = LineKind::sim, .iccid = iccids[card], .tariff_code = "classic"});
        d.paid_cash = "1000";
        commit_sale(db(), specialist(), "till-1", d);
        return find_client_by_passport(db(), specialist(), passport)->id;
    }
    static long long at(const std::string& iso, int hour) {
        return CalendarDate::parse(iso, "d", tr("Date")).start_unix("UTC") + hour * 3600LL;
    }
    void end_contracts(std::int64_t client, const std::string& iso) {
        const long long ended = at(iso, 1);
        const long long id = client;
        db().sql() << "UPDATE subscription SET ended_at = :e WHERE client_id = :c", soci::use(ended), soci::use(id);
    }
};

}  // namespace

TEST_CASE("At the term's end the personal data are erased: 3 years after the last contract ended, not a day "
          "sooner [152-FZ]",
          "[consent][purge][R-POS-7][152-FZ]") {
    test::LanguageGuard en(Language::english);
    PurgeDesk f;
    const std::int64_t ivanov = f.sell("4506 123456", "Иванов Иван Иванович", 0);
    const std::int64_t petrova = f.sell("4507 654321", "Петрова Анна Сергеевна", 1);  // her contract stays in force
    f.end_contracts(ivanov, "2027-03-10");

    // The last day of the term (keep_until, as the card shows it): kept.
    f.db().set_clock(PurgeDesk::at("2030-03-10", 23));
    CHECK(consent_state(f.db(), f.specialist(), ivanov).keep_until == "2030-03-10");
    PersonalDataPurge none = purge_expired_personal_data(f.db(), f.specialist());
    CHECK(none.today == "2030-03-10");
    CHECK(none.clients.empty());
    CHECK(find_client_by_passport(f.db(), f.specialist(), "4506 123456").has_value());

    // The day after: the dry run names him and changes nothing.
    f.db().set_clock(PurgeDesk::at("2030-03-11", 9));
    const PersonalDataPurge dry = purge_expired_personal_data(f.db(), f.specialist(), true);
    CHECK(dry.dry_run);
    REQUIRE(dry.clients.size() == 1);
    CHECK(dry.clients[0].client_id == ivanov);
    CHECK(dry.clients[0].keep_until == "2030-03-10");
    CHECK_FALSE(dry.clients[0].withdrawn);
    CHECK_FALSE(personal_data_erased(f.db(), ivanov));
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'personal_data.erase'") == 0);

    // Someone who neither sells nor opens shifts does not run it.
    CHECK_FALSE(refusal([&] { purge_expired_personal_data(f.db(), f.as(f.trainer_id)); }).empty());

    const PersonalDataPurge done = purge_expired_personal_data(f.db(), f.specialist());
    REQUIRE(done.clients.size() == 1);
    CHECK(done.clients[0].client_id == ivanov);
    CHECK(personal_data_erased(f.db(), ivanov));
    CHECK_FALSE(personal_data_erased(f.db(), petrova));
    // Nothing of him is left: not his name, not his sealed data, not his phone, not the passport's hash.
    CHECK(f.count("SELECT COUNT(*) FROM client WHERE id = " + std::to_string(ivanov) +
                  " AND full_name = '—' AND personal_data = '' AND phone IS NULL AND document_hash LIKE 'erased:%'") ==
          1);
    CHECK_FALSE(find_client_by_passport(f.db(), f.specialist(), "4506 123456").has_value());
    const ClientSummary card = client_summary(f.db(), f.specialist(), ivanov);
    CHECK(card.passport.empty());
    CHECK(card.phone.empty());
    CHECK(refusal([&] { reveal_client(f.db(), f.senior(), ivanov, "the client asks for a copy"); })
              .find("were erased") != std::string::npos);
    // His contract's number and dates stay, naming no one; the journal says what was done.
    CHECK(f.count("SELECT COUNT(*) FROM subscription WHERE client_id = " + std::to_string(ivanov)) == 1);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'personal_data.erase' AND subject = 'client:" +
                  std::to_string(ivanov) + "' AND details LIKE '%kept_until=2030-03-10%'") == 1);
    // The other client, whose contract is in force, keeps everything.
    CHECK(find_client_by_passport(f.db(), f.specialist(), "4507 654321")->full_name == "Петрова Анна Сергеевна");

    SECTION("a second run erases nothing more") {
        CHECK(purge_expired_personal_data(f.db(), f.specialist()).clients.empty());
        CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'personal_data.erase'") == 1);
    }
    SECTION("he comes back: a new sale registers him anew") {
        const std::int64_t again = f.sell("4506 123456", "Иванов Иван Иванович", 2);
        CHECK(again != ivanov);
        CHECK(find_client_by_passport(f.db(), f.specialist(), "4506 123456")->full_name == "Иванов Иван Иванович");
    }
}

TEST_CASE("A withdrawal does not shorten the term the law keeps the data for; its words go with them [152-FZ]",
          "[consent][purge][R-POS-7][152-FZ]") {
    PurgeDesk f;
    const std::int64_t ivanov = f.sell("4506 123456", "Иванов Иван Иванович", 0);
    withdraw_consent(f.db(), f.specialist(), ivanov, "письменное заявление Иванова");
    f.end_contracts(ivanov, "2028-02-29");

    SECTION("within the term: kept sealed") {
        f.db().set_clock(PurgeDesk::at("2029-06-01", 12));
        CHECK(purge_expired_personal_data(f.db(), f.specialist()).clients.empty());
        CHECK(client_record_by_passport(f.db(), "4506 123456").has_value());
    }
    SECTION("after it: erased, the withdrawal's row stays without the client's words") {
        // 29 February ends on 28 February three years on.
        f.db().set_clock(PurgeDesk::at("2031-03-01", 0));
        const PersonalDataPurge done = purge_expired_personal_data(f.db(), f.specialist());
        REQUIRE(done.clients.size() == 1);
        CHECK(done.clients[0].keep_until == "2031-02-28");
        CHECK(done.clients[0].withdrawn);
        CHECK(f.count("SELECT COUNT(*) FROM consent_withdrawal WHERE reason = ''") == 1);
        CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'personal_data.erase' AND details LIKE "
                      "'%withdrawn=yes%'") == 1);
    }
    SECTION("a port-in still waiting for the donor keeps the client") {
        f.db().set_clock(PurgeDesk::at("2031-03-01", 0));
        const long long line = 0, client = ivanov, now = f.db().now();
        (void)line;
        f.db().sql() << "INSERT INTO port_request (sale_line_id, client_id, msisdn, donor_operator, desired_date, "
                        "status, created_at, updated_at) SELECT MIN(id), :c, '+79990000001', 'МТС', '2031-03-10', "
                        "'submitted', :n, :n2 FROM sale_line",
            soci::use(client), soci::use(now), soci::use(now);
        CHECK(purge_expired_personal_data(f.db(), f.specialist()).clients.empty());
    }
}

TEST_CASE("A known client's numbers in service are all offered, newest first, not another client's",
          "[client][sale][R-POS-7]") {
    PurgeDesk f;
    const std::int64_t ivanov = f.sell("4506 123456", "Иванов Иван Иванович", 0);
    f.db().set_clock(f.db().now() + 60);
    f.sell("4506 123456", "Иванов Иван Иванович", 1);
    f.sell("4507 654321", "Петрова Анна Сергеевна", 2);
    auto numbers = client_numbers(f.db(), f.specialist(), ivanov);
    REQUIRE(numbers.size() == 2);
    CHECK(numbers[0].msisdn == "+79160000002");  // the newer contract first
    CHECK(numbers[0].number == "+7 916 000-00-02");
    CHECK(numbers[1].msisdn == "+79160000001");
    CHECK_FALSE(numbers[0].tariff_name.empty());

    SECTION("a number whose contract ended is not offered") {
        f.db().sql() << "UPDATE subscription SET ended_at = 1 WHERE msisdn = '+79160000001'";
        numbers = client_numbers(f.db(), f.specialist(), ivanov);
        REQUIRE(numbers.size() == 1);
        CHECK(numbers[0].msisdn == "+79160000002");
    }
}
