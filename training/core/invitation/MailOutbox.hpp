// The e-mail outbox (R-TRN-3), as the SMS outbox (pos/core/sale/SmsOutbox.hpp) for texts: a mail is first
// written to mail_outbox in the operation's own transaction, then composed (GMime) and handed to a
// MailSender after the commit. A failed send is kept with its error and tried again later; screens show
// the state (queued, sent, failed with the error) and whether the sender is a sandbox.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace salon::db {
class Database;
}

namespace salon::training {

// The way a composed mail leaves the station: a real relay plugs in behind this interface.
class MailSender {
public:
    virtual ~MailSender() = default;
    virtual std::string name() const = 0;  // kept with each mail it delivered ("sandbox")
    virtual bool is_sandbox() const = 0;   // true when nothing reaches a real mailbox: screens say so
    // Delivers one RFC 5322 message; throws std::exception with the reason when it could not.
    virtual void send(const std::string& to, const std::string& message_id, const std::string& rfc822) = 0;
};

// The sender the project ships: no relay; each message is written as an .eml file into a folder (a maildir's
// new/, where a relay or a person picks it up) and marked delivered by "sandbox".
class SandboxMailSender : public MailSender {
public:
    // SALON_MAIL_SANDBOX, else mail-sandbox beside the audit key (see AuditKey::default_path).
    static std::filesystem::path default_folder();
    explicit SandboxMailSender(std::filesystem::path folder = default_folder());
    std::string name() const override { return "sandbox"; }
    bool is_sandbox() const override { return true; }
    void send(const std::string& to, const std::string& message_id, const std::string& rfc822) override;
    const std::filesystem::path& folder() const { return folder_; }

private:
    std::filesystem::path folder_;
};

// The station's sender address: SALON_MAIL_FROM, else training@salon-station.invalid.
std::string training_mail_from();

// Queues a mail INSIDE the caller's WriteTransaction; due at once.
std::int64_t enqueue_mail(db::Database& db, const std::string& to, const std::string& subject,
                          const std::string& body, const std::string& purpose);

// The mail as sent: From, To, Subject, Date, Message-Id and a UTF-8 text body, 7-bit clean.
std::string compose_mail(const std::string& to, const std::string& subject, const std::string& body,
                         const std::string& message_id);

struct MailDeliveryResult {
    int sent = 0;
    int failed = 0;
};
// Hands every due mail to `sender`, oldest first, each recorded in a transaction of its own: sent_at,
// the Message-Id and the sender; or the failure's reason and the next attempt. Call outside a transaction.
MailDeliveryResult deliver_due_mail(db::Database& db, MailSender& sender, int limit = 100);

}  // namespace salon::training
