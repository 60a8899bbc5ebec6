// salon-cli bench sale: how long a complete SIM sale takes at the desk (a queue ticket, the call, the sale
// with the registration form, payment and receipt number) against the cheapest durable write the same
// database can do, a single-row insert committed in its own transaction, measured in the same run on the
// same database so the machine's disk speed cancels out of the ratio.
#include "db/UserError.hpp"
#include "pos/cli/BenchFigures.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/organisation/Certification.hpp"
#include "pos/core/organisation/Dealer.hpp"
#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/sale/Queue.hpp"
#include "pos/core/sale/Sale.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/sale/Shift.hpp"
#include "pos/core/catalog/SimStock.hpp"
#include "pos/core/organisation/StaffMember.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"

#include <soci/logger.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>

namespace salon::cli {
using namespace salon::pos;

namespace {

constexpr const char* kBenchSalon = "Салон бенчмарка продаж";
constexpr const char* kBenchTill = "bench-sale";
constexpr int kProfiled = 10;  // sales whose statements --statements times (the first only warms up)

using Clock = std::chrono::steady_clock;
double ms_between(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}


// Counts the statements SOCI prepares while it is installed (one per `sql() << ...` and per prepare), and
// gives each the time until the next one starts: its own work and the program's until then.
struct StatementLog {
    std::map<std::string, std::pair<int, double>> by_query;  // count, milliseconds
    std::string last;
    Clock::time_point last_at;
    int count = 0;
    void close(Clock::time_point at) {
        if (!last.empty()) by_query[last].second += ms_between(last_at, at);
        last.clear();
    }
};

class StatementCounter : public soci::logger_impl {
public:
    explicit StatementCounter(std::shared_ptr<StatementLog> log) : log_(std::move(log)) {}
    void start_query(const std::string& query) override {
        const auto now = Clock::now();
        log_->close(now);
        ++log_->by_query[query].first;
        ++log_->count;
        log_->last = query;
        log_->last_at = now;
    }

private:
    logger_impl* do_clone() const override { return new StatementCounter(log_); }
    std::shared_ptr<StatementLog> log_;
};

// The bench's cards: ICCIDs 89702 + 14 digits, numbers +7902 + 7 digits (the stock bench uses 89701/+7900).
std::string bench_iccid(long long i) { return cli::bench_iccid("89702", i); }
std::string bench_msisdn(long long i) { return cli::bench_msisdn("+7902", i); }

struct BenchDesk {
    std::int64_t salon = 0, seller = 0;
    long long first_card = 0;  // the first of this run's cards
};

// The bench's own dealer, salon, certified specialist, catalog and `cards` new cards, made on first use.
BenchDesk prepare_desk(db::Database& db, const Actor& cli, int cards) {
    BenchDesk desk;
    const CalendarDate today = CalendarDate::of_utc(db.now());
    long long tariffs = 0;
    db.run("SELECT COUNT(*) FROM tariff WHERE code = 'smart'", soci::into(tariffs));
    if (!tariffs) import_tariff_catalog(db, builtin_tariff_catalog());
    if (products_on_sale(db, today, "sim").empty()) seed_demo_products(db);

    std::int64_t dealer = 0;
    for (const auto& d : list_dealers(db, cli))
        if (d.inn == "7730543210") dealer = d.id;
    if (!dealer)
        dealer = save_dealer(db, cli,
                             {DealerKind::legal_entity, "ООО «Бенчмарк»", "7730543210", "1237700543211", "773001001"});
    for (const auto& s : list_salons(db, cli, dealer))
        if (s.name == kBenchSalon) desk.salon = s.id;
    if (!desk.salon) desk.salon = save_salon(db, cli, {dealer, kBenchSalon, "—", "Europe/Moscow"});

    auto staff = [&](const std::string& login, const std::string& name, Role role, std::int64_t salon,
                     std::optional<CareerLevel> level) {
        if (auto found = find_staff_by_login(db, cli, login)) return found->id;
        return save_staff(db, cli, {login, name, role, salon, 0, level, "bench-password-1"});
    };
    const std::int64_t trainer = staff("bench-trainer", "Тренер бенчмарка", Role::trainer, 0, std::nullopt);
    desk.seller = staff("bench-seller", "Продавец бенчмарка", Role::specialist, desk.salon, CareerLevel::specialist);
    if (!is_certified(db, desk.seller)) record_certification(db, cli, desk.seller, today.iso(), trainer);

    // New cards for every run, numbered after the earlier runs' ones.
    db.run("SELECT COUNT(*) FROM sim_card WHERE iccid LIKE '89702%'", soci::into(desk.first_card));
    receive_sims(db, cli, desk.salon,
                 sim_range(bench_iccid(desk.first_card), cards, bench_msisdn(desk.first_card), "nano"));
    return desk;
}

SaleDraft sim_sale(long long n, std::int64_t visit) {
    char passport[16];
    std::snprintf(passport, sizeof passport, "4507 %06lld", n % 999999 + 1);
    SaleDraft d;
    d.visit_id = visit;
    d.with_client = true;
    d.client = ClientForm{"Клиентов Бенч Тестович", "25.11.1990", passport, "10.12.2010",
                          "ОВД Тверского района г. Москвы", "г. Москва, ул. Тверская, д. 1, кв. 2", ""};
    DraftLine sim;
    sim.kind = LineKind::sim;
    sim.iccid = bench_iccid(n);
    sim.tariff_code = "smart";
    d.lines.push_back(sim);
    d.paid_cash = "500";
    return d;
}

struct SaleTimes {
    double complete = 0, commit = 0;
    double round_trips = 0;  // commit_sale's (Database::round_trips: on PostgreSQL to the server)
    double commit_cpu = 0;  // the program's own processor time in commit_sale: what the machine's other load
                            // and the disk do not change
};

double thread_cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// One complete sale: the visitor takes a ticket, the specialist calls him and sells him a SIM; the visit
// is finished outside the timing (the desk does it when the client leaves).
SaleTimes one_sale(db::Database& db, const Actor& seller, std::int64_t salon, long long card) {
    const auto t0 = Clock::now();
    take_ticket(db, salon, VisitPurpose::sale);
    const auto visit = call_next(db, seller, VisitPurpose::sale);
    if (!visit) throw ValidationError(tr("Bench"), tr("the queue lost the bench's visitor"));
    const auto t1 = Clock::now();
    const double cpu0 = thread_cpu_ms();
    const std::uint64_t trips0 = db.round_trips();
    const CommittedSale sale = commit_sale(db, seller, kBenchTill, sim_sale(card, visit->id));
    const std::uint64_t trips1 = db.round_trips();
    const double cpu1 = thread_cpu_ms();
    const auto t2 = Clock::now();
    if (sale.receipt_number <= 0) throw ValidationError(tr("Bench"), tr("the sale got no receipt number"));
    finish_visit(db, seller, visit->id);
    return {ms_between(t0, t2), ms_between(t1, t2), static_cast<double>(trips1 - trips0), cpu1 - cpu0};
}

double one_insert(db::Database& db, long long n) {
    const auto t0 = Clock::now();
    db::WriteTransaction tx(db);
    const long long at = 1700000000 + n;
    db.run("INSERT INTO bench_commit (n, at) VALUES (:n, :at)", soci::use(n), soci::use(at));
    tx.commit();
    return ms_between(t0, Clock::now());
}

void run_sale_bench(CliContext& ctx, int sales, bool show_statements) {
    if (sales < 10 || sales > 100000)
        throw InputError("sales", tr("Sales"), trf("must be from {1} to {2}", {"10", "100000"}));
    if (ctx.db_url.empty())
        throw ValidationError(tr("Database"),
                              tr("name a scratch database with --db: the bench adds a salon, cards and sales to it"));
    auto db = ctx.open(true);
    const Actor cli = ctx.maintenance();
    // Real sales are never mixed with the bench's: only a database without sales, or with the bench's own.
    long long foreign = 0;
    const std::string bench_salon = kBenchSalon;
    db->run("SELECT COUNT(*) FROM sale s JOIN salon sa ON sa.id = s.salon_id WHERE sa.name <> :n",
            soci::use(bench_salon), soci::into(foreign));
    if (foreign > 0)
        throw RefusedError(tr("This database has real sales: run the bench on a scratch database (an empty file or "
                              "server database, or one only the bench has used)."));
    std::ostream discard(nullptr);
    std::ostream& out = ctx.json ? discard : std::cout;  // --json prints only the JSON at the end
    out << trf("Bench on {1} ({2}): {3} complete SIM sales and {3} single-row commits, interleaved.",
                     {db->url().display, durability(*db), std::to_string(sales)})
                     .str()
              << '\n';

    const BenchDesk desk = prepare_desk(*db, cli, sales + 1 + (show_statements ? kProfiled : 0));
    const Actor seller = Actor::signed_in(*db, get_staff(*db, cli, desk.seller), cli.audit_key());
    if (!open_shift_at(*db, seller, kBenchTill)) open_shift(*db, seller, kBenchTill, Money());
    if (auto serving = serving_now(*db, seller)) finish_visit(*db, seller, serving->id);  // a run cut short
    db->sql() << "CREATE TABLE IF NOT EXISTS bench_commit (n BIGINT NOT NULL, at BIGINT NOT NULL)";

    // A warm-up sale, untimed, with its statements counted by phase; the commit's statements are timed
    // over ten more sales for --statements.
    auto log = std::make_shared<StatementLog>();
    const soci::logger saved = db->sql().get_logger();
    db->sql().set_logger(new StatementCounter(log));
    take_ticket(*db, desk.salon, VisitPurpose::sale);
    const int ticket_statements = log->count;
    auto visit = call_next(*db, seller, VisitPurpose::sale);
    const int call_statements = log->count - ticket_statements;
    log->count = 0;
    commit_sale(*db, seller, kBenchTill, sim_sale(desk.first_card, visit ? visit->id : 0));
    const int commit_statements = log->count;
    if (visit) finish_visit(*db, seller, visit->id);
    std::map<std::string, std::pair<int, double>> profile;  // the commits' statements: count, ms
    if (show_statements) {
        for (int i = 0; i < kProfiled; ++i) {
            take_ticket(*db, desk.salon, VisitPurpose::sale);
            visit = call_next(*db, seller, VisitPurpose::sale);
            log->close(Clock::now());
            log->by_query.clear();
            log->last = "(program before the first statement)";
            log->last_at = Clock::now();
            commit_sale(*db, seller, kBenchTill, sim_sale(desk.first_card + sales + 1 + i, visit ? visit->id : 0));
            log->close(Clock::now());  // the last statement's time includes the commit (the fsync)
            if (i > 0)  // the first warms the caches
                for (const auto& [query, entry] : log->by_query) {
                    profile[query].first += entry.first;
                    profile[query].second += entry.second;
                }
            if (visit) finish_visit(*db, seller, visit->id);
        }
    }
    db->sql().set_logger(saved);
    out << trf("Statements: take_ticket {1}, call_next {2}, commit_sale {3}.",
               {std::to_string(ticket_statements), std::to_string(call_statements), std::to_string(commit_statements)})
               .str()
        << '\n';
    if (show_statements) {
        std::vector<std::pair<double, std::string>> sorted;
        for (const auto& [query, entry] : profile)
            sorted.push_back({entry.second / (kProfiled - 1), std::to_string(entry.first / (kProfiled - 1)) + "× " + query});
        std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        for (const auto& [time, what] : sorted) out << "  " << ms(time) << " ms  " << what.substr(0, 140) << '\n';
    }

    std::vector<double> complete, commit, commit_cpu, insert, trips;
    for (int i = 0; i < sales; ++i) {
        const SaleTimes t = one_sale(*db, seller, desk.salon, desk.first_card + 1 + i);
        complete.push_back(t.complete);
        commit.push_back(t.commit);
        commit_cpu.push_back(t.commit_cpu);
        trips.push_back(t.round_trips);
        insert.push_back(one_insert(*db, i));
    }
    db->run("DELETE FROM bench_commit");

    const Spread c = spread(complete), s = spread(commit), cpu = spread(commit_cpu), b = spread(insert),
                 rt = spread(trips);
    const double ratio = s.median / b.median, ratio_complete = c.median / b.median;
    auto row = [&out](const Text& what, const Spread& x) {
        out << trf("{1}: median {2} ms, p99 {3} ms", {what.str(), ms(x.median), ms(x.p99)}).str() << '\n';
    };
    row(tr("Complete sale (ticket + call + commit_sale)"), c);
    row(tr("commit_sale alone"), s);
    row(tr("commit_sale, processor time of the program"), cpu);
    row(tr("Bare single-row commit"), b);
    out << trf("commit_sale asks the database {1} times (median; on PostgreSQL, round trips to the server).",
               {std::to_string(static_cast<long long>(rt.median))})
               .str()
        << '\n';
    out << trf("Ratio of medians: commit_sale / bare commit {1}×, complete sale / bare commit {2}×.",
                     {ms(ratio), ms(ratio_complete)})
                     .str()
              << '\n';
    if (ctx.json)
        print_json({{"sales", sales},
                    {"durability", durability(*db)},
                    {"statements", {{"take_ticket", ticket_statements}, {"call_next", call_statements},
                                    {"commit_sale", commit_statements}}},
                    {"complete_median_ms", c.median},
                    {"complete_p99_ms", c.p99},
                    {"commit_cpu_median_ms", cpu.median},
                    {"commit_median_ms", s.median},
                    {"commit_p99_ms", s.p99},
                    {"bare_median_ms", b.median},
                    {"bare_p99_ms", b.p99},
                    {"commit_ratio", ratio},
                    {"commit_round_trips", rt.median},
                    {"complete_ratio", ratio_complete}});
}

}  // namespace

void add_sale_bench(CLI::App& app, CliContext& ctx) {
    // Other verbs add their own benches under "bench" (see stock_commands.cpp).
    CLI::App* bench = nullptr;
    for (auto* sub : app.get_subcommands([](CLI::App* s) { return s->get_name() == "bench"; })) bench = sub;
    if (!bench) {
        bench = app.add_subcommand("bench", tr("Benchmarks on a scratch database").str());
        bench->require_subcommand(1);
    }
    auto sales = std::make_shared<int>(300);
    auto statements = std::make_shared<bool>(false);
    auto* bsale = bench->add_subcommand(
        "sale", tr("Time complete SIM sales against bare single-row commits on the --db given (a scratch database)")
                    .str());
    bsale->add_option("--sales", *sales, tr("How many sales (and bare commits; default 300)").str());
    bsale->add_flag("--statements", *statements, tr("List the statements one commit_sale runs").str());
    bsale->callback([&ctx, sales, statements] { run_sale_bench(ctx, *sales, *statements); });
}

}  // namespace salon::cli
