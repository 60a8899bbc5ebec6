// The cohort's results sheet for dealers (XLSX and PDF), read back with LibreOffice and poppler when they are
// installed: a dealer sees only his own candidates' rows.
#include "tests/training_core/AssessmentFixture.hpp"
#include "training/core/assessment/AssessmentScore.hpp"
#include "training/core/assessment/CandidateDecision.hpp"
#include "training/core/assessment/ResultsExport.hpp"
#include "training/core/assessment/Rubric.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace salon;
using namespace salon::training;
using namespace salon::test;

namespace {

struct Sheet : AssessmentFixture {
    std::int64_t good = 0, gone = 0, stranger_candidate = 0;
    Rubric rubric;
    Sheet() {
        const auto id = save_rubric(db(), trainer(), {RubricKind::role_play, "Ролевая игра", 1,
                                                      {{"Сильные стороны", 5}, {"Показ клиенту", 5}}});
        rubric = get_rubric(db(), id);
        good = add_candidate("Иванов Пётр", dealer, salon);
        gone = add_candidate("Уходов Семён", dealer, salon);
        stranger_candidate = add_candidate("Сидорова Ольга", other_dealer, other_salon);
        add_attempt(good, 12);
        add_attempt(stranger_candidate, 9);
        record_score(db(), trainer(), {good, rubric.criteria[0].id, 5, ""});
        record_score(db(), manager(), {good, rubric.criteria[0].id, 2, ""});
        record_score(db(), trainer(), {good, rubric.criteria[1].id, 4, ""});
        record_score(db(), manager(), {good, rubric.criteria[1].id, 4, ""});
        cast_vote(db(), trainer(), good, Vote::go_on);
        cast_vote(db(), other_manager(), good, Vote::go_on);
        decide(db(), trainer(), good);
        db().set_clock(moscow_noon(kWeekStart) + 2 * 3600 + 5 * 60);
        record_drop_out(db(), trainer(), gone, "");
    }
};

const CandidateResult& row(const CohortResults& r, std::int64_t id) {
    for (const auto& x : r.rows)
        if (x.candidate_id == id) return x;
    throw std::runtime_error("no such row");
}

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

bool have(const char* tool) { return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0; }

}  // namespace

TEST_CASE("The results sheet shows each candidate's test, averages with flags, votes, decision and status",
          "[training][R-TRN-7][R-TRN-9][R-TRN-10]") {
    Sheet s;
    const CohortResults r = cohort_results(s.db(), s.trainer(), s.cohort);
    CHECK(r.rows.size() == 3);
    REQUIRE(r.criteria.size() == 2);
    const auto& good = row(r, s.good);
    CHECK(good.dealer_name == "ООО «Связь»");
    CHECK(*good.test_correct == 12);
    CHECK(*good.test_passed);
    CHECK(*good.averages[0] == Approx(3.5));
    CHECK(good.disagreements[0]);  // 5 and 2 with a margin of 1
    CHECK(*good.averages[1] == Approx(4.0));
    CHECK_FALSE(good.disagreements[1]);
    CHECK(good.votes_continue == 2);
    CHECK(good.decision == "continue");
    CHECK(status_text(row(r, s.gone)) == "dropped out at 02.10.2026 14:05");
    CHECK_FALSE(row(r, s.gone).test_correct);

    // A dealer's manager sees his own candidates only; the other dealer's row is not there.
    const CohortResults mine = cohort_results(s.db(), s.manager(), s.cohort);
    CHECK(mine.rows.size() == 2);
    for (const auto& x : mine.rows) CHECK(x.dealer_id == s.dealer);
    const CohortResults theirs = cohort_results(s.db(), s.other_manager(), s.cohort);
    REQUIRE(theirs.rows.size() == 1);
    CHECK(theirs.rows[0].candidate_id == s.stranger_candidate);
    CHECK_FALSE(refusal([&] { cohort_results(s.db(), s.specialist(), s.cohort); }).empty());
}

TEST_CASE("The results export writes an XLSX and a PDF that real readers open", "[training][R-TRN-10]") {
    Sheet s;
    namespace fs = std::filesystem;
    const fs::path dir = s.t.folder();
    const ResultsExportJob job{s.cohort, (dir / "results.xlsx").string(), (dir / "results.pdf").string()};
    const CohortResults r = run_results_export(s.db(), s.manager(), job);
    CHECK(r.rows.size() == 2);
    REQUIRE(fs::file_size(job.xlsx_path) > 0);
    REQUIRE(fs::file_size(job.pdf_path) > 0);
    CHECK(slurp(job.pdf_path).rfind("%PDF", 0) == 0);

    if (have("pdftotext")) {
        const fs::path txt = dir / "results.txt";
        REQUIRE(std::system(("pdftotext -layout '" + job.pdf_path + "' '" + txt.string() + "'").c_str()) == 0);
        const std::string text = slurp(txt);
        CHECK(text.find("Иванов Пётр") != std::string::npos);
        CHECK(text.find("Сидорова") == std::string::npos);  // the other dealer's candidate
        CHECK(text.find("3.5 !") != std::string::npos);  // tests speak English: a decimal point
    }
    if (have("soffice")) {
        const std::string cmd = "cd '" + dir.string() + "' && HOME='" + dir.string() +
                                "' soffice --headless --convert-to csv:\"Text - txt - csv (StarCalc)\":44,34,76,1 "
                                "results.xlsx >/dev/null 2>&1";
        REQUIRE(std::system(cmd.c_str()) == 0);
        const std::string csv = slurp(dir / "results.csv");
        CHECK(csv.find("Иванов Пётр") != std::string::npos);
        CHECK(csv.find("Сидорова") == std::string::npos);
        CHECK(csv.find(",12,") != std::string::npos);   // the test score is a number
        CHECK(csv.find("3.5 !") != std::string::npos);  // the flagged average, formatted "0.0 !"
    }
}
