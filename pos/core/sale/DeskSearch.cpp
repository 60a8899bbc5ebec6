#include "pos/core/sale/DeskSearch.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/sale/Client.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/core/identifiers/Passport.hpp"
#include "pos/core/catalog/SimStock.hpp"

#include <optional>

namespace salon::pos {

std::vector<SearchHit> desk_search(db::Database& db, const Actor& actor, const std::string& text) {
    std::vector<SearchHit> hits;
    if (text.find_first_not_of(" \t") == std::string::npos) return hits;
    // A card, by ICCID or by the number it carries (find_sim reads both and keeps to the actor's dealers).
    // A scanned ICCID with a wrong check digit is said so; ten digits may be a number or a passport.
    std::size_t digits = 0;
    for (const char ch : text)
        if (ch >= '0' && ch <= '9') ++digits;
    std::optional<SimCard> found;
    if (digits >= 15) {
        found = find_sim(db, actor, text);
    } else {
        try {
            found = find_sim(db, actor, text);
        } catch (const ValidationError&) {
        }
    }
    if (auto card = found) {
        std::string number;
        if (!card->msisdn.empty()) number = " " + Msisdn::stored(card->msisdn).display();
        hits.push_back({"sim", card->id, "SIM " + card->iccid + number,
                        sim_status_title(card->status) + " · " + card->salon_name});
        if (!card->msisdn.empty()) {
            long long client_id = 0;
            soci::indicator ind = soci::i_null;
            db.run("SELECT client_id FROM subscription WHERE msisdn = :m AND ended_at IS NULL",
                   soci::use(card->msisdn), soci::into(client_id, ind));
            if (ind == soci::i_ok) {
                const ClientSummary c = client_summary(db, actor, client_id);
                hits.push_back({"client", c.id, c.full_name,
                                c.passport + " · " + trf("numbers in service: {1}", {std::to_string(c.live_numbers)}).str()});
            }
        }
        return hits;
    }
    // A passport: the client.
    try {
        Passport::parse(text);
    } catch (const ValidationError&) {
        return hits;
    }
    if (auto c = find_client_by_passport(db, actor, text))
        hits.push_back({"client", c->id, c->full_name,
                        c->passport + " · " + trf("numbers in service: {1}", {std::to_string(c->live_numbers)}).str()});
    return hits;
}

}  // namespace salon::pos
