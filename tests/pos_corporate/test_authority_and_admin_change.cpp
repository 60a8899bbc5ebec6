// Who may act for a company (R-CORP-6, R-CORP-9, R-CORP-12) and the change of its administrator (R-CORP-7).
#include "pos/core/sale/SandboxSmsSender.hpp"
#include "pos/corporate/AdministratorChange.hpp"
#include "pos/corporate/CorporateAuthority.hpp"
#include "pos/corporate/NumberCharges.hpp"
#include "pos/corporate/CorporateCabinet.hpp"
#include "tests/pos_corporate/CorporateFixture.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace salon;
using namespace salon::pos;
using namespace salon::test;

TEST_CASE("A change for the company needs a valid power of attorney; an employee sees only his own number",
          "[corporate][R-CORP-6][R-CORP-9]") {
    CorporateFixture f;
    const std::string today = "2026-12-02";
    const auto head = add_power_of_attorney(f.db(), f.specialist(), f.company, head_poa());
    PowerOfAttorneyForm own = head_poa();
    own.number = "18-Д";
    own.issued_to = "Сидоров Пётр";
    own.for_msisdn = "+79021000003";
    const auto employee_poa = add_power_of_attorney(f.db(), f.specialist(), f.company, own);

    // The head's representative acts for the company and every number.
    const CorporateAuthority boss = authority_of(f.db(), f.company, {head, ""}, today);
    CHECK(boss.kind == RepresentativeKind::head_representative);
    CHECK_NOTHROW(require_company_change(boss));
    CHECK_NOTHROW(require_tariff_change(boss, "+79021000002"));
    CHECK_NOTHROW(require_usage_view(boss, "+79021000002"));

    // An ordinary employee: his own number's usage and charges only, no tariff change, nothing for the company.
    const CorporateAuthority user = authority_of(f.db(), f.company, {0, "+7 902 100-00-02"}, today);
    CHECK(user.kind == RepresentativeKind::employee);
    CHECK_NOTHROW(require_usage_view(user, "+79021000002"));
    CHECK_THROWS_AS(require_usage_view(user, "+79021000001"), RefusedError);
    CHECK_THROWS_AS(require_tariff_change(user, "+79021000002"), RefusedError);
    CHECK_THROWS_AS(require_company_change(user), RefusedError);

    // An employee with a power of attorney for his own number changes that number's tariff only.
    const CorporateAuthority holder = authority_of(f.db(), f.company, {employee_poa, ""}, today);
    CHECK(holder.kind == RepresentativeKind::employee_with_poa);
    CHECK_NOTHROW(require_tariff_change(holder, "+79021000003"));
    CHECK_THROWS_AS(require_tariff_change(holder, "+79021000001"), RefusedError);
    CHECK_THROWS_AS(require_company_change(holder), RefusedError);

    // Nobody, a stranger's number, an expired power of attorney.
    CHECK_THROWS_AS(authority_of(f.db(), f.company, {0, ""}, today), RefusedError);
    CHECK_THROWS_AS(authority_of(f.db(), f.company, {0, "+79029999999"}, today), RefusedError);
    CHECK(refusal([&] { authority_of(f.db(), f.company, {head, ""}, "2028-01-01"); }).find("31.12.2027") !=
          std::string::npos);
    // Another company's power of attorney is not on this company's file.
    const auto other = add_corporate_client(f.db(), f.specialist(), sole_proprietor_form());
    CHECK_THROWS_AS(authority_of(f.db(), other, {head, ""}, today), ValidationError);
}

TEST_CASE("An administrator change blocks the old one and registers a free application for the new one",
          "[corporate][R-CORP-7]") {
    CorporateFixture f;
    const Actor desk = f.specialist();
    // Nothing to change before an application is active.
    CHECK_FALSE(refusal([&] { change_administrator(f.db(), desk, f.company, f.application("+79021000002")); }).empty());
    const auto first = f.active_application();
    open_cabinet_page(f.db(), desk, f.company);
    // The new administrator must be someone else.
    CHECK_THROWS_AS(change_administrator(f.db(), desk, f.company, f.application("+79021000001")), InputError);

    const auto result = change_administrator(f.db(), desk, f.company, f.application("+79021000002"));
    CHECK(result.revoked_application_id == first);
    REQUIRE(result.new_application_id != 0);
    CHECK(get_application(f.db(), desk, first).status == ApplicationStatus::revoked);
    const RemoteServiceApplication next = get_application(f.db(), desk, result.new_application_id);
    CHECK(next.status == ApplicationStatus::draft);
    CHECK(next.replaces_id == first);
    CHECK(next.fee == 0);
    CHECK(next.admin_msisdn == "+79021000002");
    // The old administrator is blocked: the cabinet takes no step until the new application is active.
    auto cabinet = cabinet_of(f.db(), desk, f.company);
    CHECK(cabinet->admin_blocked_at == corporate_test_noon());
    CHECK(refusal([&] { press_get_password(f.db(), desk, f.company); }).find("blocked") != std::string::npos);
    for (auto s : {ApplicationStatus::printed, ApplicationStatus::signed_by_client, ApplicationStatus::registered,
                   ApplicationStatus::active})
        advance_application(f.db(), desk, next.id, s);
    cabinet = cabinet_of(f.db(), desk, f.company);
    CHECK(cabinet->admin_msisdn == "+79021000002");
    CHECK(cabinet->admin_blocked_at == 0);
    CHECK(cabinet->step == CabinetStep::not_started);
    // The history stays: both applications, every step.
    CHECK(applications_of(f.db(), desk, f.company).size() == 2);
    CHECK(get_application(f.db(), desk, first).history.back().to_status == "revoked");
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'corporate.admin.change'") == 1);
}

TEST_CASE("Blocking the administrator alone needs the head's power of attorney on file", "[corporate][R-CORP-7][R-CORP-6]") {
    CorporateFixture f;
    const Actor desk = f.specialist();
    f.active_application();
    // Past the application's power of attorney: blocking without a new one is refused.
    f.db().set_clock(CalendarDate::parse("2028-01-10", "d", tr("Date")).start_unix("Europe/Moscow") + 12 * 3600);
    CHECK(refusal([&] { change_administrator(f.db(), desk, f.company, std::nullopt); }).find("power of attorney") !=
          std::string::npos);
    CHECK(active_application(f.db(), f.company).has_value());
    PowerOfAttorneyForm fresh = head_poa();
    fresh.number = "2-Д";
    fresh.issued_on = "2028-01-09";
    fresh.valid_until = "2028-12-31";
    add_power_of_attorney(f.db(), desk, f.company, fresh);
    const auto result = change_administrator(f.db(), desk, f.company, std::nullopt);
    CHECK(result.new_application_id == 0);
    CHECK_FALSE(active_application(f.db(), f.company).has_value());
}

TEST_CASE("An employee sees his own number's charges, not a colleague's", "[corporate][R-CORP-6]") {
    CorporateFixture f;
    const NumberCharges own = number_charges(f.db(), f.specialist(), f.company, {0, "+79021000002"}, "8 902 100-00-02");
    CHECK(own.tariff_name == "Бета");
    CHECK(own.monthly_fee == Money::from_kopecks(550'00));
    CHECK(own.status == "active");
    CHECK_THROWS_AS(number_charges(f.db(), f.specialist(), f.company, {0, "+79021000002"}, "+79021000001"),
                    RefusedError);
    const auto head = add_power_of_attorney(f.db(), f.specialist(), f.company, head_poa());
    CHECK(number_charges(f.db(), f.specialist(), f.company, {head, ""}, "+79021000001").tariff_name == "Альфа");
    CHECK_THROWS_AS(number_charges(f.db(), f.specialist(), f.company, {head, ""}, "+79029999999"), InputError);
}
