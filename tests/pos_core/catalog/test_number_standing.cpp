// What the till respects about a number before taking money (R-CORP-11): a company's number without its
// user's data is not topped up in cash or by card; with the data it is, and a private number is unaffected.
#include <catch2/catch.hpp>

#include "pos/core/common/FormInput.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/core/catalog/NumberStanding.hpp"
#include "pos/core/sale/Sale.hpp"
#include "pos/core/sale/Shift.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"
#include "tests/pos_core/DeskFixture.hpp"

#include <soci/soci.h>

using namespace salon;
using namespace salon::pos;

namespace {

struct Till : test::DeskFixture {
    Till() {
        import_tariff_catalog(db(), builtin_tariff_catalog());
        open_shift(db(), specialist(), "till-1", Money::from_kopecks(1000'00));
        const long long now = db().now();
        db().sql() << "INSERT INTO corporate_client (kind, inn, ogrn, kpp, official_name, contract_number, "
                      "contract_date, created_at) VALUES ('legal_entity', '7708123450', '1027700123450', "
                      "'770801001', 'ООО «Ромашка»', 'К-1', '2026-01-01', :t)",
            soci::use(now);
        db().sql() << "INSERT INTO corporate_number (client_id, msisdn, tariff_id, status, status_changed_at, added_at) "
                      "SELECT c.id, '+79021000001', t.id, 'active', :s, :a FROM corporate_client c, tariff t "
                      "WHERE t.segment = 'business' AND t.code = (SELECT MIN(code) FROM tariff WHERE segment = 'business')",
            soci::use(now), soci::use(now);
    }
    SaleDraft top_up(const std::string& msisdn) {
        SaleDraft d;
        d.lines.push_back({.kind = LineKind::top_up, .msisdn = msisdn, .amount = "500"});
        d.paid_cash = "500";
        return d;
    }
};

}  // namespace

TEST_CASE("A cash or card top-up of a company's number without user data is refused with the reason",
          "[R-CORP-11][sale]") {
    Till f;
    const auto standing = corporate_number_standing(f.db(), "+79021000001");
    REQUIRE(standing);
    CHECK_FALSE(standing->has_user_data);
    CHECK(standing->status == "active");
    CHECK_FALSE(corporate_number_standing(f.db(), "+79160000001"));

    std::string input, reason;
    try {
        commit_sale(f.db(), f.specialist(), "till-1", f.top_up("8 902 100-00-01"));
    } catch (const InputError& e) {
        input = e.input();
        reason = e.reason().english();
    }
    CHECK_THAT(input, Catch::Contains("msisdn"));
    CHECK_THAT(reason, Catch::Contains("paid only by bank transfer from the company's account"));
    CHECK(f.count("SELECT COUNT(*) FROM sale") == 0);
    SaleDraft by_card = f.top_up("+79021000001");
    by_card.paid_cash.clear();
    by_card.paid_card = "500";
    CHECK_THROWS_AS(price_sale(f.db(), f.specialist(), by_card, true), InputError);

    // Once the company gave the user's data, the desk takes the money.
    const long long now = f.db().now();
    f.db().sql() << "INSERT INTO corporate_number_user (number_id, surname, given_name, birth_date, "
                    "registration_address, document_kind, document_number, document_issued_by, document_issued_on, "
                    "updated_at, source) SELECT id, 's', 'g', 'b', 'a', 'passport_rf', 'n', 'i', 'o', :t, 'file' "
                    "FROM corporate_number WHERE msisdn = '+79021000001'",
        soci::use(now);
    CHECK(corporate_number_standing(f.db(), "+79021000001")->has_user_data);
    CHECK(commit_sale(f.db(), f.specialist(), "till-1", by_card).total == Money::from_kopecks(500'00));
}
