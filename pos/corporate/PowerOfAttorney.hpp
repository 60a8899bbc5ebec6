// A power of attorney on file for a company (R-CORP-2, R-CORP-6, R-CORP-12): the head's, which lets its
// bearer act for the company (an application, a tariff change), or an employee's for his own number.
// Standard templates: a power of attorney (Доверенность) or a general power of attorney (Генеральная
// доверенность).
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
class CalendarDate;

enum class PowerOfAttorneyKind { power_of_attorney, general_power_of_attorney };
std::string_view to_string(PowerOfAttorneyKind kind);
// "power_of_attorney" or "general_power_of_attorney" (also "general"); InputError("poa_kind") otherwise.
PowerOfAttorneyKind power_of_attorney_kind_from_string(std::string_view text);
Text power_of_attorney_kind_title(PowerOfAttorneyKind kind);

// As typed at the desk (inputs poa_kind, poa_number, poa_issued_on, poa_valid_until, poa_issued_by,
// poa_issued_to, poa_for_msisdn).
struct PowerOfAttorneyForm {
    std::string kind = "power_of_attorney";
    std::string number;
    std::string issued_on;    // 25.11.2026 or 2026-11-25
    std::string valid_until;  // the last day it is valid
    std::string issued_by;    // who signed it: the head of the company
    std::string issued_to;    // whom it authorises
    std::string for_msisdn;   // an employee's own number (R-CORP-12); empty for the company's business
};

struct PowerOfAttorney {
    std::int64_t id = 0;
    std::int64_t client_id = 0;
    PowerOfAttorneyKind kind = PowerOfAttorneyKind::power_of_attorney;
    std::string number;
    std::string issued_on;    // YYYY-MM-DD
    std::string valid_until;  // YYYY-MM-DD, inclusive
    std::string issued_by;
    std::string issued_to;
    std::string for_msisdn;  // E.164 or empty

    // Issued on or before `today` and valid until `today` or later (YYYY-MM-DD).
    bool valid_on(const std::string& today) const { return issued_on <= today && today <= valid_until; }
};

// Checks the form; a power of attorney dated in the future or expired on `today` is refused, naming the
// field (InputError: poa_issued_on, poa_valid_until).
PowerOfAttorney parse_power_of_attorney(const PowerOfAttorneyForm& form, const CalendarDate& today);

// Files a power of attorney for the company (needs the corporate desk). An employee's (for_msisdn) must
// name one of the company's numbers. One transaction, journaled ("corporate.poa.add"). Returns its id.
std::int64_t add_power_of_attorney(db::Database& db, const Actor& actor, std::int64_t client_id,
                                   const PowerOfAttorneyForm& form);
// The same inside the caller's transaction, already parsed; no checks of the actor.
std::int64_t store_power_of_attorney(db::Database& db, const Actor& actor, std::int64_t client_id,
                                     const PowerOfAttorney& poa);

// Throws ValidationError when there is none or it is another company's.
PowerOfAttorney read_power_of_attorney(db::Database& db, std::int64_t client_id, std::int64_t id);
// The company's powers of attorney, newest first.
std::vector<PowerOfAttorney> powers_of_attorney(db::Database& db, const Actor& actor, std::int64_t client_id);
// The company's power of attorney for its business (not an employee's own) valid on `today` that runs
// longest; none when none is.
std::optional<PowerOfAttorney> valid_company_power_of_attorney(db::Database& db, std::int64_t client_id,
                                                               const std::string& today);

}  // namespace salon::pos
