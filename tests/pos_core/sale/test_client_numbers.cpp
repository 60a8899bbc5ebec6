// The numbers a known client holds, offered at the desk for a top-up, a service or a replacement (R-POS-7:
// a known client is identified by the passport alone, and everything after works on his numbers).
#include <catch2/catch.hpp>

#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/catalog/SimStock.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"
#include "pos/core/sale/Client.hpp"
#include "pos/core/sale/Sale.hpp"
#include "pos/core/sale/Shift.hpp"
#include "tests/pos_core/DeskFixture.hpp"

using namespace salon;
using namespace salon::pos;

namespace {

struct NumbersDesk : salon::test::DeskFixture {
    std::vector<std::string> iccids;
    NumbersDesk() {
        import_tariff_catalog(db(), builtin_tariff_catalog());
        seed_demo_products(db());
        const auto cards = sim_range(iccid_with_check_digit("897010200000000001"), 4, "+79160000001", "nano");
        receive_sims(db(), cli, salon, cards);
        for (const auto& c : cards) iccids.push_back(c.iccid);
        open_shift(db(), specialist(), "till-1", Money::from_kopecks(100000));
    }
    void sell(const std::string& passport, const std::string& name, std::size_t card, bool known) {
        SaleDraft d;
        d.with_client = true;
        d.client = known ? ClientForm{.passport = passport}
                         : ClientForm{name, "25.11.1990", passport, "10.12.2010", "ОВД Тверского района г. Москвы",
                                      "г. Москва, ул. Тверская, д. 1, кв. 2", ""};
        d.lines.push_back({.kind = LineKind::sim, .iccid = iccids[card], .tariff_code = "classic"});
        d.paid_cash = "1000";
        commit_sale(db(), specialist(), "till-1", d);
    }
};

}  // namespace

TEST_CASE("A known client's numbers in service are all offered, newest first, not another client's",
          "[client][sale][R-POS-7]") {
    NumbersDesk f;
    f.sell("4506 123456", "Иванов Иван Иванович", 0, false);
    f.db().set_clock(f.db().now() + 60);
    f.sell("4506 123456", "", 1, true);
    f.sell("4507 654321", "Петрова Анна Сергеевна", 2, false);
    const std::int64_t ivanov = find_client_by_passport(f.db(), f.specialist(), "4506 123456")->id;
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
