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

class Actor;
class AuditKey;

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

// Adds (`id` 0) or edits a staff member. The actor needs manage_staff. A dealer's people place others only
// in their own dealer's salons or as their own dealer's managers, and never add or change trainers or
// head-office administrators (RefusedError); another dealer's people are not found, as if they did not
// exist. One transaction with its audit entry ("staff.save"); returns the id.
std::int64_t save_staff(db::Database& db, const Actor& actor, const StaffForm& form, std::int64_t id = 0);
// save_staff's adding, with the same checks and audit entry, inside the caller's open WriteTransaction, with
// the password already hashed (hashing is slow and stays outside the transaction). `must_change_password`
// false for a person who chose the password himself (the first run's administrator).
std::int64_t add_staff_within(db::Database& db, const Actor& actor, const StaffForm& form,
                              const std::string& password_hash, bool must_change_password);
// The account of a candidate who has just passed the training week ("Passing", R-POS-3): a specialist at
// the trainee level in `salon_id`, with a first password already hashed by the caller (hashing is slow and
// stays outside the transaction), to be changed at first sign-in. The operator trains and approves every
// specialist, so a head-office person who runs the training (run_training) opens these accounts without
// holding manage_staff over all staff. Runs inside the caller's open WriteTransaction (closing the week is
// one transaction); audited "staff.save" like save_staff. Returns the id.
std::int64_t add_trained_trainee(db::Database& db, const Actor& actor, const std::string& login,
                                 const std::string& full_name, std::int64_t salon_id,
                                 const std::string& password_hash);
// The people the actor sees: everyone for head office; a dealer's people see their own dealer's staff
// (head-office people are not among them).
std::vector<StaffMember> list_staff(db::Database& db, const Actor& actor);
// Throws ValidationError if there is none or the actor does not see the person (the same words).
StaffMember get_staff(db::Database& db, const Actor& actor, std::int64_t id);
// Empty when nobody the actor sees has this login.
std::optional<StaffMember> find_staff_by_login(db::Database& db, const Actor& actor,
                                               const std::string& login);

// `person`'s own record read afresh, for checks about that person (may they still sell, are they still
// what they signed in as): a change made during the shift applies at once. It shows the caller nobody
// new, since `person` came from sign_in or a scoped read; to look at others, use get_staff. Throws
// ValidationError when the record is gone.
StaffMember current_record(db::Database& db, const StaffMember& person);
// Announces current_record's read of person `id` to a write transaction (db::Database::read_ahead).
void announce_current_record(db::Database& db, std::int64_t id);

// Signs a person in: the same refusal for an unknown login, a wrong password and a disabled account,
// so the message never tells which it was. Five failures in a row lock the login (as typed, known or not)
// for five minutes. Rehashes a password made with older limits.
StaffMember sign_in(db::Database& db, const std::string& login, const std::string& password);
// The same, and every refusal is written to the station's audit chain ("sign_in.refused", with the
// reason; the subject is the person when the login is known, never the text typed, which may be a
// password typed in the wrong field).
StaffMember sign_in(db::Database& db, const AuditKey& key, const std::string& login,
                    const std::string& password);

// The person themselves sets a new password (checked for strength); clears the "change at first
// sign-in" mark.
void change_password(db::Database& db, std::int64_t staff_id, const std::string& new_password);

// Sets a temporary password that must be changed at the next sign-in. Needs manage_staff over someone
// the actor sees; audited ("staff.reset_password", never the password).
void reset_password(db::Database& db, const Actor& actor, std::int64_t staff_id,
                    const std::string& temporary_password);

// Locks (disables) or unlocks an account; unlocking also lifts a lock left by failed sign-ins. Needs
// manage_staff over someone the actor sees; audited ("staff.lock", "staff.unlock").
void set_staff_active(db::Database& db, const Actor& actor, std::int64_t staff_id, bool active);

}  // namespace salon::pos
