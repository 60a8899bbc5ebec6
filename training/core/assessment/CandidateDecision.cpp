#include "training/core/assessment/CandidateDecision.hpp"

#include "db/Database.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "training/core/assessment/CandidateAccess.hpp"

namespace salon::training {

std::string_view to_string(VoteRule rule) {
    switch (rule) {
    case VoteRule::majority: return "majority";
    case VoteRule::unanimous: return "unanimous";
    case VoteRule::trainers_and_dealers: return "trainers_and_dealers";
    }
    return "majority";
}

VoteRule vote_rule_from_string(std::string_view code) {
    if (code == "majority") return VoteRule::majority;
    if (code == "unanimous") return VoteRule::unanimous;
    if (code == "trainers_and_dealers") return VoteRule::trainers_and_dealers;
    throw pos::InputError("vote_rule", tr("Voting rule"), tr("must be majority, unanimous or trainers_and_dealers"));
}

Text vote_rule_title(VoteRule rule) {
    switch (rule) {
    case VoteRule::majority: return tr("Majority of all votes");
    case VoteRule::unanimous: return tr("Unanimous");
    case VoteRule::trainers_and_dealers: return tr("Majority of trainers and majority of dealers");
    }
    return tr("Majority of all votes");
}

std::string_view to_string(Vote vote) { return vote == Vote::go_on ? "continue" : "stop"; }

Vote vote_from_string(std::string_view code) {
    if (code == "continue") return Vote::go_on;
    if (code == "stop") return Vote::stop;
    throw pos::InputError("vote", tr("Vote"), tr("must be continue or stop"));
}

Vote apply_vote_rule(VoteRule rule, const VoteTally& t) {
    const int go = t.trainers_continue + t.dealers_continue;
    const int stop = t.trainers_stop + t.dealers_stop;
    if (go + stop == 0) throw RefusedError(tr("Nobody has voted on this candidate yet."));
    switch (rule) {
    case VoteRule::majority: return go > stop ? Vote::go_on : Vote::stop;
    case VoteRule::unanimous: return stop == 0 ? Vote::go_on : Vote::stop;
    case VoteRule::trainers_and_dealers:
        if (t.trainers_continue + t.trainers_stop == 0)
            throw RefusedError(tr("The rule needs the trainers' votes and no trainer has voted yet."));
        if (t.dealers_continue + t.dealers_stop == 0)
            throw RefusedError(tr("The rule needs the dealers' votes and no dealer has voted yet."));
        return t.trainers_continue > t.trainers_stop && t.dealers_continue > t.dealers_stop ? Vote::go_on
                                                                                            : Vote::stop;
    }
    return Vote::stop;
}

VoteTally tally(const std::vector<CastVote>& votes) {
    VoteTally t;
    for (const auto& v : votes) {
        if (v.dealer)
            (v.vote == Vote::go_on ? t.dealers_continue : t.dealers_stop) += 1;
        else
            (v.vote == Vote::go_on ? t.trainers_continue : t.trainers_stop) += 1;
    }
    return t;
}

void set_vote_rule(db::Database& db, const pos::Actor& actor, std::int64_t cohort_id, VoteRule rule) {
    actor.require(db, pos::Permission::run_training);
    db::WriteTransaction tx(db);
    long long id = cohort_id, closed = 0;
    std::string before;
    soci::indicator closed_ind;
    if (!db.run("SELECT vote_rule, closed_at FROM cohort WHERE id = :id", soci::use(id), soci::into(before),
                soci::into(closed, closed_ind)))
        throw pos::InputError("cohort", tr("Cohort"), trf("no cohort with number {1}", {std::to_string(cohort_id)}));
    if (closed_ind == soci::i_ok) throw RefusedError(tr("The week is closed: its results are final."));
    const std::string code(to_string(rule));
    db.run("UPDATE cohort SET vote_rule = :r WHERE id = :id", soci::use(code), soci::use(id));
    actor.record(db, "cohort.vote_rule", "cohort:" + std::to_string(cohort_id), "from=" + before + " to=" + code);
    tx.commit();
}

void cast_vote(db::Database& db, const pos::Actor& actor, std::int64_t candidate_id, Vote vote,
               const std::string& comment_text) {
    require_assessor(db, actor);
    if (actor.staff_id() == 0) throw RefusedError(tr("A vote is a person's own: sign in as the voter (--as)."));
    const std::string comment =
        comment_text.empty() ? std::string() : pos::required_text("comment", tr("Comment"), comment_text);
    db::WriteTransaction tx(db);
    const CandidateRecord c = read_candidate(db, actor, candidate_id);
    require_open_cohort(c);
    if (c.status == "dropped_out")
        throw RefusedError(trf("{1} dropped out: there is nothing to vote on.", {c.full_name}));
    const long long candidate = c.id, voter = actor.staff_id(), now = db.now();
    const std::string code(to_string(vote));
    const long long changed = db.update(
        "UPDATE candidate_vote SET vote = :v, comment = :c, cast_at = :at WHERE candidate_id = :cand AND voter_id = :voter",
        soci::use(code), soci::use(comment), soci::use(now), soci::use(candidate), soci::use(voter));
    if (changed == 0)
        db.run("INSERT INTO candidate_vote (candidate_id, voter_id, vote, comment, cast_at) "
               "VALUES (:cand, :voter, :v, :c, :at)",
               soci::use(candidate), soci::use(voter), soci::use(code), soci::use(comment), soci::use(now));
    actor.record(db, "candidate.vote", "candidate:" + std::to_string(candidate),
                 std::string(changed ? "changed" : "cast") + " vote=" + code);
    tx.commit();
}

namespace {
std::vector<CastVote> read_votes(db::Database& db, long long candidate) {
    std::vector<CastVote> out;
    CastVote v;
    long long voter = 0, at = 0;
    std::string role, vote;
    db::Statement st = db.query(
        "SELECT v.voter_id, m.full_name, m.role, v.vote, v.comment, v.cast_at FROM candidate_vote v "
        "JOIN staff m ON m.id = v.voter_id WHERE v.candidate_id = :c ORDER BY m.full_name, v.voter_id",
        soci::use(candidate), soci::into(voter), soci::into(v.voter_name), soci::into(role), soci::into(vote),
        soci::into(v.comment), soci::into(at));
    st.execute();
    while (st.fetch()) {
        v.voter_id = voter;
        v.dealer = role == "dealer_manager";
        v.vote = vote_from_string(vote);
        v.cast_at = at;
        out.push_back(v);
    }
    return out;
}
}  // namespace

std::vector<CastVote> votes_on(db::Database& db, const pos::Actor& actor, std::int64_t candidate_id) {
    require_assessor(db, actor);
    return read_votes(db, read_candidate(db, actor, candidate_id).id);
}

Vote decide(db::Database& db, const pos::Actor& actor, std::int64_t candidate_id) {
    actor.require(db, pos::Permission::run_training);
    db::WriteTransaction tx(db);
    const CandidateRecord c = read_candidate(db, actor, candidate_id);
    require_open_cohort(c);
    if (c.status == "dropped_out") throw RefusedError(trf("{1} dropped out: there is nothing to decide.", {c.full_name}));
    const VoteRule rule = pos::parse_input("vote_rule", [&] { return vote_rule_from_string(c.vote_rule); });
    const Vote result = apply_vote_rule(rule, tally(read_votes(db, c.id)));
    const std::string code(to_string(result));
    const long long now = db.now(), by = actor.staff_id(), id = c.id;
    soci::indicator by_ind = by ? soci::i_ok : soci::i_null;
    db.run("UPDATE candidate SET decision = :d, decided_at = :at, decided_by = :by WHERE id = :id", soci::use(code),
           soci::use(now), soci::use(by, by_ind), soci::use(id));
    actor.record(db, "candidate.decide", "candidate:" + std::to_string(id),
                 "rule=" + c.vote_rule + " decision=" + code);
    tx.commit();
    return result;
}

void record_drop_out(db::Database& db, const pos::Actor& actor, std::int64_t candidate_id,
                     const std::string& note_text) {
    actor.require(db, pos::Permission::run_training);
    const std::string note = note_text.empty() ? std::string() : pos::required_text("note", tr("Note"), note_text);
    db::WriteTransaction tx(db);
    const CandidateRecord c = read_candidate(db, actor, candidate_id);
    require_open_cohort(c);
    if (c.status == "dropped_out") throw RefusedError(trf("{1} is already recorded as dropped out.", {c.full_name}));
    const long long now = db.now(), id = c.id;
    soci::indicator note_ind = note.empty() ? soci::i_null : soci::i_ok;
    db.run("UPDATE candidate SET status = 'dropped_out', dropped_at = :at, dropped_note = :n WHERE id = :id",
           soci::use(now), soci::use(note, note_ind), soci::use(id));
    // The note may name a person's reasons: named, never written to the journal.
    actor.record(db, "candidate.drop_out", "candidate:" + std::to_string(id),
                 std::string("note=") + (note.empty() ? "no" : "yes"));
    tx.commit();
}

std::string join_on_monday(db::Database& db, const pos::Actor& actor, std::int64_t candidate_id) {
    actor.require(db, pos::Permission::run_training);
    db::WriteTransaction tx(db);
    const CandidateRecord c = read_candidate(db, actor, candidate_id);
    require_open_cohort(c);
    if (c.status == "dropped_out") throw RefusedError(trf("{1} dropped out.", {c.full_name}));
    long long attempts = 0, id = c.id;
    db.run("SELECT count(*) FROM attempt WHERE candidate_id = :c", soci::use(id), soci::into(attempts));
    if (attempts > 0)
        throw RefusedError(trf("{1} already took the entrance test: he did not miss the Friday.", {c.full_name}));
    // R-TRN-1: the week starts on the Friday; classes run from the Monday three days later.
    const std::string monday =
        pos::CalendarDate::parse(c.week_start, "week_start", tr("Week start")).plus_days(3).iso();
    db.run("UPDATE candidate SET joins_on = :d WHERE id = :id", soci::use(monday), soci::use(id));
    actor.record(db, "candidate.joins_monday", "candidate:" + std::to_string(id), "joins_on=" + monday);
    tx.commit();
    return monday;
}

}  // namespace salon::training
