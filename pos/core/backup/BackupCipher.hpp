// Encrypted backups: a backup and its journal heads sealed together in one file with libsodium's
// secretstream (XChaCha20-Poly1305), under a key derived from the administrator's passphrase with
// crypto_pwhash (Argon2id) and a random salt kept in the file's header, so a restore on another machine
// needs only the file and the passphrase.
//
// File layout, version 1 (all integers little-endian):
//   "SALONBAK" | version u8 = 1 | algorithm u8 | opslimit u64 | memlimit u64 | salt 16 | key check 16 |
//   secretstream header 24 | chunks: length u32, ciphertext (at most 64 KiB of plain text + 17 bytes)
// The first chunk is a JSON manifest naming the parts and their sizes; the parts' bytes follow in order;
// the last chunk carries the FINAL tag, so a file cut short is told from a whole one. Every chunk is
// authenticated with the whole header as additional data, so no byte of the file can change unnoticed.
// The key check (a keyed BLAKE2b of a fixed text) tells a wrong passphrase from a damaged file.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace salon::pos {

// A key derived from a passphrase, with what derived it: the same passphrase, salt and limits give the
// same key on any machine.
struct BackupKey {
    std::uint8_t algorithm = 0;
    std::uint64_t opslimit = 0;
    std::uint64_t memlimit = 0;
    std::array<unsigned char, 16> salt{};
    std::array<unsigned char, 32> key{};

    // Wiped on destruction: the key opens every backup made with it.
    ~BackupKey();
};

// A new passphrase's least length, in bytes of its UTF-8 text (a Cyrillic letter counts twice).
constexpr std::size_t kMinPassphraseBytes = 8;

// A new key: derived from `passphrase` with a fresh random salt and libsodium's interactive limits
// (Argon2id, 64 MiB: a few tenths of a second, paid when the passphrase is set or a backup restored). Refuses (ValidationError "Passphrase") a passphrase shorter than kMinPassphraseBytes.
BackupKey derive_backup_key(const std::string& passphrase);
// The key of an existing encrypted file, from its header's salt and limits.
BackupKey derive_backup_key(const std::string& passphrase, const BackupKey& header_parameters);

struct EncryptedPart {
    std::string name;            // "backup", "heads"
    std::filesystem::path file;  // where it is read from (encrypt) or was written to (decrypt)
};

// Whether the file starts with the encrypted backup's magic.
bool is_encrypted_backup(const std::filesystem::path& file);
// The header's salt and limits (key left zero); ValidationError when the file is not an encrypted backup
// of a version this program reads.
BackupKey read_backup_header(const std::filesystem::path& file);
// Whether `key` is the key the file was encrypted with (its key check matches).
bool key_opens(const BackupKey& key, const std::filesystem::path& file);

// Writes `parts` into a new file `out` (mode 0600, never over an existing file), flushed to disk.
void encrypt_backup(const BackupKey& key, const std::vector<EncryptedPart>& parts,
                    const std::filesystem::path& out);
// Reads the whole file, checking every chunk, and writes each part to `folder`/its name (mode 0600).
// Refuses with ValidationError naming the file: a wrong key ("wrong passphrase"), a changed or damaged
// chunk, a file cut short or with bytes after its end. The parts written are removed when refused.
std::vector<EncryptedPart> decrypt_backup(const BackupKey& key, const std::filesystem::path& file,
                                          const std::filesystem::path& folder);

// The key file that lets this station make encrypted backups without asking for the passphrase:
// SALON_BACKUP_KEY_FILE, else backup.key in the station's key folder (beside the audit key). The folder is
// the owner's only (0700), the file too (0600).
std::filesystem::path backup_key_path();
// Replaces the key file (a private temporary file renamed into place); ValidationError when it cannot.
void save_backup_key(const BackupKey& key, const std::filesystem::path& file = backup_key_path());
// The stored key; empty when there is no key file. RefusedError when it is readable by others or damaged.
std::optional<BackupKey> load_backup_key(const std::filesystem::path& file = backup_key_path());

}  // namespace salon::pos
