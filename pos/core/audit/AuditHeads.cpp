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

// 2: signed with the key's BLAKE2b MAC (written); 1: with HMAC-SHA256 (files written before; still read).
constexpr std::string_view kHeadsVersion = "salon-audit-heads-2";
constexpr std::string_view kLegacyHeadsVersion = "salon-audit-heads-1";

std::string hex(const unsigned char* bytes, std::size_t size) {
    std::string out(2 * size + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), bytes, size);
    out.pop_back();
    return out;
}

std::string sign(const AuditKey& key, const std::string& body) { return key.mac_hex(body); }

// One line per head; a chain name never holds a tab or a line break (host names and salon numbers).
std::string body_of(const HeadsFile& content) {
    std::string body = std::string(kHeadsVersion) + '\n' + content.subject + '\n';
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

// The signed text of `content`, followed by NUL bytes up to `size` (a reader ignores them): an anchor is
// rewritten in place at the size it has, so a sale's commit neither creates nor renames a file.
std::string signed_text(const AuditKey& key, const HeadsFile& content, std::size_t size = 0) {
    const std::string body = body_of(content);
    std::string text = body + sign(key, body) + '\n';
    if (text.size() < size) text.resize(size, '\0');
    return text;
}

// Writes the signed file to a private temporary file and renames it into place.
// `pad_to` rounds the file up (with NULs) so that later in-place rewrites of a longer head still fit.
void write_signed(const AuditKey& key, const fs::path& file, const HeadsFile& content, std::size_t pad_to = 1) {
    std::string text = signed_text(key, content);
    text.resize((text.size() + pad_to - 1) / pad_to * pad_to, '\0');
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
    write_signed(key, file, content);
}

namespace {

// The file's text without its NUL padding; nullopt when there is no such file.
std::optional<std::string> read_text(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::error_code ec;
        if (!fs::exists(file, ec)) return std::nullopt;
        throw RefusedError(damaged(file));
    }
    std::ostringstream all;
    all << in.rdbuf();
    std::string text = all.str();
    const auto end = text.find_last_not_of('\0');
    text.resize(end == std::string::npos ? 0 : end + 1);
    return text;
}

// Empty when the signature does not hold.
std::optional<HeadsFile> parse_signed(const AuditKey& key, const fs::path& file, const std::string& text) {
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
    HeadsFile content;
    if (!std::getline(lines, line) || (line != kHeadsVersion && line != kLegacyHeadsVersion) ||
        !std::getline(lines, content.subject))
        throw RefusedError(damaged(file));
    while (std::getline(lines, line)) {
        const auto tab1 = line.find('\t'), tab2 = line.rfind('\t');
        if (tab1 == std::string::npos || tab1 == tab2) throw RefusedError(damaged(file));
        content.heads.push_back({line.substr(0, tab1), std::stoll(line.substr(tab1 + 1, tab2 - tab1 - 1)),
                                 line.substr(tab2 + 1)});
    }
    return content;
}

}  // namespace

std::optional<HeadsFile> read_heads(const AuditKey& key, const fs::path& file) {
    // An anchor is rewritten in place by the stations' commits: a read that met a rewrite half-way sees a
    // signature that does not hold, and reads again; a file that still does not verify is damaged or forged.
    for (int attempt = 0;; ++attempt) {
        const auto text = read_text(file);
        if (!text) return std::nullopt;
        if (auto content = parse_signed(key, file, *text)) return content;
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

// An anchor this process has written or read: its descriptor kept open for rewriting it in place (one
// pwrite, which a SIGKILL cannot cut in half, unlike a copy into a writable mapping), and mapped read-only
// so that another process's rewrite shows in the mapped bytes without a system call. Each commit then costs
// one fstat of the descriptor (deleted or replaced by a rename: no links left; cut short: smaller) and the
// pwrite; a stat of the path before and an fstat after were two thirds of what the anchor cost a sale.
struct KnownAnchor {
    int fd = -1;
    const char* map = nullptr;
    std::size_t size = 0;
    std::string written;  // the signed text last found or put there, without its NUL padding
    HeadsFile content;    // what it says

    void release() {
        if (map) munmap(const_cast<char*>(map), size);
        if (fd >= 0) close(fd);
        *this = KnownAnchor{};
    }
    // Opens and maps the anchor just read as `text` saying `read`; false (nothing kept) when it changed
    // in between or cannot be mapped.
    bool attach(const fs::path& file, const std::string& text, const HeadsFile& read) {
        fd = ::open(file.c_str(), O_WRONLY | O_CLOEXEC);
        const int reading = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
        struct stat st {}, same {};
        const bool ok = fd >= 0 && reading >= 0 && fstat(fd, &st) == 0 && fstat(reading, &same) == 0 &&
                        st.st_ino == same.st_ino && st.st_size > static_cast<off_t>(text.size());
        void* at = ok ? mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_SHARED, reading, 0)
                      : MAP_FAILED;
        if (reading >= 0) close(reading);  // the mapping keeps the file
        if (at == MAP_FAILED) {
            release();
            return false;
        }
        map = static_cast<const char*>(at);
        size = static_cast<std::size_t>(st.st_size);
        written = text;
        content = read;
        if (changed()) {
            release();
            return false;
        }
        return true;
    }
    bool still_the_file() const {
        struct stat st {};
        return map && fstat(fd, &st) == 0 && st.st_nlink > 0 && static_cast<std::size_t>(st.st_size) == size;
    }
    // Whether the file no longer holds what this process last found or put there.
    bool changed() const {
        return std::memcmp(map, written.data(), written.size()) != 0 ||
               (written.size() < size && map[written.size()] != '\0');
    }
    // Rewrites the anchor in place when `text` fits: the text, and NULs over what is left of the longer
    // old one (the rest of the file is NULs already). A whole 4 KiB page per sale was most of its cost.
    bool rewrite(std::string text, const HeadsFile& now) {
        if (!map || text.size() >= size) return false;
        const std::size_t meaningful = text.size();
        if (written.size() > meaningful) text.resize(written.size(), '\0');
        if (pwrite(fd, text.data(), text.size(), 0) != static_cast<ssize_t>(text.size())) return false;
        text.resize(meaningful);
        written = std::move(text);
        content = now;
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
    std::optional<HeadsFile> content;
    if (known.still_the_file() && !known.changed()) {
        content = known.content;
    } else {
        known.release();  // rewritten by another process, deleted, replaced or cut short: read it again
        try {
            content = read_anchor(key, anchor);
        } catch (const RefusedError&) {
            return;  // left as it is: the evidence `verify` reports
        }
        if (content) known.attach(anchor.file, signed_text(key, *content), *content);
    }
    if (!content) content = HeadsFile{anchor.identity, {}};
    bool changed = false;
    for (const AuditHead& head : heads) {
        auto found = std::find_if(content->heads.begin(), content->heads.end(),
                                  [&](const AuditHead& h) { return h.chain == head.chain; });
        if (found == content->heads.end()) {
            content->heads.push_back(head);
            changed = true;
        } else if (found->seq < head.seq) {
            *found = head;
            changed = true;
        }
    }
    if (!changed) return;
    std::string text = signed_text(key, *content);
    if (known.rewrite(text, *content)) return;
    // A new file, padded to whole 4 KiB pages: a head rewritten in place then stays inside one page.
    known.release();
    write_signed(key, anchor.file, *content, 4096);
    known.attach(anchor.file, text, *content);
}

void reset_anchor(const AuditKey& key, db::Database& db, const std::vector<AuditHead>& heads) {
    const Anchor anchor = anchor_of(key, db);
    write_heads(key, anchor.file, {anchor.identity, heads});
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
