#include "pos/corporate/BusinessTariffOrder.hpp"

#include "db/Database.hpp"
#include "db/Text.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/corporate/CorporateClient.hpp"
#include "pos/corporate/CorporateDesk.hpp"

#include <set>

namespace salon::pos {

BusinessTariffResult connect_business_tariff(db::Database& db, const Actor& actor, const std::string& till,
                                             const BusinessTariffOrder& order) {
    require_corporate_desk(db, actor);
    if (order.msisdns.empty()) throw InputError("msisdn", tr("Numbers"), tr("name at least one number"));
    if (order.msisdns.size() > kMaxOrderNumbers)
        throw InputError("msisdn", tr("Numbers"),
                         trf("at most {1} numbers in one order", {std::to_string(kMaxOrderNumbers)}));
    std::vector<std::string> numbers;
    std::set<std::string> seen;
    for (const auto& typed : order.msisdns) {
        const Msisdn m = parse_input("msisdn", [&] { return Msisdn::parse(typed); });
        if (!seen.insert(m.str()).second)
            throw InputError("msisdn", tr("Number"), trf("{1} is named twice", {m.display()}));
        numbers.push_back(m.str());
    }
    const BusinessTariff tariff = find_business_tariff(db, order.tariff);
    const std::string today = desk_today(db, actor).iso();

    SaleDraft draft;
    draft.visit_id = order.visit_id;
    draft.paid_cash = order.paid_cash;
    draft.paid_card = order.paid_card;
    for (const auto& m : numbers) {
        DraftLine line;
        line.kind = LineKind::corporate_tariff;
        line.msisdn = m;
        line.tariff_code = tariff.code;
        draft.lines.push_back(line);
    }
    BusinessTariffResult result;
    // Inside the sale's transaction: the company, who orders, and each number, read under the same lock.
    auto within = [&](std::int64_t sale_id) {
        const CorporateClient client = read_corporate_client(db, order.client_id);
        const CorporateAuthority authority = authority_of(db, client.id, order.representative, today);
        const long long now = db.now(), tariff_id = tariff.id;
        for (const auto& m : numbers) {
            const CorporateNumber* n = client.number(m);
            const std::string shown = Msisdn::stored(m).display();
            if (!n) {
                if (order.changes_only)
                    throw InputError("msisdn", tr("Number"), trf("{1} is not one of the company's numbers", {shown}));
                require_company_change(authority);
                store_corporate_number(db, actor, client.id, m, tariff.id);
                ++result.connected;
                continue;
            }
            require_tariff_change(authority, m);
            if (n->status == CorporateNumberStatus::blocked)
                throw InputError("msisdn", tr("Number"), trf("{1} is blocked", {shown}));
            if (n->tariff_code == tariff.code)
                throw InputError("msisdn", tr("Number"), trf("{1} is already on «{2}»", {shown, tariff.name}));
            const long long id = n->id;
            db.update("UPDATE corporate_number SET tariff_id = :t, tariff_changed_at = :now WHERE id = :id",
                      soci::use(tariff_id), soci::use(now), soci::use(id));
            ++result.changed;
        }
        actor.record(db, "corporate.tariff.connect", "corporate_client:" + std::to_string(client.id),
                     "sale=" + std::to_string(sale_id) + " tariff=" + tariff.code +
                         " added=" + std::to_string(result.connected) + " changed=" + std::to_string(result.changed) +
                         (authority.power_of_attorney ? " poa=" + std::to_string(authority.power_of_attorney->id)
                                                      : std::string()));
    };
    result.sale = commit_sale(db, actor, till, draft, within);
    return result;
}

}  // namespace salon::pos
