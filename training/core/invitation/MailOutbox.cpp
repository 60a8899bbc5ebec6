#include "training/core/invitation/MailOutbox.hpp"

#include "db/Database.hpp"
#include "pos/core/audit/AuditJournal.hpp"
#include "pos/core/sale/SmsOutbox.hpp"

#include <gmime/gmime.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

#include <unistd.h>

namespace salon::training {

namespace {
struct Unref {
    void operator()(gpointer p) const {
        if (p) g_object_unref(p);
    }
};
template <class T>
using Ref = std::unique_ptr<T, Unref>;
}  // namespace

std::filesystem::path SandboxMailSender::default_folder() {
    if (const char* env = std::getenv("SALON_MAIL_SANDBOX"); env && *env) return env;
    return pos::AuditKey::default_path().parent_path() / "mail-sandbox";
}

SandboxMailSender::SandboxMailSender(std::filesystem::path folder) : folder_(std::move(folder)) {}

void SandboxMailSender::send(const std::string& to, const std::string& message_id,
                             const std::string& rfc822) {
    (void)to;
    namespace fs = std::filesystem;
    std::error_code ec;
    for (const char* sub : {"tmp", "new", "cur"}) fs::create_directories(folder_ / sub, ec);
    std::string name = message_id;
    for (char& c : name)
        if (c == '/' || c == '<' || c == '>') c = '_';
    const fs::path tmp = folder_ / "tmp" / (name + ".eml"), ready = folder_ / "new" / (name + ".eml");
    {
        std::ofstream out(tmp, std::ios::binary);
        out << rfc822;
        out.flush();
        if (!out) throw std::runtime_error("cannot write " + tmp.string());
    }
    fs::rename(tmp, ready, ec);
    if (ec) throw std::runtime_error("cannot write " + ready.string() + ": " + ec.message());
}

std::string training_mail_from() {
    if (const char* env = std::getenv("SALON_MAIL_FROM"); env && *env) return env;
    return "training@salon-station.invalid";
}

std::int64_t enqueue_mail(db::Database& db, const std::string& to, const std::string& subject,
                          const std::string& body, const std::string& purpose) {
    const long long now = db.now();
    return db.insert(
        "INSERT INTO mail_outbox (to_address, subject, body, purpose, created_at, next_attempt_at) "
        "VALUES (:t, :s, :b, :p, :n, :due)",
        soci::use(to), soci::use(subject), soci::use(body), soci::use(purpose), soci::use(now),
        soci::use(now));
}

std::string compose_mail(const std::string& to, const std::string& subject, const std::string& body,
                         const std::string& message_id) {
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
    Ref<GMimeMessage> message(g_mime_message_new(TRUE));
    g_mime_message_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_FROM, "Учебный центр",
                               training_mail_from().c_str());
    g_mime_message_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_TO, nullptr, to.c_str());
    g_mime_message_set_subject(message.get(), subject.c_str(), "utf-8");
    GDateTime* now = g_date_time_new_now_utc();
    g_mime_message_set_date(message.get(), now);
    g_date_time_unref(now);
    g_mime_message_set_message_id(message.get(), message_id.c_str());
    Ref<GMimeTextPart> part(g_mime_text_part_new_with_subtype("plain"));
    g_mime_text_part_set_charset(part.get(), "utf-8");
    g_mime_text_part_set_text(part.get(), body.c_str());
    g_mime_part_set_content_encoding(
        GMIME_PART(part.get()),
        g_mime_part_get_best_content_encoding(GMIME_PART(part.get()), GMIME_ENCODING_CONSTRAINT_7BIT));
    g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(part.get()));
    char* text = g_mime_object_to_string(GMIME_OBJECT(message.get()), nullptr);
    std::string out = text;
    g_free(text);
    return out;
}

MailDeliveryResult deliver_due_mail(db::Database& db, MailSender& sender, int limit) {
    struct Due {
        long long id;
        std::string to, subject, body;
        int attempts;
    };
    std::vector<Due> due;
    {
        const long long now = db.now();
        Due d{};
        db::Statement st = db.query(
            "SELECT id, to_address, subject, body, attempts FROM mail_outbox WHERE sent_at IS NULL AND "
            "next_attempt_at <= :n "
            "ORDER BY id",
            soci::use(now), soci::into(d.id), soci::into(d.to), soci::into(d.subject), soci::into(d.body),
            soci::into(d.attempts));
        st.execute();
        while (st.fetch() && static_cast<int>(due.size()) < limit) due.push_back(d);
    }
    MailDeliveryResult result;
    for (const auto& d : due) {
        char* generated = g_mime_utils_generate_message_id("salon-station.invalid");
        const std::string message_id = generated;
        g_free(generated);
        std::string error;
        try {
            sender.send(d.to, message_id, compose_mail(d.to, d.subject, d.body, message_id));
        } catch (const std::exception& e) {
            error = e.what();
        }
        db::WriteTransaction tx(db);
        const long long now = db.now();
        const std::string name = sender.name();
        if (error.empty()) {
            db.update(
                "UPDATE mail_outbox SET sent_at = :n, message_id = :m, sender = :s, attempts = attempts + 1, "
                "last_error = NULL WHERE id = :id AND sent_at IS NULL",
                soci::use(now), soci::use(message_id), soci::use(name), soci::use(d.id));
            ++result.sent;
        } else {
            const long long next = now + pos::sms_retry_delay(d.attempts + 1);
            db.update(
                "UPDATE mail_outbox SET attempts = attempts + 1, last_error = :e, next_attempt_at = :next "
                "WHERE id = :id AND sent_at IS NULL",
                soci::use(error), soci::use(next), soci::use(d.id));
            ++result.failed;
        }
        tx.commit();
    }
    return result;
}

}  // namespace salon::training
