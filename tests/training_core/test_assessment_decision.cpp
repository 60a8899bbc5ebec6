// Votes and the decision on who continues (R-TRN-4, R-TRN-10), drop-outs (R-TRN-9) and the Monday join
// (R-TRN-10).
#include "tests/training_core/AssessmentFixture.hpp"
#include "training/core/assessment/CandidateDecision.hpp"

#include <catch2/catch.hpp>

using namespace salon;
using namespace salon::training;
using namespace salon::test;

namespace {
VoteTally votes(int tc, int ts, int dc, int ds) { return {tc, ts, dc, ds}; }
}  // namespace

TEST_CASE("Each voting rule turns the votes into a decision", "[training][R-TRN-4][R-TRN-10]") {
    CHECK(apply_vote_rule(VoteRule::majority, votes(2, 1, 0, 0)) == Vote::go_on);
    CHECK(apply_vote_rule(VoteRule::majority, votes(1, 1, 0, 0)) == Vote::stop);  // a tie is no majority
    CHECK(apply_vote_rule(VoteRule::majority, votes(0, 2, 3, 0)) == Vote::go_on);
    CHECK(apply_vote_rule(VoteRule::unanimous, votes(3, 0, 2, 0)) == Vote::go_on);
    CHECK(apply_vote_rule(VoteRule::unanimous, votes(3, 0, 2, 1)) == Vote::stop);
    CHECK(apply_vote_rule(VoteRule::trainers_and_dealers, votes(2, 0, 1, 0)) == Vote::go_on);
    CHECK(apply_vote_rule(VoteRule::trainers_and_dealers, votes(2, 0, 1, 1)) == Vote::stop);  // dealers tied
    CHECK(apply_vote_rule(VoteRule::trainers_and_dealers, votes(0, 1, 5, 0)) == Vote::stop);
    CHECK_FALSE(refusal([] { apply_vote_rule(VoteRule::trainers_and_dealers, votes(2, 0, 0, 0)); }).empty());
    CHECK_FALSE(refusal([] { apply_vote_rule(VoteRule::majority, votes(0, 0, 0, 0)); }).empty());
    for (auto r : {VoteRule::majority, VoteRule::unanimous, VoteRule::trainers_and_dealers})
        CHECK(vote_rule_from_string(to_string(r)) == r);
    try {
        vote_rule_from_string("loudest");
        FAIL("an unknown rule was accepted");
    } catch (const pos::InputError& e) {
        CHECK(e.input() == "vote_rule");
    }
}

TEST_CASE("Trainers and dealers vote, the trainer's rule decides, recorded with who decided and when",
          "[training][R-TRN-4][R-TRN-10]") {
    AssessmentFixture f;
    const auto c = f.add_candidate("Иванов Пётр", f.other_dealer, f.other_salon);
    f.add_candidate("Петрова Анна", f.dealer, f.salon);  // so the first dealer attends this week too

    CHECK_FALSE(refusal([&] { decide(f.db(), f.trainer(), c); }).empty());  // nobody voted yet
    cast_vote(f.db(), f.trainer(), c, Vote::go_on);
    cast_vote(f.db(), f.trainer2(), c, Vote::go_on, "хорошо слушает");
    // R-TRN-4: a dealer at the assessment votes on another dealer's candidate too.
    cast_vote(f.db(), f.manager(), c, Vote::stop);
    cast_vote(f.db(), f.other_manager(), c, Vote::stop);
    CHECK(tally(votes_on(f.db(), f.trainer(), c)).dealers_stop == 2);

    CHECK(decide(f.db(), f.trainer(), c) == Vote::stop);  // majority: 2 against 2 is a tie
    cast_vote(f.db(), f.other_manager(), c, Vote::go_on);  // a vote changed, not added
    CHECK(f.count("SELECT count(*) FROM candidate_vote") == 4);
    CHECK(decide(f.db(), f.trainer(), c) == Vote::go_on);

    set_vote_rule(f.db(), f.trainer(), f.cohort, VoteRule::trainers_and_dealers);
    CHECK(decide(f.db(), f.trainer(), c) == Vote::stop);  // the dealers are split 1 to 1
    set_vote_rule(f.db(), f.trainer(), f.cohort, VoteRule::unanimous);
    CHECK(decide(f.db(), f.trainer(), c) == Vote::stop);

    CHECK(f.text("SELECT decision FROM candidate WHERE id = :id", c) == "stop");
    CHECK(f.count("SELECT decided_by FROM candidate WHERE id = " + std::to_string(c)) == f.trainer_id);
    CHECK(f.count("SELECT decided_at FROM candidate WHERE id = " + std::to_string(c)) == f.db().now());
    CHECK(f.count("SELECT count(*) FROM audit_entry WHERE action = 'candidate.decide'") == 4);
    CHECK(f.count("SELECT count(*) FROM audit_entry WHERE action = 'cohort.vote_rule'") == 2);

    // Deciding and setting the rule are the trainer's; a dealer only votes.
    CHECK_FALSE(refusal([&] { decide(f.db(), f.manager(), c); }).empty());
    CHECK_FALSE(refusal([&] { set_vote_rule(f.db(), f.manager(), f.cohort, VoteRule::majority); }).empty());
    CHECK_FALSE(refusal([&] { cast_vote(f.db(), f.specialist(), c, Vote::go_on); }).empty());
    CHECK(f.text("SELECT vote_rule FROM cohort WHERE id = :id", f.cohort) == "unanimous");
}

TEST_CASE("A candidate who leaves is recorded as dropped out with the time and gets no more votes",
          "[training][R-TRN-9]") {
    AssessmentFixture f;
    const auto c = f.add_candidate("Уходов Семён", f.dealer, f.salon);
    f.db().set_clock(moscow_noon(kWeekStart) + 2 * 3600 + 5 * 60);  // 14:05 in Moscow
    record_drop_out(f.db(), f.trainer(), c, "ушёл после кейсов");
    CHECK(f.text("SELECT status FROM candidate WHERE id = :id", c) == "dropped_out");
    CHECK(f.count("SELECT dropped_at FROM candidate WHERE id = " + std::to_string(c)) == f.db().now());
    CHECK(f.text("SELECT dropped_note FROM candidate WHERE id = :id", c) == "ушёл после кейсов");
    CHECK(f.count("SELECT count(*) FROM audit_entry WHERE action = 'candidate.drop_out'") == 1);
    CHECK_FALSE(refusal([&] { record_drop_out(f.db(), f.trainer(), c); }).empty());
    CHECK_FALSE(refusal([&] { cast_vote(f.db(), f.trainer(), c, Vote::go_on); }).empty());
    CHECK_FALSE(refusal([&] { decide(f.db(), f.trainer(), c); }).empty());
    CHECK(f.count("SELECT count(*) FROM candidate_vote") == 0);
    // Only the trainer records it.
    const auto other = f.add_candidate("Стоиков Лев", f.dealer, f.salon);
    CHECK_FALSE(refusal([&] { record_drop_out(f.db(), f.manager(), other); }).empty());
    CHECK(f.text("SELECT status FROM candidate WHERE id = :id", other) == "registered");
}

TEST_CASE("A candidate who missed Friday joins on the Monday after it", "[training][R-TRN-10]") {
    AssessmentFixture f;
    const auto missed = f.add_candidate("Опоздалов Юрий", f.dealer, f.salon);
    CHECK(join_on_monday(f.db(), f.trainer(), missed) == "2026-10-05");
    CHECK(f.text("SELECT joins_on FROM candidate WHERE id = :id", missed) == "2026-10-05");
    const auto present = f.add_candidate("Вовремя Ирина", f.dealer, f.salon);
    f.add_attempt(present, 12);
    CHECK_FALSE(refusal([&] { join_on_monday(f.db(), f.trainer(), present); }).empty());
    CHECK(f.text("SELECT joins_on FROM candidate WHERE id = :id", present).empty());
}
