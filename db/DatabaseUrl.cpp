#include "db/DatabaseUrl.hpp"

#include "db/UserError.hpp"

#include <cstdlib>
#include <regex>

namespace salon::db {

std::string_view backend_name(Backend backend) {
    return backend == Backend::sqlite ? "SQLite" : "PostgreSQL";
}

namespace {
bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Hides a password in a URI (`postgresql://u:secret@h/db`) or a keyword string (`password=secret`).
std::string without_password(const std::string& conninfo) {
    static const std::regex uri_password(R"(^(postgres(?:ql)?://[^:/@]*):[^@]*@)");
    static const std::regex keyword_password(R"(password\s*=\s*('[^']*'|\S+))");
    std::string out = std::regex_replace(conninfo, uri_password, "$1:***@");
    return std::regex_replace(out, keyword_password, "password=***");
}
}  // namespace

DatabaseUrl DatabaseUrl::parse(std::string_view url) {
    const Text field = tr("Database URL");
    DatabaseUrl result;
    if (url.empty()) throw ValidationError(field, tr("is empty"));
    if (starts_with(url, "sqlite:")) {
        std::string_view path = url.substr(7);
        if (starts_with(path, "//")) path.remove_prefix(2);
        if (path.empty()) throw ValidationError(field, tr("names no SQLite file"));
        result.backend = Backend::sqlite;
        result.sqlite_path = std::string(path);
        result.display = "sqlite:" + result.sqlite_path;
        return result;
    }
    if (starts_with(url, "postgresql://") || starts_with(url, "postgres://")) {
        result.backend = Backend::postgresql;
        result.pg_conninfo = std::string(url);
        result.display = without_password(result.pg_conninfo);
        return result;
    }
    static const std::regex keyword_string(R"(^\s*[a-z_]+\s*=.*)");
    const std::string text(url);
    if (std::regex_match(text, keyword_string)) {
        result.backend = Backend::postgresql;
        result.pg_conninfo = text;
        result.display = without_password(text);
        return result;
    }
    throw ValidationError(field, trf("unknown scheme in \"{1}\": use sqlite:FILE or postgresql://...",
                                     {without_password(text)}));
}

DatabaseUrl DatabaseUrl::default_url() {
    std::string base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
        base = xdg;
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        base = std::string(home) + "/.local/share";
    } else {
        base = ".";
    }
    return parse("sqlite:" + base + "/salon-station/salon.db");
}

DatabaseUrl DatabaseUrl::resolve(const std::string& explicit_url, const std::string& stored_choice) {
    if (!explicit_url.empty()) return parse(explicit_url);
    if (const char* env = std::getenv("SALON_DB"); env && *env) return parse(env);
    if (!stored_choice.empty()) return parse(stored_choice);
    return default_url();
}

}  // namespace salon::db
