#include "db/PersonalDataKey.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"

#include <pthread.h>
#include <sodium.h>

#include <array>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace salon::db {
namespace fs = std::filesystem;

namespace {

// Marks a sealed value and names its layout: "pd1:" then base64 of the nonce and the ciphertext.
constexpr std::string_view kSealedPrefix = "pd1:";
// crypto_kdf's context (8 bytes) and the subkeys it derives from the file's key.
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "salonpd1";
enum Subkey : std::uint64_t { seal_subkey = 1, search_subkey = 2, check_subkey = 3 };
constexpr std::string_view kCheckConstant = "salon-station personal-data key check";

void ensure_sodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

// A sealed value's nonce without a system call each: 16 random bytes drawn once per process (again in a
// forked child, which must not repeat its parent's nonces), then a 64-bit counter. Stations sharing the
// deployment key draw their own prefixes; two equal 128-bit prefixes are as unlikely as two equal random
// 24-byte nonces, and within one prefix the counter never repeats. (A getrandom per sale was one of the
// system calls sealing added to a sale's commit.)
class NonceSource {
public:
    static NonceSource& instance() {
        static NonceSource source;
        return source;
    }
    void next(unsigned char* nonce) {
        const std::uint64_t n = counter_.fetch_add(1, std::memory_order_relaxed);
        const std::uint64_t g = generation_.load(std::memory_order_acquire);
        std::memcpy(nonce, prefixes_[g & 1].data(), 16);
        for (int i = 0; i < 8; ++i) nonce[16 + i] = static_cast<unsigned char>(n >> (8 * i));
    }

private:
    NonceSource() {
        randombytes_buf(prefixes_[0].data(), 16);
        pthread_atfork(nullptr, nullptr, [] { instance().redraw(); });
    }
    // In the child only one thread runs: the new prefix is in place before anything seals.
    void redraw() {
        const std::uint64_t g = generation_.load() + 1;
        randombytes_buf(prefixes_[g & 1].data(), 16);
        counter_.store(0);
        generation_.store(g, std::memory_order_release);
    }
    std::array<std::array<unsigned char, 16>, 2> prefixes_{};
    std::atomic<std::uint64_t> counter_{0};
    std::atomic<std::uint64_t> generation_{0};
};

std::string to_hex(const unsigned char* bytes, std::size_t n) {
    std::string hex(2 * n + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes, n);
    hex.pop_back();
    return hex;
}

std::string keyed_hash(const DeploymentKeyBytes& key, std::string_view value) {
    unsigned char out[32];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(value.data()), value.size(),
                       key.data(), key.size());
    return to_hex(out, sizeof out);
}

// Base64 (standard alphabet, no padding: what sodium_base642bin reads back in open). The sealed bytes are
// ciphertext and a public nonce, so this needs none of the constant-time care of sodium_bin2base64, which
// costs as much as the encryption itself on every client a sale registers.
void append_base64(std::string& out, const unsigned char* bytes, std::size_t n) {
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    out.reserve(out.size() + (n * 4 + 2) / 3);
    std::size_t i = 0;
    for (; i + 3 <= n; i += 3) {
        const std::uint32_t v = (std::uint32_t{bytes[i]} << 16) | (std::uint32_t{bytes[i + 1]} << 8) | bytes[i + 2];
        const char quad[4] = {alphabet[v >> 18], alphabet[(v >> 12) & 63], alphabet[(v >> 6) & 63], alphabet[v & 63]};
        out.append(quad, 4);
    }
    if (n - i == 1) {
        const std::uint32_t v = std::uint32_t{bytes[i]} << 16;
        out += alphabet[v >> 18];
        out += alphabet[(v >> 12) & 63];
    } else if (n - i == 2) {
        const std::uint32_t v = (std::uint32_t{bytes[i]} << 16) | (std::uint32_t{bytes[i + 1]} << 8);
        out += alphabet[v >> 18];
        out += alphabet[(v >> 12) & 63];
        out += alphabet[(v >> 6) & 63];
    }
}

Text cannot_open(const fs::path& file) {
    return trf("A personal data value in the database does not open with the key {1}: it was changed, moved "
               "to another row, or sealed under another key.",
               {file.string()});
}

Text not_this_database(const fs::path& file) {
    return trf("The personal data key {1} is not the key of this database: its clients' data were sealed under "
               "another deployment's key. Copy that key to {1}.",
               {file.string()});
}

}  // namespace

fs::path PersonalDataKey::default_path() {
    if (const char* file = std::getenv("SALON_PERSONAL_DATA_KEY_FILE"); file && *file) return file;
    // Beside the audit key: whoever copies the deployment's keys to a station finds both in one folder.
    if (const char* audit = std::getenv("SALON_AUDIT_KEY_FILE"); audit && *audit) {
        const fs::path audit_file(audit);
        return (audit_file.has_parent_path() ? audit_file.parent_path() : fs::path(".")) / "personal-data.key";
    }
    const fs::path folder = key_folder();
    if (folder.empty())
        throw RefusedError(tr("Cannot find the personal data key: set SALON_PERSONAL_DATA_KEY_FILE, "
                              "XDG_CONFIG_HOME or HOME."));
    return folder / "personal-data.key";
}

PersonalDataKey PersonalDataKey::load_or_create(const fs::path& file) {
    std::error_code ec;
    if (!fs::exists(file, ec))
        if (const int error = create_key_file(file); error != 0)
            throw RefusedError(
                trf("Cannot write the personal data key {1}: {2}", {file.string(), std::strerror(error)}));
    return load(file);
}

PersonalDataKey PersonalDataKey::load(const fs::path& file) {
    DeploymentKeyBytes bytes{};
    const KeyFileState state = read_key_file(file, bytes);
    if (state == KeyFileState::ok) {
        PersonalDataKey key(bytes, file);
        sodium_memzero(bytes.data(), bytes.size());
        return key;
    }
    if (state == KeyFileState::missing)
        throw RefusedError(trf("There is no personal data key at {1}: copy there the key of the deployment "
                               "whose database this is (a new key could not read its clients' data).",
                               {file.string()}));
    if (state == KeyFileState::readable_by_others)  // whoever reads the key reads every client's data
        throw RefusedError(trf("The personal data key {1} can be read by other users: make it private (chmod 600).",
                               {file.string()}));
    throw RefusedError(trf("The personal data key {1} is damaged: it must hold exactly 32 bytes.", {file.string()}));
}

PersonalDataKey::PersonalDataKey(const DeploymentKeyBytes& key, fs::path path) : path_(std::move(path)) {
    ensure_sodium();
    static_assert(crypto_kdf_KEYBYTES == std::tuple_size_v<DeploymentKeyBytes>);
    static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == std::tuple_size_v<DeploymentKeyBytes>);
    crypto_kdf_derive_from_key(seal_key_.data(), seal_key_.size(), seal_subkey, kKdfContext, key.data());
    crypto_kdf_derive_from_key(search_key_.data(), search_key_.size(), search_subkey, kKdfContext, key.data());
    crypto_kdf_derive_from_key(check_key_.data(), check_key_.size(), check_subkey, kKdfContext, key.data());
}

std::string PersonalDataKey::seal(std::string_view plain, std::string_view place) const {
    constexpr std::size_t nonce_size = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    std::vector<unsigned char> box(nonce_size + plain.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    static_assert(nonce_size == 24);
    NonceSource::instance().next(box.data());
    unsigned long long sealed_size = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        box.data() + nonce_size, &sealed_size, reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
        reinterpret_cast<const unsigned char*>(place.data()), place.size(), nullptr, box.data(), seal_key_.data());
    std::string out(kSealedPrefix);
    append_base64(out, box.data(), box.size());
    return out;
}

std::string PersonalDataKey::open(std::string_view sealed, std::string_view place) const {
    constexpr std::size_t nonce_size = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    if (!is_sealed(sealed)) throw DatabaseError(cannot_open(path_));
    const std::string_view b64 = sealed.substr(kSealedPrefix.size());
    std::vector<unsigned char> box(b64.size());
    std::size_t box_size = 0;
    if (sodium_base642bin(box.data(), box.size(), b64.data(), b64.size(), nullptr, &box_size, nullptr,
                          sodium_base64_VARIANT_ORIGINAL_NO_PADDING) != 0 ||
        box_size < nonce_size + crypto_aead_xchacha20poly1305_ietf_ABYTES)
        throw DatabaseError(cannot_open(path_));
    std::string plain(box_size - nonce_size - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
    unsigned long long plain_size = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(plain.data()), &plain_size, nullptr, box.data() + nonce_size,
            box_size - nonce_size, reinterpret_cast<const unsigned char*>(place.data()), place.size(), box.data(),
            seal_key_.data()) != 0)
        throw DatabaseError(cannot_open(path_));
    plain.resize(plain_size);
    return plain;
}

// The values packed one after another, each after its length in two bytes (big-endian): the form's
// fields are capped far below 64 KiB, and no separator can be confused with a character of a value.
std::string PersonalDataKey::seal_fields(const std::vector<std::string_view>& values,
                                         std::string_view place) const {
    std::string packed;
    std::size_t size = 0;
    for (std::string_view v : values) size += 2 + v.size();
    packed.reserve(size);
    for (std::string_view v : values) {
        if (v.size() > 0xFFFF) throw std::length_error("a sealed field is longer than 64 KiB");
        packed += static_cast<char>(v.size() >> 8);
        packed += static_cast<char>(v.size() & 0xFF);
        packed.append(v);
    }
    std::string sealed = seal(packed, place);
    sodium_memzero(packed.data(), packed.size());
    return sealed;
}

std::vector<std::string> PersonalDataKey::open_fields(std::string_view sealed, std::string_view place,
                                                      std::size_t count) const {
    std::string packed = open(sealed, place);
    std::vector<std::string> values;
    values.reserve(count);
    std::size_t at = 0;
    while (values.size() < count && at + 2 <= packed.size()) {
        const std::size_t n = (std::size_t{static_cast<unsigned char>(packed[at])} << 8) |
                              static_cast<unsigned char>(packed[at + 1]);
        if (at + 2 + n > packed.size()) break;
        values.emplace_back(packed, at + 2, n);
        at += 2 + n;
    }
    sodium_memzero(packed.data(), packed.size());
    // Authenticated, so only another layout sealed under this key for this place could get here.
    if (values.size() != count || at != packed.size()) throw DatabaseError(cannot_open(path_));
    return values;
}

bool PersonalDataKey::is_sealed(std::string_view stored) { return stored.substr(0, kSealedPrefix.size()) == kSealedPrefix; }

std::string PersonalDataKey::search_hash(std::string_view value) const { return keyed_hash(search_key_, value); }

std::string PersonalDataKey::compact_search_hash(std::string_view value) const {
    unsigned char out[16];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(value.data()), value.size(),
                       search_key_.data(), search_key_.size());
    std::string b64;
    append_base64(b64, out, sizeof out);
    return b64;
}

std::string PersonalDataKey::check_value() const { return keyed_hash(check_key_, kCheckConstant); }

std::string client_place(std::string_view column, std::string_view document_hash) {
    return "client." + std::string(column) + ":" + std::string(document_hash);
}

std::string sale_draft_place(std::int64_t staff_id, std::string_view till) {
    return "sale_draft.content:" + std::to_string(staff_id) + ":" + std::string(till);
}

namespace {
// The check value the database keeps; empty when it has none yet.
std::string recorded_check(Database& db) {
    std::string recorded;
    soci::indicator ind = soci::i_null;
    db.sql() << "SELECT check_value FROM personal_data_key WHERE id = 1", soci::into(recorded, ind);
    return ind == soci::i_ok ? recorded : std::string();
}
}  // namespace

const PersonalDataKey& personal_data_key(Database& db) {
    if (db.personal_data_key_) return *db.personal_data_key_;
    if (db.schema_version() < 10)
        throw DatabaseError(tr("The database must be upgraded before it keeps clients' data: run salon-cli db migrate."));
    const std::string recorded = recorded_check(db);
    const fs::path file = PersonalDataKey::default_path();
    if (recorded.empty())  // made by migration 10 with every database: someone deleted it
        throw RefusedError(tr("The database has lost its personal data key's check value: restore it from a backup."));
    auto key = std::make_shared<const PersonalDataKey>(PersonalDataKey::load(file));
    if (key->check_value() != recorded)
        throw RefusedError(not_this_database(file));
    db.personal_data_key_ = key;
    return *key;
}

void seal_plain_personal_data(Database& db) {
    // The first station to migrate makes its key (created if missing) the deployment's: the check value
    // is recorded with the values it seals.
    const PersonalDataKey key = PersonalDataKey::load_or_create();
    const std::string check = key.check_value();
    if (const std::string recorded = recorded_check(db); recorded.empty())
        db.sql() << "INSERT INTO personal_data_key (id, check_value) VALUES (1, :c)", soci::use(check);
    else if (recorded != check)
        throw RefusedError(not_this_database(key.path()));
    struct Row {
        long long id = 0;
        std::string birth_date, number, issued_on, issuer, address;
    };
    std::vector<Row> plain;
    {
        Row r;
        soci::statement st = (db.sql().prepare << "SELECT id, birth_date, document_number, document_issued_on, "
                                                  "document_issuer, address FROM client WHERE document_hash IS NULL",
                              soci::into(r.id), soci::into(r.birth_date), soci::into(r.number),
                              soci::into(r.issued_on), soci::into(r.issuer), soci::into(r.address));
        st.execute();
        while (st.fetch()) plain.push_back(r);
    }
    for (const Row& r : plain) {
        // Stored as the desk wrote it (Passport::str(), "4506 123456"): already the form the desk hashes.
        const std::string hash = key.search_hash(r.number);
        auto seal = [&](std::string_view column, const std::string& value) {
            return key.seal(value, client_place(column, hash));
        };
        const std::string birth = seal("birth_date", r.birth_date), number = seal("document_number", r.number),
                          issued = seal("document_issued_on", r.issued_on), issuer = seal("document_issuer", r.issuer),
                          address = seal("address", r.address);
        db.sql() << "UPDATE client SET document_hash = :h, birth_date = :b, document_number = :n, "
                    "document_issued_on = :i, document_issuer = :iss, address = :a WHERE id = :id",
            soci::use(hash), soci::use(birth), soci::use(number), soci::use(issued), soci::use(issuer),
            soci::use(address), soci::use(r.id);
    }
    struct Draft {
        long long id = 0, staff = 0;
        std::string till, content;
    };
    std::vector<Draft> drafts;
    {
        Draft d;
        soci::statement st = (db.sql().prepare << "SELECT id, staff_id, till, content FROM sale_draft",
                              soci::into(d.id), soci::into(d.staff), soci::into(d.till), soci::into(d.content));
        st.execute();
        while (st.fetch())
            if (!PersonalDataKey::is_sealed(d.content)) drafts.push_back(d);
    }
    for (const Draft& d : drafts) {
        const std::string sealed = key.seal(d.content, sale_draft_place(d.staff, d.till));
        db.sql() << "UPDATE sale_draft SET content = :c WHERE id = :id", soci::use(sealed), soci::use(d.id);
    }
}

void reseal_clients_as_one(Database& db) {
    const PersonalDataKey& key = personal_data_key(db);
    struct Row {
        long long id = 0;
        std::string hash, birth_date, number, issued_on, issuer, address;
    };
    std::vector<Row> legacy;
    {
        Row r;
        soci::statement st =
            (db.sql().prepare << "SELECT id, document_hash, birth_date, document_number, document_issued_on, "
                                 "document_issuer, address FROM client WHERE personal_data IS NULL",
             soci::into(r.id), soci::into(r.hash), soci::into(r.birth_date), soci::into(r.number),
             soci::into(r.issued_on), soci::into(r.issuer), soci::into(r.address));
        st.execute();
        while (st.fetch()) legacy.push_back(r);
    }
    for (Row& r : legacy) {
        // Opened where version 10 bound them: a value moved since is refused here as at the desk, and the
        // migration is rolled back rather than carrying it into the new record.
        for (auto [column, value] :
             {std::pair{"birth_date", &r.birth_date}, std::pair{"document_number", &r.number},
              std::pair{"document_issued_on", &r.issued_on}, std::pair{"document_issuer", &r.issuer},
              std::pair{"address", &r.address}})
            *value = key.open(*value, client_place(column, r.hash));
        const std::string hash = key.compact_search_hash(r.number);
        const std::string personal = key.seal_fields(
            {r.birth_date, r.number, r.issued_on, r.issuer, r.address}, client_place("personal_data", hash));
        db.sql() << "UPDATE client SET document_hash = :h, personal_data = :p WHERE id = :id",
            soci::use(hash), soci::use(personal), soci::use(r.id);
        for (std::string* plain : {&r.birth_date, &r.number, &r.issued_on, &r.issuer, &r.address})
            sodium_memzero(plain->data(), plain->size());
    }
}

}  // namespace salon::db
