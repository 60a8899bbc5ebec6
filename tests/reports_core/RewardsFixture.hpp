// The desk's dealer with real sales, ratings and certifications in September 2026, for the reward tests:
// everything goes through the sales desk's own operations, as a station would have written it.
#pragma once

#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/sale/Queue.hpp"
#include "pos/core/sale/Sale.hpp"
#include "pos/core/sale/Shift.hpp"
#include "pos/core/catalog/SimStock.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"
#include "tests/pos_core/DeskFixture.hpp"

#include <string>
#include <vector>

namespace salon::test {

// Noon in Moscow on a day of 2026.
inline std::int64_t moscow_noon(const std::string& day) {
    return pos::CalendarDate::parse(day, "date", tr("Date")).start_unix("Europe/Moscow") + 12 * 3600;
}

struct RewardsFixture : DeskFixture {
    std::vector<std::string> cards;
    RewardsFixture() {
        using namespace salon::pos;
        import_tariff_catalog(db(), builtin_tariff_catalog());
        seed_demo_products(db());
        db().set_clock(moscow_noon("2026-09-01"));
        const auto intake = sim_range(iccid_with_check_digit("897010200000000001"), 20, "+79160000001", "nano");
        receive_sims(db(), cli, salon, intake);
        for (const auto& c : intake) cards.push_back(c.iccid);
        open_shift(db(), specialist(), "till-1", Money::from_kopecks(100000));
    }

    // A SIM sale on `tariff` at noon of `day`, with the services given on its number.
    pos::CommittedSale sell(std::size_t card, const std::string& tariff, const std::string& day,
                            const std::vector<std::string>& services = {}) {
        using namespace salon::pos;
        db().set_clock(moscow_noon(day));
        SaleDraft d;
        d.with_client = true;
        d.client = ClientForm{"Иванов Иван Иванович", "25.11.1990", "4506 123456", "10.12.2010",
                              "ОВД Тверского района г. Москвы", "г. Москва, ул. Тверская, д. 1, кв. 2", ""};
        d.lines.push_back({.kind = LineKind::sim, .iccid = cards.at(card), .tariff_code = tariff});
        d.paid_cash = "5000";
        auto sale = commit_sale(db(), specialist(), "till-1", d);
        for (const auto& code : services) {
            SaleDraft s;
            s.lines.push_back({.kind = LineKind::service, .product_code = code, .msisdn = number_of(card)});
            s.paid_cash = "1000";
            commit_sale(db(), specialist(), "till-1", s);
        }
        return sale;
    }

    std::string number_of(std::size_t card) {
        std::string m;
        db().sql() << "SELECT msisdn FROM sim_card WHERE iccid = :i", soci::use(cards.at(card)), soci::into(m);
        return m;
    }

    // A visitor served by the specialist on `day` who rates the service.
    void rated_visit(const std::string& day, int rating) {
        using namespace salon::pos;
        db().set_clock(moscow_noon(day));
        const Visit v = take_ticket(db(), salon, VisitPurpose::service);
        call_next(db(), specialist());
        finish_visit(db(), specialist(), v.id);
        rate_visit(db(), v.id, rating);
    }
};

}  // namespace salon::test
