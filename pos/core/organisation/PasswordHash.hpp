// Passwords are kept only as Argon2id hashes (libsodium's crypto_pwhash_str, interactive limits).
#pragma once

#include <string>

namespace salon::pos {

std::string hash_password(const std::string& password);
bool verify_password(const std::string& hash, const std::string& password);
// True when the hash was made with other limits than today's and should be made again at sign-in.
bool password_needs_rehash(const std::string& hash);
// Refuses a password too weak to set (InputError on "password").
void check_new_password(const std::string& password);

}  // namespace salon::pos
