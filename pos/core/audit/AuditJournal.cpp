#include "pos/core/audit/AuditJournal.hpp"

#include "db/Database.hpp"
#include "db/DeploymentKeyFile.hpp"
#include "db/UserError.hpp"
#include "pos/core/audit/AuditHeads.hpp"

#include <sodium.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace salon::pos {
namespace fs = std::filesystem;

namespace {

// Names the MAC's layout: 2 is keyed BLAKE2b (written), 1 HMAC-SHA256 (entries written before; still read).
constexpr std::string_view kMacVersion = "salon-audit-2";
constexpr std::string_view kLegacyMacVersion = "salon-audit-1";
// First key of the PostgreSQL advisory lock that serialises appends to one chain (the second key is the
// chain's hash); distinct from the migration lock.
constexpr int kAuditLockClass = 7210343;

void ensure_sodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

void create_key_file(const fs::path& file) {
    if (const int error = db::create_key_file(file); error != 0)
        throw RefusedError(trf("Cannot write the audit key {1}: {2}", {file.string(), std::strerror(error)}));
}

// Big-endian length, then the bytes: no two different entries give the same input to the MAC.
void add_field(std::string& message, std::string_view value) {
    char length[8];
    std::uint64_t n = value.size();
    for (int i = 7; i >= 0; --i, n >>= 8) length[i] = static_cast<char>(n & 0xff);
    message.append(length, sizeof length);
    message.append(value);
}

std::string mac_message(std::string_view version, const std::string& previous_mac, const AuditEntry& e) {
    std::string message;
    message.reserve(256 + e.details.size());
    add_field(message, version);
    add_field(message, previous_mac);
    add_field(message, e.chain);
    add_field(message, std::to_string(e.seq));
    add_field(message, std::to_string(e.at));
    add_field(message, e.actor_id ? std::to_string(e.actor_id) : std::string());
    add_field(message, e.action);
    add_field(message, e.subject);
    add_field(message, e.details);
    return message;
}

std::string compute_mac(const AuditKey& key, const std::string& previous_mac, const AuditEntry& e) {
    return key.mac_hex(mac_message(kMacVersion, previous_mac, e));
}

// An entry's MAC holds in either layout: the current one, or the one entries had before it.
bool mac_holds(const AuditKey& key, const std::string& previous_mac, const AuditEntry& e) {
    if (e.mac.size() != 64) return false;
    if (sodium_memcmp(compute_mac(key, previous_mac, e).data(), e.mac.data(), 64) == 0) return true;
    return sodium_memcmp(key.legacy_mac_hex(mac_message(kLegacyMacVersion, previous_mac, e)).data(), e.mac.data(),
                         64) == 0;
}

}  // namespace

fs::path AuditKey::default_path() {
    if (const std::string file = env("SALON_AUDIT_KEY_FILE"); !file.empty()) return file;
    if (const std::string config = env("XDG_CONFIG_HOME"); !config.empty())
        return fs::path(config) / "salon-station" / "audit.key";
    const std::string home = env("HOME");
    if (home.empty())
        throw RefusedError(
            tr("Cannot find the audit key: set SALON_AUDIT_KEY_FILE, XDG_CONFIG_HOME or HOME."));
    return fs::path(home) / ".config" / "salon-station" / "audit.key";
}

AuditKey AuditKey::load_or_create(const fs::path& file) {
    std::error_code ec;
    if (!fs::exists(file, ec)) create_key_file(file);
    return load(file);
}

void AuditKey::prepare() {
    static_assert(sizeof(crypto_auth_hmacsha256_state) <= std::tuple_size_v<decltype(hmac_keyed_)>);
    static_assert(sizeof(crypto_generichash_state) <= std::tuple_size_v<decltype(blake_keyed_)>);
    ensure_sodium();
    crypto_auth_hmacsha256_state hmac;
    crypto_auth_hmacsha256_init(&hmac, bytes_.data(), bytes_.size());
    std::memcpy(hmac_keyed_.data(), &hmac, sizeof hmac);
    sodium_memzero(&hmac, sizeof hmac);
    unsigned char subkey[crypto_generichash_KEYBYTES];
    crypto_kdf_derive_from_key(subkey, sizeof subkey, 1, "salonmac", bytes_.data());
    crypto_generichash_state blake;
    crypto_generichash_init(&blake, subkey, sizeof subkey, 32);
    std::memcpy(blake_keyed_.data(), &blake, sizeof blake);
    sodium_memzero(&blake, sizeof blake);
    sodium_memzero(subkey, sizeof subkey);
}

namespace {
std::string hex32(const unsigned char* mac) {
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, mac, 32);
    return hex;
}
}  // namespace

std::string AuditKey::mac_hex(std::string_view message) const {
    alignas(64) crypto_generichash_state state;
    std::memcpy(&state, blake_keyed_.data(), sizeof state);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(message.data()), message.size());
    unsigned char mac[32];
    crypto_generichash_final(&state, mac, sizeof mac);
    return hex32(mac);
}

std::string AuditKey::legacy_mac_hex(std::string_view message) const {
    crypto_auth_hmacsha256_state state;
    std::memcpy(&state, hmac_keyed_.data(), sizeof state);
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()), message.size());
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_final(&state, mac);
    return hex32(mac);
}

AuditKey AuditKey::load(const fs::path& file) {
    AuditKey key;
    key.path_ = file;
    switch (db::read_key_file(file, key.bytes_)) {
    case db::KeyFileState::ok:
        key.prepare();
        return key;
    case db::KeyFileState::missing:
        throw RefusedError(
            trf("There is no audit key at {1}: copy the key the stations share there.", {file.string()}));
    case db::KeyFileState::readable_by_others:  // whoever reads the key can forge the journal
        throw RefusedError(trf("The audit key {1} can be read by other users: make it private (chmod 600).",
                               {file.string()}));
    case db::KeyFileState::damaged:
        break;
    }
    throw RefusedError(trf("The audit key {1} is damaged: it must hold exactly 32 bytes.", {file.string()}));
}

std::string station_chain() {
    char name[256] = {};
    if (gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "station:unknown";
    return std::string("station:") + name;
}

std::string salon_chain(std::int64_t salon_id) { return "salon:" + std::to_string(salon_id); }

namespace {
// PostgreSQL: the chain's head and two ids drawn from the sequence, read under the chain's lock.
const char* const kHeadAndIds =
    "SELECT n.a, n.b, h.seq, h.mac FROM (SELECT nextval(pg_get_serial_sequence('audit_entry', 'id')) AS a, "
    "nextval(pg_get_serial_sequence('audit_entry', 'id')) AS b) n LEFT JOIN LATERAL (SELECT seq, mac FROM "
    "audit_entry WHERE chain = :c ORDER BY seq DESC LIMIT 1) h ON true";
const char* const kChainLock = "SELECT pg_advisory_xact_lock(:class, hashtext(:chain))";
}  // namespace

void announce_append(db::Database& db, const std::string& chain) {
    if (!db.reads_ahead() || db.transaction_memo("audit-head:" + chain) ||
        db.transaction_memo("audit-announced:" + chain))
        return;
    db.later(kChainLock, {kAuditLockClass, chain});
    db.read_ahead(kHeadAndIds, {chain});
    db.set_transaction_memo("audit-announced:" + chain, "1");
}

AuditEntry append(db::Database& db, const AuditKey& key, const std::string& chain, std::int64_t actor_id,
                  const std::string& action, const std::string& subject, const std::string& details) {
    AuditEntry e;
    e.chain = chain;
    e.actor_id = actor_id;
    e.action = action;
    e.subject = subject;
    e.details = details;
    long long last_seq = 0;
    std::string previous_mac;
    // The chain's head as this transaction's earlier entry left it (that entry's lock is held until the end).
    const std::string memo_key = "audit-head:" + chain;
    // PostgreSQL: ids drawn from the sequence under the chain's lock, so that along a chain they rise in the
    // order its entries were written, as `verify` expects; the entry then goes with the commit's round trip.
    // The second of the two drawn waits in the memo for the transaction's next entry on the chain (a sale
    // with a new client writes two).
    const std::string ids_key = "audit-id:" + chain;
    long long drawn_id = 0;
    if (const std::string* head = db.transaction_memo(memo_key)) {
        const auto space = head->find(' ');
        last_seq = std::stoll(head->substr(0, space));
        previous_mac = head->substr(space + 1);
        if (const std::string* spare = db.transaction_memo(ids_key); spare && !spare->empty()) {
            drawn_id = std::stoll(*spare);
            db.set_transaction_memo(ids_key, "");
        }
    } else if (db.backend() == db::Backend::postgresql && db.write_transaction()) {
        // The lock, then the head and the ids read under it (a statement of its own: it sees what the
        // lock's previous holder committed), sent with what the operation kept: one round trip.
        // Announced ahead (announce_append): the lock is already on its way, and the head comes with it.
        if (!db.transaction_memo("audit-announced:" + chain)) db.later(kChainLock, {kAuditLockClass, chain});
        const auto row = db.read_later(kHeadAndIds, {chain});
        if (row.size() != 4 || !row[0] || !row[1])
            throw std::runtime_error("the audit journal's head read returned no ids");
        const long long a = std::stoll(*row[0]), b = std::stoll(*row[1]);
        drawn_id = std::min(a, b);
        db.set_transaction_memo(ids_key, std::to_string(std::max(a, b)));
        if (row[2] && row[3]) {
            last_seq = std::stoll(*row[2]);
            previous_mac = *row[3];
        }
    } else {
        // Two stations of one salon appending at once: the second waits here until the first commits,
        // then reads the new head (on SQLite the write transaction already serialises them).
        if (db.backend() == db::Backend::postgresql) {
            int lock_class = kAuditLockClass;
            db.run("SELECT pg_advisory_xact_lock(:class, hashtext(:chain))", soci::use(lock_class),
                   soci::use(chain));
        }
        // Read through SQLite's own interface (Database::read_rows): SOCI's binding and fetching cost a sale's
        // commit more than the index's seek.
        static const std::string head = "SELECT seq, mac FROM audit_entry WHERE chain = :c ORDER BY seq DESC LIMIT 1";
        const std::vector<db::TextRow> rows = db.read_rows(head, {chain});
        if (!rows.empty()) {
            last_seq = db::row_integer(rows[0], 0);
            previous_mac = db::row_text(rows[0], 1);
        }
    }
    e.seq = last_seq + 1;
    e.at = db.now();
    e.mac = compute_mac(key, previous_mac, e);
    const long long seq = e.seq, at = e.at, actor = actor_id;
    soci::indicator actor_ind = actor_id ? soci::i_ok : soci::i_null;
    static const std::string insert_with_id =
        "INSERT INTO audit_entry (id, chain, seq, at, actor_id, action, subject, details, mac) "
        "VALUES (:id, :chain, :seq, :at, :actor, :action, :subject, :details, :mac)";
    if (drawn_id) {
        db.later(insert_with_id, {drawn_id, chain, seq, at, db::Param::or_null(actor), action, subject, details, e.mac});
        e.id = drawn_id;
    } else if (db.backend() == db::Backend::sqlite) {
        // Numbered by SQLite as a plain insert, bound through SQLite's own interface (Database::insert_later):
        // SOCI's binding of the nine values cost a sale more than the row's own insert (`bench sale`).
        e.id = db.insert_later("audit_entry", insert_with_id,
                               {chain, seq, at, db::Param::or_null(actor), action, subject, details, e.mac});
    } else {
        e.id = db.insert(
            "INSERT INTO audit_entry (chain, seq, at, actor_id, action, subject, details, mac) "
            "VALUES (:chain, :seq, :at, :actor, :action, :subject, :details, :mac)",
            soci::use(chain), soci::use(seq), soci::use(at), soci::use(actor, actor_ind), soci::use(action),
            soci::use(subject), soci::use(details), soci::use(e.mac));
    }
    db.set_transaction_memo(memo_key, std::to_string(e.seq) + " " + e.mac);
    // Once the operation has committed, the heads it wrote move the station's anchor forward.
    db.after_commit("audit-anchor", [&db, key](const std::unordered_map<std::string, std::string>& memo) {
        std::vector<AuditHead> heads;
        for (const auto& [name, head] : memo)
            if (name.rfind("audit-head:", 0) == 0) {
                const auto space = head.find(' ');
                heads.push_back({name.substr(11), std::stoll(head.substr(0, space)), head.substr(space + 1)});
            }
        advance_anchor(key, db, heads);
    });
    return e;
}

namespace {

// An entry whose mac fails was moved or inserted, rather than edited, when the order it was written in
// (its id) disagrees with its place in the chain.
bool out_of_written_order(db::Database& db, const AuditProblem& p, long long previous_id) {
    if (p.id < previous_id) return true;
    long long earlier_written_later_placed = 0;
    const long long seq = p.seq, id = p.id;
    db.run("SELECT count(*) FROM audit_entry WHERE chain = :c AND seq > :s AND id < :id", soci::use(p.chain),
           soci::use(seq), soci::use(id), soci::into(earlier_written_later_placed));
    return earlier_written_later_placed > 0;
}

}  // namespace

AuditCheck verify(db::Database& db, const AuditKey& key, const KnownHeads& known) {
    AuditCheck check;
    std::vector<AuditHead> seen;  // each chain's newest entry, as the walk found it
    long long previous_id = 0;
    {
        AuditEntry e;
        long long id = 0, seq = 0, at = 0, actor = 0;
        soci::indicator actor_ind = soci::i_null;
        db::Statement st = db.query(
            "SELECT id, chain, seq, at, actor_id, action, subject, details, mac "
            "FROM audit_entry ORDER BY chain, seq, id",
            soci::into(id), soci::into(e.chain), soci::into(seq), soci::into(at),
            soci::into(actor, actor_ind), soci::into(e.action), soci::into(e.subject), soci::into(e.details),
            soci::into(e.mac));
        st.execute();
        std::string chain, previous_mac;
        long long expected_seq = 1;
        while (st.fetch()) {
            e.id = id;
            e.seq = seq;
            e.at = at;
            e.actor_id = actor_ind == soci::i_ok ? actor : 0;
            if (check.chains == 0 || e.chain != chain) {
                seen.push_back({e.chain, 0, {}});
                ++check.chains;
                chain = e.chain;
                expected_seq = 1;
                previous_mac.clear();
                previous_id = 0;
            }
            ++check.entries;
            AuditProblem p{e.chain, e.seq, e.id, AuditProblemKind::changed, expected_seq};
            if (e.seq > expected_seq) {
                p.kind = AuditProblemKind::missing;
                check.problem = p;
                break;
            }
            if (e.seq < expected_seq || !mac_holds(key, previous_mac, e)) {
                check.problem = p;
                break;
            }
            previous_mac = e.mac;
            previous_id = e.id;
            ++expected_seq;
            seen.back().seq = e.seq;
            seen.back().mac = e.mac;
        }
    }
    // Classified once the walk's statement is closed.
    if (check.problem && check.problem->kind == AuditProblemKind::changed &&
        out_of_written_order(db, *check.problem, previous_id))
        check.problem->kind = AuditProblemKind::out_of_order;
    std::vector<AuditHead> heads = known.given;
    if (known.station_anchor) {
        try {
            const auto anchored = anchored_heads(key, db);
            heads.insert(heads.end(), anchored.begin(), anchored.end());
        } catch (const RefusedError&) {
            // An anchor that does not verify is reported, unless the chains already failed first: with the
            // wrong key, both do, and the first entry is what to name.
            if (!check.problem) throw;
        }
    }
    check.tail = check_heads(db, heads);
    // A journal found whole is what this station has now seen: its anchor learns the chains other stations
    // wrote, so that deleting one of them later is caught here too.
    if (known.station_anchor && check.intact()) advance_anchor(key, db, seen);
    return check;
}

Text describe(const AuditProblem& p) {
    const std::string seq = std::to_string(p.seq), id = std::to_string(p.id);
    switch (p.kind) {
    case AuditProblemKind::changed:
        return trf("Audit journal, chain {1}, seq {2}, id {3}: the entry was changed after it was written.",
                   {p.chain, seq, id});
    case AuditProblemKind::missing:
        return trf(
            "Audit journal, chain {1}, seq {2}, id {3}: the entries from seq {4} before it were deleted.",
            {p.chain, seq, id, std::to_string(p.expected_seq)});
    case AuditProblemKind::out_of_order:
        return trf("Audit journal, chain {1}, seq {2}, id {3}: the entry was moved or inserted out of order.",
                   {p.chain, seq, id});
    case AuditProblemKind::cut:
        return trf("Audit journal, chain {1} ends at seq {2}, but its head was seq {3}: the newest entries "
                   "(seq {4} to {3}) were deleted.",
                   {p.chain, seq, std::to_string(p.expected_seq), std::to_string(p.seq + 1)});
    case AuditProblemKind::vanished:
        return trf("Audit journal, chain {1}: the whole chain was deleted (its head was seq {2}).",
                   {p.chain, std::to_string(p.expected_seq)});
    case AuditProblemKind::replaced:
        return trf("Audit journal, chain {1}, seq {2}, id {3}: the entry is not the one its head names: the "
                   "chain was rewritten.",
                   {p.chain, seq, id});
    }
    return Text();
}

std::string chain_head(db::Database& db, const std::string& chain) {
    std::string mac;
    soci::indicator ind = soci::i_null;
    db.run("SELECT mac FROM audit_entry WHERE chain = :c ORDER BY seq DESC LIMIT 1", soci::use(chain),
           soci::into(mac, ind));
    return ind == soci::i_ok ? mac : std::string();
}

std::vector<AuditHead> chain_heads(db::Database& db) {
    std::vector<AuditHead> heads;
    AuditHead h;
    long long seq = 0;
    db::Statement st = db.query(
        "SELECT e.chain, e.seq, e.mac FROM audit_entry e "
        "JOIN (SELECT chain, max(seq) AS seq FROM audit_entry GROUP BY chain) last "
        "ON last.chain = e.chain AND last.seq = e.seq ORDER BY e.chain",
        soci::into(h.chain), soci::into(seq), soci::into(h.mac));
    st.execute();
    while (st.fetch()) {
        h.seq = seq;
        heads.push_back(h);
    }
    return heads;
}

std::vector<AuditEntry> list_entries(db::Database& db, const std::string& chain, int limit) {
    std::vector<AuditEntry> out;
    AuditEntry e;
    long long id = 0, seq = 0, at = 0, actor = 0, max_rows = limit;
    soci::indicator actor_ind = soci::i_null;
    db::Statement st = db.query(
        "SELECT id, chain, seq, at, actor_id, action, subject, details, mac FROM audit_entry "
        "WHERE :chain = '' OR chain = :chain2 ORDER BY id DESC LIMIT :n",
        soci::use(chain), soci::use(chain), soci::use(max_rows), soci::into(id), soci::into(e.chain),
        soci::into(seq), soci::into(at), soci::into(actor, actor_ind), soci::into(e.action),
        soci::into(e.subject), soci::into(e.details), soci::into(e.mac));
    st.execute();
    while (st.fetch()) {
        e.id = id;
        e.seq = seq;
        e.at = at;
        e.actor_id = actor_ind == soci::i_ok ? actor : 0;
        out.push_back(e);
    }
    return out;
}

}  // namespace salon::pos
