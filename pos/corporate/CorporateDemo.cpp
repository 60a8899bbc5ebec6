#include "pos/corporate/CorporateDemo.hpp"
#include "pos/corporate/UsersImport.hpp"

#include "db/Database.hpp"
#include "db/Text.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/sale/Queue.hpp"
#include "pos/core/sale/SmsOutbox.hpp"
#include "pos/core/organisation/StaffMember.hpp"
#include "pos/corporate/CorporateCabinet.hpp"
#include "pos/corporate/CorporateClient.hpp"
#include "pos/corporate/RemoteServiceApplication.hpp"

#include <cstdio>
#include <functional>
#include <optional>
#include <vector>

namespace salon::pos {

namespace {

constexpr std::int64_t kHour = 3600;

struct DemoNumber {
    const char* msisdn;
    const char* tariff;
};

struct DemoCompany {
    CorporateClientForm form;
    std::vector<DemoNumber> numbers;
    const char* admin;         // the administrator's number; empty: an old cabinet without an application
    const char* email;
    PowerOfAttorneyForm poa;
    bool enable_cabinet;
};

// The users' data a company brings for its numbers (R-CORP-10): made-up people with possible passports.
std::vector<UsersFileRow> demo_users(const std::vector<DemoNumber>& numbers, std::size_t company) {
    static const char* surnames[] = {"Орлов", "Белова", "Гусев", "Зайцева", "Морозов", "Лебедев", "Кравец", "Тихонова"};
    static const char* given[] = {"Дмитрий", "Ольга", "Сергей", "Наталья", "Андрей", "Олег", "Игорь", "Марина"};
    static const char* patronymics[] = {"Павлович", "Игоревна", "Николаевич", "Андреевна",
                                        "Викторович", "Игоревич", "Петрович", "Сергеевна"};
    std::vector<UsersFileRow> rows;
    for (std::size_t i = 0; i < numbers.size(); ++i) {
        const std::size_t k = (company * 3 + i) % 8;
        const int born = 1975 + static_cast<int>((company * 7 + i * 4) % 20);
        char birth[11], issued[11], passport[12];
        std::snprintf(birth, sizeof birth, "%04d-%02d-%02d", born, static_cast<int>(1 + i % 12), static_cast<int>(3 + i));
        std::snprintf(issued, sizeof issued, "%04d-%02d-%02d", born + 20, static_cast<int>(1 + i % 12), static_cast<int>(10 + i));
        std::snprintf(passport, sizeof passport, "45%02d %06d", static_cast<int>(10 + company), static_cast<int>(234500 + i * 17));
        UsersFileRow r;
        r.row = static_cast<int>(i + 2);
        r.cells = {std::string(numbers[i].msisdn).substr(1), surnames[k], given[k], patronymics[k], birth,
                   "г. Москва, ул. Лесная, д. " + std::to_string(3 + i) + ", кв. " + std::to_string(10 + i * 3),
                   "Паспорт гражданина РФ", passport, "ГУ МВД России по г. Москве", issued};
        rows.push_back(std::move(r));
    }
    return rows;
}

// Valid check digits throughout (INN, OGRN, OGRNIP).
std::vector<DemoCompany> companies(const CalendarDate& first_day) {
    const std::string issued = first_day.plus_days(-20).iso(), until = first_day.plus_days(700).iso();
    return {
        {{"7708123450", "1027700123450", "770801001", "ООО «Северный ветер»", "КД-2025/0417", "2025-04-17", ""},
         {{"+79021000101", "alfa"}, {"+79021000102", "alfa"}, {"+79021000103", "beta"}, {"+79021000104", "beta"},
          {"+79021000105", "gamma"}},
         "+79021000101",
         "it@severny-veter.ru",
         {"power_of_attorney", "12-Д", issued, until, "Генеральный директор Ветров Сергей Николаевич",
          "Лисицына Мария Олеговна", ""},
         true},
        {{"771234567859", "318774600123452", "", "ИП Лебедев Олег Игоревич", "КД-2025/0902", "2025-09-02", ""},
         {{"+79021000201", "vega"}, {"+79021000202", "vega"}, {"+79021000203", "tele2_business"}},
         "+79021000201",
         "lebedev.ip@mail.ru",
         {"general_power_of_attorney", "77 АГ 1234567", issued, until, "ИП Лебедев Олег Игоревич",
          "Лебедева Анна Викторовна", ""},
         false},
        {{"3906123455", "1123906123450", "390601001", "ООО «Балтийский причал»", "КД-2019/0311", "2019-03-11", ""},
         {{"+79021000301", "alfa"}, {"+79021000302", "alfa"}},
         "",
         "",
         {},
         false},
    };
}

}  // namespace

CorporateDemoCounts seed_corporate_demo(db::Database& db, const Actor& actor, int history_days, SmsSender& sms) {
    CorporateDemoCounts counts;
    long long present = 0;
    db.run("SELECT COUNT(*) FROM corporate_client WHERE inn = '7708123450'", soci::into(present));
    if (present) {
        counts.already_present = true;
        return counts;
    }
    const auto member = find_staff_by_login(db, actor, "ivanov");
    if (!member) throw ValidationError(tr("Staff member"), trf("no staff member with login {1}", {"ivanov"}));
    const Actor desk = Actor::signed_in(db, *member, actor.audit_key());
    std::string zone = "Europe/Moscow";
    const long long salon = member->salon_id;
    db.run("SELECT time_zone FROM salon WHERE id = :id", soci::use(salon), soci::into(zone));

    const CalendarDate today = CalendarDate::of(db.now(), zone);
    const int days = history_days > 0 ? history_days : 0;
    const CalendarDate first_day = today.plus_days(-days);
    struct ClockReset {
        db::Database& db;
        ~ClockReset() { db.set_clock(std::nullopt); }
    } reset{db};

    // A corporate visit at the desk on `day` (in the past) around which `work` runs; today without history.
    auto visit = [&](const CalendarDate& day, int hour, const std::function<void()>& work) {
        if (days == 0) {
            work();
            return;
        }
        std::int64_t at = day.start_unix(zone) + hour * kHour + 7 * 60;
        db.set_clock(at);
        const Visit v = take_ticket(db, salon, VisitPurpose::corporate);
        db.set_clock(at += 90);
        const auto called = call_next(db, desk, VisitPurpose::corporate);
        db.set_clock(at += 5 * 60);
        work();
        db.set_clock(at += 20 * 60);
        if (called) finish_visit(db, desk, called->id);
        ++counts.visits;
        (void)v;
    };

    const auto list = companies(first_day);
    int slot = 0;
    for (const DemoCompany& c : list) {
        // The companies come over the first days of the history, each at a visit of its own.
        const CalendarDate day = first_day.plus_days(days > 0 ? std::min(days - 1, slot * 2) : 0);
        ++slot;
        std::int64_t client = 0;
        visit(day, 11, [&] {
            client = add_corporate_client(db, desk, c.form);
            for (const auto& n : c.numbers) {
                add_corporate_number(db, desk, client, {n.msisdn, n.tariff});
                ++counts.numbers;
            }
            if (c.admin[0] == 0) record_old_cabinet(db, desk, client, c.numbers.front().msisdn);
        });
        ++counts.clients;
        // The first two companies have given their users' data (R-CORP-10); the last has not yet.
        if (slot <= 2) {
            visit(day, 13, [&] {
                import_users(db, desk, UsersImportRequest{client, std::nullopt, "desk"}, demo_users(c.numbers, slot),
                             false);
            });
        }
        if (c.admin[0] == 0) continue;
        std::int64_t application = 0;
        visit(day, 15, [&] {
            ApplicationForm form;
            form.client_id = client;
            form.bound_email = c.email;
            form.admin_msisdn = c.admin;
            form.poa = c.poa;
            application = file_application(db, desk, form);
            mark_application_printed(db, desk, application);
            advance_application(db, desk, application, ApplicationStatus::signed_by_client);
            advance_application(db, desk, application, ApplicationStatus::registered);
        });
        ++counts.applications;
        // The operator registers it; activation comes the next day.
        const CalendarDate next_day = days > 1 ? day.plus_days(1) : day;
        visit(next_day, 12, [&] {
            advance_application(db, desk, application, ApplicationStatus::active);
            if (!c.enable_cabinet) return;
            open_cabinet_page(db, desk, client);
            press_get_password(db, desk, client);
            const SmsMessage code = enter_cabinet_phone(db, desk, client, c.admin, sms);
            if (!code.sent()) return;  // it waits in the outbox, as at a real desk
            const auto digits = code.body.find_last_of("0123456789");
            record_first_sign_in(db, desk, client, code.body.substr(digits - 5, 6));
            record_permanent_password(db, desk, client);
        });
    }
    // Later visits: the companies' people asking at the desk (a question, a document), spread over the history.
    for (int d = 10; d < days; d += 9) visit(today.plus_days(-d), 16, [] {});
    return counts;
}

}  // namespace salon::pos
