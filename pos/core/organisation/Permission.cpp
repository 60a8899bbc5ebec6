#include "pos/core/organisation/Permission.hpp"

#include "pos/core/organisation/Actor.hpp"

#include "db/Database.hpp"
#include "pos/core/audit/AuditJournal.hpp"
#include "pos/core/common/FormInput.hpp"

#include <algorithm>

namespace salon::pos {

namespace {
struct PermissionName {
    Permission permission;
    std::string_view code;
};
constexpr PermissionName kPermissions[] = {
    {Permission::sell, "sell"},
    {Permission::void_line, "void_line"},
    {Permission::refund, "refund"},
    {Permission::shift_open_close, "shift_open_close"},
    {Permission::cash_in_out, "cash_in_out"},
    {Permission::approve_cash_difference, "approve_cash_difference"},
    {Permission::reveal_personal_data, "reveal_personal_data"},
    {Permission::manage_staff, "manage_staff"},
    {Permission::run_training, "run_training"},
    {Permission::record_votes, "record_votes"},
    {Permission::view_dealer_reports, "view_dealer_reports"},
    {Permission::edit_reward_schemes, "edit_reward_schemes"},
    {Permission::corporate_desk, "corporate_desk"},
    {Permission::administer_database, "administer_database"},
    {Permission::approve_stock_difference, "approve_stock_difference"},
    {Permission::fiscal_correction, "fiscal_correction"},
    {Permission::move_gadgets, "move_gadgets"},
};
}  // namespace

std::string_view to_string(Permission permission) {
    for (const auto& p : kPermissions)
        if (p.permission == permission) return p.code;
    return "sell";
}

Permission permission_from_string(std::string_view text) {
    for (const auto& p : kPermissions)
        if (p.code == text) return p.permission;
    throw InputError("permission", tr("Permission"), tr("unknown permission code (see `permission list`)"));
}

Text permission_title(Permission permission) {
    switch (permission) {
    case Permission::sell: return tr("Sell");
    case Permission::void_line: return tr("Remove a line from a sale");
    case Permission::refund: return tr("Refund a payment");
    case Permission::shift_open_close: return tr("Open and close shifts");
    case Permission::cash_in_out: return tr("Put cash into the till and take it out");
    case Permission::approve_cash_difference: return tr("Approve a cash difference or close another's shift");
    case Permission::reveal_personal_data: return tr("See a client's personal data unmasked");
    case Permission::manage_staff: return tr("Manage staff");
    case Permission::run_training: return tr("Run training and tests");
    case Permission::record_votes: return tr("Record votes");
    case Permission::view_dealer_reports: return tr("View dealer reports");
    case Permission::edit_reward_schemes: return tr("Edit reward schemes");
    case Permission::corporate_desk: return tr("Work at the corporate desk");
    case Permission::administer_database: return tr("Administer the database and permissions");
    case Permission::approve_stock_difference: return tr("Open stocktakes and approve their differences");
    case Permission::fiscal_correction: return tr("Register correction receipts");
    case Permission::move_gadgets: return tr("Move gadgets to another salon of the dealer");
    }
    return tr("Sell");
}

const std::vector<Permission>& all_permissions() {
    static const std::vector<Permission> permissions = [] {
        std::vector<Permission> v;
        for (const auto& p : kPermissions) v.push_back(p.permission);
        return v;
    }();
    return permissions;
}

bool has_permission(db::Database& db, const StaffMember& member, Permission permission) {
    if (!member.active || member.id == 0) return false;
    const long long id = member.id;
    const std::string code(to_string(permission));
    long long count = 0;
    db.run(
        "SELECT count(*) FROM staff s JOIN role_permission rp ON rp.role = s.role "
        "WHERE s.id = :id AND s.active = 1 AND rp.permission = :p",
        soci::use(id), soci::use(code), soci::into(count));
    return count > 0;
}

void require_permission(db::Database& db, const StaffMember& actor, Permission permission) {
    // The title as the "field" keeps both parts translatable where the message is shown.
    if (!has_permission(db, actor, permission))
        throw RefusedError(permission_title(permission), tr("you do not have this permission"));
}

namespace {

bool granted(db::Database& db, const std::string& role, const std::string& code) {
    long long count = 0;
    db.run("SELECT count(*) FROM role_permission WHERE role = :r AND permission = :p", soci::use(role),
           soci::use(code), soci::into(count));
    return count > 0;
}

}  // namespace

void grant(db::Database& db, const Actor& actor, Role role, Permission permission) {
    db::WriteTransaction tx(db);
    actor.require(db, Permission::administer_database);
    const std::string role_code(to_string(role));
    const std::string code(to_string(permission));
    if (granted(db, role_code, code)) return;
    db.run("INSERT INTO role_permission (role, permission) VALUES (:r, :p)", soci::use(role_code),
           soci::use(code));
    actor.record(db, "permission.grant", "role:" + role_code, code);
    tx.commit();
}

void revoke(db::Database& db, const Actor& actor, Role role, Permission permission) {
    db::WriteTransaction tx(db);
    actor.require(db, Permission::administer_database);
    if (role == Role::head_office_admin && permission == Permission::administer_database)
        throw RefusedError(
            tr("Head-office administrators keep the right to administer the database: without it "
               "nobody could grant permissions again."));
    const std::string role_code(to_string(role));
    const std::string code(to_string(permission));
    if (!granted(db, role_code, code)) return;
    db.run("DELETE FROM role_permission WHERE role = :r AND permission = :p", soci::use(role_code),
           soci::use(code));
    actor.record(db, "permission.revoke", "role:" + role_code, code);
    tx.commit();
}

std::vector<std::pair<Role, Permission>> list_grants(db::Database& db) {
    std::vector<std::pair<Role, Permission>> out;
    std::string role, code;
    db::Statement st =
        db.query("SELECT role, permission FROM role_permission", soci::into(role), soci::into(code));
    st.execute();
    while (st.fetch()) out.emplace_back(role_from_string(role), permission_from_string(code));
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace salon::pos
