// The audit journal: who did what, append-only, each entry chained to the one before by an HMAC-SHA256
// whose key lives outside the database. Whoever can write to the database (an administrator, a stolen
// backup restored elsewhere) still cannot change, delete, insert or reorder entries without `verify`
// saying where.
//
// Personal data never goes into an entry in clear text: callers pass masked values (a passport as
// "45 ** ******12", a phone as "+7 912 ***-**-89") or the id of the record, never the value itself. The
// journal is kept for years and read by people who may not see personal data.
//
// Not detected by the chain alone: removing the newest entries of a chain, or a whole chain. So each chain's
// head is also kept outside the table (AuditHeads.hpp): in the station's anchor beside the key, in every
// backup's heads file, and on every Z report; `verify` checks the table against them.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon {
class Text;
}

namespace salon::pos {

// The 32-byte secret key of the journal's MACs. Every station of a deployment needs the same key, so that
// any of them (or head office) can verify every chain; copy the file with mode 0600.
class AuditKey {
public:
    static constexpr std::size_t kSize = 32;

    // SALON_AUDIT_KEY_FILE, else $XDG_CONFIG_HOME/salon-station/audit.key, else
    // ~/.config/salon-station/audit.key.
    static std::filesystem::path default_path();
    // For stations that write: reads the key, creating a new random one (mode 0600) if the file is missing.
    static AuditKey load_or_create(const std::filesystem::path& file = default_path());
    // For checking: a missing file is refused, since a new key would only make every entry look forged.
    static AuditKey load(const std::filesystem::path& file = default_path());

    const std::array<unsigned char, kSize>& bytes() const { return bytes_; }
    const std::filesystem::path& path() const { return path_; }
    // The MAC of `message` under the key, as 64 hex digits: keyed BLAKE2b-256 under a subkey of the key,
    // from a state keyed once when the key is loaded (every sale writes two entries and moves the anchor;
    // libsodium's BLAKE2b takes half the time of its HMAC-SHA256 on them).
    std::string mac_hex(std::string_view message) const;
    // HMAC-SHA256, the MAC of entries and heads files written before version 2 of their layout: still
    // checked, never written.
    std::string legacy_mac_hex(std::string_view message) const;

private:
    AuditKey() = default;
    void prepare();  // computes the keyed states from bytes_
    std::array<unsigned char, kSize> bytes_{};
    // libsodium's states after keying (kept opaque: no sodium.h here).
    alignas(64) std::array<unsigned char, 384> blake_keyed_{};
    alignas(8) std::array<unsigned char, 208> hmac_keyed_{};
    std::filesystem::path path_;
};

// Chain names: one per station (its host name) or per salon.
std::string station_chain();
std::string salon_chain(std::int64_t salon_id);

struct AuditEntry {
    std::int64_t id = 0;
    std::string chain;
    std::int64_t seq = 0;       // 1, 2, 3... within the chain
    std::int64_t at = 0;        // database clock, Unix seconds UTC
    std::int64_t actor_id = 0;  // 0: the program itself, no person
    std::string action;         // a stable code such as "permission.grant"
    std::string subject;        // what it was done to, such as "role:trainer" or "sale:1234"
    std::string details;        // masked: never personal data in clear text
    std::string mac;            // hex HMAC-SHA256
};

// Announces append's first read of `chain` in a write transaction (its lock and head; db::Database::
// read_ahead), so that on PostgreSQL it goes with the operation's other reads in one round trip.
void announce_append(db::Database& db, const std::string& chain);
// Appends an entry to `chain`. Call it INSIDE the caller's WriteTransaction, so that the entry is written
// if and only if the operation it records is; the chain head is read and extended in that transaction.
AuditEntry append(db::Database& db, const AuditKey& key, const std::string& chain, std::int64_t actor_id,
                  const std::string& action, const std::string& subject, const std::string& details);

enum class AuditProblemKind {
    changed,       // the entry's columns or mac are not what was written
    missing,       // entries before this one were deleted (a gap in seq)
    out_of_order,  // the entry was moved or inserted among others (seq disagrees with the order written)
    cut,           // the chain ends before a head known outside the table: its newest entries were deleted
    vanished,      // a chain whose head is known outside the table has no entries at all
    replaced,      // the entry at a known head's seq is another one: the chain was rewritten with the key
};

struct AuditProblem {
    std::string chain;
    std::int64_t seq = 0;
    std::int64_t id = 0;
    AuditProblemKind kind = AuditProblemKind::changed;
    std::int64_t expected_seq = 0;  // the seq the entry should have had (differs for `missing`); for
                                    // `cut`, `vanished` and `replaced` the seq of the known head
};

// A chain's newest entry, as known outside the table: "CHAIN:SEQ:MAC" on a Z report.
struct AuditHead {
    std::string chain;
    std::int64_t seq = 0;
    std::string mac;

    std::string text() const;
    // Throws ValidationError naming the head when the text is not CHAIN:SEQ:MAC.
    static AuditHead parse(const std::string& text);
};

struct AuditCheck {
    std::int64_t entries = 0;  // entries checked (all of them when intact)
    std::int64_t chains = 0;
    std::optional<AuditProblem> problem;  // the first one found in the table; empty when the chains hold
    std::vector<AuditProblem> tail;       // each chain cut or vanished against a known head
    bool intact() const { return !problem && tail.empty(); }
};

// Where `verify` takes the heads known outside the table from.
struct KnownHeads {
    std::vector<AuditHead> given;  // from a Z report, a backup's heads file
    // The station's own anchor for this database (AuditHeads.hpp), which a journal found intact also
    // advances to the heads it saw. Off for a backup checked before a restore.
    bool station_anchor = true;
};

// Walks every chain in seq order and stops at the first problem; then checks every known head.
AuditCheck verify(db::Database& db, const AuditKey& key, const KnownHeads& heads = {});
// The problem in words, naming the chain, seq and id.
Text describe(const AuditProblem& problem);

// The mac of the chain's newest entry; empty for a chain with no entries.
std::string chain_head(db::Database& db, const std::string& chain);
// The newest entry of every chain.
std::vector<AuditHead> chain_heads(db::Database& db);

// Newest first; an empty `chain` means all chains.
std::vector<AuditEntry> list_entries(db::Database& db, const std::string& chain = {}, int limit = 50);

}  // namespace salon::pos
