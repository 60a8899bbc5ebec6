// Rubrics and independent scores of the role-play (R-TRN-7) and the cases (R-TRN-8), raters at the
// assessment being trainers and dealers (R-TRN-4).
#include "pos/core/audit/AuditJournal.hpp"
#include "tests/training_core/AssessmentFixture.hpp"
#include "training/core/assessment/AssessmentScore.hpp"
#include "training/core/assessment/Rubric.hpp"

#include <catch2/catch.hpp>

using namespace salon;
using namespace salon::training;
using namespace salon::test;

namespace {

std::string input_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const pos::InputError& e) {
        return e.input();
    }
    return "";
}

const CriterionScores& row_of(const std::vector<CriterionScores>& rows, std::int64_t criterion) {
    for (const auto& r : rows)
        if (r.criterion_id == criterion) return r;
    throw std::runtime_error("criterion not listed");
}

}  // namespace

TEST_CASE("The two default rubrics are seeded once, with the criteria R-TRN-7 and R-TRN-8 name",
          "[training][R-TRN-7][R-TRN-8]") {
    AssessmentFixture f;
    const auto added = seed_default_rubrics(f.db(), f.trainer());
    REQUIRE(added.size() == 2);
    CHECK(seed_default_rubrics(f.db(), f.trainer()).empty());
    const auto rubrics = list_rubrics(f.db());
    REQUIRE(rubrics.size() == 2);
    const Rubric role_play = rubrics[0].kind == RubricKind::role_play ? rubrics[0] : rubrics[1];
    const Rubric cases = rubrics[0].kind == RubricKind::role_play ? rubrics[1] : rubrics[0];
    CHECK(role_play.criteria.at(0).title.find("сильные стороны") != std::string::npos);
    CHECK(cases.criteria.at(0).title.find("не перекладывает") != std::string::npos);
    CHECK(cases.criteria.at(1).title.find("инициативу") != std::string::npos);
    CHECK(f.count("SELECT count(*) FROM audit_entry WHERE action = 'rubric.save'") == 2);
    // Only trainers keep rubrics: a dealer's manager may score but not change what is scored.
    CHECK_FALSE(refusal([&] { save_rubric(f.db(), f.manager(), {RubricKind::case_study, "X", 1, {{"Y", 3}}}); }).empty());
    CHECK(f.count("SELECT count(*) FROM rubric") == 2);
}

TEST_CASE("A rubric refuses bad input naming the field and keeps scored criteria as they are",
          "[training][R-TRN-7]") {
    AssessmentFixture f;
    CHECK(input_of([&] { save_rubric(f.db(), f.trainer(), {RubricKind::role_play, " ", 2, {{"A", 5}}}); }) == "title");
    CHECK(input_of([&] { save_rubric(f.db(), f.trainer(), {RubricKind::role_play, "T", 2, {}}); }) == "criteria");
    CHECK(input_of([&] { save_rubric(f.db(), f.trainer(), {RubricKind::role_play, "T", 2, {{"A", 0}}}); }) ==
          "max_points");
    CHECK(input_of([&] { save_rubric(f.db(), f.trainer(), {RubricKind::role_play, "T", -1, {{"A", 5}}}); }) ==
          "margin");
    CHECK(input_of([] { rubric_kind_from_string("essay"); }) == "kind");
    CHECK(f.count("SELECT count(*) FROM rubric") == 0);

    const auto id = save_rubric(f.db(), f.trainer(), {RubricKind::role_play, "Продажа", 1, {{"A", 5}, {"B", 5}}});
    // Before anyone scored, the criteria may change freely.
    save_rubric(f.db(), f.trainer(), {RubricKind::role_play, "Продажа", 1, {{"A", 5}, {"B", 4}, {"C", 3}}}, id);
    Rubric r = get_rubric(f.db(), id);
    REQUIRE(r.criteria.size() == 3);
    const auto candidate = f.add_candidate("Иванов Пётр", f.dealer, f.salon);
    record_score(f.db(), f.trainer(), {candidate, r.criteria[0].id, 4, ""});
    CHECK(input_of([&] {
              save_rubric(f.db(), f.trainer(), {RubricKind::role_play, "Продажа", 1, {{"A", 10}, {"B", 4}, {"C", 3}}}, id);
          }) == "criteria");
    // Titles and the margin may still be corrected.
    save_rubric(f.db(), f.trainer(), {RubricKind::role_play, "Продажа тренеру", 2, {{"A1", 5}, {"B", 4}, {"C", 3}}}, id);
    r = get_rubric(f.db(), id);
    CHECK(r.title == "Продажа тренеру");
    CHECK(r.margin == 2);
    CHECK(r.criteria[0].title == "A1");
    CHECK(f.count("SELECT count(*) FROM assessment_score") == 1);
}

TEST_CASE("Raters score independently within the criterion's points, trainers and dealers at the assessment",
          "[training][R-TRN-7][R-TRN-8][R-TRN-4]") {
    AssessmentFixture f;
    seed_default_rubrics(f.db(), f.trainer());
    const Rubric rp = list_rubrics(f.db())[0];
    const auto own = f.add_candidate("Иванов Пётр", f.dealer, f.salon);
    const auto others = f.add_candidate("Сидорова Ольга", f.other_dealer, f.other_salon);
    const auto k = rp.criteria[0].id;

    CHECK(input_of([&] { record_score(f.db(), f.trainer(), {own, k, rp.criteria[0].max_points + 1, ""}); }) == "points");
    CHECK(input_of([&] { record_score(f.db(), f.trainer(), {own, k, -1, ""}); }) == "points");
    CHECK(input_of([&] { record_score(f.db(), f.trainer(), {own, 999999, 1, ""}); }) == "criterion");
    CHECK(input_of([&] { record_score(f.db(), f.trainer(), {999999, k, 1, ""}); }) == "candidate");
    CHECK(f.count("SELECT count(*) FROM assessment_score") == 0);

    record_score(f.db(), f.trainer(), {own, k, 3, "уверенно"});
    record_score(f.db(), f.trainer(), {own, k, 4, ""});  // his own score changed, not a second one
    record_score(f.db(), f.manager(), {own, k, 5, ""});
    // R-TRN-4: a dealer at the assessment scores any candidate of the week, not only his own.
    record_score(f.db(), f.manager(), {others, k, 2, ""});
    CHECK(f.count("SELECT count(*) FROM assessment_score") == 3);
    CHECK(f.count("SELECT count(*) FROM audit_entry WHERE action = 'assessment.score'") == 4);

    // A dealer who sent nobody to the week is not at its assessment; a specialist is no rater at all.
    const auto next_week = f.add_cohort("2026-10-09");
    const auto later = f.add_candidate("Позднов Илья", f.dealer, f.salon, "", next_week);
    CHECK(input_of([&] { record_score(f.db(), f.other_manager(), {later, k, 1, ""}); }) == "candidate");
    CHECK_FALSE(refusal([&] { record_score(f.db(), f.specialist(), {own, k, 1, ""}); }).empty());
    CHECK(f.count("SELECT count(*) FROM assessment_score") == 3);
}

TEST_CASE("A rater sees the others' scores of a rubric only after scoring all of it, and disagreements are flagged",
          "[training][R-TRN-7][R-TRN-8]") {
    AssessmentFixture f;
    const auto id = save_rubric(f.db(), f.trainer(),
                                {RubricKind::case_study, "Кейсы", 1, {{"Решает проблему", 5}, {"Инициатива", 5}}});
    const Rubric r = get_rubric(f.db(), id);
    const auto c = f.add_candidate("Иванов Пётр", f.dealer, f.salon);
    const auto a = r.criteria[0].id, b = r.criteria[1].id;
    record_score(f.db(), f.trainer(), {c, a, 5, ""});
    record_score(f.db(), f.trainer(), {c, b, 3, ""});

    // The manager has not scored yet: he sees that one rater scored, not what.
    auto seen = candidate_scores(f.db(), f.manager(), c);
    CHECK(row_of(seen, a).others_hidden);
    CHECK(row_of(seen, a).others.empty());
    CHECK(row_of(seen, a).rater_count == 1);
    CHECK_FALSE(row_of(seen, a).average);

    record_score(f.db(), f.manager(), {c, a, 2, ""});
    seen = candidate_scores(f.db(), f.manager(), c);
    CHECK(row_of(seen, a).others_hidden);  // one criterion of the rubric is still his to score
    record_score(f.db(), f.manager(), {c, b, 4, ""});
    seen = candidate_scores(f.db(), f.manager(), c);
    REQUIRE_FALSE(row_of(seen, a).others_hidden);
    REQUIRE(row_of(seen, a).others.size() == 1);
    CHECK(row_of(seen, a).own->points == 2);
    CHECK(row_of(seen, a).others[0].points == 5);
    CHECK(*row_of(seen, a).average == Approx(3.5));
    CHECK(row_of(seen, a).disagreement);        // 5 and 2 differ by 3, more than the margin of 1
    CHECK_FALSE(row_of(seen, b).disagreement);  // 3 and 4 differ by 1: within it

    CHECK(raters_disagree({3, 5}, 1));
    CHECK_FALSE(raters_disagree({3, 4}, 1));
    CHECK_FALSE(raters_disagree({0}, 0));
}

TEST_CASE("Years in retail earn nothing: a candidate is scored only on what the raters gave",
          "[training][R-TRN-7]") {
    AssessmentFixture f;
    seed_default_rubrics(f.db(), f.trainer());
    const Rubric rp = list_rubrics(f.db())[0];
    const auto veteran =
        f.add_candidate("Опытный Виктор", f.dealer, f.salon, "12 лет в рознице, был управляющим магазином");
    const auto newcomer = f.add_candidate("Новиков Антон", f.dealer, f.salon, "");
    for (const auto& k : rp.criteria) {
        record_score(f.db(), f.trainer(), {veteran, k.id, 2, ""});
        record_score(f.db(), f.trainer(), {newcomer, k.id, 2, ""});
    }
    const auto a = candidate_scores(f.db(), f.trainer(), veteran);
    const auto b = candidate_scores(f.db(), f.trainer(), newcomer);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].average == b[i].average);
        if (a[i].rubric_id == rp.id) CHECK(*a[i].average == Approx(2.0));
    }
    // Nothing about experience is stored with a score: its columns are the score's own.
    CHECK(f.count("SELECT count(*) FROM assessment_score WHERE points <> 2") == 0);
}
