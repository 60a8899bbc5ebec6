// A private client and the electronic registration form that replaces the paper one (R-POS-7): identity
// document, full name, date of birth and registration address, validated where typed. Clients are the
// operator's, so any dealer's salon serves them. Their personal data are shown masked (152-FZ); the whole
// record is revealed only with the permission and a typed reason, and the reveal is journaled.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;
class Passport;

// As typed at the desk; every field is checked by `parse_client_form`.
struct ClientForm {
    std::string full_name;           // «Иванов Иван Иванович»: two to four words of letters
    std::string birth_date;          // 25.11.1990 or 1990-11-25; 14 to 120 years old
    std::string passport;            // series and number of a Russian passport
    std::string document_issued_on;  // after the 14th birthday, not in the future
    std::string document_issuer;     // the issuing office, as in the passport
    std::string address;             // the registration address
    std::string phone;               // a contact number; may be empty
};

// The whole record: only `reveal_client` and the sale's own code see it.
struct ClientRecord {
    std::int64_t id = 0;
    std::string full_name;
    std::string birth_date;  // YYYY-MM-DD
    std::string passport;    // "4506 123456"
    std::string document_issued_on;
    std::string document_issuer;
    std::string address;
    std::string phone;  // E.164 or empty
};

// What every list and screen shows.
struct ClientSummary {
    std::int64_t id = 0;
    std::string full_name;
    std::string passport;    // "45 ** ****56"
    std::string birth_date;  // "**.**.1990"
    std::string address;     // "Москва, ***"
    std::string phone;       // "+7 912 ***-**-89" or empty
    int live_numbers = 0;    // numbers in service under this client
};

// Checks the form field by field in the order shown and throws InputError for the first wrong one
// (inputs: full_name, birth_date, passport, document_issued_on, document_issuer, address, phone).
// `today` is YYYY-MM-DD.
ClientRecord parse_client_form(const ClientForm& form, const std::string& today);

// Registers the client or, when the passport is already registered, updates that client's data (a new
// address, a changed name): one client per passport. Needs sell or corporate_desk. One transaction with
// its audit entry ("client.save", the client's number and the changed field names, no values).
std::int64_t save_client(db::Database& db, const Actor& actor, const ClientForm& form);

// The same for a form already parsed, INSIDE the caller's transaction (a sale registers its buyer in the
// sale's own transaction); no permission check of its own.
std::int64_t store_client(db::Database& db, const Actor& actor, const ClientRecord& client);
// The same when the caller has just read, in this transaction, the record registered under the client's
// passport (`registered`, empty for a new person): it is not read again.
std::int64_t store_client(db::Database& db, const Actor& actor, const ClientRecord& client,
                          const std::optional<ClientRecord>& registered);

// The whole record of the client with this passport, for the sale's own code (never shown): a known
// client is identified at the desk by the passport alone.
std::optional<ClientRecord> client_record_by_passport(db::Database& db, const std::string& passport);
// The same for a passport already read (a sale reads its text before its transaction).
std::optional<ClientRecord> client_record_by_passport(db::Database& db, const Passport& passport);
// Announces client_record_by_passport's read to a write transaction (db::Database::read_ahead): a sale
// reads it with its other reads in one round trip on PostgreSQL.
void announce_client_by_passport(db::Database& db, const Passport& passport);

ClientSummary client_summary(db::Database& db, const Actor& actor, std::int64_t client_id);
std::optional<ClientSummary> find_client_by_passport(db::Database& db, const Actor& actor, const std::string& passport);

// The whole record, for someone with reveal_personal_data who typed why (at least 10 characters); the
// reveal is journaled with the reason ("personal_data.reveal"). Throws RefusedError / InputError("reason").
ClientRecord reveal_client(db::Database& db, const Actor& actor, std::int64_t client_id, const std::string& reason);

// One number in service under the client, as the desk offers it for a top-up, a service or a replacement.
struct ClientNumber {
    std::string msisdn;  // E.164, "+79031234567"
    std::string number;  // for people, "+7 903 123-45-67"
    std::string tariff_name;
};
// Every number in service under the client (anyone signed in at the desk), newest contract first: a known
// client's service, top-up or replacement is for one of them, not only for the number this visit sold.
std::vector<ClientNumber> client_numbers(db::Database& db, const Actor& actor, std::int64_t client_id);

// Numbers in service under the client across the whole database, as the client's summary shows them
// (the SIM limit of R-POS-7 also counts the numbers being ported in: require_within_sim_limit).
int live_numbers(db::Database& db, std::int64_t client_id);
// Throws InputError("passport") when `adding` more numbers would pass the limit (setting
// sim_limit_per_person, default 20); the numbers the person is porting in count as the person's already.
// `registered`: the passport of a registered person, whose numbers are counted by its keyed hash (one
// client per passport); nullptr for a person not yet registered, who has none. announce_sim_limit sends
// the count ahead with a sale's other reads (db::Database::read_ahead).
void require_within_sim_limit(db::Database& db, const Passport* registered, int adding);
void announce_sim_limit(db::Database& db, const Passport& passport);

}  // namespace salon::pos
