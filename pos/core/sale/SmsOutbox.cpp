#include "pos/core/sale/SmsOutbox.hpp"

#include "db/Database.hpp"
#include "db/Text.hpp"
#include "db/UserError.hpp"
#include "pos/core/sale/SmsSender.hpp"

#include <algorithm>
#include <exception>

namespace salon::pos {

std::int64_t enqueue_sms(db::Database& db, const std::string& msisdn, const std::string& body,
                         const std::string& purpose) {
    const long long now = db.now();
    return db.insert(
        "INSERT INTO sms_outbox (msisdn, body, purpose, created_at, attempts, next_attempt_at) "
        "VALUES (:m, :b, :p, :now, 0, :due)",
        soci::use(msisdn), soci::use(body), soci::use(purpose), soci::use(now), soci::use(now));
}

std::int64_t sms_retry_delay(int attempts) {
    std::int64_t delay = 30;
    for (int i = 1; i < attempts && delay < 3600; ++i) delay *= 2;
    return std::min<std::int64_t>(delay, 3600);
}

namespace {

const char* kColumns =
    "SELECT id, msisdn, body, purpose, created_at, attempts, next_attempt_at, sent_at, last_error, sender "
    "FROM sms_outbox ";

struct Row {
    SmsMessage m;
    long long id = 0, created = 0, next = 0, sent = 0;
    soci::indicator next_ind = soci::i_ok, sent_ind = soci::i_ok, error_ind = soci::i_ok, sender_ind = soci::i_ok;
    std::string error, sender;
    SmsMessage get() {
        SmsMessage out = m;
        out.id = id;
        out.created_at = created;
        out.next_attempt_at = next_ind == soci::i_null ? 0 : next;
        out.sent_at = sent_ind == soci::i_null ? 0 : sent;
        out.last_error = error_ind == soci::i_null ? std::string() : error;
        out.sender = sender_ind == soci::i_null ? std::string() : sender;
        return out;
    }
};

template <class... Uses>
std::vector<SmsMessage> query(db::Database& db, const std::string& where, Uses&&... uses) {
    Row r;
    std::vector<SmsMessage> out;
    db::Statement st = db.query(kColumns + where, std::forward<Uses>(uses)..., soci::into(r.id), soci::into(r.m.msisdn),
                                soci::into(r.m.body), soci::into(r.m.purpose), soci::into(r.created),
                                soci::into(r.m.attempts), soci::into(r.next, r.next_ind), soci::into(r.sent, r.sent_ind),
                                soci::into(r.error, r.error_ind), soci::into(r.sender, r.sender_ind));
    st.execute();
    while (st.fetch()) out.push_back(r.get());
    return out;
}

}  // namespace

SmsDeliveryResult deliver_due_sms(db::Database& db, SmsSender& sender, std::int64_t only_id, int limit) {
    SmsDeliveryResult result;
    const long long now = db.now(), only = only_id;
    const auto due = query(db,
                           "WHERE sent_at IS NULL AND next_attempt_at <= :now AND (:only = 0 OR id = :only2) "
                           "ORDER BY id LIMIT :lim",
                           soci::use(now), soci::use(only), soci::use(only), soci::use(limit));
    const std::string name = sender.name();
    for (const auto& m : due) {
        std::string error;
        try {
            sender.send(m.msisdn, m.body);
        } catch (const std::exception& e) {
            error = e.what();
            if (error.empty()) error = "unknown failure";
        }
        db::WriteTransaction tx(db);
        const long long at = db.now(), id = m.id;
        if (error.empty()) {
            db.update("UPDATE sms_outbox SET attempts = attempts + 1, sent_at = :at, sender = :s, next_attempt_at = NULL "
                      "WHERE id = :id AND sent_at IS NULL",
                      soci::use(at), soci::use(name), soci::use(id));
            ++result.sent;
        } else {
            const long long next = at + sms_retry_delay(m.attempts + 1);
            error = error.substr(0, 500);
            db.update("UPDATE sms_outbox SET attempts = attempts + 1, last_error = :e, next_attempt_at = :n "
                      "WHERE id = :id AND sent_at IS NULL",
                      soci::use(error), soci::use(next), soci::use(id));
            ++result.failed;
        }
        tx.commit();
    }
    return result;
}

SmsMessage retry_sms_now(db::Database& db, SmsSender& sender, std::int64_t id) {
    const SmsMessage m = get_sms(db, id);
    if (m.sent()) return m;
    {
        db::WriteTransaction tx(db);
        const long long now = db.now(), wanted = id;
        db.update("UPDATE sms_outbox SET next_attempt_at = :now WHERE id = :id AND sent_at IS NULL", soci::use(now),
                  soci::use(wanted));
        tx.commit();
    }
    deliver_due_sms(db, sender, id);
    return get_sms(db, id);
}

std::vector<SmsMessage> list_sms(db::Database& db, bool waiting_only, int limit) {
    const int waiting = waiting_only ? 1 : 0;
    return query(db, "WHERE (:w = 0 OR sent_at IS NULL) ORDER BY id DESC LIMIT :lim", soci::use(waiting),
                 soci::use(limit));
}

SmsMessage get_sms(db::Database& db, std::int64_t id) {
    const long long wanted = id;
    auto found = query(db, "WHERE id = :id", soci::use(wanted));
    if (found.empty()) throw ValidationError(tr("SMS"), trf("no message with number {1}", {std::to_string(id)}));
    return found.front();
}

}  // namespace salon::pos
