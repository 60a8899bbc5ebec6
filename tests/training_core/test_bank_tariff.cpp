// Tariff-mathematics questions (R-TRN-6, choosing a suitable tariff) are computed from today's catalog by
// the tariff advisor when drawn: a price change changes the right answer the same day (R-TAR-2).
#include "tests/training_core/BankFixture.hpp"
#include "pos/core/catalog/TariffAdvisor.hpp"
#include "training/core/bank/ShownQuestion.hpp"
#include "training/core/bank/TariffQuestion.hpp"

#include <catch2/catch.hpp>

using namespace salon;
using namespace salon::training;

namespace {

QuestionForm pensioner(const std::string& ask = "cheapest") {
    QuestionForm f;
    f.topic = "tariff_math";
    f.kind = "tariff_math";
    f.text = "Какой тариф выгоднее пенсионерке?";
    f.explanation = "Сравниваются частные тарифы по каталогу на сегодня.";
    f.body = {{"ask", ask}, {"profile", {{"minutes_russia", 150}, {"sms", 10}}}};
    if (ask == "monthly") f.body["tariff"] = "classic";
    return f;
}

std::string right_option(const ShownQuestion& q) {
    REQUIRE(q.right_answer.size() == 1);
    return q.options.at(q.right_answer.front().get<std::size_t>());
}

// A new version of the Классический tariff from today, by the catalog's own import: 4 roubles a minute.
void raise_classic_minute(db::Database& db) {
    const nlohmann::json catalog = {
        {"standard_rates", nlohmann::json::array()},
        {"tariffs",
         {{{"code", "classic"},
           {"name", "Классический"},
           {"segment", "private"},
           {"is_bundle", false},
           {"versions",
            {{{"valid_from", "2026-12-02"},
              {"monthly_fee", 0},
              {"connection_fee", 0},
              {"minute_russia", 400},
              {"mb_price", 150},
              {"sms_price", 200}}}}}}}};
    const auto r = pos::import_tariff_catalog(db, catalog.dump());
    REQUIRE(r.versions_added == 1);
}

}  // namespace

TEST_CASE("A tariff question's right answer is the advisor's cheapest tariff today, and follows a price change",
          "[training][R-TRN-6][R-TAR-2]") {
    test::BankFixture f;
    const auto id = add_question(f.db(), f.trainer, pensioner());
    const auto version = get_question(f.db(), f.trainer, id).current.id;
    std::mt19937_64 random(7);

    // 150 minutes at 2.50 and 10 SMS at 2.00 on Классический: 395 roubles, below Смарт's 450.
    ShownQuestion before = render_question(f.db(), version, random);
    CHECK(before.kind == "single");
    CHECK(before.topic == Topic::tariff_math);
    CHECK(before.options.size() >= 3);
    CHECK(right_option(before) == "Классический");
    CHECK(before.text.find("150") != std::string::npos);
    const auto advised = pos::advise(f.db(), tariff_question_profile(pensioner().body), "2026-12-02");
    CHECK(advised.front().name == right_option(before));

    // The same day the minute goes up to 4 roubles: 620 roubles, so Смарт is now the cheapest.
    raise_classic_minute(f.db());
    ShownQuestion after = render_question(f.db(), version, random);
    CHECK(right_option(after) == "Смарт");
    CHECK(answer_is_correct(after, after.right_answer));
}

TEST_CASE("A monthly-cost question gives the advisor's monthly amount, with other amounts as distractors",
          "[training][R-TRN-6]") {
    test::BankFixture f;
    std::mt19937_64 random(11);
    GeneratedQuestion g = generate_tariff_question(f.db(), pensioner("monthly").body, random);
    CHECK(right_option(g.shown) == pos::Money::from_kopecks(39500).format());
    CHECK(g.shown.options.size() >= 3);
    CHECK(g.explanation.find(pos::Money::from_kopecks(39500).format()) != std::string::npos);
    for (std::size_t i = 0; i < g.shown.options.size(); ++i)
        for (std::size_t j = i + 1; j < g.shown.options.size(); ++j) CHECK(g.shown.options[i] != g.shown.options[j]);

    raise_classic_minute(f.db());
    g = generate_tariff_question(f.db(), pensioner("monthly").body, random);
    CHECK(right_option(g.shown) == pos::Money::from_kopecks(62000).format());
}

TEST_CASE("A tariff question with bad parameters is refused naming them", "[training][R-TRN-6]") {
    test::BankFixture f;
    auto negative = pensioner();
    negative.body["profile"]["minutes_russia"] = -5;
    CHECK_THROWS_AS(add_question(f.db(), f.trainer, negative), pos::InputError);
    try {
        add_question(f.db(), f.trainer, negative);
    } catch (const pos::InputError& e) {
        CHECK(e.input() == "parameters");
    }
    auto unknown_field = pensioner();
    unknown_field.body["profile"]["roaming_days"] = 5;
    CHECK_THROWS_AS(add_question(f.db(), f.trainer, unknown_field), pos::InputError);
    auto no_tariff = pensioner("monthly");
    no_tariff.body.erase("tariff");
    CHECK_THROWS_AS(add_question(f.db(), f.trainer, no_tariff), pos::InputError);
    auto wrong_topic = pensioner();
    wrong_topic.topic = "geography";
    CHECK_THROWS_AS(add_question(f.db(), f.trainer, wrong_topic), pos::InputError);
    CHECK(f.count("SELECT COUNT(*) FROM question") == 0);

    // A tariff the catalog no longer has is refused when drawn, not shown with a wrong answer.
    auto gone = pensioner("monthly");
    gone.body["tariff"] = "no_such_tariff";
    const auto id = add_question(f.db(), f.trainer, gone);
    std::mt19937_64 random(1);
    CHECK_THROWS_AS(render_question(f.db(), get_question(f.db(), f.trainer, id).current.id, random), RefusedError);
}
