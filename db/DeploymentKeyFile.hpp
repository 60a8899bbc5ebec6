// A deployment's secret key in a file of its own, outside the database it protects (the audit journal's
// key, the personal-data key): 32 random bytes, readable by its owner only, the same file copied to
// every station of the deployment.
#pragma once

#include <array>
#include <filesystem>

namespace salon::db {

using DeploymentKeyBytes = std::array<unsigned char, 32>;

// The folder the station keeps its keys in: $XDG_CONFIG_HOME/salon-station, else
// ~/.config/salon-station; empty when neither variable is set.
std::filesystem::path key_folder();

// Writes a fresh random key to a private temporary file and links it into place: link() never replaces
// an existing file, so two stations starting together end up with the one key that got there first, and
// nobody ever reads a half-written key. Returns 0, or the errno of what failed.
int create_key_file(const std::filesystem::path& file);

enum class KeyFileState { ok, missing, readable_by_others, damaged };

// Reads the key into `key` when the file is a private regular file of exactly 32 bytes.
KeyFileState read_key_file(const std::filesystem::path& file, DeploymentKeyBytes& key);

}  // namespace salon::db
