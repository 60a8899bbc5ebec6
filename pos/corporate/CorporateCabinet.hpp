// The corporate cabinet (R-CORP-3, R-CORP-7, R-CORP-8): once the application is active, the specialist and
// the administrator go through the three steps — open the cabinet page, press "Get password", enter the
// phone number — and a one-time code comes by SMS (through the outbox, SmsOutbox.hpp). The first sign-in
// and the permanent password are recorded. A client of the old cabinet (balance only) moves to the new
// one by the same password step. Each step is one transaction, journaled.
#pragma once

#include "pos/core/sale/SmsOutbox.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace salon::db {
class Database;
}

namespace salon {
class Text;
}

namespace salon::pos {

class Actor;
class SmsSender;

// Where the enablement stands, in order.
enum class CabinetStep { not_started, page_opened, password_requested, code_sent, signed_in, password_set };
std::string_view to_string(CabinetStep step);
CabinetStep cabinet_step_from_string(std::string_view text);
// What the specialist tells the administrator to do next, for the screen that guides them.
Text cabinet_step_prompt(CabinetStep step);

enum class CabinetVersion { old_cabinet, new_cabinet };
std::string_view to_string(CabinetVersion version);  // "old", "new"

struct CorporateCabinet {
    std::int64_t client_id = 0;
    CabinetVersion version = CabinetVersion::new_cabinet;
    std::string admin_msisdn;  // E.164
    CabinetStep step = CabinetStep::not_started;
    std::int64_t code_requested_at = 0;
    std::int64_t first_sign_in_at = 0;
    std::int64_t permanent_password_at = 0;
    std::int64_t admin_blocked_at = 0;  // the administrator was replaced and blocked (R-CORP-7); 0: not
    std::int64_t application_id = 0;
    std::optional<SmsMessage> last_code;  // the newest code sent to the administrator, with its delivery
};

// The company's cabinet; none before an application became active (or an old cabinet was recorded).
std::optional<CorporateCabinet> cabinet_of(db::Database& db, const Actor& actor, std::int64_t client_id);
std::optional<CorporateCabinet> read_cabinet(db::Database& db, std::int64_t client_id);

// Records an existing client of the old cabinet (balance only, R-CORP-8) with its administrator's number
// (one of the company's). Journaled ("corporate.cabinet.old").
void record_old_cabinet(db::Database& db, const Actor& actor, std::int64_t client_id, const std::string& admin_msisdn);

// Step 1: the cabinet page is open. Refused while the administrator is blocked or the cabinet is enabled.
void open_cabinet_page(db::Database& db, const Actor& actor, std::int64_t client_id);
// Step 2: "Get password" pressed.
void press_get_password(db::Database& db, const Actor& actor, std::int64_t client_id);
// Step 3: the phone is entered; it must be the administrator's (InputError("phone") otherwise). A new
// one-time code is queued in the SMS outbox in the step's transaction, then handed to `sender` after the
// commit: the message returned says whether it went, or why not (it stays queued and is tried again by
// deliver_due_sms). Entering the phone again sends a new code.
SmsMessage enter_cabinet_phone(db::Database& db, const Actor& actor, std::int64_t client_id, const std::string& phone,
                               SmsSender& sender);
// The administrator signed in with the code (checked against the newest code sent, valid 15 minutes).
void record_first_sign_in(db::Database& db, const Actor& actor, std::int64_t client_id, const std::string& code);
// The administrator set a permanent password: the cabinet is enabled, and an old one becomes the new one.
void record_permanent_password(db::Database& db, const Actor& actor, std::int64_t client_id);

// How long a one-time code is accepted, in seconds.
inline constexpr std::int64_t kCabinetCodeSeconds = 15 * 60;

}  // namespace salon::pos
