// What every salon-cli verb shares: the chosen database, the output form and the way results are printed.
#pragma once

#include "db/Database.hpp"
#include "pos/core/Actor.hpp"
#include "pos/core/FormInput.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace salon::cli {

struct CliContext {
    std::string db_url;  // --db, else SALON_DB, else the default file
    bool json = false;   // --json: machine-readable output on stdout
    std::string as_login;  // --as: the salon person the till's verbs act as (signed in with a password)
    std::string till;      // --till: this station's name at the salon (default: the host name)

    // Opens the database and applies pending migrations. `create` allows a new SQLite file.
    std::unique_ptr<db::Database> open(bool create = false) const;
    // Opens without migrating (for status, check, backup and restore).
    std::unique_ptr<db::Database> open_as_is() const;
    // Who acts: the command line, with the station's audit key (made on first use, see AuditKey).
    pos::Actor actor() const;
    // The person at the till, for the desk's verbs (shift, sale): --as LOGIN signed in with the password
    // from SALON_PASSWORD or typed at the prompt, with the sign-in's rules (lockout, journal). Throws
    // UserError without --as.
    pos::Actor person(db::Database& db) const;
    // The till's name: --till, else the host name.
    std::string till_name() const;
};

// A password from the environment variable `env`, else typed at the terminal without echo.
std::string read_password(const char* env, const std::string& prompt);


// Prints `rows` as aligned columns under `headers` (text mode).
void print_table(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows);
void print_json(const nlohmann::json& value);

// Runs `body`; with --json an input error it throws is printed as JSON naming the input and the program
// exits 1, without --json it goes on up to main's message.
template <class Body>
void reporting_input(const CliContext& ctx, Body&& body) {
    try {
        body();
    } catch (const pos::InputError& e) {
        if (!ctx.json) throw;
        print_json({{"ok", false}, {"input", e.input()}, {"error", e.message()}});
        std::cout.flush();
        std::exit(1);
    }
}

}  // namespace salon::cli
