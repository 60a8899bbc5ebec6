// What every salon-cli verb shares: the chosen database, the output form and the way results are printed.
#pragma once

#include "db/Database.hpp"
#include "pos/core/Actor.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace salon::cli {

struct CliContext {
    std::string db_url;  // --db, else SALON_DB, else the default file
    bool json = false;   // --json: machine-readable output on stdout

    // Opens the database and applies pending migrations. `create` allows a new SQLite file.
    std::unique_ptr<db::Database> open(bool create = false) const;
    // Opens without migrating (for status, check, backup and restore).
    std::unique_ptr<db::Database> open_as_is() const;
    // Who acts: the command line, with the station's audit key (made on first use, see AuditKey).
    pos::Actor actor() const;
};

// Prints `rows` as aligned columns under `headers` (text mode).
void print_table(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows);
void print_json(const nlohmann::json& value);

}  // namespace salon::cli
