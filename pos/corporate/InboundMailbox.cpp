#include "pos/corporate/InboundMailbox.hpp"

#include "db/Database.hpp"
#include "db/PersonalDataKey.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/corporate/CorporateDesk.hpp"

#include <glib.h>

namespace salon::pos::corporate {

namespace {

// As for a private client's record (Client.cpp): a reason short enough to be no reason is refused.
constexpr long kMinReasonLength = 10;

const char* kMailColumns =
    "SELECT m.id, m.message_id, m.from_address, m.subject, m.received_at, m.outcome, m.reason, m.client_id, "
    "c.inn, "
    "c.official_name, m.imported_at, m.body_sealed FROM inbound_mail m "
    "LEFT JOIN corporate_client c ON c.id = m.client_id ";

struct MailRow {
    long long id = 0, received_at = 0, client_id = 0, imported_at = 0;
    std::string message_id, from, subject, outcome, reason, inn, name, body;
    soci::indicator received_ind{}, reason_ind{}, client_ind{}, inn_ind{}, name_ind{}, body_ind{};

    InboundMailEntry value() const {
        InboundMailEntry e;
        e.id = id;
        e.message_id = message_id;
        e.from_address = from;
        e.subject = subject;
        if (received_ind != soci::i_null) e.received_at = received_at;
        e.outcome = outcome;
        e.reason = reason_ind == soci::i_null ? std::string() : reason;
        if (client_ind != soci::i_null) e.client_id = client_id;
        e.inn = inn_ind == soci::i_null ? std::string() : inn;
        e.client_name = name_ind == soci::i_null ? std::string() : name;
        e.imported_at = imported_at;
        return e;
    }
};

template <class Visit, class... Uses>
void fetch(db::Database& db, const std::string& sql, Visit&& visit, Uses&&... uses) {
    MailRow b;
    auto st =
        db.query(sql, std::forward<Uses>(uses)..., soci::into(b.id), soci::into(b.message_id),
                 soci::into(b.from), soci::into(b.subject), soci::into(b.received_at, b.received_ind),
                 soci::into(b.outcome), soci::into(b.reason, b.reason_ind),
                 soci::into(b.client_id, b.client_ind), soci::into(b.inn, b.inn_ind),
                 soci::into(b.name, b.name_ind), soci::into(b.imported_at), soci::into(b.body, b.body_ind));
    st.execute();
    while (st.fetch()) visit(b);
}

}  // namespace

std::vector<InboundMailEntry> list_inbound_mail(db::Database& db, const Actor& actor,
                                                const std::string& outcome) {
    require_corporate_reader(db, actor);
    if (!outcome.empty() && outcome != "request" && outcome != "rejected" && outcome != "unrecognised")
        throw InputError("outcome", tr("Outcome"),
                         trf("unknown outcome \"{1}\"; one of: request, rejected, unrecognised", {outcome}));
    std::vector<InboundMailEntry> out;
    fetch(
        db,
        std::string(kMailColumns) +
            "WHERE (:o1 = '' OR m.outcome = :o2) ORDER BY m.imported_at DESC, m.id DESC",
        [&](const MailRow& r) { out.push_back(r.value()); }, soci::use(outcome), soci::use(outcome));
    return out;
}

RevealedMail reveal_inbound_mail(db::Database& db, const Actor& actor, std::int64_t id,
                                 const std::string& reason) {
    actor.require(db, Permission::reveal_personal_data);
    const std::string why = required_text("reason", tr("Reason"), reason);
    if (g_utf8_strlen(why.c_str(), -1) < kMinReasonLength)
        throw InputError("reason", tr("Reason"),
                         trf("say why in at least {1} characters", {std::to_string(kMinReasonLength)}));
    db::WriteTransaction tx(db);
    std::optional<RevealedMail> found;
    const long long key = id;
    fetch(
        db, std::string(kMailColumns) + "WHERE m.id = :id",
        [&](const MailRow& r) {
            found = RevealedMail{r.value(), r.body_ind == soci::i_null ? std::string() : r.body};
        },
        soci::use(key));
    if (!found) throw InputError("mail", tr("Mail"), trf("no mail number {1}", {std::to_string(id)}));
    if (!found->body.empty())
        found->body =
            db::personal_data_key(db).open(found->body, "inbound_mail.body:" + found->mail.message_id);
    actor.record(db, "personal_data.reveal", "inbound_mail:" + std::to_string(id), "reason=" + why);
    tx.commit();
    return *found;
}

}  // namespace salon::pos::corporate
