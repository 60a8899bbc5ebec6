// What every salon-cli verb shares: the chosen database, the output form and the way results are printed.
#pragma once

#include "db/Database.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/FormInput.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace salon::cli {

struct CliContext {
    std::string db_url;  // --db, else SALON_DB, else the default file
    bool json = false;   // --json: machine-readable output on stdout
    // What a verb that fails has found (e.g. the journal's problems): main prints it inside the one error
    // object --json writes, so that a script always reads exactly one JSON value.
    mutable nlohmann::json failure = nlohmann::json::object();
    std::string as_login;  // --as: the person every verb acts as (signed in with a password, see person())
    std::string till;      // --till: this station's name at the salon (default: the host name)

    // Opens the database and applies pending migrations. `create` allows a new SQLite file. A given --as
    // is verified here, whatever the verb does next: a wrong password is refused (and counted) even by a
    // verb that only reads.
    std::unique_ptr<db::Database> open(bool create = false) const;
    // Opens without migrating (for status, check, backup and restore).
    std::unique_ptr<db::Database> open_as_is() const;
    // Who acts for the verbs that keep the database itself (db, demo, bench): the command line as the
    // database's administrator, journaled with the operating-system user. No other verb uses it.
    pos::Actor maintenance() const;
    // Who reads, for the verbs that only read: the person --as names, signed in (see person), with their
    // permissions and dealer scope; without --as head office's view, which changes nothing.
    pos::Actor viewer(db::Database& db) const;
    // Who acts, for every verb that changes data: --as LOGIN signed in with the password from
    // SALON_PASSWORD or typed at the prompt, through the station's own sign-in (a refusal is journaled and
    // counts toward the lockout). Throws RefusedError without --as.
    pos::Actor person(db::Database& db) const;
    // `staff add` without --as: allowed only while the database has no account at all, for its first
    // head-office administrator (the bootstrap); journaled as the command line. Else as person().
    pos::Actor first_administrator(db::Database& db, pos::Role role) const;
    // The till's name: --till, else the host name.
    std::string till_name() const;

private:
    mutable std::optional<pos::Actor> signed_in_;  // --as, once signed in
};

// A password from the environment variable `env`, else typed at the terminal without echo.
std::string read_password(const char* env, const std::string& prompt);


// Prints `rows` as aligned columns under `headers` (text mode).
void print_table(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows);
void print_json(const nlohmann::json& value);

// Runs `body`; with --json an input error it throws is printed as JSON naming the input (main's error object
// with "ok" and "input" beside it) and the program exits 1, without --json it goes on up to main's message.
template <class Body>
void reporting_input(const CliContext& ctx, Body&& body) {
    try {
        body();
    } catch (const pos::InputError& e) {
        if (!ctx.json) throw;
        nlohmann::json out = {{"ok", false}, {"input", e.input()}, {"error", {{"code", "input"}, {"message", e.message()}}}};
        // A form with several problems names them all, each with its input.
        if (const auto* all = dynamic_cast<const pos::InputErrors*>(&e)) {
            out["problems"] = nlohmann::json::array();
            for (const auto& p : all->problems()) out["problems"].push_back({{"input", p.input()}, {"message", p.message()}});
        }
        print_json(out);
        std::cout.flush();
        std::exit(1);
    }
}

}  // namespace salon::cli
