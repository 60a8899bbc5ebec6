// The training centre's demo (`salon-cli demo seed`): the shipped question bank and the default rubrics,
// a past week run as trainers and dealers run one — candidates the demo dealers sent, their invitations,
// entrance tests taken at the kiosk with answers right and wrong, a drop-out, a candidate who joined on
// Monday, scores, votes and decisions, the week closed with certifications and trainee accounts — and the
// coming week with its candidates and invitations sent. Everything goes through the centre's own
// operations with the database's clock set to when it happened, so every rule and journal entry holds.
#pragma once

#include <cstdint>

namespace salon::db {
class Database;
}
namespace salon::pos {
class Actor;
class SmsSender;
}  // namespace salon::pos

namespace salon::training {

class MailSender;

struct TrainingDemoCounts {
    bool already_present = false;  // a cohort existed: nothing was added
    int questions = 0;             // shipped questions added to the bank
    int cohorts = 0;
    int candidates = 0;
    int attempts = 0;
    int invitations = 0;
    int certified = 0;             // candidates of the past week who passed it
};

// Needs the demo network (pos::seed_demo) first: its trainer and the two dealers' managers act.
TrainingDemoCounts seed_training_demo(db::Database& db, const pos::Actor& maintenance, pos::SmsSender& sms,
                                      MailSender& mail);

}  // namespace salon::training
