#include "pos/corporate/RemoteServiceApplication.hpp"

#include "db/Database.hpp"
#include "db/Text.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/corporate/CorporateClient.hpp"
#include "pos/corporate/CorporateDesk.hpp"

#include <array>

namespace salon::pos {

namespace {
constexpr std::array<std::pair<ApplicationStatus, std::string_view>, 6> kStatuses{{
    {ApplicationStatus::draft, "draft"},
    {ApplicationStatus::printed, "printed"},
    {ApplicationStatus::signed_by_client, "signed"},
    {ApplicationStatus::registered, "registered"},
    {ApplicationStatus::active, "active"},
    {ApplicationStatus::revoked, "revoked"},
}};
}  // namespace

std::string_view to_string(ApplicationStatus status) {
    for (const auto& [s, name] : kStatuses)
        if (s == status) return name;
    return "draft";
}

ApplicationStatus application_status_from_string(std::string_view text) {
    for (const auto& [s, name] : kStatuses)
        if (name == text) return s;
    throw InputError("status", tr("Application status"),
                     tr("must be one of draft, printed, signed, registered, active, revoked"));
}

Text application_status_title(ApplicationStatus status) {
    switch (status) {
    case ApplicationStatus::draft: return tr("draft");
    case ApplicationStatus::printed: return tr("printed");
    case ApplicationStatus::signed_by_client: return tr("signed");
    case ApplicationStatus::registered: return tr("registered");
    case ApplicationStatus::active: return tr("active");
    case ApplicationStatus::revoked: return tr("revoked");
    }
    return tr("draft");
}

std::optional<ApplicationStatus> next_application_status(ApplicationStatus status) {
    switch (status) {
    case ApplicationStatus::draft: return ApplicationStatus::printed;
    case ApplicationStatus::printed: return ApplicationStatus::signed_by_client;
    case ApplicationStatus::signed_by_client: return ApplicationStatus::registered;
    case ApplicationStatus::registered: return ApplicationStatus::active;
    case ApplicationStatus::active: return ApplicationStatus::revoked;
    case ApplicationStatus::revoked: return std::nullopt;
    }
    return std::nullopt;
}

std::string_view to_string(AuthorisationConfirmation confirmation) {
    return confirmation == AuthorisationConfirmation::sms ? "sms" : "email";
}

AuthorisationConfirmation authorisation_confirmation_from_string(std::string_view text) {
    if (text == "sms" || text.empty()) return AuthorisationConfirmation::sms;
    if (text == "email") return AuthorisationConfirmation::email;
    throw InputError("confirmation", tr("Authorisation confirmed by"), tr("must be sms or email"));
}

Text authorisation_confirmation_title(AuthorisationConfirmation confirmation) {
    return confirmation == AuthorisationConfirmation::sms
               ? tr("a one-time code by SMS to the administrator's number")
               : tr("a one-time code by e-mail to the bound address");
}

std::int64_t store_application(db::Database& db, const Actor& actor, const ApplicationForm& form,
                               const CalendarDate& today, std::int64_t replaces_id) {
    const CorporateClient client = read_corporate_client(db, form.client_id);
    const bool blank_name = form.official_name.find_first_not_of(" \t") == std::string::npos;
    const std::string name =
        blank_name ? client.official_name : required_text("official_name", tr("Official name"), form.official_name, 300);
    const std::string email = parse_email(form.bound_email, "bound_email");
    const Msisdn admin = parse_input("admin_msisdn", [&] { return Msisdn::parse(form.admin_msisdn); });
    const CorporateNumber* number = client.number(admin.str());
    if (!number)
        throw InputError("admin_msisdn", tr("Administrator's number"),
                         trf("{1} is not one of the company's numbers", {admin.display()}));
    if (number->status == CorporateNumberStatus::blocked)
        throw InputError("admin_msisdn", tr("Administrator's number"), tr("is blocked"));
    const std::string confirmation(to_string(authorisation_confirmation_from_string(form.confirmation)));
    long long poa_id = form.power_of_attorney_id;
    if (poa_id) {
        const PowerOfAttorney poa = read_power_of_attorney(db, client.id, poa_id);
        if (!poa.for_msisdn.empty())
            throw InputError("power_of_attorney", tr("Power of attorney"),
                             tr("is an employee's power of attorney for his own number, not the head's"));
        if (poa.issued_on > today.iso())
            throw InputError("power_of_attorney", tr("Power of attorney"),
                             tr("is in the future: a power of attorney dated later is not valid yet"));
        if (poa.valid_until < today.iso())
            throw InputError("power_of_attorney", tr("Power of attorney"),
                             trf("the power of attorney expired on {1}",
                                 {CalendarDate::parse(poa.valid_until, "poa_valid_until", tr("Valid until")).display()}));
    } else {
        PowerOfAttorney poa = parse_power_of_attorney(form.poa, today);
        if (!poa.for_msisdn.empty())
            throw InputError("poa_for_msisdn", tr("Employee's number"),
                             tr("the application needs the head's power of attorney for the company"));
        poa_id = store_power_of_attorney(db, actor, client.id, poa);
    }
    const long long client_id = client.id, now = db.now(), by = actor.staff_id(), salon = actor.member().salon_id,
                    replaces = replaces_id;
    soci::indicator by_ind = by ? soci::i_ok : soci::i_null, salon_ind = salon ? soci::i_ok : soci::i_null,
                    replaces_ind = replaces ? soci::i_ok : soci::i_null;
    const std::string admin_e164 = admin.str();
    const long long id = db.insert(
        "INSERT INTO remote_service_application (client_id, official_name, bound_email, admin_msisdn, confirmation, "
        "power_of_attorney_id, status, replaces_id, salon_id, created_at, created_by, status_changed_at, fee) "
        "VALUES (:c, :n, :e, :m, :conf, :poa, 'draft', :rep, :s, :now, :by, :now2, 0)",
        soci::use(client_id), soci::use(name), soci::use(email), soci::use(admin_e164), soci::use(confirmation),
        soci::use(poa_id), soci::use(replaces, replaces_ind), soci::use(salon, salon_ind), soci::use(now),
        soci::use(by, by_ind), soci::use(now));
    db.run("INSERT INTO application_status_change (application_id, from_status, to_status, at, actor_id) "
           "VALUES (:a, NULL, 'draft', :at, :by)",
           soci::use(id), soci::use(now), soci::use(by, by_ind));
    actor.record(db, "corporate.application.add", "remote_service_application:" + std::to_string(id),
                 "client=" + std::to_string(client_id) + " poa=" + std::to_string(poa_id) +
                     (replaces ? " replaces=" + std::to_string(replaces) + " fee=0" : std::string()));
    return id;
}

std::int64_t file_application(db::Database& db, const Actor& actor, const ApplicationForm& form) {
    require_corporate_desk(db, actor);
    const CalendarDate today = desk_today(db, actor);
    db::WriteTransaction tx(db);
    const auto id = store_application(db, actor, form, today, 0);
    tx.commit();
    return id;
}

namespace {

std::vector<RemoteServiceApplication> query(db::Database& db, long long only_id, long long only_client) {
    std::vector<RemoteServiceApplication> out;
    RemoteServiceApplication a;
    long long id = 0, client = 0, poa = 0, replaces = 0, salon = 0, created = 0, by = 0, fee = 0;
    soci::indicator replaces_ind = soci::i_ok, salon_ind = soci::i_ok, by_ind = soci::i_ok, salon_name_ind = soci::i_ok;
    std::string confirmation, status, salon_name;
    db::Statement st = db.query(
        "SELECT a.id, a.client_id, a.official_name, a.bound_email, a.admin_msisdn, a.confirmation, "
        "a.power_of_attorney_id, a.status, a.replaces_id, a.salon_id, s.name, a.created_at, a.created_by, a.fee "
        "FROM remote_service_application a LEFT JOIN salon s ON s.id = a.salon_id "
        "WHERE (:only = 0 OR a.id = :only2) AND (:client = 0 OR a.client_id = :client2) ORDER BY a.id DESC",
        soci::use(only_id), soci::use(only_id), soci::use(only_client), soci::use(only_client), soci::into(id),
        soci::into(client), soci::into(a.official_name), soci::into(a.bound_email), soci::into(a.admin_msisdn),
        soci::into(confirmation), soci::into(poa), soci::into(status), soci::into(replaces, replaces_ind),
        soci::into(salon, salon_ind), soci::into(salon_name, salon_name_ind), soci::into(created),
        soci::into(by, by_ind), soci::into(fee));
    st.execute();
    std::vector<long long> poas;
    while (st.fetch()) {
        a.id = id;
        a.client_id = client;
        a.confirmation = authorisation_confirmation_from_string(confirmation);
        a.status = application_status_from_string(status);
        a.replaces_id = replaces_ind == soci::i_null ? 0 : replaces;
        a.salon_id = salon_ind == soci::i_null ? 0 : salon;
        a.salon_name = salon_name_ind == soci::i_null ? std::string() : salon_name;
        a.created_at = created;
        a.created_by = by_ind == soci::i_null ? 0 : by;
        a.fee = fee;
        out.push_back(a);
        poas.push_back(poa);
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i].power_of_attorney = read_power_of_attorney(db, out[i].client_id, poas[i]);
        ApplicationStatusChange change;
        long long at = 0, actor_id = 0;
        std::string from, who;
        soci::indicator from_ind = soci::i_ok, actor_ind = soci::i_ok, who_ind = soci::i_ok;
        const long long app = out[i].id;
        db::Statement h = db.query(
            "SELECT c.from_status, c.to_status, c.at, c.actor_id, s.full_name FROM application_status_change c "
            "LEFT JOIN staff s ON s.id = c.actor_id WHERE c.application_id = :a ORDER BY c.at, c.id",
            soci::use(app), soci::into(from, from_ind), soci::into(change.to_status), soci::into(at),
            soci::into(actor_id, actor_ind), soci::into(who, who_ind));
        h.execute();
        while (h.fetch()) {
            change.from_status = from_ind == soci::i_null ? std::string() : from;
            change.at = at;
            change.actor_id = actor_ind == soci::i_null ? 0 : actor_id;
            change.actor_name = who_ind == soci::i_null ? std::string() : who;
            out[i].history.push_back(change);
        }
    }
    return out;
}

}  // namespace

RemoteServiceApplication read_application(db::Database& db, std::int64_t id) {
    auto found = id ? query(db, id, 0) : std::vector<RemoteServiceApplication>{};
    if (found.empty())
        throw ValidationError(tr("Application"), trf("no remote-service application with number {1}", {std::to_string(id)}));
    return found.front();
}

RemoteServiceApplication get_application(db::Database& db, const Actor& actor, std::int64_t id) {
    require_corporate_reader(db, actor);
    return read_application(db, id);
}

std::vector<RemoteServiceApplication> applications_of(db::Database& db, const Actor& actor, std::int64_t client_id) {
    require_corporate_reader(db, actor);
    return client_id ? query(db, 0, client_id) : std::vector<RemoteServiceApplication>{};
}

std::optional<RemoteServiceApplication> active_application(db::Database& db, std::int64_t client_id) {
    long long id = 0;
    const long long client = client_id;
    if (!db.run("SELECT id FROM remote_service_application WHERE client_id = :c AND status = 'active' "
                "ORDER BY id DESC LIMIT 1",
                soci::use(client), soci::into(id)))
        return std::nullopt;
    return read_application(db, id);
}

void store_application_status(db::Database& db, const Actor& actor, const RemoteServiceApplication& app,
                              ApplicationStatus to) {
    const auto next = next_application_status(app.status);
    if (!next || *next != to)
        throw RefusedError(tr("Application status"),
                           next ? trf("an application that is {1} can only become {2}, not {3}",
                                      {application_status_title(app.status).str(),
                                       application_status_title(*next).str(), application_status_title(to).str()})
                                : trf("an application that is {1} cannot change any more",
                                      {application_status_title(app.status).str()}));
    const long long now = db.now(), id = app.id, by = actor.staff_id(), client = app.client_id;
    soci::indicator by_ind = by ? soci::i_ok : soci::i_null;
    const std::string from(to_string(app.status)), target(to_string(to));
    if (to == ApplicationStatus::active) {
        const std::string today = CalendarDate::of_utc(now).iso();
        if (!app.power_of_attorney.valid_on(today))
            throw RefusedError(tr("Power of attorney"),
                               tr("the application's power of attorney is no longer valid: file a new application"));
        long long other = 0;
        if (db.run("SELECT id FROM remote_service_application WHERE client_id = :c AND status = 'active' AND id <> :id",
                   soci::use(client), soci::use(id), soci::into(other)))
            throw RefusedError(tr("Application status"),
                               trf("the company already has an active application (number {1}): change the "
                                   "administrator instead",
                                   {std::to_string(other)}));
        // R-CORP-4: requests by e-mail are accepted only from the address of the active application.
        db.run("UPDATE corporate_client SET bound_email = :e, updated_at = :now WHERE id = :c",
               soci::use(app.bound_email), soci::use(now), soci::use(client));
        // R-CORP-3: the cabinet is registered for this administrator; a replaced one's blocking stays in
        // the history of applications (R-CORP-7), the cabinet starts its steps again for the new one.
        db.run("INSERT INTO corporate_cabinet (client_id, version, admin_msisdn, step, application_id, updated_at) "
               "VALUES (:c, 'new', :m, 'not_started', :a, :now) "
               "ON CONFLICT (client_id) DO UPDATE SET admin_msisdn = excluded.admin_msisdn, "
               "application_id = excluded.application_id, step = 'not_started', code_requested_at = NULL, "
               "first_sign_in_at = NULL, permanent_password_at = NULL, admin_blocked_at = NULL, "
               "updated_at = excluded.updated_at",
               soci::use(client), soci::use(app.admin_msisdn), soci::use(id), soci::use(now));
    }
    if (to == ApplicationStatus::revoked) {
        // R-CORP-7: with its application the administrator's access to the cabinet ends.
        db.update("UPDATE corporate_cabinet SET admin_blocked_at = :now, updated_at = :now2 "
                  "WHERE client_id = :c AND application_id = :a AND admin_blocked_at IS NULL",
                  soci::use(now), soci::use(now), soci::use(client), soci::use(id));
    }
    db.update("UPDATE remote_service_application SET status = :s, status_changed_at = :now WHERE id = :id",
              soci::use(target), soci::use(now), soci::use(id));
    db.run("INSERT INTO application_status_change (application_id, from_status, to_status, at, actor_id) "
           "VALUES (:a, :f, :t, :at, :by)",
           soci::use(id), soci::use(from), soci::use(target), soci::use(now), soci::use(by, by_ind));
    actor.record(db, "corporate.application.status", "remote_service_application:" + std::to_string(id),
                 from + "->" + target);
}

void advance_application(db::Database& db, const Actor& actor, std::int64_t id, ApplicationStatus to) {
    require_corporate_desk(db, actor);
    db::WriteTransaction tx(db);
    const RemoteServiceApplication app = read_application(db, id);
    store_application_status(db, actor, app, to);
    tx.commit();
}

RemoteServiceApplication mark_application_printed(db::Database& db, const Actor& actor, std::int64_t id) {
    require_corporate_desk(db, actor);
    db::WriteTransaction tx(db);
    RemoteServiceApplication app = read_application(db, id);
    if (app.status == ApplicationStatus::revoked)
        throw RefusedError(tr("Application status"), tr("a revoked application is not printed"));
    if (app.status == ApplicationStatus::draft) {
        store_application_status(db, actor, app, ApplicationStatus::printed);
        app = read_application(db, id);
    } else {
        actor.record(db, "corporate.application.print", "remote_service_application:" + std::to_string(id),
                     "copy again, status=" + std::string(to_string(app.status)));
    }
    tx.commit();
    return app;
}

}  // namespace salon::pos
