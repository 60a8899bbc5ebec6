// Which of the station's administration pages a person is shown: only those whose work their role may
// do, so a specialist never fills a form that Save would refuse. Core checks again on every save.
#pragma once

#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

enum class AdministrationPage { dealers, salons, staff, permissions, database };

// In the navigation's order. Dealers, permissions and the database need administer_database; salons
// need it or manage_staff (a dealer's manager keeps his own salons); staff needs manage_staff.
std::vector<AdministrationPage> administration_pages(db::Database& db, const Actor& actor);

}  // namespace salon::pos
