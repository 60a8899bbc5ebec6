// The entrance test's attempt (R-TRN-6): drawn and frozen at the start, answers saved as given, a deadline
// fixed by the database's clock, submission by the candidate, at the deadline or overdue, resumption with
// the same code, extra time for an outage.
#include "pos/core/common/FormInput.hpp"
#include "tests/training_core/TrainingFixture.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace salon;
using namespace salon::test;
using training::start_attempt;

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

TEST_CASE("Starting draws 4 questions of each topic, latest versions, none retired, frozen with the attempt",
          "[training][R-TRN-6]") {
    TrainingFixture f;
    const auto code = f.code_of(f.candidate("Иванов"));
    const auto s = start_attempt(f.db(), f.key, code, "kiosk-1");
    CHECK(s.how == training::AttemptStart::started);
    const auto& a = s.attempt;
    REQUIRE(a.slots.size() == 16);
    std::map<training::Topic, int> per_topic;
    for (const auto& slot : a.slots) {
        per_topic[slot.topic]++;
        CHECK(slot.text != "Снятый вопрос");
        CHECK(slot.text.find("(v1)") == std::string::npos);  // the old version of a question is never drawn
        CHECK(slot.answer.is_null());
    }
    for (auto t : training::kAllTopics) CHECK(per_topic[t] == 4);
    CHECK(a.started_at == training_test_morning());
    CHECK(a.deadline_at == a.started_at + 15 * 60);
    CHECK(a.seconds_left() == 15 * 60);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'training.attempt.start'") == 1);
    // The frozen questions do not follow later edits of the bank.
    f.db().run("UPDATE question_version SET text = 'Изменён'");
    const auto again = training::get_attempt(f.db(), f.key, a.id);
    CHECK(again.slots.front().text == a.slots.front().text);
}

TEST_CASE("Unknown codes and used codes are refused; one attempt per candidate", "[training][R-TRN-6]") {
    TrainingFixture f;
    CHECK(input_of([&] { start_attempt(f.db(), f.key, "XXXXXX", "k"); }) == "code");
    CHECK(input_of([&] { start_attempt(f.db(), f.key, "12", "k"); }) == "code");
    const auto code = f.code_of(f.candidate("Иванов"));
    const auto a = start_attempt(f.db(), f.key, code, "k").attempt;
    training::submit_attempt(f.db(), f.key, a.id);
    const auto used = refusal([&] { start_attempt(f.db(), f.key, code, "k"); });
    CHECK(used.find("used") != std::string::npos);
    CHECK(f.count("SELECT COUNT(*) FROM attempt") == 1);
    CHECK_FALSE(refusal([&] { training::submit_attempt(f.db(), f.key, a.id); }).empty());
}

TEST_CASE("Starting again while the attempt is open resumes the same questions with the time left",
          "[training][R-TRN-6]") {
    TrainingFixture f;
    const auto code = f.code_of(f.candidate("Иванов"));
    const auto first = start_attempt(f.db(), f.key, code, "k").attempt;
    training::answer_slot(f.db(), f.key, first.id, 3, f.right_answer(first.id, 3));
    f.db().set_clock(training_test_morning() + 400);  // the kiosk crashed and was restarted
    const auto resumed = start_attempt(f.db(), f.key, code, "k2");
    CHECK(resumed.how == training::AttemptStart::resumed);
    CHECK(resumed.attempt.id == first.id);
    CHECK(resumed.attempt.seconds_left() == 15 * 60 - 400);
    for (int i = 0; i < 16; ++i) {
        CHECK(resumed.attempt.slots[i].text == first.slots[i].text);
        CHECK(resumed.attempt.slots[i].options == first.slots[i].options);
    }
    CHECK(resumed.attempt.slots[2].answer == f.right_answer(first.id, 3));
}

TEST_CASE("Answers are saved as given and may change until submission; the score counts the right ones",
          "[training][R-TRN-6]") {
    TrainingFixture f;
    const auto a = start_attempt(f.db(), f.key, f.code_of(f.candidate("Иванов")), "k").attempt;
    for (int n = 1; n <= 10; ++n) training::answer_slot(f.db(), f.key, a.id, n, f.right_answer(a.id, n));
    training::answer_slot(f.db(), f.key, a.id, 11, f.wrong_answer(a.id, 11));
    training::answer_slot(f.db(), f.key, a.id, 10, f.wrong_answer(a.id, 10));  // changed his mind
    training::answer_slot(f.db(), f.key, a.id, 10, f.right_answer(a.id, 10));  // and back
    training::answer_slot(f.db(), f.key, a.id, 11, nullptr);                   // cleared
    CHECK(training::get_attempt(f.db(), f.key, a.id).answered() == 10);
    CHECK(input_of([&] { training::answer_slot(f.db(), f.key, a.id, 17, nlohmann::json::array({0})); }) ==
          "slot");
    CHECK(input_of([&] { training::answer_slot(f.db(), f.key, a.id, 1, nlohmann::json::array({9})); }) ==
          "answer");
    f.db().set_clock(training_test_morning() + 600);
    const auto done = training::submit_attempt(f.db(), f.key, a.id);
    CHECK(done.submitted_how == "candidate");
    CHECK(done.submitted_at == training_test_morning() + 600);
    CHECK(done.correct_count == 10);
    CHECK(done.passed);
    // Nobody changes answers after submission.
    CHECK_FALSE(
        refusal([&] { training::answer_slot(f.db(), f.key, a.id, 12, f.right_answer(a.id, 12)); }).empty());
    CHECK(training::get_attempt(f.db(), f.key, a.id).answered() == 10);
}

TEST_CASE("Nine right answers do not pass", "[training][R-TRN-6]") {
    TrainingFixture f;
    const auto a = start_attempt(f.db(), f.key, f.code_of(f.candidate("Иванов")), "k").attempt;
    for (int n = 1; n <= 9; ++n) training::answer_slot(f.db(), f.key, a.id, n, f.right_answer(a.id, n));
    for (int n = 10; n <= 16; ++n) training::answer_slot(f.db(), f.key, a.id, n, f.wrong_answer(a.id, n));
    const auto done = training::submit_attempt(f.db(), f.key, a.id);
    CHECK(done.correct_count == 9);
    CHECK_FALSE(done.passed);
}

TEST_CASE("At the deadline the saved answers are submitted and later answers change nothing",
          "[training][R-TRN-6]") {
    TrainingFixture f;
    const auto a = start_attempt(f.db(), f.key, f.code_of(f.candidate("Иванов")), "k").attempt;
    for (int n = 1; n <= 4; ++n) training::answer_slot(f.db(), f.key, a.id, n, f.right_answer(a.id, n));
    // A kiosk whose timer runs ahead of the database's clock cannot submit early.
    f.db().set_clock(a.deadline_at - 2);
    CHECK_FALSE(training::submit_at_deadline(f.db(), f.key, a.id).submitted());
    f.db().set_clock(a.deadline_at);
    const auto late =
        refusal([&] { training::answer_slot(f.db(), f.key, a.id, 5, f.right_answer(a.id, 5)); });
    CHECK(late.find("Time is up") != std::string::npos);
    CHECK(f.count("SELECT COUNT(*) FROM attempt_slot WHERE answer IS NOT NULL") == 4);
    const auto done = training::submit_at_deadline(f.db(), f.key, a.id);
    CHECK(done.submitted_how == "deadline");
    CHECK(done.submitted_at == a.deadline_at);
    CHECK(done.correct_count == 4);
    CHECK(done.answered() == 4);
}

TEST_CASE("An attempt whose kiosk died is finished by whoever reads it after its deadline",
          "[training][R-TRN-6]") {
    TrainingFixture f;
    const auto code = f.code_of(f.candidate("Иванов"));
    const auto a = start_attempt(f.db(), f.key, code, "k").attempt;
    training::answer_slot(f.db(), f.key, a.id, 1, f.right_answer(a.id, 1));
    f.db().set_clock(a.deadline_at + 3600);
    const auto list = training::list_attempts(f.db(), f.trainer(), f.cohort);
    REQUIRE(list.size() == 1);
    CHECK(list.front().submitted_how == "overdue");
    CHECK(list.front().submitted_at == a.deadline_at);
    CHECK(list.front().correct_count == 1);

    // Restarting the kiosk with the code after the deadline shows the result rather than 0:00.
    const auto other_code = f.code_of(f.candidate("Петров"));
    const auto b = start_attempt(f.db(), f.key, other_code, "k").attempt;
    f.db().set_clock(b.deadline_at + 1);
    const auto again = start_attempt(f.db(), f.key, other_code, "k");
    CHECK(again.how == training::AttemptStart::finished_now);
    CHECK(again.attempt.submitted_how == "overdue");
}

TEST_CASE("A trainer grants extra time for an outage, journaled, only before submission",
          "[training][R-TRN-6]") {
    TrainingFixture f;
    const auto a = start_attempt(f.db(), f.key, f.code_of(f.candidate("Иванов")), "k").attempt;
    CHECK(input_of([&] { training::grant_extra_time(f.db(), f.trainer(), a.id, 0, "сбой"); }) == "minutes");
    CHECK(input_of([&] { training::grant_extra_time(f.db(), f.trainer(), a.id, 5, " "); }) == "reason");
    CHECK_FALSE(refusal([&] { training::grant_extra_time(f.db(), f.manager(), a.id, 5, "сбой"); }).empty());
    const auto g = training::grant_extra_time(f.db(), f.trainer(), a.id, 5, "Пропала сеть");
    CHECK(g.deadline_at == a.deadline_at + 300);
    CHECK(f.count("SELECT COUNT(*) FROM attempt_extra_time") == 1);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'training.attempt.grant'") == 1);
    // Past the first deadline, still open thanks to the grant: answers are taken.
    f.db().set_clock(a.deadline_at + 60);
    training::answer_slot(f.db(), f.key, a.id, 1, f.right_answer(a.id, 1));
    training::submit_attempt(f.db(), f.key, a.id);
    CHECK_FALSE(refusal([&] { training::grant_extra_time(f.db(), f.trainer(), a.id, 5, "сбой"); }).empty());
    CHECK(f.count("SELECT COUNT(*) FROM attempt_extra_time") == 1);
}

TEST_CASE("A bank too small for the test starts nothing", "[training][R-TRN-6]") {
    TrainingFixture f;
    const long long now = f.db().now();
    f.db().run("UPDATE question SET retired_at = :n WHERE topic = 'gadgets'", soci::use(now));
    const auto code = f.code_of(f.candidate("Иванов"));
    CHECK(refusal([&] { start_attempt(f.db(), f.key, code, "k"); }).find("needs 4") != std::string::npos);
    CHECK(f.count("SELECT COUNT(*) FROM attempt") == 0);
    CHECK(f.count("SELECT COUNT(*) FROM attempt_slot") == 0);
}

TEST_CASE("A dealer sees only his own candidates' attempts", "[training][R-TRN-6]") {
    TrainingFixture f;
    const auto mine = start_attempt(f.db(), f.key, f.code_of(f.candidate("Свой")), "k").attempt;
    const auto theirs =
        start_attempt(f.db(), f.key, f.code_of(f.candidate("Чужой", f.other_dealer)), "k").attempt;
    CHECK(training::list_attempts(f.db(), f.manager(), f.cohort).size() == 1);
    CHECK(training::get_attempt(f.db(), f.manager(), mine.id).id == mine.id);
    CHECK(input_of([&] { training::get_attempt(f.db(), f.manager(), theirs.id); }) == "attempt");
}

TEST_CASE("Extra time still reaches an attempt past its deadline that nobody has finished (an outage)",
          "[training][R-TRN-6]") {
    TrainingFixture f;
    const auto a = start_attempt(f.db(), f.key, f.code_of(f.candidate("Иванов")), "k").attempt;
    // The kiosk lost the database at 14:00 and nobody read the attempt since.
    f.db().set_clock(a.deadline_at + 120);
    const auto g = training::grant_extra_time(f.db(), f.trainer(), a.id, 5, "Сеть пропала на 5 минут");
    CHECK_FALSE(g.submitted());
    CHECK(g.seconds_left() == 180);
    training::answer_slot(f.db(), f.key, a.id, 1, f.right_answer(a.id, 1));
    CHECK(training::get_attempt(f.db(), f.key, a.id).answered() == 1);
}

TEST_CASE("A clock moved backwards never gives a candidate time back, nor reopens an answer after the deadline",
          "[training][R-TRN-6][clock]") {
    TrainingFixture f;
    const auto code = f.code_of(f.candidate("Иванов"));
    const auto a = start_attempt(f.db(), f.key, code, "k").attempt;
    f.db().set_clock(training_test_morning() + 600);
    training::answer_slot(f.db(), f.key, a.id, 1, f.right_answer(a.id, 1));
    // The PC's clock jumps back ten minutes (a bad time sync): the attempt still has 5 minutes, not 15.
    f.db().set_clock(training_test_morning() + 0);
    CHECK(training::get_attempt(f.db(), f.key, a.id).seconds_left() == 15 * 60 - 600);
    const auto resumed = start_attempt(f.db(), f.key, code, "k2");
    CHECK(resumed.attempt.seconds_left() == 15 * 60 - 600);
    training::answer_slot(f.db(), f.key, a.id, 2, f.right_answer(a.id, 2));
    // An answer given a second before the deadline leaves one second, whatever the clock says afterwards.
    f.db().set_clock(a.deadline_at - 1);
    training::answer_slot(f.db(), f.key, a.id, 3, f.right_answer(a.id, 3));
    f.db().set_clock(a.deadline_at - 300);
    CHECK(training::get_attempt(f.db(), f.key, a.id).seconds_left() == 1);
    // Submitted by the candidate while the clock reads earlier than the answers: dated no earlier than them.
    const auto done = training::submit_attempt(f.db(), f.key, a.id);
    CHECK(done.submitted_at == a.deadline_at - 1);
}
