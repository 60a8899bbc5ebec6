#include "pos/core/organisation/SupervisorApproval.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/Permission.hpp"

namespace salon::pos {

SupervisorApproval approve(db::Database& db, const Actor& actor, Permission permission, const std::string& login,
                           const std::string& password) {
    actor.confirm(db);
    const StaffMember senior = sign_in(db, actor.audit_key(), login, password);
    if (!actor.is_command_line() && senior.id == actor.staff_id())
        throw RefusedError(tr("Approval must come from another person, not from the one who asks for it."));
    if (!has_permission(db, senior, permission))
        throw RefusedError(trf("{1} may not approve this: the permission \"{2}\" is missing.",
                               {senior.full_name, permission_title(permission).str()}));
    const bool head_office = senior.role == Role::trainer || senior.role == Role::head_office_admin;
    bool same_place = head_office;
    if (!same_place && senior.dealer_id != 0 && senior.dealer_id == actor.dealer_id())
        same_place = works_in_salon(senior.role) ? senior.salon_id == actor.member().salon_id : true;
    if (!same_place)
        throw RefusedError(trf("{1} does not work in this salon and may not approve here.", {senior.full_name}));
    return SupervisorApproval{senior.id, senior.full_name, permission};
}

std::int64_t require_or_approved(db::Database& db, const Actor& actor, Permission permission,
                                 const std::optional<SupervisorApproval>& approval) {
    if (actor.may(db, permission)) return 0;
    if (approval && approval->permission == permission && approval->approver_id != 0) {
        // The approver's permission is read again: it may have been taken away since the dialog.
        StaffMember approver;
        approver.id = approval->approver_id;
        const StaffMember senior = current_record(db, approver);
        if (senior.active && has_permission(db, senior, permission)) return senior.id;
    }
    actor.require(db, permission);  // throws, naming the permission
    return 0;
}

std::string approval_detail(std::int64_t approver_id) {
    return approver_id ? " approved_by=staff:" + std::to_string(approver_id) : std::string();
}

}  // namespace salon::pos
