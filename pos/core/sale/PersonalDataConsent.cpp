#include "pos/core/sale/PersonalDataConsent.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/Permission.hpp"

#include <unicode/unistr.h>

#include <algorithm>

namespace salon::pos {

namespace {

constexpr std::int32_t kMinReasonLength = 3;

// Every version ever printed stays here: a contract names its version and is read back with it.
const std::vector<ConsentText>& versions() {
    static const std::vector<ConsentText> all = {
        {"2026-12",
         {tr("surname, first name and patronymic"), tr("date of birth"),
          tr("identity document: series and number, date and office of issue"), tr("registration address"),
          tr("contact phone number"),
          tr("the subscriber numbers, SIM cards, tariffs and services under the contract")},
         {tr("to conclude and perform the contract for communication services and settle payments under it"),
          tr("to identify the subscriber as the law on communications requires (126-FZ art. 44)"),
          tr("to keep the information about subscribers the law on communications requires (126-FZ art. 53, 64)")},
         tr("to receive offers of the operator's services by phone calls and SMS"),
         tr("while the contract is in force and for 3 years after it ends, the period for which the law on "
            "communications keeps information about subscribers"),
         tr("The consent may be withdrawn at any salon by the subscriber's statement. After it the contact "
            "phone number is erased and no offers are sent; the data the contract and the law on communications "
            "require are kept sealed for the term above and are not shown at the salon.")},
    };
    return all;
}

std::string keep_until_of(std::int64_t ended_at) {
    // The same calendar day N years on; 29 February becomes 28 February in a year without it.
    const CalendarDate ended = CalendarDate::of_utc(ended_at);
    std::string iso = ended.iso();
    iso.replace(0, 4, std::to_string(ended.year() + kConsentYearsAfterContract));
    if (iso.substr(5) == "02-29") iso.replace(8, 2, "28");
    return iso;
}

ConsentState read_state(db::Database& db, std::int64_t client_id) {
    ConsentState s;
    const long long id = client_id;
    long long at = 0;
    std::string by, reason;
    soci::indicator found = soci::i_null;
    db.run("SELECT w.withdrawn_at, st.full_name, w.reason FROM consent_withdrawal w JOIN staff st ON st.id = "
           "w.staff_id WHERE w.client_id = :c ORDER BY w.withdrawn_at DESC, w.id DESC LIMIT 1",
           soci::use(id), soci::into(at, found), soci::into(by), soci::into(reason));
    // Offers come only from contracts in force signed after the latest withdrawal: it turned the older
    // ones' offers off.
    const long long offers_after = found == soci::i_ok ? at : -1;
    {
        // The contracts of the client, newest first: the latest one that recorded consent names the text.
        std::string version;
        long long started = 0, ended = 0;
        int marketing = 0;
        soci::indicator version_ind = soci::i_null, ended_ind = soci::i_null;
        auto st = db.query(
            "SELECT consent_text, started_at, consent_marketing, ended_at FROM subscription "
            "WHERE client_id = :c ORDER BY started_at DESC, id DESC",
            soci::use(id), soci::into(version, version_ind), soci::into(started), soci::into(marketing),
            soci::into(ended, ended_ind));
        st.execute();
        while (st.fetch()) {
            const bool live = ended_ind != soci::i_ok;
            if (live) ++s.live_contracts;
            else s.last_ended_at = std::max<std::int64_t>(s.last_ended_at, ended);
            if (version_ind == soci::i_ok && s.text_version.empty()) {
                s.text_version = version;
                s.given_at = started;
            }
            if (live && marketing != 0 && started > offers_after) s.marketing = true;
        }
    }
    // A withdrawal counts until the client signs a new contract with the consent (a later SIM sale).
    if (found == soci::i_ok && at >= s.given_at) {
        s.withdrawn_at = at;
        s.withdrawn_by = by;
        s.withdrawal_reason = reason;
        s.marketing = false;
    }
    if (s.live_contracts == 0 && s.last_ended_at != 0) s.keep_until = keep_until_of(s.last_ended_at);
    return s;
}

void require_client(db::Database& db, std::int64_t client_id) {
    const long long id = client_id;
    int n = 0;
    db.run("SELECT COUNT(*) FROM client WHERE id = :id", soci::use(id), soci::into(n));
    if (n == 0) throw ValidationError(tr("Client"), trf("no client with number {1}", {std::to_string(client_id)}));
}

}  // namespace

const ConsentText& current_consent_text() { return versions().back(); }

const ConsentText* consent_text(const std::string& version) {
    for (const auto& v : versions())
        if (v.version == version) return &v;
    return nullptr;
}

std::vector<std::string> consent_paragraphs(const ConsentText& text, bool marketing) {
    auto joined = [](const std::vector<Text>& items) {
        std::string out;
        for (const auto& t : items) out += (out.empty() ? "" : "; ") + t.str();
        return out;
    };
    return {
        trf("Consent to the processing of personal data (152-FZ art. 9), text version {1}", {text.version}).str(),
        trf("The subscriber agrees that the operator and the dealer's salon acting for it process his personal "
            "data: {1}.",
            {joined(text.categories)})
            .str(),
        trf("Purposes: {1}.", {joined(text.purposes)}).str(),
        trf("Term: {1}.", {text.term.str()}).str(),
        (marketing ? trf("The subscriber AGREES {1}.", {text.marketing.str()})
                   : trf("The subscriber does NOT agree {1}.", {text.marketing.str()}))
            .str(),
        text.withdrawal.str(),
    };
}

ConsentState consent_state(db::Database& db, const Actor& actor, std::int64_t client_id) {
    actor.confirm(db);
    require_client(db, client_id);
    return read_state(db, client_id);
}

std::int64_t consent_withdrawn_at(db::Database& db, std::int64_t client_id) {
    // The latest withdrawal, unless a contract with consent was signed after it.
    const long long id = client_id;
    long long withdrawn = 0, given = 0;
    soci::indicator w = soci::i_null, g = soci::i_null;
    db.run("SELECT (SELECT MAX(withdrawn_at) FROM consent_withdrawal WHERE client_id = :c), "
           "(SELECT MAX(started_at) FROM subscription WHERE client_id = :c2 AND consent_text IS NOT NULL)",
           soci::use(id), soci::use(id), soci::into(withdrawn, w), soci::into(given, g));
    if (w != soci::i_ok) return 0;
    if (g == soci::i_ok && given > withdrawn) return 0;
    return withdrawn;
}

void require_consent_not_withdrawn(db::Database& db, std::int64_t client_id) {
    const std::int64_t at = consent_withdrawn_at(db, client_id);
    if (at == 0) return;
    throw RefusedError(
        trf("The client withdrew his consent to the processing of personal data on {1}: his data are kept sealed "
            "only as the contract and the law on communications require and are not shown at the salon.",
            {CalendarDate::of_utc(at).display()}));
}

ConsentState withdraw_consent(db::Database& db, const Actor& actor, std::int64_t client_id,
                              const std::string& reason) {
    if (!actor.may(db, Permission::sell)) actor.require(db, Permission::corporate_desk);
    // The withdrawal is the client's statement taken by a person: the command line's administrator is
    // no one the journal could name.
    if (actor.staff_id() == 0)
        throw RefusedError(tr("A withdrawal of consent is taken by a specialist signed in at the desk (--as)."));
    const std::string why = required_text("reason", tr("Reason"), reason, 500);
    if (icu::UnicodeString::fromUTF8(why).countChar32() < kMinReasonLength)
        throw InputError("reason", tr("Reason"),
                         trf("say why in at least {1} characters", {std::to_string(kMinReasonLength)}));
    db::WriteTransaction tx(db);
    require_client(db, client_id);
    if (const std::int64_t at = consent_withdrawn_at(db, client_id))
        throw RefusedError(trf("The client already withdrew his consent on {1}.", {CalendarDate::of_utc(at).display()}));
    const long long id = client_id, now = db.now(), staff = actor.staff_id(), salon = actor.member().salon_id;
    soci::indicator salon_ind = salon ? soci::i_ok : soci::i_null;
    db.run("INSERT INTO consent_withdrawal (client_id, withdrawn_at, staff_id, salon_id, reason) "
           "VALUES (:c, :at, :s, :sa, :r)",
           soci::use(id), soci::use(now), soci::use(staff), soci::use(salon, salon_ind), soci::use(why));
    int had_phone = 0;
    db.run("SELECT COUNT(*) FROM client WHERE id = :c AND phone IS NOT NULL", soci::use(id), soci::into(had_phone));
    db.run("UPDATE client SET phone = NULL, updated_at = :now WHERE id = :c", soci::use(now), soci::use(id));
    const ConsentState s = read_state(db, client_id);
    // The journal names what was done, not the client's words (they may hold personal data).
    actor.record(db, "personal_data.consent_withdraw", "client:" + std::to_string(client_id),
                 std::string("phone_erased=") + (had_phone ? "yes" : "no") + " marketing=off live_contracts=" +
                     std::to_string(s.live_contracts) +
                     (s.keep_until.empty() ? std::string(" kept=while_contract_in_force")
                                           : " kept_until=" + s.keep_until));
    tx.commit();
    return s;
}

}  // namespace salon::pos

namespace salon::pos {

namespace {

// The marker left in the passport's search hash of an erased client: unique per record (the index is), and
// never a hash (those are 22 characters of base64).
std::string erased_hash(std::int64_t client_id) { return "erased:" + std::to_string(client_id); }

}  // namespace

bool personal_data_erased(db::Database& db, std::int64_t client_id) {
    const long long id = client_id;
    int n = 0;
    db.run("SELECT COUNT(*) FROM client WHERE id = :c AND personal_data = ''", soci::use(id), soci::into(n));
    return n > 0;
}

PersonalDataPurge purge_expired_personal_data(db::Database& db, const Actor& actor, bool dry_run) {
    if (!actor.may(db, Permission::sell) && !actor.may(db, Permission::shift_open_close) &&
        !actor.may(db, Permission::corporate_desk))
        actor.require(db, Permission::administer_database);
    PersonalDataPurge out;
    out.dry_run = dry_run;
    db::WriteTransaction tx(db);
    const long long now = db.now();
    out.today = CalendarDate::of_utc(now).iso();
    // Three years are at least 1095 days: the query keeps only those whose term may have ended, the exact
    // calendar day is compared below (keep_until_of, as the card shows it).
    const long long cutoff = now - 1095LL * 86400;
    struct Candidate {
        long long id = 0, last = 0;
    };
    std::vector<Candidate> candidates;
    {
        long long id = 0, updated = 0, ended = 0;
        soci::indicator ended_ind = soci::i_null;
        // Clients not erased yet with no contract in force; the last contract's end, or for a client who
        // never had one the record's last change.
        auto st = db.query(
            "SELECT c.id, c.updated_at, MAX(s.ended_at) FROM client c LEFT JOIN subscription s ON s.client_id = c.id "
            "WHERE c.personal_data <> '' GROUP BY c.id, c.updated_at "
            "HAVING COUNT(s.id) = COUNT(s.ended_at) AND COALESCE(MAX(s.ended_at), c.updated_at) < :cutoff "
            "ORDER BY c.id",
            soci::use(cutoff), soci::into(id), soci::into(updated), soci::into(ended, ended_ind));
        st.execute();
        while (st.fetch()) candidates.push_back({id, ended_ind == soci::i_ok ? ended : updated});
    }
    for (const Candidate& c : candidates) {
        // A port-in still waiting for the donor is a contract being performed; a closed one counts from its
        // last change.
        int open = 0;
        long long last_request = 0;
        soci::indicator last_ind = soci::i_null;
        db.run("SELECT COUNT(CASE WHEN status IN ('submitted', 'accepted') THEN 1 END), MAX(updated_at) "
               "FROM port_request WHERE client_id = :c",
               soci::use(c.id), soci::into(open), soci::into(last_request, last_ind));
        if (open > 0) continue;
        const long long last = last_ind == soci::i_ok ? std::max(c.last, last_request) : c.last;
        const std::string keep_until = keep_until_of(last);
        if (!(keep_until < out.today)) continue;
        int withdrawals = 0;
        db.run("SELECT COUNT(*) FROM consent_withdrawal WHERE client_id = :c", soci::use(c.id), soci::into(withdrawals));
        out.clients.push_back({c.id, keep_until, withdrawals > 0});
        if (dry_run) continue;
        const std::string marker = erased_hash(c.id);
        db.run("UPDATE client SET full_name = '—', personal_data = '', phone = NULL, document_hash = :h, "
               "updated_at = :now WHERE id = :c",
               soci::use(marker), soci::use(now), soci::use(c.id));
        db.run("UPDATE consent_withdrawal SET reason = '' WHERE client_id = :c", soci::use(c.id));
        actor.record(db, "personal_data.erase", "client:" + std::to_string(c.id),
                     "term_ended kept_until=" + keep_until + (withdrawals > 0 ? " withdrawn=yes" : " withdrawn=no"));
    }
    if (!dry_run) tx.commit();
    return out;
}

}  // namespace salon::pos
