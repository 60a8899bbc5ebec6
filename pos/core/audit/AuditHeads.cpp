#include "pos/core/audit/AuditHeads.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"

#include <sodium.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <stdexcept>

namespace salon::pos {
namespace fs = std::filesystem;

namespace {

// 3: the station's anchor, two signed slots of one file, each with its generation; 2: one text signed with
// the key's BLAKE2b MAC (a backup's heads, and anchors written before slots); 1: with HMAC-SHA256 (files
// written before; still read).
constexpr std::string_view kSlottedVersion = "salon-audit-heads-3";
constexpr std::string_view kHeadsVersion = "salon-audit-heads-2";
constexpr std::string_view kLegacyHeadsVersion = "salon-audit-heads-1";
constexpr std::size_t kPage = 4096;

std::string hex(const unsigned char* bytes, std::size_t size) {
    std::string out(2 * size + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), bytes, size);
    out.pop_back();
    return out;
}

std::string sign(const AuditKey& key, const std::string& body) { return key.mac_hex(body); }

// One line per head; a chain name never holds a tab or a line break (host names and salon numbers). A slot
// of an anchor carries its generation after the subject.
std::string body_of(const HeadsFile& content, std::optional<long long> generation) {
    std::string body = std::string(generation ? kSlottedVersion : kHeadsVersion) + '\n' + content.subject + '\n';
    if (generation) body += std::to_string(*generation) + '\n';
    for (const AuditHead& h : content.heads)
        body += h.chain + '\t' + std::to_string(h.seq) + '\t' + h.mac + '\n';
    return body;
}

Text damaged(const fs::path& file) {
    return trf("The audit heads file {1} is damaged or was not signed with this audit key: the journal's "
               "tail cannot be checked against it.",
               {file.string()});
}

// What the anchor is about: the database file as its canonical path, or the server and database as shown
// (never with a password).
std::string database_identity(db::Database& db) {
    if (db.backend() == db::Backend::sqlite) {
        std::error_code ec;
        const fs::path canonical = fs::weakly_canonical(db.url().sqlite_path, ec);
        return "sqlite:" + (ec ? db.url().sqlite_path : canonical.string());
    }
    return "postgresql:" + db.url().display;
}

}  // namespace

std::string AuditHead::text() const { return chain + ":" + std::to_string(seq) + ":" + mac; }

AuditHead AuditHead::parse(const std::string& text) {
    // The chain name holds colons itself ("salon:3"): the seq and the mac are the last two fields.
    const auto mac_colon = text.rfind(':');
    const auto seq_colon = mac_colon == std::string::npos || mac_colon == 0 ? std::string::npos
                                                                             : text.rfind(':', mac_colon - 1);
    AuditHead head;
    if (seq_colon != std::string::npos && seq_colon > 0) {
        head.chain = text.substr(0, seq_colon);
        head.mac = text.substr(mac_colon + 1);
        const std::string seq = text.substr(seq_colon + 1, mac_colon - seq_colon - 1);
        const bool digits = !seq.empty() && seq.size() < 19 &&
                            std::all_of(seq.begin(), seq.end(), [](char c) { return c >= '0' && c <= '9'; });
        const bool mac_hex = head.mac.size() == 64 && std::all_of(head.mac.begin(), head.mac.end(), [](char c) {
                                 return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                             });
        if (digits && mac_hex) {
            head.seq = std::stoll(seq);
            if (head.seq > 0) return head;
        }
    }
    throw ValidationError(tr("Chain head"),
                          trf("{1} is not CHAIN:SEQ:MAC as the Z report prints it (e.g. salon:3:41:9f2c…, the "
                              "mac in 64 hex digits)",
                              {text}));
}

namespace {

// The signed text of `content` (of a slot of the given generation).
std::string signed_text(const AuditKey& key, const HeadsFile& content, std::optional<long long> generation) {
    const std::string body = body_of(content, generation);
    return body + sign(key, body) + '\n';
}

// Writes the signed file to a private temporary file and renames it into place. `slotted`: an anchor, whose
// two slots both hold `content` at generation 0, each padded with NULs (which a reader ignores) to whole
// 4 KiB pages with room for more chains: later commits rewrite one slot in place.
void write_signed(const AuditKey& key, const fs::path& file, const HeadsFile& content, bool slotted) {
    std::string text = signed_text(key, content, slotted ? std::optional<long long>(0) : std::nullopt);
    if (slotted) {
        text.resize((text.size() + 1024 + kPage - 1) / kPage * kPage, '\0');
        text += std::string(text);
    }
    const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
    std::string temp = (folder / ".heads.XXXXXX").string();
    int fd = mkstemp(temp.data());  // mode 0600 from its creation
    if (fd < 0 && errno == ENOENT) {
        std::error_code ec;
        fs::create_directories(folder, ec);
        temp = (folder / ".heads.XXXXXX").string();
        fd = mkstemp(temp.data());
    }
    if (fd < 0)
        throw RefusedError(trf("Cannot write the audit heads file {1}: {2}", {file.string(), std::strerror(errno)}));
    // No fsync: a head lost in a power cut only leaves the anchor behind the database, which is never a
    // false alarm, and the sale does not wait for a second disk flush.
    const bool written = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    close(fd);
    if (!written || std::rename(temp.c_str(), file.c_str()) != 0) {
        const int error = errno;
        unlink(temp.c_str());
        throw RefusedError(trf("Cannot write the audit heads file {1}: {2}", {file.string(), std::strerror(error)}));
    }
}

}  // namespace

void write_heads(const AuditKey& key, const fs::path& file, const HeadsFile& content) {
    write_signed(key, file, content, false);
}

namespace {

// The file's bytes; nullopt when there is no such file.
std::optional<std::string> read_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::error_code ec;
        if (!fs::exists(file, ec)) return std::nullopt;
        throw RefusedError(damaged(file));
    }
    std::ostringstream all;
    all << in.rdbuf();
    return all.str();
}

// A text without the NUL padding after it.
std::string_view trimmed(std::string_view bytes) {
    const auto end = bytes.find_last_not_of('\0');
    return bytes.substr(0, end == std::string_view::npos ? 0 : end + 1);
}

struct SignedHeads {
    HeadsFile content;
    long long generation = 0;  // a slot's
};

// Empty when the signature does not hold.
std::optional<SignedHeads> parse_signed(const AuditKey& key, const fs::path& file, const std::string& text) {
    // The signature is the last line; everything before it is what it signs.
    const auto end = text.size() >= 2 ? text.rfind('\n', text.size() - 2) : std::string::npos;
    if (text.empty() || text.back() != '\n' || end == std::string::npos) return std::nullopt;
    const std::string body = text.substr(0, end + 1);
    const std::string tag = text.substr(end + 1, text.size() - end - 2);
    const bool legacy = body.compare(0, kLegacyHeadsVersion.size() + 1, std::string(kLegacyHeadsVersion) + '\n') == 0;
    const std::string expected = legacy ? key.legacy_mac_hex(body) : sign(key, body);
    if (tag.size() != expected.size() || sodium_memcmp(tag.data(), expected.data(), tag.size()) != 0)
        return std::nullopt;
    std::istringstream lines(body);
    std::string line;
    SignedHeads read;
    HeadsFile& content = read.content;
    if (!std::getline(lines, line) ||
        (line != kSlottedVersion && line != kHeadsVersion && line != kLegacyHeadsVersion) ||
        !std::getline(lines, content.subject))
        throw RefusedError(damaged(file));
    if (line == kSlottedVersion) {
        std::string generation;
        if (!std::getline(lines, generation) || generation.empty() || generation.size() > 18 ||
            generation.find_first_not_of("0123456789") != std::string::npos)
            throw RefusedError(damaged(file));
        read.generation = std::stoll(generation);
    }
    while (std::getline(lines, line)) {
        const auto tab1 = line.find('\t'), tab2 = line.rfind('\t');
        if (tab1 == std::string::npos || tab1 == tab2) throw RefusedError(damaged(file));
        content.heads.push_back({line.substr(0, tab1), std::stoll(line.substr(tab1 + 1, tab2 - tab1 - 1)),
                                 line.substr(tab2 + 1)});
    }
    return read;
}

// An anchor of two slots: a whole number of page pairs, starting with a slot's version line.
bool is_slotted(std::string_view bytes) {
    return !bytes.empty() && bytes.size() % (2 * kPage) == 0 &&
           bytes.substr(0, kSlottedVersion.size() + 1) == std::string(kSlottedVersion) + '\n';
}

// An anchor's two slots as found: each one's text, what it says when its signature holds, and which of
// those is the newer (-1: neither holds).
struct Slots {
    std::string text[2];
    std::optional<SignedHeads> read[2];
    int newest = -1;
};

Slots read_slots(const AuditKey& key, const fs::path& file, std::string_view bytes) {
    Slots slots;
    const std::size_t half = bytes.size() / 2;
    for (int i = 0; i < 2; ++i) {
        slots.text[i] = std::string(trimmed(bytes.substr(i * half, half)));
        slots.read[i] = parse_signed(key, file, slots.text[i]);
        if (slots.read[i] && (slots.newest < 0 || slots.read[i]->generation > slots.read[slots.newest]->generation))
            slots.newest = i;
    }
    return slots;
}

// What a heads file says; nullopt when its signature (every slot's, for an anchor) does not hold.
std::optional<HeadsFile> parse_file(const AuditKey& key, const fs::path& file, const std::string& bytes) {
    if (is_slotted(bytes)) {
        Slots slots = read_slots(key, file, bytes);
        if (slots.newest < 0) return std::nullopt;
        return std::move(slots.read[slots.newest]->content);
    }
    auto read = parse_signed(key, file, std::string(trimmed(bytes)));
    if (!read) return std::nullopt;
    return std::move(read->content);
}

}  // namespace

std::optional<HeadsFile> read_heads(const AuditKey& key, const fs::path& file) {
    // A heads file of one text that was met half-way through a rewrite (an anchor written before slots)
    // does not verify, and is read again. An anchor's slot met half-way through its rewrite, or cut short by
    // a SIGKILL of the writer, is passed over for the other slot. A file that still does not verify is
    // damaged or forged.
    for (int attempt = 0;; ++attempt) {
        const auto bytes = read_bytes(file);
        if (!bytes) return std::nullopt;
        if (auto content = parse_file(key, file, *bytes)) return content;
        if (attempt == 2) throw RefusedError(damaged(file));
        usleep(2000);
    }
}

namespace {

struct Anchor {
    std::string identity;
    fs::path file;
    std::string key_path, url;  // what it was worked out for
};

// Worked out once per database and key: the sale path should not resolve paths at every commit, nor build
// the map's key: a station's commits all ask for the one its thread asked for last.
const Anchor& anchor_of(const AuditKey& key, db::Database& db) {
    thread_local const Anchor* last = nullptr;
    if (last && last->url == db.url().display && last->key_path == key.path().native()) return *last;
    static std::mutex guard;
    static std::map<std::pair<std::string, std::string>, Anchor> known;  // never erased: `last` stays valid
    const std::lock_guard<std::mutex> lock(guard);
    Anchor& anchor = known[{key.path().string(), db.url().display}];
    if (anchor.file.empty()) {
        anchor.identity = database_identity(db);
        unsigned char digest[crypto_hash_sha256_BYTES];
        crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(anchor.identity.data()),
                           anchor.identity.size());
        const fs::path folder = key.path().has_parent_path() ? key.path().parent_path() : fs::path(".");
        anchor.file = folder / "audit-heads" / (hex(digest, 12) + ".heads");
        anchor.key_path = key.path().native();
        anchor.url = db.url().display;
    }
    last = &anchor;
    return anchor;
}

}  // namespace

fs::path anchor_file(const AuditKey& key, db::Database& db) { return anchor_of(key, db).file; }

namespace {

// The anchor names its database, so that one copied over another's is refused rather than believed.
std::optional<HeadsFile> read_anchor(const AuditKey& key, const Anchor& anchor) {
    auto content = read_heads(key, anchor.file);
    if (content && content->subject != anchor.identity) throw RefusedError(damaged(anchor.file));
    return content;
}

}  // namespace

std::vector<AuditHead> anchored_heads(const AuditKey& key, db::Database& db) {
    auto content = read_anchor(key, anchor_of(key, db));
    return content ? content->heads : std::vector<AuditHead>{};
}

namespace {

// An anchor this process has written or read, kept mapped for writing: a commit checks it with one fstat of
// the kept descriptor (deleted or replaced by a rename: no links left; cut short: smaller) and a comparison
// of the mapped bytes with what this process last found or put there (another process's rewrite), then
// copies the next generation into the older slot, with no system call. A SIGKILL half-way through the copy
// leaves that slot failing its signature and the other slot holding the heads before it, which readers then
// take: the anchor falls one operation behind, never ahead. (A `pwrite` per commit, which is whole or not at
// all, cost a sale about 10 µs of the kernel's time, mostly its update of the file's times.) The fstat
// also keeps the copy away from a file cut short, which a mapping would answer with SIGBUS.
struct KnownAnchor {
    int fd = -1;
    char* map = nullptr;
    std::size_t size = 0;        // the file's: two slots of size / 2
    std::string written[2];      // each slot's text as last found or put there, without its NUL padding
    int newest = 0;              // the slot that holds `content`
    long long generation = 0;    // that slot's
    HeadsFile content;           // what it says

    void release() {
        if (map) munmap(map, size);
        if (fd >= 0) close(fd);
        *this = KnownAnchor{};
    }
    std::size_t slot_size() const { return size / 2; }
    char* slot(int i) const { return map + static_cast<std::size_t>(i) * slot_size(); }
    // Opens and maps an anchor of two slots about `identity`, and takes what its newer slot that verifies
    // says; false (nothing kept) for a file of one text (written before slots), or one that does not verify.
    bool attach(const AuditKey& key, const fs::path& file, const std::string& identity) {
        fd = ::open(file.c_str(), O_RDWR | O_CLOEXEC);
        struct stat st {};
        if (fd < 0 || fstat(fd, &st) != 0 || st.st_size <= 0 ||
            static_cast<std::size_t>(st.st_size) % (2 * kPage) != 0) {
            release();
            return false;
        }
        void* at = mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (at == MAP_FAILED) {
            release();
            return false;
        }
        map = static_cast<char*>(at);
        size = static_cast<std::size_t>(st.st_size);
        const std::string_view bytes(map, size);
        try {
            if (is_slotted(bytes)) {
                Slots slots = read_slots(key, file, bytes);
                if (slots.newest >= 0 && slots.read[slots.newest]->content.subject == identity) {
                    written[0] = std::move(slots.text[0]);
                    written[1] = std::move(slots.text[1]);
                    newest = slots.newest;
                    generation = slots.read[newest]->generation;
                    content = std::move(slots.read[newest]->content);
                    return true;
                }
            }
        } catch (const RefusedError&) {
        }
        release();
        return false;
    }
    // Whether the file is still the one mapped, holding what this process last found or put there.
    bool current() const {
        struct stat st {};
        if (!map || fstat(fd, &st) != 0 || st.st_nlink == 0 || static_cast<std::size_t>(st.st_size) != size)
            return false;
        for (int i = 0; i < 2; ++i) {
            const std::string& text = written[i];
            if (std::memcmp(slot(i), text.data(), text.size()) != 0 ||
                (text.size() < slot_size() && slot(i)[text.size()] != '\0'))
                return false;
        }
        return true;
    }
    // Writes `content` as the next generation into the older slot: its text, then NULs over what is left of
    // the longer text it held (the rest of the slot is NULs already). False when it does not fit.
    bool rewrite(const AuditKey& key) {
        std::string text = signed_text(key, content, generation + 1);
        if (!map || text.size() >= slot_size()) return false;
        const int older = 1 - newest;
        std::memcpy(slot(older), text.data(), text.size());
        if (written[older].size() > text.size())
            std::memset(slot(older) + text.size(), 0, written[older].size() - text.size());
        written[older] = std::move(text);
        newest = older;
        ++generation;
        return true;
    }
};

}  // namespace

void advance_anchor(const AuditKey& key, db::Database& db, const std::vector<AuditHead>& heads) {
    if (heads.empty()) return;
    const Anchor& anchor = anchor_of(key, db);
    static std::mutex guard;
    static std::map<std::string, KnownAnchor> known_anchors;  // by the file's path
    const std::lock_guard<std::mutex> lock(guard);
    KnownAnchor& known = known_anchors[anchor.file.native()];
    if (!known.current()) {
        // Not yet known here, or rewritten by another process, deleted, replaced or cut short: read it again.
        known.release();
        std::optional<HeadsFile> read;
        try {
            read = read_anchor(key, anchor);
        } catch (const RefusedError&) {
            return;  // left as it is: the evidence `verify` reports
        }
        if (!read || !known.attach(key, anchor.file, anchor.identity))
            known.content = read ? std::move(*read) : HeadsFile{anchor.identity, {}};  // written anew below
    }
    bool changed = false;
    for (const AuditHead& head : heads) {
        auto found = std::find_if(known.content.heads.begin(), known.content.heads.end(),
                                  [&](const AuditHead& h) { return h.chain == head.chain; });
        if (found == known.content.heads.end()) {
            known.content.heads.push_back(head);
            changed = true;
        } else if (found->seq < head.seq) {
            *found = head;
            changed = true;
        }
    }
    if (!changed || known.rewrite(key)) return;
    // A new file of two slots: the first anchor, one of a single text written before slots, or heads that
    // outgrew their slot.
    const HeadsFile content = std::move(known.content);
    known.release();
    write_signed(key, anchor.file, content, true);
    known.attach(key, anchor.file, anchor.identity);
}

void reset_anchor(const AuditKey& key, db::Database& db, const std::vector<AuditHead>& heads) {
    const Anchor anchor = anchor_of(key, db);
    write_signed(key, anchor.file, {anchor.identity, heads}, true);
}

std::vector<AuditProblem> check_heads(db::Database& db, const std::vector<AuditHead>& heads) {
    // The furthest head of each chain first: one problem per chain, the one that says the most.
    std::vector<AuditHead> sorted = heads;
    std::sort(sorted.begin(), sorted.end(), [](const AuditHead& a, const AuditHead& b) {
        return a.chain != b.chain ? a.chain < b.chain : a.seq > b.seq;
    });
    std::vector<AuditProblem> problems;
    for (const AuditHead& head : sorted) {
        if (!problems.empty() && problems.back().chain == head.chain) continue;
        long long last_seq = 0, last_id = 0;
        soci::indicator ind = soci::i_null;
        db.run("SELECT seq, id FROM audit_entry WHERE chain = :c ORDER BY seq DESC LIMIT 1", soci::use(head.chain),
               soci::into(last_seq, ind), soci::into(last_id));
        AuditProblem p{head.chain, ind == soci::i_ok ? last_seq : 0, ind == soci::i_ok ? last_id : 0,
                       AuditProblemKind::cut, head.seq};
        if (ind != soci::i_ok) {
            p.kind = AuditProblemKind::vanished;
            problems.push_back(p);
        } else if (last_seq < head.seq) {
            problems.push_back(p);
        } else {
            std::string mac;
            long long id = 0;
            const long long seq = head.seq;
            db.run("SELECT mac, id FROM audit_entry WHERE chain = :c AND seq = :s", soci::use(head.chain),
                   soci::use(seq), soci::into(mac), soci::into(id));
            if (mac != head.mac) problems.push_back({head.chain, head.seq, id, AuditProblemKind::replaced, head.seq});
        }
    }
    return problems;
}

}  // namespace salon::pos
