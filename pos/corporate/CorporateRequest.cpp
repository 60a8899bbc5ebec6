#include "pos/corporate/CorporateRequest.hpp"

#include "db/Database.hpp"
#include "db/PersonalDataKey.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/corporate/CorporateDesk.hpp"
#include "pos/corporate/MailOutbox.hpp"
#include "pos/corporate/RequestRecogniser.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace salon::pos::corporate {

namespace {

// The corporate desk's checks, as every corporate operation makes them (CorporateDesk.hpp): the permission,
// and for a change a certified specialist who is no trainee (R-TRN-11).
void require_desk(db::Database& db, const Actor& actor) { require_corporate_desk(db, actor); }

struct Client {
    long long id = 0;
    std::string inn;
    std::string name;
};

Client client_by_inn(db::Database& db, const std::string& text) {
    const std::string inn = required_text("inn", tr("INN"), text, 12);
    Client c;
    if (!db.run("SELECT id, inn, official_name FROM corporate_client WHERE inn = :inn", soci::use(inn),
                soci::into(c.id), soci::into(c.inn), soci::into(c.name)))
        throw InputError("inn", tr("INN"), trf("no corporate client with INN {1}", {inn}));
    return c;
}

struct Number {
    long long id = 0;
    long long client_id = 0;
    std::string status;
};

std::optional<Number> number_of(db::Database& db, const Msisdn& msisdn) {
    Number n;
    if (!db.run("SELECT id, client_id, status FROM corporate_number WHERE msisdn = :m",
                soci::use(msisdn.str()), soci::into(n.id), soci::into(n.client_id), soci::into(n.status)))
        return std::nullopt;
    return n;
}

// R-CORP-6: whoever speaks for the company at the desk needs a power of attorney valid today.
void require_power_of_attorney(db::Database& db, long long client_id) {
    const std::string today = CalendarDate::of_utc(db.now()).iso();
    long long id = 0;
    if (!db.run("SELECT id FROM power_of_attorney WHERE client_id = :c AND issued_on <= :t1 AND valid_until "
                ">= :t2 "
                "ORDER BY valid_until DESC LIMIT 1",
                soci::use(client_id), soci::use(today), soci::use(today), soci::into(id)))
        throw RefusedError(
            tr("Power of attorney"),
            tr("the company has no power of attorney valid today on file: a change needs one"));
}

std::int64_t insert_request(db::Database& db, const Actor& actor, long long client_id, RequestKind kind,
                            std::optional<long long> number_id, const std::string& details,
                            const char* source, std::optional<long long> mail_id) {
    const long long now = db.now();
    const long long due = now + info(kind).due_hours * 3600;
    const long long by = actor.staff_id();
    long long number = number_id.value_or(0), mail = mail_id.value_or(0);
    soci::indicator number_ind = number_id ? soci::i_ok : soci::i_null,
                    mail_ind = mail_id ? soci::i_ok : soci::i_null, by_ind = by ? soci::i_ok : soci::i_null;
    const std::string kind_code = code(kind), src = source;
    const std::int64_t id = db.insert(
        "INSERT INTO corporate_request (client_id, kind, number_id, details, source, mail_id, status, "
        "due_at, "
        "created_at, taken_by) VALUES (:c, :k, :n, :d, :s, :m, 'new', :due, :now, :by)",
        soci::use(client_id), soci::use(kind_code), soci::use(number, number_ind), soci::use(details),
        soci::use(src), soci::use(mail, mail_ind), soci::use(due), soci::use(now), soci::use(by, by_ind));
    actor.record(db, "corporate.request.take", "corporate_request:" + std::to_string(id),
                 std::string("kind=") + kind_code + " source=" + src +
                     " client=" + std::to_string(client_id) +
                     (number_id ? " number=" + std::to_string(*number_id) : std::string()));
    return id;
}

const char* kRequestColumns =
    "SELECT r.id, r.client_id, c.inn, c.official_name, r.kind, n.msisdn, r.details, r.source, r.mail_id, "
    "r.status, "
    "r.due_at, r.created_at, r.taken_at, r.done_at, r.reason FROM corporate_request r "
    "JOIN corporate_client c ON c.id = r.client_id LEFT JOIN corporate_number n ON n.id = r.number_id ";

// One row of kRequestColumns as fetched, nullable columns with their indicators.
struct RequestRow {
    long long id = 0, client_id = 0, mail_id = 0, due_at = 0, created_at = 0, taken_at = 0, done_at = 0;
    std::string inn, name, kind, msisdn, details, source, status, reason;
    soci::indicator msisdn_ind{}, mail_ind{}, taken_ind{}, done_ind{}, reason_ind{};

    CorporateRequest value() const {
        CorporateRequest r;
        r.id = id;
        r.client_id = client_id;
        r.inn = inn;
        r.client_name = name;
        r.kind = request_kind_from_code(kind).value_or(RequestKind::block_sim);
        r.msisdn = msisdn_ind == soci::i_null ? std::string() : msisdn;
        r.details = details;
        r.source = source;
        if (mail_ind != soci::i_null) r.mail_id = mail_id;
        r.status = parse_request_status(status);
        r.due_at = due_at;
        r.created_at = created_at;
        if (taken_ind != soci::i_null) r.taken_at = taken_at;
        if (done_ind != soci::i_null) r.done_at = done_at;
        r.reason = reason_ind == soci::i_null ? std::string() : reason;
        return r;
    }
};

template <class... Uses>
std::vector<CorporateRequest> fetch_requests(db::Database& db, const std::string& sql, Uses&&... uses) {
    RequestRow b;
    auto st = db.query(sql, std::forward<Uses>(uses)..., soci::into(b.id), soci::into(b.client_id),
                       soci::into(b.inn), soci::into(b.name), soci::into(b.kind),
                       soci::into(b.msisdn, b.msisdn_ind), soci::into(b.details), soci::into(b.source),
                       soci::into(b.mail_id, b.mail_ind), soci::into(b.status), soci::into(b.due_at),
                       soci::into(b.created_at), soci::into(b.taken_at, b.taken_ind),
                       soci::into(b.done_at, b.done_ind), soci::into(b.reason, b.reason_ind));
    st.execute();
    std::vector<CorporateRequest> out;
    while (st.fetch()) out.push_back(b.value());
    return out;
}

CorporateRequest load(db::Database& db, std::int64_t id) {
    const long long key = id;
    auto rows = fetch_requests(db, std::string(kRequestColumns) + "WHERE r.id = :id", soci::use(key));
    if (rows.empty())
        throw InputError("request", tr("Request"), trf("no request number {1}", {std::to_string(id)}));
    return rows.front();
}

void require_open(const CorporateRequest& r) {
    if (r.status == RequestStatus::done || r.status == RequestStatus::rejected)
        throw RefusedError(tr("Request"), trf("request {1} is already {2}: it cannot change any more",
                                              {std::to_string(r.id), label(r.status).str()}));
}

void set_status(db::Database& db, const Actor& actor, const CorporateRequest& r, RequestStatus to,
                const std::string& reason = {}) {
    const long long now = db.now(), id = r.id, by = actor.staff_id();
    soci::indicator by_ind = by ? soci::i_ok : soci::i_null;
    const std::string status = code(to);
    if (to == RequestStatus::in_progress) {
        db.update("UPDATE corporate_request SET status = :s, taken_at = :now, taken_by = :by WHERE id = :id",
                  soci::use(status), soci::use(now), soci::use(by, by_ind), soci::use(id));
    } else {
        soci::indicator reason_ind = reason.empty() ? soci::i_null : soci::i_ok;
        db.update(
            "UPDATE corporate_request SET status = :s, done_at = :now, reason = :r, "
            "taken_at = COALESCE(taken_at, :now2), taken_by = COALESCE(taken_by, :by) WHERE id = :id",
            soci::use(status), soci::use(now), soci::use(reason, reason_ind), soci::use(now),
            soci::use(by, by_ind), soci::use(id));
    }
}

// The address R-CORP-4 accepts mail from and R-CORP-13 answers to: the active application's.
std::optional<std::string> bound_address(db::Database& db, long long client_id) {
    std::string email;
    if (!db.run(
            "SELECT bound_email FROM remote_service_application WHERE client_id = :c AND status = 'active' "
            "ORDER BY id DESC LIMIT 1",
            soci::use(client_id), soci::into(email)))
        return std::nullopt;
    return email;
}

// The company whose active application binds `address`, compared without regard to case.
std::optional<Client> client_bound_to(db::Database& db, const std::string& address) {
    // Addresses are ASCII in practice (an internationalised one compares as typed): lower() on both
    // backends lower-cases ASCII alike.
    Client c;
    if (!db.run("SELECT c.id, c.inn, c.official_name FROM remote_service_application a "
                "JOIN corporate_client c ON c.id = a.client_id "
                "WHERE a.status = 'active' AND lower(a.bound_email) = :addr ORDER BY a.id DESC LIMIT 1",
                soci::use(address), soci::into(c.id), soci::into(c.inn), soci::into(c.name)))
        return std::nullopt;
    return c;
}

struct Verdict {
    MailOutcome outcome = MailOutcome::unrecognised;
    std::optional<Client> client;
    std::optional<RecognisedRequest> request;
    std::vector<long long> number_ids;
    Text reason;
    const char* reason_code = "";
};

// What the mail is, decided from the database as it stands under the import's lock.
Verdict judge(db::Database& db, const InboundMail& mail) {
    Verdict v;
    v.client = client_bound_to(db, mail.from_address);
    v.request = RequestRecogniser().recognise(mail.subject, mail.body);
    if (!v.request) {
        v.reason = tr("no request the station recognises: a person reads it");
        v.reason_code = "unrecognised";
        return v;
    }
    v.outcome = MailOutcome::rejected;
    if (!v.client) {
        v.reason = trf("the sender's address {1} is not bound to any company's active remote service",
                       {mail.from_address});
        v.reason_code = "foreign_address";
        return v;
    }
    const auto& kind = info(v.request->kind);
    if (v.request->kind == RequestKind::unblock_sim) {
        v.reason = tr("a number is unblocked at the desk with a power of attorney, not by e-mail");
        v.reason_code = "unblock_by_mail";
        return v;
    }
    for (const auto& number : v.request->numbers) {
        const auto n = number_of(db, number);
        if (!n || n->client_id != v.client->id) {
            v.reason = trf("the number {1} is not under the company's contract", {number.display()});
            v.reason_code = "foreign_number";
            return v;
        }
        v.number_ids.push_back(n->id);
    }
    if (kind.per_number && v.number_ids.empty()) {
        v.reason = trf("the mail asks to {1} but names no number of the company", {label(kind.kind).str()});
        v.reason_code = "no_number";
        return v;
    }
    v.outcome = MailOutcome::request;
    return v;
}

MailImportResult import_one(db::Database& db, const Actor& actor, const InboundMailFile& file) {
    MailImportResult result;
    result.path = file.path;
    if (!file.mail) {
        result.outcome = MailOutcome::unreadable;
        result.reason = file.problem;
        return result;
    }
    const InboundMail& mail = *file.mail;
    result.message_id = mail.message_id;
    // Sealed before the lock is taken: the key is read once per connection.
    const std::string sealed =
        db::personal_data_key(db).seal(mail.body, "inbound_mail.body:" + mail.message_id);

    db::WriteTransaction tx(db);
    require_desk(db, actor);
    long long earlier = 0;
    if (db.run("SELECT id FROM inbound_mail WHERE message_id = :m", soci::use(mail.message_id),
               soci::into(earlier))) {
        result.outcome = MailOutcome::duplicate;
        result.mail_id = earlier;
        result.reason = trf("already imported (mail {1})", {std::to_string(earlier)});
        return result;  // nothing written: the transaction rolls back
    }
    Verdict v = judge(db, mail);
    const long long now = db.now(), by = actor.staff_id();
    const long long received = mail.date.value_or(0), client = v.client ? v.client->id : 0;
    soci::indicator received_ind = mail.date ? soci::i_ok : soci::i_null,
                    client_ind = v.client ? soci::i_ok : soci::i_null,
                    by_ind = by ? soci::i_ok : soci::i_null;
    const std::string outcome = v.outcome == MailOutcome::request    ? "request"
                                : v.outcome == MailOutcome::rejected ? "rejected"
                                                                     : "unrecognised";
    const std::string reason = v.outcome == MailOutcome::request ? std::string() : v.reason.str();
    soci::indicator reason_ind = reason.empty() ? soci::i_null : soci::i_ok;
    const long long mail_id = db.insert(
        "INSERT INTO inbound_mail (message_id, from_address, subject, received_at, outcome, reason, "
        "client_id, "
        "body_sealed, imported_at, imported_by) VALUES (:m, :f, :s, :r, :o, :why, :c, :b, :now, :by)",
        soci::use(mail.message_id), soci::use(mail.from_address), soci::use(mail.subject),
        soci::use(received, received_ind), soci::use(outcome), soci::use(reason, reason_ind),
        soci::use(client, client_ind), soci::use(sealed), soci::use(now), soci::use(by, by_ind));
    result.mail_id = mail_id;
    result.outcome = v.outcome;
    result.reason = v.reason;
    // The journal names the outcome and why, never the sender's address or the text (personal data).
    actor.record(db, "corporate.mail.import", "inbound_mail:" + std::to_string(mail_id),
                 "outcome=" + outcome +
                     (v.reason_code[0] ? std::string(" reason=") + v.reason_code : std::string()) +
                     (v.client ? " client=" + std::to_string(v.client->id) : std::string()));
    if (v.outcome == MailOutcome::request) {
        nlohmann::json details = {{"subject", mail.subject}, {"numbers", nlohmann::json::array()}};
        for (const auto& n : v.request->numbers) details["numbers"].push_back(n.str());
        if (!mail.attachments.empty()) details["attachments"] = mail.attachments;
        const std::string text = details.dump();
        if (info(v.request->kind).per_number) {
            for (long long number : v.number_ids)
                result.request_ids.push_back(
                    insert_request(db, actor, v.client->id, v.request->kind, number, text, "mail", mail_id));
        } else {
            result.request_ids.push_back(insert_request(db, actor, v.client->id, v.request->kind,
                                                        std::nullopt, text, "mail", mail_id));
        }
    }
    tx.commit();
    return result;
}

std::string number_list_text(db::Database& db, const Client& client, std::size_t& count) {
    std::string body = "Список номеров по договору / Numbers under the contract\n" + client.name + ", ИНН " +
                       client.inn + "\n\n";
    std::string msisdn, tariff, status;
    const long long client_id = client.id;
    auto st = db.query(
        "SELECT n.msisdn, t.name, n.status FROM corporate_number n JOIN tariff t ON t.id = n.tariff_id "
        "WHERE n.client_id = :c ORDER BY n.msisdn",
        soci::use(client_id), soci::into(msisdn), soci::into(tariff), soci::into(status));
    st.execute();
    count = 0;
    while (st.fetch()) {
        body += Msisdn::stored(msisdn).display() + "\t" + tariff + "\t" +
                (status == "blocked" ? "заблокирован / blocked" : "активен / active") + "\n";
        ++count;
    }
    body += "\nВсего номеров / Numbers in all: " + std::to_string(count) + "\n";
    return body;
}

}  // namespace

const char* code(RequestStatus status) {
    switch (status) {
    case RequestStatus::fresh: return "new";
    case RequestStatus::in_progress: return "in_progress";
    case RequestStatus::done: return "done";
    case RequestStatus::rejected: return "rejected";
    }
    return "new";
}

Text label(RequestStatus status) {
    switch (status) {
    case RequestStatus::fresh: return tr("new, not started");
    case RequestStatus::in_progress: return tr("in progress");
    case RequestStatus::done: return tr("done");
    case RequestStatus::rejected: return tr("rejected");
    }
    return tr("new, not started");
}

RequestStatus parse_request_status(std::string_view text) {
    for (auto s :
         {RequestStatus::fresh, RequestStatus::in_progress, RequestStatus::done, RequestStatus::rejected})
        if (text == code(s)) return s;
    throw InputError(
        "status", tr("Request status"),
        trf("unknown status \"{1}\"; one of: new, in_progress, done, rejected", {std::string(text)}));
}

const char* code(MailOutcome outcome) {
    switch (outcome) {
    case MailOutcome::request: return "request";
    case MailOutcome::rejected: return "rejected";
    case MailOutcome::unrecognised: return "unrecognised";
    case MailOutcome::duplicate: return "duplicate";
    case MailOutcome::unreadable: return "unreadable";
    }
    return "unreadable";
}

std::int64_t take_request(db::Database& db, const Actor& actor, const DeskRequestForm& form) {
    // Everything typed is checked before the write lock is taken.
    const RequestKind kind = parse_input("kind", [&] { return parse_request_kind(form.kind); });
    if (kind == RequestKind::unblock_sim)
        throw InputError("kind", tr("request kind"),
                         tr("a number is unblocked by its own operation (corporate requests unblock)"));
    std::optional<Msisdn> number;
    const bool blank_number = form.number.find_first_not_of(" \t") == std::string::npos;
    if (!blank_number) number = parse_input("number", [&] { return Msisdn::parse(form.number); });
    if (info(kind).per_number && !number)
        throw InputError("number", tr("Number"),
                         trf("a request to {1} names the number", {label(kind).str()}));
    nlohmann::json details = nlohmann::json::object();
    if (form.details.find_first_not_of(" \t") != std::string::npos)
        details["note"] = required_text("details", tr("Details"), form.details);

    db::WriteTransaction tx(db);
    require_desk(db, actor);
    const Client client = client_by_inn(db, form.inn);
    require_power_of_attorney(db, client.id);
    std::optional<long long> number_id;
    if (number) {
        const auto n = number_of(db, *number);
        if (!n || n->client_id != client.id)
            throw InputError("number", tr("Number"),
                             trf("the number {1} is not under the company's contract", {number->display()}));
        number_id = n->id;
        details["numbers"] = nlohmann::json::array({number->str()});
    }
    const std::int64_t id =
        insert_request(db, actor, client.id, kind, number_id, details.dump(), "desk", std::nullopt);
    tx.commit();
    return id;
}

std::vector<MailImportResult> import_mail(db::Database& db, const Actor& actor,
                                          const std::vector<InboundMailFile>& files) {
    std::vector<MailImportResult> out;
    out.reserve(files.size());
    for (const auto& file : files) out.push_back(import_one(db, actor, file));
    return out;
}

std::vector<CorporateRequest> list_requests(db::Database& db, const Actor& actor,
                                            const RequestFilter& filter) {
    require_corporate_reader(db, actor);
    std::string sql = kRequestColumns;
    sql += "WHERE (:s1 = '' OR r.status = :s2) AND (:i1 = '' OR c.inn = :i2) ORDER BY r.due_at, r.id";
    const std::string status = filter.status ? code(*filter.status) : "";
    return fetch_requests(db, sql, soci::use(status), soci::use(status), soci::use(filter.inn),
                          soci::use(filter.inn));
}

CorporateRequest find_request(db::Database& db, const Actor& actor, std::int64_t id) {
    require_corporate_reader(db, actor);
    return load(db, id);
}

void start_request(db::Database& db, const Actor& actor, std::int64_t id) {
    db::WriteTransaction tx(db);
    require_desk(db, actor);
    const CorporateRequest r = load(db, id);
    require_open(r);
    if (r.status == RequestStatus::in_progress)
        throw RefusedError(tr("Request"), trf("request {1} is already in progress", {std::to_string(id)}));
    set_status(db, actor, r, RequestStatus::in_progress);
    actor.record(db, "corporate.request.start", "corporate_request:" + std::to_string(id),
                 std::string("kind=") + code(r.kind));
    tx.commit();
}

RequestCompletion complete_request(db::Database& db, const Actor& actor, std::int64_t id,
                                   const std::string& outbox) {
    RequestCompletion done;
    db::WriteTransaction tx(db);
    require_desk(db, actor);
    const CorporateRequest r = load(db, id);
    require_open(r);
    std::string details = std::string("kind=") + code(r.kind);
    if (r.kind == RequestKind::block_sim && !r.msisdn.empty()) {
        const auto number = number_of(db, Msisdn::stored(r.msisdn));
        const long long now = db.now(), number_id = number ? number->id : 0;
        if (number && number->status != "blocked") {
            db.update(
                "UPDATE corporate_number SET status = 'blocked', status_changed_at = :now WHERE id = :id",
                soci::use(now), soci::use(number_id));
            actor.record(db, "corporate.number.block", "corporate_number:" + std::to_string(number_id),
                         "request=" + std::to_string(id));
        }
        done.number_blocked = true;
    }
    if (r.kind == RequestKind::number_list) {
        // R-CORP-13: only ever to the address bound now, whoever asked and from wherever.
        const auto address = bound_address(db, r.client_id);
        if (!address)
            throw RefusedError(
                tr("Request"),
                tr("the company has no active remote-service application: the list of its numbers is "
                   "sent only to the address bound in it"));
        const Client client{r.client_id, r.inn, r.client_name};
        const std::string body = number_list_text(db, client, done.numbers_listed);
        // Written before the commit: an answer written twice is better than one recorded and never written.
        const WrittenMail written = MailOutbox::write(
            outbox, {*address, "Список номеров по договору / The list of your numbers", body});
        done.answer_message_id = written.message_id;
        done.answer_path = written.path;
        done.answered_to = *address;
        details += " answer=" + written.message_id + " numbers=" + std::to_string(done.numbers_listed);
    }
    set_status(db, actor, r, RequestStatus::done);
    actor.record(db, "corporate.request.done", "corporate_request:" + std::to_string(id), details);
    tx.commit();
    return done;
}

void reject_request(db::Database& db, const Actor& actor, std::int64_t id, const std::string& reason_text) {
    const std::string reason = required_text("reason", tr("Reason"), reason_text);
    db::WriteTransaction tx(db);
    require_desk(db, actor);
    const CorporateRequest r = load(db, id);
    require_open(r);
    set_status(db, actor, r, RequestStatus::rejected, reason);
    // The reason is the specialist's words about a company's request: kept on the request, not in the
    // journal.
    actor.record(db, "corporate.request.reject", "corporate_request:" + std::to_string(id),
                 std::string("kind=") + code(r.kind));
    tx.commit();
}

void unblock_number(db::Database& db, const Actor& actor, const std::string& inn,
                    const std::string& number_text, const std::string& reason_text) {
    const Msisdn msisdn = parse_input("number", [&] { return Msisdn::parse(number_text); });
    required_text("reason", tr("Reason"), reason_text);
    db::WriteTransaction tx(db);
    require_desk(db, actor);
    const Client client = client_by_inn(db, inn);
    require_power_of_attorney(db, client.id);
    const auto n = number_of(db, msisdn);
    if (!n || n->client_id != client.id)
        throw InputError("number", tr("Number"),
                         trf("the number {1} is not under the company's contract", {msisdn.display()}));
    if (n->status != "blocked")
        throw RefusedError(tr("Number"), trf("the number {1} is not blocked", {msisdn.display()}));
    const long long now = db.now(), id = n->id;
    db.update("UPDATE corporate_number SET status = 'active', status_changed_at = :now WHERE id = :id",
              soci::use(now), soci::use(id));
    actor.record(db, "corporate.number.unblock", "corporate_number:" + std::to_string(id),
                 "client=" + std::to_string(client.id));
    tx.commit();
}

}  // namespace salon::pos::corporate
