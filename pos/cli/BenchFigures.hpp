// What every `salon-cli bench ...` prints: the median and the 99th percentile of timed samples, in ms.
#pragma once

#include "db/Database.hpp"
#include "pos/core/catalog/SimStock.hpp"

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

// What makes a commit durable on this database, for the report.
inline std::string durability(db::Database& db) {
    std::string a, b;
    if (db.backend() == db::Backend::sqlite) {
        int sync = 0;
        db.sql() << "PRAGMA journal_mode", soci::into(a);
        db.sql() << "PRAGMA synchronous", soci::into(sync);
        static const char* names[] = {"OFF", "NORMAL", "FULL", "EXTRA"};
        return "SQLite journal_mode=" + a + " synchronous=" + (sync >= 0 && sync < 4 ? names[sync] : "?");
    }
    db.sql() << "SHOW fsync", soci::into(a);
    db.sql() << "SHOW synchronous_commit", soci::into(b);
    return "PostgreSQL fsync=" + a + " synchronous_commit=" + b;
}

// "1.234": milliseconds with three decimals.
inline std::string ms(double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", value);
    return buf;
}

// The benches' own cards: ICCID `prefix` (5 digits) + `i` in 14 digits + the check digit, and number
// `prefix` ("+7900") + `i` in 7 digits. Each bench has its own prefixes so their cards never meet.
inline std::string bench_iccid(const char* prefix, long long i) {
    char body[32];
    std::snprintf(body, sizeof body, "%s%014lld", prefix, i);
    return pos::iccid_with_check_digit(body);
}
inline std::string bench_msisdn(const char* prefix, long long i) {
    char number[32];
    std::snprintf(number, sizeof number, "%s%07lld", prefix, i);
    return number;
}

}  // namespace salon::cli
