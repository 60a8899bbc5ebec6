#include "pos/corporate/CorporateDesk.hpp"

#include "db/Database.hpp"
#include "db/Text.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/organisation/Certification.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Permission.hpp"

#include <algorithm>
#include <cctype>

namespace salon::pos {

void require_corporate_desk(db::Database& db, const Actor& actor) {
    actor.require(db, Permission::corporate_desk);
    if (actor.is_command_line()) return;
    require_may_serve_now(db, actor.confirm(db), ClientKind::corporate_client);
}

void require_corporate_reader(db::Database& db, const Actor& actor) { actor.require(db, Permission::corporate_desk); }

CalendarDate desk_today(db::Database& db, const Actor& actor) {
    const long long salon = actor.member().salon_id;
    if (salon != 0) {
        std::string zone;
        if (db.run("SELECT time_zone FROM salon WHERE id = :id", soci::use(salon), soci::into(zone)) && !zone.empty())
            return CalendarDate::of(db.now(), zone);
    }
    return CalendarDate::of_utc(db.now());
}

std::string parse_email(const std::string& text, const char* input) {
    const Text field = tr("E-mail");
    std::string value = required_text(input, field, text, 254);
    const auto at = value.find('@');
    const bool spaces = value.find_first_of(" \t,;<>\"") != std::string::npos;
    if (spaces || at == std::string::npos || at == 0 || value.find('@', at + 1) != std::string::npos)
        throw InputError(input, field, tr("is not an e-mail address (name@domain.ru)"));
    std::string domain = value.substr(at + 1);
    const auto dot = domain.find('.');
    if (domain.empty() || dot == std::string::npos || dot == 0 || domain.back() == '.' ||
        domain.find("..") != std::string::npos)
        throw InputError(input, field, tr("is not an e-mail address (name@domain.ru)"));
    std::transform(domain.begin(), domain.end(), domain.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return value.substr(0, at + 1) + domain;
}

}  // namespace salon::pos
