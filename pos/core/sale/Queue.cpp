#include "pos/core/sale/Queue.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/organisation/StationSetting.hpp"

#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace salon::pos {

namespace {

constexpr std::pair<VisitPurpose, const char*> kPurposes[] = {
    {VisitPurpose::top_up, "top_up"},
    {VisitPurpose::sale, "sale"},
    {VisitPurpose::service, "service"},
    {VisitPurpose::corporate, "corporate"},
};

constexpr std::int64_t kRatingWindowSeconds = 3600;

struct SalonClock {
    std::int64_t id = 0;
    std::int64_t dealer_id = 0;
    std::string time_zone;
};

SalonClock salon_clock(db::Database& db, std::int64_t salon_id) {
    SalonClock s;
    long long dealer = 0;
    int active = 0;
    soci::indicator ind = soci::i_null;
    const long long id = salon_id;
    db.run("SELECT dealer_id, time_zone, active FROM salon WHERE id = :id", soci::use(id),
           soci::into(dealer, ind), soci::into(s.time_zone), soci::into(active));
    if (ind != soci::i_ok || !active)
        throw ValidationError(tr("Salon"), trf("no salon with number {1}", {std::to_string(salon_id)}));
    s.id = salon_id;
    s.dealer_id = dealer;
    return s;
}

// The salon the actor works in, or the one asked for when the actor sees it (head office, a manager).
SalonClock salon_for(db::Database& db, const Actor& actor, std::int64_t salon_id) {
    actor.confirm(db);
    const StaffMember& m = actor.member();
    if (works_in_salon(m.role) && m.salon_id != 0) return salon_clock(db, m.salon_id);
    const Salon s = get_salon(db, actor, salon_id);  // refuses a salon the actor does not see
    return salon_clock(db, s.id);
}

std::int64_t own_salon(db::Database& db, const Actor& actor) {
    actor.require(db, Permission::sell);
    const StaffMember& m = actor.member();
    if (!works_in_salon(m.role) || m.salon_id == 0)
        throw RefusedError(tr("Only a salon's staff work at its till: you are not bound to a salon."));
    return m.salon_id;
}

constexpr const char* kVisitSelect =
    "SELECT v.id, v.salon_id, v.ticket_day, v.ticket, v.purpose, v.status, v.joined_at, "
    "COALESCE(v.called_at, 0), COALESCE(v.finished_at, 0), COALESCE(v.served_by, 0), "
    "COALESCE(p.full_name, ''), COALESCE(v.rating, 0), COALESCE(v.thanks, '') "
    "FROM visit v LEFT JOIN staff p ON p.id = v.served_by ";

std::vector<Visit> query_visits(db::Database& db, const std::string& where, long long a, const std::string& b) {
    std::vector<Visit> out;
    Visit v;
    long long id = 0, salon = 0, joined = 0, called = 0, finished = 0, served_by = 0;
    std::string purpose;
    const std::string sql = std::string(kVisitSelect) + where;
    db::Statement st =
        db.query(sql, soci::use(a, "a"), soci::use(b, "b"), soci::into(id), soci::into(salon),
                 soci::into(v.ticket_day), soci::into(v.ticket), soci::into(purpose), soci::into(v.status),
                 soci::into(joined), soci::into(called), soci::into(finished), soci::into(served_by),
                 soci::into(v.served_by_name), soci::into(v.rating), soci::into(v.thanks));
    st.execute();
    while (st.fetch()) {
        v.id = id;
        v.salon_id = salon;
        v.purpose = visit_purpose_from_string(purpose);
        v.label = ticket_label(v.purpose, v.ticket);
        v.joined_at = joined;
        v.called_at = called;
        v.finished_at = finished;
        v.served_by = served_by;
        out.push_back(v);
    }
    return out;
}

Visit read_visit(db::Database& db, std::int64_t id) {
    auto found = query_visits(db, "WHERE v.id = :a AND :b = ''", id, "");
    if (found.empty()) throw ValidationError(tr("Visit"), trf("no visit with number {1}", {std::to_string(id)}));
    return found.front();
}

// A visit of the actor's own salon, for changing it.
Visit own_visit(db::Database& db, const Actor& actor, std::int64_t visit_id) {
    const std::int64_t salon = own_salon(db, actor);
    const Visit v = read_visit(db, visit_id);
    if (v.salon_id != salon)
        throw ValidationError(tr("Visit"), trf("no visit with number {1}", {std::to_string(visit_id)}));
    return v;
}

void require_server_or_senior(db::Database& db, const Actor& actor, const Visit& v) {
    if (v.served_by == actor.staff_id()) return;
    if (actor.may(db, Permission::approve_cash_difference)) return;  // the salon's senior
    throw RefusedError(trf("Visitor {1} is served by {2}.", {v.label, v.served_by_name}));
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    // Nearest rank: the smallest value with at least p of the values at or below it.
    const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(values.size())));
    return values[std::max<std::size_t>(rank, 1) - 1];
}

}  // namespace

std::string to_string(VisitPurpose purpose) {
    for (const auto& [p, name] : kPurposes)
        if (p == purpose) return name;
    return "sale";
}

VisitPurpose visit_purpose_from_string(const std::string& text) {
    for (const auto& [p, name] : kPurposes)
        if (text == name) return p;
    throw InputError("purpose", tr("Purpose of the visit"), tr("must be top_up, sale, service or corporate"));
}

Text visit_purpose_title(VisitPurpose purpose) {
    switch (purpose) {
    case VisitPurpose::top_up: return tr("Balance top-up");
    case VisitPurpose::sale: return tr("Sale");
    case VisitPurpose::service: return tr("Service visit");
    case VisitPurpose::corporate: return tr("Corporate client");
    }
    return tr("Sale");
}

Text visit_status_title(const std::string& status) {
    if (status == "waiting") return tr("waiting");
    if (status == "serving") return tr("being served");
    if (status == "done") return tr("served");
    return tr("went away");
}

std::string ticket_label(VisitPurpose purpose, int ticket) {
    const char* letter = purpose == VisitPurpose::top_up  ? "Б"
                         : purpose == VisitPurpose::sale    ? "П"
                         : purpose == VisitPurpose::service ? "У"
                                                            : "К";
    char number[16];
    std::snprintf(number, sizeof number, "%03d", ticket);
    return std::string(letter) + "-" + number;
}

Visit take_ticket(db::Database& db, std::int64_t salon_id, VisitPurpose purpose) {
    db::WriteTransaction tx(db);
    const SalonClock salon = salon_clock(db, salon_id);
    const long long now = db.now();
    const std::string day = CalendarDate::of(now, salon.time_zone).iso();
    const long long id_salon = salon_id;
    int ticket = 0;
    // The salon's row is locked first on PostgreSQL so two kiosks never draw the same number; SQLite's
    // write transaction already holds the whole database.
    if (db.backend() == db::Backend::postgresql)
        db.run("SELECT id FROM salon WHERE id = :s FOR UPDATE", soci::use(id_salon), soci::into(ticket));
    db.run("SELECT COALESCE(MAX(ticket), 0) + 1 FROM visit WHERE salon_id = :s AND ticket_day = :d",
           soci::use(id_salon), soci::use(day), soci::into(ticket));
    const std::string purpose_text = to_string(purpose);
    const long long id = db.insert(
        "INSERT INTO visit (salon_id, ticket_day, ticket, purpose, status, joined_at) "
        "VALUES (:s, :d, :t, :p, 'waiting', :at)",
        soci::use(id_salon), soci::use(day), soci::use(ticket), soci::use(purpose_text), soci::use(now));
    tx.commit();
    return read_visit(db, id);
}

std::optional<Visit> serving_now(db::Database& db, const Actor& actor) {
    actor.confirm(db);
    const long long staff = actor.staff_id();
    auto found = query_visits(db, "WHERE v.served_by = :a AND v.status = 'serving' AND :b = ''", staff, "");
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::optional<Visit> call_next(db::Database& db, const Actor& actor, std::optional<VisitPurpose> purpose) {
    const std::int64_t salon = own_salon(db, actor);
    db::WriteTransaction tx(db);
    if (auto current = serving_now(db, actor))
        throw ValidationError(tr("Queue"), trf("finish visitor {1} first", {current->label}));
    const long long salon_id = salon;
    auto waiting = query_visits(db, "WHERE v.salon_id = :a AND v.status = 'waiting' AND :b = '' ORDER BY v.joined_at, v.id",
                                salon_id, "");
    // The purpose asked for goes first (a desk that only tops up); anyone else when none of it waits.
    if (purpose) {
        auto first = std::find_if(waiting.begin(), waiting.end(), [&](const Visit& v) { return v.purpose == *purpose; });
        if (first != waiting.end()) std::rotate(waiting.begin(), first, first + 1);
    }
    const long long staff = actor.staff_id();
    const long long now = db.now();
    // On PostgreSQL the salon's other desk may have called the same visitor since the list was read: its
    // update, once committed, makes ours change nothing, and the next visitor in the list is tried.
    for (const Visit& candidate : waiting) {
        const long long id = candidate.id;
        if (db.update("UPDATE visit SET status = 'serving', called_at = :at, served_by = :s WHERE id = :id AND "
                      "status = 'waiting'",
                      soci::use(now), soci::use(staff), soci::use(id)) == 0)
            continue;
        tx.commit();
        return read_visit(db, id);
    }
    return std::nullopt;
}

void finish_visit(db::Database& db, const Actor& actor, std::int64_t visit_id) {
    db::WriteTransaction tx(db);
    const Visit v = own_visit(db, actor, visit_id);
    if (v.status != "serving")
        throw ValidationError(tr("Visit"), trf("visitor {1} is not being served", {v.label}));
    require_server_or_senior(db, actor, v);
    const long long now = db.now(), id = visit_id;
    db.run("UPDATE visit SET status = 'done', finished_at = :at WHERE id = :id", soci::use(now),
           soci::use(id));
    tx.commit();
}

void mark_left(db::Database& db, const Actor& actor, std::int64_t visit_id) {
    db::WriteTransaction tx(db);
    const Visit v = own_visit(db, actor, visit_id);
    if (v.status != "waiting" && v.status != "serving")
        throw ValidationError(tr("Visit"), trf("visitor {1} is no longer in the queue", {v.label}));
    if (v.status == "serving") require_server_or_senior(db, actor, v);
    const long long now = db.now(), id = visit_id;
    db.run("UPDATE visit SET status = 'left', finished_at = :at WHERE id = :id", soci::use(now),
           soci::use(id));
    tx.commit();
}

void record_thanks(db::Database& db, const Actor& actor, std::int64_t visit_id, const std::string& thanks) {
    const std::string text = required_text("thanks", tr("Thanks"), thanks, 4 * 1000, true);
    if (icu::UnicodeString::fromUTF8(text).countChar32() > 1000)
        throw InputError("thanks", tr("Thanks"), tr("must be at most 1000 characters"));
    db::WriteTransaction tx(db);
    const Visit v = own_visit(db, actor, visit_id);
    if (v.status == "waiting") throw ValidationError(tr("Visit"), trf("visitor {1} has not been served yet", {v.label}));
    const long long id = visit_id;
    db.run("UPDATE visit SET thanks = :t WHERE id = :id", soci::use(text), soci::use(id));
    tx.commit();
}

void rate_visit(db::Database& db, std::int64_t visit_id, int rating) {
    if (rating < 1 || rating > 5) throw InputError("rating", tr("Rating"), tr("must be from 1 to 5"));
    db::WriteTransaction tx(db);
    const Visit v = read_visit(db, visit_id);
    if (v.status != "serving" && v.status != "done")
        throw ValidationError(tr("Visit"), trf("visitor {1} has not been served", {v.label}));
    if (v.rating != 0) throw ValidationError(tr("Visit"), trf("visitor {1} has already rated the service", {v.label}));
    const long long now = db.now();
    if (v.status == "done" && now - v.finished_at > kRatingWindowSeconds)
        throw ValidationError(tr("Visit"), tr("a rating is given within an hour of the service"));
    const long long id = visit_id;
    db.run("UPDATE visit SET rating = :r, rated_at = :at WHERE id = :id", soci::use(rating), soci::use(now),
           soci::use(id));
    tx.commit();
}

Visit get_visit(db::Database& db, const Actor& actor, std::int64_t visit_id) {
    actor.confirm(db);
    const Visit v = read_visit(db, visit_id);
    long long dealer = 0;
    const long long salon = v.salon_id;
    db.run("SELECT dealer_id FROM salon WHERE id = :s", soci::use(salon), soci::into(dealer));
    if (!actor.sees_dealer(dealer))
        throw ValidationError(tr("Visit"), trf("no visit with number {1}", {std::to_string(visit_id)}));
    return v;
}

std::vector<Visit> todays_queue(db::Database& db, const Actor& actor, std::int64_t salon_id) {
    const SalonClock salon = salon_for(db, actor, salon_id);
    const std::string day = CalendarDate::of(db.now(), salon.time_zone).iso();
    return query_visits(db,
                        "WHERE v.salon_id = :a AND v.ticket_day = :b ORDER BY CASE v.status WHEN 'waiting' THEN 0 "
                        "WHEN 'serving' THEN 1 ELSE 2 END, CASE WHEN v.status = 'waiting' THEN v.joined_at ELSE "
                        "-v.joined_at END, v.id",
                        salon.id, day);
}

std::vector<SpecialistNorms> specialist_norms(db::Database& db, const Actor& actor, std::int64_t salon_id,
                                              std::int64_t from, std::int64_t to) {
    const SalonClock salon = salon_for(db, actor, salon_id);
    const int threshold = static_cast<int>(setting_number(db, kBundleShareThresholdPercent, 50));
    std::map<std::int64_t, SpecialistNorms> by_staff;
    const long long sid = salon.id, f = from, t = to;
    {
        long long id = 0;
        std::string name;
        db::Statement st = db.query(
            "SELECT id, full_name FROM staff WHERE salon_id = :s AND active = 1 "
            "AND role IN ('specialist', 'senior_specialist')",
            soci::use(sid), soci::into(id), soci::into(name));
        st.execute();
        while (st.fetch()) {
            by_staff[id].staff_id = id;
            by_staff[id].name = name;
        }
    }
    auto row = [&](long long id, const std::string& name) -> SpecialistNorms& {
        SpecialistNorms& n = by_staff[id];
        n.staff_id = id;
        if (n.name.empty()) n.name = name;
        return n;
    };
    {
        long long id = 0, served = 0, seconds = 0, good = 0, rated = 0;
        std::string name;
        db::Statement st = db.query(
            "SELECT v.served_by, p.full_name, COUNT(*), "
            "CAST(COALESCE(SUM(v.finished_at - v.called_at), 0) AS BIGINT), "
            "CAST(COALESCE(SUM(CASE WHEN v.rating >= 4 THEN 1 ELSE 0 END), 0) AS BIGINT), "
            "CAST(COALESCE(SUM(CASE WHEN v.rating IS NOT NULL THEN 1 ELSE 0 END), 0) AS BIGINT) "
            "FROM visit v JOIN staff p ON p.id = v.served_by WHERE v.salon_id = :s "
            "AND v.status = 'done' AND v.finished_at >= :f AND v.finished_at < :t "
            "GROUP BY v.served_by, p.full_name",
            soci::use(sid), soci::use(f), soci::use(t), soci::into(id), soci::into(name), soci::into(served),
            soci::into(seconds), soci::into(good), soci::into(rated));
        st.execute();
        while (st.fetch()) {
            SpecialistNorms& n = row(id, name);
            n.visits_served = static_cast<int>(served);
            n.average_service_minutes = served ? static_cast<double>(seconds) / 60.0 / static_cast<double>(served) : 0;
            n.good_ratings = static_cast<int>(good);
            n.ratings = static_cast<int>(rated);
        }
    }
    {
        long long id = 0, all = 0, bundles = 0;
        std::string name;
        db::Statement st = db.query(
            "SELECT s.staff_id, p.full_name, COUNT(*), "
            "CAST(COALESCE(SUM(l.is_bundle), 0) AS BIGINT) FROM sale_line l "
            "JOIN sale s ON s.id = l.sale_id JOIN staff p ON p.id = s.staff_id "
            "WHERE s.salon_id = :s AND s.kind = 'sale' AND s.created_at >= :f AND s.created_at < :t "
            "AND l.kind IN ('sim', 'tariff_change', 'port_in') "
            "AND NOT EXISTS (SELECT 1 FROM sale_line r WHERE r.refund_of_line = l.id) "
            // a port-in the donor rejected brought no subscriber: not a tariff sold (R-POS-9)
            "AND NOT EXISTS (SELECT 1 FROM port_request pr WHERE pr.sale_line_id = l.id AND pr.status = "
            "'rejected') "
            "GROUP BY s.staff_id, p.full_name",
            soci::use(sid), soci::use(f), soci::use(t), soci::into(id), soci::into(name), soci::into(all),
            soci::into(bundles));
        st.execute();
        while (st.fetch()) {
            SpecialistNorms& n = row(id, name);
            n.tariff_sales = static_cast<int>(all);
            n.bundle_sales = static_cast<int>(bundles);
        }
    }
    std::vector<SpecialistNorms> out;
    for (auto& [id, n] : by_staff) {
        n.bundle_threshold_percent = threshold;
        out.push_back(n);
    }
    std::sort(out.begin(), out.end(), [](const SpecialistNorms& a, const SpecialistNorms& b) { return a.name < b.name; });
    return out;
}

DeskDashboard desk_dashboard(db::Database& db, const Actor& actor, std::int64_t salon_id) {
    const SalonClock salon = salon_for(db, actor, salon_id);
    const std::int64_t now = db.now();
    DeskDashboard d;
    const CalendarDate today = CalendarDate::of(now, salon.time_zone);
    d.day = today.iso();
    const std::int64_t day_start = today.start_unix(salon.time_zone);
    std::vector<double> waits;
    for (const Visit& v : todays_queue(db, actor, salon.id)) {
        if (v.status == "waiting") {
            ++d.waiting;
            d.longest_waiting_minutes = std::max(d.longest_waiting_minutes, static_cast<int>((now - v.joined_at) / 60));
        } else if (v.status == "serving") {
            ++d.serving;
        } else if (v.status == "done") {
            ++d.done;
        } else {
            ++d.left;
        }
        if (v.called_at) waits.push_back(static_cast<double>(v.called_at - v.joined_at) / 60.0);
        const std::int64_t hour = (v.joined_at - day_start) / 3600;
        if (hour >= 0 && hour < 24) ++d.visitors_by_hour[static_cast<std::size_t>(hour)];
    }
    if (!waits.empty()) {
        double sum = 0;
        for (double w : waits) sum += w;
        d.average_wait_minutes = sum / static_cast<double>(waits.size());
        d.p90_wait_minutes = percentile(waits, 0.9);
    }
    const std::int64_t month_start =
        CalendarDate::parse(today.iso().substr(0, 8) + "01", "day", tr("Date")).start_unix(salon.time_zone);
    d.norms = specialist_norms(db, actor, salon.id, month_start, now + 1);
    return d;
}

}  // namespace salon::pos
