#include "reports/core/NormsReport.hpp"

#include "db/Database.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/organisation/Salon.hpp"

#include <set>

namespace salon::reports {

int SalonNorms::below_norm() const {
    int n = 0;
    for (const auto& s : specialists)
        if (!s.bundle_norm_met() || !s.rating_norm_met()) ++n;
    return n;
}

namespace {

struct Span {
    pos::CalendarDate from = pos::CalendarDate::from_days(0), to_exclusive = pos::CalendarDate::from_days(0);
};

Span span_of(const std::string& from, const std::string& to) {
    const auto f = pos::CalendarDate::parse(from, "from", tr("From"));
    const auto t = pos::CalendarDate::parse(to, "to", tr("To"));
    if (t < f) throw pos::InputError("to", tr("To"), tr("is before the first day"));
    if (t.days_since_epoch() - f.days_since_epoch() > 400)
        throw pos::InputError("to", tr("To"), tr("the span is longer than 400 days"));
    return {f, t.plus_days(1)};
}

std::vector<pos::Salon> salons_of(db::Database& db, const pos::Actor& actor, std::int64_t salon_id) {
    actor.require(db, pos::Permission::view_dealer_reports);
    if (salon_id) return {pos::get_salon(db, actor, salon_id)};
    return pos::list_salons(db, actor);
}

}  // namespace

std::vector<SalonNorms> norms_report(db::Database& db, const pos::Actor& actor, const std::string& from,
                                     const std::string& to, std::int64_t salon_id) {
    const Span span = span_of(from, to);
    std::vector<SalonNorms> out;
    for (const auto& s : salons_of(db, actor, salon_id)) {
        SalonNorms n;
        n.salon_id = s.id;
        n.salon = s.name;
        n.dealer = s.dealer_name;
        n.specialists = pos::specialist_norms(db, actor, s.id, span.from.start_unix(s.time_zone),
                                              span.to_exclusive.start_unix(s.time_zone));
        out.push_back(std::move(n));
    }
    return out;
}

std::vector<SalonTraffic> traffic_report(db::Database& db, const pos::Actor& actor, const std::string& from,
                                         const std::string& to, std::int64_t salon_id) {
    const Span span = span_of(from, to);
    std::vector<SalonTraffic> out;
    for (const auto& s : salons_of(db, actor, salon_id)) {
        SalonTraffic t;
        t.salon_id = s.id;
        t.salon = s.name;
        t.time_zone = s.time_zone;
        // Russia keeps one offset all year since 2014: the salon's offset from its first day serves every visit.
        const long long begin = span.from.start_unix(s.time_zone), end = span.to_exclusive.start_unix(s.time_zone);
        const long long offset = span.from.days_since_epoch() * 86400 - begin;
        std::array<long long, 24> waited_by_hour{}, called_by_hour{};
        std::array<long long, 7> waited_by_weekday{}, called_by_weekday{};
        std::set<long long> open_hours;
        long long joined = 0, called_at = 0, waited = 0, sid = s.id;
        soci::indicator called_ind = soci::i_ok;
        auto st = db.query("SELECT joined_at, called_at FROM visit WHERE salon_id = :s AND joined_at >= :a "
                           "AND joined_at < :b",
                           soci::use(sid), soci::use(begin), soci::use(end), soci::into(joined),
                           soci::into(called_at, called_ind));
        st.execute();
        while (st.fetch()) {
            const long long local = joined + offset;
            const long long day = local >= 0 ? local / 86400 : (local - 86399) / 86400;
            const auto hour = static_cast<std::size_t>((local - day * 86400) / 3600);
            const auto weekday = static_cast<std::size_t>(((day + 3) % 7 + 7) % 7);  // 1970-01-01 was a Thursday
            ++t.visits;
            ++t.visitors_by_hour[hour];
            ++t.visitors_by_weekday[weekday];
            open_hours.insert(local / 3600);
            if (called_ind == soci::i_ok) {
                const long long wait = called_at - joined;
                ++t.called;
                waited += wait;
                waited_by_hour[hour] += wait, ++called_by_hour[hour];
                waited_by_weekday[weekday] += wait, ++called_by_weekday[weekday];
            }
        }
        for (std::size_t h = 0; h < 24; ++h)
            if (called_by_hour[h]) t.average_wait_by_hour[h] = waited_by_hour[h] / 60.0 / called_by_hour[h];
        for (std::size_t d = 0; d < 7; ++d)
            if (called_by_weekday[d]) t.average_wait_by_weekday[d] = waited_by_weekday[d] / 60.0 / called_by_weekday[d];
        if (t.called) t.average_wait = waited / 60.0 / t.called;
        if (!open_hours.empty()) t.visitors_per_hour = static_cast<double>(t.visits) / open_hours.size();
        out.push_back(t);
    }
    return out;
}

}  // namespace salon::reports
