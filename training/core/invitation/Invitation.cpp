#include "training/core/invitation/Invitation.hpp"

#include "db/Database.hpp"
#include "db/Text.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/sale/SmsOutbox.hpp"
#include "training/core/cohort/Candidate.hpp"
#include "training/core/cohort/Cohort.hpp"
#include "training/core/invitation/MailOutbox.hpp"

namespace salon::training {

namespace {

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

void require_inviter(db::Database& db, const pos::Actor& actor) {
    if (!actor.may(db, pos::Permission::run_training) && !actor.may(db, pos::Permission::record_votes))
        throw RefusedError(tr("Only trainers and dealers' managers invite candidates."));
}

std::string checked_channel(const std::string& channel) {
    if (channel != "sms" && channel != "email")
        throw pos::InputError("channel", tr("Channel"), tr("must be sms or email"));
    return channel;
}

// The invitations' states follow their outbox rows.
void refresh_states(db::Database& db) {
    db::WriteTransaction tx(db);
    db.update(
        "UPDATE invitation SET state = 'sent', last_error = NULL, "
        "sent_at = (SELECT o.sent_at FROM sms_outbox o WHERE o.id = invitation.sms_outbox_id) "
        "WHERE state <> 'sent' AND sms_outbox_id IN (SELECT id FROM sms_outbox WHERE sent_at IS NOT NULL)");
    db.update(
        "UPDATE invitation SET state = 'failed', "
        "last_error = (SELECT o.last_error FROM sms_outbox o WHERE o.id = invitation.sms_outbox_id) "
        "WHERE state <> 'sent' AND sms_outbox_id IN (SELECT id FROM sms_outbox WHERE sent_at IS NULL AND "
        "attempts > 0)");
    db.update(
        "UPDATE invitation SET state = 'sent', last_error = NULL, "
        "sent_at = (SELECT o.sent_at FROM mail_outbox o WHERE o.id = invitation.mail_outbox_id) "
        "WHERE state <> 'sent' AND mail_outbox_id IN (SELECT id FROM mail_outbox WHERE sent_at IS NOT NULL)");
    db.update(
        "UPDATE invitation SET state = 'failed', "
        "last_error = (SELECT o.last_error FROM mail_outbox o WHERE o.id = invitation.mail_outbox_id) "
        "WHERE state <> 'sent' AND mail_outbox_id IN (SELECT id FROM mail_outbox WHERE sent_at IS NULL AND "
        "attempts > 0)");
    tx.commit();
}

}  // namespace

InvitationTemplate get_invitation_template(db::Database& db, const std::string& channel) {
    InvitationTemplate t;
    t.channel = checked_channel(channel);
    if (!db.run("SELECT subject, body FROM invitation_template WHERE channel = :c", soci::use(t.channel),
                soci::into(t.subject), soci::into(t.body)))
        throw pos::InputError("channel", tr("Channel"), tr("has no template"));
    return t;
}

void save_invitation_template(db::Database& db, const pos::Actor& actor, const InvitationTemplate& t) {
    actor.require(db, pos::Permission::run_training);
    const std::string channel = checked_channel(t.channel);
    const std::string body = pos::required_text("body", tr("Text"), t.body, 4000, true);
    if (body.find("{code}") == std::string::npos)
        throw pos::InputError("body", tr("Text"),
                              tr("must hold {code}: the invitation carries the kiosk code"));
    const std::string subject =
        channel == "email" ? pos::required_text("subject", tr("E-mail subject"), t.subject, 200) : "";
    db::WriteTransaction tx(db);
    const long long now = db.now(), by = actor.staff_id();
    soci::indicator by_ind = by == 0 ? soci::i_null : soci::i_ok;
    db.update(
        "UPDATE invitation_template SET subject = :s, body = :b, updated_at = :n, updated_by = :by WHERE "
        "channel = :c",
        soci::use(subject), soci::use(body), soci::use(now), soci::use(by, by_ind), soci::use(channel));
    actor.record(db, "training.invitation.template", "invitation_template:" + channel,
                 "changed subject,body");
    tx.commit();
}

std::string fill_invitation(const std::string& text, const std::string& name, const std::string& date,
                            const std::string& code, const std::string& dealer) {
    std::string out = text;
    replace_all(out, "{name}", name);
    replace_all(out, "{date}", date);
    replace_all(out, "{code}", code);
    replace_all(out, "{dealer}", dealer);
    return out;
}

int invite_cohort(db::Database& db, const pos::Actor& actor, std::int64_t cohort_id) {
    require_inviter(db, actor);
    db::WriteTransaction tx(db);
    const auto cohort = get_cohort(db, actor, cohort_id);
    const std::string date = CohortWeek::stored(cohort.week_start).display();
    const auto sms = get_invitation_template(db, "sms"), mail = get_invitation_template(db, "email");
    const long long now = db.now(), by = actor.staff_id();
    soci::indicator by_ind = by == 0 ? soci::i_null : soci::i_ok;
    int queued = 0;
    for (const auto& c : list_candidates(db, actor, cohort_id)) {
        if (c.status == "dropped_out") continue;
        const long long candidate = c.id;
        for (const std::string channel : {"sms", "email"}) {
            const std::string& address = channel == "sms" ? c.phone : c.email;
            if (address.empty()) continue;
            long long already = 0;
            db.run("SELECT COUNT(*) FROM invitation WHERE candidate_id = :c AND channel = :ch",
                   soci::use(candidate), soci::use(channel), soci::into(already));
            if (already > 0) continue;
            const auto& t = channel == "sms" ? sms : mail;
            const std::string subject =
                fill_invitation(t.subject, c.full_name, date, c.kiosk_code, c.dealer_name);
            const std::string body = fill_invitation(t.body, c.full_name, date, c.kiosk_code, c.dealer_name);
            long long sms_id = 0, mail_id = 0;
            if (channel == "sms")
                sms_id = pos::enqueue_sms(db, address, body, "training_invitation");
            else
                mail_id = enqueue_mail(db, address, subject, body, "training_invitation");
            soci::indicator sms_ind = sms_id ? soci::i_ok : soci::i_null;
            soci::indicator mail_ind = mail_id ? soci::i_ok : soci::i_null;
            db.insert(
                "INSERT INTO invitation (candidate_id, channel, address, subject, body, sms_outbox_id, "
                "mail_outbox_id, "
                "created_at, created_by) VALUES (:c, :ch, :a, :s, :b, :sms, :mail, :n, :by)",
                soci::use(candidate), soci::use(channel), soci::use(address), soci::use(subject),
                soci::use(body), soci::use(sms_id, sms_ind), soci::use(mail_id, mail_ind), soci::use(now),
                soci::use(by, by_ind));
            ++queued;
        }
    }
    actor.record(db, "training.invitation.queue", "cohort:" + std::to_string(cohort_id),
                 "queued=" + std::to_string(queued));
    tx.commit();
    return queued;
}

void deliver_invitations(db::Database& db, pos::SmsSender& sms, MailSender& mail) {
    pos::deliver_due_sms(db, sms);
    deliver_due_mail(db, mail);
    refresh_states(db);
}

std::vector<Invitation> list_invitations(db::Database& db, const pos::Actor& actor, std::int64_t cohort_id) {
    require_inviter(db, actor);
    get_cohort(db, actor, cohort_id);
    const int all = actor.is_head_office() ? 1 : 0;
    const long long own = actor.dealer_id(), cohort = cohort_id;
    std::vector<Invitation> out;
    Invitation i;
    long long id = 0, candidate = 0, created = 0, sent = 0;
    soci::indicator error_ind, sent_ind, sender_ind;
    db::Statement st = db.query(
        "SELECT i.id, i.candidate_id, c.full_name, i.channel, i.address, i.state, i.last_error, "
        "i.created_at, i.sent_at, "
        "COALESCE((SELECT o.sender FROM sms_outbox o WHERE o.id = i.sms_outbox_id), "
        "(SELECT m.sender FROM mail_outbox m WHERE m.id = i.mail_outbox_id)) "
        "FROM invitation i JOIN candidate c ON c.id = i.candidate_id "
        "WHERE c.cohort_id = :c AND (:all = 1 OR c.dealer_id = :own) ORDER BY c.full_name, i.channel DESC, "
        "i.id",
        soci::use(cohort), soci::use(all), soci::use(own), soci::into(id), soci::into(candidate),
        soci::into(i.candidate_name), soci::into(i.channel), soci::into(i.address), soci::into(i.state),
        soci::into(i.last_error, error_ind), soci::into(created), soci::into(sent, sent_ind),
        soci::into(i.sender, sender_ind));
    st.execute();
    while (st.fetch()) {
        Invitation row = i;
        row.id = id;
        row.candidate_id = candidate;
        row.created_at = created;
        row.sent_at = sent_ind == soci::i_ok ? sent : 0;
        if (error_ind != soci::i_ok) row.last_error.clear();
        if (sender_ind != soci::i_ok) row.sender.clear();
        out.push_back(row);
    }
    return out;
}

}  // namespace salon::training
