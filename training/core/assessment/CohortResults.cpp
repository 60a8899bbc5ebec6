#include "training/core/assessment/CohortResults.hpp"

#include "db/Database.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "training/core/assessment/AssessmentScore.hpp"
#include "training/core/assessment/CandidateAccess.hpp"
#include "training/core/assessment/Rubric.hpp"

#include <map>

namespace salon::training {

CohortResults cohort_results(db::Database& db, const pos::Actor& actor, std::int64_t cohort_id) {
    if (!actor.may(db, pos::Permission::run_training) && !actor.may(db, pos::Permission::record_votes))
        actor.require(db, pos::Permission::view_dealer_reports);
    CohortResults out;
    long long cohort = cohort_id, closed = 0;
    soci::indicator closed_ind;
    if (!db.run("SELECT week_start, vote_rule, closed_at FROM cohort WHERE id = :id", soci::use(cohort),
                soci::into(out.week_start), soci::into(out.vote_rule), soci::into(closed, closed_ind)) ||
        !attends_cohort(db, actor, cohort_id))
        throw pos::InputError("cohort", tr("Cohort"), trf("no cohort with number {1}", {std::to_string(cohort_id)}));
    out.cohort_id = cohort_id;
    out.closed = closed_ind == soci::i_ok;
    out.dealer_scope = actor.is_head_office() ? 0 : actor.dealer_id();

    std::map<std::int64_t, std::size_t> column;
    std::map<std::int64_t, int> margin;
    for (const Rubric& r : list_rubrics(db))
        for (const auto& c : r.criteria) {
            column[c.id] = out.criteria.size();
            margin[c.id] = r.margin;
            out.criteria.push_back({c.id, r.title, c.title, c.max_points});
        }

    std::map<std::int64_t, std::size_t> row_of;
    {
        CandidateResult r;
        long long id = 0, dealer = 0, dropped = 0, all = out.dealer_scope == 0 ? 1 : 0, own = out.dealer_scope;
        int stream = 0, correct = 0, passed = 0;
        soci::indicator stream_ind, correct_ind, passed_ind, decision_ind, dropped_ind, joins_ind;
        db::Statement st = db.query(
            "SELECT c.id, c.full_name, c.dealer_id, d.name, c.stream, a.correct_count, a.passed, c.decision, "
            "c.status, c.dropped_at, c.joins_on FROM candidate c JOIN dealer d ON d.id = c.dealer_id "
            "LEFT JOIN attempt a ON a.candidate_id = c.id AND a.submitted_at IS NOT NULL "
            "WHERE c.cohort_id = :h AND (:all = 1 OR c.dealer_id = :own) ORDER BY d.name, c.full_name, c.id",
            soci::use(cohort), soci::use(all), soci::use(own), soci::into(id), soci::into(r.full_name),
            soci::into(dealer), soci::into(r.dealer_name), soci::into(stream, stream_ind),
            soci::into(correct, correct_ind), soci::into(passed, passed_ind), soci::into(r.decision, decision_ind),
            soci::into(r.status), soci::into(dropped, dropped_ind), soci::into(r.joins_on, joins_ind));
        st.execute();
        while (st.fetch()) {
            CandidateResult row = r;
            row.candidate_id = id;
            row.dealer_id = dealer;
            row.stream = stream_ind == soci::i_ok ? stream : 0;
            if (correct_ind == soci::i_ok) row.test_correct = correct;
            if (passed_ind == soci::i_ok) row.test_passed = passed == 1;
            if (decision_ind != soci::i_ok) row.decision.clear();
            row.dropped_at = dropped_ind == soci::i_ok ? dropped : 0;
            if (joins_ind != soci::i_ok) row.joins_on.clear();
            row.averages.assign(out.criteria.size(), std::nullopt);
            row.disagreements.assign(out.criteria.size(), false);
            row_of[id] = out.rows.size();
            out.rows.push_back(row);
        }
    }

    std::map<std::pair<std::size_t, std::size_t>, std::vector<int>> points;
    {
        long long candidate = 0, criterion = 0;
        int p = 0;
        db::Statement st = db.query(
            "SELECT s.candidate_id, s.criterion_id, s.points FROM assessment_score s "
            "JOIN candidate c ON c.id = s.candidate_id WHERE c.cohort_id = :h",
            soci::use(cohort), soci::into(candidate), soci::into(criterion), soci::into(p));
        st.execute();
        while (st.fetch()) {
            auto r = row_of.find(candidate);
            auto k = column.find(criterion);
            if (r != row_of.end() && k != column.end()) points[{r->second, k->second}].push_back(p);
        }
    }
    for (const auto& [at, list] : points) {
        double sum = 0;
        for (int p : list) sum += p;
        out.rows[at.first].averages[at.second] = sum / static_cast<double>(list.size());
        out.rows[at.first].disagreements[at.second] =
            raters_disagree(list, margin[out.criteria[at.second].criterion_id]);
    }
    {
        long long candidate = 0;
        std::string vote;
        db::Statement st = db.query(
            "SELECT v.candidate_id, v.vote FROM candidate_vote v JOIN candidate c ON c.id = v.candidate_id "
            "WHERE c.cohort_id = :h",
            soci::use(cohort), soci::into(candidate), soci::into(vote));
        st.execute();
        while (st.fetch()) {
            auto r = row_of.find(candidate);
            if (r == row_of.end()) continue;
            (vote == "continue" ? out.rows[r->second].votes_continue : out.rows[r->second].votes_stop) += 1;
        }
    }
    return out;
}

std::vector<AssessedCohort> assessed_cohorts(db::Database& db, const pos::Actor& actor) {
    actor.confirm(db);
    std::vector<AssessedCohort> out;
    AssessedCohort c;
    long long id = 0, closed = 0, all = actor.is_head_office() ? 1 : 0, own = actor.dealer_id();
    soci::indicator closed_ind;
    db::Statement st = db.query(
        "SELECT h.id, h.week_start, h.closed_at FROM cohort h WHERE :all = 1 OR EXISTS "
        "(SELECT 1 FROM candidate c WHERE c.cohort_id = h.id AND c.dealer_id = :own) ORDER BY h.week_start DESC",
        soci::use(all), soci::use(own), soci::into(id), soci::into(c.week_start), soci::into(closed, closed_ind));
    st.execute();
    while (st.fetch()) {
        c.id = id;
        c.closed = closed_ind == soci::i_ok;
        out.push_back(c);
    }
    return out;
}

std::string status_text(const CandidateResult& row) {
    if (row.status == "passed") return tr("passed").str();
    if (row.status == "not_passed") return tr("not passed").str();
    if (row.status == "dropped_out")
        return trf("dropped out at {1}", {pos::local_date_time(row.dropped_at, kTrainingCentreZone)}).str();
    if (!row.joins_on.empty())
        return trf("joins on {1}",
                   {pos::CalendarDate::parse(row.joins_on, "joins_on", tr("Joins on")).display()}).str();
    return tr("in training").str();
}

}  // namespace salon::training
