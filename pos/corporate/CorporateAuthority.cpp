#include "pos/corporate/CorporateAuthority.hpp"

#include "db/Database.hpp"
#include "db/Text.hpp"
#include "db/UserError.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/corporate/CorporateClient.hpp"

namespace salon::pos {

bool CorporateAuthority::may_change_number(const std::string& msisdn) const {
    if (kind == RepresentativeKind::head_representative) return true;
    return kind == RepresentativeKind::employee_with_poa && msisdn == own_msisdn;
}

bool CorporateAuthority::may_view_number(const std::string& msisdn) const {
    return kind == RepresentativeKind::head_representative || msisdn == own_msisdn;
}

CorporateAuthority authority_of(db::Database& db, std::int64_t client_id, const CompanyRepresentative& who,
                                const std::string& today) {
    const CorporateClient client = read_corporate_client(db, client_id);
    CorporateAuthority a;
    a.client_id = client_id;
    if (who.msisdn.find_first_not_of(" \t") != std::string::npos) {
        a.own_msisdn = parse_input("msisdn", [&] { return Msisdn::parse(who.msisdn); }).str();
        if (!client.number(a.own_msisdn))
            throw RefusedError(tr("Employee's number"), tr("is not one of the company's numbers"));
    }
    if (who.power_of_attorney_id) {
        PowerOfAttorney poa = read_power_of_attorney(db, client_id, who.power_of_attorney_id);
        if (poa.issued_on > today)
            throw RefusedError(tr("Power of attorney"), tr("is not valid yet"));
        if (poa.valid_until < today)
            throw RefusedError(tr("Power of attorney"),
                               trf("the power of attorney expired on {1}",
                                   {CalendarDate::parse(poa.valid_until, "poa_valid_until", tr("Valid until")).display()}));
        if (poa.for_msisdn.empty()) {
            a.kind = RepresentativeKind::head_representative;
        } else {
            a.kind = RepresentativeKind::employee_with_poa;
            a.own_msisdn = poa.for_msisdn;
        }
        a.power_of_attorney = std::move(poa);
        return a;
    }
    if (a.own_msisdn.empty())
        throw RefusedError(tr("Power of attorney"),
                           tr("a change for the company needs a valid power of attorney on file; without one, "
                              "only the user of a number sees his own number"));
    a.kind = RepresentativeKind::employee;
    return a;
}

void require_company_change(const CorporateAuthority& a) {
    if (!a.may_change_company())
        throw RefusedError(tr("Power of attorney"),
                           tr("a change for the company needs a valid power of attorney of its head on file"));
}

void require_tariff_change(const CorporateAuthority& a, const std::string& msisdn) {
    if (a.may_change_number(msisdn)) return;
    if (a.kind == RepresentativeKind::employee)
        throw RefusedError(tr("Tariff"),
                           tr("an employee without a power of attorney cannot change a tariff: he sees only his "
                              "own number's usage and charges"));
    throw RefusedError(tr("Tariff"), tr("the employee's power of attorney is for his own number only"));
}

void require_usage_view(const CorporateAuthority& a, const std::string& msisdn) {
    if (!a.may_view_number(msisdn))
        throw RefusedError(tr("Number"), tr("an employee sees only his own number's usage and charges"));
}

}  // namespace salon::pos
