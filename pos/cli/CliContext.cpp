#include "pos/cli/CliContext.hpp"

#include "db/migrations.hpp"

#include <algorithm>
#include <iostream>

namespace salon::cli {

std::unique_ptr<db::Database> CliContext::open(bool create) const {
    auto db = db::Database::open(db::DatabaseUrl::resolve(db_url),
                                 create ? db::Database::Mode::create_if_missing : db::Database::Mode::open_existing);
    db::migrate(*db);
    return db;
}

std::unique_ptr<db::Database> CliContext::open_as_is() const {
    return db::Database::open(db::DatabaseUrl::resolve(db_url), db::Database::Mode::open_existing);
}

pos::Actor CliContext::actor() const { return pos::Actor::command_line(pos::AuditKey::load_or_create()); }

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
