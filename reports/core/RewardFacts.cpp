#include "reports/core/RewardFacts.hpp"

#include "db/Database.hpp"
#include "db/Text.hpp"

#include <set>
#include <unordered_map>

namespace salon::reports {

namespace {

struct Codes {
    std::unordered_map<long long, std::string> tariff_of_version;
    std::unordered_map<long long, std::string> product;
};

Codes read_codes(db::Database& db) {
    Codes c;
    long long id = 0;
    std::string code;
    {
        auto st = db.query("SELECT v.id, t.code FROM tariff_version v JOIN tariff t ON t.id = v.tariff_id",
                           soci::into(id), soci::into(code));
        st.execute();
        while (st.fetch()) c.tariff_of_version[id] = code;
    }
    auto st = db.query("SELECT id, code FROM product", soci::into(id), soci::into(code));
    st.execute();
    while (st.fetch()) c.product[id] = code;
    return c;
}

// Every dealer gets an entry, so a dealer without sales is listed with nothing earned.
FactsByDealer all_dealers(db::Database& db, std::int64_t only) {
    FactsByDealer out;
    long long id = 0;
    auto st = db.query("SELECT id FROM dealer", soci::into(id));
    st.execute();
    while (st.fetch())
        if (only == 0 || id == only) out[id].dealer_id = id;
    return out;
}

void add_line_group(FactsByDealer& facts, const Codes& codes, long long dealer, const std::string& kind,
                    long long tariff_version, long long product, int is_bundle, long long quantity) {
    auto it = facts.find(dealer);
    if (it == facts.end()) return;
    DealerFacts& f = it->second;
    if (kind == "sim") {
        const auto t = codes.tariff_of_version.find(tariff_version);
        f.sims_by_tariff[t == codes.tariff_of_version.end() ? std::string("?") : t->second] += quantity;
    } else if (kind == "service") {
        const auto p = codes.product.find(product);
        f.services_by_product[p == codes.product.end() ? std::string("?") : p->second] += quantity;
    }
    if (kind == "sim" || kind == "tariff_change") {
        f.tariff_sales += quantity;
        if (is_bundle) f.bundle_sales += quantity;
    }
}

// The raw lines of [from, to) grouped as the summaries are. `salons` narrows the sales read to some salons
// through the (salon_id, created_at) index; the reference reads them all without it.
const char* const kLinesRaw =
    "SELECT s.dealer_id, l.kind, COALESCE(l.tariff_version_id, 0), COALESCE(l.product_id, 0), l.is_bundle, "
    "SUM(CASE WHEN s.kind = 'sale' THEN l.quantity ELSE -l.quantity END) "
    "FROM sale s JOIN sale_line l ON l.sale_id = s.id "
    "WHERE s.created_at >= :a AND s.created_at < :b "
    "AND (l.kind = 'sim' OR l.kind = 'service' OR l.kind = 'tariff_change') ";
const char* const kLinesGroup =
    "GROUP BY s.dealer_id, l.kind, COALESCE(l.tariff_version_id, 0), COALESCE(l.product_id, 0), l.is_bundle";
const char* const kRatingsRaw =
    "SELECT sa.dealer_id, SUM(CASE WHEN v.rating >= 4 THEN 1 ELSE 0 END), COUNT(v.rating) "
    "FROM visit v JOIN salon sa ON sa.id = v.salon_id "
    "WHERE v.joined_at >= :a AND v.joined_at < :b AND v.rating IS NOT NULL ";

void read_lines(db::Database& db, FactsByDealer& facts, const Codes& codes, const std::string& sql,
                long long a, long long b, long long dealer = 0) {
    long long d = 0, tv = 0, p = 0, q = 0;
    std::string kind;
    int bundle = 0;
    auto st = dealer ? db.query(sql, soci::use(a), soci::use(b), soci::use(dealer), soci::into(d), soci::into(kind),
                                soci::into(tv), soci::into(p), soci::into(bundle), soci::into(q))
                     : db.query(sql, soci::use(a), soci::use(b), soci::into(d), soci::into(kind), soci::into(tv),
                                soci::into(p), soci::into(bundle), soci::into(q));
    st.execute();
    while (st.fetch()) add_line_group(facts, codes, d, kind, tv, p, bundle, q);
}

void read_ratings(db::Database& db, FactsByDealer& facts, const std::string& sql, long long a, long long b,
                  long long dealer = 0) {
    long long d = 0, good = 0, rated = 0;
    auto st = dealer ? db.query(sql, soci::use(a), soci::use(b), soci::use(dealer), soci::into(d), soci::into(good),
                                soci::into(rated))
                     : db.query(sql, soci::use(a), soci::use(b), soci::into(d), soci::into(good), soci::into(rated));
    st.execute();
    while (st.fetch()) {
        auto it = facts.find(d);
        if (it == facts.end()) continue;
        it->second.good_ratings += good;
        it->second.ratings += rated;
    }
}

// Selling staff and their certifications (R-POS-3) as of the period's end, and the entrance tests
// (R-TRN-6) of the dealer's candidates finished in the period.
void read_training(db::Database& db, FactsByDealer& facts, const PeriodRange& period) {
    const std::string end = period.ends_on.iso();
    long long d = 0, staff = 0, certified = 0;
    {
        auto st = db.query(
            "SELECT sa.dealer_id, COUNT(*), SUM(CASE WHEN EXISTS (SELECT 1 FROM certification c WHERE c.staff_id = "
            "st.id AND c.certified_on < :e) THEN 1 ELSE 0 END) FROM staff st JOIN salon sa ON sa.id = st.salon_id "
            "WHERE st.active = 1 AND (st.role = 'specialist' OR st.role = 'senior_specialist') GROUP BY sa.dealer_id",
            soci::use(end), soci::into(d), soci::into(staff), soci::into(certified));
        st.execute();
        while (st.fetch()) {
            auto it = facts.find(d);
            if (it == facts.end()) continue;
            it->second.selling_staff = staff;
            it->second.certified_staff = certified;
        }
    }
    long long a = period.start_unix(), b = period.end_unix(), attempts = 0, passed = 0;
    auto st = db.query("SELECT c.dealer_id, COUNT(*), SUM(CASE WHEN a.passed = 1 THEN 1 ELSE 0 END) FROM attempt a "
                       "JOIN candidate c ON c.id = a.candidate_id WHERE a.submitted_at >= :a AND a.submitted_at < :b "
                       "GROUP BY c.dealer_id",
                       soci::use(a), soci::use(b), soci::into(d), soci::into(attempts), soci::into(passed));
    st.execute();
    while (st.fetch()) {
        auto it = facts.find(d);
        if (it == facts.end()) continue;
        it->second.test_attempts = attempts;
        it->second.tests_passed = passed;
    }
}

void read_clawbacks(db::Database& db, FactsByDealer& facts, const PeriodRange& period) {
    const std::string from = period.starts_on.iso(), to = period.ends_on.iso();
    long long line = 0, created = 0, d = 0;
    int bundle = 0;
    std::string msisdn, deactivated, code;
    soci::indicator code_ind = soci::i_ok;
    auto st = db.query(
        "SELECT x.sale_line_id, x.msisdn, x.deactivated_on, s.created_at, s.dealer_id, l.is_bundle, t.code "
        "FROM sim_deactivation x JOIN sale_line l ON l.id = x.sale_line_id JOIN sale s ON s.id = l.sale_id "
        "LEFT JOIN tariff_version v ON v.id = l.tariff_version_id LEFT JOIN tariff t ON t.id = v.tariff_id "
        "WHERE x.reported_on >= :f AND x.reported_on < :t ORDER BY x.sale_line_id",
        soci::use(from), soci::use(to), soci::into(line), soci::into(msisdn), soci::into(deactivated),
        soci::into(created), soci::into(d), soci::into(bundle), soci::into(code, code_ind));
    st.execute();
    while (st.fetch()) {
        auto it = facts.find(d);
        if (it == facts.end()) continue;
        Clawback c;
        c.sale_line_id = line;
        c.msisdn = msisdn;
        c.tariff_code = code_ind == soci::i_ok ? code : "?";
        c.is_bundle = bundle != 0;
        c.sale_day = accounting_day(created);
        c.deactivated_day = pos::CalendarDate::parse(deactivated, "deactivated_on", tr("Deactivated on")).days_since_epoch();
        it->second.clawbacks.push_back(c);
    }
}

}  // namespace

int materialise_closed_days(db::Database& db, std::int64_t first_day, std::int64_t end_day) {
    const std::int64_t closed_end = std::min(end_day, accounting_day(db.now()) - 1);
    if (closed_end <= first_day) return 0;
    auto done_days = [&] {
        std::set<long long> done;
        long long day = 0, a = first_day, b = closed_end;
        auto st = db.query("SELECT day FROM reward_day_done WHERE day >= :a AND day < :b", soci::use(a), soci::use(b),
                           soci::into(day));
        st.execute();
        while (st.fetch()) done.insert(day);
        return done;
    };
    // Read first, lock only when something is missing: a computation over summarised days writes nothing.
    if (static_cast<std::int64_t>(done_days().size()) == closed_end - first_day) return 0;
    db::WriteTransaction tx(db);
    const std::set<long long> done = done_days();
    int built = 0;
    const long long now = db.now();
    for (long long day = first_day; day < closed_end;) {
        if (done.count(day)) {
            ++day;
            continue;
        }
        long long last = day;
        while (last + 1 < closed_end && !done.count(last + 1)) ++last;
        long long a = accounting_day_start(day), b = accounting_day_start(last + 1);
        // Only through the salons' (salon_id, created_at) index: no index is added to the sale for this.
        db.run("INSERT INTO reward_day_line (day, dealer_id, kind, tariff_version_id, product_id, is_bundle, quantity) "
               "SELECT (s.created_at + 10800) / 86400, s.dealer_id, l.kind, COALESCE(l.tariff_version_id, 0), "
               "COALESCE(l.product_id, 0), l.is_bundle, SUM(CASE WHEN s.kind = 'sale' THEN l.quantity ELSE -l.quantity "
               "END) FROM sale s JOIN sale_line l ON l.sale_id = s.id WHERE s.salon_id IN (SELECT id FROM salon) "
               "AND s.created_at >= :a AND s.created_at < :b "
               "AND (l.kind = 'sim' OR l.kind = 'service' OR l.kind = 'tariff_change') "
               "GROUP BY (s.created_at + 10800) / 86400, s.dealer_id, l.kind, COALESCE(l.tariff_version_id, 0), "
               "COALESCE(l.product_id, 0), l.is_bundle",
               soci::use(a), soci::use(b));
        db.run("INSERT INTO reward_day_rating (day, dealer_id, good, rated) "
               "SELECT (v.joined_at + 10800) / 86400, sa.dealer_id, SUM(CASE WHEN v.rating >= 4 THEN 1 ELSE 0 END), "
               "COUNT(v.rating) FROM visit v JOIN salon sa ON sa.id = v.salon_id WHERE v.salon_id IN (SELECT id FROM "
               "salon) AND v.joined_at >= :a AND v.joined_at < :b AND v.rating IS NOT NULL "
               "GROUP BY (v.joined_at + 10800) / 86400, sa.dealer_id",
               soci::use(a), soci::use(b));
        db.run("INSERT INTO reward_sim_sale (msisdn, sale_line_id, sold_at) SELECT l.msisdn, l.id, s.created_at "
               "FROM sale s JOIN sale_line l ON l.sale_id = s.id WHERE s.salon_id IN (SELECT id FROM salon) "
               "AND s.created_at >= :a AND s.created_at < :b AND l.kind = 'sim' AND s.kind = 'sale' "
               "AND l.msisdn IS NOT NULL",
               soci::use(a), soci::use(b));
        for (long long d = day; d <= last; ++d, ++built)
            db.run("INSERT INTO reward_day_done (day, built_at) VALUES (:d, :at)", soci::use(d), soci::use(now));
        day = last + 1;
    }
    tx.commit();
    return built;
}

FactsByDealer gather_facts(db::Database& db, const PeriodRange& period, std::int64_t dealer_id) {
    FactsByDealer facts = all_dealers(db, dealer_id);
    const Codes codes = read_codes(db);
    long long first = period.first_day(), end = period.end_day(), dealer = dealer_id;
    // The summarised days: every one up to the first not summarised (the open days and any after them).
    long long summarised_end = first;
    {
        long long day = 0;
        auto st = db.query("SELECT day FROM reward_day_done WHERE day >= :a AND day < :b ORDER BY day",
                           soci::use(first), soci::use(end), soci::into(day));
        st.execute();
        while (st.fetch() && day == summarised_end) ++summarised_end;
    }
    if (summarised_end > first) {
        const std::string where = std::string(" WHERE day >= :a AND day < :b") + (dealer ? " AND dealer_id = :d" : "");
        read_lines(db, facts, codes,
                   "SELECT dealer_id, kind, tariff_version_id, product_id, is_bundle, SUM(quantity) FROM "
                   "reward_day_line" + where + " GROUP BY dealer_id, kind, tariff_version_id, product_id, is_bundle",
                   first, summarised_end, dealer);
        read_ratings(db, facts, "SELECT dealer_id, SUM(good), SUM(rated) FROM reward_day_rating" + where +
                                    " GROUP BY dealer_id",
                     first, summarised_end, dealer);
    }
    if (summarised_end < end) {
        const std::string salons = dealer ? "AND s.salon_id IN (SELECT id FROM salon WHERE dealer_id = :d) "
                                          : "AND s.salon_id IN (SELECT id FROM salon) ";
        const std::string visit_salons = dealer ? "AND v.salon_id IN (SELECT id FROM salon WHERE dealer_id = :d) "
                                                : "AND v.salon_id IN (SELECT id FROM salon) ";
        read_lines(db, facts, codes, kLinesRaw + salons + kLinesGroup, accounting_day_start(summarised_end),
                   period.end_unix(), dealer);
        read_ratings(db, facts, kRatingsRaw + visit_salons + "GROUP BY sa.dealer_id",
                     accounting_day_start(summarised_end), period.end_unix(), dealer);
    }
    read_training(db, facts, period);
    read_clawbacks(db, facts, period);
    return facts;
}

FactsByDealer gather_facts_full_scan(db::Database& db, const PeriodRange& period) {
    FactsByDealer facts = all_dealers(db, 0);
    const Codes codes = read_codes(db);
    read_lines(db, facts, codes, std::string(kLinesRaw) + kLinesGroup, period.start_unix(), period.end_unix());
    read_ratings(db, facts, std::string(kRatingsRaw) + "GROUP BY sa.dealer_id", period.start_unix(), period.end_unix());
    read_training(db, facts, period);
    read_clawbacks(db, facts, period);
    return facts;
}

}  // namespace salon::reports
