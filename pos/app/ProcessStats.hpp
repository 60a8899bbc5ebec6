// How long the process has run and how much memory it holds, for --startup-report (Linux /proc).
#pragma once

#include <cstdint>

namespace salon::app {

// Milliseconds since the kernel started this process (so the dynamic loader's work is counted too).
std::int64_t milliseconds_since_process_start();
// VmRSS from /proc/self/status, in kB; 0 if it cannot be read.
std::int64_t resident_set_kb();

}  // namespace salon::app
