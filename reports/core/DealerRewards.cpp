#include "reports/core/DealerRewards.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/common/Money.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/common/SpreadsheetReader.hpp"
#include "reports/core/RewardFacts.hpp"
#include "reports/core/RewardScheme.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace salon::reports {

using pos::InputError;

namespace {

long long nullable_id(std::int64_t id, soci::indicator& ind) {
    ind = id ? soci::i_ok : soci::i_null;
    return id;
}

std::optional<PeriodRecord> stored_period(db::Database& db, const std::string& code) {
    PeriodRecord p;
    long long id = 0, scheme = 0, at = 0;
    if (!db.run("SELECT id, code, kind, starts_on, ends_on, status, scheme_id, computed_at FROM reward_period "
                "WHERE code = :c",
                soci::use(code), soci::into(id), soci::into(p.code), soci::into(p.kind), soci::into(p.starts_on),
                soci::into(p.ends_on), soci::into(p.status), soci::into(scheme), soci::into(at)))
        return std::nullopt;
    p.id = id;
    p.scheme_id = scheme;
    p.computed_at = at;
    return p;
}

std::string dealer_name(db::Database& db, std::int64_t id) {
    std::string name;
    long long d = id;
    db.run("SELECT name FROM dealer WHERE id = :d", soci::use(d), soci::into(name));
    return name;
}

// The results of every dealer under `scheme` from facts gathered the station's way.
std::map<std::int64_t, DealerReward> rewards_of(db::Database& db, const PeriodRange& range, const RewardScheme& scheme,
                                                std::int64_t dealer_id = 0) {
    std::map<std::int64_t, DealerReward> out;
    for (const auto& [id, facts] : gather_facts(db, range, dealer_id)) out[id] = calculate_reward(scheme, facts);
    return out;
}

std::int64_t stored_total(db::Database& db, std::int64_t period_id, std::int64_t dealer_id) {
    long long total = 0, p = period_id, d = dealer_id;
    db.run("SELECT total FROM reward_result WHERE period_id = :p AND dealer_id = :d", soci::use(p), soci::use(d),
           soci::into(total));
    return total;
}

// The corrections of the locked periods of the same kind before `range` (R-POS-2: never an edit of a
// locked period): what each would pay now, less what it paid, less what other periods already booked for it.
// Periods of this dealer only, or all (0). Keyed by dealer, then by the locked period's code.
std::map<std::int64_t, std::map<std::string, std::int64_t>> corrections(db::Database& db, const PeriodRange& range,
                                                                        std::int64_t booking_period_id,
                                                                        std::int64_t dealer_id = 0) {
    std::map<std::int64_t, std::map<std::string, std::int64_t>> out;
    std::vector<std::pair<long long, std::string>> locked;
    {
        long long id = 0;
        std::string code;
        const std::string start = range.starts_on.iso();
        auto st = db.query("SELECT id, code FROM reward_period WHERE status = 'locked' AND kind = :k AND ends_on <= :s "
                           "ORDER BY starts_on",
                           soci::use(range.kind), soci::use(start), soci::into(id), soci::into(code));
        st.execute();
        while (st.fetch()) locked.emplace_back(id, code);
    }
    for (const auto& [locked_id, code] : locked) {
        const PeriodRange lr = parse_period(code);
        const auto scheme = scheme_in_force(db, lr.starts_on.iso());
        for (const auto& [dealer, reward] : rewards_of(db, lr, scheme, dealer_id)) {
            long long adjusted_in = 0, booked = 0, lid = locked_id, d = dealer, here = booking_period_id;
            soci::indicator i1 = soci::i_ok, i2 = soci::i_ok;
            db.run("SELECT SUM(amount) FROM reward_adjustment WHERE period_id = :p AND dealer_id = :d", soci::use(lid),
                   soci::use(d), soci::into(adjusted_in, i1));
            db.run("SELECT SUM(amount) FROM reward_adjustment WHERE of_period_id = :p AND dealer_id = :d "
                   "AND period_id <> :here",
                   soci::use(lid), soci::use(d), soci::use(here), soci::into(booked, i2));
            if (i1 != soci::i_ok) adjusted_in = 0;
            if (i2 != soci::i_ok) booked = 0;
            const std::int64_t delta = reward.total + adjusted_in - stored_total(db, locked_id, dealer) - booked;
            if (delta != 0) out[dealer][code] = delta;
        }
    }
    return out;
}

void add_adjustments(DealerReward& reward, const std::map<std::string, std::int64_t>& of_periods) {
    for (const auto& [code, amount] : of_periods) {
        reward.lines.push_back({"adjustment:" + code, "adjustment", code, 0, 0, 0, 0, amount, 0});
        reward.total += amount;
    }
}

void require_dealer(db::Database& db, const pos::Actor& actor, std::int64_t dealer_id) {
    actor.require(db, pos::Permission::view_dealer_reports);
    long long n = 0, d = dealer_id;
    db.run("SELECT COUNT(*) FROM dealer WHERE id = :d", soci::use(d), soci::into(n));
    if (n == 0)
        throw InputError("dealer", tr("Dealer"), trf("no dealer with number {1}", {std::to_string(dealer_id)}));
    if (!actor.sees_dealer(dealer_id))
        throw RefusedError(tr("A dealer's manager sees his own dealer's rewards only"));
}

}  // namespace

PeriodRecord period_record(db::Database& db, const std::string& code) {
    const PeriodRange range = parse_period(code);
    if (auto p = stored_period(db, range.code)) return *p;
    PeriodRecord p;
    p.code = range.code;
    p.kind = range.kind;
    p.starts_on = range.starts_on.iso();
    p.ends_on = range.ends_on.iso();
    p.status = "open";
    return p;
}

std::vector<PeriodRecord> list_periods(db::Database& db, const pos::Actor& actor) {
    actor.require(db, pos::Permission::view_dealer_reports);
    std::vector<std::string> codes;
    std::string code;
    auto st = db.query("SELECT code FROM reward_period ORDER BY starts_on, kind", soci::into(code));
    st.execute();
    while (st.fetch()) codes.push_back(code);
    std::vector<PeriodRecord> out;
    for (const auto& c : codes) out.push_back(*stored_period(db, c));
    return out;
}

std::vector<DealerReward> compute_period(db::Database& db, const pos::Actor& actor, const std::string& code) {
    const PeriodRange range = parse_period(code);
    actor.require(db, pos::Permission::edit_reward_schemes);
    materialise_closed_days(db, range.first_day(), range.end_day());
    for (const auto& [id, c] : [&] {
             std::vector<std::pair<long long, std::string>> locked;
             long long i = 0;
             std::string k;
             auto st = db.query("SELECT id, code FROM reward_period WHERE status = 'locked' AND kind = :k",
                                soci::use(range.kind), soci::into(i), soci::into(k));
             st.execute();
             while (st.fetch()) locked.emplace_back(i, k);
             return locked;
         }()) {
        const PeriodRange lr = parse_period(c);
        materialise_closed_days(db, lr.first_day(), lr.end_day());
    }
    db::WriteTransaction tx(db);
    const auto existing = stored_period(db, range.code);
    if (existing && existing->status == "locked")
        throw RefusedError(trf("Period {1} is locked: a correction goes into the next open period as an adjustment",
                               {range.code}));
    const RewardScheme scheme = scheme_in_force(db, range.starts_on.iso());
    const std::int64_t now = db.now();
    soci::indicator by_ind;
    long long by = nullable_id(actor.staff_id(), by_ind), scheme_id = scheme.id;
    long long period_id = 0;
    if (existing) {
        period_id = existing->id;
        db.update("UPDATE reward_period SET status = 'computed', scheme_id = :s, computed_at = :at, computed_by = :by, "
                  "reviewed_at = NULL, reviewed_by = NULL WHERE id = :id",
                  soci::use(scheme_id), soci::use(now), soci::use(by, by_ind), soci::use(period_id));
        db.update("DELETE FROM reward_result WHERE period_id = :p", soci::use(period_id));
        db.update("DELETE FROM reward_adjustment WHERE period_id = :p", soci::use(period_id));
    } else {
        const std::string starts = range.starts_on.iso(), ends = range.ends_on.iso();
        period_id = db.insert("INSERT INTO reward_period (code, kind, starts_on, ends_on, status, scheme_id, "
                              "computed_at, computed_by) VALUES (:c, :k, :s, :e, 'computed', :sc, :at, :by)",
                              soci::use(range.code), soci::use(range.kind), soci::use(starts), soci::use(ends),
                              soci::use(scheme_id), soci::use(now), soci::use(by, by_ind));
    }
    auto rewards = rewards_of(db, range, scheme);
    const auto corrected = corrections(db, range, period_id);
    std::vector<DealerReward> out;
    for (auto& [dealer, reward] : rewards) {
        if (auto c = corrected.find(dealer); c != corrected.end()) {
            add_adjustments(reward, c->second);
            for (const auto& [of_code, amount] : c->second) {
                long long of_id = stored_period(db, of_code)->id, d = dealer, a = amount;
                db.run("INSERT INTO reward_adjustment (period_id, of_period_id, dealer_id, amount) "
                       "VALUES (:p, :o, :d, :a)",
                       soci::use(period_id), soci::use(of_id), soci::use(d), soci::use(a));
            }
        }
        const std::string detail = to_json(reward).dump();
        long long d = dealer, total = reward.total;
        db.run("INSERT INTO reward_result (period_id, dealer_id, total, detail) VALUES (:p, :d, :t, :x)",
               soci::use(period_id), soci::use(d), soci::use(total), soci::use(detail));
        out.push_back(reward);
    }
    std::int64_t sum = 0;
    for (const auto& r : out) sum += r.total;
    actor.record(db, "reward_period.compute", "reward_period:" + range.code,
                 "scheme=" + std::to_string(scheme.id) + " dealers=" + std::to_string(out.size()) +
                     " total=" + std::to_string(sum));
    tx.commit();
    return out;
}

namespace {

void advance(db::Database& db, const pos::Actor& actor, const std::string& code, const std::string& to) {
    const PeriodRange range = parse_period(code);
    db::WriteTransaction tx(db);
    actor.require(db, pos::Permission::edit_reward_schemes);
    const auto p = stored_period(db, range.code);
    if (!p) throw RefusedError(trf("Period {1} is not computed yet: compute it first", {range.code}));
    if (p->status == "locked") throw RefusedError(trf("Period {1} is already locked", {range.code}));
    if (to == "reviewed" && p->status != "computed")
        throw RefusedError(trf("Period {1} is already reviewed", {range.code}));
    const std::int64_t now = db.now();
    soci::indicator by_ind;
    long long by = nullable_id(actor.staff_id(), by_ind), id = p->id;
    if (to == "reviewed")
        db.update("UPDATE reward_period SET status = 'reviewed', reviewed_at = :at, reviewed_by = :by WHERE id = :id",
                  soci::use(now), soci::use(by, by_ind), soci::use(id));
    else
        db.update("UPDATE reward_period SET status = 'locked', locked_at = :at, locked_by = :by WHERE id = :id",
                  soci::use(now), soci::use(by, by_ind), soci::use(id));
    actor.record(db, "reward_period." + std::string(to == "reviewed" ? "review" : "lock"),
                 "reward_period:" + range.code, "from=" + p->status);
    tx.commit();
}

}  // namespace

void review_period(db::Database& db, const pos::Actor& actor, const std::string& code) {
    advance(db, actor, code, "reviewed");
}
void lock_period(db::Database& db, const pos::Actor& actor, const std::string& code) { advance(db, actor, code, "locked"); }

std::int64_t dealer_by_inn(db::Database& db, const std::string& inn) {
    long long id = 0;
    if (!db.run("SELECT id FROM dealer WHERE inn = :i", soci::use(inn), soci::into(id)))
        throw InputError("dealer", tr("Dealer"), trf("no dealer with INN {1}", {inn.substr(0, 20)}));
    return id;
}

DealerStatement dealer_statement(db::Database& db, const pos::Actor& actor, const std::string& code,
                                 std::int64_t dealer_id) {
    const PeriodRange range = parse_period(code);
    require_dealer(db, actor, dealer_id);
    DealerStatement s;
    s.period = period_record(db, range.code);
    s.dealer_id = dealer_id;
    long long d = dealer_id;
    db.run("SELECT name, inn FROM dealer WHERE id = :d", soci::use(d), soci::into(s.dealer_name),
           soci::into(s.dealer_inn));
    if (s.period.id) {
        std::string detail;
        long long p = s.period.id;
        if (db.run("SELECT detail FROM reward_result WHERE period_id = :p AND dealer_id = :d", soci::use(p),
                   soci::use(d), soci::into(detail)))
            s.reward = reward_from_json(nlohmann::json::parse(detail));
        s.reward.dealer_id = dealer_id;
        s.scheme_id = s.period.scheme_id;
    } else {
        // Accruing: the open period as it stands, with the corrections it would book.
        s.accruing = true;
        materialise_closed_days(db, range.first_day(), range.end_day());
        const RewardScheme scheme = scheme_in_force(db, range.starts_on.iso());
        s.scheme_id = scheme.id;
        s.reward = rewards_of(db, range, scheme, dealer_id)[dealer_id];
        const auto corrected = corrections(db, range, 0, dealer_id);
        if (auto c = corrected.find(dealer_id); c != corrected.end()) add_adjustments(s.reward, c->second);
    }
    long long sid = s.scheme_id;
    db.run("SELECT name FROM reward_scheme WHERE id = :s", soci::use(sid), soci::into(s.scheme_name));
    for (auto& dispute : list_disputes(db, actor, range.code))
        if (dispute.dealer_id == dealer_id) s.disputes.push_back(dispute);
    return s;
}

namespace {

bool has_line(const DealerStatement& s, const std::string& key) {
    return std::any_of(s.reward.lines.begin(), s.reward.lines.end(), [&](const auto& l) { return l.key == key; });
}

}  // namespace

std::vector<SourceLine> statement_sources(db::Database& db, const pos::Actor& actor, const std::string& code,
                                          std::int64_t dealer_id, const std::string& key, int limit) {
    const DealerStatement s = dealer_statement(db, actor, code, dealer_id);
    if (!has_line(s, key))
        throw InputError("line", tr("Statement line"),
                         trf("the statement of {1} for {2} has no line \"{3}\"",
                             {s.dealer_name, s.period.code, key.substr(0, 60)}));
    const PeriodRange range = parse_period(code);
    const RewardScheme scheme = s.scheme_id ? get_scheme(db, actor, s.scheme_id) : scheme_in_force(db, range.starts_on.iso());
    const auto colon = key.find(':');
    const std::string rule = key.substr(0, colon), item = colon == std::string::npos ? "" : key.substr(colon + 1);
    std::string where;
    if (rule == "sim" || rule == "volume_tier") where = "l.kind = 'sim'";
    else if (rule == "upsell") where = "l.kind = 'service'";
    else if (rule == "bundle") where = "(l.kind = 'sim' OR l.kind = 'tariff_change') AND l.is_bundle = 1";
    else if (rule == "clawback") where = "l.id = :line";
    else
        throw InputError("line", tr("Statement line"),
                         trf("\"{1}\" is computed from the period's totals shown on the line, not from single sales",
                             {key}));
    long long a = range.start_unix(), b = range.end_unix(), d = dealer_id, lim = limit;
    long long line_id = rule == "clawback" ? std::stoll(item) : 0;
    const std::string sql =
        "SELECT s.id, l.id, s.created_at, s.kind, sa.name, st.full_name, l.description, "
        "COALESCE(t.code, p.code, ''), CASE WHEN s.kind = 'sale' THEN l.quantity ELSE -l.quantity END "
        "FROM sale s JOIN sale_line l ON l.sale_id = s.id JOIN salon sa ON sa.id = s.salon_id "
        "JOIN staff st ON st.id = s.staff_id LEFT JOIN tariff_version v ON v.id = l.tariff_version_id "
        "LEFT JOIN tariff t ON t.id = v.tariff_id LEFT JOIN product p ON p.id = l.product_id WHERE " +
        where +
        (rule == "clawback" ? std::string(" AND s.dealer_id = :d")
                            : std::string(" AND s.salon_id IN (SELECT id FROM salon WHERE dealer_id = :d) "
                                          "AND s.created_at >= :a AND s.created_at < :b")) +
        " ORDER BY s.created_at, l.id LIMIT :lim";
    SourceLine row;
    long long sale = 0, lid = 0, at = 0, q = 0;
    std::vector<SourceLine> out;
    auto collect = [&](db::Statement st) {
        st.execute();
        while (st.fetch()) {
            row.sale_id = sale;
            row.line_id = lid;
            row.at = at;
            row.quantity = q;
            if (rule == "sim" && row.tariff_or_product != item) continue;
            if (rule == "upsell" && row.tariff_or_product != item) continue;
            if (rule == "sim") row.reward = q * scheme.sim_rate(row.tariff_or_product);
            else if (rule == "upsell") row.reward = q * scheme.upsell_rate(row.tariff_or_product);
            else if (rule == "bundle") row.reward = q * scheme.bundle_bonus;
            else if (rule == "clawback") row.reward = -(scheme.sim_rate(row.tariff_or_product));
            else row.reward = 0;
            out.push_back(row);
        }
    };
    if (rule == "clawback")
        collect(db.query(sql, soci::use(line_id), soci::use(d), soci::use(lim), soci::into(sale), soci::into(lid),
                         soci::into(at), soci::into(row.kind), soci::into(row.salon), soci::into(row.staff),
                         soci::into(row.description), soci::into(row.tariff_or_product), soci::into(q)));
    else
        collect(db.query(sql, soci::use(d), soci::use(a), soci::use(b), soci::use(lim), soci::into(sale),
                         soci::into(lid), soci::into(at), soci::into(row.kind), soci::into(row.salon),
                         soci::into(row.staff), soci::into(row.description), soci::into(row.tariff_or_product),
                         soci::into(q)));
    return out;
}

std::vector<UnitShare> statement_by(db::Database& db, const pos::Actor& actor, const std::string& code,
                                    std::int64_t dealer_id, bool by_specialist) {
    const PeriodRange range = parse_period(code);
    require_dealer(db, actor, dealer_id);
    const RewardScheme scheme = scheme_in_force(db, range.starts_on.iso());
    const std::string group = by_specialist ? "s.staff_id" : "s.salon_id";
    const std::string name = by_specialist ? "(SELECT full_name FROM staff WHERE id = g)" : "(SELECT name FROM salon WHERE id = g)";
    std::map<long long, UnitShare> units;
    long long a = range.start_unix(), b = range.end_unix(), d = dealer_id;
    {
        long long g = 0, q = 0;
        std::string kind, code_text;
        int bundle = 0;
        auto st = db.query("SELECT " + group + ", l.kind, COALESCE(t.code, p.code, ''), l.is_bundle, "
                           "SUM(CASE WHEN s.kind = 'sale' THEN l.quantity ELSE -l.quantity END) FROM sale s "
                           "JOIN sale_line l ON l.sale_id = s.id LEFT JOIN tariff_version v ON v.id = l.tariff_version_id "
                           "LEFT JOIN tariff t ON t.id = v.tariff_id LEFT JOIN product p ON p.id = l.product_id "
                           "WHERE s.salon_id IN (SELECT id FROM salon WHERE dealer_id = :d) AND s.created_at >= :a "
                           "AND s.created_at < :b AND (l.kind = 'sim' OR l.kind = 'service' OR l.kind = 'tariff_change') "
                           "GROUP BY " + group + ", l.kind, COALESCE(t.code, p.code, ''), l.is_bundle",
                           soci::use(d), soci::use(a), soci::use(b), soci::into(g), soci::into(kind),
                           soci::into(code_text), soci::into(bundle), soci::into(q));
        st.execute();
        while (st.fetch()) {
            UnitShare& u = units[g];
            u.id = g;
            if (kind == "sim") u.sims += q, u.unit_reward += q * scheme.sim_rate(code_text);
            if (kind == "service") u.services += q, u.unit_reward += q * scheme.upsell_rate(code_text);
            if (kind == "sim" || kind == "tariff_change") {
                u.tariff_sales += q;
                if (bundle) u.bundle_sales += q, u.unit_reward += q * scheme.bundle_bonus;
            }
        }
    }
    {
        const std::string vgroup = by_specialist ? "v.served_by" : "v.salon_id";
        long long g = 0, good = 0, rated = 0;
        soci::indicator gi = soci::i_ok;
        auto st = db.query("SELECT " + vgroup + ", SUM(CASE WHEN v.rating >= 4 THEN 1 ELSE 0 END), COUNT(v.rating) "
                           "FROM visit v WHERE v.salon_id IN (SELECT id FROM salon WHERE dealer_id = :d) AND "
                           "v.joined_at >= :a AND v.joined_at < :b AND v.rating IS NOT NULL GROUP BY " + vgroup,
                           soci::use(d), soci::use(a), soci::use(b), soci::into(g, gi), soci::into(good),
                           soci::into(rated));
        st.execute();
        while (st.fetch()) {
            if (gi != soci::i_ok) continue;
            UnitShare& u = units[g];
            u.id = g;
            u.good_ratings += good;
            u.ratings += rated;
        }
    }
    std::vector<UnitShare> out;
    for (auto& [g, u] : units) {
        long long id = g;
        db.run(by_specialist ? "SELECT full_name FROM staff WHERE id = :g" : "SELECT name FROM salon WHERE id = :g",
               soci::use(id), soci::into(u.name));
        out.push_back(u);
    }
    (void)name;
    std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.name < y.name; });
    return out;
}

std::vector<Dispute> list_disputes(db::Database& db, const pos::Actor& actor, const std::string& code) {
    actor.require(db, pos::Permission::view_dealer_reports);
    std::vector<Dispute> out;
    Dispute row;
    long long id = 0, dealer = 0, raised_at = 0, resolved_at = 0;
    soci::indicator res_ind = soci::i_ok, rb_ind = soci::i_ok, rat_ind = soci::i_ok, by_ind = soci::i_ok;
    const std::string filter = code.empty() ? std::string() : parse_period(code).code;
    auto st = db.query(
        "SELECT d.id, p.code, d.dealer_id, d.line_key, d.comment, d.status, d.resolution, "
        "COALESCE((SELECT full_name FROM staff WHERE id = d.raised_by), ''), "
        "(SELECT full_name FROM staff WHERE id = d.resolved_by), d.raised_at, d.resolved_at "
        "FROM reward_dispute d JOIN reward_period p ON p.id = d.period_id WHERE (:c = '' OR p.code = :c2) ORDER BY d.id",
        soci::use(filter), soci::use(filter), soci::into(id), soci::into(row.period), soci::into(dealer),
        soci::into(row.line_key), soci::into(row.comment), soci::into(row.status), soci::into(row.resolution, res_ind),
        soci::into(row.raised_by), soci::into(row.resolved_by, rb_ind), soci::into(raised_at), soci::into(resolved_at, rat_ind));
    st.execute();
    while (st.fetch()) {
        if (!actor.sees_dealer(dealer)) continue;
        Dispute d = row;
        d.id = id;
        d.dealer_id = dealer;
        d.raised_at = raised_at;
        if (res_ind != soci::i_ok) d.resolution.clear();
        if (rb_ind != soci::i_ok) d.resolved_by.clear();
        d.resolved_at = rat_ind == soci::i_ok ? resolved_at : 0;
        out.push_back(d);
    }
    (void)by_ind;
    return out;
}

std::int64_t raise_dispute(db::Database& db, const pos::Actor& actor, const std::string& code,
                           std::int64_t dealer_id, const std::string& line_key, const std::string& comment) {
    const std::string text = pos::required_text("comment", tr("Comment"), comment);
    const DealerStatement s = dealer_statement(db, actor, code, dealer_id);
    if (!s.period.id)
        throw RefusedError(trf("Period {1} is not computed yet: a dispute is about a computed statement", {s.period.code}));
    if (!has_line(s, line_key))
        throw InputError("line", tr("Statement line"),
                         trf("the statement of {1} for {2} has no line \"{3}\"",
                             {s.dealer_name, s.period.code, line_key.substr(0, 60)}));
    db::WriteTransaction tx(db);
    actor.require(db, pos::Permission::view_dealer_reports);
    soci::indicator by_ind;
    long long by = nullable_id(actor.staff_id(), by_ind), p = s.period.id, d = dealer_id;
    const std::int64_t now = db.now();
    const std::int64_t id = db.insert(
        "INSERT INTO reward_dispute (period_id, dealer_id, line_key, comment, status, raised_by, raised_at) "
        "VALUES (:p, :d, :k, :c, 'open', :by, :at)",
        soci::use(p), soci::use(d), soci::use(line_key), soci::use(text), soci::use(by, by_ind), soci::use(now));
    actor.record(db, "reward_dispute.raise", "reward_dispute:" + std::to_string(id),
                 "period=" + s.period.code + " dealer=" + std::to_string(dealer_id) + " line=" + line_key);
    tx.commit();
    return id;
}

void resolve_dispute(db::Database& db, const pos::Actor& actor, std::int64_t dispute_id, bool accepted,
                     const std::string& answer) {
    const std::string text = pos::required_text("answer", tr("Answer"), answer);
    db::WriteTransaction tx(db);
    actor.require(db, pos::Permission::edit_reward_schemes);
    std::string status;
    long long id = dispute_id;
    if (!db.run("SELECT status FROM reward_dispute WHERE id = :id", soci::use(id), soci::into(status)))
        throw InputError("dispute", tr("Dispute"), trf("no dispute with number {1}", {std::to_string(dispute_id)}));
    if (status != "open") throw RefusedError(trf("Dispute {1} is already resolved", {std::to_string(dispute_id)}));
    soci::indicator by_ind;
    long long by = nullable_id(actor.staff_id(), by_ind);
    const std::int64_t now = db.now();
    const std::string to = accepted ? "accepted" : "rejected";
    db.update("UPDATE reward_dispute SET status = :s, resolution = :r, resolved_by = :by, resolved_at = :at WHERE id = :id",
              soci::use(to), soci::use(text), soci::use(by, by_ind), soci::use(now), soci::use(id));
    actor.record(db, "reward_dispute.resolve", "reward_dispute:" + std::to_string(dispute_id), "status=" + to);
    tx.commit();
}

namespace {

pos::CalendarDate cell_date(const pos::SpreadsheetCell& cell, int row, const char* input, const Text& field) {
    try {
        if (cell.kind == pos::SpreadsheetCell::Kind::date && cell.date) return *cell.date;
        return pos::CalendarDate::parse(cell.text, input, field);
    } catch (const ValidationError& e) {
        throw InputError(input, trf("Row {1}", {std::to_string(row)}), trf("{1}", {e.message()}));
    }
}

}  // namespace

DeactivationImport import_deactivations(db::Database& db, const pos::Actor& actor, const std::string& path) {
    actor.require(db, pos::Permission::edit_reward_schemes);
    const pos::Spreadsheet sheet = pos::SpreadsheetReader(tr("Deactivation file")).read_file(path);
    struct Checked {
        std::string msisdn, deactivated, reported;
        long long line_id = 0;
        int row = 0;
    };
    std::vector<Checked> checked;
    DeactivationImport result;
    const std::string today = pos::CalendarDate::from_days(accounting_day(db.now())).iso();
    for (const auto& row : sheet.rows) {
        if (row.blank()) continue;
        const auto& first = row.at(0);
        // A header row: its first cell holds letters, not a number.
        if (checked.empty() && result.rows == 0 && first.kind == pos::SpreadsheetCell::Kind::text &&
            std::none_of(first.text.begin(), first.text.end(), [](char c) { return c >= '0' && c <= '9'; }))
            continue;
        ++result.rows;
        Checked c;
        try {
            c.msisdn = pos::Msisdn::parse(first.text).str();
        } catch (const ValidationError& e) {
            throw InputError("msisdn", trf("Row {1}", {std::to_string(row.row)}), trf("{1}", {e.message()}));
        }
        const auto deactivated = cell_date(row.at(1), row.row, "deactivated_on", tr("Deactivated on"));
        const auto reported = row.at(2).empty() ? pos::CalendarDate::parse(today, "reported_on", tr("Reported on"))
                                                : cell_date(row.at(2), row.row, "reported_on", tr("Reported on"));
        if (reported < deactivated)
            throw InputError("reported_on", trf("Row {1}", {std::to_string(row.row)}),
                             tr("reported before the deactivation itself"));
        c.deactivated = deactivated.iso();
        c.reported = reported.iso();
        c.row = row.row;
        checked.push_back(c);
    }
    // The SIM line that sold each number last before its deactivation, within the year before it: the days
    // over through the summarised SIM sales (built here if missing), the open days scanned.
    std::int64_t first = 0, last = 0;
    for (const auto& c : checked) {
        const auto d = pos::CalendarDate::parse(c.deactivated, "deactivated_on", tr("Deactivated on")).days_since_epoch();
        first = first ? std::min(first, d - 366) : d - 366;
        last = std::max(last, d + 1);
    }
    if (!checked.empty()) materialise_closed_days(db, first, last);
    const long long open_from = accounting_day_start(accounting_day(db.now()) - 1);
    for (auto& c : checked) {
        const auto d = pos::CalendarDate::parse(c.deactivated, "deactivated_on", tr("Deactivated on")).days_since_epoch();
        long long line = 0, created = 0, from = accounting_day_start(d - 366), end = accounting_day_start(d + 1);
        bool found = false;
        if (end > open_from) {
            long long a = std::max(open_from, from);
            found = db.run("SELECT l.id, s.created_at FROM sale s JOIN sale_line l ON l.sale_id = s.id "
                           "WHERE s.salon_id IN (SELECT id FROM salon) AND s.created_at >= :a AND s.created_at < :e "
                           "AND l.msisdn = :m AND l.kind = 'sim' AND s.kind = 'sale' ORDER BY s.created_at DESC LIMIT 1",
                           soci::use(a), soci::use(end), soci::use(c.msisdn), soci::into(line), soci::into(created));
        }
        if (!found)
            found = db.run("SELECT sale_line_id, sold_at FROM reward_sim_sale WHERE msisdn = :m AND sold_at >= :f "
                           "AND sold_at < :e ORDER BY sold_at DESC LIMIT 1",
                           soci::use(c.msisdn), soci::use(from), soci::use(end), soci::into(line), soci::into(created));
        if (!found)
            throw InputError("msisdn", trf("Row {1}", {std::to_string(c.row)}),
                             trf("no SIM sale of {1} in the year before {2}",
                                 {c.msisdn, pos::CalendarDate::from_days(d).display()}));
        c.line_id = line;
    }
    db::WriteTransaction tx(db);
    actor.require(db, pos::Permission::edit_reward_schemes);
    soci::indicator by_ind;
    long long by = nullable_id(actor.staff_id(), by_ind);
    const std::int64_t now = db.now();
    const std::string source = "file";
    for (const auto& c : checked) {
        long long n = 0;
        db.run("SELECT COUNT(*) FROM sim_deactivation WHERE sale_line_id = :l", soci::use(c.line_id), soci::into(n));
        if (n) {
            ++result.already_known;
            continue;
        }
        db.run("INSERT INTO sim_deactivation (sale_line_id, msisdn, deactivated_on, reported_on, source, imported_at, "
               "imported_by) VALUES (:l, :m, :d, :r, :s, :at, :by)",
               soci::use(c.line_id), soci::use(c.msisdn), soci::use(c.deactivated), soci::use(c.reported),
               soci::use(source), soci::use(now), soci::use(by, by_ind));
        ++result.recorded;
    }
    actor.record(db, "reward.deactivations_import", "sim_deactivation",
                 "rows=" + std::to_string(result.rows) + " recorded=" + std::to_string(result.recorded));
    tx.commit();
    return result;
}

std::vector<WhatIfRow> what_if(db::Database& db, const pos::Actor& actor, const std::string& code,
                               const RewardScheme& changed) {
    const PeriodRange range = parse_period(code);
    actor.require(db, pos::Permission::view_dealer_reports);
    validate(changed);
    materialise_closed_days(db, range.first_day(), range.end_day());
    const RewardScheme scheme = scheme_in_force(db, range.starts_on.iso());
    std::vector<WhatIfRow> out;
    for (const auto& [dealer, facts] : gather_facts(db, range, actor.is_head_office() ? 0 : actor.dealer_id())) {
        if (!actor.sees_dealer(dealer)) continue;
        out.push_back({dealer, dealer_name(db, dealer), calculate_reward(scheme, facts).total,
                       calculate_reward(changed, facts).total});
    }
    return out;
}

void set_parameter(RewardScheme& s, const std::string& assignment) {
    const auto eq = assignment.find('=');
    auto bad = [&](const Text& why) { return InputError("set", tr("Parameter"), why); };
    if (eq == std::string::npos) throw bad(trf("\"{1}\" is not NAME=VALUE", {assignment.substr(0, 60)}));
    const std::string name = assignment.substr(0, eq), value = assignment.substr(eq + 1);
    auto number = [&] {
        try {
            std::size_t used = 0;
            const long long v = std::stoll(value, &used);
            if (used != value.size()) throw std::invalid_argument(value);
            return static_cast<std::int64_t>(v);
        } catch (const std::exception&) {
            throw bad(trf("{1}: \"{2}\" is not a whole number", {name, value.substr(0, 30)}));
        }
    };
    auto set_rate = [&](std::vector<UnitRate>& rates, const std::string& item) {
        for (auto& r : rates)
            if (r.item == item) return void(r.amount = number());
        rates.push_back({item, number()});
    };
    if (name == "bundle_bonus") s.bundle_bonus = number();
    else if (name == "quality_threshold_bp") s.quality_threshold_bp = number();
    else if (name == "quality_below_bp") s.quality_below_bp = number();
    else if (name == "training_base_bp") s.training_base_bp = number();
    else if (name == "training_certified_bp") s.training_certified_bp = number();
    else if (name == "training_test_bp") s.training_test_bp = number();
    else if (name == "clawback_days") s.clawback_days = number();
    else if (name == "tier_mode") s.tier_mode = tier_mode_from_string(value);
    else if (name == "cap") {
        if (value == "none") s.cap.reset();
        else s.cap = number();
    } else if (name.rfind("sim:", 0) == 0) set_rate(s.sim_rates, name.substr(4));
    else if (name.rfind("upsell:", 0) == 0) set_rate(s.upsell_rates, name.substr(7));
    else throw bad(trf("unknown parameter \"{1}\"", {name.substr(0, 60)}));
    validate(s);
}

Text period_status_title(const std::string& status) {
    if (status == "open") return tr("open, not computed yet");
    if (status == "computed") return tr("computed, awaiting review");
    if (status == "reviewed") return tr("reviewed, not locked yet");
    if (status == "locked") return tr("locked, paid as computed");
    return trf("{1}", {status});
}

Text dispute_status_title(const std::string& status) {
    if (status == "open") return tr("awaiting head office's answer");
    if (status == "accepted") return tr("accepted by head office");
    if (status == "rejected") return tr("rejected by head office");
    return trf("{1}", {status});
}

Text describe(const StatementLine& l) {
    using pos::Money;
    const auto money = [](std::int64_t k) { return Money::from_kopecks(k).format(); };
    const auto percent = [](std::int64_t num, std::int64_t den) {
        if (den == 0) return std::string("—");
        const std::int64_t tenths = round_half_away(static_cast<__int128>(num) * 1000, den);
        return std::to_string(tenths / 10) + "," + std::to_string(std::abs(tenths % 10)) + "%";
    };
    if (l.rule == "sim") return trf("SIM cards on tariff {1}: {2} x {3}", {l.item, std::to_string(l.quantity), money(l.rate)});
    if (l.rule == "volume_tier")
        return trf("Volume tier from SIM {1}: {2} x {3}", {l.item, std::to_string(l.quantity), money(l.rate)});
    if (l.rule == "upsell") return trf("Service {1}: {2} x {3}", {l.item, std::to_string(l.quantity), money(l.rate)});
    if (l.rule == "bundle")
        return trf("Bundle tariffs: {1} x {2}, bundle share {3} of {4} ({5}), tier multiplier {6}",
                   {std::to_string(l.quantity), money(l.rate), std::to_string(l.numerator),
                    std::to_string(l.denominator), percent(l.numerator, l.denominator), percent(l.basis_points, 10000)});
    if (l.rule == "quality")
        return trf("Service quality: {1} good ratings of {2} ({3}), factor {4}",
                   {std::to_string(l.numerator), std::to_string(l.denominator), percent(l.numerator, l.denominator),
                    percent(l.basis_points, 10000)});
    if (l.rule == "training")
        return trf("Training: {1} of {2} selling staff certified, {3} of {4} entrance tests passed",
                   {std::to_string(l.numerator), std::to_string(l.denominator), std::to_string(l.quantity),
                    std::to_string(l.rate)});
    if (l.rule == "cap") return trf("Cap of {1} per period", {money(l.rate)});
    if (l.rule == "clawback")
        return trf("Clawback: {1} deactivated {2} days after its sale (limit {3})",
                   {l.item, std::to_string(l.numerator), std::to_string(l.denominator)});
    if (l.rule == "adjustment") return trf("Adjustment of locked period {1}", {l.item});
    return Text(l.key.c_str());
}

nlohmann::json to_json(const DealerReward& r) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : r.lines)
        lines.push_back({{"key", l.key},
                         {"rule", l.rule},
                         {"item", l.item},
                         {"quantity", l.quantity},
                         {"rate", l.rate},
                         {"numerator", l.numerator},
                         {"denominator", l.denominator},
                         {"basis_points", l.basis_points},
                         {"amount", l.amount}});
    return {{"dealer_id", r.dealer_id}, {"base", r.base}, {"total", r.total}, {"lines", lines}};
}

DealerReward reward_from_json(const nlohmann::json& j) {
    DealerReward r;
    r.dealer_id = j.value("dealer_id", 0LL);
    r.base = j.value("base", 0LL);
    r.total = j.value("total", 0LL);
    for (const auto& l : j.at("lines"))
        r.lines.push_back({l.at("key"), l.at("rule"), l.at("item"), l.at("quantity"), l.at("rate"), l.at("numerator"),
                           l.at("denominator"), l.at("amount"), l.value("basis_points", 0LL)});
    return r;
}

}  // namespace salon::reports
