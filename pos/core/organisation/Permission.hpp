// What a role may do. Permissions are data (table role_permission): head office changes who may refund
// or see personal data without a new program version.
#pragma once

#include "pos/core/organisation/StaffMember.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace salon::pos {

class Actor;

class AuditKey;

enum class Permission {
    sell,
    void_line,
    refund,
    shift_open_close,
    cash_in_out,
    approve_cash_difference,
    reveal_personal_data,
    manage_staff,
    run_training,
    record_votes,
    view_dealer_reports,
    edit_reward_schemes,
    corporate_desk,
    administer_database,
    approve_stock_difference,
    fiscal_correction,
    move_gadgets,
};

std::string_view to_string(Permission permission);
Permission permission_from_string(std::string_view text);  // throws InputError("permission")
Text permission_title(Permission permission);
const std::vector<Permission>& all_permissions();

// Whether `member` may do it now: the role and the active mark are read from the database, so a person
// disabled or moved to another role during a shift loses the permission at once.
bool has_permission(db::Database& db, const StaffMember& member, Permission permission);
// Throws RefusedError naming the permission when `actor` does not have it.
void require_permission(db::Database& db, const StaffMember& actor, Permission permission);

// Give or take away a role's permission; the actor needs administer_database. One transaction that also
// writes an audit entry to the actor's chain (nothing is written when nothing changes). Taking
// administer_database from head-office administrators is refused: nobody could give it back.
void grant(db::Database& db, const Actor& actor, Role role, Permission permission);
void revoke(db::Database& db, const Actor& actor, Role role, Permission permission);

// Every grant, by role and then permission in the order of the enums.
std::vector<std::pair<Role, Permission>> list_grants(db::Database& db);

}  // namespace salon::pos
