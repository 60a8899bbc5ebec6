// The demo's history (R-POS-4, R-POS-6): a week of visits, sales, top-ups, ratings and shifts written through
// the desk's own operations, so every invariant the desk keeps holds in it and the audit chains verify.
#include <catch2/catch.hpp>

#include "pos/core/audit/AuditJournal.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/demo/DemoData.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/sale/Queue.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "tests/pos_core/TestActor.hpp"
#include "tests/support/TestDatabase.hpp"

#include <ctime>
#include <map>
#include <set>

using namespace salon;
using namespace salon::pos;
using salon::test::TestDatabase;

namespace {

long long count(db::Database& db, const std::string& sql) {
    long long n = 0;
    db.sql() << sql, soci::into(n);
    return n;
}

}  // namespace

TEST_CASE("The demo history is a week of the desk's own work: shifts, tickets, receipts, norms [R-POS-4] [R-POS-6]",
          "[demo][history][R-POS-4][R-POS-6]") {
    TestDatabase t;
    db::Database& db = t.db();
    const AuditKey key = salon::test::test_audit_key(t);
    const Actor cli = Actor::command_line(key);
    constexpr int kDays = 7;

    const DemoSeedResult r = seed_demo(db, cli, kDays);
    REQUIRE_FALSE(r.already_present);
    CHECK(r.history.days == kDays);
    CHECK(r.history.visits > 300);
    CHECK(r.history.sales > 150);
    CHECK(r.history.top_ups > 50);
    CHECK(r.history.shifts >= kDays * 4);  // two at the metro salon, one at each other, every day
    // The clock is the real one again.
    CHECK(std::llabs(db.now() - static_cast<long long>(std::time(nullptr))) < 120);

    std::map<std::string, Salon> by_name;
    for (const Salon& s : list_salons(db, cli)) by_name[s.name] = s;
    REQUIRE(by_name.size() == 3);
    const Salon metro = by_name.at("Москва, м. Киевская");
    const std::int64_t now = db.now();

    // Every salon: every past day has its shifts, all closed; nothing today.
    CHECK(count(db, "SELECT COUNT(*) FROM shift WHERE closed_at IS NULL") == 0);
    for (const auto& [name, salon] : by_name) {
        const CalendarDate today = CalendarDate::of(now, salon.time_zone);
        for (int ago = 1; ago <= kDays; ++ago) {
            const CalendarDate day = today.plus_days(-ago);
            const long long from = day.start_unix(salon.time_zone), to = day.plus_days(1).start_unix(salon.time_zone);
            long long shifts = 0, visits = 0;
            const long long id = salon.id;
            db.sql() << "SELECT COUNT(*) FROM shift WHERE salon_id = :s AND opened_at >= :f AND opened_at < :t",
                soci::use(id), soci::use(from), soci::use(to), soci::into(shifts);
            const std::string iso = day.iso();
            db.sql() << "SELECT COUNT(*) FROM visit WHERE salon_id = :s AND ticket_day = :d", soci::use(id),
                soci::use(iso), soci::into(visits);
            INFO(name << " " << iso);
            CHECK(shifts >= 1);
            CHECK(visits > 5);
        }
        long long today_visits = 0, today_sales = 0;
        const long long id = salon.id;
        const std::string today_iso = today.iso();
        const long long today_start = today.start_unix(salon.time_zone);
        db.sql() << "SELECT COUNT(*) FROM visit WHERE salon_id = :s AND ticket_day = :d", soci::use(id),
            soci::use(today_iso), soci::into(today_visits);
        db.sql() << "SELECT COUNT(*) FROM sale WHERE salon_id = :s AND created_at >= :f", soci::use(id),
            soci::use(today_start), soci::into(today_sales);
        INFO(name);
        CHECK(today_visits == 0);
        CHECK(today_sales == 0);
    }

    // Tickets: numbered from 1 per salon and local day, each on the day it was taken; nobody left waiting.
    CHECK(count(db, "SELECT COUNT(*) FROM visit WHERE status IN ('waiting', 'serving')") == 0);
    CHECK(count(db, "SELECT COUNT(*) FROM (SELECT salon_id, ticket_day FROM visit GROUP BY salon_id, ticket_day "
                    "HAVING MIN(ticket) <> 1 OR MAX(ticket) <> COUNT(*)) g") == 0);
    {
        std::map<long long, std::string> zone;
        for (const auto& [name, salon] : by_name) zone[salon.id] = salon.time_zone;
        long long salon_id = 0, joined = 0;
        std::string day;
        soci::statement st = (db.sql().prepare << "SELECT salon_id, ticket_day, joined_at FROM visit",
                              soci::into(salon_id), soci::into(day), soci::into(joined));
        st.execute();
        int wrong = 0, seen = 0;
        while (st.fetch()) {
            ++seen;
            const CalendarDate local = CalendarDate::of(joined, zone[salon_id]);
            const long long opens = local.start_unix(zone[salon_id]) + 10 * 3600;
            if (local.iso() != day || joined < opens || joined >= opens + 11 * 3600) ++wrong;
        }
        CHECK(seen == r.history.visits);
        CHECK(wrong == 0);  // every ticket taken on its day, within 10:00-21:00 local time
    }

    // R-POS-6: at the metro salon about 5 of 12 visitors only top up, and the wait is a few minutes.
    {
        long long all = 0, top_ups = 0, waited = 0, called = 0;
        const long long id = metro.id;
        db.sql() << "SELECT COUNT(*), CAST(COALESCE(SUM(CASE WHEN purpose = 'top_up' THEN 1 ELSE 0 END), 0) AS BIGINT) "
                    "FROM visit WHERE salon_id = :s",
            soci::use(id), soci::into(all), soci::into(top_ups);
        db.sql() << "SELECT CAST(COALESCE(SUM(called_at - joined_at), 0) AS BIGINT), COUNT(*) FROM visit "
                    "WHERE salon_id = :s AND called_at IS NOT NULL",
            soci::use(id), soci::into(waited), soci::into(called);
        REQUIRE(all > 0);
        const double share = static_cast<double>(top_ups) / static_cast<double>(all);
        INFO("top-up share " << share << " of " << all);
        CHECK(share >= 0.30);
        CHECK(share <= 0.55);
        const double average_wait_minutes = static_cast<double>(waited) / static_cast<double>(called) / 60.0;
        INFO("average wait " << average_wait_minutes << " min");
        CHECK(average_wait_minutes > 0.3);
        CHECK(average_wait_minutes < 15);
        // Some visitors gave up waiting; most rated, mostly well (R-POS-5).
        CHECK(count(db, "SELECT COUNT(*) FROM visit WHERE status = 'left'") > 0);
        const long long rated = count(db, "SELECT COUNT(*) FROM visit WHERE rating IS NOT NULL");
        const long long good = count(db, "SELECT COUNT(*) FROM visit WHERE rating >= 4");
        CHECK(rated > 0);
        CHECK(rated < count(db, "SELECT COUNT(*) FROM visit WHERE status = 'done'"));
        CHECK(good * 100 >= rated * 80);
        CHECK(good * 100 <= rated * 97);
    }

    // Receipts: contiguous from 1 in every shift (numbers are unique per shift, so 1..count).
    CHECK(count(db,
                "SELECT COUNT(*) FROM (SELECT sh.id FROM shift sh LEFT JOIN sale s ON s.shift_id = sh.id "
                "GROUP BY sh.id HAVING COALESCE(MIN(s.receipt_number), 1) <> 1 OR "
                "COALESCE(MAX(s.receipt_number), 0) <> COUNT(s.id)) g") == 0);
    // Every sale made in its shift's opening hours, by the person whose shift it is.
    CHECK(count(db, "SELECT COUNT(*) FROM sale s JOIN shift sh ON sh.id = s.shift_id WHERE s.created_at < sh.opened_at "
                    "OR s.created_at > sh.closed_at OR s.staff_id <> sh.opened_by") == 0);
    CHECK(count(db, "SELECT COUNT(*) FROM sale_line WHERE kind = 'top_up'") == r.history.top_ups);
    CHECK(count(db, "SELECT COUNT(*) FROM sale WHERE kind = 'sale'") == r.history.sales);
    CHECK(count(db, "SELECT COUNT(*) FROM sale WHERE kind = 'refund'") == r.history.refunds);
    CHECK(count(db, "SELECT COUNT(*) FROM sale_line WHERE kind IN ('sim_replacement', 'tariff_change')") > 0);

    // The audit chains verify: the history was written by the core, entry by entry.
    const AuditCheck check = verify(db, key);
    CHECK_FALSE(check.problem);
    CHECK(check.entries > r.history.sales);

    // R-POS-4: one specialist misses the bundle norm, the senior meets it.
    {
        const CalendarDate today = CalendarDate::of(now, metro.time_zone);
        const auto norms = specialist_norms(db, cli, metro.id, today.plus_days(-kDays).start_unix(metro.time_zone),
                                            today.start_unix(metro.time_zone));
        std::map<std::string, SpecialistNorms> by;
        for (const auto& n : norms) by[n.name] = n;
        const SpecialistNorms& weak = by.at("Иванов Артём Сергеевич");
        const SpecialistNorms& senior = by.at("Волкова Дарья Игоревна");
        INFO("ivanov " << weak.bundle_sales << "/" << weak.tariff_sales << ", volkova " << senior.bundle_sales << "/"
                       << senior.tariff_sales);
        CHECK(weak.tariff_sales > 10);
        CHECK(senior.tariff_sales > 10);
        CHECK(weak.bundle_share_percent() < 50);
        CHECK_FALSE(weak.bundle_norm_met());
        CHECK(senior.bundle_share_percent() > 50);
        CHECK(senior.bundle_norm_met());
        CHECK(weak.visits_served > 0);
        CHECK(weak.average_service_minutes > 1);
        CHECK(weak.average_service_minutes < 15);
    }

    SECTION("the donors answer the port-in requests; a completed one is a live number on a card [R-POS-9]") {
        CHECK(count(db, "SELECT COUNT(*) FROM port_request") > 0);
        CHECK(count(db, "SELECT COUNT(*) FROM port_request WHERE status <> 'submitted'") > 0);
        // Which requests' transfer day is already past depends on today's date (the week's port-ins ask
        // for 2 to 8 days ahead): every one of them is settled, completed or refused at the last moment,
        // and none waits any more.
        const std::string two_days_ago = CalendarDate::of_utc(now).plus_days(-2).iso();
        CHECK(count(db, "SELECT COUNT(*) FROM port_request WHERE desired_date < '" + two_days_ago +
                            "' AND status IN ('submitted', 'accepted')") == 0);
        // Every answer has its history row, the same status, and the journal's entry.
        CHECK(count(db,
                    "SELECT COUNT(*) FROM port_request pr WHERE pr.status <> 'submitted' AND NOT EXISTS "
                    "(SELECT 1 FROM port_request_change c WHERE c.port_request_id = pr.id AND c.to_status = "
                    "pr.status)") == 0);
        CHECK(count(db, "SELECT COUNT(*) FROM port_request_change") ==
              count(db,
                    "SELECT COUNT(*) FROM audit_entry WHERE action IN ('port.accept', 'port.reject', "
                    "'port.complete')"));
        CHECK(count(db,
                    "SELECT COUNT(*) FROM port_request pr WHERE pr.status = 'completed' AND NOT EXISTS "
                    "(SELECT 1 FROM subscription s JOIN sim_card c ON c.id = s.sim_card_id WHERE s.msisdn = "
                    "pr.msisdn "
                    "AND s.ended_at IS NULL AND c.msisdn = pr.msisdn AND c.status = 'sold')") == 0);
        // A rejection carries the donor's reason; the transfer never happens before the date asked for.
        CHECK(count(db,
                    "SELECT COUNT(*) FROM port_request_change WHERE to_status = 'rejected' AND "
                    "(reason IS NULL OR reason = '')") == 0);
        CHECK(count(db,
                    "SELECT COUNT(*) FROM port_request_change c JOIN port_request pr ON pr.id = "
                    "c.port_request_id "
                    "WHERE c.to_status = 'completed' AND c.at < (SELECT MIN(x.at) FROM port_request_change x "
                    "WHERE x.port_request_id = pr.id AND x.to_status = 'accepted')") == 0);
    }

    // Seeding again changes nothing.
    const long long visits = count(db, "SELECT COUNT(*) FROM visit"), sales = count(db, "SELECT COUNT(*) FROM sale"),
                    entries = count(db, "SELECT COUNT(*) FROM audit_entry"),
                    cards = count(db, "SELECT COUNT(*) FROM sim_card");
    const DemoSeedResult again = seed_demo(db, cli, kDays);
    CHECK(again.already_present);
    CHECK(again.history.visits == 0);
    CHECK(count(db, "SELECT COUNT(*) FROM visit") == visits);
    CHECK(count(db, "SELECT COUNT(*) FROM sale") == sales);
    CHECK(count(db, "SELECT COUNT(*) FROM audit_entry") == entries);
    CHECK(count(db, "SELECT COUNT(*) FROM sim_card") == cards);
}

TEST_CASE("The demo seed without history leaves today's queue and the sales empty", "[demo][history]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    const DemoSeedResult r = seed_demo(t.db(), cli, 0);
    CHECK(r.history.days == 0);
    CHECK(count(t.db(), "SELECT COUNT(*) FROM visit") == 0);
    CHECK(count(t.db(), "SELECT COUNT(*) FROM sale") == 0);
    CHECK_THROWS_AS(seed_demo(t.db(), cli, -1), InputError);
    CHECK_THROWS_AS(seed_demo(t.db(), cli, kDemoHistoryMaxDays + 1), InputError);
}
