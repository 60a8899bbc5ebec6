// A salon: one point of sale of a dealer, with its address and the time zone its clocks show.
#pragma once

#include <cstdint>
#include <optional>
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
    // Seconds without input before the station locks to the sign-in window (kMinIdleLockSeconds ..
    // kMaxIdleLockSeconds). Unset: a new salon gets kDefaultIdleLockSeconds, an edit keeps what is stored.
    std::optional<int> idle_lock_seconds = std::nullopt;
};

// The idle lock of a salon's stations; head-office people (no salon) have the default.
constexpr int kDefaultIdleLockSeconds = 180;
constexpr int kMinIdleLockSeconds = 30;
constexpr int kMaxIdleLockSeconds = 3600;

struct Salon {
    std::int64_t id = 0;
    std::int64_t dealer_id = 0;
    std::string dealer_name;
    std::string name;
    std::string address;
    std::string time_zone;
    bool active = true;
    int idle_lock_seconds = kDefaultIdleLockSeconds;
};

// Throws InputError("idle_lock") unless `seconds` is within kMinIdleLockSeconds .. kMaxIdleLockSeconds.
int validate_idle_lock_seconds(int seconds);

// Throws InputError("time_zone") unless `name` is an IANA time zone known to ICU.
std::string validate_time_zone(const std::string& name);

// Adds (`id` 0) or edits a salon; names are unique within a dealer. Head office (administer_database)
// does it for any dealer; a dealer's manager (manage_staff) opens and edits his own dealer's salons only,
// anything else is refused (RefusedError). One transaction with its audit entry ("salon.save"); returns
// the id.
std::int64_t save_salon(db::Database& db, const Actor& actor, const SalonForm& form, std::int64_t id = 0);
// save_salon's adding, with the same checks and audit entry, inside the caller's open WriteTransaction.
std::int64_t add_salon_within(db::Database& db, const Actor& actor, const SalonForm& form);

// The salons the actor sees (head office: all; a dealer's people: their dealer's), all of them or one
// dealer's only (dealer_id != 0).
std::vector<Salon> list_salons(db::Database& db, const Actor& actor, std::int64_t dealer_id = 0);
// Throws ValidationError if there is none or the actor does not see it (the same words).
Salon get_salon(db::Database& db, const Actor& actor, std::int64_t id);

// How long the actor's station may stay idle before it locks: their salon's period, the default for
// anyone without a salon (head office, dealers' managers) or whose salon cannot be read.
int idle_lock_seconds_for(db::Database& db, const Actor& actor);

}  // namespace salon::pos
