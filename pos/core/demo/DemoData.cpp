#include "pos/core/fiscal/PaymentAgent.hpp"
#include "pos/core/demo/DemoData.hpp"

#include "db/Database.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/organisation/Certification.hpp"
#include "pos/core/organisation/Dealer.hpp"
#include "pos/core/demo/DemoHistory.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/organisation/StaffMember.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"
#include "pos/core/demo/DemoGadgets.hpp"

namespace salon::pos {

namespace {
// Fictional identifiers with correct check digits: they belong to no real company.
constexpr const char* kRetailInn = "7730543210";

struct DemoPerson {
    const char* login;
    const char* full_name;
    Role role;
    int salon;   // index into the salons below, or -1
    int dealer;  // index into the dealers, or -1
    std::optional<CareerLevel> level;
};
}  // namespace

DemoSeedResult seed_demo(db::Database& db, const Actor& actor, int history_days) {
    DemoSeedResult result;
    if (history_days < 0 || history_days > kDemoHistoryMaxDays)
        throw InputError("days", tr("Days of history"),
                         trf("must be from 0 to {1}", {std::to_string(kDemoHistoryMaxDays)}));
    for (const auto& d : list_dealers(db, actor))
        if (d.inn == kRetailInn) {
            result.already_present = true;
            return result;
        }
    // With a history, the network was set up the morning before its first day, so nothing in it is dated
    // before the dealer, the salon or the person it belongs to.
    struct ClockGuard {
        db::Database& db;
        ~ClockGuard() { db.set_clock(std::nullopt); }
    } clock_guard{db};
    if (history_days > 0)
        db.set_clock(CalendarDate::of_utc(db.now()).plus_days(-history_days - 1).start_unix("UTC") + 6 * 3600);

    const auto catalog = import_tariff_catalog(db, builtin_tariff_catalog());
    result.tariffs = catalog.tariffs_added;
    seed_demo_products(db);

    const std::int64_t retail = save_dealer(
        db, actor,
        {DealerKind::legal_entity, "ООО «Связь-Ритейл»", kRetailInn, "1237700543211", "773001001"});
    const std::int64_t petrova = save_dealer(
        db, actor,
        {DealerKind::sole_proprietor, "ИП Петрова Анна Сергеевна", "253612345607", "323253600012341", ""});
    result.dealers = 2;
    const std::int64_t dealers[] = {retail, petrova};

    const std::int64_t salons[] = {
        save_salon(
            db, actor,
            {retail, "Калининград, Ленинский", "Калининград, Ленинский проспект, 30", "Europe/Kaliningrad"}),
        save_salon(db, actor,
                   {retail, "Москва, м. Киевская", "Москва, площадь Киевского Вокзала, 2", "Europe/Moscow"}),
        save_salon(
            db, actor,
            {petrova, "Владивосток, Светланская", "Владивосток, улица Светланская, 29", "Asia/Vladivostok"}),
    };
    result.salons = 3;

    const DemoPerson people[] = {
        {"admin", "Орлова Марина Викторовна", Role::head_office_admin, -1, -1, std::nullopt},
        {"trainer", "Смирнов Илья Андреевич", Role::trainer, -1, -1, std::nullopt},
        {"kuznetsov", "Кузнецов Павел Олегович", Role::dealer_manager, -1, 0, std::nullopt},
        {"petrova", "Петрова Анна Сергеевна", Role::dealer_manager, -1, 1, std::nullopt},
        {"volkova", "Волкова Дарья Игоревна", Role::senior_specialist, 1, -1, CareerLevel::senior_specialist},
        {"ivanov", "Иванов Артём Сергеевич", Role::specialist, 1, -1, CareerLevel::specialist},
        {"sokolova", "Соколова Елена Павловна", Role::specialist, 0, -1, CareerLevel::trainee},
        {"kim", "Ким Денис Владимирович", Role::specialist, 2, -1, CareerLevel::specialist},
        // So that each salon's people have days off in the history's rota.
        {"morozov", "Морозов Никита Андреевич", Role::specialist, 1, -1, CareerLevel::specialist},
        {"belov", "Белов Андрей Николаевич", Role::specialist, 0, -1, CareerLevel::specialist},
        {"pak", "Пак Виктория Сергеевна", Role::specialist, 2, -1, CareerLevel::specialist},
    };
    std::int64_t trainer_id = 0;
    for (const auto& p : people) {
        StaffForm form;
        form.login = p.login;
        form.full_name = p.full_name;
        form.role = p.role;
        form.salon_id = p.salon >= 0 ? salons[p.salon] : 0;
        form.dealer_id = p.dealer >= 0 ? dealers[p.dealer] : 0;
        form.career_level = p.level;
        form.password = kDemoPassword;
        const auto id = save_staff(db, actor, form);
        // Demo accounts skip the forced change at first sign-in so anyone can try them.
        change_password(db, id, kDemoPassword);
        if (p.role == Role::trainer) trainer_id = id;
        // The salon staff passed a training week that ended on a Friday, so they may sell (R-POS-3).
        if (works_in_salon(p.role)) record_certification(db, actor, id, "2025-10-31", trainer_id);
        ++result.staff;
    }
    seed_demo_gadgets(db, actor);  // phones, modems and routers sold by IMEI, in every demo salon
    // The demo operator's supplier attributes, so the demo's top-ups carry them (R-POS-10).
    set_agent_supplier(db, actor, {top_up_operator(db), "ПАО «Оператор связи» (демо)", "7700123459", "+7 495 000-00-00"});
    db.set_clock(std::nullopt);
    result.history = add_demo_history(db, actor, history_days);
    return result;
}

}  // namespace salon::pos
