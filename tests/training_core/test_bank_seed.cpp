// The shipped question bank (R-TRN-6): at least 80 original questions, 20 of each topic, each with its right
// answer and explanation, loaded once.
#include "tests/training_core/BankFixture.hpp"
#include "training/core/bank/ShippedQuestionBank.hpp"
#include "training/core/bank/ShownQuestion.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace salon;
using namespace salon::training;

TEST_CASE("The shipped bank fills an empty bank with 80+ questions, 20+ of each topic, once",
          "[training][R-TRN-6]") {
    test::BankFixture f;
    const SeedResult first = seed_question_bank(f.db(), f.trainer);
    CHECK(first.added >= 80);
    CHECK(first.present == 0);
    const BankStats s = bank_stats(f.db());
    CHECK(s.total == first.added);
    for (Topic t : kAllTopics) CHECK(s.by_topic.at(t) >= 20);
    CHECK(s.generated >= 20);

    // Run again: nothing added, nothing journaled.
    const auto entries = f.count("SELECT COUNT(*) FROM audit_entry");
    const SeedResult second = seed_question_bank(f.db(), f.trainer);
    CHECK(second.added == 0);
    CHECK(second.present == first.added);
    CHECK(f.count("SELECT COUNT(*) FROM question") == first.added);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry") == entries);

    // A shipped question the trainer retired stays retired and is not loaded again.
    const auto some = list_questions(f.db(), f.trainer).front().id;
    retire_question(f.db(), f.trainer, some);
    CHECK(seed_question_bank(f.db(), f.trainer).added == 0);
}

TEST_CASE("Every shipped question renders with a right answer and has an explanation", "[training][R-TRN-6]") {
    test::BankFixture f;
    seed_question_bank(f.db(), f.trainer);
    std::set<std::string> kinds, names;
    std::mt19937_64 random(42);
    for (const auto& q : list_questions(f.db(), f.trainer)) {
        INFO(q.current.name);
        CHECK(names.insert(q.current.name).second);
        CHECK_FALSE(q.current.explanation.empty());
        kinds.insert(q.current.kind);
        const ShownQuestion shown = render_question(f.db(), q.current.id, random);
        CHECK_FALSE(shown.text.empty());
        if (shown.kind == "shortanswer") {
            CHECK_FALSE(shown.right_answer.at("accepted").empty());
            CHECK(answer_is_correct(shown, shown.right_answer.at("accepted").front()));
        } else {
            REQUIRE_FALSE(shown.right_answer.empty());
            CHECK(shown.options.size() >= 2);
            CHECK(answer_is_correct(shown, shown.right_answer));
            if (shown.kind != "multiple") CHECK(shown.right_answer.size() == 1);
        }
    }
    CHECK(kinds == std::set<std::string>{"single", "multiple", "truefalse", "shortanswer", "tariff_math"});
}

TEST_CASE("The shipped bank needs a trainer", "[training][R-TRN-6]") {
    test::BankFixture f;
    CHECK_THROWS_AS(seed_question_bank(f.db(), f.specialist()), RefusedError);
    CHECK(f.count("SELECT COUNT(*) FROM question") == 0);
    CHECK(seed_question_bank(f.db(), f.cli).added >= 80);  // salon-cli's maintenance (demo seed)
}
