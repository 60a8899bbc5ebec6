// The quality of the entrance test (R-TRN-6): facility, discrimination index, item–rest correlation and
// KR-20 over a cohort's submitted attempts, checked against figures worked out by hand.
#include "tests/training_core/BankFixture.hpp"
#include "training/core/bank/ItemAnalysis.hpp"

#include <catch2/catch.hpp>

using namespace salon;
using namespace salon::training;

namespace {

// Nine candidates' answers to five questions (1 right), rows by candidate.
const int kAnswers[9][5] = {
    {1, 1, 0, 1, 1}, {1, 1, 1, 0, 1}, {1, 1, 0, 0, 1}, {1, 0, 1, 0, 1}, {0, 1, 0, 0, 1},
    {1, 0, 1, 0, 1}, {0, 0, 1, 0, 1}, {0, 0, 1, 0, 1}, {0, 0, 0, 0, 1},
};

struct CohortFixture : test::BankFixture {
    std::int64_t cohort = 0, other_cohort = 0;
    std::vector<std::int64_t> versions;
    CohortFixture() {
        for (int i = 0; i < 5; ++i) {
            auto form = test::capital_of_turkey();
            form.name = "В" + std::to_string(i + 1);
            versions.push_back(get_question(db(), trainer, add_question(db(), trainer, form)).current.id);
        }
        cohort = add_cohort("2026-11-27");
        other_cohort = add_cohort("2026-11-20");
        for (int c = 0; c < 9; ++c) {
            const auto attempt = add_attempt(cohort, "K" + std::to_string(c), true);
            for (int i = 0; i < 5; ++i) add_slot(attempt, i + 1, versions[i], kAnswers[c][i]);
        }
        // Neither an attempt still running nor another cohort's counts.
        const auto running = add_attempt(cohort, "RUN", false);
        add_slot(running, 1, versions[0], 0);
        const auto elsewhere = add_attempt(other_cohort, "OTHER", true);
        add_slot(elsewhere, 1, versions[0], 0);
    }
    std::int64_t add_cohort(const std::string& friday) {
        const long long now = db().now();
        return db().insert("INSERT INTO cohort (week_start, created_at) VALUES (:w, :n)", soci::use(friday),
                           soci::use(now));
    }
    std::int64_t add_attempt(std::int64_t in_cohort, const std::string& code, bool submitted) {
        const long long now = db().now(), c = in_cohort, d = dealer;
        const std::string name = "Кандидат " + code, interview = "2026-11-10";
        const long long candidate = db().insert(
            "INSERT INTO candidate (cohort_id, dealer_id, full_name, interview_date, kiosk_code, registered_at) "
            "VALUES (:c, :d, :n, :i, :k, :r)",
            soci::use(c), soci::use(d), soci::use(name), soci::use(interview), soci::use(code), soci::use(now));
        const long long deadline = now + 900;
        soci::indicator submitted_ind = submitted ? soci::i_ok : soci::i_null;
        return db().insert(
            "INSERT INTO attempt (candidate_id, started_at, deadline_at, submitted_at) VALUES (:c, :s, :d, :sub)",
            soci::use(candidate), soci::use(now), soci::use(deadline), soci::use(now, submitted_ind));
    }
    void add_slot(std::int64_t attempt, int slot, std::int64_t version, int correct) {
        const long long a = attempt, v = version;
        const std::string topic = "geography", shown = "{}", right = "[0]";
        db().run("INSERT INTO attempt_slot (attempt_id, slot_no, question_version_id, topic, shown, right_answer, "
                 "correct) VALUES (:a, :s, :v, :t, :sh, :r, :c)",
                 soci::use(a), soci::use(slot), soci::use(v), soci::use(topic), soci::use(shown), soci::use(right),
                 soci::use(correct));
    }
};

bool has(const ItemStatistics& item, ItemFlag flag) {
    return std::find(item.flags.begin(), item.flags.end(), flag) != item.flags.end();
}

}  // namespace

TEST_CASE("Item analysis gives facility, discrimination, item-rest and KR-20 as worked out by hand",
          "[training][R-TRN-6]") {
    CohortFixture f;
    const TestStatistics s = analyse_cohort(f.db(), f.trainer, f.cohort);
    // Totals 4 4 3 3 2 3 2 2 1: mean 8/3, variance 8/9.
    CHECK(s.attempts == 9);
    CHECK(s.mean_score == Approx(8.0 / 3));
    CHECK(s.score_sd == Approx(std::sqrt(8.0 / 9)));
    CHECK(s.items_per_attempt == Approx(5.0));
    // Σpq = 20/81 + 20/81 + 20/81 + 8/81 + 0 = 68/81; KR-20 = 5/4 × (1 − (68/81)/(8/9)) = 5/72.
    REQUIRE(s.kr20);
    CHECK(*s.kr20 == Approx(5.0 / 72));
    REQUIRE(s.items.size() == 5);
    // Top third: candidates 1, 2, 3 (totals 4, 4, 3); bottom third: 7, 8, 9 (2, 2, 1).
    const auto& q1 = s.items[0];
    CHECK(q1.version_id == f.versions[0]);
    CHECK(q1.attempts == 9);
    CHECK(q1.correct == 5);
    CHECK(q1.facility == Approx(5.0 / 9));
    CHECK(*q1.discrimination == Approx(1.0));
    CHECK(*q1.item_rest == Approx(0.570087712549569));
    CHECK(q1.flags.empty());
    CHECK(s.items[1].facility == Approx(4.0 / 9));
    CHECK(*s.items[1].item_rest == Approx(0.03162277660168379));
    CHECK(s.items[1].flags.empty());
    // Right for the weak, wrong for the strong: flagged.
    const auto& q3 = s.items[2];
    CHECK(*q3.discrimination == Approx(-1.0 / 3));
    CHECK(*q3.item_rest == Approx(-0.35));
    CHECK(has(q3, ItemFlag::negative_discrimination));
    const auto& q4 = s.items[3];
    CHECK(q4.facility == Approx(1.0 / 9));
    CHECK(*q4.discrimination == Approx(1.0 / 3));
    CHECK(*q4.item_rest == Approx(0.1889822365046136));
    CHECK(has(q4, ItemFlag::too_hard));
    CHECK_FALSE(has(q4, ItemFlag::low_discrimination));
    const auto& q5 = s.items[4];
    CHECK(q5.facility == Approx(1.0));
    CHECK(*q5.discrimination == Approx(0.0));
    CHECK_FALSE(q5.item_rest);  // an item everybody got right does not vary
    CHECK(has(q5, ItemFlag::too_easy));
    CHECK(has(q5, ItemFlag::low_discrimination));
}

TEST_CASE("Item analysis of a cohort without submitted attempts, of an unknown cohort, by a specialist",
          "[training][R-TRN-6]") {
    CohortFixture f;
    const auto empty = f.add_cohort("2026-12-04");
    const TestStatistics s = analyse_cohort(f.db(), f.trainer, empty);
    CHECK(s.attempts == 0);
    CHECK(s.items.empty());
    CHECK_FALSE(s.kr20);
    CHECK_THROWS_AS(analyse_cohort(f.db(), f.trainer, 9999), ValidationError);
    CHECK_THROWS_AS(analyse_cohort(f.db(), f.specialist(), f.cohort), RefusedError);
    const auto cohorts = cohorts_for_analysis(f.db(), f.trainer);
    REQUIRE(cohorts.size() == 3);
    CHECK(cohorts[0].week_start == "2026-12-04");
    CHECK(cohorts[0].submitted_attempts == 0);
    CHECK(cohorts[1].id == f.cohort);
    CHECK(cohorts[1].submitted_attempts == 9);  // the running attempt is not counted
    // The other cohort's single attempt: one item, no thirds, no KR-20.
    const TestStatistics other = analyse_cohort(f.db(), f.trainer, f.other_cohort);
    CHECK(other.attempts == 1);
    REQUIRE(other.items.size() == 1);
    CHECK_FALSE(other.items[0].discrimination);
    CHECK_FALSE(other.kr20);
}
