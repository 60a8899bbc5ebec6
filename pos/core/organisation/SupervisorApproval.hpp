// The supervisor override: where the person at the till may not do something alone (a refund, a cash
// difference at shift close, closing another's shift), a senior types their own login and password and
// the action is recorded with both names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;
enum class Permission;

struct SupervisorApproval {
    std::int64_t approver_id = 0;
    std::string approver_name;
    Permission permission;
};

// Checks the senior's credentials with the sign-in's rules (the same refusal for a wrong login or
// password, five failures lock that login, refusals journaled) and that the senior has `permission`, is
// not the actor, and works where the actor works: the same salon (a salon's senior), the same dealer (its
// manager) or head office. Throws RefusedError saying which of these failed (never which credential was
// wrong). Writes nothing itself: the operation it allows records `approved_by` in its own transaction.
SupervisorApproval approve(db::Database& db, const Actor& actor, Permission permission, const std::string& login,
                           const std::string& password);

// Returns the approver's id when the actor needed the approval, 0 when the actor may do it alone; refuses
// (RefusedError naming the permission) when the actor may not and there is no approval for it.
std::int64_t require_or_approved(db::Database& db, const Actor& actor, Permission permission,
                                 const std::optional<SupervisorApproval>& approval);

// "approved_by=staff:12" for an audit entry's details (empty for 0).
std::string approval_detail(std::int64_t approver_id);

}  // namespace salon::pos
