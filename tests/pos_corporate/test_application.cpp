// The remote-service application (R-CORP-2): the administrator is one of the company's numbers, the head's
// power of attorney valid today, and the status moves one step at a time, each kept with who and when.
#include "pos/corporate/CorporateClient.hpp"
#include "pos/corporate/PowerOfAttorney.hpp"
#include "pos/corporate/RemoteServiceApplication.hpp"
#include "tests/pos_corporate/CorporateFixture.hpp"
#include "tests/support/LanguageGuard.hpp"

#include <catch2/catch.hpp>

using namespace salon;
using namespace salon::pos;
using namespace salon::test;

namespace {
std::string input_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.input() + ": " + e.message();
    }
    return "";
}
}  // namespace

TEST_CASE("An application is filed as a draft with the head's power of attorney", "[corporate][R-CORP-2]") {
    CorporateFixture f;
    const auto id = file_application(f.db(), f.specialist(), f.application("8 902 100-00-02"));
    const RemoteServiceApplication a = get_application(f.db(), f.specialist(), id);
    CHECK(a.status == ApplicationStatus::draft);
    CHECK(a.official_name == "ООО «Ромашка»");
    CHECK(a.admin_msisdn == "+79021000002");
    CHECK(a.bound_email == "it@romashka.ru");
    CHECK(a.confirmation == AuthorisationConfirmation::sms);
    CHECK(a.power_of_attorney.number == "17-Д");
    CHECK(a.power_of_attorney.valid_until == "2027-12-31");
    CHECK(a.salon_id == f.salon);
    REQUIRE(a.history.size() == 1);
    CHECK(a.history[0].to_status == "draft");
    CHECK(a.history[0].actor_id == f.specialist_id);
    // A second application may name the power of attorney already on file.
    ApplicationForm again = f.application();
    again.power_of_attorney_id = a.power_of_attorney.id;
    again.poa = {};
    CHECK(get_application(f.db(), f.specialist(), file_application(f.db(), f.specialist(), again)).power_of_attorney.id ==
          a.power_of_attorney.id);
    CHECK(f.count("SELECT COUNT(*) FROM power_of_attorney") == 1);
}

TEST_CASE("An administrator who is not the company's, an expired or a future power of attorney are refused",
          "[corporate][R-CORP-2][bad-input]") {
    CorporateFixture f;
    LanguageGuard ru(Language::russian);
    ApplicationForm form = f.application("+79029999999");
    CHECK(input_of([&] { file_application(f.db(), f.specialist(), form); }).rfind("admin_msisdn: Номер администратора", 0) ==
          0);
    form = f.application();
    form.poa.issued_on = "01.06.2026";
    form.poa.valid_until = "30.11.2026";
    const auto expired = input_of([&] { file_application(f.db(), f.specialist(), form); });
    CHECK(expired.rfind("poa_valid_until: ", 0) == 0);
    CHECK(expired.find("30.11.2026") != std::string::npos);
    form = f.application();
    form.poa.issued_on = "03.12.2026";
    CHECK(input_of([&] { file_application(f.db(), f.specialist(), form); }).rfind("poa_issued_on: ", 0) == 0);
    form = f.application();
    form.bound_email = "не почта";
    CHECK(input_of([&] { file_application(f.db(), f.specialist(), form); }).rfind("bound_email: ", 0) == 0);
    form = f.application();
    form.confirmation = "pigeon";
    CHECK(input_of([&] { file_application(f.db(), f.specialist(), form); }).rfind("confirmation: ", 0) == 0);
    // Nothing half-written: neither an application nor its power of attorney.
    CHECK(f.count("SELECT COUNT(*) FROM remote_service_application") == 0);
    CHECK(f.count("SELECT COUNT(*) FROM power_of_attorney") == 0);
    CHECK(f.count("SELECT COUNT(*) FROM application_status_change") == 0);
}

TEST_CASE("The status moves draft, printed, signed, registered, active, revoked, each step kept",
          "[corporate][R-CORP-2][R-CORP-4]") {
    CorporateFixture f;
    const auto id = file_application(f.db(), f.specialist(), f.application());
    LanguageGuard en(Language::english);
    // A step out of order is refused with both statuses named.
    CHECK(refusal([&] { advance_application(f.db(), f.specialist(), id, ApplicationStatus::active); }) ==
          "Application status: an application that is draft can only become printed, not active");
    const RemoteServiceApplication printed = mark_application_printed(f.db(), f.specialist(), id);
    CHECK(printed.status == ApplicationStatus::printed);
    mark_application_printed(f.db(), f.specialist(), id);  // a second copy changes nothing
    advance_application(f.db(), f.colleague(), id, ApplicationStatus::signed_by_client);
    advance_application(f.db(), f.specialist(), id, ApplicationStatus::registered);
    f.db().set_clock(corporate_test_noon() + 3600);
    advance_application(f.db(), f.senior(), id, ApplicationStatus::active);
    RemoteServiceApplication a = get_application(f.db(), f.specialist(), id);
    CHECK(a.status == ApplicationStatus::active);
    REQUIRE(a.history.size() == 5);
    CHECK(a.history[2].from_status == "printed");
    CHECK(a.history[2].to_status == "signed");
    CHECK(a.history[2].actor_name == "Петров Иван");
    CHECK(a.history[4].at == corporate_test_noon() + 3600);
    CHECK(a.history[4].actor_id == f.senior_id);
    // Activation binds the e-mail (R-CORP-4) and registers the cabinet for the administrator.
    CHECK(get_corporate_client(f.db(), f.specialist(), f.company).bound_email == "it@romashka.ru");
    CHECK(f.count("SELECT COUNT(*) FROM corporate_cabinet WHERE admin_msisdn = '+79021000001'") == 1);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'corporate.application.status'") == 4);
    // A second active application is refused: the administrator is changed instead.
    const auto second = f.active_application_until_registered();
    CHECK(refusal([&] { advance_application(f.db(), f.specialist(), second, ApplicationStatus::active); })
              .find("already has an active application") != std::string::npos);
    advance_application(f.db(), f.specialist(), id, ApplicationStatus::revoked);
    CHECK(f.count("SELECT COUNT(*) FROM corporate_cabinet WHERE admin_blocked_at IS NOT NULL") == 1);
    CHECK(refusal([&] { advance_application(f.db(), f.specialist(), id, ApplicationStatus::active); }) ==
          "Application status: an application that is revoked cannot change any more");
    CHECK(get_application(f.db(), f.specialist(), id).history.size() == 6);
}

TEST_CASE("An employee's own power of attorney does not stand for the head's", "[corporate][R-CORP-2][R-CORP-12]") {
    CorporateFixture f;
    PowerOfAttorneyForm own = head_poa();
    own.for_msisdn = "+79021000003";
    const auto poa = add_power_of_attorney(f.db(), f.specialist(), f.company, own);
    ApplicationForm form = f.application();
    form.power_of_attorney_id = poa;
    CHECK(input_of([&] { file_application(f.db(), f.specialist(), form); }).rfind("power_of_attorney: ", 0) == 0);
    own.for_msisdn = "+79029999999";
    CHECK(input_of([&] { add_power_of_attorney(f.db(), f.specialist(), f.company, own); }).rfind("poa_for_msisdn: ", 0) == 0);
}
