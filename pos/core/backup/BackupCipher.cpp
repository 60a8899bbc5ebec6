#include "pos/core/backup/BackupCipher.hpp"

#include "db/DeploymentKeyFile.hpp"
#include "db/UserError.hpp"

#include <sodium.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace salon::pos {
namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'S', 'A', 'L', 'O', 'N', 'B', 'A', 'K'};
constexpr std::uint8_t kVersion = 1;
constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kCheckBytes = 16;
constexpr std::size_t kHeaderBytes =
    8 + 1 + 1 + 8 + 8 + 16 + kCheckBytes + crypto_secretstream_xchacha20poly1305_HEADERBYTES;
// What a hostile header may ask of the key derivation: libsodium's sensitive limits at most.
constexpr std::uint64_t kMaxOpslimit = crypto_pwhash_OPSLIMIT_SENSITIVE;
constexpr std::uint64_t kMaxMemlimit = crypto_pwhash_MEMLIMIT_SENSITIVE;
constexpr char kKeyFileMagic[8] = {'S', 'A', 'L', 'O', 'N', 'B', 'K', 'Y'};
constexpr std::size_t kKeyFileBytes = 8 + 1 + 1 + 8 + 8 + 16 + 32;

void init_sodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

Text backup_field() { return tr("Backup file"); }

// Little-endian integers of the header and the chunks' lengths.
template <class Int>
void put_le(unsigned char* at, Int v) {
    for (std::size_t i = 0; i < sizeof(Int); ++i) at[i] = static_cast<unsigned char>(v >> (8 * i));
}
template <class Int>
Int get_le(const unsigned char* at) {
    Int v = 0;
    for (std::size_t i = sizeof(Int); i-- > 0;) v = static_cast<Int>((v << 8) | at[i]);
    return v;
}

std::array<unsigned char, kCheckBytes> key_check(const BackupKey& key) {
    static const char text[] = "salon-station backup key check v1";
    std::array<unsigned char, kCheckBytes> out{};
    crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(text), sizeof text - 1,
                       key.key.data(), key.key.size());
    return out;
}

void derive(BackupKey& out, const std::string& passphrase) {
    if (crypto_pwhash(out.key.data(), out.key.size(), passphrase.data(), passphrase.size(), out.salt.data(),
                      out.opslimit, static_cast<std::size_t>(out.memlimit), out.algorithm) != 0)
        throw ValidationError(tr("Passphrase"), tr("the key cannot be derived: not enough memory"));
}

// The header without the secretstream part: what the key is derived with and checked by.
struct Header {
    BackupKey parameters;
    std::array<unsigned char, kCheckBytes> check{};
    std::array<unsigned char, crypto_secretstream_xchacha20poly1305_HEADERBYTES> stream{};
    std::array<unsigned char, kHeaderBytes> bytes{};
};

Header parse_header(const fs::path& file, std::ifstream& in) {
    Header h;
    in.read(reinterpret_cast<char*>(h.bytes.data()), static_cast<std::streamsize>(h.bytes.size()));
    if (in.gcount() != static_cast<std::streamsize>(h.bytes.size()) ||
        std::memcmp(h.bytes.data(), kMagic, 8) != 0)
        throw ValidationError(backup_field(),
                              trf("{1} is not an encrypted Salon Station backup", {file.string()}));
    if (h.bytes[8] != kVersion)
        throw ValidationError(
            backup_field(), trf("{1} is an encrypted backup of format {2}, which this program does not read: "
                                "update Salon Station",
                                {file.string(), std::to_string(h.bytes[8])}));
    const unsigned char* p = h.bytes.data() + 9;
    h.parameters.algorithm = *p++;
    h.parameters.opslimit = get_le<std::uint64_t>(p);
    p += 8;
    h.parameters.memlimit = get_le<std::uint64_t>(p);
    p += 8;
    std::memcpy(h.parameters.salt.data(), p, 16);
    p += 16;
    std::memcpy(h.check.data(), p, kCheckBytes);
    p += kCheckBytes;
    std::memcpy(h.stream.data(), p, h.stream.size());
    if (h.parameters.algorithm != crypto_pwhash_ALG_ARGON2ID13 ||
        h.parameters.opslimit < crypto_pwhash_OPSLIMIT_MIN || h.parameters.opslimit > kMaxOpslimit ||
        h.parameters.memlimit < crypto_pwhash_MEMLIMIT_MIN || h.parameters.memlimit > kMaxMemlimit)
        throw ValidationError(backup_field(),
                              trf("{1} is damaged: its header is not valid", {file.string()}));
    return h;
}

Header open_header(const fs::path& file, std::ifstream& in) {
    in.open(file, std::ios::binary);
    if (!in) throw ValidationError(backup_field(), trf("{1} cannot be read", {file.string()}));
    return parse_header(file, in);
}

int create_private(const fs::path& file) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) return fd;
    if (errno == EEXIST)
        throw ValidationError(backup_field(), trf("{1} already exists; choose a new name", {file.string()}));
    throw ValidationError(backup_field(),
                          trf("{1} cannot be created: {2}", {file.string(), std::strerror(errno)}));
}

void write_all(int fd, const unsigned char* data, std::size_t size, const fs::path& file) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0)
            throw ValidationError(backup_field(),
                                  trf("{1} cannot be written: {2}", {file.string(), std::strerror(errno)}));
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

BackupKey::~BackupKey() { sodium_memzero(key.data(), key.size()); }

BackupKey derive_backup_key(const std::string& passphrase) {
    init_sodium();
    if (passphrase.size() < kMinPassphraseBytes)
        throw ValidationError(tr("Passphrase"), trf("must be at least {1} characters long",
                                                    {std::to_string(kMinPassphraseBytes)}));
    BackupKey k;
    k.algorithm = crypto_pwhash_ALG_ARGON2ID13;
    k.opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
    k.memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
    randombytes_buf(k.salt.data(), k.salt.size());
    derive(k, passphrase);
    return k;
}

BackupKey derive_backup_key(const std::string& passphrase, const BackupKey& header_parameters) {
    init_sodium();
    BackupKey k;
    k.algorithm = header_parameters.algorithm;
    k.opslimit = header_parameters.opslimit;
    k.memlimit = header_parameters.memlimit;
    k.salt = header_parameters.salt;
    derive(k, passphrase);
    return k;
}

bool is_encrypted_backup(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    char head[8] = {};
    return in.read(head, 8) && std::memcmp(head, kMagic, 8) == 0;
}

BackupKey read_backup_header(const fs::path& file) {
    std::ifstream in;
    return open_header(file, in).parameters;
}

bool key_opens(const BackupKey& key, const fs::path& file) {
    init_sodium();
    std::ifstream in;
    const Header h = open_header(file, in);
    return key.salt == h.parameters.salt &&
           sodium_memcmp(key_check(key).data(), h.check.data(), kCheckBytes) == 0;
}

void encrypt_backup(const BackupKey& key, const std::vector<EncryptedPart>& parts, const fs::path& out) {
    init_sodium();
    nlohmann::json manifest = {{"format", "salon-station backup"}, {"parts", nlohmann::json::array()}};
    for (const auto& part : parts) {
        std::error_code ec;
        const auto size = fs::file_size(part.file, ec);
        if (ec)
            throw ValidationError(backup_field(),
                                  trf("{1} cannot be read: {2}", {part.file.string(), ec.message()}));
        manifest["parts"].push_back({{"name", part.name}, {"size", size}});
    }
    Header h;
    unsigned char* p = h.bytes.data();
    std::memcpy(p, kMagic, 8);
    p[8] = kVersion;
    p[9] = key.algorithm;
    put_le<std::uint64_t>(p + 10, key.opslimit);
    put_le<std::uint64_t>(p + 18, key.memlimit);
    std::memcpy(p + 26, key.salt.data(), 16);
    const auto check = key_check(key);
    std::memcpy(p + 42, check.data(), kCheckBytes);
    crypto_secretstream_xchacha20poly1305_state state;
    crypto_secretstream_xchacha20poly1305_init_push(&state, p + 42 + kCheckBytes, key.key.data());

    Fd out_fd{create_private(out)};
    try {
        write_all(out_fd.fd, h.bytes.data(), h.bytes.size(), out);
        std::vector<unsigned char> cipher(kChunk + crypto_secretstream_xchacha20poly1305_ABYTES + 4);
        // Each chunk is pushed once the next one is known, so the last carries the FINAL tag.
        std::vector<unsigned char> pending;
        bool have_pending = false;
        auto push = [&](const std::vector<unsigned char>& plain, unsigned char tag) {
            unsigned long long length = 0;
            crypto_secretstream_xchacha20poly1305_push(&state, cipher.data() + 4, &length, plain.data(),
                                                       plain.size(), h.bytes.data(), h.bytes.size(), tag);
            put_le<std::uint32_t>(cipher.data(), static_cast<std::uint32_t>(length));
            write_all(out_fd.fd, cipher.data(), static_cast<std::size_t>(length) + 4, out);
        };
        auto add = [&](std::vector<unsigned char> plain) {
            if (have_pending) push(pending, 0);
            pending = std::move(plain);
            have_pending = true;
        };
        const std::string text = manifest.dump();
        add(std::vector<unsigned char>(text.begin(), text.end()));
        for (const auto& part : parts) {
            std::ifstream in(part.file, std::ios::binary);
            if (!in) throw ValidationError(backup_field(), trf("{1} cannot be read", {part.file.string()}));
            while (true) {
                std::vector<unsigned char> plain(kChunk);
                in.read(reinterpret_cast<char*>(plain.data()), static_cast<std::streamsize>(plain.size()));
                plain.resize(static_cast<std::size_t>(in.gcount()));
                if (plain.empty()) break;
                add(std::move(plain));
            }
            if (in.bad())
                throw ValidationError(backup_field(), trf("{1} cannot be read", {part.file.string()}));
        }
        push(pending, crypto_secretstream_xchacha20poly1305_TAG_FINAL);
        if (fsync(out_fd.fd) != 0)
            throw ValidationError(backup_field(),
                                  trf("{1} cannot be written: {2}", {out.string(), std::strerror(errno)}));
    } catch (...) {
        sodium_memzero(&state, sizeof state);
        std::error_code ec;
        fs::remove(out, ec);
        throw;
    }
    sodium_memzero(&state, sizeof state);
}

std::vector<EncryptedPart> decrypt_backup(const BackupKey& key, const fs::path& file,
                                          const fs::path& folder) {
    init_sodium();
    std::ifstream in;
    const Header h = open_header(file, in);
    if (key.salt != h.parameters.salt ||
        sodium_memcmp(key_check(key).data(), h.check.data(), kCheckBytes) != 0)
        throw ValidationError(
            tr("Passphrase"),
            trf("wrong passphrase: it does not open {1} (nothing was changed)", {file.string()}));
    crypto_secretstream_xchacha20poly1305_state state;
    if (crypto_secretstream_xchacha20poly1305_init_pull(&state, h.stream.data(), key.key.data()) != 0)
        throw ValidationError(backup_field(),
                              trf("{1} is damaged: its header is not valid", {file.string()}));
    const Text changed =
        trf("{1} was changed or damaged after it was written: refused, nothing was changed", {file.string()});
    std::vector<EncryptedPart> written;
    auto remove_written = [&] {
        std::error_code ec;
        for (const auto& part : written) fs::remove(part.file, ec);
    };
    try {
        std::vector<unsigned char> cipher(kChunk + crypto_secretstream_xchacha20poly1305_ABYTES);
        std::vector<unsigned char> plain(kChunk);
        bool final_seen = false;
        // Returns the chunk's plain size; throws on a changed chunk, one past the final, or a cut file.
        auto pull = [&]() -> std::size_t {
            unsigned char length_bytes[4];
            in.read(reinterpret_cast<char*>(length_bytes), 4);
            if (in.gcount() != 4)
                throw ValidationError(backup_field(),
                                      trf("{1} is cut short: it ends before its last part", {file.string()}));
            const std::uint32_t length = get_le<std::uint32_t>(length_bytes);
            if (length < crypto_secretstream_xchacha20poly1305_ABYTES || length > cipher.size())
                throw ValidationError(backup_field(), changed);
            in.read(reinterpret_cast<char*>(cipher.data()), length);
            if (in.gcount() != static_cast<std::streamsize>(length))
                throw ValidationError(backup_field(),
                                      trf("{1} is cut short: it ends before its last part", {file.string()}));
            unsigned long long plain_length = 0;
            unsigned char tag = 0;
            if (crypto_secretstream_xchacha20poly1305_pull(&state, plain.data(), &plain_length, &tag,
                                                           cipher.data(), length, h.bytes.data(),
                                                           h.bytes.size()) != 0)
                throw ValidationError(backup_field(), changed);
            final_seen = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
            return static_cast<std::size_t>(plain_length);
        };
        const std::size_t manifest_size = pull();
        nlohmann::json manifest;
        try {
            manifest = nlohmann::json::parse(plain.begin(),
                                             plain.begin() + static_cast<std::ptrdiff_t>(manifest_size));
        } catch (const nlohmann::json::exception&) {
            throw ValidationError(backup_field(), changed);
        }
        if (!manifest.is_object() || manifest.value("format", "") != "salon-station backup" ||
            !manifest.contains("parts") || !manifest["parts"].is_array())
            throw ValidationError(backup_field(), changed);
        std::size_t have = 0, used = 0;  // plain bytes of the current chunk not yet written
        for (const auto& entry : manifest["parts"]) {
            const std::string name = entry.value("name", "");
            // Only the names this program writes: a part is a file name inside the private folder.
            if (name != "backup" && name != "heads") throw ValidationError(backup_field(), changed);
            const std::uint64_t size = entry.value("size", std::uint64_t{0});
            EncryptedPart part{name, folder / name};
            Fd out{create_private(part.file)};
            written.push_back(part);
            for (std::uint64_t left = size; left > 0;) {
                if (used == have) {
                    if (final_seen)
                        throw ValidationError(
                            backup_field(),
                            trf("{1} is cut short: it ends before its last part", {file.string()}));
                    have = pull();
                    used = 0;
                    continue;
                }
                const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(left, have - used));
                write_all(out.fd, plain.data() + used, n, part.file);
                used += n;
                left -= n;
            }
            if (fsync(out.fd) != 0)
                throw ValidationError(backup_field(), trf("{1} cannot be written: {2}",
                                                          {part.file.string(), std::strerror(errno)}));
        }
        char extra = 0;
        if (used != have || !final_seen) {
            if (!final_seen)
                throw ValidationError(backup_field(),
                                      trf("{1} is cut short: it ends before its last part", {file.string()}));
            throw ValidationError(backup_field(), changed);
        }
        if (in.read(&extra, 1)) throw ValidationError(backup_field(), changed);
    } catch (...) {
        sodium_memzero(&state, sizeof state);
        remove_written();
        throw;
    }
    sodium_memzero(&state, sizeof state);
    return written;
}

fs::path backup_key_path() {
    if (const char* file = std::getenv("SALON_BACKUP_KEY_FILE"); file && *file) return file;
    return db::key_folder() / "backup.key";
}

void save_backup_key(const BackupKey& key, const fs::path& file) {
    const Text field = tr("Backup key file");
    const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
    std::error_code ec;
    // A folder made here holds keys only: its owner alone may list it.
    if (fs::create_directories(folder, ec)) fs::permissions(folder, fs::perms::owner_all, ec);
    if (ec) throw ValidationError(field, trf("{1} cannot be created: {2}", {folder.string(), ec.message()}));
    std::array<unsigned char, kKeyFileBytes> bytes{};
    std::memcpy(bytes.data(), kKeyFileMagic, 8);
    bytes[8] = kVersion;
    bytes[9] = key.algorithm;
    put_le<std::uint64_t>(bytes.data() + 10, key.opslimit);
    put_le<std::uint64_t>(bytes.data() + 18, key.memlimit);
    std::memcpy(bytes.data() + 26, key.salt.data(), 16);
    std::memcpy(bytes.data() + 42, key.key.data(), 32);
    std::string temp = (folder / ".backup-key.XXXXXX").string();
    const int fd = mkstemp(temp.data());  // mode 0600
    if (fd < 0)
        throw ValidationError(field,
                              trf("{1} cannot be written: {2}", {file.string(), std::strerror(errno)}));
    const bool written =
        ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()) && fsync(fd) == 0;
    const int error = errno;
    sodium_memzero(bytes.data(), bytes.size());
    ::close(fd);
    if (!written || ::rename(temp.c_str(), file.c_str()) != 0) {
        const int why = written ? errno : error;
        ::unlink(temp.c_str());
        throw ValidationError(field, trf("{1} cannot be written: {2}", {file.string(), std::strerror(why)}));
    }
}

std::optional<BackupKey> load_backup_key(const fs::path& file) {
    std::error_code ec;
    const auto status = fs::status(file, ec);
    if (ec || !fs::is_regular_file(status)) return std::nullopt;
    // Whoever reads it can open every encrypted backup.
    if ((status.permissions() & (fs::perms::group_all | fs::perms::others_all)) != fs::perms::none)
        throw RefusedError(trf("The backup key {1} can be read by other users: make it private (chmod 600).",
                               {file.string()}));
    std::ifstream in(file, std::ios::binary);
    std::array<unsigned char, kKeyFileBytes> bytes{};
    char extra = 0;
    const bool whole = static_cast<bool>(in.read(reinterpret_cast<char*>(bytes.data()), bytes.size())) &&
                       !in.read(&extra, 1);
    if (!whole || std::memcmp(bytes.data(), kKeyFileMagic, 8) != 0 || bytes[8] != kVersion)
        throw RefusedError(
            trf("The backup key {1} is damaged: set the backup passphrase again.", {file.string()}));
    BackupKey key;
    key.algorithm = bytes[9];
    key.opslimit = get_le<std::uint64_t>(bytes.data() + 10);
    key.memlimit = get_le<std::uint64_t>(bytes.data() + 18);
    std::memcpy(key.salt.data(), bytes.data() + 26, 16);
    std::memcpy(key.key.data(), bytes.data() + 42, 32);
    sodium_memzero(bytes.data(), bytes.size());
    return key;
}

}  // namespace salon::pos
