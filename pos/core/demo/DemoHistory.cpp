#include "pos/core/demo/DemoHistory.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/demo/DemoData.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/sale/PortRequest.hpp"
#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/sale/Queue.hpp"
#include "pos/core/sale/Sale.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/sale/Shift.hpp"
#include "pos/core/catalog/SimStock.hpp"
#include "pos/core/organisation/StaffMember.hpp"
#include "pos/core/organisation/SupervisorApproval.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <queue>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace salon::pos {

namespace {

constexpr std::int64_t kMinute = 60;
constexpr std::int64_t kHour = 3600;

// Draws from std::mt19937 by plain arithmetic, not the standard distributions, whose results differ between
// standard libraries: the same seed gives the same history everywhere.
class Dice {
public:
    explicit Dice(std::uint32_t seed) : rng_(seed) {}
    // [0, 1)
    double real() { return static_cast<double>(rng_()) / 4294967296.0; }
    bool chance(double p) { return real() < p; }
    // [lo, hi]
    std::int64_t between(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(rng_() % static_cast<std::uint32_t>(hi - lo + 1));
    }
    template <class T>
    const T& pick(const std::vector<T>& v) {
        return v[static_cast<std::size_t>(between(0, static_cast<std::int64_t>(v.size()) - 1))];
    }
    // An exponential wait with the given mean.
    double exponential(double mean) { return -mean * std::log(1.0 - real()); }
    // The index chosen with the given weights.
    std::size_t weighted(const std::vector<double>& weights) {
        double total = 0;
        for (double w : weights) total += w;
        double r = real() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (r < weights[i]) return i;
            r -= weights[i];
        }
        return weights.size() - 1;
    }

private:
    std::mt19937 rng_;
};

// ---- fictional people

struct Patronymic {
    const char* male;
    const char* female;
};

const std::vector<std::string> kSurnames = {
    "Смирнов",  "Кузнецов", "Попов",     "Васильев",   "Петров",   "Соколов",   "Михайлов", "Новиков",  "Фёдоров",
    "Морозов",  "Волков",   "Алексеев",  "Лебедев",    "Семёнов",  "Егоров",    "Павлов",   "Козлов",   "Степанов",
    "Николаев", "Орлов",    "Андреев",   "Макаров",    "Никитин",  "Захаров",   "Зайцев",   "Соловьёв", "Борисов",
    "Яковлев",  "Григорьев", "Романов",  "Воробьёв",   "Сергеев",  "Фролов",    "Александров", "Дмитриев", "Королёв",
    "Гусев",    "Киселёв",  "Ильин",     "Максимов",   "Поляков",  "Сорокин",   "Виноградов", "Ковалёв", "Белов",
    "Медведев", "Антонов",  "Тарасов",   "Жуков",      "Баранов",  "Филиппов",  "Комаров",  "Давыдов",  "Беляев",
};
const std::vector<std::string> kMaleNames = {
    "Александр", "Дмитрий", "Максим", "Сергей", "Андрей", "Алексей", "Артём", "Илья",    "Кирилл", "Михаил",
    "Никита",    "Матвей",  "Роман",  "Егор",   "Игорь",  "Владимир", "Павел", "Олег",   "Юрий",   "Виктор",
};
const std::vector<std::string> kFemaleNames = {
    "Анна",  "Мария",    "Елена",     "Ольга",  "Наталья", "Татьяна",  "Ирина",  "Екатерина", "Светлана", "Юлия",
    "Анастасия", "Дарья", "Ксения",  "Полина", "Виктория", "Марина",  "Людмила", "Валентина", "Алина",   "Вера",
};
const std::vector<Patronymic> kPatronymics = {
    {"Александрович", "Александровна"}, {"Дмитриевич", "Дмитриевна"}, {"Сергеевич", "Сергеевна"},
    {"Андреевич", "Андреевна"},         {"Алексеевич", "Алексеевна"}, {"Иванович", "Ивановна"},
    {"Михайлович", "Михайловна"},       {"Владимирович", "Владимировна"}, {"Николаевич", "Николаевна"},
    {"Петрович", "Петровна"},           {"Викторович", "Викторовна"}, {"Олегович", "Олеговна"},
    {"Юрьевич", "Юрьевна"},             {"Игоревич", "Игоревна"},     {"Павлович", "Павловна"},
};

// Where a salon's clients live and which office issued their passports.
struct Region {
    const char* passport_region;  // the first two digits of a passport series (the region's OKATO code)
    std::vector<std::string> issuers;
    std::vector<std::string> streets;
    const char* city;
    const char* msisdn_first;  // the first number of the salon's numbered cards
    const char* iccid_body;    // 8 digits of the salon's ICCIDs, then a 10-digit counter
    const char* blank_body;
};

const Region kMoscow{"45",
                     {"ГУ МВД России по г. Москве", "ОВД района Дорогомилово г. Москвы",
                      "Отделением УФМС России по г. Москве по району Раменки"},
                     {"ул. Большая Дорогомиловская", "Кутузовский пр-т", "ул. Киевская", "Бережковская наб.",
                      "ул. Студенческая", "Украинский б-р", "ул. Плющиха", "Мосфильмовская ул."},
                     "г. Москва",
                     "+79257000001",
                     "89701551",
                     "89701561"};
const Region kKaliningrad{"27",
                          {"УМВД России по Калининградской области", "ОУФМС России по Калининградской обл. в "
                                                                     "Ленинградском р-не г. Калининграда"},
                          {"Ленинский пр-т", "ул. Черняховского", "ул. Горького", "Московский пр-т",
                           "ул. Октябрьская", "ул. Театральная"},
                          "г. Калининград",
                          "+79118000001",
                          "89701552",
                          "89701562"};
const Region kVladivostok{"05",
                          {"УМВД России по Приморскому краю", "Отделом УФМС России по Приморскому краю во "
                                                              "Фрунзенском р-не г. Владивостока"},
                          {"ул. Светланская", "ул. Алеутская", "Океанский пр-т", "ул. Русская",
                           "ул. Некрасовская", "ул. Посьетская"},
                          "г. Владивосток",
                          "+79149000001",
                          "89701553",
                          "89701563"};

const std::vector<std::string> kThanks = {
    "Спасибо за быструю помощь, всё объяснили понятно!",
    "Очень вежливый специалист, подобрал выгодный тариф.",
    "Перенесли номер и настроили телефон, спасибо большое.",
    "Быстро заменили SIM-карту, всё работает.",
    "Благодарю за терпение и подробную консультацию.",
};

std::string two_digits(std::int64_t n) {
    char text[8];
    std::snprintf(text, sizeof text, "%02lld", static_cast<long long>(n % 100));
    return text;
}

// ---- the salons and their people

struct Specialist {
    std::string login;
    std::int64_t id = 0;
    std::optional<Actor> actor;
    double bundle_share = 0.5;  // how often the specialist's SIM sale or tariff change is to a bundle tariff
    double bundle_credit = 0;   // spreads the bundles evenly (a running share, not a coin per sale)
    double upsell = 0.3;        // how often a service or an accessory is added
    double good_rating = 0.9;   // how often a rated visit gets 4 or 5
    // The day's state.
    std::string till;
    std::int64_t shift_id = 0;
    bool on_duty = false, busy = false, closed = false;
};

struct Number {
    std::string msisdn;  // E.164, live
    std::string tariff;  // its tariff's code
};

struct Client {
    ClientForm form;
    std::vector<Number> numbers;
};

struct PastSale {
    std::int64_t sale_id = 0;
    std::int64_t at = 0;
};

struct DemoSalon {
    DemoSalon(const char* name_, const Region* region_, std::vector<std::string> logins_, int on_duty_,
              std::vector<double> hourly_, double top_up_share_, std::int64_t float_roubles_)
        : name(name_), region(region_), logins(std::move(logins_)), on_duty(on_duty_), hourly(std::move(hourly_)),
          top_up_share(top_up_share_), float_roubles(float_roubles_) {}

    const char* name;
    const Region* region;
    std::vector<std::string> logins;
    int on_duty = 1;                    // specialists at once
    std::vector<double> hourly;         // visitors per hour from 10:00, a weekday
    double top_up_share = 0.4;
    std::int64_t float_roubles = 2000;
    // Filled in.
    std::int64_t id = 0;
    std::string time_zone;
    std::vector<Specialist> staff;
    std::vector<SimIntake> numbered;  // ICCID and number, in the order received
    std::vector<std::string> blanks;
    std::size_t next_numbered = 0, next_blank = 0;
    long long iccid_counter = 0, blank_counter = 0;
    std::string next_msisdn;
    std::vector<Client> clients;
    std::vector<PastSale> returnable;  // sales with an accessory, for the rare refund
};

// A line as the specialist types it.
DraftLine draft_line(LineKind kind, const std::string& product, const std::string& iccid, const std::string& msisdn,
                     const std::string& tariff, const std::string& amount) {
    DraftLine l;
    l.kind = kind;
    l.product_code = product;
    l.iccid = iccid;
    l.msisdn = msisdn;
    l.tariff_code = tariff;
    l.amount = amount;
    return l;
}

enum class Plan { nothing, top_up, sim, second_sim, replacement, tariff_change, port_in, goods, service, refund };

struct Event {
    std::int64_t at = 0;
    std::uint64_t order = 0;
    std::function<void()> run;
};
struct Later {
    bool operator()(const Event& a, const Event& b) const { return a.at != b.at ? a.at > b.at : a.order > b.order; }
};

// Restores the clock and the durability setting however the history ends.
class HistoryGuard {
public:
    explicit HistoryGuard(db::Database& db) : db_(db) {
        // Demo data are disposable: their commits need not survive a power cut, and waiting for the disk
        // at each of some 60 000 commits would take minutes. Restored at the end.
        if (db_.backend() == db::Backend::sqlite)
            db_.sql() << "PRAGMA synchronous=OFF";
        else
            db_.sql() << "SET synchronous_commit TO OFF";
    }
    ~HistoryGuard() {
        db_.set_clock(std::nullopt);
        try {
            if (db_.backend() == db::Backend::sqlite)
                db_.sql() << "PRAGMA synchronous=FULL";
            else
                db_.sql() << "SET synchronous_commit TO DEFAULT";
        } catch (...) {
        }
    }
    HistoryGuard(const HistoryGuard&) = delete;
    HistoryGuard& operator=(const HistoryGuard&) = delete;

private:
    db::Database& db_;
};

class HistoryWriter {
public:
    HistoryWriter(db::Database& db, const Actor& cli, std::vector<DemoSalon>& salons)
        : db_(db), cli_(cli), salons_(salons), dice_(20261130) {}

    DemoHistoryCounts counts;

    void load_prices(const CalendarDate& on) {
        for (const auto& p : products_on_sale(db_, on, "")) price_[p.code] = p.price;
    }

    void receive(DemoSalon& s, int numbered, int blanks, std::int64_t at) {
        db_.set_clock(at);
        if (numbered > 0) {
            auto rows = sim_range(iccid_with_check_digit(s.region->iccid_body + ten_digits(s.iccid_counter)), numbered,
                                  s.next_msisdn, "triple");
            s.iccid_counter += numbered;
            receive_sims(db_, cli_, s.id, rows);
            s.numbered.insert(s.numbered.end(), rows.begin(), rows.end());
            s.next_msisdn = plus_one(rows.back().msisdn);
        }
        if (blanks > 0) {
            auto rows = sim_range(iccid_with_check_digit(s.region->blank_body + ten_digits(s.blank_counter)), blanks,
                                  "", "nano");
            s.blank_counter += blanks;
            receive_sims(db_, cli_, s.id, rows);
            for (const auto& r : rows) s.blanks.push_back(r.iccid);
        }
    }

    // One local day of every salon (`days_ago` before its today at `real_now`), all events in the order of
    // their moments.
    void run_day(std::int64_t days_ago, std::int64_t real_now) {
        for (auto& s : salons_) plan_salon_day(s, days_ago, real_now);
        while (!events_.empty()) {
            Event e = events_.top();
            events_.pop();
            answer_port_requests_until(e.at);
            db_.set_clock(e.at);
            e.run();
        }
    }

private:
    db::Database& db_;
    const Actor& cli_;
    std::vector<DemoSalon>& salons_;
    Dice dice_;
    std::map<std::string, std::int64_t> price_;
    std::priority_queue<Event, std::vector<Event>, Later> events_;
    std::uint64_t order_ = 0;
    std::set<std::string> passports_;
    long long ported_ = 0;
    // Per visit: how long the visitor is ready to wait.
    std::map<std::int64_t, std::int64_t> patience_;
    // The donors' answers to the port-in requests, recorded at the salon when they come back (R-POS-9): by
    // time, kept across days; those due after yesterday stay open, as they would be today.
    struct PortAnswer {
        std::int64_t request_id = 0;
        DemoSalon* salon = nullptr;
        Specialist* by = nullptr;
        PortStatus to = PortStatus::accepted;
        std::string reason;
    };
    std::multimap<std::int64_t, PortAnswer> port_answers_;

    // A day or so after the sale the donor agrees (or, now and then, refuses); on the transfer date the
    // number moves onto a blank card of the salon's stock, unless the donor withdraws at the last moment.
    void plan_port_answers(DemoSalon& s, Specialist& p, std::int64_t sale_id,
                           const std::string& desired_date) {
        long long request = 0, sale = sale_id;
        db_.run(
            "SELECT pr.id FROM port_request pr JOIN sale_line l ON l.id = pr.sale_line_id WHERE l.sale_id = "
            ":s",
            soci::use(sale), soci::into(request));
        static const std::vector<std::string> refusals = {"Задолженность перед оператором-донором",
                                                          "Данные владельца номера не совпадают с паспортом",
                                                          "Номер оформлен на юридическое лицо"};
        const std::int64_t answered =
            opening_hours(db_.now() + dice_.between(3 * kHour, 30 * kHour), s.time_zone);
        if (dice_.chance(0.06)) {
            port_answers_.insert({answered, {request, &s, &p, PortStatus::rejected, dice_.pick(refusals)}});
            return;
        }
        port_answers_.insert({answered, {request, &s, &p, PortStatus::accepted, ""}});
        const std::int64_t transfer =
            CalendarDate::parse(desired_date, "desired_date", tr("Transfer date")).start_unix(s.time_zone) +
            dice_.between(11 * kHour, 18 * kHour);
        if (dice_.chance(0.04))
            port_answers_.insert({transfer, {request, &s, &p, PortStatus::rejected, dice_.pick(refusals)}});
        else
            port_answers_.insert(
                {std::max(transfer, answered + kHour), {request, &s, &p, PortStatus::completed, ""}});
    }

    // The moment itself if the salon is open then (10:00 to 21:00 on its clock), else soon after it opens.
    std::int64_t opening_hours(std::int64_t moment, const std::string& time_zone) {
        const std::int64_t midnight = CalendarDate::of(moment, time_zone).start_unix(time_zone);
        const std::int64_t hour = (moment - midnight) / kHour;
        if (hour >= 10 && hour < 21) return moment;
        const std::int64_t opening =
            (hour < 10 ? midnight
                       : CalendarDate::of(midnight + 36 * kHour, time_zone).start_unix(time_zone)) +
            10 * kHour;
        return opening + dice_.between(5 * kMinute, 2 * kHour);
    }

    void answer_port_requests_until(std::int64_t until) {
        while (!port_answers_.empty() && port_answers_.begin()->first <= until) {
            const auto [when, a] = *port_answers_.begin();
            port_answers_.erase(port_answers_.begin());
            db_.set_clock(when);
            advance_port_request(db_, *a.by->actor, a.request_id, a.to, a.reason,
                                 a.to == PortStatus::completed ? next_blank(*a.salon) : std::string());
        }
    }

    static std::string ten_digits(long long n) {
        char text[24];
        std::snprintf(text, sizeof text, "%010lld", n + 1);
        return text;
    }
    static std::string plus_one(const std::string& msisdn) {
        return "+" + std::to_string(std::stoll(msisdn.substr(1)) + 1);
    }

    void at(std::int64_t when, std::function<void()> run) { events_.push(Event{when, order_++, std::move(run)}); }

    void plan_salon_day(DemoSalon& s, std::int64_t days_ago, std::int64_t real_now) {
        // The salon's own yesterday and the days before it.
        const CalendarDate local_today = CalendarDate::of(real_now, s.time_zone);
        const CalendarDate day = local_today.plus_days(-days_ago);
        const std::int64_t midnight = day.start_unix(s.time_zone);
        const std::int64_t open = midnight + 10 * kHour, close = midnight + 21 * kHour;
        const int weekday = static_cast<int>((day.days_since_epoch() + 4) % 7);  // 0 Sunday (1970-01-01: Thursday)
        const double day_factor = weekday == 0 ? 0.6 : weekday == 6 ? 0.85 : 1.0;

        // Stock for the coming days when it runs low: a delivery before opening.
        if (s.numbered.size() - s.next_numbered < 40 || s.blanks.size() - s.next_blank < 10)
            receive(s, s.numbered.size() - s.next_numbered < 40 ? 300 : 0, s.blanks.size() - s.next_blank < 10 ? 60 : 0,
                    open - 45 * kMinute);

        // Who works today: a rota in which each has days off.
        const std::int64_t n = static_cast<std::int64_t>(s.staff.size());
        const std::int64_t day_number = day.days_since_epoch();
        std::vector<Specialist*> duty;
        for (std::int64_t i = 0; i < n; ++i) {
            Specialist& p = s.staff[static_cast<std::size_t>(i)];
            p.on_duty = p.busy = p.closed = false;
            p.shift_id = 0;
            bool works;
            if (s.on_duty >= n)
                works = true;
            else if (s.on_duty == 1)
                works = ((day_number / 2) % n) == i;  // two days on, then the other's two days
            else
                works = (day_number % n) != i;  // each is off one day in n
            if (works) duty.push_back(&p);
        }
        for (std::size_t k = 0; k < duty.size(); ++k) {
            Specialist* p = duty[k];
            p->till = "till-" + std::to_string(k + 1);
            at(open - dice_.between(5, 15) * kMinute, [this, &s, p] { open_shift_of(s, *p); });
            at(close + dice_.between(1, 5) * kMinute, [this, &s, p] {
                if (!p->busy && !p->closed) call(s, *p);
            });
        }
        // Cash collection in the afternoon at the busy salon.
        if (s.on_duty > 1)
            for (Specialist* p : duty) at(midnight + 16 * kHour + dice_.between(0, 30) * kMinute, [this, p] { collect_cash(*p); });

        // Visitors: a Poisson stream whose rate follows the hour of the day.
        double t = static_cast<double>(open);
        while (true) {
            const auto hour = static_cast<std::size_t>((static_cast<std::int64_t>(t) - open) / kHour);
            if (hour >= s.hourly.size()) break;
            const double rate = s.hourly[hour] * day_factor;  // per hour
            t += dice_.exponential(3600.0 / rate);
            if (static_cast<std::int64_t>(t) >= close - 5 * kMinute) break;
            const auto when = static_cast<std::int64_t>(t);
            at(when, [this, &s] { arrive(s); });
        }
    }

    void open_shift_of(DemoSalon& s, Specialist& p) {
        const Shift sh = open_shift(db_, *p.actor, p.till, Money::from_kopecks(s.float_roubles * 100));
        p.shift_id = sh.id;
        p.on_duty = true;
        ++counts.shifts;
    }

    void collect_cash(Specialist& p) {
        if (!p.on_duty || p.closed) return;
        const ShiftReport x = shift_report(db_, *p.actor, p.shift_id);
        const Money keep = x.shift.opening_float;
        if (x.expected_cash - keep > Money::from_kopecks(15'000'00))
            move_cash(db_, *p.actor, p.shift_id, CashDirection::out, x.expected_cash - keep, "Инкассация");
    }

    VisitPurpose choose_purpose(DemoSalon& s) {
        const double r = dice_.real();
        if (r < s.top_up_share) return VisitPurpose::top_up;
        if (r < s.top_up_share + (1 - s.top_up_share) * 0.65) return VisitPurpose::sale;
        return VisitPurpose::service;
    }

    void arrive(DemoSalon& s) {
        const Visit v = take_ticket(db_, s.id, choose_purpose(s));
        ++counts.visits;
        // Most wait as long as it takes; some give up after a few minutes.
        patience_[v.id] = dice_.chance(0.7) ? 3 * kHour : static_cast<std::int64_t>(dice_.exponential(12 * kMinute));
        // An idle specialist notices and calls.
        for (Specialist& p : s.staff)
            if (p.on_duty && !p.closed && !p.busy) {
                p.busy = true;
                at(db_.now() + dice_.between(10, 45), [this, &s, &p] { call(s, p); });
                break;
            }
    }

    void call(DemoSalon& s, Specialist& p) {
        const std::int64_t now = db_.now();
        const auto visit = call_next(db_, *p.actor);
        if (!visit) {
            p.busy = false;
            const CalendarDate day = CalendarDate::of(now, s.time_zone);
            if (now >= day.start_unix(s.time_zone) + 21 * kHour) {
                p.busy = true;
                at(now + dice_.between(3, 12) * kMinute, [this, &s, &p] { close_shift_of(s, p); });
            }
            return;
        }
        p.busy = true;
        const Visit v = *visit;
        if (now - v.joined_at > patience_[v.id]) {
            // Gone: called twice, nobody came.
            at(now + dice_.between(40, 90), [this, &s, &p, id = v.id] {
                mark_left(db_, *p.actor, id);
                ++counts.left;
                at(db_.now() + dice_.between(5, 20), [this, &s, &p] { call(s, p); });
            });
            return;
        }
        const Plan plan = choose_plan(s, v.purpose);
        const std::int64_t duration = service_seconds(plan);
        const std::int64_t ends = now + duration;
        if (plan != Plan::nothing)
            at(ends - dice_.between(20, 50), [this, &s, &p, id = v.id, plan] { sell(s, p, id, plan); });
        at(ends, [this, &s, &p, id = v.id, wait = now - v.joined_at] { finish(s, p, id, wait); });
    }

    Plan choose_plan(DemoSalon& s, VisitPurpose purpose) {
        const bool has_clients = !s.clients.empty();
        switch (purpose) {
        case VisitPurpose::top_up:
            return has_clients || !all_numbers_empty() ? Plan::top_up : Plan::nothing;
        case VisitPurpose::sale: {
            const std::size_t k = dice_.weighted({55, 7, 14, 11, 4, 9});
            const Plan plans[] = {Plan::sim, Plan::second_sim, Plan::replacement, Plan::tariff_change, Plan::port_in,
                                  Plan::goods};
            const Plan chosen = plans[k];
            if (!has_clients && (chosen == Plan::second_sim || chosen == Plan::replacement ||
                                 chosen == Plan::tariff_change))
                return Plan::sim;
            return chosen;
        }
        case VisitPurpose::service:
        case VisitPurpose::corporate: {
            if (s.on_duty > 1 && !s.returnable.empty() && dice_.chance(0.03)) return Plan::refund;
            const std::size_t k = dice_.weighted({60, 20, 20});
            if (k == 0) return has_clients ? Plan::service : Plan::nothing;
            return k == 1 ? Plan::goods : Plan::nothing;  // a question, advice on a tariff
        }
        }
        return Plan::nothing;
    }

    bool all_numbers_empty() const {
        for (const auto& s : salons_)
            if (!s.clients.empty()) return false;
        return true;
    }

    std::int64_t service_seconds(Plan plan) {
        switch (plan) {
        case Plan::top_up: return dice_.between(60, 180);
        case Plan::sim:
        case Plan::port_in: return dice_.between(8 * kMinute, 15 * kMinute);
        case Plan::second_sim: return dice_.between(6 * kMinute, 10 * kMinute);
        case Plan::replacement:
        case Plan::service: return dice_.between(5 * kMinute, 10 * kMinute);
        case Plan::tariff_change: return dice_.between(4 * kMinute, 8 * kMinute);
        case Plan::goods: return dice_.between(3 * kMinute, 8 * kMinute);
        case Plan::refund: return dice_.between(5 * kMinute, 9 * kMinute);
        case Plan::nothing: return dice_.between(2 * kMinute, 6 * kMinute);
        }
        return 5 * kMinute;
    }

    // ---- what the visit buys

    ClientForm new_client(const DemoSalon& s) {
        const Region& r = *s.region;
        const bool male = dice_.chance(0.5);
        std::string surname = dice_.pick(kSurnames);
        if (!male) surname += "а";
        const Patronymic& pat = dice_.pick(kPatronymics);
        ClientForm f;
        f.full_name = surname + " " + (male ? dice_.pick(kMaleNames) : dice_.pick(kFemaleNames)) + " " +
                      (male ? pat.male : pat.female);
        const CalendarDate today = CalendarDate::of(db_.now(), s.time_zone);
        const std::int64_t age = dice_.chance(0.7) ? dice_.between(18, 45) : dice_.between(46, 78);
        const CalendarDate birth = today.plus_days(-(age * 365 + age / 4 + dice_.between(1, 360)));
        // A passport is issued at 14 and replaced at 20 and at 45.
        const std::int64_t at_age = age >= 46 ? 45 : age >= 21 ? 20 : 14;
        CalendarDate issued = birth.plus_days(at_age * 365 + at_age / 4 + dice_.between(10, 200));
        if (issued >= today) issued = birth.plus_days(14 * 365 + 4 + dice_.between(10, 200));
        f.birth_date = birth.iso();
        f.document_issued_on = issued.iso();
        std::string passport;
        do {
            passport = std::string(r.passport_region) + two_digits(issued.year()) + " " +
                       std::to_string(dice_.between(100000, 999999));
        } while (!passports_.insert(passport).second);
        f.passport = passport;
        f.document_issuer = dice_.pick(r.issuers);
        f.address = std::string(r.city) + ", " + dice_.pick(r.streets) + ", д. " + std::to_string(dice_.between(1, 60)) +
                    ", кв. " + std::to_string(dice_.between(1, 240));
        return f;
    }

    std::string choose_tariff(Specialist& p) {
        p.bundle_credit += p.bundle_share;
        if (p.bundle_credit >= 1.0) {
            p.bundle_credit -= 1.0;
            const std::size_t k = dice_.weighted({60, 28, 12});
            return k == 0 ? "smart" : k == 1 ? "smart_plus" : "devices";
        }
        return "classic";
    }

    SimIntake next_card(DemoSalon& s) { return s.numbered[s.next_numbered++]; }
    std::string next_blank(DemoSalon& s) { return s.blanks[s.next_blank++]; }

    std::string top_up_amount() {
        static const std::vector<std::string> amounts = {"100", "150", "200", "300", "300", "500", "500", "500", "1000"};
        return dice_.pick(amounts);
    }

    void add_upsell(Specialist& p, SaleDraft& d, const std::string& number) {
        if (dice_.chance(p.upsell)) {
            static const std::vector<std::string> services = {"svc-messengers", "svc-antispam", "svc-who-called",
                                                              "svc-parental", "svc-watch-esim", "svc-ringback"};
            d.lines.push_back(draft_line(LineKind::service, dice_.pick(services), "", number, "", ""));
        }
        if (dice_.chance(p.upsell * 0.6)) add_goods(d, false);
    }

    void add_goods(SaleDraft& d, bool gadgets) {
        static const std::vector<std::string> accessories = {"acc-case", "acc-glass", "acc-glass", "acc-charger"};
        static const std::vector<std::string> devices = {"gad-router-4g", "gad-smartwatch", "gad-phone-basic"};
        if (gadgets && dice_.chance(0.3))
            d.lines.push_back(draft_line(LineKind::gadget, dice_.pick(devices), "", "", "", ""));
        else
            d.lines.push_back(draft_line(LineKind::accessory, dice_.pick(accessories), "", "", "", ""));
    }

    // A number of this salon's clients, or of anyone's (the operator's clients top up anywhere).
    std::string any_number(DemoSalon& s) {
        DemoSalon* from = &s;
        if (s.clients.empty() || dice_.chance(0.15)) from = &salons_[static_cast<std::size_t>(dice_.between(0, 2))];
        if (from->clients.empty()) from = &s;
        if (from->clients.empty())
            for (auto& other : salons_)
                if (!other.clients.empty()) from = &other;
        const Client& c = dice_.pick(from->clients);
        return dice_.pick(c.numbers).msisdn;
    }

    Money total_of(const SaleDraft& d) {
        std::int64_t total = 0;
        for (const DraftLine& l : d.lines) switch (l.kind) {
            case LineKind::sim:
            case LineKind::sim_replacement: total += price_.at("sim"); break;
            case LineKind::top_up: total += std::stoll(l.amount) * 100; break;
            case LineKind::service:
            case LineKind::gadget:
            case LineKind::accessory: total += price_.at(l.product_code) * l.quantity; break;
            case LineKind::tariff_change:
            case LineKind::port_in:
            case LineKind::corporate_tariff: break;  // the demo's private tariffs have no connection fee
            }
        return Money::from_kopecks(total);
    }

    // Cash rounded up to what people hand over, or a card for the exact sum.
    void pay(SaleDraft& d, bool card_likely) {
        const Money total = total_of(d);
        if (total == Money()) return;
        if (dice_.chance(card_likely ? 0.6 : 0.25)) {
            d.paid_card = total.plain();
            return;
        }
        const std::int64_t k = total.kopecks();
        const std::int64_t step = k <= 500'00 ? 100'00 : k <= 2000'00 ? 500'00 : 1000'00;
        const std::int64_t handed = dice_.chance(0.4) ? k : (k + step - 1) / step * step;
        d.paid_cash = Money::from_kopecks(handed).plain();
    }

    void sell(DemoSalon& s, Specialist& p, std::int64_t visit_id, Plan plan) {
        SaleDraft d;
        d.visit_id = visit_id;
        std::string new_number;
        Client* client = nullptr;
        Client fresh;
        bool card_likely = true;
        auto existing_client = [&]() -> Client* { return &s.clients[static_cast<std::size_t>(dice_.between(0, static_cast<std::int64_t>(s.clients.size()) - 1))]; };
        switch (plan) {
        case Plan::nothing: return;
        case Plan::top_up: {
            d.lines.push_back(draft_line(LineKind::top_up, "", "", any_number(s), "", top_up_amount()));
            if (dice_.chance(0.08)) d.lines.push_back(draft_line(LineKind::top_up, "", "", any_number(s), "", top_up_amount()));
            card_likely = false;
            break;
        }
        case Plan::sim:
        case Plan::second_sim: {
            if (plan == Plan::second_sim && !s.clients.empty()) {
                client = existing_client();
                if (client->numbers.size() >= 3) client = nullptr;
            }
            if (!client) {
                fresh.form = new_client(s);
                client = &fresh;
            }
            const SimIntake card = next_card(s);
            new_number = card.msisdn;
            d.with_client = true;
            d.client = client->form;
            d.lines.push_back(draft_line(LineKind::sim, "", card.iccid, "", choose_tariff(p), ""));
            break;
        }
        case Plan::replacement: {
            client = existing_client();
            d.with_client = true;
            d.client = client->form;
            Number& number = client->numbers[static_cast<std::size_t>(
                dice_.between(0, static_cast<std::int64_t>(client->numbers.size()) - 1))];
            d.lines.push_back(draft_line(LineKind::sim_replacement, "", next_blank(s), number.msisdn, "", ""));
            // R-POS-8: a new smartphone, so a move to a tariff with internet is offered.
            if (dice_.chance(0.35)) add_tariff_change(p, d, number);
            add_upsell(p, d, number.msisdn);
            break;
        }
        case Plan::tariff_change: {
            client = existing_client();
            Number& number = client->numbers[static_cast<std::size_t>(
                dice_.between(0, static_cast<std::int64_t>(client->numbers.size()) - 1))];
            add_tariff_change(p, d, number);
            // Already on the tariff asked for: a top-up instead.
            if (d.lines.empty()) d.lines.push_back(draft_line(LineKind::top_up, "", "", number.msisdn, "", top_up_amount()));
            if (dice_.chance(p.upsell)) add_upsell(p, d, number.msisdn);
            break;
        }
        case Plan::port_in: {
            fresh.form = new_client(s);
            client = &fresh;
            d.with_client = true;
            d.client = fresh.form;
            static const std::vector<std::string> donors = {"МТС", "Билайн", "МегаФон", "Yota"};
            const CalendarDate today = CalendarDate::of(db_.now(), s.time_zone);
            DraftLine line = draft_line(LineKind::port_in, "", "", "+7903" + seven_digits(++ported_), choose_tariff(p), "");
            line.donor_operator = dice_.pick(donors);
            line.desired_date = today.plus_days(dice_.between(2, 8)).iso();
            d.lines.push_back(line);
            break;
        }
        case Plan::goods:
            add_goods(d, true);
            if (dice_.chance(0.3)) add_goods(d, false);
            break;
        case Plan::service: {
            const std::string number = any_number(s);
            static const std::vector<std::string> services = {"svc-messengers", "svc-antispam", "svc-who-called",
                                                              "svc-parental", "svc-watch-esim", "svc-ringback"};
            d.lines.push_back(draft_line(LineKind::service, dice_.pick(services), "", number, "", ""));
            card_likely = false;
            break;
        }
        case Plan::refund:
            refund(s, p);
            return;
        }
        // A new number: the first top-up and the specialist's offers.
        if (!new_number.empty()) {
            if (dice_.chance(0.45)) d.lines.push_back(draft_line(LineKind::top_up, "", "", new_number, "", top_up_amount()));
            add_upsell(p, d, new_number);
        }
        pay(d, card_likely);
        const CommittedSale sale = commit_sale(db_, *p.actor, p.till, d);
        ++counts.sales;
        bool returnable = false;
        for (const DraftLine& l : d.lines) {
            if (l.kind == LineKind::top_up) ++counts.top_ups;
            if (l.kind == LineKind::sim) ++counts.sim_sales;
            if (l.kind == LineKind::accessory) returnable = true;
        }
        if (returnable) s.returnable.push_back({sale.sale_id, db_.now()});
        if (!new_number.empty()) {
            client->numbers.push_back({new_number, d.lines.front().tariff_code});
            if (client == &fresh) {
                s.clients.push_back(fresh);
                ++counts.clients;
            }
        } else if (client == &fresh) {
            ++counts.clients;  // a port-in: the number arrives on the transfer date
        }
        for (const DraftLine& l : d.lines)
            if (l.kind == LineKind::port_in) plan_port_answers(s, p, sale.sale_id, l.desired_date);
    }

    static std::string seven_digits(long long n) {
        char text[24];
        std::snprintf(text, sizeof text, "%07lld", 1000000 + n);
        return text;
    }

    void add_tariff_change(Specialist& p, SaleDraft& d, Number& number) {
        std::string tariff = choose_tariff(p);
        if (tariff == number.tariff) {
            if (tariff == "classic") return;  // already there: nothing to change
            tariff = tariff == "smart" ? "smart_plus" : "smart";
        }
        d.lines.push_back(draft_line(LineKind::tariff_change, "", "", number.msisdn, tariff, ""));
        number.tariff = tariff;
    }

    void refund(DemoSalon& s, Specialist& p) {
        const std::int64_t now = db_.now();
        // A purchase of the last fortnight brought back.
        std::size_t i = 0;
        while (i < s.returnable.size() && now - s.returnable[i].at > 14 * 24 * kHour) ++i;
        s.returnable.erase(s.returnable.begin(), s.returnable.begin() + static_cast<std::ptrdiff_t>(i));
        if (s.returnable.empty()) return;
        const std::size_t k = static_cast<std::size_t>(dice_.between(0, static_cast<std::int64_t>(s.returnable.size()) - 1));
        const std::int64_t sale_id = s.returnable[k].sale_id;
        s.returnable.erase(s.returnable.begin() + static_cast<std::ptrdiff_t>(k));
        const SaleRecord r = get_sale(db_, *p.actor, sale_id);
        std::vector<std::int64_t> lines;
        // An accessory only: the drawer, emptied at the afternoon's collection, always covers one.
        for (const auto& l : r.lines)
            if (l.kind == LineKind::accessory) {
                lines.push_back(l.id);
                break;
            }
        if (lines.empty()) return;
        std::optional<SupervisorApproval> approval;
        if (!p.actor->may(db_, Permission::refund)) {
            const Specialist* senior = on_duty_senior(s);
            if (!senior) return;  // nobody to approve today: the client comes back tomorrow
            approval = approve(db_, *p.actor, Permission::refund, senior->login, kDemoPassword);
        }
        refund_sale(db_, *p.actor, p.till, sale_id, lines, approval);
        ++counts.refunds;
    }

    const Specialist* on_duty_senior(const DemoSalon& s) const {
        for (const Specialist& q : s.staff)
            if (q.on_duty && q.login == "volkova") return &q;
        return nullptr;
    }

    void finish(DemoSalon& s, Specialist& p, std::int64_t visit_id, std::int64_t waited) {
        finish_visit(db_, *p.actor, visit_id);
        // Most visitors press a rating on the second screen; a long wait makes a good one less likely.
        if (dice_.chance(0.78)) {
            double good = p.good_rating - (waited > 15 * kMinute ? 0.12 : 0.0);
            const int rating = dice_.chance(good) ? (dice_.chance(0.72) ? 5 : 4)
                                                  : static_cast<int>(dice_.weighted({20, 30, 50}) + 1);
            at(db_.now() + dice_.between(3, 40), [this, &p, visit_id, rating] {
                rate_visit(db_, visit_id, rating);
                if (rating == 5 && dice_.chance(0.03))
                    at(db_.now() + dice_.between(30, 120),
                       [this, &p, visit_id] { record_thanks(db_, *p.actor, visit_id, dice_.pick(kThanks)); });
            });
        }
        at(db_.now() + dice_.between(15, 75), [this, &s, &p] { call(s, p); });
    }

    void close_shift_of(DemoSalon& s, Specialist& p) {
        const ShiftReport x = shift_report(db_, *p.actor, p.shift_id);
        Money counted = x.expected_cash;
        std::optional<SupervisorApproval> approval;
        // Now and then the drawer is a few roubles off; the salon's senior approves the difference.
        if (s.on_duty > 1 && dice_.chance(0.07)) {
            const Specialist* senior = on_duty_senior(s);
            const Money diff = Money::from_kopecks(dice_.between(1, 20) * 10'00);
            if (senior) {
                // A senior's own shortfall would need a second senior (R-POS-10), and none is on duty with her.
                counted = dice_.chance(0.6) || x.expected_cash < diff || senior == &p ? x.expected_cash + diff
                                                                                      : x.expected_cash - diff;
                if (senior != &p) approval = approve(db_, *p.actor, Permission::approve_cash_difference, senior->login,
                                                     kDemoPassword);
            }
        }
        close_shift(db_, *p.actor, p.shift_id, counted, approval,
                    counted < x.expected_cash ? tr("too much change given to a client").str() : std::string());
        p.closed = true;
        p.on_duty = false;
        p.busy = false;
    }
};

}  // namespace

DemoHistoryCounts add_demo_history(db::Database& db, const Actor& actor, int days) {
    if (days < 0 || days > kDemoHistoryMaxDays)
        throw InputError("days", tr("Days of history"),
                         trf("must be from 0 to {1}", {std::to_string(kDemoHistoryMaxDays)}));
    DemoHistoryCounts none;
    if (days == 0) return none;

    std::vector<DemoSalon> salons;
    // The busy metro salon: two at the desks of three, 12 visitors an hour at the evening peak, 5 of 12 top up
    // (R-POS-6). The quieter ones: one specialist a day, taking turns.
    salons.emplace_back("Москва, м. Киевская", &kMoscow, std::vector<std::string>{"volkova", "ivanov", "morozov"}, 2,
                        std::vector<double>{5, 6, 9, 10, 8, 6, 6, 8, 12, 11, 7}, 5.0 / 12.0, 3000);
    salons.emplace_back("Калининград, Ленинский", &kKaliningrad, std::vector<std::string>{"sokolova", "belov"}, 1,
                        std::vector<double>{2, 3, 4, 4, 3, 3, 3, 4, 5, 4, 3}, 0.36, 2000);
    salons.emplace_back("Владивосток, Светланская", &kVladivostok, std::vector<std::string>{"kim", "pak"}, 1,
                        std::vector<double>{2, 3, 3, 4, 3, 3, 3, 4, 4, 4, 2}, 0.34, 2000);
    // How each person sells: one weak at bundles (below the 50% norm), the others above it.
    struct Manner {
        const char* login;
        double bundle, upsell, good;
    };
    const Manner manners[] = {{"volkova", 0.70, 0.45, 0.95}, {"ivanov", 0.40, 0.20, 0.88}, {"morozov", 0.60, 0.30, 0.92},
                              {"sokolova", 0.52, 0.25, 0.89}, {"belov", 0.64, 0.30, 0.91}, {"kim", 0.58, 0.35, 0.93},
                              {"pak", 0.55, 0.28, 0.90}};
    const AuditKey& key = actor.audit_key();
    for (DemoSalon& s : salons) {
        for (const Salon& found : list_salons(db, actor))
            if (found.name == s.name) {
                s.id = found.id;
                s.time_zone = found.time_zone;
            }
        if (s.id == 0) throw ValidationError(tr("Salon"), trf("no salon named {1}", {s.name}));
        s.next_msisdn = s.region->msisdn_first;
        for (const std::string& login : s.logins) {
            const auto member = find_staff_by_login(db, actor, login);
            if (!member) throw ValidationError(tr("Staff member"), trf("no staff member with login {1}", {login}));
            Specialist p;
            p.login = login;
            p.id = member->id;
            p.actor = Actor::signed_in(db, *member, key);
            for (const Manner& m : manners)
                if (login == m.login) {
                    p.bundle_share = m.bundle;
                    p.upsell = m.upsell;
                    p.good_rating = m.good;
                }
            p.bundle_credit = 0.5;
            s.staff.push_back(std::move(p));
        }
    }

    HistoryGuard guard(db);
    const std::int64_t real_now = db.now();
    HistoryWriter writer(db, actor, salons);
    writer.counts.days = days;
    // The stock for the whole period arrives the evening before the first day.
    const CalendarDate first = CalendarDate::of_utc(real_now).plus_days(-days - 1);
    writer.load_prices(first.plus_days(1));
    const int expected_sims[] = {22, 9, 9};
    for (std::size_t i = 0; i < salons.size(); ++i)
        writer.receive(salons[i], days * expected_sims[i] + 60, days * (i == 0 ? 6 : 3) + 20,
                       first.start_unix(salons[i].time_zone) + 18 * kHour);
    for (std::int64_t ago = days; ago >= 1; --ago) {
        db.set_clock(real_now);
        writer.run_day(ago, real_now);
    }
    return writer.counts;
}

}  // namespace salon::pos
