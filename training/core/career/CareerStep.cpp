#include "training/core/career/CareerStep.hpp"

#include "db/Database.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/organisation/StationSetting.hpp"

#include <chrono>
#include <optional>

namespace salon::training {

pos::CalendarDate plus_months(const pos::CalendarDate& date, int months) {
    using namespace std::chrono;
    const int total = date.year() * 12 + static_cast<int>(date.month()) - 1 + months;
    const year_month ym{year{total / 12}, month{static_cast<unsigned>(total % 12 + 1)}};
    const unsigned last_day = static_cast<unsigned>((ym / std::chrono::last).day());
    const unsigned d = date.day() < last_day ? date.day() : last_day;
    const sys_days day{ym / std::chrono::day{d}};
    return pos::CalendarDate::from_days(day.time_since_epoch().count());
}

namespace {

// When the person becomes due for the next step, if ever: see due_promotions.
std::optional<pos::CalendarDate> due_since(db::Database& db, const pos::StaffMember& m, int months_to_senior) {
    if (!pos::works_in_salon(m.role) || !m.career_level) return std::nullopt;
    const long long id = m.id;
    std::string certified;
    soci::indicator cert_ind = soci::i_null;
    db.run("SELECT min(certified_on) FROM certification WHERE staff_id = :s", soci::use(id),
           soci::into(certified, cert_ind));
    if (cert_ind != soci::i_ok) return std::nullopt;  // not trained: nothing to be due for
    const auto cert = pos::CalendarDate::parse(certified, "certified_on", tr("Certification date"));
    if (*m.career_level == pos::CareerLevel::trainee) return plus_months(cert, kMonthsToSpecialist);
    if (*m.career_level == pos::CareerLevel::specialist) {
        long long at = 0;
        soci::indicator at_ind = soci::i_null;
        db.run("SELECT max(changed_at) FROM career_change WHERE staff_id = :s AND to_level = 'specialist'",
               soci::use(id), soci::into(at, at_ind));
        const pos::CalendarDate specialist_since =
            at_ind == soci::i_ok ? pos::CalendarDate::of_utc(at) : plus_months(cert, kMonthsToSpecialist);
        return plus_months(specialist_since, months_to_senior);
    }
    return std::nullopt;
}

pos::CareerLevel next_level(pos::CareerLevel level) {
    return level == pos::CareerLevel::trainee ? pos::CareerLevel::specialist : pos::CareerLevel::senior_specialist;
}

int months_to_senior(db::Database& db) {
    return static_cast<int>(pos::setting_number(db, kMonthsToSeniorSetting, kDefaultMonthsToSenior));
}

}  // namespace

std::vector<DuePromotion> due_promotions(db::Database& db, const pos::Actor& actor, const pos::CalendarDate& today) {
    if (!actor.may(db, pos::Permission::run_training)) actor.require(db, pos::Permission::record_votes);
    const int to_senior = months_to_senior(db);
    std::vector<DuePromotion> out;
    for (const auto& m : pos::list_staff(db, actor)) {
        if (!m.active) continue;
        const auto since = due_since(db, m, to_senior);
        if (!since || *since > today) continue;
        DuePromotion d;
        d.staff_id = m.id;
        d.login = m.login;
        d.full_name = m.full_name;
        d.dealer_name = m.dealer_name;
        d.salon_name = m.salon_name;
        d.from = *m.career_level;
        d.to = next_level(d.from);
        d.since = since->iso();
        out.push_back(d);
    }
    return out;
}

void promote(db::Database& db, const pos::Actor& actor, std::int64_t staff_id, pos::CareerLevel to) {
    const bool trainer = actor.may(db, pos::Permission::run_training);
    if (!trainer && actor.member().role != pos::Role::dealer_manager)
        throw RefusedError(tr("A trainer or the person's own dealer manager promotes (R-TRN-11)."));
    db::WriteTransaction tx(db);
    // A dealer's manager sees only his own dealer's people: another dealer's person is not found.
    const pos::StaffMember m = pos::parse_input("staff", [&] { return pos::get_staff(db, actor, staff_id); });
    if (!trainer && m.dealer_id != actor.dealer_id())
        throw RefusedError(tr("A dealer manager promotes only his own dealer's people."));
    if (!pos::works_in_salon(m.role) || !m.career_level)
        throw pos::InputError("staff", tr("Staff member"), tr("only salon staff have a career level"));
    if (*m.career_level == pos::CareerLevel::senior_specialist)
        throw RefusedError(trf("{1} is already a senior specialist.", {m.full_name}));
    if (to != next_level(*m.career_level))
        throw pos::InputError("to", tr("Career level"),
                              trf("{1} is a {2}: the next step is {3}",
                                  {m.full_name, pos::career_level_title(*m.career_level).str(),
                                   pos::career_level_title(next_level(*m.career_level)).str()}));
    const long long now = db.now();
    const pos::CalendarDate today = pos::CalendarDate::of_utc(now);
    const auto since = due_since(db, m, months_to_senior(db));
    if (!since)
        throw RefusedError(trf("{1} has no training certification: a career starts with the training week.",
                               {m.full_name}));
    if (*since > today)
        throw RefusedError(trf("{1} is due for the next step on {2}, not before (R-TRN-11).",
                               {m.full_name, since->display()}));
    const std::string from(pos::to_string(*m.career_level)), level(pos::to_string(to));
    const std::string role(pos::to_string(to == pos::CareerLevel::senior_specialist ? pos::Role::senior_specialist
                                                                                     : pos::Role::specialist));
    const long long id = m.id, by = actor.staff_id();
    soci::indicator by_ind = by ? soci::i_ok : soci::i_null;
    db.run("UPDATE staff SET career_level = :l, role = :r WHERE id = :id", soci::use(level), soci::use(role),
           soci::use(id));
    db.run("INSERT INTO career_change (staff_id, from_level, to_level, changed_at, changed_by) "
           "VALUES (:s, :f, :t, :at, :by)",
           soci::use(id), soci::use(from), soci::use(level), soci::use(now), soci::use(by, by_ind));
    actor.record(db, "career.promote", "staff:" + std::to_string(id), "from=" + from + " to=" + level + " role=" + role);
    tx.commit();
}

}  // namespace salon::training
