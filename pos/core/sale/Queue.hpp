// The salon's queue (R-POS-6) and the visitor's rating (R-POS-5): a visitor takes a ticket, a specialist
// calls the next one, serves him and finishes; the visitor rates the service on the second screen and may
// leave a written thanks. The station measures waiting and service time from the database clock, and the
// desk's dashboard shows today's queue, the waits and each specialist's norms (R-POS-4).
#pragma once

#include "db/Text.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

enum class VisitPurpose { top_up, sale, service, corporate };
std::string to_string(VisitPurpose purpose);
VisitPurpose visit_purpose_from_string(const std::string& text);  // throws InputError("purpose")
// For people (the desk's status line, the CLI's tables): "Balance top-up", "waiting"...; JSON keeps the codes.
Text visit_purpose_title(VisitPurpose purpose);
Text visit_status_title(const std::string& status);  // waiting | serving | done | left

struct Visit {
    std::int64_t id = 0;
    std::int64_t salon_id = 0;
    std::string ticket_day;  // the salon's local date, YYYY-MM-DD
    int ticket = 0;
    std::string label;       // "Б-007": the purpose's letter and the number, as the screen calls it
    VisitPurpose purpose = VisitPurpose::sale;
    std::string status;      // waiting | serving | done | left
    std::int64_t joined_at = 0, called_at = 0, finished_at = 0;
    std::int64_t served_by = 0;
    std::string served_by_name;
    int rating = 0;          // 0: not rated
    std::string thanks;
};

// "Б-007" (top-up), "П-012" (sale), "У-003" (service), "К-001" (corporate).
std::string ticket_label(VisitPurpose purpose, int ticket);

// The ticket machine: a visitor joins the queue of an active salon. No person signs in at a kiosk, so no
// actor; the ticket is numbered per salon and local day. One transaction.
Visit take_ticket(db::Database& db, std::int64_t salon_id, VisitPurpose purpose);

// The specialist calls the visitor who has waited longest (of `purpose` first when given, else anyone);
// needs sell and a salon; nobody waiting: std::nullopt. A specialist serves one visitor at a time: calling
// while serving is refused.
std::optional<Visit> call_next(db::Database& db, const Actor& actor, std::optional<VisitPurpose> purpose = std::nullopt);
// The visit the actor is serving now, if any.
std::optional<Visit> serving_now(db::Database& db, const Actor& actor);
// Ends the service (status done). Only the one serving it, or a senior of the salon.
void finish_visit(db::Database& db, const Actor& actor, std::int64_t visit_id);
// The visitor was called and did not come, or went away: status left.
void mark_left(db::Database& db, const Actor& actor, std::int64_t visit_id);
// The client's written thanks (R-POS-8), typed at the desk or on the second screen; at most 1000 letters.
void record_thanks(db::Database& db, const Actor& actor, std::int64_t visit_id, const std::string& thanks);

// The visitor's rating, 1 to 5, given on the second screen or the kiosk once the service ended or is
// ending: once per visit, within an hour of its end. No actor (the visitor rates). Throws InputError
// ("rating") for a number outside 1..5 and ValidationError for a visit that cannot be rated.
void rate_visit(db::Database& db, std::int64_t visit_id, int rating);

Visit get_visit(db::Database& db, const Actor& actor, std::int64_t visit_id);
// Today's (the salon's local day) visits of the actor's salon (or `salon_id` for head office and dealers'
// managers): waiting first in order, then serving, then the rest newest first.
std::vector<Visit> todays_queue(db::Database& db, const Actor& actor, std::int64_t salon_id = 0);

// Norms of one specialist over a period (R-POS-4, domain "Norms, defined").
struct SpecialistNorms {
    std::int64_t staff_id = 0;
    std::string name;
    int visits_served = 0;
    double average_service_minutes = 0;
    int bundle_sales = 0, tariff_sales = 0;  // SIM sales, port-ins and tariff changes; to a bundle tariff
    int good_ratings = 0, ratings = 0;       // 4 and 5 are good
    int bundle_threshold_percent = 50;       // head office's setting
    static constexpr int kGoodRatingPercent = 85;
    // -1 when there is nothing to measure.
    int bundle_share_percent() const { return tariff_sales ? bundle_sales * 100 / tariff_sales : -1; }
    int good_rating_percent() const { return ratings ? good_ratings * 100 / ratings : -1; }
    bool bundle_norm_met() const { return tariff_sales == 0 || bundle_sales * 100 >= bundle_threshold_percent * tariff_sales; }
    bool rating_norm_met() const { return ratings == 0 || good_ratings * 100 >= kGoodRatingPercent * ratings; }
};

struct DeskDashboard {
    std::string day;                  // YYYY-MM-DD, the salon's local day
    int waiting = 0, serving = 0, done = 0, left = 0;
    double average_wait_minutes = 0;  // over today's called visits
    double p90_wait_minutes = 0;
    int longest_waiting_minutes = 0;  // of those still waiting
    std::vector<int> visitors_by_hour = std::vector<int>(24, 0);  // tickets taken, by local hour
    std::vector<SpecialistNorms> norms;                           // the salon's specialists, this month so far
};

// The dashboard of the actor's salon (or `salon_id` for head office and dealers' managers) for today.
DeskDashboard desk_dashboard(db::Database& db, const Actor& actor, std::int64_t salon_id = 0);

// Norms of the salon's specialists over [from, to) Unix seconds; refunded SIM sales do not count.
std::vector<SpecialistNorms> specialist_norms(db::Database& db, const Actor& actor, std::int64_t salon_id,
                                              std::int64_t from, std::int64_t to);

}  // namespace salon::pos
