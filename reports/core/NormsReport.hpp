// Norms and traffic over any span of days (R-POS-4, R-POS-6): each specialist's bundle share and good-rating
// share against their thresholds, per salon; and each salon's visitors and waits by hour of day and by
// weekday, on the salon's own clock.
#pragma once

#include "pos/core/sale/Queue.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}
namespace salon::pos {
class Actor;
}

namespace salon::reports {

struct SalonNorms {
    std::int64_t salon_id = 0;
    std::string salon, dealer;
    std::vector<pos::SpecialistNorms> specialists;  // pos/core's own measure, the desk's dashboard's too
    int below_norm() const;
};

struct SalonTraffic {
    std::int64_t salon_id = 0;
    std::string salon, time_zone;
    long long visits = 0, called = 0;
    std::array<long long, 24> visitors_by_hour{};
    std::array<double, 24> average_wait_by_hour{};     // minutes from the ticket to the call
    std::array<long long, 7> visitors_by_weekday{};    // Monday first
    std::array<double, 7> average_wait_by_weekday{};
    double average_wait = 0;
    // Visitors per opening hour: visits over the distinct hours in which anyone took a ticket.
    double visitors_per_hour = 0;
};

// `from` and `to` are days (ISO or dd.mm.yyyy), both included, on each salon's clock; salon_id 0: every
// salon the actor sees. The actor needs view_dealer_reports. InputError("from"/"to") for a bad day or a
// span backwards or longer than 400 days.
std::vector<SalonNorms> norms_report(db::Database& db, const pos::Actor& actor, const std::string& from,
                                     const std::string& to, std::int64_t salon_id = 0);
std::vector<SalonTraffic> traffic_report(db::Database& db, const pos::Actor& actor, const std::string& from,
                                         const std::string& to, std::int64_t salon_id = 0);

}  // namespace salon::reports
