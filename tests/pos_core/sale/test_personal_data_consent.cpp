// Consent to the processing of personal data (152-FZ art. 9, 21) recorded with the subscriber's contract
// of a SIM sale, and its withdrawal. domain.md has no consent rule of its own: the nearest personal-data
// rule is R-POS-7 (the electronic registration form that collects these data), so the tests carry
// [R-POS-7] and [152-FZ] for the law the issue names.
#include <catch2/catch.hpp>

#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/catalog/SimStock.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/sale/Client.hpp"
#include "pos/core/sale/PersonalDataConsent.hpp"
#include "pos/core/sale/Sale.hpp"
#include "pos/core/sale/Shift.hpp"
#include "pos/core/sale/SubscriberContract.hpp"
#include "tests/pos_core/DeskFixture.hpp"
#include "tests/support/LanguageGuard.hpp"

#include <algorithm>

using namespace salon;
using namespace salon::pos;
using salon::test::refusal;

namespace {

ClientForm ivanov() {
    return ClientForm{"Иванов Иван Иванович", "25.11.1990", "4506 123456", "10.12.2010",
                      "ОВД Тверского района г. Москвы", "г. Москва, ул. Тверская, д. 1, кв. 2", "8 912 345-67-89"};
}

struct ConsentDesk : salon::test::DeskFixture {
    std::vector<std::string> numbered;
    ConsentDesk() {
        import_tariff_catalog(db(), builtin_tariff_catalog());
        seed_demo_products(db());
        const auto cards = sim_range(iccid_with_check_digit("897010200000000001"), 5, "+79160000001", "nano");
        receive_sims(db(), cli, salon, cards);
        for (const auto& c : cards) numbered.push_back(c.iccid);
        open_shift(db(), specialist(), "till-1", Money::from_kopecks(100000));
    }
    CommittedSale sell_sim(std::size_t card, bool marketing, bool whole_form = true) {
        SaleDraft d;
        d.with_client = true;
        d.client = ivanov();
        if (!whole_form) d.client = ClientForm{.passport = "4506 123456"};
        d.lines.push_back({.kind = LineKind::sim, .iccid = numbered[card], .tariff_code = "classic"});
        d.paid_cash = "1000";
        d.marketing_consent = marketing;
        return commit_sale(db(), specialist(), "till-1", d);
    }
    std::int64_t client_id() { return find_client_by_passport(db(), specialist(), "4506 123456")->id; }
};

bool has(const std::vector<std::string>& lines, const std::string& part) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(part) != std::string::npos; });
}

}  // namespace

TEST_CASE("The consent text says which data, for what purposes and until when, and is versioned [152-FZ]",
          "[consent][R-POS-7][152-FZ]") {
    test::LanguageGuard en(Language::english);
    const ConsentText& text = current_consent_text();
    CHECK(text.version == "2026-12");
    CHECK(consent_text("2026-12") == &text);
    CHECK(consent_text("no-such-version") == nullptr);
    CHECK(kConsentYearsAfterContract == 3);
    const auto agreed = consent_paragraphs(text, true);
    CHECK(has(agreed, "text version 2026-12"));
    for (const char* category : {"surname, first name and patronymic", "date of birth", "identity document",
                                 "registration address", "contact phone number"})
        CHECK(has(agreed, category));
    CHECK(has(agreed, "to conclude and perform the contract"));
    CHECK(has(agreed, "126-FZ art. 44"));
    CHECK(has(agreed, "while the contract is in force and for 3 years after it ends"));
    CHECK(has(agreed, "The subscriber AGREES to receive offers"));
    CHECK(has(agreed, "may be withdrawn at any salon"));
    const auto refused = consent_paragraphs(text, false);
    CHECK(has(refused, "The subscriber does NOT agree to receive offers"));
    CHECK_FALSE(has(refused, "AGREES"));
}

TEST_CASE("A SIM sale records the consent with the contract and the card shows it [152-FZ]",
          "[consent][sale][R-POS-7][152-FZ]") {
    ConsentDesk f;
    const CommittedSale sale = f.sell_sim(0, true);
    const std::int64_t client = f.client_id();
    CHECK(f.count("SELECT COUNT(*) FROM subscription WHERE consent_text = '2026-12' AND consent_marketing = 1") == 1);
    const ConsentState s = consent_state(f.db(), f.specialist(), client);
    CHECK(s.recorded());
    CHECK(s.text_version == "2026-12");
    CHECK(s.given_at == get_sale(f.db(), f.specialist(), sale.sale_id).created_at);
    CHECK(s.marketing);
    CHECK(s.live_contracts == 1);
    CHECK(s.keep_until.empty());  // kept while the contract is in force
    CHECK_FALSE(s.withdrawn());

    SECTION("without the tick there is no consent to offers, the consent to process stays") {
        f.sell_sim(1, false, false);
        CHECK(f.count("SELECT COUNT(*) FROM subscription WHERE consent_text = '2026-12'") == 2);
        CHECK(f.count("SELECT COUNT(*) FROM subscription WHERE consent_marketing = 0") == 1);
        CHECK(consent_state(f.db(), f.specialist(), client).live_contracts == 2);
    }
    SECTION("when no contract is in force, the data are kept 3 years after the last one ended") {
        const long long ended = CalendarDate::parse("2027-03-10", "d", tr("Date")).start_unix("UTC") + 3600;
        f.db().sql() << "UPDATE subscription SET ended_at = :e", soci::use(ended);
        const ConsentState later = consent_state(f.db(), f.specialist(), client);
        CHECK(later.live_contracts == 0);
        CHECK(later.keep_until == "2030-03-10");
        CHECK_FALSE(later.marketing);  // no contract in force sends offers
    }
    SECTION("the draft keeps the tick across a restart") {
        SaleDraft d;
        d.marketing_consent = true;
        CHECK(draft_from_json(draft_to_json(d)).marketing_consent);
        CHECK_FALSE(draft_from_json(draft_to_json(SaleDraft{})).marketing_consent);
    }
}

TEST_CASE("The printed contract carries the consent text the client signed [152-FZ]",
          "[consent][print][R-POS-7][152-FZ]") {
    test::LanguageGuard en(Language::english);
    ConsentDesk f;
    const CommittedSale sale = f.sell_sim(0, false);
    const SubscriberContract c = subscriber_contract(f.db(), f.specialist(), sale.sale_id);
    CHECK(c.consent_version == "2026-12");
    CHECK_FALSE(c.marketing);
    REQUIRE(c.numbers.size() == 1);
    CHECK(c.numbers[0].msisdn == "+7 916 000-00-01");
    CHECK(c.client_name == "Иванов Иван Иванович");
    CHECK(c.client_passport == "45 ** ****56");  // never the whole passport on a reprint
    const auto text = subscriber_contract_text(c);
    CHECK(has(text, "Contract for mobile communication services No. " + std::to_string(sale.sale_id)));
    CHECK(has(text, "Смирнова Анна"));
    CHECK(has(text, "Consent to the processing of personal data (152-FZ art. 9), text version 2026-12"));
    CHECK(has(text, "does NOT agree"));
    for (const auto& p : consent_paragraphs(current_consent_text(), false)) CHECK(has(text, p));

    // A sale that sold no SIM has no contract; another dealer's sale is not shown.
    SaleDraft top_up;
    top_up.lines.push_back({.kind = LineKind::top_up, .msisdn = "+79160000001", .amount = "100"});
    top_up.paid_cash = "100";
    const CommittedSale other = commit_sale(f.db(), f.specialist(), "till-1", top_up);
    CHECK_THROWS_AS(subscriber_contract(f.db(), f.specialist(), other.sale_id), ValidationError);
    CHECK_THROWS_AS(subscriber_contract(f.db(), f.stranger(), sale.sale_id), UserError);
}

TEST_CASE("A withdrawal is journaled, erases the contact phone, turns offers off, masks the name and refuses "
          "reveals [152-FZ]",
          "[consent][R-POS-7][152-FZ]") {
    test::LanguageGuard en(Language::english);
    ConsentDesk f;
    const CommittedSale sale = f.sell_sim(0, true);
    const std::int64_t client = f.client_id();
    CHECK(find_client_by_passport(f.db(), f.specialist(), "4506 123456")->phone == "+7 912 ***-**-89");
    CHECK(reveal_client(f.db(), f.senior(), client, "the client asks for a copy").passport == "4506 123456");

    // Bad input and the command line's administrator leave nothing behind.
    try {
        withdraw_consent(f.db(), f.specialist(), client, " ");
        FAIL("a blank reason was taken");
    } catch (const InputError& e) {
        CHECK(e.input() == "reason");
    }
    CHECK(refusal([&] { withdraw_consent(f.db(), f.cli, client, "по заявлению"); }).find("specialist signed in") !=
          std::string::npos);
    CHECK_THROWS_AS(withdraw_consent(f.db(), f.specialist(), 999999, "по заявлению"), ValidationError);
    CHECK(f.count("SELECT COUNT(*) FROM consent_withdrawal") == 0);

    const ConsentState s = withdraw_consent(f.db(), f.specialist(), client, "письменное заявление клиента");
    CHECK(s.withdrawn());
    CHECK(s.withdrawn_by == "Смирнова Анна");
    CHECK(s.withdrawal_reason == "письменное заявление клиента");
    CHECK_FALSE(s.marketing);
    CHECK(s.live_contracts == 1);
    CHECK(f.count("SELECT COUNT(*) FROM consent_withdrawal WHERE staff_id = " + std::to_string(f.specialist_id) +
                  " AND salon_id = " + std::to_string(f.salon)) == 1);
    // The contact phone is erased; the identification data stay sealed as the law requires.
    CHECK(f.count("SELECT COUNT(*) FROM client WHERE phone IS NULL") == 1);
    CHECK(client_record_by_passport(f.db(), "4506 123456")->address == "г. Москва, ул. Тверская, д. 1, кв. 2");
    // Journaled, without the client's words.
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'personal_data.consent_withdraw' AND subject = "
                  "'client:" + std::to_string(client) + "'") == 1);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE details LIKE '%заявление%'") == 0);

    const auto card = find_client_by_passport(f.db(), f.specialist(), "4506 123456");
    CHECK(card->full_name == "Иванов И. И.");
    CHECK(card->phone.empty());
    const std::string refused = refusal([&] { reveal_client(f.db(), f.senior(), client, "the client asks for a copy"); });
    CHECK(refused.find("withdrew his consent to the processing of personal data") != std::string::npos);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'personal_data.reveal'") == 1);  // only the first
    CHECK(refusal([&] { withdraw_consent(f.db(), f.specialist(), client, "ещё раз"); }).find("already withdrew") !=
          std::string::npos);
    CHECK(has(subscriber_contract_text(subscriber_contract(f.db(), f.specialist(), sale.sale_id)),
              "The subscriber withdrew this consent on"));

    SECTION("a new SIM contract signs the consent anew") {
        // The first contract, the withdrawal and the new contract one after the other (a test runs them
        // within one second of the clock).
        f.db().sql() << "UPDATE subscription SET started_at = started_at - 10";
        f.db().sql() << "UPDATE consent_withdrawal SET withdrawn_at = withdrawn_at - 5";
        f.sell_sim(1, false);
        const ConsentState again = consent_state(f.db(), f.specialist(), client);
        CHECK_FALSE(again.withdrawn());
        CHECK_FALSE(again.marketing);
        CHECK(reveal_client(f.db(), f.senior(), client, "the client asks for a copy").full_name ==
              "Иванов Иван Иванович");
    }
}
