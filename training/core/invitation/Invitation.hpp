// Invitations to the training week (R-TRN-3): an SMS and an e-mail to every candidate of a cohort, from
// templates the trainers edit ({name}, {date}, {code}, {dealer}), each carrying the candidate's kiosk code,
// sent through the outboxes (SMS: pos/core/sale/SmsOutbox; e-mail: MailOutbox.hpp) with the delivery state kept
// on the invitation.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}
namespace salon::pos {
class Actor;
class SmsSender;
}  // namespace salon::pos

namespace salon::training {

class MailSender;

struct InvitationTemplate {
    std::string channel;  // sms, email
    std::string subject;  // e-mail only
    std::string body;
};

InvitationTemplate get_invitation_template(db::Database& db, const std::string& channel);
// A trainer (run_training) edits a template; journaled. Throws InputError("channel" / "body").
void save_invitation_template(db::Database& db, const pos::Actor& actor, const InvitationTemplate& t);
// The template's text with {name}, {date} (the week's Friday as 11.12.2026), {code} and {dealer} filled in.
std::string fill_invitation(const std::string& text, const std::string& name, const std::string& date,
                            const std::string& code, const std::string& dealer);

struct Invitation {
    std::int64_t id = 0;
    std::int64_t candidate_id = 0;
    std::string candidate_name;
    std::string channel;     // sms, email
    std::string address;     // the number or the e-mail address
    std::string state;       // queued, sent, failed
    std::string last_error;  // when failed
    std::int64_t created_at = 0;
    std::int64_t sent_at = 0;
    std::string sender;  // "sandbox" ...
};

// Queues an SMS (to those with a phone) and an e-mail (to those with an address) for every candidate of the
// cohort the actor sees who has not been invited on that channel yet; a trainer or the dealer's manager.
// One transaction with its journal entry. Returns how many invitations were queued.
int invite_cohort(db::Database& db, const pos::Actor& actor, std::int64_t cohort_id);
// Hands what waits in both outboxes to the senders, then brings the invitations' states up to date.
void deliver_invitations(db::Database& db, pos::SmsSender& sms, MailSender& mail);
// The cohort's invitations the actor sees, by candidate and channel, with their delivery state.
std::vector<Invitation> list_invitations(db::Database& db, const pos::Actor& actor, std::int64_t cohort_id);

}  // namespace salon::training
