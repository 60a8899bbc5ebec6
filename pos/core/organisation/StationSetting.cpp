#include "pos/core/organisation/StationSetting.hpp"

#include "db/Database.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/Permission.hpp"

namespace salon::pos {

long long setting_number(db::Database& db, const std::string& name, long long fallback) {
    std::string value;
    soci::indicator ind = soci::i_null;
    db.run("SELECT value FROM setting WHERE name = :n", soci::use(name), soci::into(value, ind));
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

void put_setting(db::Database& db, const std::string& name, const std::string& value) {
    int exists = 0;
    db.run("SELECT COUNT(*) FROM setting WHERE name = :n", soci::use(name), soci::into(exists));
    if (exists)
        db.run("UPDATE setting SET value = :v WHERE name = :n", soci::use(value), soci::use(name));
    else
        db.run("INSERT INTO setting (name, value) VALUES (:n, :v)", soci::use(name), soci::use(value));
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
