#include "pos/core/organisation/StaffMember.hpp"

#include "db/Database.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/audit/AuditJournal.hpp"
#include "pos/core/organisation/Dealer.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/PasswordHash.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/organisation/Salon.hpp"

#include <regex>

namespace salon::pos {

namespace {
struct RoleName {
    Role role;
    std::string_view key;
};
constexpr RoleName kRoles[] = {{Role::specialist, "specialist"},
                               {Role::senior_specialist, "senior_specialist"},
                               {Role::trainer, "trainer"},
                               {Role::dealer_manager, "dealer_manager"},
                               {Role::head_office_admin, "head_office_admin"}};
}  // namespace

std::string_view to_string(Role role) {
    for (const auto& r : kRoles)
        if (r.role == role) return r.key;
    return "specialist";
}

Role role_from_string(std::string_view text) {
    for (const auto& r : kRoles)
        if (r.key == text) return r.role;
    throw InputError("role", tr("Role"),
                     tr("must be one of specialist, senior_specialist, trainer, dealer_manager, head_office_admin"));
}

std::string_view to_string(CareerLevel level) {
    switch (level) {
    case CareerLevel::trainee: return "trainee";
    case CareerLevel::specialist: return "specialist";
    case CareerLevel::senior_specialist: return "senior_specialist";
    }
    return "trainee";
}

CareerLevel career_level_from_string(std::string_view text) {
    if (text == "trainee") return CareerLevel::trainee;
    if (text == "specialist") return CareerLevel::specialist;
    if (text == "senior_specialist") return CareerLevel::senior_specialist;
    throw InputError("career_level", tr("Career level"), tr("must be trainee, specialist or senior_specialist"));
}

Text role_title(Role role) {
    switch (role) {
    case Role::specialist: return tr("Salon specialist");
    case Role::senior_specialist: return tr("Senior specialist");
    case Role::trainer: return tr("Trainer");
    case Role::dealer_manager: return tr("Dealer manager");
    case Role::head_office_admin: return tr("Head-office administrator");
    }
    return tr("Salon specialist");
}

Text career_level_title(CareerLevel level) {
    switch (level) {
    case CareerLevel::trainee: return tr("Trainee");
    case CareerLevel::specialist: return tr("Specialist");
    case CareerLevel::senior_specialist: return tr("Senior specialist");
    }
    return tr("Trainee");
}

const std::vector<Role>& all_roles() {
    static const std::vector<Role> roles = {Role::specialist, Role::senior_specialist, Role::trainer,
                                            Role::dealer_manager, Role::head_office_admin};
    return roles;
}

bool works_in_salon(Role role) { return role == Role::specialist || role == Role::senior_specialist; }

namespace {

struct Placement {
    long long dealer_id = 0;
    long long salon_id = 0;
    std::optional<CareerLevel> level;
};

bool head_office_role(Role role) { return role == Role::trainer || role == Role::head_office_admin; }

Text own_dealer_only() {
    return tr(
        "You may place people only in your own dealer's salons or make them your own dealer's managers.");
}

// Where a person belongs follows from the role: see StaffForm.
Placement place(db::Database& db, const Actor& actor, const StaffForm& form) {
    Placement p;
    if (works_in_salon(form.role)) {
        if (form.salon_id == 0) throw InputError("salon", tr("Salon"), tr("salon staff must work in a salon"));
        Salon s;
        if (actor.is_head_office()) {
            s = parse_input("salon", [&] { return get_salon(db, actor, form.salon_id); });
        } else {
            // Another dealer's salon and a number nobody has get the same answer.
            try {
                s = get_salon(db, actor, form.salon_id);
            } catch (const ValidationError&) {
                throw RefusedError(own_dealer_only());
            }
        }
        p.salon_id = s.id;
        p.dealer_id = s.dealer_id;
        if (form.role == Role::senior_specialist) {
            if (form.career_level && *form.career_level != CareerLevel::senior_specialist)
                throw InputError("career_level", tr("Career level"),
                                 tr("a senior specialist is at the senior specialist level"));
            p.level = CareerLevel::senior_specialist;
        } else {
            if (form.career_level == CareerLevel::senior_specialist)
                throw InputError("career_level", tr("Career level"),
                                 tr("a senior specialist level needs the senior specialist role"));
            p.level = form.career_level.value_or(CareerLevel::trainee);
        }
    } else if (form.role == Role::dealer_manager) {
        if (form.dealer_id == 0) throw InputError("dealer", tr("Dealer"), tr("a dealer manager belongs to a dealer"));
        if (!actor.sees_dealer(form.dealer_id)) throw RefusedError(own_dealer_only());
        p.dealer_id = parse_input("dealer", [&] { return get_dealer(db, actor, form.dealer_id); }).id;
    }
    return p;
}

std::string validate_login(const std::string& login) {
    static const std::regex pattern("[a-z0-9][a-z0-9._-]{1,31}");
    const std::string trimmed = required_text("login", tr("Login"), login);
    if (!std::regex_match(trimmed, pattern))
        throw InputError("login", tr("Login"),
                         tr("use 2 to 32 small Latin letters, digits, dots, hyphens or underscores"));
    return trimmed;
}

// The read of the people `where` chooses (its placeholders bound to `keys`), by name.
db::Read staff_read(const char* where, std::vector<db::Param> keys) {
    return {std::string("SELECT m.id, m.login, m.full_name, m.role, m.dealer_id, m.salon_id, m.career_level, "
                        "m.must_change_password, m.active, s.name, d.name "
                        "FROM staff m LEFT JOIN salon s ON s.id = m.salon_id "
                        "LEFT JOIN dealer d ON d.id = m.dealer_id ") +
                where + " ORDER BY m.full_name, m.id",
            std::move(keys)};
}

std::vector<StaffMember> read_staff(db::Database& db, const char* where, std::vector<db::Param> keys) {
    std::vector<StaffMember> out;
    for (const db::TextRow& row : db.read_rows(staff_read(where, std::move(keys)))) {
        StaffMember& m = out.emplace_back();
        m.id = db::row_integer(row, 0);
        m.login = db::row_text(row, 1);
        m.full_name = db::row_text(row, 2);
        m.role = role_from_string(db::row_text(row, 3));
        m.dealer_id = db::row_integer(row, 4);
        m.salon_id = db::row_integer(row, 5);
        m.career_level = db::row_null(row, 6) ? std::nullopt
                                              : std::optional(career_level_from_string(db::row_text(row, 6)));
        m.must_change_password = db::row_integer(row, 7) != 0;
        m.active = db::row_integer(row, 8) != 0;
        m.salon_name = db::row_text(row, 9);
        m.dealer_name = db::row_text(row, 10);
    }
    return out;
}

// `all` 0 keeps the staff of dealer `own` only (head-office people have no dealer).
std::vector<StaffMember> query_staff(db::Database& db, int all, long long own, long long only_id,
                                     const std::string& login) {
    return read_staff(db,
                      "WHERE (:only = 0 OR m.id = :only2) AND (:login = '' OR m.login = :login2) "
                      "AND (:all = 1 OR m.dealer_id = :own)",
                      {only_id, only_id, login, login, all, own});
}

std::vector<StaffMember> query_seen(db::Database& db, const Actor& actor, long long only_id,
                                    const std::string& login) {
    actor.confirm(db);
    return query_staff(db, actor.is_head_office() ? 1 : 0, actor.dealer_id(), only_id, login);
}

// For what core does on its own behalf: a person's own record, the sign-in.
std::vector<StaffMember> query_any(db::Database& db, long long only_id, const std::string& login) {
    return query_staff(db, 1, 0, only_id, login);
}

Text no_staff_member(std::int64_t id) { return trf("no staff member with number {1}", {std::to_string(id)}); }

std::string placement_details(Role role, const Placement& p) {
    std::string out = "role=" + std::string(to_string(role));
    if (p.dealer_id) out += " dealer=" + std::to_string(p.dealer_id);
    if (p.salon_id) out += " salon=" + std::to_string(p.salon_id);
    if (p.level) out += " level=" + std::string(to_string(*p.level));
    return out;
}

void refuse_login_taken(db::Database& db, const std::string& login, long long own_id) {
    long long other = 0;
    soci::indicator other_ind = soci::i_null;
    db.run("SELECT id FROM staff WHERE login = :l AND id <> :id", soci::use(login), soci::use(own_id),
           soci::into(other, other_ind));
    if (other_ind == soci::i_ok) throw InputError("login", tr("Login"), tr("is already taken"));
}

// A new account, inside the caller's open WriteTransaction, with its audit entry ("added ..." and `source`).
std::int64_t insert_staff(db::Database& db, const Actor& actor, const std::string& login,
                          const std::string& full_name, Role role_value, const Placement& p,
                          const std::string& password_hash, bool must_change_password,
                          const std::string& source = {}) {
    refuse_login_taken(db, login, 0);
    const std::string role(to_string(role_value));
    const std::string level = p.level ? std::string(to_string(*p.level)) : std::string();
    soci::indicator dealer_ind = p.dealer_id ? soci::i_ok : soci::i_null;
    soci::indicator salon_ind = p.salon_id ? soci::i_ok : soci::i_null;
    soci::indicator level_ind = p.level ? soci::i_ok : soci::i_null;
    const int must_change = must_change_password ? 1 : 0;
    const long long now = db.now();
    const std::int64_t saved = db.insert(
        "INSERT INTO staff (login, full_name, role, dealer_id, salon_id, career_level, password_hash, "
        "must_change_password, active, created_at) "
        "VALUES (:login, :name, :role, :dealer, :salon, :level, :hash, :must, 1, :now)",
        soci::use(login), soci::use(full_name), soci::use(role), soci::use(p.dealer_id, dealer_ind),
        soci::use(p.salon_id, salon_ind), soci::use(level, level_ind), soci::use(password_hash),
        soci::use(must_change), soci::use(now));
    actor.record(db, "staff.save", "staff:" + std::to_string(saved),
                 "added " + placement_details(role_value, p) + (source.empty() ? "" : " source=" + source));
    return saved;
}

void require_may_save_staff(db::Database& db, const Actor& actor, Role role) {
    actor.require(db, Permission::manage_staff);
    if (!actor.is_head_office() && head_office_role(role))
        throw RefusedError(tr("Only head office adds and changes trainers and head-office administrators."));
}

}  // namespace

std::int64_t add_staff_within(db::Database& db, const Actor& actor, const StaffForm& form,
                              const std::string& password_hash, bool must_change_password) {
    require_may_save_staff(db, actor, form.role);
    const std::string login = validate_login(form.login);
    const std::string full_name = required_text("full_name", tr("Full name"), form.full_name);
    return insert_staff(db, actor, login, full_name, form.role, place(db, actor, form), password_hash,
                        must_change_password);
}

std::int64_t save_staff(db::Database& db, const Actor& actor, const StaffForm& form, std::int64_t id) {
    require_may_save_staff(db, actor, form.role);
    const std::string login = validate_login(form.login);
    const std::string full_name = required_text("full_name", tr("Full name"), form.full_name);
    std::string hash;
    if (id == 0) {
        check_new_password(form.password);
        hash = hash_password(form.password);  // slow on purpose: outside the transaction
    }
    db::WriteTransaction tx(db);
    if (id == 0) {
        const std::int64_t added = insert_staff(db, actor, login, full_name, form.role, place(db, actor, form),
                                                hash, true);
        tx.commit();
        return added;
    }
    const StaffMember before = get_staff(db, actor, id);
    const Placement p = place(db, actor, form);
    const long long saved = id;
    refuse_login_taken(db, login, saved);
    const std::string role(to_string(form.role));
    const std::string level = p.level ? std::string(to_string(*p.level)) : std::string();
    soci::indicator dealer_ind = p.dealer_id ? soci::i_ok : soci::i_null;
    soci::indicator salon_ind = p.salon_id ? soci::i_ok : soci::i_null;
    soci::indicator level_ind = p.level ? soci::i_ok : soci::i_null;
    db.run(
        "UPDATE staff SET login = :login, full_name = :name, role = :role, dealer_id = :dealer, "
        "salon_id = :salon, career_level = :level WHERE id = :id",
        soci::use(login), soci::use(full_name), soci::use(role), soci::use(p.dealer_id, dealer_ind),
        soci::use(p.salon_id, salon_ind), soci::use(level, level_ind), soci::use(saved));
    // The login and the name are personal data: named, never written.
    actor.record(db, "staff.save", "staff:" + std::to_string(saved),
                 changed_fields({{"login", before.login != login},
                                 {"full_name", before.full_name != full_name},
                                 {"role", before.role != form.role},
                                 {"dealer", before.dealer_id != p.dealer_id},
                                 {"salon", before.salon_id != p.salon_id},
                                 {"career_level", before.career_level != p.level}}) +
                     " " + placement_details(form.role, p));
    tx.commit();
    return saved;
}

std::int64_t add_trained_trainee(db::Database& db, const Actor& actor, const std::string& login_text,
                                 const std::string& full_name_text, std::int64_t salon_id,
                                 const std::string& password_hash) {
    if (!actor.is_head_office())
        throw RefusedError(tr("Only head office opens the accounts of those who passed the training."));
    if (!actor.may(db, Permission::manage_staff)) actor.require(db, Permission::run_training);
    const std::string login = validate_login(login_text);
    const std::string full_name = required_text("full_name", tr("Full name"), full_name_text);
    StaffForm form;
    form.role = Role::specialist;
    form.salon_id = salon_id;
    form.career_level = CareerLevel::trainee;
    return insert_staff(db, actor, login, full_name, Role::specialist, place(db, actor, form), password_hash, true,
                        "training");
}

std::vector<StaffMember> list_staff(db::Database& db, const Actor& actor) {
    return query_seen(db, actor, 0, {});
}

StaffMember get_staff(db::Database& db, const Actor& actor, std::int64_t id) {
    auto found = query_seen(db, actor, id, {});
    if (found.empty() || id == 0) throw ValidationError(tr("Staff member"), no_staff_member(id));
    return found.front();
}

std::optional<StaffMember> find_staff_by_login(db::Database& db, const Actor& actor,
                                               const std::string& login) {
    if (login.empty()) return std::nullopt;
    auto found = query_seen(db, actor, 0, login);
    if (found.empty()) return std::nullopt;
    return found.front();
}

void announce_current_record(db::Database& db, std::int64_t id) {
    if (db.reads_ahead()) db.read_ahead(staff_read("WHERE m.id = :id", {static_cast<long long>(id)}));
}

StaffMember current_record(db::Database& db, const StaffMember& person) {
    // Straight to the row by its key: every operation reads its actor this way.
    const long long id = person.id;
    auto found = read_staff(db, "WHERE m.id = :id", {id});
    if (found.empty() || person.id == 0)
        throw ValidationError(tr("Staff member"), no_staff_member(person.id));
    return found.front();
}

namespace {
constexpr int kFailuresBeforeLock = 5;
constexpr long long kLockSeconds = 5 * 60;

// A hash of a password nobody has, checked when the login is unknown so that an unknown login takes as
// long to refuse as a wrong password.
const std::string& decoy_hash() {
    static const std::string hash = hash_password("decoy password that is never set");
    return hash;
}

std::string normalised_login(const std::string& login) {
    std::string out;
    for (char c : login)
        if (c != ' ' && c != '\t') out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

// `key` null: the refusal is not journaled (callers without a key, such as tests of the lock itself).
StaffMember sign_in_with(db::Database& db, const AuditKey* key, const std::string& typed_login,
                         const std::string& password) {
    const std::string login = normalised_login(typed_login);
    std::optional<StaffMember> member;
    if (!login.empty())
        if (auto found = query_any(db, 0, login); !found.empty()) member = found.front();
    // Never the text typed: it may be a password typed into the login field.
    const std::string subject = member ? "staff:" + std::to_string(member->id) : std::string("login:unknown");
    auto journal = [&](const std::string& reason) {
        if (key) append(db, *key, station_chain(), 0, "sign_in.refused", subject, "reason=" + reason);
    };

    const long long now = db.now();
    long long locked_until = 0;
    soci::indicator locked_ind = soci::i_null;
    const bool had_failures = db.run("SELECT locked_until FROM sign_in_attempt WHERE login = :l", soci::use(login),
                                     soci::into(locked_until, locked_ind));
    if (locked_ind == soci::i_ok && locked_until > now) {
        if (key) {
            db::WriteTransaction tx(db);
            journal("login_locked");
            tx.commit();
        }
        throw RefusedError(trn("Too many failed attempts: signing in with this login is locked for {1} more minute.",
                               "Too many failed attempts: signing in with this login is locked for {1} more minutes.",
                               (locked_until - now + 59) / 60));
    }

    std::string hash;
    soci::indicator hash_ind = soci::i_null;
    if (member)
        db.run("SELECT password_hash FROM staff WHERE id = :id", soci::use(member->id),
               soci::into(hash, hash_ind));
    const bool has_hash = member && hash_ind == soci::i_ok;
    const bool password_ok = verify_password(has_hash ? hash : decoy_hash(), password);
    const bool refused = !has_hash || !password_ok || !member->active;

    // A good sign-in writes only when it has something to clear or rehash: salon-cli signs in for every
    // verb, and a report must not take the write lock (nor wait for it while a sale commits).
    if (!refused && !had_failures && !password_needs_rehash(hash)) return *member;
    db::WriteTransaction tx(db);
    if (refused) {
        int failures = 0;
        soci::indicator row = soci::i_null;
        db.run("SELECT failures FROM sign_in_attempt WHERE login = :l", soci::use(login),
               soci::into(failures, row));
        failures = row == soci::i_ok ? failures + 1 : 1;
        long long until = 0;
        soci::indicator until_ind = soci::i_null;
        if (failures >= kFailuresBeforeLock) {
            until = now + kLockSeconds;
            until_ind = soci::i_ok;
            failures = 0;
        }
        if (row == soci::i_ok)
            db.run("UPDATE sign_in_attempt SET failures = :f, locked_until = :u WHERE login = :l",
                   soci::use(failures), soci::use(until, until_ind), soci::use(login));
        else
            db.run("INSERT INTO sign_in_attempt (login, failures, locked_until) VALUES (:l, :f, :u)",
                   soci::use(login), soci::use(failures), soci::use(until, until_ind));
        const std::string reason = !member           ? "unknown_login"
                                   : !member->active ? "account_locked"
                                                     : "wrong_password";
        journal(until_ind == soci::i_ok ? reason + " login_locked_now" : reason);
        tx.commit();
        throw RefusedError(tr("Wrong login or password."));
    }
    db.run("DELETE FROM sign_in_attempt WHERE login = :l", soci::use(login));
    if (password_needs_rehash(hash)) {
        const std::string fresh = hash_password(password);
        db.run("UPDATE staff SET password_hash = :h WHERE id = :id", soci::use(fresh), soci::use(member->id));
    }
    tx.commit();
    return *member;
}

}  // namespace

StaffMember sign_in(db::Database& db, const std::string& login, const std::string& password) {
    return sign_in_with(db, nullptr, login, password);
}

StaffMember sign_in(db::Database& db, const AuditKey& key, const std::string& login,
                    const std::string& password) {
    return sign_in_with(db, &key, login, password);
}

void change_password(db::Database& db, std::int64_t staff_id, const std::string& new_password) {
    check_new_password(new_password);
    const std::string hash = hash_password(new_password);
    db::WriteTransaction tx(db);
    if (query_any(db, staff_id, {}).empty() || staff_id == 0)
        throw ValidationError(tr("Staff member"), no_staff_member(staff_id));
    const long long id = staff_id;
    db.run("UPDATE staff SET password_hash = :h, must_change_password = 0 WHERE id = :id", soci::use(hash),
           soci::use(id));
    tx.commit();
}

void reset_password(db::Database& db, const Actor& actor, std::int64_t staff_id,
                    const std::string& temporary_password) {
    actor.require(db, Permission::manage_staff);
    check_new_password(temporary_password);
    const std::string hash = hash_password(temporary_password);
    db::WriteTransaction tx(db);
    const StaffMember m = get_staff(db, actor, staff_id);
    const long long id = m.id;
    db.run("UPDATE staff SET password_hash = :h, must_change_password = 1 WHERE id = :id", soci::use(hash),
           soci::use(id));
    actor.record(db, "staff.reset_password", "staff:" + std::to_string(m.id), {});
    tx.commit();
}

void set_staff_active(db::Database& db, const Actor& actor, std::int64_t staff_id, bool active) {
    actor.require(db, Permission::manage_staff);
    db::WriteTransaction tx(db);
    const StaffMember m = get_staff(db, actor, staff_id);
    const int flag = active ? 1 : 0;
    const long long id = m.id;
    db.run("UPDATE staff SET active = :a WHERE id = :id", soci::use(flag), soci::use(id));
    if (active) db.run("DELETE FROM sign_in_attempt WHERE login = :l", soci::use(m.login));
    actor.record(db, active ? "staff.unlock" : "staff.lock", "staff:" + std::to_string(m.id), {});
    tx.commit();
}

}  // namespace salon::pos
