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

    // Adds `quantity` units at the tariff's price, else the standard rate `code`.
    void add(TariffQuote& q, Text what, long long quantity, std::optional<long long> price, const char* code) const {
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
        }
        line.amount = line.unit_price * quantity;
        q.monthly += line.amount;
        q.lines.push_back(std::move(line));
    }

private:
    const std::map<std::string, long long>& standard_;
    std::string date_;
};

long long beyond(long long used, long long included) { return std::max(0LL, used - included); }

TariffQuote price(db::Database& db, const VersionRow& v, const UsageProfile& p, const Pricer& pricer) {
    TariffQuote q;
    q.code = v.code;
    q.name = v.name;
    q.is_bundle = v.is_bundle;
    q.individual = v.individual;
    q.version_from = v.valid_from;
    q.assumed = v.assumed;
    if (v.individual) return q;  // priced by agreement

    q.monthly = Money::from_kopecks(v.monthly_fee);
    q.lines.push_back({tr("Monthly fee"), std::nullopt, {}, q.monthly, false});
    if (p.minutes_corporate > 0) {
        if (v.unlimited_corporate)
            q.lines.push_back({tr("Corporate calls, unlimited"), p.minutes_corporate, {}, {}, false});
        else
            pricer.add(q, tr("Corporate calls, minutes"), p.minutes_corporate, v.minute_corporate, "minute_home");
    }
    if (p.minutes_russia > 0) {
        Text what = v.included_minutes > 0
                        ? trf("Calls in Russia beyond {1} included minutes", {std::to_string(v.included_minutes)})
                        : tr("Calls in Russia, minutes");
        pricer.add(q, std::move(what), beyond(p.minutes_russia, v.included_minutes), v.minute_russia,
                   "minute_russia");
    }
    if (p.minutes_other_operators > 0) {
        std::optional<long long> rate = v.minute_other_operator;
        Text what = tr("Calls to other operators, minutes");
        if (!rate) {
            rate = zone_rate(db, v.version_id, p.other_operator_zone);
            if (rate) what = trf("Calls to other operators, zone {1}, minutes", {p.other_operator_zone});
        }
        pricer.add(q, std::move(what), p.minutes_other_operators, rate, "minute_other_operator");
    }
    if (p.mb > 0) {
        Text what = v.included_mb > 0 ? trf("Internet beyond {1} MB included", {std::to_string(v.included_mb)})
                                      : tr("Internet, MB");
        pricer.add(q, std::move(what), beyond(p.mb, v.included_mb), v.mb_price, "mb");
    }
    if (p.sms > 0) {
        Text what = v.included_sms > 0 ? trf("SMS beyond {1} included", {std::to_string(v.included_sms)})
                                       : tr("SMS, messages");
        pricer.add(q, std::move(what), beyond(p.sms, v.included_sms), v.sms_price, "sms");
    }
    q.one_time = Money::from_kopecks(v.connection_fee);
    q.lines.push_back({tr("Connection fee, once per number"), std::nullopt, {}, q.one_time, false});
    q.total = (q.monthly * p.months + q.one_time) * p.numbers;
    return q;
}

}  // namespace

void validate(const UsageProfile& p) {
    check_not_negative("corporate", tr("Corporate minutes"), p.minutes_corporate);
    check_not_negative("russia", tr("Minutes in Russia"), p.minutes_russia);
    check_not_negative("other", tr("Minutes to other operators"), p.minutes_other_operators);
    static const std::regex zone(R"([1-4])");
    if (!std::regex_match(p.other_operator_zone, zone))
        throw InputError("zone", tr("Zone"), trf("must be from {1} to {2}", {"1", "4"}));
    check_not_negative("mb", tr("Megabytes"), p.mb);
    check_not_negative("sms", tr("SMS"), p.sms);
    check_range("months", tr("Months"), p.months, 1, 36);
    check_range("numbers", tr("Numbers"), p.numbers, 1, 1000);
    if (!p.segment.empty() && p.segment != "private" && p.segment != "business")
        throw InputError("segment", tr("Segment"), tr("must be private or business"));
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
