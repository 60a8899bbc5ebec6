// The audit chains' heads kept outside the table they protect, so that deleting a chain's newest entries,
// or the whole chain, is caught: the station's anchor beside the audit key, a backup's heads file.
//
// A heads file names its subject (a database, or a backup file's SHA-256) and is signed with the audit
// key, so that without the key nobody can move a head back or make a file for another subject. It is
// written to a private temporary file (mode 0600 from its creation) and renamed into place. The station's
// anchor, which every committing operation advances, holds two signed slots, each with its generation; a
// commit rewrites the older slot in place through a writable mapping (a rename per sale cost about 0.1 ms,
// a third of a durable commit; a `pwrite` about 10 µs), and a reader takes the newer slot that verifies, so
// that a rewrite met half-way or cut short by a SIGKILL leaves the anchor one operation behind, never
// damaged. Two processes of one machine writing the same anchor at the same moment can leave it behind what
// either saw: that only weakens the anchor, never raises a false alarm.
#pragma once

#include "pos/core/audit/AuditJournal.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace salon::pos {

struct HeadsFile {
    std::string subject;
    std::vector<AuditHead> heads;
};

void write_heads(const AuditKey& key, const std::filesystem::path& file, const HeadsFile& content);
// Empty when there is no such file; throws RefusedError naming the file when it is damaged or was not
// signed with this key.
std::optional<HeadsFile> read_heads(const AuditKey& key, const std::filesystem::path& file);

// The station's anchor for this database: audit-heads/ beside the audit key, one file per database
// (named after its file or server and database), since stations of one deployment share the key.
std::filesystem::path anchor_file(const AuditKey& key, db::Database& db);
// The anchored heads; empty when there is no anchor yet.
std::vector<AuditHead> anchored_heads(const AuditKey& key, db::Database& db);
// Moves each chain's anchored head forward to `heads` (a head further back is kept). Call only with
// heads that are committed: an anchor ahead of the database would be a false alarm. An anchor that does
// not verify is left as it is, for `verify` to report.
void advance_anchor(const AuditKey& key, db::Database& db, const std::vector<AuditHead>& heads);
// Sets the anchor to exactly `heads`, back as well as forward: after a restore.
void reset_anchor(const AuditKey& key, db::Database& db, const std::vector<AuditHead>& heads);

// Each chain cut before its known head, vanished, or rewritten at it.
std::vector<AuditProblem> check_heads(db::Database& db, const std::vector<AuditHead>& heads);

}  // namespace salon::pos
