// The one Catch2 main every test executable links; messages are checked in English unless a test asks.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "db/Text.hpp"

#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

int main(int argc, char** argv) {
    salon::set_language(salon::Language::english);
    // Every migrated database records the deployment's personal-data key: the run's own, never the
    // key in the user's configuration folder.
    namespace fs = std::filesystem;
    const fs::path keys = fs::temp_directory_path() / ("salon_test_keys_" + std::to_string(getpid()));
    const bool own_key = std::getenv("SALON_PERSONAL_DATA_KEY_FILE") == nullptr;
    if (own_key) setenv("SALON_PERSONAL_DATA_KEY_FILE", (keys / "personal-data.key").c_str(), 1);
    const int result = Catch::Session().run(argc, argv);
    std::error_code ec;
    if (own_key) fs::remove_all(keys, ec);
    return result;
}
