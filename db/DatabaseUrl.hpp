// Which database a station uses: parsed from `--db URL`, SALON_DB or the first-run wizard's stored choice,
// else the per-user default file.
#pragma once

#include <string>
#include <string_view>

namespace salon::db {

enum class Backend { sqlite, postgresql };

std::string_view backend_name(Backend backend);

struct DatabaseUrl {
    Backend backend = Backend::sqlite;
    std::string sqlite_path;   // the file, for SQLite
    std::string pg_conninfo;   // a libpq URI or keyword string, for PostgreSQL
    std::string display;       // safe to show: no password

    // Accepts `sqlite:PATH`, `sqlite://PATH`, `postgresql://...`, `postgres://...` and libpq keyword
    // strings (`host=... dbname=...`). Throws ValidationError naming the database URL otherwise.
    static DatabaseUrl parse(std::string_view url);
    // `$XDG_DATA_HOME/salon-station/salon.db` (or `~/.local/share/...`).
    static DatabaseUrl default_url();
    // The explicit URL (--db) if given, else SALON_DB, else `stored_choice` (what the station's first-run
    // wizard kept; the CLI has none), else the default. The one place that order is decided.
    static DatabaseUrl resolve(const std::string& explicit_url, const std::string& stored_choice = {});
};

}  // namespace salon::db
