// The SMS outbox (R-CORP-3): a text is first written to sms_outbox in the operation's own transaction,
// then handed to the SmsSender after the commit. A failed send is kept with its error, counted and tried
// again later (next_attempt_at, growing delays); a message is never dropped, and screens show what waits.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {

class SmsSender;

struct SmsMessage {
    std::int64_t id = 0;
    std::string msisdn;  // E.164
    std::string body;
    std::string purpose;  // "cabinet_code", ...
    std::int64_t created_at = 0;
    int attempts = 0;
    std::int64_t next_attempt_at = 0;  // 0: nothing planned (sent)
    std::int64_t sent_at = 0;          // 0: not delivered yet
    std::string last_error;            // the last failure's reason, empty when none
    std::string sender;                // who delivered it ("sandbox")
    bool sent() const { return sent_at != 0; }
};

// Queues a text INSIDE the caller's WriteTransaction (it is sent only if the operation commits); due at once.
std::int64_t enqueue_sms(db::Database& db, const std::string& msisdn, const std::string& body,
                         const std::string& purpose);

// The delay before the next try after `attempts` failures: 30 s, 1 min, 2 min ... at most one hour.
std::int64_t sms_retry_delay(int attempts);

struct SmsDeliveryResult {
    int sent = 0;
    int failed = 0;
};
// Hands every message that is due (not sent, next attempt reached) to `sender`, oldest first, each
// recorded in a transaction of its own: sent_at and the sender, or the failure's reason and the next
// attempt. Call it outside any transaction. `only_id` limits it to one message (0: all that are due).
SmsDeliveryResult deliver_due_sms(db::Database& db, SmsSender& sender, std::int64_t only_id = 0, int limit = 100);

// A person asks for a waiting message to be tried now rather than at its next attempt: delivered or its
// failure recorded as by deliver_due_sms. A message already sent is left as it is. Returns it as it is now.
SmsMessage retry_sms_now(db::Database& db, SmsSender& sender, std::int64_t id);

// Newest first; `waiting_only` keeps the messages not delivered yet.
std::vector<SmsMessage> list_sms(db::Database& db, bool waiting_only = false, int limit = 50);
// Throws ValidationError when there is none.
SmsMessage get_sms(db::Database& db, std::int64_t id);

}  // namespace salon::pos
