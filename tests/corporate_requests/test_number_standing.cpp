// The sales desk respects a company's blocked number (R-CORP-5): no top-up and no SIM replacement until the
// corporate desk unblocks it, with a message saying so and nothing written; a private number is untouched.
#include "db/UserError.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/core/catalog/NumberStanding.hpp"
#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/sale/Sale.hpp"
#include "pos/core/sale/Shift.hpp"
#include "pos/core/catalog/SimStock.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"
#include "tests/pos_core/DeskFixture.hpp"

#include <catch2/catch.hpp>

using namespace salon;
using namespace salon::pos;
using salon::test::refusal;

namespace {

struct Till : salon::test::DeskFixture {
    std::vector<std::string> numbered, blank;
    long long client_id = 0;
    Till() {
        import_tariff_catalog(db(), builtin_tariff_catalog());
        seed_demo_products(db());
        const auto cards = sim_range(iccid_with_check_digit("897010200000000001"), 2, "+79160000001", "nano");
        const auto blanks = sim_range(iccid_with_check_digit("897010200000000501"), 2, "", "nano");
        receive_sims(db(), cli, salon, cards);
        receive_sims(db(), cli, salon, blanks);
        for (const auto& c : cards) numbered.push_back(c.iccid);
        for (const auto& c : blanks) blank.push_back(c.iccid);
        open_shift(db(), specialist(), "till-1", Money::from_kopecks(100000));
        // Two numbers in service, sold through the desk; the first also under a company's contract.
        SaleDraft d;
        d.with_client = true;
        d.client = owner();
        d.lines.push_back({.kind = LineKind::sim, .iccid = numbered[0], .tariff_code = "classic"});
        d.lines.push_back({.kind = LineKind::sim, .iccid = numbered[1], .tariff_code = "classic"});
        d.paid_cash = "1000";
        commit_sale(db(), specialist(), "till-1", d);
        long long tariff = 0;
        db().run("SELECT id FROM tariff WHERE segment = 'business' ORDER BY id LIMIT 1", soci::into(tariff));
        client_id = db().insert(
            "INSERT INTO corporate_client (kind, inn, ogrn, kpp, official_name, contract_number, "
            "contract_date, created_at) VALUES ('legal_entity', '7707083893', '1027700132195', "
            "'773601001', 'ООО «Ромашка»', '1', '2026-01-01', 0)");
        const long long number =
            db().insert("INSERT INTO corporate_number (client_id, msisdn, tariff_id, status, status_changed_at, "
                        "added_at) VALUES (:c, '+79160000001', :t, 'blocked', 0, 0)",
                        soci::use(client_id), soci::use(tariff));
        // Its user's data is on file (R-CORP-11 is not this test's business): only the row's presence counts
        // at the till, so the sealed columns hold placeholders.
        db().run("INSERT INTO corporate_number_user (number_id, surname, given_name, birth_date, "
                 "registration_address, document_kind, document_number, document_issued_by, document_issued_on, "
                 "updated_at, source) VALUES (:n, '-', '-', '-', '-', 'passport', '-', '-', '-', 0, 'desk')",
                 soci::use(number));
    }
    static ClientForm owner() {
        return ClientForm{"Иванов Иван Иванович",
                          "25.11.1990",
                          "4506 123456",
                          "10.12.2010",
                          "ОВД Тверского района г. Москвы",
                          "г. Москва, ул. Тверская, д. 1, кв. 2",
                          ""};
    }
    SaleDraft top_up(const std::string& msisdn) {
        SaleDraft d;
        d.lines.push_back({.kind = LineKind::top_up, .msisdn = msisdn, .amount = "500"});
        d.paid_cash = "500";
        return d;
    }
    SaleDraft replacement(const std::string& msisdn) {
        SaleDraft d;
        d.with_client = true;
        d.client = owner();
        d.lines.push_back({.kind = LineKind::sim_replacement, .iccid = blank[0], .msisdn = msisdn});
        d.paid_cash = "1000";
        return d;
    }
};

}  // namespace

TEST_CASE("a blocked company number takes no top-up and no SIM replacement", "[R-CORP-5][sale]") {
    Till f;
    const long long sales = f.count("SELECT COUNT(*) FROM sale");
    const std::string why =
        refusal([&] { commit_sale(f.db(), f.specialist(), "till-1", f.top_up("8 916 000-00-01")); });
    CHECK(why.find("blocked at its company's request") != std::string::npos);
    CHECK(why.find("+7 916 000-00-01") != std::string::npos);
    CHECK_THROWS_AS(price_sale(f.db(), f.specialist(), f.top_up("+79160000001"), true), InputError);
    const std::string replacement =
        refusal([&] { commit_sale(f.db(), f.specialist(), "till-1", f.replacement("+79160000001")); });
    CHECK(replacement.find("unblocked at the corporate desk") != std::string::npos);
    CHECK(f.count("SELECT COUNT(*) FROM sale") == sales);  // nothing written
    std::string status;
    f.db().run("SELECT status FROM sim_card WHERE iccid = :i", soci::use(f.blank[0]), soci::into(status));
    CHECK(status == "in_stock");
}

TEST_CASE("once unblocked, or when the number is no company's, the desk serves it as before",
          "[R-CORP-5][sale]") {
    Till f;
    commit_sale(f.db(), f.specialist(), "till-1", f.top_up("+79160000002"));  // a private number
    f.db().run("UPDATE corporate_number SET status = 'active' WHERE msisdn = '+79160000001'");
    commit_sale(f.db(), f.specialist(), "till-1", f.top_up("+79160000001"));
    commit_sale(f.db(), f.specialist(), "till-1", f.replacement("+79160000001"));
    CHECK(f.count("SELECT COUNT(*) FROM sale") == 4);
    const Msisdn number = Msisdn::parse("+79160000001");
    CHECK_NOTHROW(require_number_not_blocked(*corporate_number_standing(f.db(), number.str()), number));
    f.db().run("UPDATE corporate_number SET status = 'blocked' WHERE msisdn = '+79160000001'");
    CHECK_THROWS_AS(require_number_not_blocked(*corporate_number_standing(f.db(), number.str()), number), InputError);
    CHECK_FALSE(corporate_number_standing(f.db(), "+79160000002"));  // a private number: nothing to respect
}
