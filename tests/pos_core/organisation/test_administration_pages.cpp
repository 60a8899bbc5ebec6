// The administration pages a person is shown follow what their role may do.
#include <catch2/catch.hpp>

#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/AdministrationPages.hpp"
#include "pos/core/organisation/Dealer.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/organisation/StaffMember.hpp"
#include "tests/pos_core/TestActor.hpp"
#include "tests/support/TestDatabase.hpp"

using namespace salon;
using namespace salon::pos;
using salon::test::TestDatabase;
using Pages = std::vector<AdministrationPage>;

TEST_CASE("A specialist is shown no administration page; a manager his salons and staff; head office all",
          "[access][permissions][administration]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    const auto key = salon::test::test_audit_key(t);
    const auto dealer = save_dealer(
        t.db(), cli, {DealerKind::legal_entity, "ООО «Тест»", "7730543210", "1237700543211", "773001001"});
    const auto salon = save_salon(t.db(), cli, {dealer, "Салон", "Адрес", "Europe/Moscow"});
    const auto person = [&](const char* login, Role role, std::int64_t salon_id, std::int64_t dealer_id) {
        const auto id = save_staff(t.db(), cli, {login, "Тест", role, salon_id, dealer_id, std::nullopt, "password1"});
        return Actor::signed_in(t.db(), get_staff(t.db(), cli, id), key);
    };
    const Actor specialist = person("spec", Role::specialist, salon, 0);
    const Actor senior = person("senior", Role::senior_specialist, salon, 0);
    const Actor trainer = person("trainer", Role::trainer, 0, 0);
    const Actor manager = person("manager", Role::dealer_manager, 0, dealer);
    const Actor admin = person("admin", Role::head_office_admin, 0, 0);

    CHECK(administration_pages(t.db(), specialist).empty());
    CHECK(administration_pages(t.db(), senior).empty());
    CHECK(administration_pages(t.db(), trainer).empty());
    CHECK(administration_pages(t.db(), manager) == Pages{AdministrationPage::salons, AdministrationPage::staff});
    CHECK(administration_pages(t.db(), admin) ==
          Pages{AdministrationPage::dealers, AdministrationPage::salons, AdministrationPage::staff,
                AdministrationPage::permissions, AdministrationPage::database});

    // Permissions are data: a grant shows the page at the next reading, a revoke hides it.
    grant(t.db(), admin, Role::specialist, Permission::manage_staff);
    CHECK(administration_pages(t.db(), specialist) == Pages{AdministrationPage::salons, AdministrationPage::staff});
    revoke(t.db(), admin, Role::specialist, Permission::manage_staff);
    CHECK(administration_pages(t.db(), specialist).empty());
}
