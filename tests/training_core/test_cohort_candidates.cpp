// Cohorts (R-TRN-1, R-TRN-5) and the candidates dealers send to them (R-TRN-2), with their kiosk codes and
// streams.
#include "pos/core/common/FormInput.hpp"
#include "tests/training_core/TrainingFixture.hpp"
#include "training/core/cohort/KioskCode.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>

using namespace salon;
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
}  // namespace

TEST_CASE("A cohort starts on a Friday that has not passed, one per week", "[training][R-TRN-1]") {
    TrainingFixture f;
    CHECK(input_of([&] { training::create_cohort(f.db(), f.trainer(), {"2026-12-16"}); }) ==
          "week");  // a Wednesday
    CHECK(refusal([&] { training::create_cohort(f.db(), f.trainer(), {"2026-12-16"}); }).find("Friday") !=
          std::string::npos);
    CHECK(input_of([&] { training::create_cohort(f.db(), f.trainer(), {"2026-12-04"}); }) ==
          "week");  // passed
    CHECK(input_of([&] { training::create_cohort(f.db(), f.trainer(), {"11.12.2026"}); }) ==
          "week");  // taken
    const auto id = training::create_cohort(f.db(), f.trainer(), {"18.12.2026", 12});
    const auto c = training::get_cohort(f.db(), f.trainer(), id);
    CHECK(c.week_start == "2026-12-18");
    CHECK(c.capacity == 12);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'training.cohort.create'") == 2);
}

TEST_CASE("Only a trainer creates a cohort, of at most 40 places", "[training][R-TRN-5]") {
    TrainingFixture f;
    CHECK(input_of([&] { training::create_cohort(f.db(), f.trainer(), {"2026-12-18", 41}); }) == "capacity");
    CHECK(input_of([&] { training::create_cohort(f.db(), f.trainer(), {"2026-12-18", 0}); }) == "capacity");
    CHECK_FALSE(refusal([&] { training::create_cohort(f.db(), f.manager(), {"2026-12-18"}); }).empty());
    CHECK(f.count("SELECT COUNT(*) FROM cohort") == 1);
}

TEST_CASE("A dealer's manager registers only his own dealer's candidates", "[training][R-TRN-2]") {
    TrainingFixture f;
    const auto own = training::add_candidate(
        f.db(), f.manager(),
        {f.cohort, f.dealer, f.salon, "Иванов Иван", "89161234567", "", "2026-12-08", ""});
    CHECK(training::get_candidate(f.db(), f.manager(), own).phone == "+79161234567");
    CHECK_FALSE(refusal([&] {
                    training::add_candidate(f.db(), f.manager(),
                                            {f.cohort, f.other_dealer, 0, "Чужой", "", "", "2026-12-08", ""});
                }).empty());
    CHECK(input_of([&] {
              training::add_candidate(
                  f.db(), f.manager(),
                  {f.cohort, f.dealer, f.other_salon, "Не тот салон", "", "", "2026-12-08", ""});
          }) == "salon");
    f.candidate("Другов Пётр", f.other_dealer);
    // Each dealer sees only his own; head office sees both.
    CHECK(training::list_candidates(f.db(), f.manager(), f.cohort).size() == 1);
    CHECK(training::list_candidates(f.db(), f.other_manager(), f.cohort).size() == 1);
    CHECK(training::list_candidates(f.db(), f.trainer(), f.cohort).size() == 2);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'training.candidate.add'") == 2);
}

TEST_CASE("Nobody walks in: the interview comes first and bad input names its field", "[training][R-TRN-2]") {
    TrainingFixture f;
    auto form = [&](std::string date, std::string phone = "", std::string email = "") {
        return training::CandidateForm{f.cohort, f.dealer, 0, "Петров", phone, email, date, ""};
    };
    CHECK(input_of([&] { training::add_candidate(f.db(), f.manager(), form("2026-12-10")); }) ==
          "interview_date");
    CHECK(input_of([&] { training::add_candidate(f.db(), f.manager(), form("31.02.2026")); }) ==
          "interview_date");
    CHECK(input_of([&] { training::add_candidate(f.db(), f.manager(), form("2026-12-01", "12345")); }) ==
          "phone");
    CHECK(input_of([&] {
              training::add_candidate(f.db(), f.manager(), form("2026-12-01", "", "petrov@"));
          }) == "email");
    CHECK(input_of([&] {
              training::add_candidate(f.db(), f.manager(),
                                      {f.cohort, f.dealer, 0, "  ", "", "", "2026-12-01", ""});
          }) == "name");
    CHECK(f.count("SELECT COUNT(*) FROM candidate") == 0);
}

TEST_CASE("A full cohort and a past cohort take nobody", "[training][R-TRN-5][R-TRN-2]") {
    TrainingFixture f;
    const auto small = training::create_cohort(f.db(), f.trainer(), {"2026-12-18", 2});
    f.candidate("Первый", 0, small);
    f.candidate("Второй", 0, small);
    const auto full = refusal([&] { f.candidate("Третий", 0, small); });
    CHECK(full.find("2") != std::string::npos);
    CHECK(input_of([&] { f.candidate("Третий", 0, small); }) == "cohort");
    // The Friday of 11 December has passed by the database's clock on the 12th.
    f.db().set_clock(training_test_morning() + 3 * 86400);
    CHECK(input_of([&] { f.candidate("Опоздавший"); }) == "cohort");
    CHECK(f.count("SELECT COUNT(*) FROM candidate") == 2);
}

TEST_CASE("Every candidate gets a unique short code without look-alike characters", "[training][R-TRN-2]") {
    TrainingFixture f;
    std::set<std::string> codes;
    for (int i = 0; i < 15; ++i) {
        const auto code = f.code_of(f.candidate("Кандидат " + std::to_string(i)));
        CHECK(code.size() == training::kKioskCodeLength);
        CHECK(code.find_first_of("0O1IL2Z5S8B") == std::string::npos);
        codes.insert(code);
    }
    CHECK(codes.size() == 15);
    CHECK(input_of([&] { training::normalize_kiosk_code("ABC"); }) == "code");
    const auto some = *codes.begin();
    std::string typed;
    for (char c : some) typed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    CHECK(training::normalize_kiosk_code(typed.substr(0, 3) + "-" + typed.substr(3)) == some);
}

TEST_CASE("Above 20 candidates the cohort is split into two streams balanced by dealer",
          "[training][R-TRN-5]") {
    TrainingFixture f;
    const auto third_dealer = pos::save_dealer(
        f.db(), f.cli,
        {pos::DealerKind::sole_proprietor, "ИП Третьяков", "500100732259", "304500116000157", ""});
    // 20 candidates: one group, no streams.
    for (int i = 0; i < 20; ++i)
        f.candidate("К" + std::to_string(i), i < 11 ? f.dealer : (i < 17 ? f.other_dealer : third_dealer));
    for (const auto& c : training::list_candidates(f.db(), f.trainer(), f.cohort)) CHECK(c.stream == 0);
    CHECK_FALSE(training::get_cohort(f.db(), f.trainer(), f.cohort).split);
    // The 21st splits it: 11 and 10, and every dealer's candidates shared within one.
    f.candidate("К20", third_dealer);
    const auto list = training::list_candidates(f.db(), f.trainer(), f.cohort);
    std::map<int, int> size;
    std::map<std::int64_t, std::map<int, int>> by_dealer;
    for (const auto& c : list) {
        size[c.stream]++;
        by_dealer[c.dealer_id][c.stream]++;
    }
    CHECK(size[1] == 11);
    CHECK(size[2] == 10);
    for (auto& [d, s] : by_dealer) CHECK(std::abs(s[1] - s[2]) <= 1);
    CHECK(by_dealer[f.dealer][1] + by_dealer[f.dealer][2] == 11);
    CHECK(training::get_cohort(f.db(), f.trainer(), f.cohort).split);
}
