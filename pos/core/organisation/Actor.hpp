// Who acts: the signed-in person or salon-cli's administrator, what they may see (their dealer, or all of
// it for head office) and the audit chain their operations are written to. Every organisation operation
// takes one, so a permission or a dealer's boundary is enforced in core, whichever screen or script calls.
#pragma once

#include "pos/core/audit/AuditJournal.hpp"
#include "pos/core/organisation/StaffMember.hpp"

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace salon::db {
class Database;
}

namespace salon::pos {

enum class Permission;

class Actor {
public:
    // The person who signed in, read afresh. Salon staff write to their salon's chain, everyone else to
    // the station's. Throws RefusedError when the account is locked or gone.
    static Actor signed_in(db::Database& db, const StaffMember& member, const AuditKey& key);
    // salon-cli with direct access to the database: whoever runs it can change every table anyway, so it
    // acts as the database administrator with every permission and head office's view. Its entries have
    // no staff member (actor_id 0) and name the operating-system user in their details.
    static Actor command_line(const AuditKey& key);
    // salon-cli reading without a signed-in person: head office's view, as whoever can open the database
    // reads every table anyway, but it changes nothing: record() refuses (RefusedError), so an operation
    // that reaches its journal entry rolls back. Changes need a person (signed_in).
    static Actor head_office_view(const AuditKey& key);

    bool is_command_line() const { return command_line_; }
    // Trainers, head-office administrators and the command line see every dealer.
    bool is_head_office() const;
    // 0 for the command line.
    std::int64_t staff_id() const { return member_.id; }
    // The dealer a dealer's person works for; 0 for head office.
    std::int64_t dealer_id() const { return member_.dealer_id; }
    const StaffMember& member() const { return member_; }
    const std::string& chain() const { return chain_; }
    // The journal's key, for checks that write their own entries (a supervisor's sign-in).
    const AuditKey& audit_key() const { return key_; }

    bool sees_dealer(std::int64_t dealer_id) const;

    // What the actor sees and may do was decided at sign-in; this refuses (RefusedError) a person who was
    // locked, or moved to another role or workplace, since then. Every operation calls it first. Returns
    // the record as read now. Within one WriteTransaction the person is read once: the later steps of the
    // operation run under the same lock and get the same record.
    const StaffMember& confirm(db::Database& db) const;
    // Announce, in a write transaction, what confirm() and the first record() will read (db::Database::
    // read_ahead): on PostgreSQL they then go with the operation's other reads in one round trip.
    void announce_confirm(db::Database& db) const;
    void announce_record(db::Database& db) const;
    // Whether the actor may do it now (always for the command line); confirms first.
    bool may(db::Database& db, Permission permission) const;
    // Throws RefusedError naming the permission when the actor may not do it.
    void require(db::Database& db, Permission permission) const;

    // Appends the operation's entry to the actor's chain. Call it inside the operation's WriteTransaction.
    // `details` never holds personal data or passwords: field names, roles, record numbers.
    AuditEntry record(db::Database& db, const std::string& action, const std::string& subject,
                      const std::string& details) const;

private:
    Actor(StaffMember member, std::string chain, const AuditKey& key, bool command_line, std::string os_user,
          bool may_change = true);

    StaffMember member_;
    std::string chain_;
    AuditKey key_;
    bool command_line_ = false;
    std::string os_user_;  // the command line's operating-system user
    bool may_change_ = true;  // false for head_office_view
    mutable StaffMember confirmed_;           // the record confirm() read last ...
    mutable std::uint64_t confirmed_in_ = 0;  // ... in this write transaction (0: outside one)
};

// An edit's details: "changed name,inn" for the fields marked as changed ("changed nothing" when none
// was). Entries name the fields, never their values, which may be personal data.
std::string changed_fields(std::initializer_list<std::pair<std::string_view, bool>> fields);

}  // namespace salon::pos
