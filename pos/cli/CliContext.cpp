#include "pos/cli/CliContext.hpp"

#include "db/migrations.hpp"

#include "db/UserError.hpp"
#include "pos/core/organisation/StaffMember.hpp"

#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

namespace salon::cli {

std::unique_ptr<db::Database> CliContext::open(bool create) const {
    auto db = db::Database::open(db::DatabaseUrl::resolve(db_url),
                                 create ? db::Database::Mode::create_if_missing : db::Database::Mode::open_existing);
    db::migrate(*db);
    if (!as_login.empty()) person(*db);
    return db;
}

std::unique_ptr<db::Database> CliContext::open_as_is() const {
    return db::Database::open(db::DatabaseUrl::resolve(db_url), db::Database::Mode::open_existing);
}

pos::Actor CliContext::maintenance() const { return pos::Actor::command_line(pos::AuditKey::load_or_create()); }

pos::Actor CliContext::viewer(db::Database& db) const {
    if (as_login.empty()) return pos::Actor::head_office_view(pos::AuditKey::load_or_create());
    return person(db);
}

pos::Actor CliContext::person(db::Database& db) const {
    if (as_login.empty())
        throw RefusedError(tr("This verb changes data: say who you are with --as LOGIN (the password from "
                              "SALON_PASSWORD, else asked)."));
    if (!signed_in_) {
        const pos::AuditKey key = pos::AuditKey::load_or_create();
        const std::string password = read_password("SALON_PASSWORD", trf("Password of {1}: ", {as_login}).str());
        const pos::StaffMember member = pos::sign_in(db, key, as_login, password);
        signed_in_ = pos::Actor::signed_in(db, member, key);
    }
    return *signed_in_;
}

pos::Actor CliContext::first_administrator(db::Database& db, pos::Role role) const {
    if (!as_login.empty()) return person(db);
    long long accounts = 0;
    db.run("SELECT count(*) FROM staff", soci::into(accounts));
    if (accounts > 0) return person(db);  // refuses: the database has people who can sign in
    if (role != pos::Role::head_office_admin)
        throw RefusedError(tr("The database has no account yet: its first one must be a head-office "
                              "administrator (--role head_office_admin)."));
    return maintenance();
}

std::string CliContext::till_name() const {
    if (!till.empty()) return till;
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) != 0 || host[0] == 0) return "till";
    return host;
}

std::string read_password(const char* env, const std::string& prompt) {
    if (const char* value = std::getenv(env)) return value;
    const bool terminal = isatty(STDIN_FILENO);
    termios saved{};
    if (terminal) {
        std::cerr << prompt << std::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::cerr << '\n';
    }
    return line;
}

namespace {
// Display width of UTF-8 text: counts code points, not bytes, so Cyrillic columns line up.
std::size_t width(const std::string& s) {
    return std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}
}  // namespace

void print_table(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> widths(headers.size());
    for (std::size_t i = 0; i < headers.size(); ++i) widths[i] = width(headers[i]);
    for (const auto& r : rows)
        for (std::size_t i = 0; i < r.size() && i < widths.size(); ++i) widths[i] = std::max(widths[i], width(r[i]));
    auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            std::cout << cells[i];
            if (i + 1 < cells.size()) std::cout << std::string(widths[i] - width(cells[i]) + 2, ' ');
        }
        std::cout << '\n';
    };
    line(headers);
    for (const auto& r : rows) line(r);
}

void print_json(const nlohmann::json& value) { std::cout << value.dump(2) << '\n'; }

}  // namespace salon::cli
