#include "pos/core/sale/Client.hpp"

#include "db/Database.hpp"
#include "db/PersonalDataKey.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/core/identifiers/Passport.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/identifiers/PersonalDataMask.hpp"
#include "pos/core/organisation/StationSetting.hpp"
#include "pos/core/sale/PersonalDataConsent.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace salon::pos {

namespace {

constexpr int kMinAge = 14;  // a Russian passport is issued at 14
constexpr int kMaxAge = 120;
constexpr std::size_t kMinReasonLength = 10;

// Two to four words of letters, with hyphens and apostrophes inside words; spaces collapsed. Read code point
// by code point from the UTF-8 itself (a byte sequence that is not UTF-8 reads as no letter): ICU's
// UTF-16 strings there and back cost a sale's form several microseconds.
std::string parse_full_name(const std::string& typed) {
    const std::string text = required_text("full_name", tr("Full name"), typed, 200);
    std::string clean;
    clean.reserve(text.size());
    int words = 0;
    bool in_word = false;
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        const int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c >= 0 && u_isUWhiteSpace(c)) {
            in_word = false;
            continue;
        }
        if (!in_word) {
            if (c < 0 || !u_isalpha(c))
                throw InputError("full_name", tr("Full name"), tr("every word must begin with a letter"));
            if (words > 0) clean += ' ';
            ++words;
            in_word = true;
        } else if (c < 0 || (!u_isalpha(c) && c != '-' && c != '\'' && c != 0x2019)) {
            throw InputError("full_name", tr("Full name"), tr("may hold only letters, hyphens and apostrophes"));
        }
        clean.append(text, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    }
    if (words < 2 || words > 4)
        throw InputError("full_name", tr("Full name"), tr("must be a surname and a first name (and a patronymic)"));
    return clean;
}

// Letters as a person counts them, not UTF-8 bytes (a byte sequence that is not UTF-8 counts as one).
std::int32_t characters(const std::string& text) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    std::int32_t count = 0;
    for (int32_t i = 0; i < length; ++count) {
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
    }
    return count;
}

std::string optional_phone(const std::string& typed) {
    if (typed.find_first_not_of(" \t") == std::string::npos) return {};
    return parse_input("phone", [&] { return Msisdn::parse(typed); }).str();
}

ClientSummary summary_of(const ClientRecord& c, int live, bool consent_withdrawn = false) {
    ClientSummary s;
    s.id = c.id;
    // After a withdrawal of consent the card shows the name masked like the lists (152-FZ art. 21).
    s.full_name = consent_withdrawn ? mask_full_name(c.full_name) : c.full_name;
    if (!c.passport.empty()) s.passport = mask(Passport::parse(c.passport));  // empty once erased
    s.birth_date = mask_birth_date(c.birth_date);
    s.address = mask_address(c.address);
    if (!c.phone.empty()) s.phone = mask(Msisdn::stored(c.phone));
    s.live_numbers = live;
    return s;
}

// The passport's keyed hash, by which the desk finds the client (the value itself is sealed).
std::string passport_hash(db::Database& db, const std::string& passport) {
    return db::personal_data_key(db).compact_search_hash(passport);
}

// The record's sealed values, in the order client.personal_data keeps them (migration 14's data step
// writes the same order).
constexpr std::size_t kSealedFields = 5;
std::string seal_personal_data(const db::PersonalDataKey& key, const ClientRecord& c,
                               const std::string& hash) {
    return key.seal_fields({c.birth_date, c.passport, c.document_issued_on, c.document_issuer, c.address},
                           db::client_place("personal_data", hash));
}

db::Read client_read(const std::string& where_column, long long id, const std::string& hash) {
    const std::string sql = "SELECT id, full_name, personal_data, phone, document_hash FROM client WHERE " +
                            where_column;  // a fixed column name chosen below, never input
    return {sql, {where_column == "id = :v" ? db::Param(id) : db::Param(hash)}};
}

std::optional<ClientRecord> read_client(db::Database& db, const std::string& where_column, long long id,
                                        const std::string& hash) {
    const std::vector<db::TextRow> rows = db.read_rows(client_read(where_column, id, hash));
    if (rows.empty()) return std::nullopt;
    const db::TextRow& row = rows.front();
    ClientRecord c;
    c.id = db::row_integer(row, 0);
    c.full_name = db::row_text(row, 1);
    const std::string sealed = db::row_text(row, 2), stored_hash = db::row_text(row, 4);
    c.phone = db::row_text(row, 3);
    // Erased at the term's end (purge_expired_personal_data): nothing sealed is left to open.
    if (sealed.empty()) return c;
    std::vector<std::string> values = db::personal_data_key(db).open_fields(
        sealed, db::client_place("personal_data", stored_hash), kSealedFields);
    c.birth_date = std::move(values[0]);
    c.passport = std::move(values[1]);
    c.document_issued_on = std::move(values[2]);
    c.document_issuer = std::move(values[3]);
    c.address = std::move(values[4]);
    return c;
}

std::optional<ClientRecord> client_by_id(db::Database& db, std::int64_t id) {
    return read_client(db, "id = :v", id, {});
}
std::optional<ClientRecord> client_by_passport(db::Database& db, const Passport& passport) {
    // document_kind can only be 'passport_rf' (the unique index holds the hash alone since version 14).
    return read_client(db, "document_hash = :v", 0, passport_hash(db, passport.str()));
}
}  // namespace

void announce_client_by_passport(db::Database& db, const Passport& passport) {
    if (!db.reads_ahead()) return;
    db.read_ahead(client_read("document_hash = :v", 0, passport_hash(db, passport.str())));
}

namespace {

void require_desk(db::Database& db, const Actor& actor) {
    if (!actor.may(db, Permission::sell)) actor.require(db, Permission::corporate_desk);
}

ClientRecord existing(db::Database& db, std::int64_t id) {
    auto c = client_by_id(db, id);
    if (!c || id == 0) throw ValidationError(tr("Client"), trf("no client with number {1}", {std::to_string(id)}));
    return *c;
}

}  // namespace

ClientRecord parse_client_form(const ClientForm& form, const std::string& today_iso) {
    const CalendarDate today = CalendarDate::parse(today_iso, "today", tr("Date"));
    ClientRecord c;
    c.full_name = parse_full_name(form.full_name);
    const CalendarDate birth = CalendarDate::parse(form.birth_date, "birth_date", tr("Date of birth"));
    const int age = birth.whole_years_until(today);
    if (birth > today) throw InputError("birth_date", tr("Date of birth"), tr("cannot be in the future"));
    if (age < kMinAge)
        throw InputError("birth_date", tr("Date of birth"),
                         trf("the client must be at least {1} years old", {std::to_string(kMinAge)}));
    if (age > kMaxAge) throw InputError("birth_date", tr("Date of birth"), tr("is not a plausible date of birth"));
    c.birth_date = birth.iso();
    c.passport = parse_input("passport", [&] { return Passport::parse(form.passport); }).str();
    const CalendarDate issued =
        CalendarDate::parse(form.document_issued_on, "document_issued_on", tr("Date of issue"));
    if (issued > today) throw InputError("document_issued_on", tr("Date of issue"), tr("cannot be in the future"));
    if (birth.whole_years_until(issued) < kMinAge)
        throw InputError("document_issued_on", tr("Date of issue"),
                         tr("a passport is issued at 14 at the earliest: check the date or the date of birth"));
    c.document_issued_on = issued.iso();
    c.document_issuer = required_text("document_issuer", tr("Issued by"), form.document_issuer, 300);
    if (characters(c.document_issuer) < 5)
        throw InputError("document_issuer", tr("Issued by"), tr("write the issuing office as in the passport"));
    c.address = required_text("address", tr("Registration address"), form.address, 500);
    if (characters(c.address) < 10)
        throw InputError("address", tr("Registration address"), tr("write the whole address: region, town, street, house"));
    c.phone = optional_phone(form.phone);
    return c;
}

std::int64_t store_client(db::Database& db, const Actor& actor, const ClientRecord& c) {
    return store_client(db, actor, c, client_by_passport(db, Passport::parse(c.passport)));
}

std::int64_t store_client(db::Database& db, const Actor& actor, const ClientRecord& c,
                          const std::optional<ClientRecord>& before) {
    const long long now = db.now();
    const long long by = actor.staff_id();
    // Sealed under the deployment's key and bound to the column and the passport (152-FZ art. 19), the
    // five values as one: one nonce, one tag and one random draw per client, a row of about 360 bytes
    // instead of 630 (two to a 1 KiB page instead of one: fewer pages for a sale to write).
    const std::string hash = passport_hash(db, c.passport);
    const std::string personal = seal_personal_data(db::personal_data_key(db), c, hash);
    long long id = 0;
    if (!before) {
        // Sent with the operation's next round trip on PostgreSQL (a sale's: its audit entry's).
        id = db.insert_later(
            "client",
            "INSERT INTO client (id, full_name, document_kind, document_hash, personal_data, phone, created_at, "
            "created_by, updated_at) VALUES (:id, :n, 'passport_rf', :h, :p, :ph, :now, :by, :now2)",
            {c.full_name, hash, personal, db::Param::or_null(c.phone), now, db::Param::or_null(by), now});
        actor.record(db, "client.save", "client:" + std::to_string(id), "added");
    } else {
        id = before->id;
        // Sent with the operation's next round trip on PostgreSQL, as a new client's insert is.
        db.later("UPDATE client SET full_name = :n, personal_data = :p, phone = :ph, updated_at = :now WHERE id = :id",
                 {c.full_name, personal, db::Param::or_null(c.phone), now, id});
        actor.record(db, "client.save", "client:" + std::to_string(id),
                     changed_fields({{"full_name", before->full_name != c.full_name},
                                     {"birth_date", before->birth_date != c.birth_date},
                                     {"document_issued_on", before->document_issued_on != c.document_issued_on},
                                     {"document_issuer", before->document_issuer != c.document_issuer},
                                     {"address", before->address != c.address},
                                     {"phone", before->phone != c.phone}}));
    }
    return id;
}

std::int64_t save_client(db::Database& db, const Actor& actor, const ClientForm& form) {
    require_desk(db, actor);
    const ClientRecord c = parse_client_form(form, CalendarDate::of_utc(db.now()).iso());
    db::WriteTransaction tx(db);
    const std::int64_t id = store_client(db, actor, c);
    tx.commit();
    return id;
}

std::optional<ClientRecord> client_record_by_passport(db::Database& db, const std::string& passport) {
    return client_by_passport(db, parse_input("passport", [&] { return Passport::parse(passport); }));
}

std::optional<ClientRecord> client_record_by_passport(db::Database& db, const Passport& passport) {
    return client_by_passport(db, passport);
}

ClientSummary client_summary(db::Database& db, const Actor& actor, std::int64_t client_id) {
    actor.confirm(db);
    const ClientRecord c = existing(db, client_id);
    return summary_of(c, live_numbers(db, c.id), consent_withdrawn_at(db, c.id) != 0);
}

std::optional<ClientSummary> find_client_by_passport(db::Database& db, const Actor& actor,
                                                     const std::string& passport) {
    actor.confirm(db);
    const Passport p = parse_input("passport", [&] { return Passport::parse(passport); });
    const auto c = client_by_passport(db, p);
    if (!c) return std::nullopt;
    return summary_of(*c, live_numbers(db, c->id), consent_withdrawn_at(db, c->id) != 0);
}

ClientRecord reveal_client(db::Database& db, const Actor& actor, std::int64_t client_id, const std::string& reason) {
    actor.require(db, Permission::reveal_personal_data);
    const std::string why = required_text("reason", tr("Reason"), reason);
    if (characters(why) < static_cast<int32_t>(kMinReasonLength))
        throw InputError("reason", tr("Reason"),
                         trf("say why in at least {1} characters", {std::to_string(kMinReasonLength)}));
    db::WriteTransaction tx(db);
    const ClientRecord c = existing(db, client_id);
    require_consent_not_withdrawn(db, c.id);
    if (c.passport.empty())
        throw RefusedError(tr("The client's personal data were erased when the term of his consent ended (152-FZ "
                              "art. 21): there is nothing to show."));
    actor.record(db, "personal_data.reveal", "client:" + std::to_string(c.id), "reason=" + why);
    tx.commit();
    return c;
}

std::vector<ClientNumber> client_numbers(db::Database& db, const Actor& actor, std::int64_t client_id) {
    actor.confirm(db);
    const long long id = client_id;
    std::vector<ClientNumber> out;
    std::string msisdn, tariff;
    auto st = db.query("SELECT s.msisdn, t.name FROM subscription s JOIN tariff t ON t.id = s.tariff_id "
                       "WHERE s.client_id = :c AND s.ended_at IS NULL ORDER BY s.started_at DESC, s.id DESC",
                       soci::use(id), soci::into(msisdn), soci::into(tariff));
    st.execute();
    while (st.fetch()) out.push_back({msisdn, Msisdn::stored(msisdn).display(), tariff});
    return out;
}

int live_numbers(db::Database& db, std::int64_t client_id) {
    int count = 0;
    const long long id = client_id;
    db.run("SELECT COUNT(*) FROM subscription WHERE client_id = :c AND ended_at IS NULL", soci::use(id),
           soci::into(count));
    return count;
}

namespace {

// The person's numbers in service and being ported in, found by the passport's keyed hash (one client per
// passport), so that a sale can announce it with the client's own read: the client's id is not known
// before that batch comes back (a fourth round trip on PostgreSQL).
db::Read sim_limit_read(db::Database& db, const Passport& passport) {
    const std::string hash = passport_hash(db, passport.str());
    return {"SELECT (SELECT COUNT(*) FROM subscription s JOIN client c ON c.id = s.client_id "
            "WHERE c.document_hash = :h AND s.ended_at IS NULL), "
            "(SELECT COUNT(*) FROM port_request p JOIN client c ON c.id = p.client_id "
            "WHERE c.document_hash = :h2 AND p.status IN ('submitted', 'accepted'))",
            {hash, hash}};
}

}  // namespace

void announce_sim_limit(db::Database& db, const Passport& passport) {
    if (db.reads_ahead()) db.read_ahead(sim_limit_read(db, passport));
}

void require_within_sim_limit(db::Database& db, const Passport* registered, int adding) {
    // A person not yet registered has none. A number being ported in (its request submitted or accepted)
    // is already the person's: the limit counts it before the transfer, not only after.
    long long live = 0, porting = 0;
    if (registered) {
        const std::vector<db::TextRow> rows = db.read_rows(sim_limit_read(db, *registered));
        if (!rows.empty()) {
            live = db::row_integer(rows[0], 0);
            porting = db::row_integer(rows[0], 1);
        }
    }
    const long long limit = setting_number(db, kSimLimitPerPerson, 20);
    if (live + porting + adding <= limit) return;
    if (porting == 0)
        throw InputError("passport", tr("Passport"),
                         trf("this person already has {1} numbers; the limit is {2} per person",
                             {std::to_string(live), std::to_string(limit)}));
    throw InputError(
        "passport", tr("Passport"),
        trf("this person already has {1} numbers and {2} more being ported in; the limit is {3} per "
            "person",
            {std::to_string(live), std::to_string(porting), std::to_string(limit)}));
}

}  // namespace salon::pos
