// Corporate clients and their numbers (R-CORP-1, R-CORP-13): told apart by the INN, wrong identifiers
// refused naming the field in Russian, nothing saved; numbers on business tariffs only.
#include "pos/corporate/CorporateClient.hpp"
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

TEST_CASE("A legal entity and a sole proprietor are told apart by the INN", "[corporate][R-CORP-1]") {
    CorporateFixture f;
    const auto sole = add_corporate_client(f.db(), f.specialist(), sole_proprietor_form());
    const CorporateClient le = get_corporate_client(f.db(), f.specialist(), f.company);
    CHECK(le.kind == CorporateClientKind::legal_entity);
    CHECK(le.inn == "7708123450");
    CHECK(le.kpp == "770801001");
    CHECK(le.contract_date == "2026-03-15");
    const CorporateClient ip = find_corporate_client(f.db(), f.specialist(), "7712 3456 7859");
    CHECK(ip.id == sole);
    CHECK(ip.kind == CorporateClientKind::sole_proprietor);
    CHECK(ip.ogrn == "318774600123452");
    CHECK(ip.kpp.empty());
    // Any dealer's salon serves the operator's clients: the other dealer's specialist sees both.
    CHECK(list_corporate_clients(f.db(), f.stranger()).size() == 2);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'corporate.client.add'") == 2);
}

TEST_CASE("Wrong identifiers are refused in Russian naming the field, and nothing is saved",
          "[corporate][R-CORP-1][bad-input]") {
    CorporateFixture f;
    LanguageGuard ru(Language::russian);
    const auto before = f.count("SELECT COUNT(*) FROM corporate_client");

    auto with = [](auto change) {
        CorporateClientForm form = sole_proprietor_form();
        change(form);
        return form;
    };
    // A sole proprietor with a KPP.
    auto msg = input_of([&] { add_corporate_client(f.db(), f.specialist(), with([](auto& x) { x.kpp = "770801001"; })); });
    CHECK(msg.rfind("kpp: КПП", 0) == 0);
    // A wrong check digit in the INN.
    msg = input_of([&] { add_corporate_client(f.db(), f.specialist(), with([](auto& x) { x.inn = "771234567850"; })); });
    CHECK(msg.rfind("inn: ИНН", 0) == 0);
    // An OGRN (13 digits) where a sole proprietor's OGRNIP belongs.
    msg = input_of([&] { add_corporate_client(f.db(), f.specialist(), with([](auto& x) { x.ogrn = "1027700123450"; })); });
    CHECK(msg.rfind("ogrn: ", 0) == 0);
    // A legal entity without a KPP, and with a wrong OGRN check digit.
    CorporateClientForm le = romashka_form();
    le.inn = "7725123450";
    le.ogrn = "1217700987657";
    le.kpp = "";
    CHECK(input_of([&] { add_corporate_client(f.db(), f.specialist(), le); }).rfind("kpp: КПП", 0) == 0);
    le.kpp = "772501001";
    le.ogrn = "1217700987650";
    CHECK(input_of([&] { add_corporate_client(f.db(), f.specialist(), le); }).rfind("ogrn: ОГРН", 0) == 0);
    // A contract from the future, an e-mail that is none.
    CHECK(input_of([&] { add_corporate_client(f.db(), f.specialist(), with([](auto& x) { x.contract_date = "01.01.2027"; })); })
              .rfind("contract_date: ", 0) == 0);
    CHECK(input_of([&] { add_corporate_client(f.db(), f.specialist(), with([](auto& x) { x.bound_email = "it.romashka.ru"; })); })
              .rfind("bound_email: ", 0) == 0);
    // The same INN twice.
    CHECK(input_of([&] { add_corporate_client(f.db(), f.specialist(), romashka_form()); }).rfind("inn: ИНН", 0) == 0);
    CHECK(f.count("SELECT COUNT(*) FROM corporate_client") == before);
}

TEST_CASE("A company's numbers carry business tariffs; a number is one company's", "[corporate][R-CORP-13]") {
    CorporateFixture f;
    const CorporateClient c = get_corporate_client(f.db(), f.specialist(), f.company);
    REQUIRE(c.numbers.size() == 3);
    CHECK(c.numbers[0].msisdn == "+79021000001");
    CHECK(c.numbers[0].tariff_name == "Альфа");
    CHECK(c.numbers[1].tariff_code == "beta");
    CHECK(c.numbers[2].status == CorporateNumberStatus::active);
    CHECK_FALSE(c.numbers[0].has_user_data);

    // A private client's tariff is refused, and so is a number under another company's contract.
    LanguageGuard ru(Language::russian);
    const auto other = add_corporate_client(f.db(), f.specialist(), sole_proprietor_form());
    const auto privates = f.count("SELECT COUNT(*) FROM tariff WHERE segment = 'private'");
    REQUIRE(privates > 0);
    std::string private_code;
    f.db().sql() << "SELECT code FROM tariff WHERE segment = 'private' ORDER BY id LIMIT 1", soci::into(private_code);
    CHECK(input_of([&] { add_corporate_number(f.db(), f.specialist(), other, {"+79021000009", private_code}); })
              .rfind("tariff: Тариф", 0) == 0);
    CHECK(input_of([&] { add_corporate_number(f.db(), f.specialist(), other, {"+79021000001", "alfa"}); })
              .rfind("msisdn: ", 0) == 0);
    CHECK(input_of([&] { add_corporate_number(f.db(), f.specialist(), other, {"+7 495 123-45-67", "alfa"}); })
              .rfind("msisdn: ", 0) == 0);
    CHECK(get_corporate_client(f.db(), f.specialist(), other).numbers.empty());
}

TEST_CASE("A trainee serves private clients only: the corporate desk refuses her", "[corporate][R-TRN-11]") {
    CorporateFixture f;
    const auto trainee = save_staff(f.db(), f.cli, {"trainee", "Соколова Елена", Role::specialist, f.salon, 0,
                                                    CareerLevel::trainee, "password1"});
    record_certification(f.db(), f.cli, trainee, "2026-11-20", f.trainer_id);
    const Actor her = f.as(trainee);
    const auto message = refusal([&] { add_corporate_client(f.db(), her, sole_proprietor_form()); });
    CHECK(message.find("trainee") != std::string::npos);
    CHECK(refusal([&] { add_corporate_number(f.db(), her, f.company, {"+79021000009", "alfa"}); }) == message);
    CHECK(f.count("SELECT COUNT(*) FROM corporate_client") == 1);
    // A specialist of the same salon is served.
    CHECK(refusal([&] { add_corporate_client(f.db(), f.colleague(), sole_proprietor_form()); }).empty());
}
