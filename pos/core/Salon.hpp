// A salon: one point of sale of a dealer, with its address and the time zone its clocks show.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

struct SalonForm {
    std::int64_t dealer_id = 0;
    std::string name;
    std::string address;
    std::string time_zone;  // IANA name: Europe/Kaliningrad ... Asia/Vladivostok
    bool active = true;
};

struct Salon {
    std::int64_t id = 0;
    std::int64_t dealer_id = 0;
    std::string dealer_name;
    std::string name;
    std::string address;
    std::string time_zone;
    bool active = true;
};

// Throws InputError("time_zone") unless `name` is an IANA time zone known to ICU.
std::string validate_time_zone(const std::string& name);

// Adds (`id` 0) or edits a salon; names are unique within a dealer. Head office (administer_database)
// does it for any dealer; a dealer's manager (manage_staff) opens and edits his own dealer's salons only,
// anything else is refused (RefusedError). One transaction with its audit entry ("salon.save"); returns
// the id.
std::int64_t save_salon(db::Database& db, const Actor& actor, const SalonForm& form, std::int64_t id = 0);

// The salons the actor sees (head office: all; a dealer's people: their dealer's), all of them or one
// dealer's only (dealer_id != 0).
std::vector<Salon> list_salons(db::Database& db, const Actor& actor, std::int64_t dealer_id = 0);
// Throws ValidationError if there is none or the actor does not see it (the same words).
Salon get_salon(db::Database& db, const Actor& actor, std::int64_t id);

}  // namespace salon::pos
