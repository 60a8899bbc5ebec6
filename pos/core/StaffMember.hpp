// The people who work at the station: salon staff by career level, trainers, dealer managers and
// head-office administrators.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon {
class Text;
}

namespace salon::pos {

enum class Role { specialist, senior_specialist, trainer, dealer_manager, head_office_admin };
enum class CareerLevel { trainee, specialist, senior_specialist };  // R-TRN-11

std::string_view to_string(Role role);
std::string_view to_string(CareerLevel level);
Role role_from_string(std::string_view text);                // throws InputError("role")
CareerLevel career_level_from_string(std::string_view text);  // throws InputError("career_level")
Text role_title(Role role);
Text career_level_title(CareerLevel level);
const std::vector<Role>& all_roles();

// Salon roles work in one salon; a dealer manager belongs to a dealer; trainers and administrators
// belong to head office.
bool works_in_salon(Role role);

struct StaffForm {
    std::string login;
    std::string full_name;
    Role role = Role::specialist;
    std::int64_t salon_id = 0;                 // salon roles
    std::int64_t dealer_id = 0;                // dealer managers
    std::optional<CareerLevel> career_level;   // salon roles; a senior specialist is at the senior level
    std::string password;                      // only when adding: the first password, changed at first sign-in
};

struct StaffMember {
    std::int64_t id = 0;
    std::string login;
    std::string full_name;
    Role role = Role::specialist;
    std::int64_t dealer_id = 0;  // 0: head office
    std::int64_t salon_id = 0;   // 0: not bound to a salon
    std::optional<CareerLevel> career_level;
    bool must_change_password = true;
    bool active = true;
    std::string salon_name;   // for lists
    std::string dealer_name;  // for lists
};

// Adds (`id` 0) or edits a staff member; one transaction; returns the id.
std::int64_t save_staff(db::Database& db, const StaffForm& form, std::int64_t id = 0);
std::vector<StaffMember> list_staff(db::Database& db);
StaffMember get_staff(db::Database& db, std::int64_t id);
std::optional<StaffMember> find_staff_by_login(db::Database& db, const std::string& login);

// Signs a person in: the same refusal for an unknown login, a wrong password and a disabled account,
// so the message never tells which it was. Five failures in a row lock the login (as typed, known or not)
// for five minutes. Rehashes a password made with older limits.
StaffMember sign_in(db::Database& db, const std::string& login, const std::string& password);

// Sets a new password (checked for strength); clears the "change at first sign-in" mark.
void change_password(db::Database& db, std::int64_t staff_id, const std::string& new_password);

// Sets a temporary password that must be changed at the next sign-in.
void reset_password(db::Database& db, std::int64_t staff_id, const std::string& temporary_password);

// Locks (disables) or unlocks an account; unlocking also lifts a lock left by failed sign-ins.
void set_staff_active(db::Database& db, std::int64_t staff_id, bool active);

}  // namespace salon::pos
