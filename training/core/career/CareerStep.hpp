// Career after the training week (R-TRN-11): a trainee is due for specialist (private and corporate
// clients) two months after the week; a specialist is due for senior specialist after a further interval
// that head office sets (setting "career_months_to_senior", 6 months unless set: the source says only
// "later"). A trainer or the person's own dealer manager promotes; the person's career level changes, and
// for a senior the role too, since permissions are the role's (role_permission): a senior specialist's role
// carries refunds and approvals, and the trainee's limit is his level (require_may_serve).
#pragma once

#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/organisation/StaffMember.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}
namespace salon::pos {
class Actor;
}

namespace salon::training {

inline constexpr int kMonthsToSpecialist = 2;  // R-TRN-11
inline constexpr const char* kMonthsToSeniorSetting = "career_months_to_senior";
inline constexpr int kDefaultMonthsToSenior = 6;

// `date` plus whole calendar months; the 31st becomes the month's last day when the month is shorter.
pos::CalendarDate plus_months(const pos::CalendarDate& date, int months);

struct DuePromotion {
    std::int64_t staff_id = 0;
    std::string login;
    std::string full_name;
    std::string dealer_name;
    std::string salon_name;
    pos::CareerLevel from = pos::CareerLevel::trainee;
    pos::CareerLevel to = pos::CareerLevel::specialist;
    std::string since;  // YYYY-MM-DD: the day he became due
};

// Who is due on `today` among the people the actor sees (head office: all; a dealer's manager: his own).
// A trainee counts from his training certification; a specialist from his promotion to specialist
// (career_change), or, for one who never was a trainee here, from his certification plus the two months.
// Needs run_training or record_votes.
std::vector<DuePromotion> due_promotions(db::Database& db, const pos::Actor& actor, const pos::CalendarDate& today);

// Promotes a person one step (trainee -> specialist -> senior_specialist), on the day of the database's
// clock (UTC). A trainer (run_training) promotes anyone; a dealer manager only his own dealer's people.
// Refused when the person is not due yet, skips a step, or is not salon staff. One transaction: the staff
// row, a career_change row and the audit entry ("career.promote").
void promote(db::Database& db, const pos::Actor& actor, std::int64_t staff_id, pos::CareerLevel to);

}  // namespace salon::training
