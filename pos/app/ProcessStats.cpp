#include "pos/app/ProcessStats.hpp"

#include <unistd.h>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>

namespace salon::app {

std::int64_t milliseconds_since_process_start() {
    // Field 22 of /proc/self/stat is the start time in clock ticks since boot; the command name (field 2)
    // may hold spaces, so count from its closing bracket.
    std::ifstream stat("/proc/self/stat");
    std::string line;
    std::getline(stat, line);
    const auto close = line.rfind(')');
    if (close == std::string::npos) return 0;
    std::istringstream fields(line.substr(close + 2));
    std::string field;
    unsigned long long start_ticks = 0;
    for (int i = 3; i <= 22 && fields >> field; ++i)
        if (i == 22) start_ticks = std::stoull(field);
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double ticks_per_second = static_cast<double>(sysconf(_SC_CLK_TCK));
    const double started_ms = static_cast<double>(start_ticks) * 1000.0 / ticks_per_second;
    const double now_ms = static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6;
    return static_cast<std::int64_t>(now_ms - started_ms);
}

std::int64_t resident_set_kb() {
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmRSS:") {
            std::int64_t kb = 0;
            status >> kb;
            return kb;
        }
        status.ignore(4096, '\n');
    }
    return 0;
}

}  // namespace salon::app
