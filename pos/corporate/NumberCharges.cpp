#include "pos/corporate/NumberCharges.hpp"

#include "db/Database.hpp"
#include "db/Text.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/core/sale/Sale.hpp"
#include "pos/corporate/CorporateClient.hpp"
#include "pos/corporate/CorporateDesk.hpp"

namespace salon::pos {

NumberCharges number_charges(db::Database& db, const Actor& actor, std::int64_t client_id,
                             const CompanyRepresentative& who, const std::string& msisdn) {
    require_corporate_reader(db, actor);
    const Msisdn number = parse_input("msisdn", [&] { return Msisdn::parse(msisdn); });
    const CorporateClient client = read_corporate_client(db, client_id);
    const CorporateNumber* n = client.number(number.str());
    if (!n) throw InputError("msisdn", tr("Number"), trf("{1} is not one of the company's numbers", {number.display()}));
    const std::string today = desk_today(db, actor).iso();
    require_usage_view(authority_of(db, client_id, who, today), number.str());
    NumberCharges c;
    c.msisdn = n->msisdn;
    c.tariff_name = n->tariff_name;
    c.status = std::string(to_string(n->status));
    long long fee = 0;
    const long long id = n->id;
    db.run("SELECT v.monthly_fee, v.included_minutes, v.included_mb, v.included_sms FROM corporate_number n "
           "JOIN tariff_version v ON v.tariff_id = n.tariff_id AND v.valid_from <= :d "
           "AND (v.valid_to IS NULL OR v.valid_to > :d2) WHERE n.id = :id",
           soci::use(today), soci::use(today), soci::use(id), soci::into(fee), soci::into(c.included_minutes),
           soci::into(c.included_mb), soci::into(c.included_sms));
    c.monthly_fee = Money::from_kopecks(fee);
    c.balance = sandbox_balance(db, n->msisdn);
    return c;
}

}  // namespace salon::pos
