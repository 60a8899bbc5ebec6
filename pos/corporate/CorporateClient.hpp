// A corporate client (R-CORP-1, R-CORP-13): a legal entity (10-digit INN, OGRN, KPP) or a sole proprietor
// (12-digit INN, OGRNIP, no KPP), told apart by the INN; its contract, the e-mail bound to the remote
// service, and the numbers under the contract, each with its business tariff. Clients are the operator's:
// any dealer's salon serves them, so there is no dealer scope; every change is journaled with its person.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon {
class Text;
}

namespace salon::pos {

class Actor;

enum class CorporateClientKind { legal_entity, sole_proprietor };
std::string_view to_string(CorporateClientKind kind);
CorporateClientKind corporate_client_kind_from_string(std::string_view text);  // throws ValidationError
Text corporate_client_kind_title(CorporateClientKind kind);

// As typed at the desk. The kind follows from the INN's length.
struct CorporateClientForm {
    std::string inn;              // 10 digits (legal entity) or 12 (sole proprietor)
    std::string ogrn;             // OGRN (13 digits) or OGRNIP (15 digits), as the INN says
    std::string kpp;              // legal entities only; a sole proprietor has none
    std::string official_name;    // «ООО «Ромашка»», «ИП Иванов Иван Иванович»
    std::string contract_number;
    std::string contract_date;    // 25.11.2026 or 2026-11-25, not in the future
    std::string bound_email;      // may be empty until the application binds one (R-CORP-2)
};

enum class CorporateNumberStatus { active, blocked };
std::string_view to_string(CorporateNumberStatus status);

struct CorporateNumber {
    std::int64_t id = 0;
    std::int64_t client_id = 0;
    std::string msisdn;       // E.164
    std::string tariff_code;  // "alfa"
    std::string tariff_name;  // "Альфа"
    CorporateNumberStatus status = CorporateNumberStatus::active;
    std::int64_t status_changed_at = 0;
    std::int64_t added_at = 0;
    bool has_user_data = false;  // a row in corporate_number_user (R-CORP-10)
};

struct CorporateClient {
    std::int64_t id = 0;
    CorporateClientKind kind = CorporateClientKind::legal_entity;
    std::string inn;
    std::string ogrn;  // OGRN or OGRNIP
    std::string kpp;   // empty for a sole proprietor
    std::string official_name;
    std::string contract_number;
    std::string contract_date;  // YYYY-MM-DD
    std::string bound_email;    // empty when none is bound yet
    std::int64_t created_at = 0;
    std::vector<CorporateNumber> numbers;  // by number

    // The number under this client's contract, if it is one.
    const CorporateNumber* number(const std::string& msisdn_e164) const;
};

// Checks the form field by field (inputs: inn, ogrn, kpp, official_name, contract_number, contract_date,
// bound_email) and throws InputError for the first wrong one, Russian message naming the field: a wrong
// check digit, an OGRNIP for a legal entity, a KPP for a sole proprietor. `today` is YYYY-MM-DD.
CorporateClient parse_corporate_client_form(const CorporateClientForm& form, const std::string& today);

// Registers a company (needs the corporate desk, see CorporateDesk.hpp). An INN or OGRN already registered
// is refused naming the field. One transaction with its audit entry ("corporate.client.add"). Returns the id.
std::int64_t add_corporate_client(db::Database& db, const Actor& actor, const CorporateClientForm& form);

// Every company with its numbers, by name (needs corporate_desk).
std::vector<CorporateClient> list_corporate_clients(db::Database& db, const Actor& actor);
// Throws ValidationError when there is none.
CorporateClient get_corporate_client(db::Database& db, const Actor& actor, std::int64_t id);
// By INN as typed (spaces ignored); throws InputError("inn") when the INN is malformed or not a client's.
CorporateClient find_corporate_client(db::Database& db, const Actor& actor, const std::string& inn);
// The same, for the corporate core's own operations: no permission check, nothing journaled.
CorporateClient read_corporate_client(db::Database& db, std::int64_t id);

// A number under the contract, as typed: the number and its business tariff (code "alfa" or name "Альфа").
struct CorporateNumberForm {
    std::string msisdn;
    std::string tariff;
};

// A business tariff of the catalog by its code or name; InputError("tariff") for an unknown one or a
// private client's tariff.
struct BusinessTariff {
    std::int64_t id = 0;
    std::string code;
    std::string name;
};
BusinessTariff find_business_tariff(db::Database& db, const std::string& code_or_name);

// Puts a number the company already has under its contract on record, with its tariff (the contract's
// list, R-CORP-13): nothing is charged (a new connection goes through BusinessTariffOrder). A number that
// is another company's is refused (InputError("msisdn")). One transaction, journaled
// ("corporate.number.add"). Returns the number's id.
std::int64_t add_corporate_number(db::Database& db, const Actor& actor, std::int64_t client_id,
                                  const CorporateNumberForm& form);
// The same inside the caller's transaction, already parsed, with no checks of the actor.
std::int64_t store_corporate_number(db::Database& db, const Actor& actor, std::int64_t client_id,
                                    const std::string& msisdn_e164, std::int64_t tariff_id);

}  // namespace salon::pos
