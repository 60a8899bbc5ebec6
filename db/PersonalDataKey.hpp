// Personal data at rest (152-FZ art. 19: the operator protects personal data against unlawful access,
// a copied file included). The registration form's identity document, date of birth and address are
// stored sealed (libsodium's XChaCha20-Poly1305) under the deployment's personal-data key, which is kept
// outside the database like the audit key, so a copied database file or backup reveals no one. The desk
// finds a passport by a keyed hash of it (BLAKE2b under a subkey of its own), never by its value.
#pragma once

#include "db/DeploymentKeyFile.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace salon::db {

class Database;

class PersonalDataKey {
public:
    // SALON_PERSONAL_DATA_KEY_FILE, else personal-data.key beside the audit key (the folder of
    // SALON_AUDIT_KEY_FILE, else $XDG_CONFIG_HOME/salon-station, else ~/.config/salon-station).
    static std::filesystem::path default_path();
    // For a station writing a database that holds no sealed data yet: a missing file is created (0600).
    static PersonalDataKey load_or_create(const std::filesystem::path& file = default_path());
    // A missing file is refused: a new key would make every sealed value unreadable.
    static PersonalDataKey load(const std::filesystem::path& file = default_path());

    // `place` binds the value to where it is stored ("client.address:17"): the sealed text opens only
    // there, so values swapped between rows or columns are refused rather than shown as someone else's.
    std::string seal(std::string_view plain, std::string_view place) const;
    // Throws DatabaseError when the value was not sealed by this key for this place.
    std::string open(std::string_view sealed, std::string_view place) const;
    // Several values sealed as one (one nonce and one tag for all: a client's record, whose five values
    // are always written together); `open_fields` gives back exactly `count` values, in order, and throws
    // DatabaseError like `open`.
    std::string seal_fields(const std::vector<std::string_view>& values, std::string_view place) const;
    std::vector<std::string> open_fields(std::string_view sealed, std::string_view place,
                                         std::size_t count) const;
    // Whether a stored value is sealed (as opposed to the plain text of a schema before version 10).
    static bool is_sealed(std::string_view stored);
    // The keyed hash an exact-match search compares (hex); `value` normalised by the caller.
    std::string search_hash(std::string_view value) const;
    // The same search hash in 16 bytes (base64, 22 characters) under the same subkey: what the client
    // table keeps since version 14 (a 128-bit keyed hash finds a passport exactly and keeps the unique
    // index's entries small).
    std::string compact_search_hash(std::string_view value) const;
    // What the database keeps to tell this key from another deployment's (hex): a hash of a constant.
    std::string check_value() const;

    const std::filesystem::path& path() const { return path_; }

private:
    PersonalDataKey(const DeploymentKeyBytes& key, std::filesystem::path path);

    DeploymentKeyBytes seal_key_{};
    DeploymentKeyBytes search_key_{};
    DeploymentKeyBytes check_key_{};
    std::filesystem::path path_;
};

// Where a sealed value is kept, for the `place` it is bound to. A client's values are bound to their
// column and the client's passport hash (unique, and known before the row has an id): since version 14
// the one column "personal_data" and the compact hash; a sale draft's to its person and till.
std::string client_place(std::string_view column, std::string_view document_hash);
std::string sale_draft_place(std::int64_t staff_id, std::string_view till);

// The key of the database's deployment, read once per connection and compared with the check value the
// database keeps: a database that holds sealed data is refused, with a message naming the file, when
// the key is missing or is another deployment's key, and never given a new one. A database without a
// check value yet (before version 10) gets the key of this station, created if missing.
const PersonalDataKey& personal_data_key(Database& db);

// The data step of migration 10, inside its transaction: records the key's check value and seals every
// value still plain (clients, sale drafts). Idempotent: sealed values are left as they are.
void seal_plain_personal_data(Database& db);

// The data step of migration 14, inside its transaction: each client's five values sealed one by one
// (version 10) are opened and sealed again as one record in client.personal_data, under the compact hash.
// Rows already resealed are left as they are.
void reseal_clients_as_one(Database& db);

}  // namespace salon::db
