#include "training/core/cohort/Cohort.hpp"

#include "db/Database.hpp"
#include "db/Text.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Permission.hpp"

namespace salon::training {

namespace {

void require_training_view(db::Database& db, const pos::Actor& actor) {
    if (!actor.may(db, pos::Permission::run_training) && !actor.may(db, pos::Permission::record_votes))
        throw RefusedError(tr("Only trainers and dealers' managers work with the training centre."));
}

std::vector<Cohort> query_cohorts(db::Database& db, std::int64_t only_id) {
    std::vector<Cohort> out;
    Cohort c;
    long long id = 0, created = 0, count = 0;
    int closed = 0;
    const long long only = only_id;
    db::Statement st = db.query(
        "SELECT c.id, c.week_start, c.capacity, c.vote_rule, c.created_at, "
        "CASE WHEN c.closed_at IS NULL THEN 0 ELSE 1 END, "
        "(SELECT COUNT(*) FROM candidate d WHERE d.cohort_id = c.id) FROM cohort c "
        "WHERE (:only = 0 OR c.id = :only2) ORDER BY c.week_start DESC",
        soci::use(only), soci::use(only), soci::into(id), soci::into(c.week_start), soci::into(c.capacity),
        soci::into(c.vote_rule), soci::into(created), soci::into(closed), soci::into(count));
    st.execute();
    while (st.fetch()) {
        c.id = id;
        c.created_at = created;
        c.closed = closed != 0;
        c.candidates = static_cast<int>(count);
        c.split = c.candidates > kSingleStreamLimit;
        out.push_back(c);
    }
    return out;
}

}  // namespace

pos::CalendarDate training_today(db::Database& db) {
    return pos::CalendarDate::of(db.now(), kTrainingTimeZone);
}

std::int64_t create_cohort(db::Database& db, const pos::Actor& actor, const CohortForm& form) {
    actor.require(db, pos::Permission::run_training);
    const auto week = CohortWeek::parse(form.week);
    if (form.capacity < 1 || form.capacity > kMaxCohortCapacity)
        throw pos::InputError("capacity", tr("Capacity"),
                              trf("must be from 1 to {1} (R-TRN-5)", {std::to_string(kMaxCohortCapacity)}));
    const std::string vote_rule = pos::required_text("vote_rule", tr("Vote rule"), form.vote_rule, 40);
    db::WriteTransaction tx(db);
    if (week.friday() < training_today(db))
        throw pos::InputError("week", tr("Week"), trf("{1} has passed", {week.display()}));
    long long taken = 0;
    const std::string iso = week.iso();
    db.run("SELECT COUNT(*) FROM cohort WHERE week_start = :w", soci::use(iso), soci::into(taken));
    if (taken > 0)
        throw pos::InputError("week", tr("Week"),
                              trf("the week of {1} already has its cohort", {week.display()}));
    const long long now = db.now();
    const long long by = actor.staff_id();
    soci::indicator by_ind = by == 0 ? soci::i_null : soci::i_ok;
    const int capacity = form.capacity;
    const auto id = db.insert(
        "INSERT INTO cohort (week_start, capacity, vote_rule, trainer_id, created_at, created_by) "
        "VALUES (:w, :c, :v, :t, :n, :b)",
        soci::use(iso), soci::use(capacity), soci::use(vote_rule), soci::use(by, by_ind), soci::use(now),
        soci::use(by, by_ind));
    actor.record(db, "training.cohort.create", "cohort:" + std::to_string(id),
                 "week=" + iso + " capacity=" + std::to_string(capacity));
    tx.commit();
    return id;
}

std::vector<Cohort> list_cohorts(db::Database& db, const pos::Actor& actor) {
    require_training_view(db, actor);
    return query_cohorts(db, 0);
}

Cohort get_cohort(db::Database& db, const pos::Actor& actor, std::int64_t id) {
    require_training_view(db, actor);
    auto found = id > 0 ? query_cohorts(db, id) : std::vector<Cohort>{};
    if (!found.empty()) return found.front();
    throw pos::InputError("cohort", tr("Cohort"), trf("no cohort with number {1}", {std::to_string(id)}));
}

}  // namespace salon::training
