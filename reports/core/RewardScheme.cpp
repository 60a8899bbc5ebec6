#include "reports/core/RewardScheme.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Permission.hpp"

#include <nlohmann/json.hpp>

#include <set>

namespace salon::reports {

using pos::InputError;

std::string to_string(TierMode mode) { return mode == TierMode::marginal ? "marginal" : "retroactive"; }

TierMode tier_mode_from_string(const std::string& text) {
    if (text == "marginal") return TierMode::marginal;
    if (text == "retroactive") return TierMode::retroactive;
    throw InputError("tier_mode", tr("Tier mode"), trf("\"{1}\" is neither marginal nor retroactive", {text}));
}

namespace {

std::int64_t rate_of(const std::vector<UnitRate>& rates, const std::string& code) {
    std::int64_t any = 0;
    for (const auto& r : rates) {
        if (r.item == code) return r.amount;
        if (r.item == "*") any = r.amount;
    }
    return any;
}

void not_negative(const char* input, const Text& field, std::int64_t value) {
    if (value < 0) throw InputError(input, field, trf("must not be negative ({1})", {std::to_string(value)}));
}

void basis_points(const char* input, const Text& field, std::int64_t value, std::int64_t max = 10000) {
    if (value < 0 || value > max)
        throw InputError(input, field,
                         trf("must be from 0 to {1} basis points ({2})", {std::to_string(max), std::to_string(value)}));
}

void unit_rates(const char* input, const Text& field, const std::vector<UnitRate>& rates) {
    std::set<std::string> seen;
    for (const auto& r : rates) {
        if (r.item.empty()) throw InputError(input, field, tr("a rate names no tariff or product (use * for any)"));
        if (!seen.insert(r.item).second) throw InputError(input, field, trf("\"{1}\" is listed twice", {r.item}));
        not_negative(input, field, r.amount);
    }
}

}  // namespace

std::int64_t RewardScheme::sim_rate(const std::string& tariff_code) const { return rate_of(sim_rates, tariff_code); }
std::int64_t RewardScheme::upsell_rate(const std::string& product_code) const {
    return rate_of(upsell_rates, product_code);
}

void validate(const RewardScheme& s) {
    if (s.name.empty() || s.name.size() > 200)
        throw InputError("name", tr("Scheme name"), tr("must be from 1 to 200 characters"));
    pos::CalendarDate::parse(s.valid_from, "valid_from", tr("In force from"));
    not_negative("bundle_bonus", tr("Bundle bonus"), s.bundle_bonus);
    basis_points("quality_threshold_bp", tr("Good-rating threshold"), s.quality_threshold_bp);
    basis_points("quality_below_bp", tr("Multiplier under the good-rating threshold"), s.quality_below_bp);
    basis_points("training_base_bp", tr("Training coefficient: base"), s.training_base_bp, 20000);
    basis_points("training_certified_bp", tr("Training coefficient: certified staff"), s.training_certified_bp, 20000);
    basis_points("training_test_bp", tr("Training coefficient: entrance tests"), s.training_test_bp, 20000);
    if (s.cap) not_negative("cap", tr("Cap"), *s.cap);
    if (s.clawback_days < 0 || s.clawback_days > 366)
        throw InputError("clawback_days", tr("Clawback days"),
                         trf("must be from 0 to 366 ({1})", {std::to_string(s.clawback_days)}));
    unit_rates("sim_rates", tr("Rates per SIM"), s.sim_rates);
    unit_rates("upsell_rates", tr("Rates per service"), s.upsell_rates);
    std::int64_t last = 0;
    for (const auto& t : s.volume_tiers) {
        not_negative("volume_tiers", tr("Volume tiers"), t.amount);
        if (t.from < 1 || t.from <= last)
            throw InputError("volume_tiers", tr("Volume tiers"),
                             trf("out of order: a tier from SIM {1} follows one from SIM {2}; each starts after the "
                                 "one before, from 1",
                                 {std::to_string(t.from), std::to_string(last)}));
        last = t.from;
    }
    std::int64_t last_share = -1;
    for (const auto& t : s.bundle_share_tiers) {
        basis_points("bundle_share_tiers", tr("Bundle share tiers"), t.from_bp);
        basis_points("bundle_share_tiers", tr("Bundle share tiers"), t.multiplier_bp, 100000);
        if (t.from_bp <= last_share)
            throw InputError("bundle_share_tiers", tr("Bundle share tiers"),
                             trf("out of order: a tier from {1} basis points follows one from {2}",
                                 {std::to_string(t.from_bp), std::to_string(last_share)}));
        last_share = t.from_bp;
    }
}

namespace {

const char* const kSchemeColumns =
    "SELECT id, name, valid_from, COALESCE(valid_to, ''), tier_mode, bundle_bonus, quality_threshold_bp, "
    "quality_below_bp, training_base_bp, training_certified_bp, training_test_bp, COALESCE(cap, -1), "
    "clawback_days FROM reward_scheme ";

void read_rates(db::Database& db, RewardScheme& s) {
    std::string kind, item;
    long long threshold = 0, amount = 0;
    int bp = 0;
    auto st = db.query("SELECT kind, item, threshold, amount, basis_points FROM reward_rate WHERE scheme_id = :s "
                       "ORDER BY kind, threshold, item",
                       soci::use(s.id), soci::into(kind), soci::into(item), soci::into(threshold), soci::into(amount),
                       soci::into(bp));
    st.execute();
    while (st.fetch()) {
        if (kind == "sim") s.sim_rates.push_back({item, amount});
        else if (kind == "upsell") s.upsell_rates.push_back({item, amount});
        else if (kind == "volume_tier") s.volume_tiers.push_back({threshold, amount});
        else if (kind == "bundle_share_tier") s.bundle_share_tiers.push_back({threshold, bp});
    }
}

template <class Value>
std::vector<RewardScheme> read_schemes(db::Database& db, const std::string& where, const Value& value) {
    std::vector<RewardScheme> out;
    RewardScheme s;
    long long id = 0, bonus = 0, cap = 0;
    int qt = 0, qb = 0, tb = 0, tc = 0, tt = 0, days = 0;
    std::string mode;
    auto st = db.query(std::string(kSchemeColumns) + where, soci::use(value), soci::into(id), soci::into(s.name),
                       soci::into(s.valid_from), soci::into(s.valid_to), soci::into(mode), soci::into(bonus),
                       soci::into(qt), soci::into(qb), soci::into(tb), soci::into(tc), soci::into(tt), soci::into(cap),
                       soci::into(days));
    st.execute();
    while (st.fetch()) {
        RewardScheme r = s;
        r.id = id;
        r.tier_mode = tier_mode_from_string(mode);
        r.bundle_bonus = bonus;
        r.quality_threshold_bp = qt;
        r.quality_below_bp = qb;
        r.training_base_bp = tb;
        r.training_certified_bp = tc;
        r.training_test_bp = tt;
        if (cap >= 0) r.cap = cap;
        r.clawback_days = days;
        out.push_back(r);
    }
    for (auto& r : out) read_rates(db, r);
    return out;
}

}  // namespace

RewardScheme scheme_in_force(db::Database& db, const std::string& date) {
    // Versions follow each other without a gap, the newest open: the one in force started last on or before.
    auto found = read_schemes(db, "WHERE valid_from <= :d ORDER BY valid_from DESC", date);
    if (found.empty())
        throw RefusedError(trf("No reward scheme is in force on {1}", {date}));
    return found.front();
}

RewardScheme get_scheme(db::Database& db, const pos::Actor& actor, std::int64_t id) {
    actor.require(db, pos::Permission::view_dealer_reports);
    auto found = read_schemes(db, "WHERE id = :id", static_cast<long long>(id));
    if (found.empty()) throw InputError("scheme", tr("Scheme"), trf("no scheme with number {1}", {std::to_string(id)}));
    return found.front();
}

std::vector<RewardScheme> list_schemes(db::Database& db, const pos::Actor& actor) {
    actor.require(db, pos::Permission::view_dealer_reports);
    return read_schemes(db, "WHERE valid_from >= :any ORDER BY valid_from", std::string());
}

std::int64_t save_scheme_version(db::Database& db, const pos::Actor& actor, RewardScheme scheme) {
    validate(scheme);
    if (!scheme.valid_to.empty())
        throw InputError("valid_to", tr("In force until"),
                         tr("a new version stays in force until the next one starts: an end date would leave a gap"));
    db::WriteTransaction tx(db);
    actor.require(db, pos::Permission::edit_reward_schemes);
    std::string latest_from;
    soci::indicator ind = soci::i_null;
    db.sql() << "SELECT MAX(valid_from) FROM reward_scheme", soci::into(latest_from, ind);
    if (ind == soci::i_ok && scheme.valid_from <= latest_from)
        throw InputError("valid_from", tr("In force from"),
                         trf("{1} overlaps the version in force from {2}: a new version starts after it",
                             {scheme.valid_from, latest_from}));
    std::string locked_code;
    soci::indicator locked_ind = soci::i_null;
    db.sql() << "SELECT MAX(code) FROM reward_period WHERE status = 'locked' AND ends_on > :d",
        soci::use(scheme.valid_from), soci::into(locked_code, locked_ind);
    if (locked_ind == soci::i_ok)
        throw RefusedError(trf("Period {1} is locked: a scheme cannot change from {2}; start the new version after it",
                               {locked_code, scheme.valid_from}));
    const std::int64_t now = db.now();
    long long by = actor.staff_id();
    soci::indicator by_ind = by ? soci::i_ok : soci::i_null;
    db.update("UPDATE reward_scheme SET valid_to = :d WHERE valid_to IS NULL", soci::use(scheme.valid_from));
    long long cap = scheme.cap.value_or(0);
    soci::indicator cap_ind = scheme.cap ? soci::i_ok : soci::i_null;
    const std::string mode = to_string(scheme.tier_mode);
    const std::int64_t id = db.insert(
        "INSERT INTO reward_scheme (name, valid_from, valid_to, tier_mode, bundle_bonus, quality_threshold_bp, "
        "quality_below_bp, training_base_bp, training_certified_bp, training_test_bp, cap, clawback_days, "
        "created_at, created_by) VALUES (:n, :f, NULL, :m, :b, :qt, :qb, :tb, :tc, :tt, :cap, :cd, :at, :by)",
        soci::use(scheme.name), soci::use(scheme.valid_from), soci::use(mode), soci::use(scheme.bundle_bonus),
        soci::use(scheme.quality_threshold_bp), soci::use(scheme.quality_below_bp), soci::use(scheme.training_base_bp),
        soci::use(scheme.training_certified_bp), soci::use(scheme.training_test_bp), soci::use(cap, cap_ind),
        soci::use(scheme.clawback_days), soci::use(now), soci::use(by, by_ind));
    auto rate = [&](const std::string& kind, const std::string& item, long long threshold, long long amount,
                    long long bp) {
        db.run("INSERT INTO reward_rate (scheme_id, kind, item, threshold, amount, basis_points) "
               "VALUES (:s, :k, :i, :t, :a, :bp)",
               soci::use(id), soci::use(kind), soci::use(item), soci::use(threshold), soci::use(amount),
               soci::use(bp));
    };
    for (const auto& r : scheme.sim_rates) rate("sim", r.item, 0, r.amount, 0);
    for (const auto& r : scheme.upsell_rates) rate("upsell", r.item, 0, r.amount, 0);
    for (const auto& t : scheme.volume_tiers) rate("volume_tier", "", t.from, t.amount, 0);
    for (const auto& t : scheme.bundle_share_tiers) rate("bundle_share_tier", "", t.from_bp, 0, t.multiplier_bp);
    actor.record(db, "reward_scheme.save", "reward_scheme:" + std::to_string(id), "from=" + scheme.valid_from);
    tx.commit();
    return id;
}

nlohmann::json to_json(const RewardScheme& s) {
    nlohmann::json j{{"id", s.id},
                     {"name", s.name},
                     {"valid_from", s.valid_from},
                     {"valid_to", s.valid_to.empty() ? nlohmann::json() : nlohmann::json(s.valid_to)},
                     {"tier_mode", to_string(s.tier_mode)},
                     {"bundle_bonus", s.bundle_bonus},
                     {"quality_threshold_bp", s.quality_threshold_bp},
                     {"quality_below_bp", s.quality_below_bp},
                     {"training_base_bp", s.training_base_bp},
                     {"training_certified_bp", s.training_certified_bp},
                     {"training_test_bp", s.training_test_bp},
                     {"cap", s.cap ? nlohmann::json(*s.cap) : nlohmann::json()},
                     {"clawback_days", s.clawback_days}};
    j["sim_rates"] = nlohmann::json::array();
    for (const auto& r : s.sim_rates) j["sim_rates"].push_back({{"item", r.item}, {"amount", r.amount}});
    j["upsell_rates"] = nlohmann::json::array();
    for (const auto& r : s.upsell_rates) j["upsell_rates"].push_back({{"item", r.item}, {"amount", r.amount}});
    j["volume_tiers"] = nlohmann::json::array();
    for (const auto& t : s.volume_tiers) j["volume_tiers"].push_back({{"from", t.from}, {"amount", t.amount}});
    j["bundle_share_tiers"] = nlohmann::json::array();
    for (const auto& t : s.bundle_share_tiers)
        j["bundle_share_tiers"].push_back({{"from_bp", t.from_bp}, {"multiplier_bp", t.multiplier_bp}});
    return j;
}

namespace {

std::int64_t integer(const nlohmann::json& j, const char* key) {
    if (!j.contains(key) || !j.at(key).is_number_integer())
        throw InputError(key, Text(key), tr("a whole number is required"));
    return j.at(key).get<std::int64_t>();
}

std::string text(const nlohmann::json& j, const char* key) {
    if (!j.contains(key) || !j.at(key).is_string()) throw InputError(key, Text(key), tr("a text is required"));
    return j.at(key).get<std::string>();
}

const nlohmann::json& array(const nlohmann::json& j, const char* key) {
    static const nlohmann::json empty = nlohmann::json::array();
    if (!j.contains(key)) return empty;
    if (!j.at(key).is_array()) throw InputError(key, Text(key), tr("a list is required"));
    return j.at(key);
}

}  // namespace

RewardScheme scheme_from_json(const nlohmann::json& j) {
    if (!j.is_object()) throw InputError("scheme", tr("Scheme"), tr("a JSON object is required"));
    RewardScheme s;
    s.name = text(j, "name");
    s.valid_from = text(j, "valid_from");
    if (j.contains("valid_to") && !j.at("valid_to").is_null()) s.valid_to = text(j, "valid_to");
    s.tier_mode = tier_mode_from_string(text(j, "tier_mode"));
    s.bundle_bonus = integer(j, "bundle_bonus");
    s.quality_threshold_bp = integer(j, "quality_threshold_bp");
    s.quality_below_bp = integer(j, "quality_below_bp");
    s.training_base_bp = integer(j, "training_base_bp");
    s.training_certified_bp = integer(j, "training_certified_bp");
    s.training_test_bp = integer(j, "training_test_bp");
    if (j.contains("cap") && !j.at("cap").is_null()) s.cap = integer(j, "cap");
    s.clawback_days = integer(j, "clawback_days");
    for (const auto& r : array(j, "sim_rates")) s.sim_rates.push_back({text(r, "item"), integer(r, "amount")});
    for (const auto& r : array(j, "upsell_rates")) s.upsell_rates.push_back({text(r, "item"), integer(r, "amount")});
    for (const auto& t : array(j, "volume_tiers")) s.volume_tiers.push_back({integer(t, "from"), integer(t, "amount")});
    for (const auto& t : array(j, "bundle_share_tiers"))
        s.bundle_share_tiers.push_back({integer(t, "from_bp"), integer(t, "multiplier_bp")});
    validate(s);
    return s;
}

}  // namespace salon::reports
