#include "db/DeploymentKeyFile.hpp"

#include <sodium.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <string>

namespace salon::db {
namespace fs = std::filesystem;

fs::path key_folder() {
    if (const char* config = std::getenv("XDG_CONFIG_HOME"); config && *config)
        return fs::path(config) / "salon-station";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".config" / "salon-station";
    return {};
}

int create_key_file(const fs::path& file) {
    if (sodium_init() < 0) return EIO;
    const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
    std::error_code ec;
    // A folder made here holds keys only: its owner alone may list it.
    if (fs::create_directories(folder, ec)) fs::permissions(folder, fs::perms::owner_all, ec);
    if (ec) return ec.value();
    std::string temp = (folder / ".key.XXXXXX").string();
    const int fd = mkstemp(temp.data());  // mode 0600
    if (fd < 0) return errno;
    DeploymentKeyBytes key;
    randombytes_buf(key.data(), key.size());
    const bool written = write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size()) && fsync(fd) == 0;
    int error = errno;
    sodium_memzero(key.data(), key.size());
    close(fd);
    const int linked = written ? link(temp.c_str(), file.c_str()) : -1;
    if (written) error = errno;
    unlink(temp.c_str());
    if (!written || (linked != 0 && error != EEXIST)) return error ? error : EIO;
    return 0;
}

KeyFileState read_key_file(const fs::path& file, DeploymentKeyBytes& key) {
    std::error_code ec;
    const auto status = fs::status(file, ec);
    if (ec || !fs::is_regular_file(status)) return KeyFileState::missing;
    // Whoever reads a key can forge or read what it protects, like a private SSH key.
    if ((status.permissions() & (fs::perms::group_all | fs::perms::others_all)) != fs::perms::none)
        return KeyFileState::readable_by_others;
    std::ifstream in(file, std::ios::binary);
    char extra = 0;
    if (!in.read(reinterpret_cast<char*>(key.data()), static_cast<std::streamsize>(key.size())) || in.read(&extra, 1))
        return KeyFileState::damaged;
    return KeyFileState::ok;
}

}  // namespace salon::db
