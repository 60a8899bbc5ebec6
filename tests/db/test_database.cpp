// The database layer on the backend this run tests: opening, refusing, migrating, transactions.
#include <catch2/catch.hpp>

#include "db/Database.hpp"
#include "db/DeploymentKeyFile.hpp"
#include "db/Maintenance.hpp"
#include "db/UserError.hpp"
#include "db/migrations.hpp"
#include "tests/support/TestDatabase.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <sys/stat.h>

using namespace salon;
using salon::test::TestDatabase;
namespace fs = std::filesystem;

namespace {
std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

TEST_CASE("Every migration applies on an empty database and records its version", "[db][migrations]") {
    TestDatabase t(false);
    CHECK(t->schema_version() == 0);
    const auto applied = db::migrate(t.db());
    REQUIRE(applied.size() == db::all_migrations().size());
    CHECK(t->schema_version() == db::latest_version());
    CHECK(db::migrate(t.db()).empty());
    int recorded = 0;
    t->sql() << "SELECT count(*) FROM schema_migration", soci::into(recorded);
    CHECK(recorded == static_cast<int>(db::all_migrations().size()));
}

TEST_CASE("Migrations are numbered 1, 2, 3... without gaps", "[db][migrations]") {
    int expected = 1;
    for (const auto& m : db::all_migrations()) CHECK(m.version == expected++);
}

TEST_CASE("A second station finds the migrations done and applies nothing", "[db][migrations]") {
    TestDatabase t;
    auto other = t.open_another();
    CHECK(db::migrate(*other).empty());
}

TEST_CASE("A migration's statement marked for one backend runs only there", "[db][migrations]") {
    TestDatabase t(false);
    const auto parts =
        db::statements_for(t.db(),
                           "CREATE TABLE a (id {{id}});\n{{sqlite}} CREATE TABLE s (x INTEGER);\n"
                           "  {{postgresql}} CREATE TABLE p (x INTEGER);\nCREATE TABLE b (x INTEGER);\n");
    REQUIRE(parts.size() == 3);
    CHECK(parts[0].find("PRIMARY KEY") != std::string::npos);
    CHECK(parts[1] == (t.backend() == db::Backend::sqlite ? " CREATE TABLE s (x INTEGER)"
                                                          : " CREATE TABLE p (x INTEGER)"));
    CHECK(parts[2] == "CREATE TABLE b (x INTEGER)");
}

TEST_CASE("A migration that would leave a reference without its row is rolled back whole",
          "[db][migrations]") {
    TestDatabase t;
    const int before = t->schema_version();
    const db::Migration broken{
        before + 1, "broken_reference",
        "CREATE TABLE probe_parent (id {{id}});\n"
        "CREATE TABLE probe_child (id {{id}}, parent_id BIGINT REFERENCES probe_parent (id));\n"
        "INSERT INTO probe_child (id, parent_id) VALUES (1, 42);\n"};
    try {
        db::apply_migration(t.db(), broken);
        FAIL("the broken migration was applied");
    } catch (const DatabaseError& e) {
        CHECK(std::string(e.what()).find("broken_reference") != std::string::npos);
    }
    CHECK(t->schema_version() == before);
    int tables = -1;
    if (t.backend() == db::Backend::sqlite) {
        t->sql() << "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'probe%'", soci::into(tables);
        int enforced = 0;
        t->sql() << "PRAGMA foreign_keys", soci::into(enforced);
        CHECK(enforced == 1);  // back on for the station's own work
    } else {
        t->sql() << "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'probe%'",
            soci::into(tables);
    }
    CHECK(tables == 0);
    // A sound migration of the same shape applies, references checked and all.
    const db::Migration sound{
        before + 1, "sound_reference",
        "CREATE TABLE probe_parent (id {{id}});\n"
        "CREATE TABLE probe_child (id {{id}}, parent_id BIGINT REFERENCES probe_parent (id));\n"
        "INSERT INTO probe_parent (id) VALUES (42);\n"
        "INSERT INTO probe_child (id, parent_id) VALUES (1, 42);\n"};
    CHECK(db::apply_migration(t.db(), sound));
    CHECK(t->schema_version() == before + 1);
    CHECK_FALSE(db::apply_migration(t.db(), sound));
}

TEST_CASE("Upgrading to version 9 keeps every card, sale, line, request and visit as it was",
          "[db][migrations]") {
    TestDatabase t(false);
    db::migrate(t.db(), 8);
    REQUIRE(t->schema_version() == 8);
    auto& sql = t->sql();
    sql << "INSERT INTO dealer (id, kind, name, inn, ogrn, kpp, created_at) "
           "VALUES (1, 'legal_entity', 'Связь', '7701234567', '1027700000001', '770101001', 0)";
    sql << "INSERT INTO salon (id, dealer_id, name, address, time_zone, created_at) "
           "VALUES (1, 1, 'Метро', 'Москва, Тверская, 1', 'Europe/Moscow', 0)";
    sql << "INSERT INTO staff (id, login, full_name, role, dealer_id, salon_id, created_at) "
           "VALUES (1, 'anna', 'Анна', 'specialist', 1, 1, 0)";
    sql << "INSERT INTO shift (id, salon_id, till, number, opened_by, opened_at, opening_float) "
           "VALUES (1, 1, 'till', 1, 1, 0, 0)";
    sql << "INSERT INTO client (id, full_name, birth_date, document_kind, document_number, "
           "document_issued_on, "
           "document_issuer, address, created_at, updated_at) VALUES (1, 'Иван', '1990-01-01', "
           "'passport_rf', "
           "'4510123456', '2010-01-01', 'ОВД', 'Москва', 0, 0)";
    sql << "INSERT INTO visit (id, salon_id, ticket_day, ticket, purpose, status, joined_at, served_by, "
           "client_id) "
           "VALUES (1, 1, '2026-12-01', 1, 'sale', 'done', 10, 1, 1)";
    sql << "INSERT INTO sim_card (id, iccid, msisdn, sim_format, salon_id, status, received_at, updated_at) "
           "VALUES (1, '8970100000000000001', '+79020000001', 'nano', 1, 'sold', 0, 5)";
    sql << "INSERT INTO sim_card (id, iccid, msisdn, sim_format, salon_id, status, received_at, updated_at) "
           "VALUES (2, '8970100000000000019', '+79020000002', 'triple', 1, 'in_stock', 0, 0)";
    sql << "INSERT INTO sale (id, dealer_id, salon_id, shift_id, staff_id, visit_id, client_id, kind, "
           "receipt_number, created_at, total, paid_cash) VALUES (1, 1, 1, 1, 1, 1, 1, 'sale', 1, 20, 10000, "
           "10000)";
    sql << "INSERT INTO sale_line (id, sale_id, line_no, kind, description, sim_card_id, msisdn, quantity, "
           "unit_price, amount, vat_code, vat_basis_points, vat_amount) VALUES (1, 1, 1, 'sim', 'SIM', 1, "
           "'+79020000001', 1, 10000, 10000, 'standard', 2200, 1803)";
    sql << "INSERT INTO gateway_request (id, sale_line_id, kind, payload, status, created_at) "
           "VALUES (1, 1, 'activate', '{}', 'pending', 20)";

    CHECK(db::migrate(t.db(), 9) == std::vector<int>{9});
    std::string visit, card, sale, line, request;
    sql << "SELECT salon_id || ' ' || ticket_day || ' ' || ticket || ' ' || purpose || ' ' || status || ' ' "
           "|| "
           "served_by FROM visit WHERE id = 1",
        soci::into(visit);
    CHECK(visit == "1 2026-12-01 1 sale done 1");
    sql << "SELECT iccid || ' ' || msisdn || ' ' || sim_format || ' ' || status || ' ' || updated_at "
           "FROM sim_card WHERE id = 1",
        soci::into(card);
    CHECK(card == "8970100000000000001 +79020000001 nano sold 5");
    sql << "SELECT visit_id || ' ' || client_id || ' ' || receipt_number || ' ' || total || ' ' || "
           "fiscal_state "
           "FROM sale WHERE id = 1",
        soci::into(sale);
    CHECK(sale == "1 1 1 10000 awaiting");  // the visit's client is the sale's
    sql << "SELECT sale_id || ' ' || kind || ' ' || sim_card_id || ' ' || vat_amount FROM sale_line WHERE id "
           "= 1",
        soci::into(line);
    CHECK(line == "1 sim 1 1803");
    sql << "SELECT sale_line_id || ' ' || status FROM gateway_request WHERE id = 1", soci::into(request);
    CHECK(request == "1 pending");

    // The rewritten conditions refuse what the old ones refused, and the unique live number holds.
    auto refused = [&](const std::string& statement) {
        try {
            db::WriteTransaction tx(t.db());
            sql << statement;
            tx.commit();
            return false;
        } catch (const soci::soci_error&) {
            return true;
        }
    };
    CHECK(refused("UPDATE sim_card SET status = 'lost' WHERE id = 2"));
    CHECK(refused("UPDATE sim_card SET msisdn = '+79020000001' WHERE id = 2"));  // a live number twice
    CHECK_FALSE(refused("UPDATE sim_card SET status = 'replaced' WHERE id = 1"));
    CHECK_FALSE(refused("UPDATE sim_card SET msisdn = '+79020000001' WHERE id = 2"));  // the first is retired
    CHECK(refused("UPDATE sale SET fiscal_state = 'lost' WHERE id = 1"));
    CHECK(refused("UPDATE sale_line SET kind = 'gift' WHERE id = 1"));
    CHECK(refused("UPDATE gateway_request SET status = 'lost' WHERE id = 1"));
    CHECK(refused("UPDATE visit SET purpose = 'chat' WHERE id = 1"));
    CHECK(refused("UPDATE visit SET status = 'gone' WHERE id = 1"));
    CHECK(
        refused("INSERT INTO sale_line (sale_id, line_no, kind, description, quantity, unit_price, amount, "
                "vat_code, vat_basis_points, vat_amount) VALUES (99, 1, 'sim', 'x', 1, 0, 0, 'none', 0, 0)"));
    if (t.backend() == db::Backend::sqlite) {
        int in_lists = -1;
        sql << "SELECT count(*) FROM sqlite_schema WHERE tbl_name IN ('sim_card', 'sale', 'sale_line', "
               "'gateway_request', 'visit') AND sql LIKE '% IN (%'",
            soci::into(in_lists);
        CHECK(in_lists == 0);
        std::string integrity;
        sql << "PRAGMA integrity_check", soci::into(integrity);
        CHECK(integrity == "ok");
    }
}

TEST_CASE("A database newer than the program is refused and left untouched", "[db]") {
    TestDatabase t;
    const int newer = db::latest_version() + 1;
    const long long now = t->now();
    t->sql() << "INSERT INTO schema_migration (version, name, applied_at) VALUES (:v, 'from_the_future', :t)",
        soci::use(newer), soci::use(now);
    if (t.backend() == db::Backend::sqlite) t->sql() << "PRAGMA wal_checkpoint(TRUNCATE)";
    const std::string path = t.url().substr(7);
    const std::string before = t.backend() == db::Backend::sqlite ? file_bytes(path) : "";
    try {
        t.open_another();
        FAIL("a newer database was opened");
    } catch (const DatabaseError& e) {
        CHECK_THAT(e.message(), Catch::Contains("newer than this program knows"));
        CHECK_THAT(e.message(), Catch::Contains("was not changed"));
    }
    if (t.backend() == db::Backend::sqlite) CHECK(file_bytes(path) == before);
}

TEST_CASE("Write transactions commit whole or roll back whole", "[db]") {
    TestDatabase t;
    {
        db::WriteTransaction tx(t.db());
        t->sql() << "INSERT INTO standard_rate (code, valid_from, price, unit) VALUES ('t', '2026-01-01', 1, 'sms')";
        // left without commit: an exception in a business operation ends here
    }
    int count = 0;
    t->sql() << "SELECT count(*) FROM standard_rate WHERE code = 't'", soci::into(count);
    CHECK(count == 0);
    {
        db::WriteTransaction tx(t.db());
        t->sql() << "INSERT INTO standard_rate (code, valid_from, price, unit) VALUES ('t', '2026-01-01', 1, 'sms')";
        tx.commit();
    }
    auto other = t.open_another();
    other->sql() << "SELECT count(*) FROM standard_rate WHERE code = 't'", soci::into(count);
    CHECK(count == 1);
}

TEST_CASE("The database clock is in UTC Unix seconds", "[db]") {
    TestDatabase t;
    const auto system = std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    CHECK(std::llabs(t->now() - system) < 120);
}

TEST_CASE("A healthy database passes the check", "[db][check]") {
    TestDatabase t;
    const auto report = db::check(t.db());
    CHECK(report.ok());
    CHECK(report.schema_version == db::latest_version());
}

TEST_CASE("The check reports pending migrations", "[db][check]") {
    TestDatabase t(false);
    const auto report = db::check(t.db());
    REQUIRE_FALSE(report.ok());
    CHECK(report.problems.front().kind == db::CheckProblem::Kind::pending_migrations);
}

TEST_CASE("Backup and restore bring back the content as it was", "[db][backup]") {
    TestDatabase t;
    t->sql() << "INSERT INTO dealer (kind, name, inn, ogrn, kpp, created_at) "
                "VALUES ('legal_entity', 'Before', '7730543210', '1237700543211', '773001001', 0)";
    const std::string file = t.folder() + "/backup.bin";
    db::backup(t.db(), file);
    REQUIRE(fs::exists(file));
    CHECK_THROWS_AS(db::backup(t.db(), file), ValidationError);  // never overwrites

    t->sql() << "UPDATE dealer SET name = 'After'";
    db::restore(t.db(), file);
    auto fresh = t.open_another();
    std::string name;
    fresh->sql() << "SELECT name FROM dealer", soci::into(name);
    CHECK(name == "Before");
    CHECK(db::check(*fresh).ok());
}

TEST_CASE("Restoring from a missing file changes nothing", "[db][backup]") {
    TestDatabase t;
    CHECK_THROWS_AS(db::restore(t.db(), t.folder() + "/none.bin"), ValidationError);
    CHECK(t->schema_version() == db::latest_version());
}

TEST_CASE("A deployment key is created for its owner only, in a folder only he may list", "[db][keys]") {
    TestDatabase t;
    const mode_t saved = umask(022);
    const fs::path file = fs::path(t.folder()) / "keys" / "deployment.key";
    const int error = db::create_key_file(file);
    umask(saved);
    REQUIRE(error == 0);
    CHECK((fs::status(file).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
    CHECK((fs::status(file.parent_path()).permissions() & fs::perms::all) == fs::perms::owner_all);
    db::DeploymentKeyBytes key;
    CHECK(db::read_key_file(file, key) == db::KeyFileState::ok);
}

TEST_CASE("A backup is readable by its owner only from its creation", "[db][backup]") {
    TestDatabase t;
    const mode_t saved = umask(022);  // what most users have: new files readable by everyone
    const std::string file = t.folder() + "/backup.bin";
    db::backup(t.db(), file);
    umask(saved);
    CHECK((fs::status(file).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
}

namespace {
long long dealers(db::Database& db) {
    long long n = 0;
    db.sql() << "SELECT count(*) FROM dealer", soci::into(n);
    return n;
}
}  // namespace

TEST_CASE("A restore refuses an empty file and a file of another kind, and changes neither them nor the database",
          "[db][backup]") {
    TestDatabase t;
    t->sql() << "INSERT INTO dealer (kind, name, inn, ogrn, kpp, created_at) "
                "VALUES ('legal_entity', 'Before', '7730543210', '1237700543211', '773001001', 0)";
    const std::string empty = t.folder() + "/empty.bin", other = t.folder() + "/other.bin";
    std::ofstream(empty).close();
    std::ofstream(other) << "a note, not a backup";
    for (const auto& [file, says] : {std::pair{empty, "is empty"}, std::pair{other, "is not a Salon Station backup"}}) {
        const auto before = fs::last_write_time(file);
        const std::string bytes = file_bytes(file);
        try {
            db::restore(t.db(), file);
            FAIL("restored " << file);
        } catch (const ValidationError& e) {
            CHECK_THAT(e.reason().english(), Catch::Contains(says));
        }
        CHECK(file_bytes(file) == bytes);
        CHECK(fs::last_write_time(file) == before);
        CHECK(dealers(t.db()) == 1);
        CHECK(t->schema_version() == db::latest_version());
    }
}

TEST_CASE("A restore keeps the database it replaces aside, privately, and leaves the backup as it was",
          "[db][backup]") {
    TestDatabase t;
    const std::string file = t.folder() + "/backup.bin";
    db::backup(t.db(), file);
    t->sql() << "INSERT INTO dealer (kind, name, inn, ogrn, kpp, created_at) "
                "VALUES ('legal_entity', 'After', '7730543210', '1237700543211', '773001001', 0)";
    const std::string bytes = file_bytes(file);
    const auto written = fs::last_write_time(file);
    const std::string aside = db::restore(t.db(), file);
    CHECK(file_bytes(file) == bytes);
    CHECK(fs::last_write_time(file) == written);
    auto fresh = t.open_another();
    CHECK(dealers(*fresh) == 0);
    CHECK_THAT(aside, Catch::Contains(".before-restore-"));
    CHECK((fs::status(aside).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
    db::restore(*fresh, aside);  // the old database comes back from where it was kept
    CHECK(dealers(*t.open_another()) == 1);
}

TEST_CASE("A kept statement runs again with new values and reports whether a row came back", "[db][statements]") {
    TestDatabase t;
    const std::string insert = "INSERT INTO standard_rate (code, valid_from, price, unit) VALUES (:c, :f, :p, 'sms')";
    const std::string read = "SELECT price FROM standard_rate WHERE code = :c";
    for (long long price : {11, 22, 33}) {
        db::WriteTransaction tx(t.db());
        const std::string code = "k" + std::to_string(price);
        t->run(insert, soci::use(code), soci::use(std::string("2026-01-01")), soci::use(price));
        tx.commit();
    }
    for (long long price : {11, 22, 33}) {
        long long found = 0;
        CHECK(t->run(read, soci::use("k" + std::to_string(price)), soci::into(found)));
        CHECK(found == price);
    }
    long long untouched = -1;
    CHECK_FALSE(t->run(read, soci::use(std::string("none")), soci::into(untouched)));
    CHECK(untouched == -1);
}

TEST_CASE("A kept statement read inside its own loop gets a statement of its own", "[db][statements]") {
    TestDatabase t;
    {
        db::WriteTransaction tx(t.db());
        for (long long price : {1, 2, 3})
            t->run("INSERT INTO standard_rate (code, valid_from, price, unit) VALUES (:c, '2026-01-01', :p, 'sms')",
                   soci::use("n" + std::to_string(price)), soci::use(price));
        tx.commit();
    }
    const std::string all = "SELECT code, price FROM standard_rate WHERE code LIKE 'n%' ORDER BY price";
    std::string code, inner_code;
    long long price = 0, inner_price = 0;
    std::vector<std::string> outer;
    int inner_rows = 0;
    db::Statement st = t->query(all, soci::into(code), soci::into(price));
    st.execute();
    while (st.fetch()) {
        outer.push_back(code + "=" + std::to_string(price));
        db::Statement again = t->query(all, soci::into(inner_code), soci::into(inner_price));
        again.execute();
        while (again.fetch()) ++inner_rows;
    }
    CHECK(outer == std::vector<std::string>{"n1=1", "n2=2", "n3=3"});
    CHECK(inner_rows == 9);
}

TEST_CASE("A kept statement that failed is usable again and the transaction rolls back whole", "[db][statements]") {
    TestDatabase t;
    const std::string insert = "INSERT INTO standard_rate (code, valid_from, price, unit) VALUES (:c, '2026-01-01', :p, :u)";
    long long one = 1;
    {
        db::WriteTransaction tx(t.db());
        t->run(insert, soci::use(std::string("e1")), soci::use(one), soci::use(std::string("sms")));
        // NOT NULL unit: the statement throws inside the business operation
        soci::indicator null_unit = soci::i_null;
        std::string unit;
        CHECK_THROWS(t->run(insert, soci::use(std::string("e2")), soci::use(one), soci::use(unit, null_unit)));
    }
    int count = 0;
    t->sql() << "SELECT count(*) FROM standard_rate WHERE code LIKE 'e%'", soci::into(count);
    CHECK(count == 0);
    {
        db::WriteTransaction tx(t.db());
        t->run(insert, soci::use(std::string("e3")), soci::use(one), soci::use(std::string("sms")));
        tx.commit();
    }
    auto other = t.open_another();
    other->sql() << "SELECT count(*) FROM standard_rate WHERE code LIKE 'e%'", soci::into(count);
    CHECK(count == 1);
}

TEST_CASE("A kept read leaves no snapshot behind: this station writes after another one did", "[db][statements]") {
    TestDatabase t;
    auto other = t.open_another();
    const std::string count_rows = "SELECT count(*) FROM standard_rate WHERE code LIKE 's%'";
    long long before = -1, after = -1;
    t->run(count_rows, soci::into(before));
    {
        db::WriteTransaction tx(*other);
        other->run("INSERT INTO standard_rate (code, valid_from, price, unit) VALUES ('s1', '2026-01-01', 1, 'sms')");
        tx.commit();
    }
    // A read still open on SQLite would pin the old snapshot, and taking the write lock would then fail.
    {
        db::WriteTransaction tx(t.db());
        t->run("INSERT INTO standard_rate (code, valid_from, price, unit) VALUES ('s2', '2026-01-01', 1, 'sms')");
        tx.commit();
    }
    t->run(count_rows, soci::into(after));
    CHECK(after == before + 2);
}

TEST_CASE("One business operation reads the clock once: every row it writes carries the same moment",
          "[db][clock]") {
    TestDatabase t;
    std::int64_t first = 0, later = 0;
    {
        db::WriteTransaction tx(t.db());
        first = t->now();
        // Past the next second boundary: a clock read anew would move on.
        std::this_thread::sleep_for(std::chrono::milliseconds(1100));
        later = t->now();
        tx.commit();
    }
    CHECK(later == first);
    CHECK(t->now() > first);  // the next read, outside the operation, is the clock's own
}

TEST_CASE("A transaction's memo is seen by its later steps and forgotten when it ends", "[db]") {
    TestDatabase t;
    t->set_transaction_memo("k", "outside");  // outside a transaction: not kept
    CHECK(t->transaction_memo("k") == nullptr);
    {
        db::WriteTransaction tx(t.db());
        CHECK(t->write_transaction() != 0);
        t->set_transaction_memo("k", "v1");
        REQUIRE(t->transaction_memo("k") != nullptr);
        CHECK(*t->transaction_memo("k") == "v1");
        // rolled back
    }
    CHECK(t->write_transaction() == 0);
    {
        db::WriteTransaction tx(t.db());
        CHECK(t->transaction_memo("k") == nullptr);  // nothing left over from the rolled-back one
        t->set_transaction_memo("k", "v2");
        tx.commit();
    }
    CHECK(t->transaction_memo("k") == nullptr);
}

TEST_CASE("insert returns the new row's id and update how many rows it changed", "[db][statements]") {
    TestDatabase t;
    db::WriteTransaction tx(t.db());
    const std::string a = "A", b = "B";
    const auto first = t->insert(
        "INSERT INTO dealer (kind, name, inn, ogrn, kpp, created_at) "
        "VALUES ('legal_entity', :n, '7730543210', '1237700543211', '773001001', 0)",
        soci::use(a));
    const auto second = t->insert(
        "INSERT INTO dealer (kind, name, inn, ogrn, kpp, created_at) "
        "VALUES ('legal_entity', :n, '7707083893', '1027700132195', '773601001', 0)",
        soci::use(b));
    CHECK(second != first);
    std::string name;
    long long id = second;
    t->run("SELECT name FROM dealer WHERE id = :id", soci::use(id), soci::into(name));
    CHECK(name == "B");
    const std::string renamed = "C";
    CHECK(t->update("UPDATE dealer SET name = :n WHERE id = :id", soci::use(renamed), soci::use(id)) == 1);
    const long long none = second + first + 100;
    CHECK(t->update("UPDATE dealer SET name = :n WHERE id = :id", soci::use(renamed), soci::use(none)) == 0);
    tx.commit();
}
