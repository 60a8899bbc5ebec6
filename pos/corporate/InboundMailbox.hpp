// The mails the corporate desk has read (R-CORP-4, R-CORP-5): each with what became of it (a request,
// rejected with its reason, or unrecognised and waiting for a person). The list shows the headers; the
// text, sealed because a mail may hold a passport, is revealed only to someone with reveal_personal_data
// who says why, and the reveal is journaled, like a private client's record.
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
}

namespace salon::pos::corporate {

struct InboundMailEntry {
    std::int64_t id = 0;
    std::string message_id;
    std::string from_address;
    std::string subject;
    std::optional<std::int64_t> received_at;
    std::string outcome;  // request, rejected, unrecognised
    std::string reason;
    std::optional<std::int64_t> client_id;
    std::string inn;
    std::string client_name;
    std::int64_t imported_at = 0;
};

// Newest first; `outcome` empty for all. Needs the corporate_desk permission.
std::vector<InboundMailEntry> list_inbound_mail(db::Database& db, const Actor& actor,
                                                const std::string& outcome = {});

struct RevealedMail {
    InboundMailEntry mail;
    std::string body;
};
// The mail with its text, for someone with reveal_personal_data who typed why (at least 10 characters);
// journaled as personal_data.reveal of inbound_mail:ID. Throws RefusedError / InputError("reason", "mail").
RevealedMail reveal_inbound_mail(db::Database& db, const Actor& actor, std::int64_t id,
                                 const std::string& reason);

}  // namespace salon::pos::corporate
