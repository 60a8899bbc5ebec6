// The question bank (R-TRN-6): versions, retirement, the checks that refuse a bad question, permissions.
#include "tests/training_core/BankFixture.hpp"
#include "training/core/bank/ShownQuestion.hpp"

#include <catch2/catch.hpp>

using namespace salon;
using namespace salon::training;

namespace {
// The input an InputError names, or "" when `f` does not throw one.
template <class F>
std::string refused_input(F&& f) {
    try {
        f();
    } catch (const pos::InputError& e) {
        return e.input();
    }
    return "";
}
}  // namespace

TEST_CASE("A trainer adds a question; an edit makes a new version and the old one stays as drawn",
          "[training][R-TRN-6]") {
    test::BankFixture f;
    const auto id = add_question(f.db(), f.trainer, test::capital_of_turkey());
    Question q = get_question(f.db(), f.trainer, id);
    REQUIRE(q.versions.size() == 1);
    CHECK(q.topic == Topic::geography);
    CHECK(q.category == "География");  // the topic's element goes first (QuestionCategory.hpp)
    CHECK(q.origin == "bank");
    const auto first = q.current.id;

    auto edited = test::capital_of_turkey();
    edited.text = "Какой город является столицей Турецкой Республики?";
    edited.category = "География/Столицы";
    const auto second = edit_question(f.db(), f.trainer, id, edited);
    q = get_question(f.db(), f.trainer, id);
    REQUIRE(q.versions.size() == 2);
    CHECK(q.current.id == second);
    CHECK(q.current.version_no == 2);
    CHECK(q.category == "География/Столицы");
    CHECK(q.versions.front().text == "Какой город — столица Турции?");

    // An attempt that drew the first version renders the first version's text, whatever came after.
    std::mt19937_64 random(1);
    CHECK(render_question(f.db(), first, random).text == "Какой город — столица Турции?");
    CHECK(render_question(f.db(), second, random).text == edited.text);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'training.question.edit'") == 1);
}

TEST_CASE("A bad question is refused naming the field and nothing is saved", "[training][R-TRN-6]") {
    test::BankFixture f;
    auto no_right = test::capital_of_turkey();
    no_right.body["options"][0]["fraction"] = 0.0;
    CHECK(refused_input([&] { add_question(f.db(), f.trainer, no_right); }) == "answer");

    auto one_option = test::capital_of_turkey();
    one_option.body = {{"options", {{{"text", "Анкара"}, {"fraction", 1.0}}}}};
    CHECK(refused_input([&] { add_question(f.db(), f.trainer, one_option); }) == "options");

    auto empty_text = test::capital_of_turkey();
    empty_text.text = "   ";
    CHECK(refused_input([&] { add_question(f.db(), f.trainer, empty_text); }) == "text");

    auto unknown_topic = test::capital_of_turkey();
    unknown_topic.topic = "history";
    CHECK(refused_input([&] { add_question(f.db(), f.trainer, unknown_topic); }) == "topic");

    QuestionForm truefalse;
    truefalse.topic = "russian";
    truefalse.kind = "truefalse";
    truefalse.text = "«Кофе» — мужского рода.";
    CHECK(refused_input([&] { add_question(f.db(), f.trainer, truefalse); }) == "answer");

    QuestionForm shortanswer;
    shortanswer.topic = "gadgets";
    shortanswer.kind = "shortanswer";
    shortanswer.text = "Комбинация для IMEI?";
    shortanswer.body = {{"answers", {{{"text", "*#06#"}, {"fraction", 0.5}}}}};
    CHECK(refused_input([&] { add_question(f.db(), f.trainer, shortanswer); }) == "answer");

    auto two_right = test::capital_of_turkey();
    two_right.body["options"][1]["fraction"] = 1.0;
    CHECK(refused_input([&] { add_question(f.db(), f.trainer, two_right); }) == "answer");

    auto bad_kind = test::capital_of_turkey();
    bad_kind.kind = "essay";
    CHECK(refused_input([&] { add_question(f.db(), f.trainer, bad_kind); }) == "kind");

    CHECK(f.count("SELECT COUNT(*) FROM question") == 0);
    CHECK(f.count("SELECT COUNT(*) FROM question_version") == 0);
}

TEST_CASE("A retired question is listed apart, never counted for drawing, and cannot be edited",
          "[training][R-TRN-6]") {
    test::BankFixture f;
    const auto kept = add_question(f.db(), f.trainer, test::capital_of_turkey());
    const auto retired = add_question(f.db(), f.trainer, test::capital_of_turkey());
    retire_question(f.db(), f.trainer, retired);
    CHECK(list_questions(f.db(), f.trainer, {std::nullopt, false}).size() == 1);
    CHECK(list_questions(f.db(), f.trainer, {std::nullopt, false}).front().id == kept);
    CHECK(list_questions(f.db(), f.trainer).size() == 2);
    CHECK(list_questions(f.db(), f.trainer, {Topic::russian, true}).empty());
    const BankStats s = bank_stats(f.db());
    CHECK(s.total == 1);
    CHECK(s.retired == 1);
    CHECK(s.by_topic.at(Topic::geography) == 1);
    CHECK(s.by_topic.at(Topic::gadgets) == 0);
    CHECK_THROWS_AS(retire_question(f.db(), f.trainer, retired), RefusedError);
    CHECK_THROWS_AS(edit_question(f.db(), f.trainer, retired, test::capital_of_turkey()), RefusedError);
    CHECK_THROWS_AS(get_question(f.db(), f.trainer, 999), ValidationError);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'training.question.retire'") == 1);
}

TEST_CASE("Only a trainer changes the bank", "[training][R-TRN-6]") {
    test::BankFixture f;
    const pos::Actor specialist = f.specialist();
    CHECK_THROWS_AS(add_question(f.db(), specialist, test::capital_of_turkey()), RefusedError);
    CHECK_THROWS_AS(list_questions(f.db(), specialist), RefusedError);
    const auto id = add_question(f.db(), f.trainer, test::capital_of_turkey());
    CHECK_THROWS_AS(retire_question(f.db(), specialist, id), RefusedError);
    CHECK_THROWS_AS(edit_question(f.db(), specialist, id, test::capital_of_turkey()), RefusedError);
    CHECK(f.count("SELECT COUNT(*) FROM question_version") == 1);
    CHECK(f.count("SELECT COUNT(*) FROM question WHERE retired_at IS NOT NULL") == 0);
}

TEST_CASE("An HTML question from Moodle is shown as plain text", "[training][R-TRN-6]") {
    test::BankFixture f;
    auto html = test::capital_of_turkey();
    html.text = "<p>Какой город &mdash; <b>столица</b> Турции?</p>";
    html.body["format"] = "html";
    html.body["options"][0]["text"] = "<p>Анкара</p>";
    const auto id = add_question(f.db(), f.trainer, html);
    const Question q = get_question(f.db(), f.trainer, id);
    CHECK(q.current.text == html.text);  // kept as Moodle wrote it
    std::mt19937_64 random(3);
    const ShownQuestion shown = render_question(f.db(), q.current.id, random);
    CHECK(shown.text == "Какой город — столица Турции?");
    CHECK(std::find(shown.options.begin(), shown.options.end(), "Анкара") != shown.options.end());
}

TEST_CASE("The desk's one-field answers become a question's body and back", "[training][R-TRN-6]") {
    const auto body = question_body_from_lines("multiple", "+ Франция\n- Норвегия\n\n+ Испания\n");
    REQUIRE(body.at("options").size() == 3);
    CHECK(body.at("options")[0].at("fraction").get<double>() == 0.5);
    CHECK(body.at("options")[1].at("fraction").get<double>() == 0.0);
    CHECK(question_body_as_lines("multiple", body) == "+ Франция\n- Норвегия\n+ Испания\n");
    CHECK(question_body_from_lines("truefalse", "неверно").at("answer") == false);
    CHECK_THROWS_AS(question_body_from_lines("truefalse", "может быть"), pos::InputError);
    const auto kept = question_body_from_lines("shortanswer", "Ереван", {{"format", "html"}, {"files", nlohmann::json::array()}});
    CHECK(kept.at("format") == "html");
    CHECK(kept.at("answers")[0].at("text") == "Ереван");
    CHECK_THROWS_AS(question_body_from_lines("tariff_math", "{not json"), pos::InputError);
    // Lines without a right option give a body the bank's check refuses naming the answer.
    QuestionForm f;
    f.topic = "geography";
    f.kind = "single";
    f.text = "Столица Армении?";
    f.body = question_body_from_lines("single", "- Ереван\n- Гюмри");
    try {
        checked_question(f);
        FAIL("a question without a right answer was accepted");
    } catch (const pos::InputError& e) {
        CHECK(e.input() == "answer");
    }
}
