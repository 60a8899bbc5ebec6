// What every `salon-cli bench ...` prints: the median and the 99th percentile of timed samples, in ms.
#pragma once

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace salon::cli {

struct Spread {
    double median = 0, p99 = 0;
};

// The median and the 99th percentile (nearest rank) of `samples`; zeros for none.
inline Spread spread(std::vector<double> samples) {
    if (samples.empty()) return {};
    std::sort(samples.begin(), samples.end());
    const std::size_t n = samples.size();
    const std::size_t p99 = std::max<std::size_t>(1, static_cast<std::size_t>(static_cast<double>(n) * 0.99)) - 1;
    return {samples[(n - 1) / 2], samples[std::min(p99, n - 1)]};
}

// "1.234": milliseconds with three decimals.
inline std::string ms(double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", value);
    return buf;
}

}  // namespace salon::cli
