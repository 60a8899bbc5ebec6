// Enabling the corporate cabinet (R-CORP-3, R-CORP-8) and the SMS outbox its code goes through: the
// sandbox sender writes a log, a failed send is kept, shown and tried again, never dropped.
#include "pos/core/sale/SandboxSmsSender.hpp"
#include "pos/core/sale/SmsOutbox.hpp"
#include "pos/corporate/CorporateCabinet.hpp"
#include "tests/pos_corporate/CorporateFixture.hpp"
#include "tests/support/LanguageGuard.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

using namespace salon;
using namespace salon::pos;
using namespace salon::test;

namespace {

// An SMS centre that is down until told otherwise.
class FailingSender : public SmsSender {
public:
    bool up = false;
    int calls = 0;
    std::string name() const override { return "test"; }
    bool is_sandbox() const override { return true; }
    void send(const std::string&, const std::string&) override {
        ++calls;
        if (!up) throw std::runtime_error("SMS centre unreachable");
    }
};

std::string code_from(const std::string& body) {
    const auto end = body.find_last_of("0123456789");
    auto begin = end;
    while (begin > 0 && std::isdigit(static_cast<unsigned char>(body[begin - 1]))) --begin;
    return body.substr(begin, end - begin + 1);
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string input_of_code(CorporateFixture& f, const Actor& desk, const std::string& code) {
    try {
        record_first_sign_in(f.db(), desk, f.company, code);
    } catch (const InputError& e) {
        return e.input();
    }
    return "";
}

}  // namespace

TEST_CASE("The cabinet is enabled in three steps, the code by SMS, then the first sign-in and the password",
          "[corporate][R-CORP-3]") {
    CorporateFixture f;
    const Actor desk = f.specialist();
    // Before the application is active there is no cabinet to enable.
    CHECK(refusal([&] { open_cabinet_page(f.db(), desk, f.company); }).find("application") != std::string::npos);
    const auto application = f.active_application();
    auto cabinet = cabinet_of(f.db(), desk, f.company);
    REQUIRE(cabinet);
    CHECK(cabinet->step == CabinetStep::not_started);
    CHECK(cabinet->application_id == application);

    // Steps in order only.
    CHECK_FALSE(refusal([&] { press_get_password(f.db(), desk, f.company); }).empty());
    open_cabinet_page(f.db(), desk, f.company);
    press_get_password(f.db(), desk, f.company);
    SandboxSmsSender sandbox(std::filesystem::path(f.t.folder()) / "sms.log");
    CHECK(sandbox.is_sandbox());
    // The phone must be the administrator's.
    {
        LanguageGuard ru(Language::russian);
        try {
            enter_cabinet_phone(f.db(), desk, f.company, "+79021000002", sandbox);
            FAIL("another number was accepted");
        } catch (const InputError& e) {
            CHECK(e.input() == "phone");
            CHECK(e.message().find("+7 902 ***-**-01") != std::string::npos);
        }
    }
    CHECK(f.count("SELECT COUNT(*) FROM sms_outbox") == 0);
    const SmsMessage sms = enter_cabinet_phone(f.db(), desk, f.company, "8 902 100 00 01", sandbox);
    CHECK(sms.sent());
    CHECK(sms.sender == "sandbox");
    CHECK(sms.attempts == 1);
    CHECK(sms.msisdn == "+79021000001");
    const std::string code = code_from(sms.body);
    CHECK(code.size() == 6);
    // The sandbox's log has the text.
    CHECK(read_file(sandbox.log()).find("+79021000001\t" + sms.body) != std::string::npos);

    CHECK(input_of_code(f, desk, code == "000000" ? "111111" : "000000") == "code");
    record_first_sign_in(f.db(), desk, f.company, code);
    CHECK(refusal([&] { record_first_sign_in(f.db(), desk, f.company, code); }).size() > 0);
    record_permanent_password(f.db(), desk, f.company);
    cabinet = cabinet_of(f.db(), desk, f.company);
    CHECK(cabinet->step == CabinetStep::password_set);
    CHECK(cabinet->first_sign_in_at == corporate_test_noon());
    CHECK(cabinet->permanent_password_at == corporate_test_noon());
    CHECK(cabinet->version == CabinetVersion::new_cabinet);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'corporate.cabinet.step'") == 5);
}

TEST_CASE("A failed SMS is kept with its error and tried again later, never dropped", "[corporate][R-CORP-3][sms]") {
    CorporateFixture f;
    const Actor desk = f.specialist();
    f.active_application();
    open_cabinet_page(f.db(), desk, f.company);
    press_get_password(f.db(), desk, f.company);
    FailingSender down;
    const SmsMessage failed = enter_cabinet_phone(f.db(), desk, f.company, "+79021000001", down);
    CHECK_FALSE(failed.sent());
    CHECK(failed.attempts == 1);
    CHECK(failed.last_error == "SMS centre unreachable");
    CHECK(failed.next_attempt_at == corporate_test_noon() + sms_retry_delay(1));
    // The cabinet waits: the code never reached the phone.
    CHECK(refusal([&] { record_first_sign_in(f.db(), desk, f.company, "123456"); }).find("not reached") !=
          std::string::npos);
    // Shown among the waiting messages.
    const auto waiting = list_sms(f.db(), true);
    REQUIRE(waiting.size() == 1);
    CHECK(waiting[0].id == failed.id);
    // Not due yet: nothing is tried.
    CHECK(deliver_due_sms(f.db(), down).failed == 0);
    CHECK(down.calls == 1);
    // Due and still down: a second attempt, a longer wait.
    f.db().set_clock(failed.next_attempt_at);
    CHECK(deliver_due_sms(f.db(), down).failed == 1);
    SmsMessage again = get_sms(f.db(), failed.id);
    CHECK(again.attempts == 2);
    CHECK(again.next_attempt_at == failed.next_attempt_at + sms_retry_delay(2));
    CHECK(sms_retry_delay(2) > sms_retry_delay(1));
    CHECK(sms_retry_delay(40) == 3600);
    // Up again: delivered on the next attempt, and the code works.
    down.up = true;
    f.db().set_clock(again.next_attempt_at);
    CHECK(deliver_due_sms(f.db(), down).sent == 1);
    again = get_sms(f.db(), failed.id);
    CHECK(again.sent());
    CHECK(again.attempts == 3);
    CHECK(again.sender == "test");
    CHECK(list_sms(f.db(), true).empty());
    record_first_sign_in(f.db(), desk, f.company, code_from(again.body));
    CHECK(cabinet_of(f.db(), desk, f.company)->step == CabinetStep::signed_in);
}

TEST_CASE("A client of the old cabinet moves to the new one by getting a password", "[corporate][R-CORP-8]") {
    CorporateFixture f;
    const Actor desk = f.specialist();
    record_old_cabinet(f.db(), desk, f.company, "+79021000002");
    CHECK(cabinet_of(f.db(), desk, f.company)->version == CabinetVersion::old_cabinet);
    open_cabinet_page(f.db(), desk, f.company);
    press_get_password(f.db(), desk, f.company);
    SandboxSmsSender sandbox(std::filesystem::path(f.t.folder()) / "sms.log");
    const auto sms = enter_cabinet_phone(f.db(), desk, f.company, "+79021000002", sandbox);
    record_first_sign_in(f.db(), desk, f.company, code_from(sms.body));
    CHECK(cabinet_of(f.db(), desk, f.company)->version == CabinetVersion::old_cabinet);
    record_permanent_password(f.db(), desk, f.company);
    const auto cabinet = cabinet_of(f.db(), desk, f.company);
    CHECK(cabinet->version == CabinetVersion::new_cabinet);
    CHECK(cabinet->step == CabinetStep::password_set);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'corporate.cabinet.migrated'") == 1);
}
