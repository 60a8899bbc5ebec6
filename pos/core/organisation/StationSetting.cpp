#include "pos/core/organisation/StationSetting.hpp"

#include "db/Database.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/Permission.hpp"

namespace salon::pos {

long long setting_number(db::Database& db, const std::string& name, long long fallback) {
    std::string value;
    soci::indicator ind = soci::i_null;
    // An operation that read the setting ahead in this write transaction, with a statement it runs anyway,
    // left it in the transaction's memo under "setting:" + name: "=" and the value, or "" for no row (a
    // sale reads the SIM limit with the till's shift: one round trip fewer on PostgreSQL).
    if (const std::string* ahead = db.transaction_memo("setting:" + name)) {
        ind = ahead->empty() ? soci::i_null : soci::i_ok;
        if (!ahead->empty()) value = ahead->substr(1);
    } else {
        db.run("SELECT value FROM setting WHERE name = :n", soci::use(name), soci::into(value, ind));
    }
    if (ind != soci::i_ok) return fallback;
    try {
        std::size_t used = 0;
        const long long number = std::stoll(value, &used);
        return used == value.size() ? number : fallback;
    } catch (const std::exception&) {
        return fallback;
    }
}

std::string setting_text(db::Database& db, const std::string& name) {
    std::string value;
    soci::indicator ind = soci::i_null;
    db.run("SELECT value FROM setting WHERE name = :n", soci::use(name), soci::into(value, ind));
    return ind == soci::i_ok ? value : std::string();
}

void save_setting_number(db::Database& db, const Actor& actor, const std::string& name, long long value) {
    actor.require(db, Permission::administer_database);
    db::WriteTransaction tx(db);
    const std::string text = std::to_string(value);
    put_setting(db, name, text);
    actor.record(db, "setting.save", "setting:" + name, "value=" + text);
    tx.commit();
}

}  // namespace salon::pos
