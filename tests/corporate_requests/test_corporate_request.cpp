// Requests in the database (R-CORP-4, R-CORP-5, R-CORP-13): imported from mail only from the bound address,
// rejected with a reason otherwise, unrecognised mail kept sealed, no Message-ID twice; taken at the desk
// with a power of attorney (R-CORP-6); each step journaled; a block blocks the number; the numbers list
// answered only to the bound address.
#include "RequestsFixture.hpp"

#include "db/PersonalDataKey.hpp"
#include "db/UserError.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/corporate/CorporateRequest.hpp"
#include "pos/corporate/InboundMailReader.hpp"
#include "pos/corporate/InboundMailbox.hpp"
#include "tests/pos_core/TestActor.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace salon;
using namespace salon::pos;
using namespace salon::pos::corporate;
using salon::test::RequestsFixture;

namespace {

std::string fixture(const std::string& name) { return std::string(SALON_MAIL_FIXTURES) + "/" + name; }

std::vector<MailImportResult> import(db::Database& db, const Actor& actor, const std::string& name) {
    return import_mail(db, actor, InboundMailReader::read_path(fixture(name)));
}

long long count(db::Database& db, const std::string& sql) {
    long long n = 0;
    db.run(sql, soci::into(n));
    return n;
}

std::string number_status(db::Database& db, const std::string& msisdn) {
    std::string s;
    db.run("SELECT status FROM corporate_number WHERE msisdn = :m", soci::use(msisdn), soci::into(s));
    return s;
}

long long journal(db::Database& db, const std::string& action) {
    long long n = 0;
    db.run("SELECT COUNT(*) FROM audit_entry WHERE action = :a", soci::use(action), soci::into(n));
    return n;
}

}  // namespace

TEST_CASE("a request from the bound address becomes a request with its due time, journaled",
          "[R-CORP-4][R-CORP-5]") {
    test::TestDatabase t;
    RequestsFixture f(t.db());
    const Actor admin = test::command_line(t);
    const auto results = import(t.db(), admin, "block_utf8_qp.eml");
    REQUIRE(results.size() == 1);
    const auto& r = results[0];
    REQUIRE(r.outcome == MailOutcome::request);
    REQUIRE(r.request_ids.size() == 1);
    const auto req = find_request(t.db(), admin, r.request_ids[0]);
    CHECK(req.kind == RequestKind::block_sim);
    CHECK(req.msisdn == "+79123456789");
    CHECK(req.source == "mail");
    CHECK(req.mail_id == r.mail_id);
    CHECK(req.status == RequestStatus::fresh);
    CHECK(req.due_at == req.created_at + 3600);  // a lost SIM within the hour
    CHECK(req.inn == "7707083893");
    CHECK(journal(t.db(), "corporate.mail.import") == 1);
    CHECK(journal(t.db(), "corporate.request.take") == 1);
    CHECK(count(t.db(), "SELECT COUNT(*) FROM inbound_mail WHERE outcome = 'request'") == 1);
}

TEST_CASE("the same Message-ID is not imported twice", "[R-CORP-4]") {
    test::TestDatabase t;
    RequestsFixture f(t.db());
    const Actor admin = test::command_line(t);
    const auto first = import(t.db(), admin, "block_utf8_qp.eml");
    const auto again = import(t.db(), admin, "block_utf8_qp.eml");
    REQUIRE(again.size() == 1);
    CHECK(again[0].outcome == MailOutcome::duplicate);
    CHECK(again[0].mail_id == first[0].mail_id);
    CHECK(count(t.db(), "SELECT COUNT(*) FROM inbound_mail") == 1);
    CHECK(count(t.db(), "SELECT COUNT(*) FROM corporate_request") == 1);
    CHECK(journal(t.db(), "corporate.mail.import") == 1);
}

TEST_CASE("a request from an address no application binds is rejected with its reason, and kept",
          "[R-CORP-4]") {
    test::TestDatabase t;
    RequestsFixture f(t.db());
    const Actor admin = test::command_line(t);
    const auto results = import(t.db(), admin, "block_foreign.eml");
    REQUIRE(results[0].outcome == MailOutcome::rejected);
    CHECK(results[0].reason.english().find("stranger@evil.example") != std::string::npos);
    CHECK(count(t.db(), "SELECT COUNT(*) FROM corporate_request") == 0);
    std::string outcome, reason;
    t->run("SELECT outcome, reason FROM inbound_mail", soci::into(outcome), soci::into(reason));
    CHECK(outcome == "rejected");
    CHECK_FALSE(reason.empty());
    CHECK(number_status(t.db(), "+79123456789") == "active");
    long long entries = 0;
    t->run(
        "SELECT COUNT(*) FROM audit_entry WHERE action = 'corporate.mail.import' AND details LIKE "
        "'%reason=foreign_address%'",
        soci::into(entries));
    CHECK(entries == 1);
}

TEST_CASE("an application no longer active binds no address", "[R-CORP-4]") {
    test::TestDatabase t;
    RequestsFixture f(t.db());
    t->run("UPDATE remote_service_application SET status = 'revoked' WHERE client_id = :c",
           soci::use(f.romashka));
    const Actor admin = test::command_line(t);
    CHECK(import(t.db(), admin, "block_utf8_qp.eml")[0].outcome == MailOutcome::rejected);
}

TEST_CASE("a mail that is no request is kept as unrecognised, its text sealed", "[R-CORP-5]") {
    test::TestDatabase t;
    RequestsFixture f(t.db());
    const Actor admin = test::command_line(t);
    const auto results = import(t.db(), admin, "no_request.eml");
    REQUIRE(results[0].outcome == MailOutcome::unrecognised);
    std::string sealed, message_id;
    long long client = 0;
    t->run("SELECT body_sealed, message_id, client_id FROM inbound_mail", soci::into(sealed),
           soci::into(message_id), soci::into(client));
    CHECK(client == f.romashka);
    CHECK(sealed.find("Поздравляем") == std::string::npos);
    CHECK(db::PersonalDataKey::is_sealed(sealed));
    CHECK(db::personal_data_key(t.db()).open(sealed, "inbound_mail.body:" + message_id).find("Поздравляем") ==
          0);
}

TEST_CASE("a request naming another company's number, or none, is rejected", "[R-CORP-5]") {
    test::TestDatabase t;
    RequestsFixture f(t.db());
    const Actor admin = test::command_line(t);
    // Sidorov's address asks to block Romashka's number.
    const InboundMail foreign_number{.message_id = "x1@ip-sidorov.example",
                                     .from_address = "sidorov@ip-sidorov.example",
                                     .subject = "Блокировка",
                                     .body = "Прошу заблокировать номер 89123456789"};
    const InboundMail no_number{.message_id = "x2@ip-sidorov.example",
                                .from_address = "sidorov@ip-sidorov.example",
                                .subject = "Блокировка",
                                .body = "Прошу заблокировать сим-карту сотрудника"};
    const auto results = import_mail(t.db(), admin, {{"a", foreign_number, {}}, {"b", no_number, {}}});
    CHECK(results[0].outcome == MailOutcome::rejected);
    CHECK(results[0].reason.english().find("is not under the company's contract") != std::string::npos);
    CHECK(results[1].outcome == MailOutcome::rejected);
    CHECK(results[1].reason.english().find("names no number") != std::string::npos);
    CHECK(count(t.db(), "SELECT COUNT(*) FROM corporate_request") == 0);
    CHECK(count(t.db(), "SELECT COUNT(*) FROM inbound_mail") == 2);
}

TEST_CASE("a broken file is reported and writes nothing; the others of the import go in", "[R-CORP-4]") {
    test::TestDatabase t;
    RequestsFixture f(t.db());
    const Actor admin = test::command_line(t);
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(t.folder()) / "maildir";
    fs::create_directories(dir / "new");
    fs::copy_file(fixture("broken.eml"), dir / "new" / "1");
    fs::copy_file(fixture("puk_koi8r.eml"), dir / "new" / "2");
    const auto results = import_mail(t.db(), admin, InboundMailReader::read_path(dir.string()));
    REQUIRE(results.size() == 2);
    CHECK(results[0].outcome == MailOutcome::unreadable);
    CHECK(results[1].outcome == MailOutcome::request);
    CHECK(count(t.db(), "SELECT COUNT(*) FROM inbound_mail") == 1);
}

TEST_CASE("a block request, completed, blocks the number; each step journaled", "[R-CORP-5]") {
    test::TestDatabase t;
    RequestsFixture f(t.db());
    const Actor admin = test::command_line(t);
    const auto id = import(t.db(), admin, "block_utf8_qp.eml")[0].request_ids.at(0);
    start_request(t.db(), admin, id);
    CHECK(find_request(t.db(), admin, id).status == RequestStatus::in_progress);
    CHECK_THROWS_AS(start_request(t.db(), admin, id), RefusedError);
    CHECK(number_status(t.db(), "+79123456789") == "active");
    const auto done = complete_request(t.db(), admin, id, t.folder() + "/outbox");
    CHECK(done.number_blocked);
    CHECK(number_status(t.db(), "+79123456789") == "blocked");
    const auto req = find_request(t.db(), admin, id);
    CHECK(req.status == RequestStatus::done);
    CHECK(req.done_at);
    CHECK(journal(t.db(), "corporate.request.start") == 1);
    CHECK(journal(t.db(), "corporate.request.done") == 1);
    CHECK(journal(t.db(), "corporate.number.block") == 1);
    CHECK_THROWS_AS(complete_request(t.db(), admin, id, t.folder()), RefusedError);
    CHECK_THROWS_AS(reject_request(t.db(), admin, id, "поздно"), RefusedError);
}

TEST_CASE("unblocking is its own operation at the desk, never by mail", "[R-CORP-5][R-CORP-6]") {
    test::TestDatabase t;
    RequestsFixture f(t.db());
    const Actor admin = test::command_line(t);
    CHECK_THROWS_AS(unblock_number(t.db(), admin, "7707083893", "+79123456789", "нашёлся"),
                    RefusedError);  // not blocked
    const auto id = import(t.db(), admin, "block_utf8_qp.eml")[0].request_ids.at(0);
    complete_request(t.db(), admin, id, t.folder());
    const auto by_mail = import(t.db(), admin, "unblock_undeclared_cp1251.eml");
    CHECK(by_mail[0].outcome == MailOutcome::rejected);
    CHECK(number_status(t.db(), "+79123456789") == "blocked");
    CHECK_THROWS_AS(unblock_number(t.db(), admin, "500100732259", "+79123456789", "нашёлся"),
                    InputError);  // not his
    CHECK_THROWS_AS(unblock_number(t.db(), admin, "7707083893", "+79123456789", " "),
                    InputError);  // no reason
    unblock_number(t.db(), admin, "7707083893", "+79123456789", "телефон нашёлся");
    CHECK(number_status(t.db(), "+79123456789") == "active");
    CHECK(journal(t.db(), "corporate.number.unblock") == 1);
}

TEST_CASE("the numbers list is answered only to the address bound now", "[R-CORP-13]") {
    test::TestDatabase t;
    RequestsFixture f(t.db());
    const Actor admin = test::command_line(t);
    const auto id = import(t.db(), admin, "number_list_cp1251.eml")[0].request_ids.at(0);
    CHECK(find_request(t.db(), admin, id).kind == RequestKind::number_list);
    CHECK(find_request(t.db(), admin, id).due_at == find_request(t.db(), admin, id).created_at + 72 * 3600);
    const std::string outbox = t.folder() + "/outbox";
    const auto done = complete_request(t.db(), admin, id, outbox);
    CHECK(done.answered_to == "Sidorov@IP-Sidorov.example");
    CHECK(done.numbers_listed == 1);
    const auto answer = InboundMailReader::read_file(done.answer_path);
    CHECK(answer.body.find("+7 912 345-00-01") != std::string::npos);
    CHECK(answer.body.find("+7 912 345-67-89") == std::string::npos);  // Romashka's numbers are not his
    CHECK("<" + answer.message_id + ">" != done.answer_message_id);    // read back without brackets
    CHECK(journal(t.db(), "corporate.request.done") == 1);

    // Without an active application there is no address to answer to: refused, nothing written.
    const auto again = import_mail(t.db(), admin,
                                   {{"c",
                                     InboundMail{.message_id = "list-2@ip-sidorov.example",
                                                 .from_address = "sidorov@ip-sidorov.example",
                                                 .subject = "Список номеров",
                                                 .body = "Пришлите список номеров"},
                                     {}}});
    const auto second = again.at(0).request_ids.at(0);
    t->run("UPDATE remote_service_application SET status = 'revoked' WHERE client_id = :c",
           soci::use(f.sidorov));
    CHECK_THROWS_AS(complete_request(t.db(), admin, second, outbox), RefusedError);
    CHECK(find_request(t.db(), admin, second).status == RequestStatus::fresh);
}

TEST_CASE("a request taken at the desk needs a valid power of attorney and the company's number",
          "[R-CORP-5][R-CORP-6]") {
    test::TestDatabase t;
    RequestsFixture f(t.db());
    const Actor admin = test::command_line(t);
    const auto id = take_request(
        t.db(), admin, {"7707083893", "spending_limit", "8 912 345-67-80", "3000 ₽ в месяц"});
    const auto req = find_request(t.db(), admin, id);
    CHECK(req.source == "desk");
    CHECK(req.msisdn == "+79123456780");
    CHECK(req.due_at == req.created_at + 24 * 3600);
    CHECK(req.details.find("3000") != std::string::npos);
    CHECK_THROWS_AS(take_request(t.db(), admin, {"7707083893", "teleport", "", ""}), InputError);
    CHECK_THROWS_AS(take_request(t.db(), admin, {"7707083893", "block_sim", "", ""}),
                    InputError);  // which number?
    CHECK_THROWS_AS(take_request(t.db(), admin, {"7707083893", "block_sim", "+79123450001", ""}), InputError);
    CHECK_THROWS_AS(take_request(t.db(), admin, {"0000000000", "billing_address", "", ""}), InputError);
    CHECK_THROWS_AS(take_request(t.db(), admin, {"7707083893", "unblock_sim", "+79123456789", ""}),
                    InputError);
    t->run("UPDATE power_of_attorney SET valid_until = '2021-01-01' WHERE client_id = :c",
           soci::use(f.romashka));
    CHECK_THROWS_AS(take_request(t.db(), admin, {"7707083893", "billing_address", "", ""}), RefusedError);
    CHECK(count(t.db(), "SELECT COUNT(*) FROM corporate_request") == 1);
}

TEST_CASE("a request is rejected with a reason; lists filter by status and company", "[R-CORP-5]") {
    test::TestDatabase t;
    RequestsFixture f(t.db());
    const Actor admin = test::command_line(t);
    const auto a = take_request(t.db(), admin, {"7707083893", "billing_address", "", "г. Тверь"});
    const auto b = take_request(t.db(), admin, {"500100732259", "restore_cabinet_login", "", ""});
    CHECK_THROWS_AS(reject_request(t.db(), admin, a, "  "), InputError);
    reject_request(t.db(), admin, a, "нет подписи руководителя");
    CHECK(find_request(t.db(), admin, a).status == RequestStatus::rejected);
    CHECK(find_request(t.db(), admin, a).reason == "нет подписи руководителя");
    CHECK(list_requests(t.db(), admin).size() == 2);
    CHECK(list_requests(t.db(), admin, {RequestStatus::rejected, ""}).size() == 1);
    const auto his = list_requests(t.db(), admin, {std::nullopt, "500100732259"});
    REQUIRE(his.size() == 1);
    CHECK(his[0].id == b);
    CHECK(journal(t.db(), "corporate.request.reject") == 1);
    // Reading only: head office's view changes nothing.
    const Actor viewer = Actor::head_office_view(test::test_audit_key(t));
    CHECK(list_requests(t.db(), viewer).size() == 2);
    CHECK_THROWS_AS(start_request(t.db(), viewer, b), RefusedError);
    CHECK(find_request(t.db(), admin, b).status == RequestStatus::fresh);
}

TEST_CASE("the mails read are listed with their outcome; a text is revealed only with a reason, journaled",
          "[R-CORP-4][R-CORP-5]") {
    test::TestDatabase t;
    RequestsFixture f(t.db());
    const Actor admin = test::command_line(t);
    import(t.db(), admin, "block_utf8_qp.eml");
    import(t.db(), admin, "block_foreign.eml");
    import(t.db(), admin, "no_request.eml");
    CHECK(list_inbound_mail(t.db(), admin).size() == 3);
    const auto waiting = list_inbound_mail(t.db(), admin, "unrecognised");
    REQUIRE(waiting.size() == 1);
    CHECK(waiting[0].subject == "С наступающим Новым годом!");
    CHECK(waiting[0].inn == "7707083893");
    CHECK(list_inbound_mail(t.db(), admin, "rejected").at(0).from_address == "stranger@evil.example");
    CHECK_THROWS_AS(list_inbound_mail(t.db(), admin, "lost"), InputError);
    CHECK_THROWS_AS(reveal_inbound_mail(t.db(), admin, waiting[0].id, "надо"),
                    InputError);  // too short a reason
    CHECK_THROWS_AS(reveal_inbound_mail(t.db(), admin, 999, "прочитать письмо клиента"), InputError);
    const auto read = reveal_inbound_mail(t.db(), admin, waiting[0].id, "прочитать письмо клиента");
    CHECK(read.body.find("Поздравляем коллектив салона") == 0);
    long long reveals = 0;
    t->run("SELECT COUNT(*) FROM audit_entry WHERE action = 'personal_data.reveal' AND subject = :s",
           soci::use("inbound_mail:" + std::to_string(waiting[0].id)), soci::into(reveals));
    CHECK(reveals == 1);
}
