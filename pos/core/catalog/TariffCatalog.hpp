// Loads the tariff catalog (tariffs, their dated versions and the standard rates) from its JSON form.
#pragma once

#include <string>

namespace salon::db {
class Database;
}

namespace salon::pos {

struct CatalogImportResult {
    int tariffs_added = 0;
    int versions_added = 0;
    int standard_rates_added = 0;
    int unchanged = 0;  // versions and rates already present with the same start date
    int features_added = 0;  // services and options of a version (added to a version already present too)
};

// Adds what the catalog holds and the database does not (matched by tariff code and start date). A
// version already present is left as it is: past sales keep the price they were made at (R-TAR-2).
// Throws ValidationError naming the entry on malformed input; one transaction.
CatalogImportResult import_tariff_catalog(db::Database& db, const std::string& json_text);

// The catalog shipped with the program (assets/seed/tariffs.json).
const char* builtin_tariff_catalog();

}  // namespace salon::pos
