#include "db/Setting.hpp"

#include "db/Database.hpp"

namespace salon::db {

void put_setting(Database& db, const std::string& name, const std::string& value) {
    int exists = 0;
    db.run("SELECT COUNT(*) FROM setting WHERE name = :n", soci::use(name), soci::into(exists));
    if (exists)
        db.run("UPDATE setting SET value = :v WHERE name = :n", soci::use(value), soci::use(name));
    else
        db.run("INSERT INTO setting (name, value) VALUES (:n, :v)", soci::use(name), soci::use(value));
}

}  // namespace salon::db
