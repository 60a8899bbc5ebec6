#include "pos/core/catalog/TariffAdvisor.hpp"

#include "db/Database.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"

#include <algorithm>
#include <map>
#include <regex>

namespace salon::pos {

namespace {

void check_range(const char* input, const Text& field, long long value, long long low, long long high) {
    if (value < low || value > high)
        throw InputError(input, field, trf("must be from {1} to {2}", {std::to_string(low), std::to_string(high)}));
}

void check_not_negative(const char* input, const Text& field, long long value) {
    if (value < 0) throw InputError(input, field, tr("must not be negative"));
}

void check_date(const std::string& date) {
    static const std::regex iso_date(R"((\d{4})-(\d{2})-(\d{2}))");
    std::smatch m;
    if (!std::regex_match(date, m, iso_date) || std::stoi(m[2]) < 1 || std::stoi(m[2]) > 12 ||
        std::stoi(m[3]) < 1 || std::stoi(m[3]) > 31)
        throw InputError("date", tr("Date"), tr("must be a date YYYY-MM-DD"));
}

// A tariff with the version in force on a date, as stored.
struct VersionRow {
    long long tariff_id = 0, version_id = 0;
    std::string code, name, segment, valid_from, valid_to, assumed;
    bool is_bundle = false, individual = false, unlimited_corporate = false;
    long long monthly_fee = 0, connection_fee = 0;
    long long included_minutes = 0, included_mb = 0, included_sms = 0;
    std::optional<long long> minute_corporate, minute_russia, minute_other_operator, mb_price, sms_price;
};

// R-TAR-2: the version in force is the latest one started on or before the date and not yet ended.
std::vector<VersionRow> versions_in_force(db::Database& db, const std::string& date) {
    check_date(date);
    std::vector<VersionRow> out;
    VersionRow r;
    int bundle = 0, individual = 0, unlimited = 0, minutes = 0, mb = 0, sms = 0;
    long long m_corp = 0, m_russia = 0, m_other = 0, mb_price = 0, sms_price = 0;
    soci::indicator i_to, i_corp, i_russia, i_other, i_mb, i_sms, i_assumed;
    db::Statement st = db.query(
        "SELECT t.id, t.code, t.name, t.segment, t.is_bundle, t.individual, v.id, v.valid_from, "
        "v.valid_to, v.monthly_fee, v.connection_fee, v.included_minutes, v.included_mb, "
        "v.included_sms, v.unlimited_corporate, v.minute_corporate, v.minute_russia, "
        "v.minute_other_operator, v.mb_price, v.sms_price, v.assumed "
        "FROM tariff t JOIN tariff_version v ON v.tariff_id = t.id "
        "WHERE v.valid_from <= :d AND (v.valid_to IS NULL OR v.valid_to > :d2) "
        "ORDER BY t.id, v.valid_from DESC",
        soci::use(date), soci::use(date), soci::into(r.tariff_id), soci::into(r.code), soci::into(r.name),
        soci::into(r.segment), soci::into(bundle), soci::into(individual), soci::into(r.version_id),
        soci::into(r.valid_from), soci::into(r.valid_to, i_to), soci::into(r.monthly_fee),
        soci::into(r.connection_fee), soci::into(minutes), soci::into(mb), soci::into(sms),
        soci::into(unlimited), soci::into(m_corp, i_corp), soci::into(m_russia, i_russia),
        soci::into(m_other, i_other), soci::into(mb_price, i_mb), soci::into(sms_price, i_sms),
        soci::into(r.assumed, i_assumed));
    st.execute();
    auto optional = [](soci::indicator ind, long long value) {
        return ind == soci::i_ok ? std::optional<long long>(value) : std::nullopt;
    };
    while (st.fetch()) {
        if (!out.empty() && out.back().tariff_id == r.tariff_id) continue;  // an older version
        VersionRow v = r;
        v.is_bundle = bundle != 0;
        v.individual = individual != 0;
        v.unlimited_corporate = unlimited != 0;
        v.included_minutes = minutes;
        v.included_mb = mb;
        v.included_sms = sms;
        if (i_to != soci::i_ok) v.valid_to.clear();
        if (i_assumed != soci::i_ok) v.assumed.clear();
        v.minute_corporate = optional(i_corp, m_corp);
        v.minute_russia = optional(i_russia, m_russia);
        v.minute_other_operator = optional(i_other, m_other);
        v.mb_price = optional(i_mb, mb_price);
        v.sms_price = optional(i_sms, sms_price);
        out.push_back(std::move(v));
    }
    return out;
}

// The standard rates in force on the date, by code.
std::map<std::string, long long> standard_rates(db::Database& db, const std::string& date) {
    std::map<std::string, long long> out;
    std::string code;
    long long price = 0;
    db::Statement st = db.query(
        "SELECT code, price FROM standard_rate "
        "WHERE valid_from <= :d AND (valid_to IS NULL OR valid_to > :d2) "
        "ORDER BY code, valid_from DESC",
        soci::use(date), soci::use(date), soci::into(code), soci::into(price));
    st.execute();
    while (st.fetch()) out.emplace(code, price);  // the first of each code is the latest
    return out;
}

std::optional<long long> zone_rate(db::Database& db, long long version_id, const std::string& zone) {
    long long price = 0;
    soci::indicator ind = soci::i_null;
    const bool found =
        db.run("SELECT minute_price FROM tariff_zone_rate WHERE tariff_version_id = :v AND zone = :z",
               soci::use(version_id), soci::use(zone), soci::into(price, ind));
    if (!found || ind != soci::i_ok) return std::nullopt;
    return price;
}

class Pricer {
public:
    Pricer(const std::map<std::string, long long>& standard, const std::string& date)
        : standard_(standard), date_(date) {}

    // Adds `quantity` units at the tariff's price, else the standard rate `code` (noted in `used`, which
    // the quote shows as assumed when it bills any: the source gives no standard rates). Returns the
    // line's amount.
    Money add(TariffQuote& q, Text what, long long quantity, std::optional<long long> price, const char* code,
              std::map<std::string, long long>& used) const {
        QuoteLine line;
        line.what = std::move(what);
        line.quantity = quantity;
        if (price) {
            line.unit_price = Money::from_kopecks(*price);
        } else {
            const auto found = standard_.find(code);
            if (found == standard_.end())
                throw ValidationError(tr("Tariff catalog"),
                                      trf("has no standard rate \"{1}\" in force on {2}", {code, date_}));
            line.unit_price = Money::from_kopecks(found->second);
            line.standard_rate = true;
            if (quantity > 0) used[code] = found->second;
        }
        line.amount = line.unit_price * quantity;
        const Money amount = line.amount;
        q.lines.push_back(std::move(line));
        return amount;
    }

private:
    const std::map<std::string, long long>& standard_;
    std::string date_;
};

long long beyond(long long used, long long included) { return std::max(0LL, used - included); }

// The services and options of a version, in the catalog's order.
std::vector<TariffFeature> features_of(db::Database& db, long long version_id) {
    std::vector<TariffFeature> out;
    TariffFeature f;
    soci::indicator i_assumed = soci::i_null;
    db::Statement st = db.query(
        "SELECT kind, code, name, assumed FROM tariff_feature WHERE tariff_version_id = :v ORDER BY kind DESC, code",
        soci::use(version_id), soci::into(f.kind), soci::into(f.code), soci::into(f.name), soci::into(f.assumed, i_assumed));
    st.execute();
    while (st.fetch()) {
        TariffFeature one = f;
        if (i_assumed != soci::i_ok) one.assumed.clear();
        out.push_back(std::move(one));
    }
    return out;
}

// What a month leaves unused of the package's own minutes and megabytes (the carried-in part is used first
// and lapses at the month's end: «Перенос остатков» carries to the next month only).
struct Unused {
    long long minutes = 0, mb = 0;
};

// One month's usage priced under the version, its lines added to the quote; returns the month's cost.
Money price_month(db::Database& db, const VersionRow& v, const MonthUsage& u, const std::string& zone,
                  const Pricer& pricer, TariffQuote& q, const Unused& carried, Unused& unused,
                  std::map<std::string, long long>& used) {
    Money cost = Money::from_kopecks(v.monthly_fee);
    q.lines.push_back({tr("Monthly fee"), std::nullopt, {}, cost, false});
    if (u.minutes_corporate > 0 && v.unlimited_corporate)
        q.lines.push_back({tr("Corporate calls, unlimited"), u.minutes_corporate, {}, {}, false});
    const long long corporate = v.unlimited_corporate ? 0 : u.minutes_corporate;
    if (v.included_minutes > 0) {
        // A package: every call inside Russia counts against it, whoever answers (domain.md); only the
        // minutes beyond it are billed, at the tariff's rate for Russia or the standard one.
        const long long in_russia = corporate + u.minutes_russia + u.minutes_other_operators;
        const long long allowance = v.included_minutes + carried.minutes;
        if (in_russia > 0) {
            Text what = carried.minutes > 0
                            ? trf("Calls in Russia (corporate {1}, Russia {2}, other operators {3}) beyond {4} "
                                  "included and {5} carried over",
                                  {std::to_string(corporate), std::to_string(u.minutes_russia),
                                   std::to_string(u.minutes_other_operators), std::to_string(v.included_minutes),
                                   std::to_string(carried.minutes)})
                            : trf("Calls in Russia (corporate {1}, Russia {2}, other operators {3}) beyond {4} "
                                  "included minutes",
                                  {std::to_string(corporate), std::to_string(u.minutes_russia),
                                   std::to_string(u.minutes_other_operators), std::to_string(v.included_minutes)});
            cost += pricer.add(q, std::move(what), beyond(in_russia, allowance), v.minute_russia, "minute_russia", used);
        }
        unused.minutes = beyond(v.included_minutes, beyond(in_russia, carried.minutes));
    } else {
        // No package: each destination at its own price (Вега), else the standard rate.
        if (corporate > 0)
            cost += pricer.add(q, tr("Corporate calls, minutes"), corporate, v.minute_corporate, "minute_home", used);
        if (u.minutes_russia > 0)
            cost += pricer.add(q, tr("Calls in Russia, minutes"), u.minutes_russia, v.minute_russia, "minute_russia",
                               used);
        if (u.minutes_other_operators > 0) {
            std::optional<long long> rate = v.minute_other_operator;
            Text what = tr("Calls to other operators, minutes");
            if (!rate) {
                rate = zone_rate(db, v.version_id, zone);
                if (rate) what = trf("Calls to other operators, zone {1}, minutes", {zone});
            }
            cost += pricer.add(q, std::move(what), u.minutes_other_operators, rate, "minute_other_operator", used);
        }
    }
    // Outside every package: no tariff of the source prices them, Альфа says "по стандартным расценкам".
    if (u.minutes_international > 0)
        cost += pricer.add(q, tr("International calls, minutes"), u.minutes_international, std::nullopt,
                           "minute_international", used);
    if (u.mb > 0) {
        const long long allowance = v.included_mb + carried.mb;
        Text what = v.included_mb == 0 ? tr("Internet, MB")
                    : carried.mb > 0
                        ? trf("Internet beyond {1} MB included and {2} MB carried over",
                              {std::to_string(v.included_mb), std::to_string(carried.mb)})
                        : trf("Internet beyond {1} MB included", {std::to_string(v.included_mb)});
        cost += pricer.add(q, std::move(what), beyond(u.mb, allowance), v.mb_price, "mb", used);
    }
    unused.mb = beyond(v.included_mb, beyond(u.mb, carried.mb));
    if (u.sms > 0) {
        Text what = v.included_sms > 0 ? trf("SMS beyond {1} included", {std::to_string(v.included_sms)})
                                       : tr("SMS, messages");
        cost += pricer.add(q, std::move(what), beyond(u.sms, v.included_sms), v.sms_price, "sms", used);
    }
    return cost;
}

MonthUsage single_month(const UsageProfile& p) {
    return {p.minutes_corporate, p.minutes_russia, p.minutes_other_operators, p.minutes_international, p.mb, p.sms};
}

TariffQuote price(db::Database& db, const VersionRow& v, const UsageProfile& p, const Pricer& pricer) {
    TariffQuote q;
    q.code = v.code;
    q.name = v.name;
    q.is_bundle = v.is_bundle;
    q.individual = v.individual;
    q.version_from = v.valid_from;
    q.assumed = v.assumed;
    q.features = features_of(db, v.version_id);
    for (const auto& f : q.features)
        if (f.kind == "option" && f.code == "carry_over") q.carry_over = true;
    if (v.individual) return q;  // priced by agreement

    std::map<std::string, long long> used;  // standard rates the quote used
    if (p.by_month.empty()) {
        Unused none;
        q.monthly = price_month(db, v, single_month(p), p.other_operator_zone, pricer, q, {}, none, used);
    } else {
        // Month by month: what a month leaves of the package goes to the next one when the tariff has
        // «Перенос остатков»; a month's heading line carries its cost.
        Unused carried;
        Money sum;
        for (std::size_t i = 0; i < p.by_month.size(); ++i) {
            const std::size_t heading = q.lines.size();
            q.lines.push_back({trf("Month {1}", {std::to_string(i + 1)}), std::nullopt, {}, {}, false});
            Unused unused;
            const Money cost = price_month(db, v, p.by_month[i], p.other_operator_zone, pricer, q, carried, unused, used);
            q.lines[heading].amount = cost;
            q.months.push_back({cost, carried.minutes, carried.mb});
            sum += cost;
            carried = q.carry_over ? unused : Unused{};
        }
        q.monthly = Money::from_kopecks(sum.kopecks() / static_cast<long long>(p.by_month.size()));
        q.one_time = Money::from_kopecks(v.connection_fee);
        q.total = (sum + q.one_time) * p.numbers;
    }
    if (p.by_month.empty()) {
        q.one_time = Money::from_kopecks(v.connection_fee);
        q.total = (q.monthly * p.months + q.one_time) * p.numbers;
    }
    q.lines.push_back({tr("Connection fee, once per number"), std::nullopt, {}, q.one_time, false});
    // The standard rates used are catalog values the source does not give: shown with the others.
    for (const auto& [code, price] : used)
        q.assumed += (q.assumed.empty() ? "" : ", ") + code + "=" + Money::from_kopecks(price).plain() +
                     " (standard rate)";
    return q;
}

}  // namespace

void validate(const UsageProfile& p) {
    check_not_negative("corporate", tr("Corporate minutes"), p.minutes_corporate);
    check_not_negative("russia", tr("Minutes in Russia"), p.minutes_russia);
    check_not_negative("other", tr("Minutes to other operators"), p.minutes_other_operators);
    check_not_negative("international", tr("International minutes"), p.minutes_international);
    static const std::regex zone(R"([1-4])");
    if (!std::regex_match(p.other_operator_zone, zone))
        throw InputError("zone", tr("Zone"), trf("must be from {1} to {2}", {"1", "4"}));
    check_not_negative("mb", tr("Megabytes"), p.mb);
    check_not_negative("sms", tr("SMS"), p.sms);
    check_range("months", tr("Months"), p.months, 1, 36);
    check_range("numbers", tr("Numbers"), p.numbers, 1, 1000);
    if (!p.segment.empty() && p.segment != "private" && p.segment != "business")
        throw InputError("segment", tr("Segment"), tr("must be private or business"));
    if (p.by_month.empty()) return;
    if (p.minutes_corporate || p.minutes_russia || p.minutes_other_operators || p.minutes_international || p.mb ||
        p.sms)
        throw InputError("month", tr("Month"), tr("give the usage either for every month or as one month, not both"));
    if (p.by_month.size() > 36) throw InputError("month", tr("Month"), trf("must be from {1} to {2}", {"1", "36"}));
    if (p.months != 1 && p.months != static_cast<int>(p.by_month.size()))
        throw InputError("months", tr("Months"), trf("must be {1}: one for every month given", {std::to_string(p.by_month.size())}));
    for (const auto& m : p.by_month)
        for (int v : {m.minutes_corporate, m.minutes_russia, m.minutes_other_operators, m.minutes_international, m.mb, m.sms})
            check_not_negative("month", tr("Month"), v);
}

MonthUsage parse_month_usage(const std::string& text) {
    static const std::regex pair(R"(\s*([a-z]+)\s*=\s*([0-9]{1,9})\s*)");
    MonthUsage m;
    std::size_t start = 0;
    bool any = false;
    while (start <= text.size()) {
        const std::size_t comma = text.find(',', start);
        const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        std::smatch found;
        if (!std::regex_match(item, found, pair))
            throw InputError("month", tr("Month"),
                             trf("\"{1}\" is not KEY=NUMBER (keys: corporate, russia, other, international, mb, sms)",
                                 {item}));
        const std::string key = found[1];
        const int value = std::stoi(found[2]);
        int* slot = key == "corporate"       ? &m.minutes_corporate
                    : key == "russia"        ? &m.minutes_russia
                    : key == "other"         ? &m.minutes_other_operators
                    : key == "international" ? &m.minutes_international
                    : key == "mb"            ? &m.mb
                    : key == "sms"           ? &m.sms
                                             : nullptr;
        if (!slot)
            throw InputError("month", tr("Month"),
                             trf("unknown key \"{1}\" (keys: corporate, russia, other, international, mb, sms)", {key}));
        *slot = value;
        any = true;
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    if (!any) throw InputError("month", tr("Month"), tr("is empty"));
    return m;
}

std::vector<TariffQuote> advise(db::Database& db, const UsageProfile& profile, const std::string& on_date) {
    validate(profile);
    const auto versions = versions_in_force(db, on_date);
    const auto standard = standard_rates(db, on_date);
    const Pricer pricer(standard, on_date);
    std::vector<TariffQuote> out;
    for (const auto& v : versions)
        if (profile.segment.empty() || v.segment == profile.segment) out.push_back(price(db, v, profile, pricer));
    std::sort(out.begin(), out.end(), [](const TariffQuote& a, const TariffQuote& b) {
        if (a.individual != b.individual) return !a.individual;
        if (!a.individual && a.total != b.total) return a.total < b.total;
        return a.name < b.name;
    });
    return out;
}

std::vector<TariffInForce> tariffs_in_force(db::Database& db, const std::string& on_date) {
    std::vector<TariffInForce> out;
    for (const auto& v : versions_in_force(db, on_date))
        out.push_back({v.code, v.name, v.segment, v.is_bundle, v.individual, Money::from_kopecks(v.monthly_fee),
                       Money::from_kopecks(v.connection_fee), v.valid_from, v.valid_to});
    std::sort(out.begin(), out.end(), [](const TariffInForce& a, const TariffInForce& b) { return a.name < b.name; });
    return out;
}

std::string today_utc(db::Database& db) { return CalendarDate::of_utc(db.now()).iso(); }

}  // namespace salon::pos
