#include "training/core/attempt/TestClock.hpp"

#include "db/Database.hpp"

#include <cstdlib>
#include <string>

namespace salon::training {

std::optional<std::int64_t> test_clock_from_environment() {
    const char* clock = std::getenv("SALON_TEST_CLOCK");
    const char* backend = std::getenv("SALON_TEST_BACKEND");
    if (clock == nullptr || *clock == '\0' || backend == nullptr || *backend == '\0') return std::nullopt;
    try {
        std::size_t used = 0;
        const long long seconds = std::stoll(clock, &used);
        if (used != std::string(clock).size() || seconds <= 0) return std::nullopt;
        return seconds;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

bool apply_test_clock(db::Database& db) {
    const auto seconds = test_clock_from_environment();
    if (!seconds) return false;
    db.set_clock(*seconds);
    return true;
}

}  // namespace salon::training
