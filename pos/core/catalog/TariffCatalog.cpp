#include "pos/core/catalog/TariffCatalog.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"

#include <nlohmann/json.hpp>

#include <regex>

namespace salon {
extern const char* const kTariffCatalogJson;  // generated from assets/seed/tariffs.json
}

namespace salon::pos {

const char* builtin_tariff_catalog() { return kTariffCatalogJson; }

namespace {
using nlohmann::json;

// Reads one member, refusing a wrong type with the entry's name in the message.
template <class T>
T member(const json& object, const char* key, const std::string& where, std::optional<T> fallback = std::nullopt) {
    if (!object.contains(key)) {
        if (fallback) return *fallback;
        throw ValidationError(tr("Tariff catalog"), trf("{1}: \"{2}\" is missing", {where, key}));
    }
    try {
        return object.at(key).get<T>();
    } catch (const json::exception&) {
        throw ValidationError(tr("Tariff catalog"), trf("{1}: \"{2}\" has the wrong type", {where, key}));
    }
}

std::string date_member(const json& object, const char* key, const std::string& where) {
    static const std::regex iso_date(R"(\d{4}-\d{2}-\d{2})");
    auto value = member<std::string>(object, key, where);
    if (!std::regex_match(value, iso_date))
        throw ValidationError(tr("Tariff catalog"), trf("{1}: \"{2}\" must be a date YYYY-MM-DD", {where, key}));
    return value;
}

// An optional price: absent means "the standard rate".
soci::indicator optional_price(const json& v, const char* key, long long& out, const std::string& where) {
    if (!v.contains(key)) return soci::i_null;
    out = member<long long>(v, key, where);
    if (out < 0) throw ValidationError(tr("Tariff catalog"), trf("{1}: \"{2}\" is negative", {where, key}));
    return soci::i_ok;
}

// The version's services and options ("services": [...], "options": [...]) it does not have yet.
int import_features(db::Database& db, const json& v, long long version_id, const std::string& where) {
    int added = 0;
    for (const char* kind : {"service", "option"}) {
        for (const auto& f : v.value(std::string(kind) + "s", json::array())) {
            const auto code = member<std::string>(f, "code", where);
            const auto name = member<std::string>(f, "name", where + ": " + code);
            const std::string assumed = member<std::string>(f, "assumed", where + ": " + code, std::string());
            soci::indicator i_assumed = assumed.empty() ? soci::i_null : soci::i_ok;
            int exists = 0;
            db.run("SELECT count(*) FROM tariff_feature WHERE tariff_version_id = :v AND code = :c",
                   soci::use(version_id), soci::use(code), soci::into(exists));
            if (exists) continue;
            const std::string k = kind;
            db.run("INSERT INTO tariff_feature (tariff_version_id, kind, code, name, assumed) VALUES (:v, :k, :c, "
                   ":n, :a)",
                   soci::use(version_id), soci::use(k), soci::use(code), soci::use(name),
                   soci::use(assumed, i_assumed));
            ++added;
        }
    }
    return added;
}

}  // namespace

CatalogImportResult import_tariff_catalog(db::Database& db, const std::string& json_text) {
    json doc;
    try {
        doc = json::parse(json_text);
    } catch (const json::parse_error& e) {
        throw ValidationError(tr("Tariff catalog"), trf("is not valid JSON: {1}", {e.what()}));
    }
    CatalogImportResult result;
    db::WriteTransaction tx(db);
    for (const auto& rate : doc.value("standard_rates", json::array())) {
        const auto code = member<std::string>(rate, "code", "standard_rates");
        const auto from = date_member(rate, "valid_from", code);
        const auto unit = member<std::string>(rate, "unit", code);
        const auto price = member<long long>(rate, "price", code);
        int exists = 0;
        db.run("SELECT count(*) FROM standard_rate WHERE code = :c AND valid_from = :f", soci::use(code),
               soci::use(from), soci::into(exists));
        if (exists) {
            ++result.unchanged;
            continue;
        }
        db.run("INSERT INTO standard_rate (code, valid_from, price, unit) VALUES (:c, :f, :p, :u)",
               soci::use(code), soci::use(from), soci::use(price), soci::use(unit));
        ++result.standard_rates_added;
    }
    for (const auto& t : doc.value("tariffs", json::array())) {
        const auto code = member<std::string>(t, "code", "tariffs");
        const auto name = member<std::string>(t, "name", code);
        const auto segment = member<std::string>(t, "segment", code);
        if (segment != "private" && segment != "business")
            throw ValidationError(tr("Tariff catalog"), trf("{1}: segment must be private or business", {code}));
        const int bundle = member<bool>(t, "is_bundle", code) ? 1 : 0;
        const int individual = member<bool>(t, "individual", code, false) ? 1 : 0;
        long long tariff_id = 0;
        soci::indicator found = soci::i_null;
        db.run("SELECT id FROM tariff WHERE code = :c", soci::use(code), soci::into(tariff_id, found));
        if (found != soci::i_ok) {
            tariff_id = db.insert(
                "INSERT INTO tariff (code, name, segment, is_bundle, individual) "
                "VALUES (:c, :n, :s, :b, :i)",
                soci::use(code), soci::use(name), soci::use(segment), soci::use(bundle),
                soci::use(individual));
            ++result.tariffs_added;
        }
        for (const auto& v : member<json>(t, "versions", code)) {
            const std::string where = code;
            const auto from = date_member(v, "valid_from", where);
            long long existing_id = 0;
            soci::indicator existing = soci::i_null;
            db.run("SELECT id FROM tariff_version WHERE tariff_id = :t AND valid_from = :f", soci::use(tariff_id),
                   soci::use(from), soci::into(existing_id, existing));
            if (existing == soci::i_ok) {
                // Its prices stay as they are (R-TAR-2); services and options it lacks are added: they
                // change no price of a past sale.
                result.features_added += import_features(db, v, existing_id, where);
                ++result.unchanged;
                continue;
            }
            const auto monthly = member<long long>(v, "monthly_fee", where);
            const auto connection = member<long long>(v, "connection_fee", where);
            const auto minutes = member<int>(v, "included_minutes", where, 0);
            const auto mb = member<int>(v, "included_mb", where, 0);
            const auto sms = member<int>(v, "included_sms", where, 0);
            const int corporate = member<bool>(v, "unlimited_corporate", where, false) ? 1 : 0;
            long long m_corp = 0, m_russia = 0, m_other = 0, mb_price = 0, sms_price = 0;
            auto i_corp = optional_price(v, "minute_corporate", m_corp, where);
            auto i_russia = optional_price(v, "minute_russia", m_russia, where);
            auto i_other = optional_price(v, "minute_other_operator", m_other, where);
            auto i_mb = optional_price(v, "mb_price", mb_price, where);
            auto i_sms = optional_price(v, "sms_price", sms_price, where);
            std::string assumed = member<std::string>(v, "assumed", where, std::string());
            soci::indicator i_assumed = assumed.empty() ? soci::i_null : soci::i_ok;
            const long long version_id = db.insert(
                "INSERT INTO tariff_version (tariff_id, valid_from, monthly_fee, connection_fee, "
                "included_minutes, included_mb, included_sms, unlimited_corporate, minute_corporate, "
                "minute_russia, minute_other_operator, mb_price, sms_price, assumed) VALUES (:t, :f, :mf, "
                ":cf, :im, :imb, :isms, :uc, :mc, :mr, :mo, :mbp, :smsp, :a)",
                soci::use(tariff_id), soci::use(from), soci::use(monthly), soci::use(connection),
                soci::use(minutes), soci::use(mb), soci::use(sms), soci::use(corporate),
                soci::use(m_corp, i_corp), soci::use(m_russia, i_russia), soci::use(m_other, i_other),
                soci::use(mb_price, i_mb), soci::use(sms_price, i_sms), soci::use(assumed, i_assumed));
            for (const auto& z : v.value("zones", json::array())) {
                const auto zone = member<std::string>(z, "zone", where);
                const auto price = member<long long>(z, "minute_price", where);
                db.run(
                    "INSERT INTO tariff_zone_rate (tariff_version_id, zone, minute_price) "
                    "VALUES (:v, :z, :p)",
                    soci::use(version_id), soci::use(zone), soci::use(price));
            }
            result.features_added += import_features(db, v, version_id, where);
            ++result.versions_added;
        }
    }
    tx.commit();
    return result;
}

}  // namespace salon::pos
