// salon-cli bench stations: a dealer network's busiest hour on one database. Each simulated station is a
// thread with its own connection, till, shift and specialist; two stations share a salon (its queue, its
// audit chain, its shift numbers) as at the metro salon of the demo. Each serves visitors at the demo's
// busiest-hour pace, compressed by a printed factor: the ticket, the call, the operation (a SIM sale, a
// top-up, a SIM replacement, a refund) and the end of the visit, now and then a shift closed and a new one
// opened. Every commit is timed. Afterwards the database itself is asked whether every sale a station was
// told was committed is there, once, with no card sold twice and no receipt number twice in a shift.
#include "db/UserError.hpp"
#include "pos/cli/BenchFigures.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/fiscal/PaymentAgent.hpp"
#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/catalog/SimStock.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/organisation/Certification.hpp"
#include "pos/core/organisation/Dealer.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/organisation/StaffMember.hpp"
#include "pos/core/sale/Queue.hpp"
#include "pos/core/sale/Sale.hpp"
#include "pos/core/sale/Shift.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <thread>

namespace salon::cli {
using namespace salon::pos;

namespace {

constexpr const char* kNetworkInn = "7730543299";
constexpr const char* kNetworkOgrn = "1237700543299";
constexpr const char* kSalonPrefix = "Салон сети бенчмарка ";
// The demo's busiest hour (DemoHistory: the metro salon) brings 12 visitors an hour to two specialists.
constexpr double kVisitorsPerStationHour = 12.0 / 2.0;
constexpr int kStationsPerSalon = 2;

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point a) { return std::chrono::duration<double, std::milli>(Clock::now() - a).count(); }

// What a station does, in the order the report lists them.
enum Op { ticket, call, sim_sale, top_up, replacement, refund, finish, shift_close, shift_open, kOps };
constexpr const char* kOpNames[kOps] = {"ticket", "call",   "sim_sale",    "top_up",    "replacement",
                                        "refund", "finish", "shift_close", "shift_open"};

// A sale or refund a station was told is committed.
struct Acknowledged {
    std::int64_t sale_id = 0;
    int receipt = 0;
};

struct StationResult {
    std::vector<double> times[kOps];
    std::vector<Acknowledged> acknowledged;
    int failed = 0;
    std::vector<std::string> failures;  // the first few
    int queue_empty = 0;                // the other station of the salon had called the visitor
};

struct StationSetup {
    int index = 0;
    std::int64_t salon = 0, staff = 0;
    std::string till;
    long long first_card = 0, cards = 0;   // cards with numbers, this station's range
    long long first_blank = 0, blanks = 0;  // blank cards for replacements
};

std::string card_iccid(long long i) { return cli::bench_iccid("89703", i); }
std::string card_msisdn(long long i) { return cli::bench_msisdn("+7903", i); }
std::string blank_iccid(long long i) { return cli::bench_iccid("89704", i); }

// A passport no earlier run used: the card's own index, unique across runs.
std::string passport_for(long long card) {
    char text[16];
    std::snprintf(text, sizeof text, "%04lld %06lld", 4500 + (card / 999999) % 100, card % 999999 + 1);
    return text;
}

ClientForm new_client(long long card) {
    return ClientForm{"Клиентов Станция Тестович", "25.11.1990", passport_for(card), "10.12.2010",
                      "ОВД Тверского района г. Москвы", "г. Москва, ул. Тверская, д. 1, кв. 2", ""};
}

// One station's working hour, compressed: returns what it did and how long each commit took.
class Station {
public:
    Station(const db::DatabaseUrl& url, const StationSetup& setup, const AuditKey& key, double mean_gap_s,
            Clock::time_point end, unsigned seed)
        : url_(url), setup_(setup), key_(key), mean_gap_s_(mean_gap_s), end_(end), dice_(seed) {}

    StationResult run() {
        try {
            db_ = db::Database::open(url_, db::Database::Mode::open_existing);
            const Actor cli = Actor::command_line(key_);
            actor_.emplace(Actor::signed_in(*db_, get_staff(*db_, cli, setup_.staff), key_));
            const auto shift = open_shift_at(*db_, *actor_, setup_.till);
            if (!shift) throw ValidationError(tr("Bench"), tr("the station's shift is not open"));
            shift_id_ = shift->id;
            // One shift close per station, somewhere in the middle of the run.
            const auto total = end_ - Clock::now();
            close_at_ = Clock::now() + total / 3 + std::chrono::duration_cast<Clock::duration>(
                                                        total / 3 * std::uniform_real_distribution<>(0, 1)(dice_));
            auto next = Clock::now() + gap();
            while (next < end_) {
                std::this_thread::sleep_until(next);
                if (!closed_ && Clock::now() >= close_at_) close_and_reopen();
                visit();
                next = std::max(next + gap(), Clock::now());
            }
        } catch (const std::exception& e) {
            fail(e.what());
        }
        return std::move(result_);
    }

private:
    Clock::duration gap() {
        const double s = std::exponential_distribution<>(1.0 / mean_gap_s_)(dice_);
        return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
    }

    void fail(const std::string& what) {
        ++result_.failed;
        if (result_.failures.size() < 5) result_.failures.push_back(what);
    }

    // Runs one timed commit; false (counted as failed) when it threw.
    template <class Body>
    bool timed(Op op, Body&& body) {
        const auto t0 = Clock::now();
        try {
            body();
        } catch (const std::exception& e) {
            fail(std::string(kOpNames[op]) + ": " + e.what());
            return false;
        }
        result_.times[op].push_back(ms_since(t0));
        return true;
    }

    void visit() {
        // The demo's mix (DemoHistory's choose_purpose and choose_plan): 5 of 12 top up, most of the rest buy
        // a SIM, some replace one; a few come back to return what they bought.
        const double r = std::uniform_real_distribution<>(0, 1)(dice_);
        Op op = r < 5.0 / 12 ? Op::top_up : r < 0.85 ? Op::sim_sale : r < 0.96 ? Op::replacement : Op::refund;
        if (op == Op::top_up && numbers_.empty()) op = Op::sim_sale;
        if (op == Op::replacement && (numbers_.empty() || next_blank_ >= setup_.blanks)) op = Op::sim_sale;
        if (op == Op::refund && refundable_.empty()) op = Op::sim_sale;
        if (op == Op::sim_sale && next_card_ >= setup_.cards) op = numbers_.empty() ? Op::kOps : Op::top_up;
        if (op == Op::kOps) return;  // out of cards and nobody to top up: the station idles

        const VisitPurpose purpose = op == Op::top_up ? VisitPurpose::top_up
                                     : op == Op::refund ? VisitPurpose::service
                                                        : VisitPurpose::sale;
        if (!timed(Op::ticket, [&] { take_ticket(*db_, setup_.salon, purpose); })) return;
        std::optional<Visit> called;
        if (!timed(Op::call, [&] { called = call_next(*db_, *actor_); })) return;
        if (!called) {
            ++result_.queue_empty;
            return;
        }
        if (called->served_by != actor_->staff_id()) fail("call: the visitor is being served at another station");
        switch (op) {
        case Op::sim_sale: sell_sim(called->id); break;
        case Op::top_up: top_up_number(called->id); break;
        case Op::replacement: replace_card(called->id); break;
        case Op::refund: refund_one(); break;
        default: break;
        }
        timed(Op::finish, [&] { finish_visit(*db_, *actor_, called->id); });
    }

    void commit(Op op, const SaleDraft& draft, const std::function<void(const CommittedSale&)>& done) {
        CommittedSale sale;
        if (timed(op, [&] { sale = commit_sale(*db_, *actor_, setup_.till, draft); })) {
            result_.acknowledged.push_back({sale.sale_id, sale.receipt_number});
            done(sale);
        }
    }

    void sell_sim(std::int64_t visit) {
        const long long card = setup_.first_card + next_card_++;
        SaleDraft d;
        d.visit_id = visit;
        d.with_client = true;
        d.client = new_client(card);
        DraftLine line;
        line.kind = LineKind::sim;
        line.iccid = card_iccid(card);
        line.tariff_code = std::uniform_int_distribution<>(0, 1)(dice_) ? "smart" : "classic";
        d.lines.push_back(line);
        d.paid_cash = "1000";
        commit(Op::sim_sale, d, [&](const CommittedSale& sale) {
            numbers_.push_back({card_msisdn(card), passport_for(card)});
            refundable_.push_back({sale.sale_id, numbers_.size() - 1});
        });
    }

    void top_up_number(std::int64_t visit) {
        const auto& number = numbers_[std::uniform_int_distribution<std::size_t>(0, numbers_.size() - 1)(dice_)];
        SaleDraft d;
        d.visit_id = visit;
        DraftLine line;
        line.kind = LineKind::top_up;
        line.msisdn = number.first;
        line.amount = std::to_string(std::uniform_int_distribution<>(1, 10)(dice_) * 100);
        d.lines.push_back(line);
        d.paid_cash = "1000";
        commit(Op::top_up, d, [](const CommittedSale&) {});
    }

    void replace_card(std::int64_t visit) {
        const std::size_t which = std::uniform_int_distribution<std::size_t>(0, numbers_.size() - 1)(dice_);
        const auto number = numbers_[which];
        SaleDraft d;
        d.visit_id = visit;
        d.with_client = true;
        d.client.passport = number.second;  // a registered client: the passport alone
        DraftLine line;
        line.kind = LineKind::sim_replacement;
        line.msisdn = number.first;
        line.iccid = blank_iccid(setup_.first_blank + next_blank_++);
        d.lines.push_back(line);
        d.paid_cash = "1000";
        commit(Op::replacement, d, [&](const CommittedSale&) {
            // Its first sale is no longer refunded at the desk as it was: the card it sold is out of service.
            refundable_.erase(std::remove_if(refundable_.begin(), refundable_.end(),
                                             [&](const auto& s) { return s.second == which; }),
                              refundable_.end());
        });
    }

    void refund_one() {
        const std::size_t pick = std::uniform_int_distribution<std::size_t>(0, refundable_.size() - 1)(dice_);
        const std::int64_t sale_id = refundable_[pick].first;
        const std::size_t number = refundable_[pick].second;
        CommittedSale back;
        if (timed(Op::refund, [&] {
                back = refund_sale(*db_, *actor_, setup_.till, sale_id, {}, std::nullopt,
                                   std::string("передумал, бенчмарк"));
            })) {
            result_.acknowledged.push_back({back.sale_id, back.receipt_number});
            refundable_.erase(refundable_.begin() + static_cast<std::ptrdiff_t>(pick));
            // The number left service with its card: it is neither topped up nor replaced any more.
            numbers_.erase(numbers_.begin() + static_cast<std::ptrdiff_t>(number));
            for (auto& r : refundable_)
                if (r.second > number) --r.second;
        }
    }

    void close_and_reopen() {
        closed_ = true;
        if (!timed(Op::shift_close, [&] {
                const ShiftReport x = shift_report(*db_, *actor_, shift_id_);
                close_shift(*db_, *actor_, shift_id_, x.expected_cash);
            }))
            return;
        timed(Op::shift_open, [&] { shift_id_ = open_shift(*db_, *actor_, setup_.till, Money()).id; });
    }

    db::DatabaseUrl url_;
    StationSetup setup_;
    const AuditKey& key_;
    double mean_gap_s_;
    Clock::time_point end_, close_at_;
    std::mt19937 dice_;
    std::unique_ptr<db::Database> db_;
    std::optional<Actor> actor_;
    std::int64_t shift_id_ = 0;
    bool closed_ = false;
    long long next_card_ = 0, next_blank_ = 0;
    std::vector<std::pair<std::string, std::string>> numbers_;  // sold here and live: number, owner's passport
    std::vector<std::pair<std::int64_t, std::size_t>> refundable_;  // a SIM sale and its number's index
    StationResult result_;
};

// The network's dealer, salons, senior specialists (a refund needs one), their certifications, cards and
// open shifts, made on first use and reused by later runs (new cards every run).
std::vector<StationSetup> prepare_network(db::Database& db, const Actor& cli, int stations, long long cards,
                                          long long blanks) {
    const CalendarDate today = CalendarDate::of_utc(db.now());
    long long tariffs = 0;
    db.run("SELECT COUNT(*) FROM tariff WHERE code = 'smart'", soci::into(tariffs));
    if (!tariffs) import_tariff_catalog(db, builtin_tariff_catalog());
    if (products_on_sale(db, today, "sim").empty()) seed_demo_products(db);
    // A top-up is a payment agent's receipt: refused until the operator's supplier is known (R-POS-10).
    if (!agent_supplier(db, top_up_operator(db)))
        set_agent_supplier(db, cli, {top_up_operator(db), "ПАО «Оператор связи»", "7700123459", "+7 495 765-43-21"});

    std::int64_t dealer = 0;
    for (const auto& d : list_dealers(db, cli))
        if (d.inn == kNetworkInn) dealer = d.id;
    if (!dealer)
        dealer = save_dealer(db, cli, {DealerKind::legal_entity, "ООО «Сеть бенчмарка»", kNetworkInn, kNetworkOgrn,
                                       "773001001"});
    std::map<std::string, std::int64_t> salons;
    for (const auto& s : list_salons(db, cli, dealer)) salons[s.name] = s.id;
    auto staff = [&](const std::string& login, const std::string& name, Role role, std::int64_t salon,
                     std::optional<CareerLevel> level) {
        if (auto found = find_staff_by_login(db, cli, login)) return found->id;
        return save_staff(db, cli, {login, name, role, salon, 0, level, "bench-password-1"});
    };
    const std::int64_t trainer = staff("bench-trainer", "Тренер бенчмарка", Role::trainer, 0, std::nullopt);

    long long next_card = 0, next_blank = 0;
    db.run("SELECT COUNT(*) FROM sim_card WHERE iccid LIKE '89703%'", soci::into(next_card));
    db.run("SELECT COUNT(*) FROM sim_card WHERE iccid LIKE '89704%'", soci::into(next_blank));
    std::vector<StationSetup> out;
    for (int i = 0; i < stations; ++i) {
        StationSetup s;
        s.index = i;
        const std::string salon_name = kSalonPrefix + std::to_string(i / kStationsPerSalon + 1);
        if (!salons.count(salon_name))
            salons[salon_name] = save_salon(db, cli, {dealer, salon_name, "—", "Europe/Moscow"});
        s.salon = salons[salon_name];
        s.till = "bench-station-" + std::to_string(i % kStationsPerSalon + 1);
        s.staff = staff("bench-station-" + std::to_string(i + 1), "Специалист станции " + std::to_string(i + 1),
                        Role::senior_specialist, s.salon, CareerLevel::senior_specialist);
        if (!is_certified(db, s.staff)) record_certification(db, cli, s.staff, today.iso(), trainer);
        s.first_card = next_card;
        s.cards = cards;
        next_card += cards;
        receive_sims(db, cli, s.salon, sim_range(card_iccid(s.first_card), static_cast<int>(cards),
                                                 card_msisdn(s.first_card), "nano"));
        s.first_blank = next_blank;
        s.blanks = blanks;
        next_blank += blanks;
        receive_sims(db, cli, s.salon, sim_range(blank_iccid(s.first_blank), static_cast<int>(blanks), "", "nano"));
        // A fresh shift for the run: one a run cut short left open is closed as counted.
        const Actor seller = Actor::signed_in(db, get_staff(db, cli, s.staff), cli.audit_key());
        if (auto serving = serving_now(db, seller)) finish_visit(db, seller, serving->id);
        if (auto open = open_shift_at(db, seller, s.till))
            close_shift(db, seller, open->id, shift_report(db, seller, open->id).expected_cash);
        open_shift(db, seller, s.till, Money());
        out.push_back(s);
    }
    return out;
}

struct Check {
    long long lost = 0, duplicated = 0, sims_sold_twice = 0, receipts_twice = 0, in_database = 0;
};

// Asks the database, on a connection of its own, about this run's sales and refunds (ids above `before` in
// the network's salons) against what the stations were told.
Check check_run(db::Database& db, std::int64_t before_id, const std::vector<Acknowledged>& acknowledged) {
    Check c;
    const std::string prefix = std::string(kSalonPrefix) + "%";
    const long long before = before_id;
    std::map<std::int64_t, int> stored;  // sale id to receipt number, every row of the run
    std::multiset<std::int64_t> ids;
    {
        long long id = 0;
        int receipt = 0;
        db::Statement st = db.query(
            "SELECT s.id, s.receipt_number FROM sale s JOIN salon sa ON sa.id = s.salon_id "
            "WHERE s.id > :b AND sa.name LIKE :p",
            soci::use(before), soci::use(prefix), soci::into(id), soci::into(receipt));
        st.execute();
        while (st.fetch()) {
            stored[id] = receipt;
            ids.insert(id);
        }
    }
    c.in_database = static_cast<long long>(ids.size());
    std::map<std::int64_t, int> told;
    for (const Acknowledged& a : acknowledged) {
        if (!told.emplace(a.sale_id, a.receipt).second) ++c.duplicated;  // two stations told of one row
        const auto found = stored.find(a.sale_id);
        if (found == stored.end() || found->second != a.receipt) ++c.lost;
    }
    for (const auto& [id, receipt] : stored)
        if (!told.count(id)) ++c.duplicated;  // a row nobody was told of: a sale saved twice or by mistake
    db.run("SELECT COUNT(*) FROM (SELECT s.shift_id, s.receipt_number FROM sale s JOIN salon sa ON "
           "sa.id = s.salon_id WHERE sa.name LIKE :p GROUP BY s.shift_id, s.receipt_number HAVING COUNT(*) > 1) x",
           soci::use(prefix), soci::into(c.receipts_twice));
    // A card sold more often than refunded: sold twice (a card refunded comes back as returned and may be
    // sold again).
    db.run("SELECT COUNT(*) FROM (SELECT l.sim_card_id FROM sale_line l JOIN sale s ON s.id = l.sale_id "
           "JOIN salon sa ON sa.id = s.salon_id WHERE sa.name LIKE :p AND l.kind IN ('sim', 'sim_replacement') "
           "AND l.sim_card_id IS NOT NULL GROUP BY l.sim_card_id "
           "HAVING SUM(CASE WHEN s.kind = 'sale' THEN 1 ELSE -1 END) > 1) x",
           soci::use(prefix), soci::into(c.sims_sold_twice));
    return c;
}

void run_stations_bench(CliContext& ctx, int stations, int seconds, double speedup) {
    if (stations < 1 || stations > 100)
        throw InputError("stations", tr("Stations"), trf("must be from {1} to {2}", {"1", "100"}));
    if (seconds < 1 || seconds > 3600)
        throw InputError("seconds", tr("Seconds"), trf("must be from {1} to {2}", {"1", "3600"}));
    if (!(speedup >= 1 && speedup <= 100000))
        throw InputError("speedup", tr("Speed-up"), trf("must be from {1} to {2}", {"1", "100000"}));
    if (ctx.db_url.empty())
        throw ValidationError(tr("Database"),
                              tr("name a scratch database with --db: the bench adds salons, cards and sales to it"));
    auto db = ctx.open(true);
    const Actor cli = ctx.maintenance();
    // Real sales are never mixed with the bench's (see bench sale).
    long long foreign = 0;
    const std::string prefix = std::string(kSalonPrefix) + "%", bench_sale_salon = "Салон бенчмарка продаж";
    db->run("SELECT COUNT(*) FROM sale s JOIN salon sa ON sa.id = s.salon_id WHERE sa.name NOT LIKE :p AND "
            "sa.name <> :n",
            soci::use(prefix), soci::use(bench_sale_salon), soci::into(foreign));
    if (foreign > 0)
        throw RefusedError(tr("This database has real sales: run the bench on a scratch database (an empty file or "
                              "server database, or one only the bench has used)."));
    std::ostream discard(nullptr);
    std::ostream& out = ctx.json ? discard : std::cout;
    const double mean_gap = 3600.0 / kVisitorsPerStationHour / speedup;
    // Enough cards for a station that sells at every visit, with room for the pace's randomness.
    const long long cards = static_cast<long long>(seconds / mean_gap * 1.5) + 20;
    out << trf("Bench on {1} ({2}): {3} stations for {4} s, two to a salon, each paced as the demo's busiest hour "
               "({5} visitors an hour per station) compressed {6}× (a visitor every {7} s on average).",
               {db->url().display, durability(*db), std::to_string(stations), std::to_string(seconds),
                std::to_string(static_cast<int>(kVisitorsPerStationHour)), ms(speedup), ms(mean_gap)})
               .str()
        << '\n';
    const auto setups = prepare_network(*db, cli, stations, cards, cards / 4 + 5);
    long long before = 0;
    db->run("SELECT COALESCE(MAX(id), 0) FROM sale", soci::into(before));

    std::vector<StationResult> results(setups.size());
    std::vector<std::thread> threads;
    const auto start = Clock::now();
    const auto end = start + std::chrono::seconds(seconds);
    for (std::size_t i = 0; i < setups.size(); ++i)
        threads.emplace_back([&, i] {
            Station station(db->url(), setups[i], cli.audit_key(), mean_gap, end, static_cast<unsigned>(1000 + i));
            results[i] = station.run();
        });
    for (auto& t : threads) t.join();
    const double elapsed = ms_since(start) / 1000.0;

    std::vector<double> all, by_op[kOps];
    std::vector<Acknowledged> acknowledged;
    int failed = 0, queue_empty = 0;
    std::vector<std::string> failures;
    for (const StationResult& r : results) {
        for (int op = 0; op < kOps; ++op) {
            by_op[op].insert(by_op[op].end(), r.times[op].begin(), r.times[op].end());
            all.insert(all.end(), r.times[op].begin(), r.times[op].end());
        }
        acknowledged.insert(acknowledged.end(), r.acknowledged.begin(), r.acknowledged.end());
        failed += r.failed;
        queue_empty += r.queue_empty;
        for (const auto& f : r.failures)
            if (failures.size() < 10) failures.push_back(f);
    }
    auto checker = db::Database::open(db->url(), db::Database::Mode::open_existing);
    const Check check = check_run(*checker, before, acknowledged);
    const Spread total = spread(all);
    const double throughput = static_cast<double>(all.size()) / elapsed;

    nlohmann::json per_op = nlohmann::json::object();
    out << trf("{1} commits in {2} s: {3} a second; all operations p50 {4} ms, p99 {5} ms.",
               {std::to_string(all.size()), ms(elapsed), ms(throughput),
                ms(total.median), ms(total.p99)})
               .str()
        << '\n';
    for (int op = 0; op < kOps; ++op) {
        const Spread s = spread(by_op[op]);
        per_op[kOpNames[op]] = {{"count", by_op[op].size()}, {"p50_ms", s.median}, {"p99_ms", s.p99}};
        out << "  " << kOpNames[op] << ": "
            << trf("{1}, p50 {2} ms, p99 {3} ms", {std::to_string(by_op[op].size()), ms(s.median), ms(s.p99)}).str()
            << '\n';
    }
    out << trf("Check from the database: {1} sales and refunds acknowledged, {2} stored; lost {3}, duplicated {4}, "
               "SIM cards sold twice {5}, receipt numbers twice in a shift {6}.",
               {std::to_string(acknowledged.size()), std::to_string(check.in_database), std::to_string(check.lost),
                std::to_string(check.duplicated), std::to_string(check.sims_sold_twice),
                std::to_string(check.receipts_twice)})
               .str()
        << '\n';
    out << trf("Failed operations: {1}; calls that found the queue empty: {2}.",
               {std::to_string(failed), std::to_string(queue_empty)})
               .str()
        << '\n';
    for (const auto& f : failures) out << "  " << f << '\n';

    const nlohmann::json result = {{"stations", stations},
                                   {"seconds", seconds},
                                   {"speedup", speedup},
                                   {"durability", durability(*db)},
                                   {"operations", all.size()},
                                   {"throughput_per_s", throughput},
                                   {"p50_ms", total.median},
                                   {"p99_ms", total.p99},
                                   {"lost", check.lost},
                                   {"duplicated", check.duplicated},
                                   {"sims_sold_twice", check.sims_sold_twice},
                                   {"receipt_numbers_twice", check.receipts_twice},
                                   {"acknowledged", acknowledged.size()},
                                   {"stored", check.in_database},
                                   {"failed", failed},
                                   {"failures", failures},
                                   {"queue_empty", queue_empty},
                                   {"by_operation", per_op}};
    if (check.lost || check.duplicated || check.sims_sold_twice || check.receipts_twice) {
        ctx.failure = result;
        throw ValidationError(tr("Bench"),
                              tr("the database does not hold exactly the sales the stations were told were saved"));
    }
    if (ctx.json) print_json(result);
}

}  // namespace

void add_stations_bench(CLI::App& app, CliContext& ctx) {
    CLI::App* bench = nullptr;
    for (auto* sub : app.get_subcommands([](CLI::App* s) { return s->get_name() == "bench"; })) bench = sub;
    if (!bench) {
        bench = app.add_subcommand("bench", tr("Benchmarks on a scratch database").str());
        bench->require_subcommand(1);
    }
    auto stations = std::make_shared<int>(40);
    auto seconds = std::make_shared<int>(30);
    auto speedup = std::make_shared<double>(600);
    auto* b = bench->add_subcommand(
        "stations", tr("Simulate many stations of a dealer network at once on the --db given (a scratch database)")
                        .str());
    b->add_option("--stations", *stations, tr("How many stations, each with its own connection (default 40)").str());
    b->add_option("--seconds", *seconds, tr("How long to run (default 30)").str());
    b->add_option("--speedup", *speedup,
                  tr("How many times faster than the demo's busiest hour visitors come (default 600)").str());
    b->callback([&ctx, stations, seconds, speedup] {
        reporting_input(ctx, [&] { run_stations_bench(ctx, *stations, *seconds, *speedup); });
    });
}

}  // namespace salon::cli
