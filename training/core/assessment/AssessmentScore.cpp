#include "training/core/assessment/AssessmentScore.hpp"

#include "db/Database.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/FormInput.hpp"
#include "training/core/assessment/CandidateAccess.hpp"
#include "training/core/assessment/Rubric.hpp"

#include <algorithm>
#include <map>

namespace salon::training {

bool raters_disagree(const std::vector<int>& points, int margin) {
    if (points.size() < 2) return false;
    const auto [lo, hi] = std::minmax_element(points.begin(), points.end());
    return *hi - *lo > margin;
}

void record_score(db::Database& db, const pos::Actor& actor, const ScoreForm& form) {
    require_assessor(db, actor);
    if (actor.staff_id() == 0)
        throw RefusedError(tr("A score is a person's own: sign in as the rater (--as)."));
    const std::string comment =
        form.comment.empty() ? std::string() : pos::required_text("comment", tr("Comment"), form.comment);
    db::WriteTransaction tx(db);
    const CandidateRecord c = read_candidate(db, actor, form.candidate_id);
    require_open_cohort(c);
    if (c.status == "dropped_out")
        throw RefusedError(trf("{1} dropped out: there is nothing more to score.", {c.full_name}));
    long long criterion = form.criterion_id, rubric = 0;
    int max_points = 0;
    soci::indicator retired_ind;
    long long retired = 0;
    if (!db.run("SELECT c.rubric_id, c.max_points, r.retired_at FROM rubric_criterion c "
                "JOIN rubric r ON r.id = c.rubric_id WHERE c.id = :id",
                soci::use(criterion), soci::into(rubric), soci::into(max_points), soci::into(retired, retired_ind)) ||
        retired_ind == soci::i_ok)
        throw pos::InputError("criterion", tr("Criterion"),
                              trf("no criterion with number {1} in a rubric in use", {std::to_string(form.criterion_id)}));
    if (form.points < 0 || form.points > max_points)
        throw pos::InputError("points", tr("Points"), trf("must be from 0 to {1}", {std::to_string(max_points)}));
    const long long candidate = c.id, rater = actor.staff_id(), now = db.now();
    const int points = form.points;
    const long long changed = db.update(
        "UPDATE assessment_score SET points = :p, comment = :c, scored_at = :at "
        "WHERE candidate_id = :cand AND criterion_id = :crit AND rater_id = :r",
        soci::use(points), soci::use(comment), soci::use(now), soci::use(candidate), soci::use(criterion),
        soci::use(rater));
    if (changed == 0)
        db.run("INSERT INTO assessment_score (candidate_id, criterion_id, rater_id, points, comment, scored_at) "
               "VALUES (:cand, :crit, :r, :p, :c, :at)",
               soci::use(candidate), soci::use(criterion), soci::use(rater), soci::use(points), soci::use(comment),
               soci::use(now));
    actor.record(db, "assessment.score", "candidate:" + std::to_string(candidate),
                 std::string(changed ? "changed" : "scored") + " criterion=" + std::to_string(criterion) +
                     " points=" + std::to_string(points));
    tx.commit();
}

std::vector<CriterionScores> candidate_scores(db::Database& db, const pos::Actor& actor, std::int64_t candidate_id) {
    require_assessor(db, actor);
    const CandidateRecord c = read_candidate(db, actor, candidate_id);
    std::vector<CriterionScores> out;
    std::map<std::int64_t, std::size_t> at;  // criterion -> index in out
    for (const Rubric& r : list_rubrics(db)) {
        for (const auto& k : r.criteria) {
            CriterionScores s;
            s.rubric_id = r.id;
            s.rubric_title = r.title;
            s.criterion_id = k.id;
            s.criterion_title = k.title;
            s.max_points = k.max_points;
            s.margin = r.margin;
            at[k.id] = out.size();
            out.push_back(s);
        }
    }
    std::vector<std::pair<std::int64_t, RaterScore>> all;
    {
        long long cand = c.id, criterion = 0, rater = 0, scored_at = 0;
        RaterScore s;
        db::Statement st = db.query(
            "SELECT s.criterion_id, s.rater_id, m.full_name, s.points, s.comment, s.scored_at "
            "FROM assessment_score s JOIN staff m ON m.id = s.rater_id WHERE s.candidate_id = :c "
            "ORDER BY m.full_name, s.rater_id",
            soci::use(cand), soci::into(criterion), soci::into(rater), soci::into(s.rater_name),
            soci::into(s.points), soci::into(s.comment), soci::into(scored_at));
        st.execute();
        while (st.fetch()) {
            s.rater_id = rater;
            s.scored_at = scored_at;
            all.emplace_back(criterion, s);
        }
    }
    const std::int64_t me = actor.staff_id();
    for (const auto& [criterion, s] : all) {
        auto it = at.find(criterion);
        if (it == at.end()) continue;  // a retired rubric's score
        CriterionScores& row = out[it->second];
        ++row.rater_count;
        if (me != 0 && s.rater_id == me) row.own = s;
        else row.others.push_back(s);
    }
    // A rubric is open to the actor once he scored each of its criteria.
    std::map<std::int64_t, bool> complete;
    for (const auto& row : out) {
        auto [it, fresh] = complete.emplace(row.rubric_id, true);
        it->second = it->second && row.own.has_value();
    }
    for (auto& row : out) {
        row.others_hidden = !complete[row.rubric_id];
        if (row.others_hidden) {
            row.others.clear();
            continue;
        }
        std::vector<int> points;
        if (row.own) points.push_back(row.own->points);
        for (const auto& o : row.others) points.push_back(o.points);
        if (!points.empty()) {
            double sum = 0;
            for (int p : points) sum += p;
            row.average = sum / static_cast<double>(points.size());
        }
        row.disagreement = raters_disagree(points, row.margin);
    }
    return out;
}

}  // namespace salon::training
