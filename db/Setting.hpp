// Rows of table `setting` (migration 5): written the same way by db's own marks (Maintenance's incomplete
// operation) and by pos's station settings, so both backends see one upsert.
#pragma once

#include <string>

namespace salon::db {

class Database;

// Sets the setting `name` to `value`, adding its row when there is none. Runs inside the caller's
// transaction (the caller commits it, with its audit entry where the change matters).
void put_setting(Database& db, const std::string& name, const std::string& value);

}  // namespace salon::db
