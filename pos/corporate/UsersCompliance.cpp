#include "pos/corporate/UsersCompliance.hpp"

#include "db/Database.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/Permission.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <map>

namespace salon::pos {

CalendarDate plus_quarter(const CalendarDate& date) {
    using namespace std::chrono;
    year_month_day ymd{sys_days(days(date.days_since_epoch()))};
    const year_month ym = year_month(ymd.year(), ymd.month()) + months(3);
    const auto last = year_month_day_last(ym.year(), month_day_last(ym.month())).day();
    const year_month_day out{ym.year(), ym.month(), std::min(ymd.day(), last)};
    return CalendarDate::from_days(sys_days(out).time_since_epoch().count());
}

std::vector<UsersCompliance> users_compliance(db::Database& db, const Actor& actor, const CalendarDate& today) {
    actor.require(db, Permission::corporate_desk);
    struct Row {
        UsersCompliance c;
        std::int64_t created_at = 0;
        std::optional<std::int64_t> newest;
        std::optional<std::int64_t> first_missing_added;
    };
    std::map<std::int64_t, Row> rows;
    {
        long long id = 0, created = 0, newest = 0;
        std::string inn, name;
        soci::indicator newest_ind = soci::i_null;
        auto st = db.query(
            "SELECT c.id, c.inn, c.official_name, c.created_at, "
            "(SELECT MAX(l.received_at) FROM corporate_users_list l WHERE l.client_id = c.id) "
            "FROM corporate_client c ORDER BY c.id",
            soci::into(id), soci::into(inn), soci::into(name), soci::into(created), soci::into(newest, newest_ind));
        st.execute();
        while (st.fetch()) {
            Row r;
            r.c.client_id = id;
            r.c.inn = inn;
            r.c.official_name = name;
            r.created_at = created;
            if (newest_ind == soci::i_ok) r.newest = newest;
            rows.emplace(id, std::move(r));
        }
    }
    {
        long long client = 0, added = 0;
        int has_user = 0;
        auto st = db.query(
            "SELECT n.client_id, n.added_at, CASE WHEN u.number_id IS NULL THEN 0 ELSE 1 END "
            "FROM corporate_number n LEFT JOIN corporate_number_user u ON u.number_id = n.id",
            soci::into(client), soci::into(added), soci::into(has_user));
        st.execute();
        while (st.fetch()) {
            auto it = rows.find(client);
            if (it == rows.end()) continue;
            ++it->second.c.numbers;
            if (has_user) continue;
            ++it->second.c.numbers_without_data;
            if (!it->second.first_missing_added || added < *it->second.first_missing_added)
                it->second.first_missing_added = added;
        }
    }
    std::vector<UsersCompliance> out;
    for (auto& [id, r] : rows) {
        const CalendarDate list_from = CalendarDate::of_utc(r.newest ? *r.newest : r.created_at);
        if (r.newest) r.c.newest_list_on = list_from.iso();
        CalendarDate due = plus_quarter(list_from);
        r.c.list_stale = due < today;
        if (r.first_missing_added) due = std::min(due, CalendarDate::of_utc(*r.first_missing_added));
        if (!r.c.list_stale && r.c.numbers_without_data == 0) continue;
        r.c.due_on = due.iso();
        r.c.overdue = due < today;
        out.push_back(r.c);
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.due_on < b.due_on; });
    return out;
}

}  // namespace salon::pos
