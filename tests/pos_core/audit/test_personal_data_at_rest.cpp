// Personal data at rest (152-FZ art. 19: protected against unlawful access, a copied file included): the
// database file and its WAL are the owner's only, a client's passport, date of birth and address are
// sealed under the deployment's key, found at the desk by a keyed hash, and a database made before
// sealing is upgraded in place. Masking and the journaled reveal are unchanged (test_client.cpp).
#include <catch2/catch.hpp>

#include "db/PersonalDataKey.hpp"
#include "db/UserError.hpp"
#include "db/migrations.hpp"
#include "pos/core/sale/Client.hpp"
#include "pos/core/sale/Sale.hpp"
#include "tests/pos_core/DeskFixture.hpp"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

using namespace salon;
using namespace salon::pos;
using salon::test::DeskFixture;
using salon::test::refusal;
using salon::test::TestDatabase;
namespace fs = std::filesystem;

namespace {

ClientForm petrova() {
    return ClientForm{"Петрова Анна Сергеевна", "03.04.1987", "4611 987654", "15.05.2007",
                      "ТП УФМС по Московской области в г. Химки", "Московская обл., г. Химки, ул. Молодёжная, д. 7",
                      ""};
}
ClientForm sidorov() {
    return ClientForm{"Сидоров Пётр Ильич", "12.08.1975", "4003 555777", "20.09.2020", "ГУ МВД по г. Санкт-Петербургу",
                      "г. Санкт-Петербург, Невский пр., д. 100, кв. 3", ""};
}

// What a copied file gives away: every byte of the SQLite database and its WAL.
std::string file_bytes(const TestDatabase& t) {
    const std::string path = t.url().substr(std::string("sqlite:").size());
    std::string bytes;
    for (const char* suffix : {"", "-wal"}) {
        std::ifstream in(path + suffix, std::ios::binary);
        bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return bytes;
}

// The values a client's form holds in clear, as the desk stores them.
std::vector<std::string> plain_values(const ClientForm& form) {
    const ClientRecord c = parse_client_form(form, "2026-11-30");
    return {c.passport, c.passport.substr(5), c.address, c.birth_date, c.document_issuer};
}

// The stored values of the personal-data column (the five values sealed as one since version 14), on
// either backend.
std::vector<std::string> stored_values(db::Database& db) {
    std::vector<std::string> out;
    std::string personal;
    soci::statement st = (db.sql().prepare << "SELECT personal_data FROM client", soci::into(personal));
    st.execute();
    while (st.fetch()) out.push_back(personal);
    return out;
}

// The same for a database of versions 10 to 13, whose five columns were sealed one by one.
std::vector<std::string> stored_values_one_by_one(db::Database& db) {
    std::vector<std::string> out;
    std::string birth, number, issued, issuer, address;
    soci::statement st = (db.sql().prepare << "SELECT birth_date, document_number, document_issued_on, "
                                              "document_issuer, address FROM client",
                          soci::into(birth), soci::into(number), soci::into(issued), soci::into(issuer),
                          soci::into(address));
    st.execute();
    while (st.fetch()) out.insert(out.end(), {birth, number, issued, issuer, address});
    return out;
}

// Points this process at another personal-data key file for the test's duration.
class KeyFileOverride {
public:
    explicit KeyFileOverride(const fs::path& file) {
        if (const char* v = std::getenv("SALON_PERSONAL_DATA_KEY_FILE")) saved_ = v;
        setenv("SALON_PERSONAL_DATA_KEY_FILE", file.c_str(), 1);
    }
    ~KeyFileOverride() { setenv("SALON_PERSONAL_DATA_KEY_FILE", saved_.c_str(), 1); }
    KeyFileOverride(const KeyFileOverride&) = delete;
    KeyFileOverride& operator=(const KeyFileOverride&) = delete;

private:
    std::string saved_;
};

}  // namespace

TEST_CASE("The database file and its WAL are created readable by the owner only (152-FZ)", "[personal-data][db]") {
    if (salon::test::test_backend() != db::Backend::sqlite) return;  // a server's files are the server's
    const mode_t saved = umask(022);  // the usual umask: files readable by everyone unless made otherwise
    TestDatabase t(false);
    db::migrate(t.db());
    umask(saved);
    const std::string path = t.url().substr(std::string("sqlite:").size());
    for (const char* suffix : {"", "-wal", "-shm"}) {
        struct stat st {};
        REQUIRE(stat((path + suffix).c_str(), &st) == 0);
        INFO(path + suffix);
        CHECK((st.st_mode & 0777) == 0600);
    }
}

TEST_CASE("A database made readable by others is made private when it is opened", "[personal-data][db]") {
    if (salon::test::test_backend() != db::Backend::sqlite) return;
    TestDatabase t;
    const std::string path = t.url().substr(std::string("sqlite:").size());
    REQUIRE(chmod(path.c_str(), 0644) == 0);
    auto again = t.open_another();
    struct stat st {};
    REQUIRE(stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("A client's passport, date of birth and address are not stored in clear, and the desk still finds "
          "and reveals them [R-POS-7]",
          "[personal-data][client][R-POS-7]") {
    DeskFixture f;
    const Actor spec = f.specialist();
    const auto first = save_client(f.db(), spec, petrova());
    const auto second = save_client(f.db(), spec, sidorov());
    // A registration form being typed at a till is saved as a draft: sealed too.
    SaleDraft draft;
    draft.with_client = true;
    draft.client = sidorov();
    save_draft(f.db(), spec, "till-1", draft);

    for (const std::string& value : stored_values(f.db())) CHECK(db::PersonalDataKey::is_sealed(value));
    if (f.t.backend() == db::Backend::sqlite) {
        const std::string bytes = file_bytes(f.t);
        for (const ClientForm& form : {petrova(), sidorov()})
            for (const std::string& value : plain_values(form)) {
                INFO(value);
                CHECK(bytes.find(value) == std::string::npos);
            }
        CHECK(bytes.find("Петрова Анна") != std::string::npos);  // the probe sees what is stored in clear
    } else {
        for (const std::string& value : stored_values(f.db()))
            for (const ClientForm& form : {petrova(), sidorov()})
                for (const std::string& plain : plain_values(form)) CHECK(value.find(plain) == std::string::npos);
    }

    const auto found = find_client_by_passport(f.db(), spec, "46 11 987654");
    REQUIRE(found);
    CHECK(found->id == first);
    CHECK(found->passport == "46 ** ****54");
    CHECK(found->birth_date == "**.**.1987");
    CHECK_FALSE(find_client_by_passport(f.db(), spec, "4611 987655"));
    const ClientRecord c = reveal_client(f.db(), f.senior(), second, "клиент просит копию анкеты");
    CHECK(c.passport == "4003 555777");
    CHECK(c.address == "г. Санкт-Петербург, Невский пр., д. 100, кв. 3");
    CHECK(c.birth_date == "1975-08-12");
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'personal_data.reveal'") == 1);
    const auto restored = load_draft(f.db(), spec, "till-1");
    REQUIRE(restored);
    CHECK(restored->client.address == sidorov().address);
    // Registering the same passport again updates the one client: the hash keeps one client per passport.
    CHECK(save_client(f.db(), spec, petrova()) == first);
    CHECK(f.count("SELECT COUNT(*) FROM client") == 2);
}

TEST_CASE("Sealed values moved to another row or column do not open", "[personal-data][client]") {
    DeskFixture f;
    const Actor spec = f.specialist();
    const auto first = save_client(f.db(), spec, petrova());
    const auto second = save_client(f.db(), spec, sidorov());
    auto& sql = f.db().sql();
    std::string personal_1, personal_2;
    const long long id1 = first, id2 = second;
    sql << "SELECT personal_data FROM client WHERE id = :i", soci::use(id1), soci::into(personal_1);
    sql << "SELECT personal_data FROM client WHERE id = :i", soci::use(id2), soci::into(personal_2);
    sql << "UPDATE client SET personal_data = :a WHERE id = :i", soci::use(personal_2), soci::use(id1);
    sql << "UPDATE client SET personal_data = :a WHERE id = :i", soci::use(personal_1), soci::use(id2);
    CHECK_THAT(refusal([&] { reveal_client(f.db(), f.senior(), first, "клиент просит копию анкеты"); }),
               Catch::Contains("does not open"));
    // From another column: a sale draft's sealed content (a registration form too) put in a client's row.
    SaleDraft draft;
    draft.with_client = true;
    draft.client = sidorov();
    save_draft(f.db(), spec, "till-1", draft);
    sql << "UPDATE client SET personal_data = (SELECT content FROM sale_draft) WHERE id = :i", soci::use(id2);
    CHECK_THROWS_AS(reveal_client(f.db(), f.senior(), second, "клиент просит копию анкеты"), DatabaseError);
}

TEST_CASE("A missing or another deployment's personal-data key is refused clearly and never replaced",
          "[personal-data][client]") {
    DeskFixture f;
    save_client(f.db(), f.specialist(), petrova());
    const fs::path missing = fs::path(f.t.folder()) / "elsewhere" / "personal-data.key";
    {
        KeyFileOverride other(missing);
        auto station = f.t.open_another();
        CHECK_THAT(refusal([&] { find_client_by_passport(*station, f.cli, "4611 987654"); }),
                   Catch::Contains("There is no personal data key at " + missing.string()));
        CHECK_FALSE(fs::exists(missing));  // a new key would make every client unreadable
    }
    const fs::path foreign = fs::path(f.t.folder()) / "foreign.key";
    db::PersonalDataKey::load_or_create(foreign);
    {
        KeyFileOverride other(foreign);
        auto station = f.t.open_another();
        CHECK_THAT(refusal([&] { find_client_by_passport(*station, f.cli, "4611 987654"); }),
                   Catch::Contains("is not the key of this database"));
        CHECK_THAT(refusal([&] { save_client(*station, f.cli, sidorov()); }),
                   Catch::Contains("is not the key of this database"));
    }
    CHECK(find_client_by_passport(f.db(), f.cli, "4611 987654"));
}

TEST_CASE("Upgrading a database of version 9 seals the clients and drafts it holds, and each is still found "
          "and revealed",
          "[personal-data][client][db][migrations]") {
    TestDatabase t(false);
    db::migrate(t.db(), 9);
    REQUIRE(t->schema_version() == 9);
    auto& sql = t->sql();
    sql << "INSERT INTO dealer (id, kind, name, inn, ogrn, kpp, created_at) "
           "VALUES (1, 'legal_entity', 'Связь', '7701234567', '1027700000001', '770101001', 0)";
    sql << "INSERT INTO salon (id, dealer_id, name, address, time_zone, created_at) "
           "VALUES (1, 1, 'Метро', 'Москва, Тверская, 1', 'Europe/Moscow', 0)";
    sql << "INSERT INTO staff (id, login, full_name, role, dealer_id, salon_id, created_at) "
           "VALUES (1, 'anna', 'Анна', 'specialist', 1, 1, 0)";
    // As the desk wrote them before version 10: in clear.
    int id = 0;
    for (const ClientForm& form : {petrova(), sidorov()}) {
        const ClientRecord c = parse_client_form(form, "2026-11-30");
        ++id;
        sql << "INSERT INTO client (id, full_name, birth_date, document_kind, document_number, document_issued_on, "
               "document_issuer, address, created_at, updated_at) VALUES (:id, :n, :b, 'passport_rf', :p, :i, :iss, "
               ":a, 0, 0)",
            soci::use(id), soci::use(c.full_name), soci::use(c.birth_date), soci::use(c.passport),
            soci::use(c.document_issued_on), soci::use(c.document_issuer), soci::use(c.address);
    }
    SaleDraft draft;
    draft.with_client = true;
    draft.client = petrova();
    const std::string content = draft_to_json(draft);
    sql << "INSERT INTO sale_draft (staff_id, salon_id, till, content, updated_at) VALUES (1, 1, 'till-1', :c, 0)",
        soci::use(content);

    // Up to version 10 only: later migrations are not this test's business.
    CHECK(db::migrate(t.db(), 10) == std::vector<int>{10});
    CHECK(db::migrate(t.db(), 10).empty());
    for (const std::string& value : stored_values_one_by_one(t.db()))
        CHECK(db::PersonalDataKey::is_sealed(value));
    if (t.backend() == db::Backend::sqlite) {
        const std::string bytes = file_bytes(t);
        for (const ClientForm& form : {petrova(), sidorov()})
            for (const std::string& value : plain_values(form)) {
                INFO(value);
                CHECK(bytes.find(value) == std::string::npos);
            }
        std::string integrity;
        sql << "PRAGMA integrity_check", soci::into(integrity);
        CHECK(integrity == "ok");
    }
    // The desk reads the layout of the latest version (the five values sealed as one since version 14).
    db::migrate(t.db());
    for (const std::string& value : stored_values(t.db())) CHECK(db::PersonalDataKey::is_sealed(value));

    const Actor cli = Actor::command_line(AuditKey::load_or_create(fs::path(t.folder()) / "audit.key"));
    const auto found = find_client_by_passport(t.db(), cli, "4003 555777");
    REQUIRE(found);
    CHECK(found->id == 2);
    const ClientRecord c = reveal_client(t.db(), cli, 1, "проверка после обновления");
    CHECK(c.passport == "4611 987654");
    CHECK(c.address == petrova().address);
    CHECK(c.birth_date == "1987-04-03");
    const auto anna = Actor::signed_in(t.db(), get_staff(t.db(), cli, 1), cli.audit_key());
    const auto restored = load_draft(t.db(), anna, "till-1");
    REQUIRE(restored);
    CHECK(restored->client.passport == petrova().passport);
}

namespace {

// A database as versions 10 to 13 left it: migrated below version 14, with `forms`' clients written in
// clear before version 10 and sealed one value at a time by its data step. Returns the version reached.
int database_sealed_one_by_one(TestDatabase& t, const std::vector<ClientForm>& forms) {
    db::migrate(t.db(), 9);
    auto& sql = t->sql();
    sql << "INSERT INTO dealer (id, kind, name, inn, ogrn, kpp, created_at) "
           "VALUES (1, 'legal_entity', 'Связь', '7701234567', '1027700000001', '770101001', 0)";
    sql << "INSERT INTO salon (id, dealer_id, name, address, time_zone, created_at) "
           "VALUES (1, 1, 'Метро', 'Москва, Тверская, 1', 'Europe/Moscow', 0)";
    sql << "INSERT INTO staff (id, login, full_name, role, dealer_id, salon_id, created_at) "
           "VALUES (1, 'anna', 'Анна', 'specialist', 1, 1, 0)";
    sql << "INSERT INTO shift (id, salon_id, till, number, opened_by, opened_at, opening_float) "
           "VALUES (1, 1, 'till', 1, 1, 0, 0)";
    int id = 0;
    for (const ClientForm& form : forms) {
        const ClientRecord c = parse_client_form(form, "2026-11-30");
        ++id;
        const std::string phone = "+7912345670" + std::to_string(id);
        sql << "INSERT INTO client (id, full_name, birth_date, document_kind, document_number, document_issued_on, "
               "document_issuer, address, phone, created_at, updated_at) VALUES (:id, :n, :b, 'passport_rf', :p, "
               ":i, :iss, :a, :ph, 0, 0)",
            soci::use(id), soci::use(c.full_name), soci::use(c.birth_date), soci::use(c.passport),
            soci::use(c.document_issued_on), soci::use(c.document_issuer), soci::use(c.address), soci::use(phone);
        // The client's sale refers to the row the table's rebuild must keep under the same number.
        sql << "INSERT INTO sale (id, dealer_id, salon_id, shift_id, staff_id, client_id, kind, receipt_number, "
               "created_at, total, paid_cash) VALUES (:id, 1, 1, 1, 1, :c, 'sale', :r, 20, 0, 0)",
            soci::use(id), soci::use(id), soci::use(id);
    }
    db::migrate(t.db(), 13);
    return t->schema_version();
}

}  // namespace

TEST_CASE("Upgrading a database whose clients were sealed value by value seals each client's values as one, "
          "and each is still found by passport and revealed [R-POS-7]",
          "[personal-data][client][db][migrations][R-POS-7]") {
    TestDatabase t(false);
    const int version = database_sealed_one_by_one(t, {petrova(), sidorov()});
    REQUIRE(version >= 10);
    REQUIRE(version < 16);
    for (const std::string& value : stored_values_one_by_one(t.db()))
        REQUIRE(db::PersonalDataKey::is_sealed(value));

    const auto applied = db::migrate(t.db());
    CHECK(std::find(applied.begin(), applied.end(), 14) != applied.end());
    // One sealed value per client, under a 16-byte hash (22 base64 characters), the five columns gone.
    const auto stored = stored_values(t.db());
    REQUIRE(stored.size() == 2);
    for (const std::string& value : stored) CHECK(db::PersonalDataKey::is_sealed(value));
    std::string hash;
    t->sql() << "SELECT document_hash FROM client WHERE id = 1", soci::into(hash);
    CHECK(hash.size() == 22);
    CHECK_THROWS(t->sql() << "SELECT address FROM client");
    if (t.backend() == db::Backend::sqlite) {
        const std::string bytes = file_bytes(t);
        for (const ClientForm& form : {petrova(), sidorov()})
            for (const std::string& value : plain_values(form)) {
                INFO(value);
                CHECK(bytes.find(value) == std::string::npos);
            }
        std::string integrity;
        t->sql() << "PRAGMA integrity_check", soci::into(integrity);
        CHECK(integrity == "ok");
    }

    const Actor cli = Actor::command_line(AuditKey::load_or_create(fs::path(t.folder()) / "audit.key"));
    const auto found = find_client_by_passport(t.db(), cli, "4003 555777");
    REQUIRE(found);
    CHECK(found->id == 2);
    CHECK(found->passport == "40 ** ****77");
    CHECK_FALSE(find_client_by_passport(t.db(), cli, "4003 555778"));
    const ClientRecord c = reveal_client(t.db(), cli, 1, "проверка после обновления");
    CHECK(c.full_name == "Петрова Анна Сергеевна");
    CHECK(c.passport == "4611 987654");
    CHECK(c.birth_date == "1987-04-03");
    CHECK(c.document_issued_on == "2007-05-15");
    CHECK(c.document_issuer == petrova().document_issuer);
    CHECK(c.address == petrova().address);
    CHECK(c.phone == "+79123456701");
    long long sale_client = 0;
    t->sql() << "SELECT client_id FROM sale WHERE id = 2", soci::into(sale_client);
    CHECK(sale_client == 2);
    // Still one client per passport: the same passport registered again updates the client found by it.
    ClientForm moved = sidorov();
    moved.address = "г. Санкт-Петербург, Литейный пр., д. 5, кв. 8";
    CHECK(save_client(t.db(), cli, moved) == 2);
    CHECK(reveal_client(t.db(), cli, 2, "проверка после обновления").address == moved.address);
    long long clients = 0;
    t->sql() << "SELECT COUNT(*) FROM client", soci::into(clients);
    CHECK(clients == 2);
}

TEST_CASE("A value sealed value by value and moved to another client stops the upgrade, which is rolled back "
          "whole",
          "[personal-data][client][db][migrations]") {
    TestDatabase t(false);
    const int version = database_sealed_one_by_one(t, {petrova(), sidorov()});
    REQUIRE(version < 16);
    auto& sql = t->sql();
    std::string address_2;
    sql << "SELECT address FROM client WHERE id = 2", soci::into(address_2);
    sql << "UPDATE client SET address = :a WHERE id = 1", soci::use(address_2);
    CHECK_THROWS_AS(db::migrate(t.db()), DatabaseError);
    CHECK(t->schema_version() == version);
    // Nothing half-done: every client keeps its five sealed columns.
    CHECK(stored_values_one_by_one(t.db()).size() == 10);
}

namespace {
// The nonce of a sealed value: its first 24 bytes after the "pd1:" prefix (32 base64 characters).
std::string nonce_of(const std::string& sealed) { return sealed.substr(4, 32); }
}  // namespace

TEST_CASE("Sealed values never share a nonce, in one process or in a forked child (152-FZ art. 19)",
          "[personal-data][client]") {
    const fs::path folder = fs::temp_directory_path() / ("salon-nonce-" + std::to_string(::getpid()));
    fs::remove_all(folder);
    fs::create_directories(folder);
    const auto key = db::PersonalDataKey::load_or_create(folder / "personal-data.key");
    std::set<std::string> nonces;
    for (int i = 0; i < 2000; ++i) REQUIRE(nonces.insert(nonce_of(key.seal("4510 123456", "client.passport:1"))).second);
    // A child forked after its parent sealed must not repeat the parent's next nonces.
    int pipe_fds[2];
    REQUIRE(::pipe(pipe_fds) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::close(pipe_fds[0]);
        for (int i = 0; i < 100; ++i) {
            const std::string n = nonce_of(key.seal("x", "client.passport:1")) + "\n";
            if (::write(pipe_fds[1], n.data(), n.size()) != static_cast<ssize_t>(n.size())) ::_exit(2);
        }
        ::_exit(0);
    }
    ::close(pipe_fds[1]);
    std::string from_child;
    char buffer[4096];
    for (ssize_t got; (got = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;) from_child.append(buffer, got);
    ::close(pipe_fds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    for (int i = 0; i < 100; ++i) REQUIRE(nonces.insert(nonce_of(key.seal("x", "client.passport:1"))).second);
    std::istringstream lines(from_child);
    int children = 0;
    for (std::string line; std::getline(lines, line); ++children) REQUIRE(nonces.insert(line).second);
    CHECK(children == 100);
    fs::remove_all(folder);
}
