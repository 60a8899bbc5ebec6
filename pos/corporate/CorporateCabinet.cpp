#include "pos/corporate/CorporateCabinet.hpp"

#include "db/Database.hpp"
#include "db/Text.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/core/identifiers/PersonalDataMask.hpp"
#include "pos/core/sale/SmsSender.hpp"
#include "pos/corporate/CorporateClient.hpp"
#include "pos/corporate/CorporateDesk.hpp"

#include <sodium.h>

#include <array>
#include <cstdio>

namespace salon::pos {

namespace {
constexpr std::array<std::pair<CabinetStep, std::string_view>, 6> kSteps{{
    {CabinetStep::not_started, "not_started"},
    {CabinetStep::page_opened, "page_opened"},
    {CabinetStep::password_requested, "password_requested"},
    {CabinetStep::code_sent, "code_sent"},
    {CabinetStep::signed_in, "signed_in"},
    {CabinetStep::password_set, "password_set"},
}};
constexpr const char* kCodePurpose = "cabinet_code";
}  // namespace

std::string_view to_string(CabinetStep step) {
    for (const auto& [s, name] : kSteps)
        if (s == step) return name;
    return "not_started";
}

CabinetStep cabinet_step_from_string(std::string_view text) {
    for (const auto& [s, name] : kSteps)
        if (name == text) return s;
    return CabinetStep::not_started;
}

Text cabinet_step_prompt(CabinetStep step) {
    switch (step) {
    case CabinetStep::not_started: return tr("Open the corporate cabinet's page");
    case CabinetStep::page_opened: return tr("Press \"Get password\"");
    case CabinetStep::password_requested: return tr("Enter the administrator's phone number");
    case CabinetStep::code_sent: return tr("Sign in with the code from the SMS");
    case CabinetStep::signed_in: return tr("Set a permanent password");
    case CabinetStep::password_set: return tr("The cabinet is enabled");
    }
    return tr("Open the corporate cabinet's page");
}

std::string_view to_string(CabinetVersion version) { return version == CabinetVersion::old_cabinet ? "old" : "new"; }

namespace {

std::optional<SmsMessage> newest_code(db::Database& db, const std::string& msisdn) {
    long long id = 0;
    if (!db.run("SELECT id FROM sms_outbox WHERE msisdn = :m AND purpose = 'cabinet_code' ORDER BY id DESC LIMIT 1",
                soci::use(msisdn), soci::into(id)))
        return std::nullopt;
    return get_sms(db, id);
}

// The code is the last run of digits in the text sent (the text itself is in the station's language).
std::string code_in(const std::string& body) {
    const auto end = body.find_last_of("0123456789");
    if (end == std::string::npos) return {};
    auto begin = end;
    while (begin > 0 && body[begin - 1] >= '0' && body[begin - 1] <= '9') --begin;
    return body.substr(begin, end - begin + 1);
}

void set_step(db::Database& db, const Actor& actor, long long client, CabinetStep from, CabinetStep to,
              const char* extra_column = nullptr) {
    const long long now = db.now();
    const std::string target(to_string(to));
    std::string sql = "UPDATE corporate_cabinet SET step = :s, updated_at = :now";
    if (extra_column) sql += std::string(", ") + extra_column + " = :now2";
    sql += " WHERE client_id = :c";
    if (extra_column)
        db.update(sql, soci::use(target), soci::use(now), soci::use(now), soci::use(client));
    else
        db.update(sql, soci::use(target), soci::use(now), soci::use(client));
    actor.record(db, "corporate.cabinet.step", "corporate_client:" + std::to_string(client),
                 std::string(to_string(from)) + "->" + target);
}

// The cabinet, refused unless it is at one of the steps the operation follows.
CorporateCabinet cabinet_at(db::Database& db, long long client, std::initializer_list<CabinetStep> allowed) {
    read_corporate_client(db, client);
    auto cabinet = read_cabinet(db, client);
    if (!cabinet)
        throw RefusedError(tr("Corporate cabinet"),
                           tr("the company has no active remote-service application yet: the cabinet is enabled "
                              "after it (R-CORP-3)"));
    if (cabinet->admin_blocked_at)
        throw RefusedError(tr("Corporate cabinet"),
                           tr("the administrator was blocked: a new application for the new administrator comes first"));
    for (auto s : allowed)
        if (cabinet->step == s) return *cabinet;
    throw RefusedError(tr("Corporate cabinet"),
                       trf("this step does not come now; next: {1}", {cabinet_step_prompt(cabinet->step).str()}));
}

}  // namespace

std::optional<CorporateCabinet> read_cabinet(db::Database& db, std::int64_t client_id) {
    CorporateCabinet c;
    const long long client = client_id;
    std::string version, admin, step;
    long long requested = 0, first = 0, permanent = 0, blocked = 0, application = 0;
    soci::indicator admin_ind = soci::i_ok, requested_ind = soci::i_ok, first_ind = soci::i_ok,
                    permanent_ind = soci::i_ok, blocked_ind = soci::i_ok, application_ind = soci::i_ok;
    if (!db.run("SELECT version, admin_msisdn, step, code_requested_at, first_sign_in_at, permanent_password_at, "
                "admin_blocked_at, application_id FROM corporate_cabinet WHERE client_id = :c",
                soci::use(client), soci::into(version), soci::into(admin, admin_ind), soci::into(step),
                soci::into(requested, requested_ind), soci::into(first, first_ind),
                soci::into(permanent, permanent_ind), soci::into(blocked, blocked_ind),
                soci::into(application, application_ind)))
        return std::nullopt;
    auto value = [](long long v, soci::indicator i) { return i == soci::i_null ? 0LL : v; };
    c.client_id = client_id;
    c.version = version == "old" ? CabinetVersion::old_cabinet : CabinetVersion::new_cabinet;
    c.admin_msisdn = admin_ind == soci::i_null ? std::string() : admin;
    c.step = cabinet_step_from_string(step);
    c.code_requested_at = value(requested, requested_ind);
    c.first_sign_in_at = value(first, first_ind);
    c.permanent_password_at = value(permanent, permanent_ind);
    c.admin_blocked_at = value(blocked, blocked_ind);
    c.application_id = value(application, application_ind);
    if (!c.admin_msisdn.empty()) c.last_code = newest_code(db, c.admin_msisdn);
    return c;
}

std::optional<CorporateCabinet> cabinet_of(db::Database& db, const Actor& actor, std::int64_t client_id) {
    require_corporate_reader(db, actor);
    return read_cabinet(db, client_id);
}

void record_old_cabinet(db::Database& db, const Actor& actor, std::int64_t client_id, const std::string& admin_msisdn) {
    require_corporate_desk(db, actor);
    const Msisdn admin = parse_input("admin_msisdn", [&] { return Msisdn::parse(admin_msisdn); });
    db::WriteTransaction tx(db);
    const CorporateClient company = read_corporate_client(db, client_id);
    if (!company.number(admin.str()))
        throw InputError("admin_msisdn", tr("Administrator's number"),
                         trf("{1} is not one of the company's numbers", {admin.display()}));
    if (read_cabinet(db, client_id))
        throw RefusedError(tr("Corporate cabinet"), tr("the company already has a cabinet on record"));
    const long long client = client_id, now = db.now();
    const std::string e164 = admin.str();
    db.run("INSERT INTO corporate_cabinet (client_id, version, admin_msisdn, step, updated_at) "
           "VALUES (:c, 'old', :m, 'not_started', :now)",
           soci::use(client), soci::use(e164), soci::use(now));
    actor.record(db, "corporate.cabinet.old", "corporate_client:" + std::to_string(client), "old cabinet recorded");
    tx.commit();
}

void open_cabinet_page(db::Database& db, const Actor& actor, std::int64_t client_id) {
    require_corporate_desk(db, actor);
    db::WriteTransaction tx(db);
    const auto cabinet = cabinet_at(db, client_id, {CabinetStep::not_started, CabinetStep::page_opened});
    set_step(db, actor, client_id, cabinet.step, CabinetStep::page_opened);
    tx.commit();
}

void press_get_password(db::Database& db, const Actor& actor, std::int64_t client_id) {
    require_corporate_desk(db, actor);
    db::WriteTransaction tx(db);
    const auto cabinet = cabinet_at(db, client_id, {CabinetStep::page_opened, CabinetStep::password_requested});
    set_step(db, actor, client_id, cabinet.step, CabinetStep::password_requested);
    tx.commit();
}

SmsMessage enter_cabinet_phone(db::Database& db, const Actor& actor, std::int64_t client_id, const std::string& phone,
                               SmsSender& sender) {
    require_corporate_desk(db, actor);
    const Msisdn entered = parse_input("phone", [&] { return Msisdn::parse(phone); });
    long long sms_id = 0;
    {
        db::WriteTransaction tx(db);
        const auto cabinet = cabinet_at(db, client_id, {CabinetStep::password_requested, CabinetStep::code_sent});
        if (entered.str() != cabinet.admin_msisdn)
            throw InputError("phone", tr("Phone number"),
                             trf("is not the administrator's number (the application names {1})",
                                 {mask(Msisdn::stored(cabinet.admin_msisdn))}));
        char code[8];
        std::snprintf(code, sizeof code, "%06u", static_cast<unsigned>(randombytes_uniform(1000000)));
        const std::string body = trf("Code to sign in to the corporate cabinet: {1}", {code}).str();
        sms_id = enqueue_sms(db, cabinet.admin_msisdn, body, kCodePurpose);
        set_step(db, actor, client_id, cabinet.step, CabinetStep::code_sent, "code_requested_at");
        tx.commit();
    }
    deliver_due_sms(db, sender, sms_id);
    return get_sms(db, sms_id);
}

void record_first_sign_in(db::Database& db, const Actor& actor, std::int64_t client_id, const std::string& code) {
    require_corporate_desk(db, actor);
    const std::string typed = required_text("code", tr("Code from the SMS"), code, 16);
    db::WriteTransaction tx(db);
    const auto cabinet = cabinet_at(db, client_id, {CabinetStep::code_sent});
    const auto sent = newest_code(db, cabinet.admin_msisdn);
    if (!sent || !sent->sent())
        throw RefusedError(tr("Code from the SMS"),
                           tr("the code has not reached the phone yet: the outbox tries again, or enter the phone anew"));
    if (db.now() > sent->sent_at + kCabinetCodeSeconds)
        throw InputError("code", tr("Code from the SMS"), tr("has expired: enter the phone again for a new code"));
    if (typed != code_in(sent->body)) throw InputError("code", tr("Code from the SMS"), tr("is not the code sent"));
    const long long client = client_id, now = db.now();
    db.update("UPDATE corporate_cabinet SET first_sign_in_at = COALESCE(first_sign_in_at, :now) WHERE client_id = :c",
              soci::use(now), soci::use(client));
    set_step(db, actor, client_id, cabinet.step, CabinetStep::signed_in);
    tx.commit();
}

void record_permanent_password(db::Database& db, const Actor& actor, std::int64_t client_id) {
    require_corporate_desk(db, actor);
    db::WriteTransaction tx(db);
    const auto cabinet = cabinet_at(db, client_id, {CabinetStep::signed_in});
    const long long client = client_id;
    // R-CORP-8: a client of the old cabinet moves to the new one just by getting a password.
    db.update("UPDATE corporate_cabinet SET version = 'new' WHERE client_id = :c", soci::use(client));
    set_step(db, actor, client_id, cabinet.step, CabinetStep::password_set, "permanent_password_at");
    if (cabinet.version == CabinetVersion::old_cabinet)
        actor.record(db, "corporate.cabinet.migrated", "corporate_client:" + std::to_string(client), "old->new");
    tx.commit();
}

}  // namespace salon::pos
