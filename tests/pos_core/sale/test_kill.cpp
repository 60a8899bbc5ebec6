// The till killed at random moments (a power cut, a frozen PC pulled from the wall): a child process sells
// SIM cards, tops up balances and refunds sales as fast as it can, telling its parent each sale it was
// told committed; the parent kills it with SIGKILL after a random delay, 100 times, and after each kill
// checks the database as the next start of the station would meet it (R-POS-10: receipts contiguous per
// shift; R-POS-1: a card is sold once; the audit journal's chain).
#include <catch2/catch.hpp>

#include "db/UserError.hpp"
#include "pos/core/audit/AuditJournal.hpp"
#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/catalog/SimStock.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"
#include "pos/core/sale/Sale.hpp"
#include "pos/core/sale/Shift.hpp"
#include "tests/pos_core/DeskFixture.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <set>
#include <sstream>
#include <thread>

using namespace salon;
using namespace salon::pos;

namespace {

constexpr int kKills = 100;

// What the child does until it is killed: one operation after another, each acknowledged on `ack` (the
// sale's id and a line break, one write) once commit_sale or refund_sale returned.
[[noreturn]] void till_until_killed(const test::DeskFixture& f, int ack, unsigned seed) {
    try {
        auto db = f.t.open_another();
        const Actor specialist = Actor::signed_in(*db, get_staff(*db, f.cli, f.specialist_id), f.key);
        const Actor senior = Actor::signed_in(*db, get_staff(*db, f.cli, f.senior_id), f.key);
        std::mt19937 random(seed);
        for (int n = 0;; ++n) {
            const int pick = static_cast<int>(random() % 100);
            CommittedSale done;
            try {
                if (pick < 60) {  // a SIM card to a new client
                    std::string iccid;
                    db->sql() << "SELECT iccid FROM sim_card WHERE status = 'in_stock' AND msisdn IS NOT NULL "
                           "ORDER BY id LIMIT 1",
                        soci::into(iccid);
                    SaleDraft d;
                    d.with_client = true;
                    char passport[16];
                    std::snprintf(passport, sizeof passport, "4507 %06u", static_cast<unsigned>(random() % 1000000));
                    d.client = ClientForm{"Клиентов Клиент", "01.02.1985", passport, "03.04.2010",
                                          "ОВД района Арбат г. Москвы", "г. Москва, ул. Арбат, д. 3", ""};
                    d.lines.push_back({.kind = LineKind::sim, .iccid = iccid, .tariff_code = "classic"});
                    d.paid_cash = "100";
                    done = commit_sale(*db, specialist, "till-1", d);
                } else if (pick < 85) {  // a top-up of a number sold earlier
                    std::string msisdn;
                    db->sql() << "SELECT msisdn FROM subscription WHERE ended_at IS NULL ORDER BY id DESC LIMIT 1",
                        soci::into(msisdn);
                    if (msisdn.empty()) continue;
                    SaleDraft d;
                    d.lines.push_back({.kind = LineKind::top_up, .msisdn = msisdn, .amount = "300"});
                    d.paid_card = "300";
                    done = commit_sale(*db, specialist, "till-1", d);
                } else {  // a refund of the newest SIM sale not refunded yet
                    long long sale = 0;
                    soci::indicator ind = soci::i_null;
                    db->sql() << "SELECT MAX(s.id) FROM sale s JOIN sale_line l ON l.sale_id = s.id AND l.kind = 'sim' "
                           "WHERE s.kind = 'sale' AND NOT EXISTS (SELECT 1 FROM sale_line r "
                           "WHERE r.refund_of_line = l.id)",
                        soci::into(sale, ind);
                    if (ind != soci::i_ok) continue;
                    done = refund_sale(*db, senior, "till-1", sale, {}, std::nullopt, std::string("не подошёл тариф"));
                }
            } catch (const UserError&) {
                continue;  // a refusal (the same passport drawn twice past the limit): nothing committed
            }
            const std::string line = std::to_string(done.sale_id) + "\n";
            if (::write(ack, line.data(), line.size()) != static_cast<ssize_t>(line.size())) ::_exit(3);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "the till stopped on its own: %s\n", e.what());
        ::_exit(2);
    }
}

long long count(db::Database& db, const std::string& sql) {
    long long n = 0;
    db.sql() << sql, soci::into(n);
    return n;
}

}  // namespace

TEST_CASE("100 SIGKILLs during sales, top-ups and refunds lose no committed sale and leave none partial "
          "[R-POS-10] [R-POS-1]",
          "[sale][fault][R-POS-10][R-POS-1]") {
    test::DeskFixture f;
    import_tariff_catalog(f.db(), builtin_tariff_catalog());
    seed_demo_products(f.db());
    receive_sims(f.db(), f.cli, f.salon,
                 sim_range(iccid_with_check_digit("897010300000000001"), 4000, "+79170000001", "nano"));
    open_shift(f.db(), f.specialist(), "till-1", Money::from_kopecks(100000));
    const unsigned seed = std::random_device{}();
    INFO("seed " << seed);
    std::mt19937 random(seed);
    std::set<long long> acknowledged;
    long long lost = 0, partial = 0;
    for (int kill = 0; kill < kKills; ++kill) {
        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            ::close(fds[0]);
            till_until_killed(f, fds[1], seed + kill);
        }
        ::close(fds[1]);
        // From before the child's first commit to well into a run of them.
        std::this_thread::sleep_for(std::chrono::microseconds(5000 + random() % 150000));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        REQUIRE(WIFSIGNALED(status));  // killed, not stopped on its own
        std::string acks;
        char buffer[4096];
        for (ssize_t got; (got = ::read(fds[0], buffer, sizeof buffer)) > 0;) acks.append(buffer, got);
        ::close(fds[0]);
        std::istringstream lines(acks);
        for (std::string line; std::getline(lines, line);) acknowledged.insert(std::stoll(line));

        // The next start of the station meets this database.
        auto db = f.t.open_another();
        if (db->backend() == db::Backend::sqlite) {
            std::string integrity;
            db->sql() << "PRAGMA integrity_check", soci::into(integrity);
            REQUIRE(integrity == "ok");
        }
        const AuditCheck journal = verify(*db, f.key);
        REQUIRE(journal.intact());
        std::set<long long> present;
        {
            soci::rowset<long long> ids = db->sql().prepare << "SELECT id FROM sale";
            present.insert(ids.begin(), ids.end());
        }
        for (long long id : acknowledged) lost += present.count(id) == 0;
        // None partial: every sale has lines adding up to its total, paid in full; every sold card has its
        // number's subscription; receipt numbers run 1..N in each shift.
        partial += count(*db, "SELECT COUNT(*) FROM sale s WHERE s.total <> (SELECT COALESCE(SUM(l.amount), 0) "
                              "FROM sale_line l WHERE l.sale_id = s.id) OR NOT EXISTS (SELECT 1 FROM sale_line l "
                              "WHERE l.sale_id = s.id)");
        partial += count(*db, "SELECT COUNT(*) FROM sim_card c WHERE c.status = 'sold' AND NOT EXISTS (SELECT 1 "
                              "FROM subscription s WHERE s.sim_card_id = c.id AND s.ended_at IS NULL)");
        CHECK(count(*db, "SELECT COUNT(*) FROM (SELECT shift_id FROM sale GROUP BY shift_id "
                         "HAVING COUNT(*) <> MAX(receipt_number) OR MIN(receipt_number) <> 1) gaps") == 0);
        CHECK(count(*db, "SELECT COUNT(*) FROM (SELECT sim_card_id FROM subscription WHERE ended_at IS NULL "
                         "GROUP BY sim_card_id HAVING COUNT(*) > 1) twice") == 0);
    }
    const long long sales = count(f.db(), "SELECT COUNT(*) FROM sale WHERE kind = 'sale'");
    const long long refunds = count(f.db(), "SELECT COUNT(*) FROM sale WHERE kind = 'refund'");
    const long long top_ups = count(f.db(), "SELECT COUNT(*) FROM sale_line WHERE kind = 'top_up'");
    std::printf("After %d SIGKILLs (%s): committed sales lost %lld, partial %lld; %zu acknowledged, %lld sales "
                "(%lld top-ups), %lld refunds in the database\n",
                kKills, f.db().backend() == db::Backend::sqlite ? "SQLite" : "PostgreSQL", lost, partial,
                acknowledged.size(), sales, top_ups, refunds);
    CHECK(lost == 0);
    CHECK(partial == 0);
    // The kills fell among real work: sales, top-ups and refunds were committed between them.
    CHECK(sales > 0);
    CHECK(top_ups > 0);
    CHECK(refunds > 0);
}
