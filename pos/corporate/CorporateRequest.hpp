// A company's requests (R-CORP-4, R-CORP-5, R-CORP-13): taken at the desk or read from e-mail, each with a
// status (new -> in_progress -> done, or rejected with a reason) and a due time (RequestKind.hpp), every step
// one transaction journaled under the person who took it. Mail is accepted only from the address bound to
// the company's active remote-service application; anything else is kept with the reason it was rejected,
// and a mail that asks for nothing the station recognises is kept as unrecognised, its text sealed
// (152-FZ: a mail may hold a passport), never lost and never imported twice.
#pragma once

#include "db/Text.hpp"
#include "pos/corporate/InboundMailReader.hpp"
#include "pos/corporate/RequestKind.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {
class Actor;
}

namespace salon::pos::corporate {

enum class RequestStatus { fresh, in_progress, done, rejected };
const char* code(RequestStatus status);  // "new", "in_progress", "done", "rejected"
Text label(RequestStatus status);
// Throws ValidationError naming the field for anything but the four codes.
RequestStatus parse_request_status(std::string_view text);

struct CorporateRequest {
    std::int64_t id = 0;
    std::int64_t client_id = 0;
    std::string inn;
    std::string client_name;
    RequestKind kind = RequestKind::block_sim;
    std::string msisdn;   // E.164; empty for a request about no particular number
    std::string details;  // JSON: the desk's note, or the mail's subject and every number it names
    std::string source;   // "desk" or "mail"
    std::optional<std::int64_t> mail_id;
    RequestStatus status = RequestStatus::fresh;
    std::int64_t due_at = 0;
    std::int64_t created_at = 0;
    std::optional<std::int64_t> taken_at;
    std::optional<std::int64_t> done_at;
    std::string reason;  // why it was rejected
    bool overdue(std::int64_t now) const {
        return (status == RequestStatus::fresh || status == RequestStatus::in_progress) && now > due_at;
    }
};

// A request as the specialist types it at the desk: the company's INN, the kind's code, the number (for a
// kind about a number) and a note. The person who brings it needs a valid power of attorney on file
// (R-CORP-6).
struct DeskRequestForm {
    std::string inn;
    std::string kind;
    std::string number;
    std::string details;
};

// Takes the request; returns its id. Throws InputError naming the input (inn, kind, number, details) or
// RefusedError (no valid power of attorney; a number not the company's; unblocking, which is
// unblock_number's).
std::int64_t take_request(db::Database& db, const Actor& actor, const DeskRequestForm& form);

enum class MailOutcome { request, rejected, unrecognised, duplicate, unreadable };
const char* code(MailOutcome outcome);

// What became of one file of an import.
struct MailImportResult {
    std::string path;
    std::string message_id;
    MailOutcome outcome = MailOutcome::unreadable;
    std::optional<std::int64_t> mail_id;    // inbound_mail.id (for a duplicate: the earlier one)
    std::vector<std::int64_t> request_ids;  // one per number for a kind about numbers
    Text reason;                            // rejected, unreadable, duplicate: why
};

// Imports each mail in its own transaction (one mail that fails never undoes another): a request from the
// bound address (one per named number for a kind about numbers, each number the company's), a rejected
// mail with its reason, an unrecognised one, or a duplicate of a Message-ID already imported, which writes
// nothing. A file that could not be read is reported and left where it is.
std::vector<MailImportResult> import_mail(db::Database& db, const Actor& actor,
                                          const std::vector<InboundMailFile>& files);

struct RequestFilter {
    std::optional<RequestStatus> status;
    std::string inn;  // empty: every company
};
// Due first. Needs the corporate_desk permission.
std::vector<CorporateRequest> list_requests(db::Database& db, const Actor& actor,
                                            const RequestFilter& filter = {});
CorporateRequest find_request(db::Database& db, const Actor& actor, std::int64_t id);

// new -> in_progress: the specialist starts on it.
void start_request(db::Database& db, const Actor& actor, std::int64_t id);

// What completing a request did beside marking it done.
struct RequestCompletion {
    bool number_blocked = false;    // block_sim: the number is now blocked (or already was)
    std::string answer_message_id;  // number_list: the answer's Message-ID
    std::string answer_path;        // number_list: the answer's file in the mail outbox (a sandbox)
    std::string answered_to;        // number_list: the bound address it went to
    std::size_t numbers_listed = 0;
};
// new or in_progress -> done. A block blocks the number (corporate_number.status); the numbers list is
// answered to the address bound to the company's active application at this moment, never to another
// (R-CORP-13), as a mail written into `outbox` (MailOutbox).
RequestCompletion complete_request(db::Database& db, const Actor& actor, std::int64_t id,
                                   const std::string& outbox);

// new or in_progress -> rejected, with the reason given (required).
void reject_request(db::Database& db, const Actor& actor, std::int64_t id, const std::string& reason);

// Lifts a number's block, at the company's word given at the desk with a valid power of attorney
// (R-CORP-6): a mail is not enough, since the SIM was blocked because someone else may hold it.
void unblock_number(db::Database& db, const Actor& actor, const std::string& inn, const std::string& number,
                    const std::string& reason);

}  // namespace salon::pos::corporate
