// Backups that carry the audit journal's heads, and restores that check a backup's journal, its heads and
// this deployment's key before the live database is touched (db/Maintenance.hpp does the rest).
#pragma once

#include <cstdint>
#include <string>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

// FILE, as db::backup writes it (mode 0600), and FILE.heads: every chain's head at backup time and the
// backup's SHA-256, signed with the audit key, so that a backup cut short, or a journal cut inside it, is
// refused when restored.
void backup_database(db::Database& db, const Actor& actor, const std::string& file);

struct RestoreOutcome {
    std::string kept_aside;  // where the replaced database is, restorable like any backup; empty when the
                             // database held nothing (a new one)
    // What was verified before anything was replaced: the journal's entries and chains, and whether the
    // backup's heads were checked against it.
    std::int64_t entries = 0;
    std::int64_t chains = 0;
    bool heads_checked = false;
};

// Refuses (ValidationError naming the file and what is wrong, nothing changed) a backup whose heads file
// is missing (unless `without_heads`), forged or about another content, and one whose journal does not
// verify with this deployment's key or ends before its heads. Then restores it, moves this station's
// anchor to the restored heads (back, when the backup is older: that is what a restore does) and journals
// the restore on the actor's chain.
RestoreOutcome restore_database(db::Database& db, const Actor& actor, const std::string& file, bool without_heads);
// The same for a copy of a backup (an encrypted backup opened into a private folder): `shown_as` is the
// file the person chose, named in the journal and beside which a PostgreSQL database is kept aside.
RestoreOutcome restore_database(db::Database& db, const Actor& actor, const std::string& file, bool without_heads,
                                const std::string& shown_as);

}  // namespace salon::pos
