// The actors of the core tests: salon-cli's administrator for setting things up, with the audit key kept
// in the test's folder, so whatever a test does can be verified with the same key.
#pragma once

#include "pos/core/organisation/Actor.hpp"
#include "tests/support/TestDatabase.hpp"

#include <filesystem>

namespace salon::test {

inline pos::AuditKey test_audit_key(const TestDatabase& t, const char* name = "audit.key") {
    return pos::AuditKey::load_or_create(std::filesystem::path(t.folder()) / name);
}

inline pos::Actor command_line(const TestDatabase& t) { return pos::Actor::command_line(test_audit_key(t)); }

}  // namespace salon::test
