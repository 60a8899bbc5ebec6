// salon-cli stock receive|find|list|move|defective: the salons' serialised SIM stock; and salon-cli bench
// stock, which times the stock lookups among a million cards on a scratch database.
#include "pos/cli/BenchFigures.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/organisation/Dealer.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/catalog/SimStock.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <random>

namespace salon::cli {
using namespace salon::pos;

namespace {

nlohmann::json to_json(const SimCard& c) {
    return {{"id", c.id},
            {"iccid", c.iccid},
            {"msisdn", c.msisdn.empty() ? nlohmann::json() : nlohmann::json(c.msisdn)},
            {"format", c.format},
            {"salon_id", c.salon_id},
            {"salon", c.salon_name},
            {"status", c.status},
            {"received_at", c.received_at},
            {"updated_at", c.updated_at}};
}

std::vector<std::string> card_headers() {
    return {tr("ICCID").str(), tr("Phone number").str(), tr("SIM format").str(), tr("Salon").str(),
            tr("Status").str()};
}

std::vector<std::string> card_cells(const SimCard& c) {
    return {c.iccid, c.msisdn.empty() ? tr("blank").str() : c.msisdn, c.format, c.salon_name,
            sim_status_title(c.status)};
}

void print_problems(const std::vector<IntakeProblem>& problems) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& p : problems) rows.push_back({std::to_string(p.row), p.value, p.message});
    print_table({tr("Row").str(), tr("Value").str(), tr("Problem").str()}, rows);
}

nlohmann::json problems_json(const std::vector<IntakeProblem>& problems) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : problems)
        out.push_back({{"row", p.row}, {"input", p.input}, {"value", p.value}, {"message", p.message}});
    return out;
}

struct ReceiveOptions {
    std::int64_t salon = 0;
    std::string iccid, msisdn, range, first_msisdn, file, format = "nano";
    int count = 0;
    bool check = false;
};

// The batch the options describe; a file's lines without a format get --format.
std::vector<SimIntake> batch_of(const ReceiveOptions& o) {
    const int sources = !o.iccid.empty() + !o.range.empty() + !o.file.empty();
    if (sources != 1)
        throw InputError("iccid", tr("SIM cards"), tr("give exactly one of --iccid, --range and --file"));
    if (!o.iccid.empty()) return {{o.iccid, o.msisdn, o.format, 0}};
    if (!o.range.empty()) return sim_range(o.range, o.count, o.first_msisdn, o.format);
    auto rows = read_sim_file(o.file);
    for (auto& r : rows)
        if (r.format.empty()) r.format = o.format;
    return rows;
}


// The bench's cards: ICCIDs 89701 + 14 digits, numbers +7900 + 7 digits, all in stock in one salon.
std::string bench_iccid(long long i) { return cli::bench_iccid("89701", i); }
std::string bench_msisdn(long long i) { return cli::bench_msisdn("+7900", i); }

void run_stock_bench(CliContext& ctx, long long cards, int lookups) {
    if (cards < 1 || cards > 9999999)
        throw InputError("cards", tr("Cards"), trf("must be from {1} to {2}", {"1", "9999999"}));
    if (lookups < 1 || lookups > 1000000)
        throw InputError("lookups", tr("Lookups"), trf("must be from {1} to {2}", {"1", "1000000"}));
    if (ctx.db_url.empty())
        throw ValidationError(tr("Database"),
                              tr("name a scratch database with --db: the bench fills it with SIM cards"));
    auto db = ctx.open(true);
    const Actor actor = ctx.maintenance();
    long long sales = 0, existing = 0, foreign = 0;
    db->run("SELECT count(*) FROM sale", soci::into(sales));
    if (sales > 0) throw RefusedError(tr("This database has sales: run the bench on a scratch database."));
    db->run("SELECT count(*) FROM sim_card", soci::into(existing));
    db->run("SELECT count(*) FROM sim_card WHERE iccid NOT LIKE '89701%'", soci::into(foreign));
    if (foreign > 0)
        throw RefusedError(
            tr("This database has SIM cards of its own: run the bench on a scratch database."));
    std::cout << trf("Bench on {1}: {2} SIM cards in one salon, then {3} lookups by ICCID and {3} by number.",
                     {db->url().display, std::to_string(cards), std::to_string(lookups)})
                     .str()
              << '\n';

    if (existing != 0 && existing != cards)
        throw RefusedError(trf("The database holds {1} bench cards, not {2}: use a new scratch database.",
                               {std::to_string(existing), std::to_string(cards)}));
    if (existing == cards) {
        std::cout << tr("The cards are already there from an earlier run: only the lookups are timed.").str()
                  << '\n';
    } else {
        std::int64_t dealer = 0;
        for (const auto& d : list_dealers(*db, actor))
            if (d.inn == "7730543210") dealer = d.id;
        if (!dealer)
            dealer = save_dealer(
                *db, actor,
                {DealerKind::legal_entity, "ООО «Бенчмарк»", "7730543210", "1237700543211", "773001001"});
        const std::int64_t salon_id =
            save_salon(*db, actor, {dealer, "Склад бенчмарка", "—", "Europe/Moscow"});
        const auto started = std::chrono::steady_clock::now();
        {
            db::WriteTransaction tx(*db);
            const long long now = db->now();
            const long long salon = salon_id;
            // One prepared statement for many rows at a time: a round trip per 500 cards on PostgreSQL.
            constexpr int kBatch = 500;
            std::string sql =
                "INSERT INTO sim_card (iccid, msisdn, sim_format, salon_id, status, received_at, "
                "updated_at) VALUES ";
            for (int i = 0; i < kBatch; ++i)
                sql += (i ? ", " : "") + std::string("(:i") + std::to_string(i) + ", :m" + std::to_string(i) +
                       ", 'nano', :s" + std::to_string(i) + ", 'in_stock', :r" + std::to_string(i) + ", :u" +
                       std::to_string(i) + ")";
            std::vector<std::string> iccids(kBatch), msisdns(kBatch);
            long long next = 0;
            {  // the statement ends before the commit (SQLite refuses it while one is in progress)
                soci::statement st(db->sql());
                for (int i = 0; i < kBatch; ++i) {
                    st.exchange(soci::use(iccids[i]));
                    st.exchange(soci::use(msisdns[i]));
                    st.exchange(soci::use(salon));
                    st.exchange(soci::use(now));
                    st.exchange(soci::use(now));
                }
                st.alloc();
                st.prepare(sql);
                st.define_and_bind();
                for (; next + kBatch <= cards; next += kBatch) {
                    for (int i = 0; i < kBatch; ++i) {
                        iccids[i] = bench_iccid(next + i);
                        msisdns[i] = bench_msisdn(next + i);
                    }
                    st.execute(true);
                }
            }
            for (; next < cards; ++next) {
                const std::string iccid = bench_iccid(next), msisdn = bench_msisdn(next);
                db->sql()
                    << "INSERT INTO sim_card (iccid, msisdn, sim_format, salon_id, status, received_at, "
                       "updated_at) VALUES (:i, :m, 'nano', :s, 'in_stock', :r, :u)",
                    soci::use(iccid), soci::use(msisdn), soci::use(salon), soci::use(now), soci::use(now);
            }
            tx.commit();
        }
        const double fill = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::cout << trf("Filled {1} cards in {2} s (one transaction, no movements).",
                         {std::to_string(cards), ms(fill)})
                         .str()
                  << '\n';
        if (db->backend() == db::Backend::postgresql) db->run("ANALYZE sim_card");
    }

    std::mt19937_64 random(20261125);
    std::uniform_int_distribution<long long> pick(0, cards - 1);
    auto time_lookups = [&](auto&& query_of) {
        std::vector<double> samples;
        samples.reserve(lookups);
        for (int i = 0; i < lookups; ++i) {
            const long long n = pick(random);
            const std::string query = query_of(n);
            const auto t0 = std::chrono::steady_clock::now();
            const auto found = find_sim(*db, actor, query);
            const auto t1 = std::chrono::steady_clock::now();
            if (!found || found->iccid != bench_iccid(n))
                throw ValidationError(tr("Bench"), trf("card {1} was not found", {query}));
            samples.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        }
        return spread(std::move(samples));
    };
    const auto by_iccid = time_lookups([](long long n) { return bench_iccid(n); });
    // Numbers typed the way people do: "8 900 ...".
    const auto by_number = time_lookups([](long long n) { return "8 " + bench_msisdn(n).substr(2); });
    std::cout << trf("find_sim by ICCID: median {1} ms, p99 {2} ms",
                     {ms(by_iccid.median), ms(by_iccid.p99)})
                     .str()
              << '\n'
              << trf("find_sim by number: median {1} ms, p99 {2} ms",
                     {ms(by_number.median), ms(by_number.p99)})
                     .str()
              << '\n';
    if (ctx.json)
        print_json({{"cards", cards},
                    {"lookups", lookups},
                    {"iccid_median_ms", by_iccid.median},
                    {"iccid_p99_ms", by_iccid.p99},
                    {"number_median_ms", by_number.median},
                    {"number_p99_ms", by_number.p99}});
}

}  // namespace

void add_stock_commands(CLI::App& app, CliContext& ctx) {
    auto* stock = app.add_subcommand("stock", tr("Serialised SIM stock of the salons").str());
    stock->require_subcommand(1);

    auto ro = std::make_shared<ReceiveOptions>();
    auto* receive = stock->add_subcommand("receive", tr("Receive SIM cards into a salon's stock").str());
    receive->add_option("--salon", ro->salon, tr("Salon number").str())->required();
    receive->add_option("--iccid", ro->iccid, tr("One card's ICCID").str());
    receive->add_option("--msisdn", ro->msisdn, tr("Its phone number (none: a blank card)").str());
    receive->add_option("--range", ro->range, tr("The first ICCID of a range of consecutive cards").str());
    receive->add_option("--count", ro->count, tr("How many cards the range has").str());
    receive->add_option("--first-msisdn", ro->first_msisdn,
                        tr("The range's first phone number (none: blank cards)").str());
    receive->add_option("--file", ro->file, tr("A file of iccid;msisdn;format lines").str());
    receive->add_option("--format", ro->format, tr("SIM format: triple, nano or esim (default nano)").str());
    receive->add_flag("--check", ro->check,
                      tr("Only check the batch and list its problems; save nothing").str());
    receive->callback([&ctx, ro] {
        auto db = ctx.open();
        const Actor actor = ctx.person(*db);
        const auto rows = batch_of(*ro);
        if (ro->check) {
            const auto problems = check_intake(*db, actor, ro->salon, rows);
            if (ctx.json) {
                print_json(
                    {{"ok", problems.empty()}, {"rows", rows.size()}, {"problems", problems_json(problems)}});
                if (!problems.empty()) {
                    db.reset();
                    std::cout.flush();
                    std::exit(1);
                }
                return;
            }
            if (problems.empty()) {
                std::cout << trf("All {1} rows are correct; nothing was saved.",
                                 {std::to_string(rows.size())})
                                 .str()
                          << '\n';
                return;
            }
            print_problems(problems);
            throw ValidationError(tr("SIM cards"), trf("rows with problems: {1}; nothing was saved",
                                                       {std::to_string(problems.size())}));
        }
        try {
            const int count = receive_sims(*db, actor, ro->salon, rows);
            const Salon salon = get_salon(*db, actor, ro->salon);
            if (ctx.json) return print_json({{"ok", true}, {"received", count}, {"salon_id", salon.id}});
            std::cout
                << trf("Received {1} SIM cards into salon «{2}».", {std::to_string(count), salon.name}).str()
                << '\n';
        } catch (const SimIntakeError& e) {
            if (!ctx.json) print_problems(e.problems());
            throw;
        }
    });

    auto query = std::make_shared<std::string>();
    auto* find = stock->add_subcommand("find", tr("Find a card by ICCID or phone number").str());
    find->add_option("QUERY", *query, tr("ICCID or phone number").str())->required();
    find->callback([&ctx, query] {
        auto db = ctx.open();
        const auto card = find_sim(*db, ctx.viewer(*db), *query);
        if (ctx.json) return print_json(card ? to_json(*card) : nlohmann::json());
        if (!card) throw ValidationError(tr("SIM card"), trf("nothing found for \"{1}\"", {*query}));
        print_table(card_headers(), {card_cells(*card)});
    });

    auto list_salon = std::make_shared<std::int64_t>(0);
    auto list_status = std::make_shared<std::string>();
    auto list_limit = std::make_shared<int>(1000);
    auto* list = stock->add_subcommand("list", tr("List a salon's SIM cards").str());
    list->add_option("--salon", *list_salon, tr("Salon number").str())->required();
    list->add_option("--status", *list_status,
                     tr("Only cards in this status: in_stock, sold, replaced, returned, defective").str());
    list->add_option("--limit", *list_limit, tr("At most this many cards (default 1000)").str());
    list->callback([&ctx, list_salon, list_status, list_limit] {
        auto db = ctx.open();
        const auto cards = list_stock(*db, ctx.viewer(*db), *list_salon, *list_status, *list_limit);
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& c : cards) out.push_back(to_json(c));
            return print_json(out);
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& c : cards) rows.push_back(card_cells(c));
        print_table(card_headers(), rows);
    });

    auto move_to = std::make_shared<std::int64_t>(0);
    auto move_to_salon = std::make_shared<std::int64_t>(0);
    auto move_iccids = std::make_shared<std::vector<std::string>>();
    auto move_reason = std::make_shared<std::string>();
    auto* move = stock->add_subcommand(
        "move", tr("Move SIM cards (--to) or a gadget by IMEI (--to-salon) to another salon").str());
    auto* to_option = move->add_option("--to", *move_to, tr("Salon number the cards go to").str());
    move->add_option("--to-salon", *move_to_salon,
                     tr("Salon number a gadget goes to (the code is then its IMEI; a senior)").str())
        ->excludes(to_option);
    move->add_option("ICCID", *move_iccids, tr("The cards' ICCIDs, or one gadget's IMEI").str())->required();
    move->add_option("--reason", *move_reason, tr("Why they move (optional for a gadget)").str());
    move->add_flag("--json", ctx.json, tr("Print machine-readable JSON").str());
    move->callback([&ctx, move_to, move_to_salon, move_iccids, move_reason] {
        if (*move_to_salon != 0) return move_gadget_command(ctx, *move_iccids, *move_to_salon, *move_reason);
        if (*move_to == 0) throw ValidationError(tr("Salon"), tr("give --to for SIM cards or --to-salon for a gadget"));
        if (move_reason->empty()) throw ValidationError(tr("Reason"), tr("is required (--reason)"));
        auto db = ctx.open();
        const Actor actor = ctx.person(*db);
        move_sims(*db, actor, *move_iccids, *move_to, *move_reason);
        if (ctx.json)
            return print_json({{"ok", true}, {"moved", move_iccids->size()}, {"to_salon_id", *move_to}});
        std::cout << trf("Moved {1} SIM cards to salon «{2}».",
                         {std::to_string(move_iccids->size()), get_salon(*db, actor, *move_to).name})
                         .str()
                  << '\n';
    });

    auto bad_iccids = std::make_shared<std::vector<std::string>>();
    auto bad_reason = std::make_shared<std::string>();
    auto* defective = stock->add_subcommand("defective", tr("Mark SIM cards defective, all or none").str());
    defective->add_option("ICCID", *bad_iccids, tr("The cards' ICCIDs").str())->required();
    defective->add_option("--reason", *bad_reason, tr("What is wrong with them").str())->required();
    defective->callback([&ctx, bad_iccids, bad_reason] {
        auto db = ctx.open();
        mark_defective(*db, ctx.person(*db), *bad_iccids, *bad_reason);
        if (ctx.json) return print_json({{"ok", true}, {"marked", bad_iccids->size()}});
        std::cout << trf("SIM cards marked defective: {1}.", {std::to_string(bad_iccids->size())}).str()
                  << '\n';
    });

    // Other verbs may add their own benches under "bench".
    CLI::App* bench = nullptr;
    for (auto* sub : app.get_subcommands([](CLI::App* s) { return s->get_name() == "bench"; })) bench = sub;
    if (!bench) {
        bench = app.add_subcommand("bench", tr("Benchmarks on a scratch database").str());
        bench->require_subcommand(1);
    }
    auto bench_cards = std::make_shared<long long>(1000000);
    auto bench_lookups = std::make_shared<int>(1000);
    auto* bstock = bench->add_subcommand(
        "stock", tr("Fill a scratch database with SIM cards and time find_sim by ICCID and by number").str());
    bstock->add_option("--cards", *bench_cards, tr("How many cards (default 1000000)").str());
    bstock->add_option("--lookups", *bench_lookups, tr("Lookups of each kind (default 1000)").str());
    bstock->callback(
        [&ctx, bench_cards, bench_lookups] { run_stock_bench(ctx, *bench_cards, *bench_lookups); });
}

}  // namespace salon::cli
