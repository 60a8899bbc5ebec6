// Who may do what for a company (R-CORP-6, R-CORP-9, R-CORP-12): every change for the company needs a valid
// power of attorney of its head on file, since whatever is done in its name binds it; an ordinary
// employee (the user of one of its numbers, without a power of attorney) may only see his own number's
// usage and charges and cannot change a tariff; an employee with a power of attorney for his own number
// acts for that number only.
#pragma once

#include "pos/corporate/PowerOfAttorney.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace salon::db {
class Database;
}

namespace salon::pos {

// The person at the desk for the company, as he presents himself.
struct CompanyRepresentative {
    std::int64_t power_of_attorney_id = 0;  // the power of attorney on file he shows; 0: none
    std::string msisdn;                     // his own number, when he is one of the company's users
};

enum class RepresentativeKind {
    head_representative,  // with the head's power of attorney: acts for the company
    employee_with_poa,    // with a power of attorney for his own number (R-CORP-12)
    employee,             // a number's user without one: sees his own usage and charges only
};

struct CorporateAuthority {
    std::int64_t client_id = 0;
    RepresentativeKind kind = RepresentativeKind::employee;
    std::optional<PowerOfAttorney> power_of_attorney;
    std::string own_msisdn;  // E.164; the employee's number

    bool may_change_company() const { return kind == RepresentativeKind::head_representative; }
    bool may_change_number(const std::string& msisdn_e164) const;
    bool may_view_number(const std::string& msisdn_e164) const;
};

// What the representative may do on `today` (YYYY-MM-DD). Refused (RefusedError, naming the power of
// attorney or the number): a power of attorney that is not the company's, expired or not yet valid; an
// employee's number that is not the company's; nobody (neither a power of attorney nor a number).
CorporateAuthority authority_of(db::Database& db, std::int64_t client_id, const CompanyRepresentative& who,
                                const std::string& today);

// RefusedError unless the representative may change the company's business (an application, an
// administrator, the numbers' tariffs as a whole).
void require_company_change(const CorporateAuthority& authority);
// RefusedError unless he may change this number's tariff: the head's representative, or the employee
// whose power of attorney is for this number.
void require_tariff_change(const CorporateAuthority& authority, const std::string& msisdn_e164);
// RefusedError unless he may see this number's usage and charges.
void require_usage_view(const CorporateAuthority& authority, const std::string& msisdn_e164);

}  // namespace salon::pos
