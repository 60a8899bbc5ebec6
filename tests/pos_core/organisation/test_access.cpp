// Permissions as data and the tamper-evident audit journal.
#include <catch2/catch.hpp>

#include "db/UserError.hpp"
#include "pos/core/audit/AuditHeads.hpp"
#include "pos/core/audit/AuditJournal.hpp"
#include "pos/core/organisation/Dealer.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/organisation/StaffMember.hpp"
#include "tests/pos_core/TestActor.hpp"
#include "tests/support/TestDatabase.hpp"

#include <filesystem>
#include <fstream>
#include <thread>

using namespace salon;
using namespace salon::pos;
using salon::test::TestDatabase;

namespace {

struct People {
    StaffMember specialist, senior, trainer, admin;
};

People add_people(db::Database& db, const Actor& cli) {
    const auto dealer = save_dealer(
        db, cli, {DealerKind::legal_entity, "ООО «Тест»", "7730543210", "1237700543211", "773001001"});
    const auto salon = save_salon(db, cli, {dealer, "Салон", "Адрес", "Europe/Moscow"});
    People p;
    p.specialist = get_staff(
        db, cli,
        save_staff(db, cli, {"spec", "Иванов", Role::specialist, salon, 0, std::nullopt, "password1"}));
    p.senior = get_staff(
        db, cli,
        save_staff(db, cli,
                   {"senior", "Петров", Role::senior_specialist, salon, 0, std::nullopt, "password1"}));
    p.trainer = get_staff(
        db, cli, save_staff(db, cli, {"trainer", "Тренер", Role::trainer, 0, 0, std::nullopt, "password1"}));
    p.admin = get_staff(
        db, cli,
        save_staff(db, cli, {"admin", "Админ", Role::head_office_admin, 0, 0, std::nullopt, "password1"}));
    return p;
}

AuditKey key_in(const TestDatabase& t, const char* name = "audit.key") {
    return AuditKey::load_or_create(std::filesystem::path(t.folder()) / name);
}

// Three entries on one chain, as three business operations.
std::vector<AuditEntry> append_three(db::Database& db, const AuditKey& key,
                                     const std::string& chain = "salon:1") {
    std::vector<AuditEntry> out;
    for (const char* action : {"shift.open", "sale.complete", "shift.close"}) {
        db::WriteTransaction tx(db);
        out.push_back(append(db, key, chain, 0, action, "shift:1", "passport 45 ** ******12"));
        tx.commit();
    }
    return out;
}

void exec(db::Database& db, const std::string& sql, long long id) { db.sql() << sql, soci::use(id); }

}  // namespace

TEST_CASE("Default grants follow the role: a specialist sells, a senior also refunds",
          "[access][permissions]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    const People p = add_people(t.db(), cli);
    CHECK(has_permission(t.db(), p.specialist, Permission::sell));
    CHECK(has_permission(t.db(), p.specialist, Permission::corporate_desk));
    CHECK_FALSE(has_permission(t.db(), p.specialist, Permission::refund));
    CHECK_FALSE(has_permission(t.db(), p.specialist, Permission::reveal_personal_data));
    CHECK(has_permission(t.db(), p.senior, Permission::refund));
    CHECK(has_permission(t.db(), p.senior, Permission::reveal_personal_data));
    CHECK(has_permission(t.db(), p.trainer, Permission::run_training));
    CHECK_FALSE(has_permission(t.db(), p.trainer, Permission::sell));
    for (Permission each : all_permissions()) CHECK(has_permission(t.db(), p.admin, each));
    // Every code the program knows is in the table, and back.
    for (Permission each : all_permissions()) CHECK(permission_from_string(to_string(each)) == each);
    CHECK(list_grants(t.db()).size() == 5 + 11 + 2 + 6 + all_permissions().size());  // seniors and managers move gadgets
}

TEST_CASE("A refusal names the missing permission in words", "[access][permissions]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    const People p = add_people(t.db(), cli);
    try {
        require_permission(t.db(), p.specialist, Permission::refund);
        FAIL("a specialist refunded");
    } catch (const RefusedError& e) {
        CHECK(e.message() == "Refund a payment: you do not have this permission");
    }
    CHECK_NOTHROW(require_permission(t.db(), p.senior, Permission::refund));
}

TEST_CASE("An inactive staff member has no permission at all", "[access][permissions]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    const People p = add_people(t.db(), cli);
    exec(t.db(), "UPDATE staff SET active = 0 WHERE id = :id", p.admin.id);
    // Both the stale copy from sign-in and a fresh read are refused.
    CHECK_FALSE(has_permission(t.db(), p.admin, Permission::administer_database));
    const StaffMember fresh = get_staff(t.db(), cli, p.admin.id);
    CHECK_FALSE(fresh.active);
    for (Permission each : all_permissions()) CHECK_FALSE(has_permission(t.db(), fresh, each));
    CHECK_THROWS_AS(require_permission(t.db(), fresh, Permission::sell), RefusedError);
}

TEST_CASE("Grant and revoke change permissions as data and are audited", "[access][permissions][audit]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    const People p = add_people(t.db(), cli);
    const AuditKey key = key_in(t);
    // Setting the people up was audited on the command line's chain, with the same key.
    const auto set_up = static_cast<std::int64_t>(list_entries(t.db(), "", 1000).size());
    CHECK(set_up == 6);
    const Actor admin = Actor::signed_in(t.db(), p.admin, key);
    const Actor senior = Actor::signed_in(t.db(), p.senior, key);
    revoke(t.db(), admin, Role::specialist, Permission::cash_in_out);
    CHECK_FALSE(has_permission(t.db(), p.specialist, Permission::cash_in_out));
    grant(t.db(), admin, Role::specialist, Permission::refund);
    CHECK(has_permission(t.db(), p.specialist, Permission::refund));
    grant(t.db(), admin, Role::specialist, Permission::refund);  // already there: no entry

    // The administrator shares the station's chain with the command line that set the people up.
    std::vector<AuditEntry> entries;
    for (const auto& e : list_entries(t.db(), admin.chain(), 1000))
        if (e.action.rfind("permission.", 0) == 0) entries.push_back(e);
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].action == "permission.grant");
    CHECK(entries[0].subject == "role:specialist");
    CHECK(entries[0].details == "refund");
    CHECK(entries[0].actor_id == p.admin.id);
    CHECK(entries[1].action == "permission.revoke");
    CHECK(verify(t.db(), key).entries == set_up + 2);
    CHECK_FALSE(verify(t.db(), key).problem);

    // Only administer_database may change grants; a refusal changes nothing and writes nothing.
    CHECK_THROWS_AS(grant(t.db(), senior, Role::specialist, Permission::manage_staff),
                    RefusedError);
    CHECK_FALSE(has_permission(t.db(), p.specialist, Permission::manage_staff));
    CHECK_THROWS_AS(revoke(t.db(), admin, Role::head_office_admin, Permission::administer_database),
                    RefusedError);
    CHECK(static_cast<std::int64_t>(list_entries(t.db(), "", 1000).size()) == set_up + 2);
}

TEST_CASE("The audit key is made once, private, outside the database", "[audit]") {
    TestDatabase t;
    namespace fs = std::filesystem;
    const fs::path file = fs::path(t.folder()) / "config" / "audit.key";
    const AuditKey made = AuditKey::load_or_create(file);
    CHECK(fs::file_size(file) == AuditKey::kSize);
    CHECK((fs::status(file).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));
    CHECK(AuditKey::load_or_create(file).bytes() == made.bytes());
    CHECK(AuditKey::load(file).bytes() == made.bytes());

    CHECK_THROWS_AS(AuditKey::load(fs::path(t.folder()) / "missing.key"), RefusedError);
    fs::permissions(file, fs::perms::group_read, fs::perm_options::add);
    CHECK_THROWS_AS(AuditKey::load(file), RefusedError);
    const fs::path short_key = fs::path(t.folder()) / "short.key";
    std::ofstream(short_key) << "too short";
    fs::permissions(short_key, fs::perms::owner_read | fs::perms::owner_write);
    CHECK_THROWS_AS(AuditKey::load(short_key), RefusedError);
}

TEST_CASE("An intact journal verifies; the chain head is the newest mac", "[audit]") {
    TestDatabase t;
    const AuditKey key = key_in(t);
    CHECK(chain_head(t.db(), "salon:1").empty());
    const auto written = append_three(t.db(), key);
    CHECK(written[0].seq == 1);
    CHECK(written[2].seq == 3);
    CHECK(written[1].mac != written[2].mac);
    const AuditCheck check = verify(t.db(), key);
    CHECK_FALSE(check.problem);
    CHECK(check.entries == 3);
    CHECK(check.chains == 1);
    CHECK(chain_head(t.db(), "salon:1") == written[2].mac);
}

TEST_CASE("An entry written in a rolled-back operation leaves no trace", "[audit]") {
    TestDatabase t;
    const AuditKey key = key_in(t);
    {
        db::WriteTransaction tx(t.db());
        append(t.db(), key, "salon:1", 0, "sale.complete", "sale:1", "");
    }
    CHECK(list_entries(t.db()).empty());
    append_three(t.db(), key);
    CHECK(list_entries(t.db()).back().seq == 1);
}

TEST_CASE("Verify names an entry whose columns were changed", "[audit]") {
    TestDatabase t;
    const AuditKey key = key_in(t);
    const auto written = append_three(t.db(), key);
    exec(t.db(), "UPDATE audit_entry SET details = 'nothing happened' WHERE id = :id", written[1].id);
    const AuditCheck check = verify(t.db(), key);
    REQUIRE(check.problem);
    CHECK(check.problem->kind == AuditProblemKind::changed);
    CHECK(check.problem->chain == "salon:1");
    CHECK(check.problem->seq == 2);
    CHECK(check.problem->id == written[1].id);
    CHECK(describe(*check.problem).str() == "Audit journal, chain salon:1, seq 2, id " +
                                                std::to_string(written[1].id) +
                                                ": the entry was changed after it was written.");

    // Changing the time or the person is caught the same way.
    TestDatabase u;
    const auto again = append_three(u.db(), key);
    exec(u.db(), "UPDATE audit_entry SET at = at - 3600 WHERE id = :id", again[2].id);
    REQUIRE(verify(u.db(), key).problem);
    CHECK(verify(u.db(), key).problem->seq == 3);
}

TEST_CASE("Verify names the gap a deleted entry leaves", "[audit]") {
    TestDatabase t;
    const AuditKey key = key_in(t);
    const auto written = append_three(t.db(), key);
    exec(t.db(), "DELETE FROM audit_entry WHERE id = :id", written[1].id);
    const AuditCheck check = verify(t.db(), key);
    REQUIRE(check.problem);
    CHECK(check.problem->kind == AuditProblemKind::missing);
    CHECK(check.problem->seq == 3);
    CHECK(check.problem->expected_seq == 2);
    CHECK(check.problem->id == written[2].id);

    // Renumbering to hide the gap breaks the next entry's mac instead.
    exec(t.db(), "UPDATE audit_entry SET seq = 2 WHERE id = :id", written[2].id);
    REQUIRE(verify(t.db(), key).problem);
    CHECK(verify(t.db(), key).problem->seq == 2);
}

TEST_CASE("Deleting a chain's newest entries is caught by its anchored head and named", "[audit]") {
    TestDatabase t;
    const AuditKey key = key_in(t);
    const auto written = append_three(t.db(), key);
    // The newest entries, as a reveal of personal data would be the last thing someone wants seen.
    exec(t.db(), "DELETE FROM audit_entry WHERE id >= :id", written[1].id);
    const AuditCheck check = verify(t.db(), key);
    CHECK_FALSE(check.problem);  // what is left still chains
    CHECK_FALSE(check.intact());
    REQUIRE(check.tail.size() == 1);
    CHECK(check.tail[0].kind == AuditProblemKind::cut);
    CHECK(check.tail[0].chain == "salon:1");
    CHECK(check.tail[0].seq == 1);
    CHECK(check.tail[0].expected_seq == 3);
    CHECK(describe(check.tail[0]).str() ==
          "Audit journal, chain salon:1 ends at seq 1, but its head was seq 3: the newest entries (seq 2 to 3) "
          "were deleted.");

    // Without the anchor only a head kept elsewhere (a Z report) still shows the cut.
    std::filesystem::remove(anchor_file(key, t.db()));
    CHECK(verify(t.db(), key).intact());
    KnownHeads z_report;
    z_report.given.push_back(AuditHead::parse(AuditHead{"salon:1", 3, written[2].mac}.text()));
    const AuditCheck with_paper = verify(t.db(), key, z_report);
    REQUIRE(with_paper.tail.size() == 1);
    CHECK(with_paper.tail[0].kind == AuditProblemKind::cut);
    CHECK_THROWS_AS(AuditHead::parse("salon:1:3"), ValidationError);
}

TEST_CASE("A deleted chain is named as vanished", "[audit]") {
    TestDatabase t;
    const AuditKey key = key_in(t);
    append_three(t.db(), key);
    append_three(t.db(), key, "station:kiosk-2");
    CHECK(verify(t.db(), key).intact());
    exec(t.db(), "DELETE FROM audit_entry WHERE chain = 'station:kiosk-2' AND id > :id", 0);
    const AuditCheck check = verify(t.db(), key);
    CHECK_FALSE(check.problem);
    REQUIRE(check.tail.size() == 1);
    CHECK(check.tail[0].kind == AuditProblemKind::vanished);
    CHECK(check.tail[0].chain == "station:kiosk-2");
    CHECK(describe(check.tail[0]).str() ==
          "Audit journal, chain station:kiosk-2: the whole chain was deleted (its head was seq 3).");
}

TEST_CASE("The anchor moves only after a commit, is private and cannot be forged", "[audit]") {
    TestDatabase t;
    const AuditKey key = key_in(t);
    {
        db::WriteTransaction tx(t.db());
        append(t.db(), key, "salon:1", 0, "sale.complete", "sale:1", "");
        // Not yet committed: an anchor ahead of the database would be a false alarm.
        CHECK(anchored_heads(key, t.db()).empty());
    }
    CHECK(anchored_heads(key, t.db()).empty());  // rolled back
    const auto written = append_three(t.db(), key);
    const auto heads = anchored_heads(key, t.db());
    REQUIRE(heads.size() == 1);
    CHECK(heads[0].text() == "salon:1:3:" + written[2].mac);
    namespace fs = std::filesystem;
    const fs::path file = anchor_file(key, t.db());
    CHECK((fs::status(file).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));

    // Moving the head back without the key: the slot edited fails its signature and is passed over for the
    // other slot, which holds the head one operation before (never the forged one); both slots edited:
    // refused, and never re-signed by the next operation.
    std::string text;
    {
        std::ifstream in(file, std::ios::binary);
        text.assign(std::istreambuf_iterator<char>(in), {});
    }
    std::string forged = std::string(text).replace(text.find("\t3\t"), 3, "\t1\t");
    std::ofstream(file, std::ios::binary | std::ios::trunc) << forged;
    REQUIRE(anchored_heads(key, t.db()).size() == 1);
    CHECK(anchored_heads(key, t.db()).front().seq == 2);
    forged.replace(forged.find("\t2\t"), 3, "\t1\t");
    std::ofstream(file, std::ios::binary | std::ios::trunc) << forged;
    CHECK_THROWS_AS(verify(t.db(), key), RefusedError);
    append_three(t.db(), key);
    std::ifstream again(file, std::ios::binary);
    CHECK(std::string(std::istreambuf_iterator<char>(again), {}) == forged);
}

namespace {

std::string file_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("An anchor's rewrite cut short by a SIGKILL leaves the head before it, and the next commit mends it",
          "[audit]") {
    TestDatabase t;
    const AuditKey key = key_in(t);
    append_three(t.db(), key);
    const std::filesystem::path file = anchor_file(key, t.db());
    std::string bytes = file_bytes(file);
    // Two slots of whole pages; the first holds the newest head (generation 2), the second the one before.
    REQUIRE(bytes.size() % 8192 == 0);
    REQUIRE(bytes.find("\t3\t") < bytes.size() / 2);
    REQUIRE(bytes.find("\t2\t", bytes.size() / 2) != std::string::npos);
    // The writer killed half-way through copying the newest slot: its text is partly the old one's.
    bytes.replace(bytes.find("\t3\t") + 3, 8, "00000000");
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
    REQUIRE(anchored_heads(key, t.db()).size() == 1);
    CHECK(anchored_heads(key, t.db()).front().seq == 2);  // behind the database: no alarm
    CHECK(verify(t.db(), key).intact());
    // The verify that found the journal whole anchored what it saw, into the slot that was cut short.
    CHECK(anchored_heads(key, t.db()).front().seq == 3);
    bytes = file_bytes(file);
    CHECK(bytes.find("\t3\t") < bytes.size() / 2);
    CHECK(bytes.find("00000000") == std::string::npos);
}

TEST_CASE("An anchor of one signed text, as written before slots, is read and rewritten as two slots",
          "[audit]") {
    TestDatabase t;
    const AuditKey key = key_in(t);
    const auto written = append_three(t.db(), key);
    const std::filesystem::path file = anchor_file(key, t.db());
    const std::string bytes = file_bytes(file);
    const auto subject_at = bytes.find('\n') + 1;
    const std::string subject = bytes.substr(subject_at, bytes.find('\n', subject_at) - subject_at);
    std::filesystem::remove(file);
    write_heads(key, file, {subject, {{"salon:1", 3, written[2].mac}}});
    REQUIRE(file_bytes(file).rfind("salon-audit-heads-2\n", 0) == 0);
    CHECK(anchored_heads(key, t.db()).front().seq == 3);
    append_three(t.db(), key);
    CHECK(anchored_heads(key, t.db()).front().seq == 6);
    const std::string now = file_bytes(file);
    CHECK(now.rfind("salon-audit-heads-3\n", 0) == 0);
    CHECK(now.size() % 8192 == 0);
    CHECK(verify(t.db(), key).intact());
}

TEST_CASE("Another station extending a chain is no alarm; each anchor knows what its station saw", "[audit]") {
    TestDatabase t;
    const AuditKey key = key_in(t);
    // The same key on another station: its own anchor, beside its own copy of the key.
    namespace fs = std::filesystem;
    fs::create_directories(fs::path(t.folder()) / "other");
    fs::copy_file(key.path(), fs::path(t.folder()) / "other" / "audit.key");
    const AuditKey other_key = AuditKey::load(fs::path(t.folder()) / "other" / "audit.key");
    auto other = t.open_another();
    append_three(t.db(), key);
    append_three(*other, other_key);
    CHECK(anchored_heads(key, t.db()).front().seq == 3);  // behind the database: no alarm
    CHECK(verify(t.db(), key).intact());
    CHECK(anchored_heads(key, t.db()).front().seq == 6);  // what it saw intact
    CHECK(verify(*other, other_key).intact());
}

TEST_CASE("Verify names entries moved out of the order they were written in", "[audit]") {
    TestDatabase t;
    const AuditKey key = key_in(t);
    const auto written = append_three(t.db(), key);
    // Swap the seq of the second and third entries (through a free number: (chain, seq) is unique).
    exec(t.db(), "UPDATE audit_entry SET seq = 100 WHERE id = :id", written[1].id);
    exec(t.db(), "UPDATE audit_entry SET seq = 2 WHERE id = :id", written[2].id);
    exec(t.db(), "UPDATE audit_entry SET seq = 3 WHERE id = :id", written[1].id);
    const AuditCheck check = verify(t.db(), key);
    REQUIRE(check.problem);
    CHECK(check.problem->kind == AuditProblemKind::out_of_order);
    CHECK(check.problem->seq == 2);
    CHECK(check.problem->id == written[2].id);
}

TEST_CASE("An entry inserted with a copied mac is named", "[audit]") {
    TestDatabase t;
    const AuditKey key = key_in(t);
    const auto written = append_three(t.db(), key);
    // Shift the last entry up and slip a forged one in before it, reusing a genuine mac.
    exec(t.db(), "UPDATE audit_entry SET seq = 4 WHERE id = :id", written[2].id);
    const std::string mac = written[2].mac;
    t->sql() << "INSERT INTO audit_entry (chain, seq, at, actor_id, action, subject, details, mac) "
                "VALUES ('salon:1', 3, 0, NULL, 'sale.refund', 'sale:1', '', :mac)",
        soci::use(mac);
    const AuditCheck check = verify(t.db(), key);
    REQUIRE(check.problem);
    CHECK(check.problem->kind == AuditProblemKind::out_of_order);
    CHECK(check.problem->seq == 3);
    CHECK(check.problem->id > written[2].id);
}

TEST_CASE("A wrong key fails at the first entry", "[audit]") {
    TestDatabase t;
    const auto written = append_three(t.db(), key_in(t));
    const AuditCheck check = verify(t.db(), key_in(t, "other.key"));
    REQUIRE(check.problem);
    CHECK(check.problem->kind == AuditProblemKind::changed);
    CHECK(check.problem->seq == 1);
    CHECK(check.problem->id == written[0].id);
}

TEST_CASE("Interleaved chains number and verify independently", "[audit]") {
    TestDatabase t;
    const AuditKey key = key_in(t);
    std::vector<AuditEntry> a, b;
    for (int i = 0; i < 3; ++i) {
        db::WriteTransaction tx(t.db());
        a.push_back(append(t.db(), key, "salon:1", 0, "sale.complete", "sale:" + std::to_string(i), ""));
        b.push_back(
            append(t.db(), key, "station:kiosk-2", 0, "test.submit", "attempt:" + std::to_string(i), ""));
        tx.commit();
    }
    CHECK(a[2].seq == 3);
    CHECK(b[2].seq == 3);
    AuditCheck check = verify(t.db(), key);
    CHECK_FALSE(check.problem);
    CHECK(check.chains == 2);
    CHECK(check.entries == 6);
    CHECK(list_entries(t.db(), "station:kiosk-2").size() == 3);
    CHECK(list_entries(t.db(), "", 4).size() == 4);

    // Tampering with one chain is reported there; the other chain still checks out.
    const std::string head_a = chain_head(t.db(), "salon:1");
    exec(t.db(), "UPDATE audit_entry SET subject = 'attempt:9' WHERE id = :id", b[0].id);
    check = verify(t.db(), key);
    REQUIRE(check.problem);
    CHECK(check.problem->chain == "station:kiosk-2");
    CHECK(check.problem->seq == 1);
    CHECK(chain_head(t.db(), "salon:1") == head_a);
    {
        db::WriteTransaction tx(t.db());
        CHECK(append(t.db(), key, "salon:1", 0, "sale.complete", "sale:3", "").seq == 4);
        tx.commit();
    }
}

TEST_CASE("Entries written with the journal's first MAC layout (HMAC-SHA256) still verify, and later ones chain on",
          "[audit]") {
    TestDatabase t;
    const AuditKey key = key_in(t);
    // An entry as version 1 wrote it: each field length-prefixed (8 bytes, big-endian), under HMAC-SHA256.
    auto field = [](std::string& m, const std::string& v) {
        std::uint64_t n = v.size();
        char length[8];
        for (int i = 7; i >= 0; --i, n >>= 8) length[i] = static_cast<char>(n & 0xff);
        m.append(length, 8);
        m += v;
    };
    std::string message;
    for (const std::string& v : {std::string("salon-audit-1"), std::string(), std::string("salon:1"), std::string("1"),
                                 std::string("1700000000"), std::string(), std::string("client.save"),
                                 std::string("client:1"), std::string("added")})
        field(message, v);
    const std::string old_mac = key.legacy_mac_hex(message);
    CHECK(old_mac != key.mac_hex(message));
    t.db().sql() << "INSERT INTO audit_entry (chain, seq, at, actor_id, action, subject, details, mac) "
                    "VALUES ('salon:1', 1, 1700000000, NULL, 'client.save', 'client:1', 'added', :m)",
        soci::use(old_mac);
    {
        db::WriteTransaction tx(t.db());
        CHECK(append(t.db(), key, "salon:1", 0, "sale.commit", "sale:1", "").seq == 2);
        tx.commit();
    }
    AuditCheck check = verify(t.db(), key);
    CHECK_FALSE(check.problem);
    CHECK(check.entries == 2);
    // Changed, the old entry fails under either layout.
    t.db().sql() << "UPDATE audit_entry SET details = 'changed' WHERE seq = 1";
    check = verify(t.db(), key);
    REQUIRE(check.problem);
    CHECK(check.problem->seq == 1);
}

TEST_CASE("A heads file signed with the first layout (HMAC-SHA256) is still read; a new one uses the current",
          "[audit]") {
    TestDatabase t;
    const AuditKey key = key_in(t);
    const auto file = std::filesystem::path(key.path()).parent_path() / "old.heads";
    const std::string mac(64, 'a');
    const std::string body = "salon-audit-heads-1\nsqlite:/x.db\nsalon:1\t7\t" + mac + "\n";
    {
        std::ofstream out(file, std::ios::binary);
        out << body << key.legacy_mac_hex(body) << '\n';
    }
    const auto old = read_heads(key, file);
    REQUIRE(old);
    REQUIRE(old->heads.size() == 1);
    CHECK(old->heads[0].seq == 7);
    {  // the same body with a signature of the other layout is refused
        std::ofstream out(file, std::ios::binary);
        out << body << key.mac_hex(body) << '\n';
    }
    CHECK_THROWS(read_heads(key, file));
    write_heads(key, file, *old);
    const auto again = read_heads(key, file);
    REQUIRE(again);
    CHECK(again->heads[0].mac == mac);
}

TEST_CASE("One operation's several entries follow each other on their chains", "[audit]") {
    TestDatabase t;
    const AuditKey key = key_in(t);
    {  // a sale registering its buyer: the client's entry, then the sale's, on the salon's chain
        db::WriteTransaction tx(t.db());
        CHECK(append(t.db(), key, "salon:1", 0, "client.save", "client:1", "added").seq == 1);
        CHECK(append(t.db(), key, "station:kiosk-2", 0, "test.submit", "attempt:1", "").seq == 1);
        CHECK(append(t.db(), key, "salon:1", 0, "sale.commit", "sale:1", "").seq == 2);
        CHECK(append(t.db(), key, "salon:1", 0, "sale.commit", "sale:2", "").seq == 3);
        tx.commit();
    }
    {  // rolled back: the next operation continues from what was committed
        db::WriteTransaction tx(t.db());
        CHECK(append(t.db(), key, "salon:1", 0, "sale.commit", "sale:3", "").seq == 4);
        CHECK(append(t.db(), key, "salon:1", 0, "sale.commit", "sale:4", "").seq == 5);
    }
    {
        db::WriteTransaction tx(t.db());
        CHECK(append(t.db(), key, "salon:1", 0, "sale.commit", "sale:5", "").seq == 4);
        tx.commit();
    }
    const AuditCheck check = verify(t.db(), key);
    CHECK_FALSE(check.problem);
    CHECK(check.entries == 5);
}

TEST_CASE("Two stations appending to one chain at once both get a place in it", "[audit]") {
    TestDatabase t;
    const AuditKey key = key_in(t);
    constexpr int kEach = 20;
    // Catch2 assertions are not thread-safe: each station reports what went wrong, checked afterwards.
    auto station = [&](std::string* error) {
        try {
            auto db = t.open_another();
            for (int i = 0; i < kEach; ++i) {
                db::WriteTransaction tx(*db);
                append(*db, key, "salon:1", 0, "sale.complete", "sale:" + std::to_string(i), "");
                tx.commit();
            }
        } catch (const std::exception& e) {
            *error = e.what();
        }
    };
    std::string error_a, error_b;
    std::thread a(station, &error_a), b(station, &error_b);
    a.join();
    b.join();
    CHECK(error_a.empty());
    CHECK(error_b.empty());
    const AuditCheck check = verify(t.db(), key);
    CHECK_FALSE(check.problem);
    CHECK(check.entries == 2 * kEach);
}

TEST_CASE("A clock moved backwards does not reorder the audit journal", "[audit][clock]") {
    TestDatabase t;
    const AuditKey key = key_in(t);
    t.db().set_clock(1796205600);
    append(t.db(), key, "salon:1", 0, "sale.commit", "sale:1", "");
    t.db().set_clock(1796205600 - 3600);  // the PC's clock jumps back an hour
    append(t.db(), key, "salon:1", 0, "sale.commit", "sale:2", "");
    const auto newest_first = list_entries(t.db(), "salon:1", 10);
    REQUIRE(newest_first.size() == 2);
    // The order is the chain's, whatever the times say: the entry written last is the newest.
    CHECK(newest_first[0].subject == "sale:2");
    CHECK(newest_first[0].seq == 2);
    CHECK(newest_first[0].at < newest_first[1].at);
    CHECK(verify(t.db(), key).intact());
}
