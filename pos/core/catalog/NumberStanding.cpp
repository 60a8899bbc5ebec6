#include "pos/core/catalog/NumberStanding.hpp"

#include "db/Database.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/identifiers/Msisdn.hpp"

#include <soci/soci.h>

namespace salon::pos {

std::optional<CorporateNumberStanding> corporate_number_standing(db::Database& db, const std::string& msisdn_e164) {
    long long number_id = 0, client_id = 0, user = 0;
    std::string status;
    soci::indicator user_ind = soci::i_null;
    if (!db.run("SELECT n.id, n.client_id, n.status, u.number_id FROM corporate_number n "
                "LEFT JOIN corporate_number_user u ON u.number_id = n.id WHERE n.msisdn = :m",
                soci::use(msisdn_e164), soci::into(number_id), soci::into(client_id), soci::into(status),
                soci::into(user, user_ind)))
        return std::nullopt;
    return CorporateNumberStanding{number_id, client_id, status, user_ind == soci::i_ok};
}

void require_user_data_for_desk_payment(const CorporateNumberStanding& standing, const Msisdn& number) {
    if (standing.has_user_data) return;
    throw InputError("msisdn", tr("Number"),
                     trf("{1} is a company's number whose user's data the company has not given: it is paid only by "
                         "bank transfer from the company's account, not in cash or by card (R-CORP-11)",
                         {number.display()}));
}

void require_number_not_blocked(const CorporateNumberStanding& standing, const Msisdn& number) {
    if (standing.status != "blocked") return;
    throw InputError("msisdn", tr("Number"),
                     trf("{1} is blocked at its company's request: no top-up or SIM replacement until the "
                         "company has it unblocked at the corporate desk",
                         {number.display()}));
}

}  // namespace salon::pos
