// A change of the company's administrator (R-CORP-7): the salon blocks the old administrator's access —
// the active application is revoked and the cabinet blocked — and, when the company names a new one,
// registers a new application for him, free of charge, that names the application it replaces. The
// history stays: both applications and every status step are kept.
#pragma once

#include "pos/corporate/RemoteServiceApplication.hpp"

#include <cstdint>
#include <optional>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

struct AdministratorChangeResult {
    std::int64_t revoked_application_id = 0;
    std::int64_t new_application_id = 0;  // 0 when only the old administrator was blocked
};

// Needs the corporate desk, an active application and the head's power of attorney: the new application's
// (validated like any application, inputs as in file_application), or, when only blocking, a valid one on
// file (RefusedError otherwise, R-CORP-6). The new administrator must not be the old one. One transaction,
// journaled ("corporate.admin.change" beside the application's own entries).
AdministratorChangeResult change_administrator(db::Database& db, const Actor& actor, std::int64_t client_id,
                                               const std::optional<ApplicationForm>& new_administrator);

}  // namespace salon::pos
