#include "pos/core/organisation/Actor.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Permission.hpp"

#include <pwd.h>
#include <unistd.h>
#include <cstdlib>

namespace salon::pos {

namespace {

std::string os_user_name() {
    if (const char* user = std::getenv("USER"); user && *user) return user;
    if (const passwd* entry = getpwuid(geteuid()); entry && entry->pw_name) return entry->pw_name;
    return "uid " + std::to_string(geteuid());
}

Text changed_since_sign_in() {
    return tr("Your account was locked or changed since you signed in: sign in again.");
}

}  // namespace

Actor::Actor(StaffMember member, std::string chain, const AuditKey& key, bool command_line,
             std::string os_user, bool may_change)
    : member_(std::move(member)),
      chain_(std::move(chain)),
      key_(key),
      command_line_(command_line),
      os_user_(std::move(os_user)),
      may_change_(may_change) {}

Actor Actor::signed_in(db::Database& db, const StaffMember& member, const AuditKey& key) {
    StaffMember fresh;
    try {
        fresh = current_record(db, member);
    } catch (const ValidationError&) {
        throw RefusedError(changed_since_sign_in());
    }
    if (!fresh.active) throw RefusedError(changed_since_sign_in());
    std::string chain =
        works_in_salon(fresh.role) && fresh.salon_id ? salon_chain(fresh.salon_id) : station_chain();
    return Actor(std::move(fresh), std::move(chain), key, false, {});
}

Actor Actor::command_line(const AuditKey& key) {
    StaffMember administrator;
    administrator.id = 0;
    administrator.role = Role::head_office_admin;
    administrator.must_change_password = false;
    return Actor(std::move(administrator), station_chain(), key, true, os_user_name());
}

Actor Actor::head_office_view(const AuditKey& key) {
    Actor view = command_line(key);
    view.may_change_ = false;
    return view;
}

bool Actor::is_head_office() const {
    return command_line_ || member_.role == Role::trainer || member_.role == Role::head_office_admin;
}

bool Actor::sees_dealer(std::int64_t dealer_id) const {
    if (is_head_office()) return true;
    return member_.dealer_id != 0 && dealer_id == member_.dealer_id;
}

const StaffMember& Actor::confirm(db::Database& db) const {
    if (command_line_) return member_;
    if (confirmed_in_ && confirmed_in_ == db.write_transaction()) return confirmed_;
    StaffMember fresh;
    try {
        fresh = current_record(db, member_);
    } catch (const ValidationError&) {
        throw RefusedError(changed_since_sign_in());
    }
    if (!fresh.active || fresh.role != member_.role || fresh.dealer_id != member_.dealer_id ||
        fresh.salon_id != member_.salon_id)
        throw RefusedError(changed_since_sign_in());
    confirmed_ = std::move(fresh);
    confirmed_in_ = db.write_transaction();
    return confirmed_;
}

void Actor::announce_confirm(db::Database& db) const {
    if (db.reads_ahead() && !command_line_ && !(confirmed_in_ && confirmed_in_ == db.write_transaction()))
        announce_current_record(db, member_.id);
}

void Actor::announce_record(db::Database& db) const {
    if (may_change_) announce_append(db, chain_);
}

bool Actor::may(db::Database& db, Permission permission) const {
    if (command_line_) return true;
    confirm(db);
    return has_permission(db, member_, permission);
}

void Actor::require(db::Database& db, Permission permission) const {
    if (command_line_) return;
    confirm(db);
    require_permission(db, member_, permission);
}

AuditEntry Actor::record(db::Database& db, const std::string& action, const std::string& subject,
                         const std::string& details) const {
    if (!may_change_) throw RefusedError(tr("Changing data needs a signed-in person: say who you are."));
    std::string text = details;
    if (command_line_) text += (text.empty() ? "" : " ") + std::string("os_user=") + os_user_;
    return append(db, key_, chain_, member_.id, action, subject, text);
}

std::string changed_fields(std::initializer_list<std::pair<std::string_view, bool>> fields) {
    std::string names;
    for (const auto& [name, changed] : fields)
        if (changed) names += (names.empty() ? "" : ",") + std::string(name);
    return "changed " + (names.empty() ? std::string("nothing") : names);
}

}  // namespace salon::pos
