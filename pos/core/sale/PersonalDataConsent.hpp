// Consent to the processing of personal data (152-FZ art. 9) as the subscriber's contract records it:
// which data, for what purposes, until when, and its withdrawal. The text is versioned: a contract keeps
// the version its client signed, so the card and a reprinted contract show what was agreed, not today's
// wording.
//
// What a withdrawal does (152-FZ art. 9 p. 2 and art. 21 p. 5, against 126-FZ art. 44 and 53, 64):
// - the identification data (full name, date of birth, passport, registration address) stay sealed as
//   they are while a contract is in force and for kConsentYearsAfterContract years after the last one
//   ends: the law on communications requires them, and the contract cannot be performed without them;
// - the contact phone, given for offers and notices only, is erased at once, and the consent to offers
//   by phone and SMS is off for every contract of the client (the contracts keep what was signed: the
//   withdrawal's row overrides it);
// - the card shows the name masked as lists do, and a reveal at the desk is refused with a message that
//   says why (the law lets the operator hand the data only to the bodies that ask for them by law, which
//   is not the desk's business);
// - the withdrawal is journaled ("personal_data.consent_withdraw") with who took it, where and when.
// A later SIM sale to the same person is a new contract with the consent signed anew.
#pragma once

#include "db/Text.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

// Years the law on communications keeps a subscriber's data after the contract ends (126-FZ art. 64
// p. 1: information about subscribers and the services rendered to them, three years).
inline constexpr int kConsentYearsAfterContract = 3;

// One version of the consent text: what every printed contract of that version says.
struct ConsentText {
    std::string version;           // "2026-12"
    std::vector<Text> categories;  // the data processed
    std::vector<Text> purposes;    // what for
    Text marketing;                // the separate consent to offers, signed or not
    Text term;                     // until when
    Text withdrawal;               // how it is withdrawn and what follows
};

// The version a contract signed today carries.
const ConsentText& current_consent_text();
// A version by its name; nullptr for an unknown one (a contract made before consent was recorded).
const ConsentText* consent_text(const std::string& version);
// The text as printed on the contract, paragraph by paragraph, in the language the program speaks;
// `marketing` says whether the client agreed to offers.
std::vector<std::string> consent_paragraphs(const ConsentText& text, bool marketing);

// What the client's contracts record of his consent, as the card shows it.
struct ConsentState {
    std::string text_version;         // of the latest contract that recorded consent; empty: none did
    std::int64_t given_at = 0;        // when that contract was made (Unix seconds)
    bool marketing = false;           // agreed to offers on any contract in force, and not withdrawn
    int live_contracts = 0;           // numbers in service
    std::int64_t last_ended_at = 0;   // when the last contract ended, when none is in force
    std::int64_t withdrawn_at = 0;    // 0: not withdrawn since the latest consent
    std::string withdrawn_by;         // the specialist who took the withdrawal
    std::string withdrawal_reason;    // in the client's words
    std::string keep_until;           // YYYY-MM-DD when no contract is in force; empty while one is
    bool recorded() const { return !text_version.empty(); }
    bool withdrawn() const { return withdrawn_at != 0; }
};

// The consent state of a client (anyone signed in at the desk).
ConsentState consent_state(db::Database& db, const Actor& actor, std::int64_t client_id);

// Takes the client's withdrawal at the desk: needs sell or corporate_desk; `reason` is the client's words
// (at least 3 characters, InputError "reason"). One transaction: the withdrawal's row (which turns the
// offers off), the contact phone erased, the audit entry. Refused when already withdrawn.
ConsentState withdraw_consent(db::Database& db, const Actor& actor, std::int64_t client_id,
                              const std::string& reason);

// Throws RefusedError when the client withdrew his consent: the desk never reveals his data.
void require_consent_not_withdrawn(db::Database& db, std::int64_t client_id);
// When the client withdrew consent since his latest contract (0 when he did not).
std::int64_t consent_withdrawn_at(db::Database& db, std::int64_t client_id);

// The end of the term (152-FZ art. 21 p. 4 and 5): once no contract of the client is in force and
// kConsentYearsAfterContract years have passed since the last one ended (the day after keep_until), the law
// and the contract no longer require any of his personal data, so all of it is erased: the name, the sealed
// identification data (date of birth, passport, date and office of issue, address), the contact phone and
// the passport's search hash, and the words of a withdrawal (they may name the person). A withdrawal does
// not shorten the term: the law on communications requires the data for the same 3 years either way; the
// phone it erased at once. A client who never had a contract (a port-in the donor refused) is counted from
// his record's last change or his last closed port-in request. Kept: the record's number, its contracts'
// numbers and dates, the sales (money and fiscal documents are kept by other laws) and the journal, none
// of which name the person. A client whose port-in request is still open is not erased. An erased client
// is no longer found by his passport; a new sale registers him anew.
struct ErasedClient {
    std::int64_t client_id = 0;
    std::string keep_until;  // YYYY-MM-DD, the last day the data were kept
    bool withdrawn = false;  // he had withdrawn his consent
};
struct PersonalDataPurge {
    std::string today;  // YYYY-MM-DD (UTC) the term was compared with
    bool dry_run = false;
    std::vector<ErasedClient> clients;  // erased, or with dry_run those that would be
};

// Erases what the term's end lets go, each client with his audit entry ("personal_data.erase"), all in one
// transaction; with `dry_run` only says who would be erased. Who may: anyone who sells or opens shifts (the
// station runs it at a shift's opening), the corporate desk and the database's administrator.
PersonalDataPurge purge_expired_personal_data(db::Database& db, const Actor& actor, bool dry_run = false);
// Whether the client's personal data were erased at the term's end.
bool personal_data_erased(db::Database& db, std::int64_t client_id);

}  // namespace salon::pos
