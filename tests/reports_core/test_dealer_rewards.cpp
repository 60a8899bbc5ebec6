// A dealer's reward computed from real sales, ratings and certifications (R-POS-2, R-POS-4), the station's
// way and by the full-scan reference; periods locked and corrected by adjustments; deactivations; disputes.
// Expected amounts are worked out by hand from the default scheme (db/migrations/0015_rewards.sql).
#include "pos/core/organisation/Certification.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "reports/core/DealerRewards.hpp"
#include "reports/core/RewardFacts.hpp"
#include "reports/core/RewardScheme.hpp"
#include "tests/reports_core/RewardsFixture.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace salon;
using namespace salon::reports;
using salon::test::moscow_noon;
using salon::test::refusal;

namespace {

// September 2026 at the desk's dealer ("ООО «Связь»"): five SIMs, two services, four ratings.
struct September : salon::test::RewardsFixture {
    September() {
        sell(0, "smart", "2026-09-10", {"svc-antispam"});
        sell(1, "smart", "2026-09-11", {"svc-antispam"});
        sell(2, "smart", "2026-09-12");
        sell(3, "smart_plus", "2026-09-20");
        sell(4, "classic", "2026-09-30");
        for (int rating : {5, 5, 4, 2}) rated_visit("2026-09-15", rating);
    }
    std::int64_t total_of(const std::vector<DealerReward>& rewards, std::int64_t dealer_id) {
        for (const auto& r : rewards)
            if (r.dealer_id == dealer_id) return r.total;
        FAIL("no reward for dealer " << dealer_id);
        return 0;
    }
    std::int64_t amount(const DealerReward& r, const std::string& key) {
        for (const auto& l : r.lines)
            if (l.key == key) return l.amount;
        return 0;
    }
};

}  // namespace

TEST_CASE("A dealer's September reward recomputed by hand from the default scheme [R-POS-2] [R-POS-4]",
          "[rewards][R-POS-2][R-POS-4]") {
    September f;
    f.db().set_clock(moscow_noon("2026-10-05"));
    const auto rewards = compute_period(f.db(), f.cli, "2026-09");
    const auto st = dealer_statement(f.db(), f.cli, "2026-09", f.dealer);
    // SIMs: smart (the "*" rate) 3 x 150 ₽ = 450, smart_plus 1 x 200 = 200, classic 1 x 150 = 150: 800 ₽.
    CHECK(f.amount(st.reward, "sim:smart") == 45000);
    CHECK(f.amount(st.reward, "sim:smart_plus") == 20000);
    CHECK(f.amount(st.reward, "sim:classic") == 15000);
    // Services: 2 x 30 ₽ = 60 ₽.
    CHECK(f.amount(st.reward, "upsell:svc-antispam") == 6000);
    // Bundle: 4 of 5 tariff sales are bundles (80% >= 50%: the full bonus), 4 x 100 ₽ = 400 ₽.
    CHECK(f.amount(st.reward, "bundle") == 40000);
    // Base 1260 ₽. Good ratings 3 of 4 = 75% < 85% (R-POS-4): factor 0.9. Training: the three selling staff
    // are certified, no entrance tests in the period: 0.90 + 0.10 + 0.05 = 1.05. 1260 x 0.9 x 1.05 =
    // 1190.70 ₽, applied once; shown as quality 1260 x 0.9 - 1260 = -126.00 and training +56.70.
    CHECK(st.reward.base == 126000);
    CHECK(f.amount(st.reward, "quality") == -12600);
    CHECK(f.amount(st.reward, "training") == 5670);
    CHECK(st.reward.total == 119070);
    CHECK(f.total_of(rewards, f.dealer) == 119070);
    // The other dealer sold nothing: 0.
    CHECK(f.total_of(rewards, f.other_dealer) == 0);
}

TEST_CASE("The station's summaries and the full-scan aggregate agree to the kopeck", "[rewards][R-POS-2]") {
    September f;
    // October: days 1-3 are over on the 5th (summarised), the 4th and 5th are open (scanned).
    f.sell(5, "devices", "2026-10-02", {"svc-parental"});
    f.sell(6, "classic", "2026-10-04");
    f.rated_visit("2026-10-04", 5);
    f.db().set_clock(moscow_noon("2026-10-05"));
    for (const char* code : {"2026-09", "2026-10", "2026-Q3", "2026-Q4"}) {
        const PeriodRange p = parse_period(code);
        materialise_closed_days(f.db(), p.first_day(), p.end_day());
        const auto fast = gather_facts(f.db(), p);
        const auto full = gather_facts_full_scan(f.db(), p);
        REQUIRE(fast.size() == full.size());
        for (const auto& [dealer, facts] : fast) CHECK(facts == full.at(dealer));
    }
    long long done = 0;
    const long long october = parse_period("2026-10").first_day();
    f.db().sql() << "SELECT COUNT(*) FROM reward_day_done WHERE day >= :a", soci::use(october), soci::into(done);
    CHECK(done == 3);  // 1, 2 and 3 October; the 4th and 5th stay open
    const auto oct = gather_facts(f.db(), parse_period("2026-10")).at(f.dealer);
    CHECK(oct.sims_by_tariff.at("devices") == 1);
    CHECK(oct.sims_by_tariff.at("classic") == 1);
    CHECK(oct.ratings == 1);
}

TEST_CASE("A locked period is never edited: its correction is an adjustment in the next one", "[rewards][R-POS-2]") {
    September f;
    f.db().set_clock(moscow_noon("2026-10-05"));
    compute_period(f.db(), f.cli, "2026-09");
    review_period(f.db(), f.cli, "2026-09");
    lock_period(f.db(), f.cli, "2026-09");
    CHECK_THAT(refusal([&] { compute_period(f.db(), f.cli, "2026-09"); }), Catch::Contains("locked"));
    // A specialist joins the salon uncertified: 3 of 4 selling staff certified. September would now pay
    // 1260 x 0.9 x (0.90 + 0.10 x 3/4 + 0.05) = 1134 x 1.025 = 1162.35 ₽, 28.35 ₽ less than locked.
    pos::save_staff(f.db(), f.cli, {"novice", "Новиков Н.", pos::Role::specialist, f.salon, 0,
                                     pos::CareerLevel::trainee, "password1"});
    const auto oct = compute_period(f.db(), f.cli, "2026-10");
    const auto st = dealer_statement(f.db(), f.cli, "2026-10", f.dealer);
    CHECK(f.amount(st.reward, "adjustment:2026-09") == -2835);
    CHECK(dealer_statement(f.db(), f.cli, "2026-09", f.dealer).reward.total == 119070);  // as locked
    // Computing October again books the correction once, not twice.
    compute_period(f.db(), f.cli, "2026-10");
    CHECK(f.amount(dealer_statement(f.db(), f.cli, "2026-10", f.dealer).reward, "adjustment:2026-09") == -2835);
    CHECK(f.count("SELECT COUNT(*) FROM reward_adjustment") == 1);
    (void)oct;
}

TEST_CASE("A SIM deactivated within the scheme's days is clawed back when it becomes known", "[rewards][R-POS-2]") {
    September f;
    f.db().set_clock(moscow_noon("2026-10-05"));
    const std::string file = f.t.folder() + "/deactivations.csv";
    {
        std::ofstream out(file);
        out << "msisdn;deactivated_on;reported_on\n"
            << f.number_of(0) << ";20.09.2026;02.10.2026\n"   // sold 10.09 on smart: 10 days, clawed back
            << f.number_of(4) << ";2026-10-03;2026-10-03\n";  // sold 30.09: 3 days, clawed back too
    }
    const auto result = import_deactivations(f.db(), f.cli, file);
    CHECK(result.recorded == 2);
    const auto st = dealer_statement(f.db(), f.cli, "2026-10", f.dealer);
    // Both were reported in October: smart 150 ₽ + bundle bonus 100 ₽, and classic 150 ₽ (no bundle).
    CHECK(st.reward.total == -(25000 + 15000));
    CHECK(dealer_statement(f.db(), f.cli, "2026-09", f.dealer).reward.total == 119070);  // September untouched
    // Drill-down from the clawback line to its sales line.
    std::string key;
    for (const auto& l : st.reward.lines)
        if (l.rule == "clawback" && l.amount == -25000) key = l.key;
    const auto sources = statement_sources(f.db(), f.cli, "2026-10", f.dealer, key);
    REQUIRE(sources.size() == 1);
    CHECK(sources[0].tariff_or_product == "smart");
    // Importing the same file again records nothing new.
    CHECK(import_deactivations(f.db(), f.cli, file).already_known == 2);
}

TEST_CASE("A deactivation file with an unknown number or a bad date changes nothing", "[rewards][R-POS-2]") {
    September f;
    f.db().set_clock(moscow_noon("2026-10-05"));
    const std::string file = f.t.folder() + "/bad.csv";
    {
        std::ofstream out(file);
        out << f.number_of(0) << ";20.09.2026\n" << "+79990001122;20.09.2026\n";
    }
    CHECK_THAT(refusal([&] { import_deactivations(f.db(), f.cli, file); }), Catch::Contains("Row 2"));
    CHECK_THAT(refusal([&] { import_deactivations(f.db(), f.cli, file); }), Catch::Contains("in the year before"));
    {
        std::ofstream out(file);
        out << f.number_of(0) << ";31.09.2026\n";
    }
    CHECK_THAT(refusal([&] { import_deactivations(f.db(), f.cli, file); }), Catch::Contains("Row 1"));
    CHECK(f.count("SELECT COUNT(*) FROM sim_deactivation") == 0);
}

TEST_CASE("The statement drills down from an amount to its sales lines; the dealer disputes, head office resolves",
          "[rewards][R-POS-2]") {
    September f;
    f.db().set_clock(moscow_noon("2026-10-05"));
    compute_period(f.db(), f.cli, "2026-09");
    const auto sims = statement_sources(f.db(), f.cli, "2026-09", f.dealer, "sim:smart");
    REQUIRE(sims.size() == 3);
    std::int64_t sum = 0;
    for (const auto& s : sims) sum += s.reward;
    CHECK(sum == 45000);
    CHECK(statement_sources(f.db(), f.cli, "2026-09", f.dealer, "bundle").size() == 4);
    CHECK_THAT(refusal([&] { statement_sources(f.db(), f.cli, "2026-09", f.dealer, "sim:vega"); }),
               Catch::Contains("no line"));

    const auto manager_id = pos::save_staff(f.db(), f.cli, {"manager", "Дилеров Д.", pos::Role::dealer_manager, 0,
                                                            f.dealer, std::nullopt, "password1"});
    const auto manager = f.as(manager_id);
    CHECK_THAT(refusal([&] { raise_dispute(f.db(), manager, "2026-09", f.dealer, "sim:vega", "нет такой"); }),
               Catch::Contains("no line"));
    CHECK_THAT(refusal([&] { dealer_statement(f.db(), manager, "2026-09", f.other_dealer); }),
               Catch::Contains("own dealer"));
    const auto id = raise_dispute(f.db(), manager, "2026-09", f.dealer, "sim:smart", "Продаж было четыре");
    CHECK(list_disputes(f.db(), manager, "2026-09").size() == 1);
    CHECK_FALSE(refusal([&] { resolve_dispute(f.db(), manager, id, false, "нет"); }).empty());
    resolve_dispute(f.db(), f.cli, id, false, "Четвёртая продажа возвращена");
    const auto d = list_disputes(f.db(), f.cli, "2026-09").at(0);
    CHECK(d.status == "rejected");
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action LIKE 'reward_dispute.%'") == 2);
}

TEST_CASE("Scheme versions: validated, never overlapping, never inside a locked period; what-if saves nothing",
          "[rewards][R-POS-2]") {
    September f;
    f.db().set_clock(moscow_noon("2026-10-05"));
    RewardScheme s = scheme_in_force(f.db(), "2026-09-01");
    CHECK(s.name == "Базовая схема");
    RewardScheme bad = s;
    bad.volume_tiers = {{301, 4000}, {101, 2000}};
    CHECK_THAT(refusal([&] { validate(bad); }), Catch::Contains("out of order"));
    bad = s;
    bad.sim_rates[0].amount = -1;
    CHECK_THAT(refusal([&] { validate(bad); }), Catch::Contains("negative"));
    bad = s;
    bad.valid_from = "1999-01-01";
    CHECK_THAT(refusal([&] { save_scheme_version(f.db(), f.cli, bad); }), Catch::Contains("overlaps"));
    bad.valid_from = "2026-11-01";
    bad.valid_to = "2026-12-01";
    CHECK_THAT(refusal([&] { save_scheme_version(f.db(), f.cli, bad); }), Catch::Contains("gap"));

    // What-if: a bundle bonus of 120 ₽: bundle 480, base 1340 x 0.945 = 1266.30 ₽.
    RewardScheme changed = s;
    set_parameter(changed, "bundle_bonus=12000");
    for (const auto& row : what_if(f.db(), f.cli, "2026-09", changed))
        if (row.dealer_id == f.dealer) {
            CHECK(row.before == 119070);
            CHECK(row.after == 126630);
        }
    CHECK(f.count("SELECT COUNT(*) FROM reward_scheme") == 1);
    CHECK_THAT(refusal([&] { set_parameter(changed, "bonus=1"); }), Catch::Contains("unknown"));

    compute_period(f.db(), f.cli, "2026-09");
    lock_period(f.db(), f.cli, "2026-09");
    changed.valid_from = "2026-09-15";
    CHECK_THAT(refusal([&] { save_scheme_version(f.db(), f.cli, changed); }), Catch::Contains("locked"));
    changed.valid_from = "2026-10-01";
    const auto id = save_scheme_version(f.db(), f.cli, changed);
    CHECK(scheme_in_force(f.db(), "2026-10-01").id == id);
    CHECK(scheme_in_force(f.db(), "2026-09-30").valid_to == "2026-10-01");
    // A specialist may not edit schemes.
    changed.valid_from = "2026-11-01";
    CHECK_FALSE(refusal([&] { save_scheme_version(f.db(), f.specialist(), changed); }).empty());
}

TEST_CASE("Period codes: a month or a quarter, anything else refused naming the period", "[rewards]") {
    CHECK(parse_period("2026-Q3").starts_on.iso() == "2026-07-01");
    CHECK(parse_period("2026-Q3").ends_on.iso() == "2026-10-01");
    CHECK(parse_period("2026-12").ends_on.iso() == "2027-01-01");
    CHECK(next_period(parse_period("2026-Q4")).code == "2027-Q1");
    CHECK_THAT(refusal([] { parse_period("2026-13"); }), Catch::Contains("quarter"));
    CHECK_THAT(refusal([] { parse_period("Q3"); }), Catch::Contains("Q3"));
    // 23:30 in Moscow on 30 September is still September; 00:30 on 1 October is not.
    CHECK(accounting_day(moscow_noon("2026-09-30") + 11 * 3600 + 1800) == parse_period("2026-10").first_day() - 1);
    CHECK(accounting_day(moscow_noon("2026-10-01") - 11 * 3600 - 1800) == parse_period("2026-10").first_day());
}
