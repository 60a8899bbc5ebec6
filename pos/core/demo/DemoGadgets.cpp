#include "pos/core/demo/DemoGadgets.hpp"

#include "db/Database.hpp"
#include "pos/core/catalog/GadgetStock.hpp"
#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/identifiers/DigitString.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/Salon.hpp"

#include <algorithm>

namespace salon::pos {

namespace {

struct DemoGadget {
    const char* code;
    const char* name;
    long long price;
    int warranty_months;
    const char* tac;  // the first 8 digits of its IMEIs (fictional)
    bool dual_sim;
    int per_salon;
};

constexpr DemoGadget kGadgets[] = {
    {"gad-phone-ds", "Смартфон 6,7\" 8/256 ГБ, две SIM", 1899000, 12, "35987210", true, 3},
    {"gad-modem-usb", "USB-модем 4G", 249000, 12, "86412003", false, 2},
    {"gad-router-wifi6", "Роутер 4G/5G с Wi-Fi 6", 899000, 24, "86703311", false, 2},
};

// 14 digits (the TAC, the salon, the serial) and the Luhn check digit.
std::string demo_imei(const char* tac, int salon, int serial) {
    std::string body = tac + std::to_string(salon) + std::to_string(100000 + serial).substr(1);
    return body + luhn_check_digit(body);
}

}  // namespace

int seed_demo_gadgets(db::Database& db, const Actor& actor) {
    const CalendarDate today = CalendarDate::of_utc(db.now());
    const auto products = list_products(db);
    for (const DemoGadget& g : kGadgets) {
        const bool known = std::any_of(products.begin(), products.end(), [&](const Product& p) { return p.code == g.code; });
        if (!known) add_product(db, actor, g.code, g.name, "gadget", today, g.price, "standard");
        set_gadget_terms(db, actor, g.code, true, g.warranty_months);
    }
    static const char* const salon_names[] = {"Калининград, Ленинский", "Москва, м. Киевская",
                                              "Владивосток, Светланская"};
    int received = 0;
    const auto salons = list_salons(db, actor);
    for (int s = 0; s < 3; ++s) {
        const auto salon = std::find_if(salons.begin(), salons.end(), [&](const Salon& x) { return x.name == salon_names[s]; });
        if (salon == salons.end()) continue;
        std::vector<GadgetIntake> units;
        int serial = 0;
        for (const DemoGadget& g : kGadgets)
            for (int i = 0; i < g.per_salon; ++i) {
                ++serial;
                GadgetIntake unit{g.code, demo_imei(g.tac, s + 1, serial), {}};
                if (g.dual_sim) unit.imei2 = demo_imei(g.tac, s + 1, 500 + serial);
                units.push_back(unit);
            }
        if (find_gadget(db, actor, units.front().imei)) continue;  // received before
        received += receive_gadgets(db, actor, salon->id, "ТН-" + std::to_string(1000 + s + 1), units);
    }
    return received;
}

}  // namespace salon::pos
