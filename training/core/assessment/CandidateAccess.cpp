#include "training/core/assessment/CandidateAccess.hpp"

#include "db/Database.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Permission.hpp"

namespace salon::training {

void require_assessor(db::Database& db, const pos::Actor& actor) {
    if (actor.may(db, pos::Permission::run_training)) return;
    actor.require(db, pos::Permission::record_votes);
}

bool attends_cohort(db::Database& db, const pos::Actor& actor, std::int64_t cohort_id) {
    actor.confirm(db);
    if (actor.is_head_office()) return true;
    long long n = 0;
    const long long cohort = cohort_id, dealer = actor.dealer_id();
    db.run("SELECT count(*) FROM candidate WHERE cohort_id = :c AND dealer_id = :d", soci::use(cohort),
           soci::use(dealer), soci::into(n));
    return n > 0;
}

CandidateRecord read_candidate(db::Database& db, const pos::Actor& actor, std::int64_t candidate_id) {
    CandidateRecord c;
    long long id = candidate_id, cohort = 0, dealer = 0, salon = 0, staff = 0, trainer = 0, closed = 0;
    soci::indicator salon_ind, decision_ind, staff_ind, trainer_ind, closed_ind;
    const bool found = db.run(
        "SELECT c.cohort_id, c.dealer_id, c.salon_id, c.full_name, c.status, c.decision, c.staff_id, "
        "h.week_start, h.vote_rule, h.trainer_id, h.closed_at "
        "FROM candidate c JOIN cohort h ON h.id = c.cohort_id WHERE c.id = :id",
        soci::use(id), soci::into(cohort), soci::into(dealer), soci::into(salon, salon_ind),
        soci::into(c.full_name), soci::into(c.status), soci::into(c.decision, decision_ind),
        soci::into(staff, staff_ind), soci::into(c.week_start), soci::into(c.vote_rule),
        soci::into(trainer, trainer_ind), soci::into(closed, closed_ind));
    if (!found || !attends_cohort(db, actor, cohort))
        throw pos::InputError("candidate", tr("Candidate"),
                              trf("no candidate with number {1}", {std::to_string(candidate_id)}));
    c.id = candidate_id;
    c.cohort_id = cohort;
    c.dealer_id = dealer;
    c.salon_id = salon_ind == soci::i_ok ? salon : 0;
    if (decision_ind != soci::i_ok) c.decision.clear();
    c.staff_id = staff_ind == soci::i_ok ? staff : 0;
    c.cohort_trainer_id = trainer_ind == soci::i_ok ? trainer : 0;
    c.cohort_closed = closed_ind == soci::i_ok;
    return c;
}

void require_open_cohort(const CandidateRecord& c) {
    if (c.cohort_closed)
        throw RefusedError(trf("The week of {1} is closed: its results are final.", {c.week_start}));
}

}  // namespace salon::training
