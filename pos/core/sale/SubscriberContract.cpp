#include "pos/core/sale/SubscriberContract.hpp"

#include "db/Database.hpp"
#include "db/Text.hpp"
#include "db/UserError.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/core/sale/Client.hpp"
#include "pos/core/sale/PersonalDataConsent.hpp"
#include "pos/core/sale/Sale.hpp"

namespace salon::pos {

SubscriberContract subscriber_contract(db::Database& db, const Actor& actor, std::int64_t sale_id) {
    const SaleRecord sale = get_sale(db, actor, sale_id);
    SubscriberContract c;
    c.sale_id = sale.id;
    c.number = std::to_string(sale.id);
    c.signed_at = sale.created_at;
    c.time_zone = sale.time_zone;
    c.dealer_name = sale.dealer_name;
    c.dealer_inn = sale.dealer_inn;
    c.salon_name = sale.salon_name;
    c.salon_address = sale.salon_address;
    c.staff_name = sale.staff_name;
    const long long client = sale.client_id;
    for (const auto& line : sale.lines) {
        if (line.kind != LineKind::sim || sale.kind != "sale") continue;
        // The contract made by this line: the number's subscription started by the sale, ended or not.
        std::string tariff, version;
        int marketing = 0;
        soci::indicator version_ind = soci::i_null, found = soci::i_null;
        const long long at = sale.created_at;
        db.run("SELECT t.name, s.consent_text, s.consent_marketing FROM subscription s JOIN tariff t ON t.id = "
               "s.tariff_id WHERE s.msisdn = :m AND s.client_id = :c AND s.started_at = :at",
               soci::use(line.msisdn), soci::use(client), soci::use(at), soci::into(tariff, found),
               soci::into(version, version_ind), soci::into(marketing));
        if (found != soci::i_ok) continue;
        c.numbers.push_back({Msisdn::stored(line.msisdn).display(), tariff});
        if (version_ind == soci::i_ok) c.consent_version = version;
        c.marketing = c.marketing || marketing != 0;
    }
    if (c.numbers.empty() || sale.client_id == 0)
        throw ValidationError(tr("Sale"),
                              trf("sale {1} sold no SIM card: it has no subscriber's contract", {std::to_string(sale_id)}));
    const ClientSummary who = client_summary(db, actor, sale.client_id);
    c.client_name = who.full_name;
    c.client_passport = who.passport;
    c.withdrawn_at = consent_withdrawn_at(db, sale.client_id);
    return c;
}

std::vector<std::string> subscriber_contract_text(const SubscriberContract& c) {
    std::vector<std::string> out;
    out.push_back(trf("Contract for mobile communication services No. {1} of {2}",
                      {c.number, CalendarDate::of(c.signed_at, c.time_zone).display()})
                      .str());
    out.push_back(trf("Concluded at the salon \"{1}\" ({2}) of {3}, INN {4}, acting for the operator; specialist {5}.",
                      {c.salon_name, c.salon_address, c.dealer_name, c.dealer_inn, c.staff_name})
                      .str());
    out.push_back(trf("Subscriber: {1}, passport {2}.", {c.client_name, c.client_passport}).str());
    for (const auto& n : c.numbers) out.push_back(trf("Number {1}, tariff \"{2}\".", {n.msisdn, n.tariff}).str());
    const ConsentText* text = consent_text(c.consent_version);
    if (!text) {
        out.push_back(tr("This contract was made before the consent to the processing of personal data was "
                         "recorded with contracts.")
                          .str());
        return out;
    }
    for (auto& p : consent_paragraphs(*text, c.marketing)) out.push_back(std::move(p));
    if (c.withdrawn_at)
        out.push_back(trf("The subscriber withdrew this consent on {1}.",
                          {CalendarDate::of(c.withdrawn_at, c.time_zone).display()})
                          .str());
    return out;
}

}  // namespace salon::pos
