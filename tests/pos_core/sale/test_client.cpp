// The client's electronic registration form (R-POS-7), the SIM limit per person, masked personal data and
// the journaled reveal (152-FZ), calendar dates as people type them.
#include <catch2/catch.hpp>

#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/sale/Client.hpp"
#include "pos/core/identifiers/Passport.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/StationSetting.hpp"
#include "tests/pos_core/DeskFixture.hpp"

using namespace salon;
using namespace salon::pos;
using salon::test::DeskFixture;
using salon::test::refusal;

namespace {
ClientForm ivanov() {
    return ClientForm{"Иванов Иван Иванович", "25.11.1990", "4506 123456", "10.12.2010",
                      "ОВД Тверского района г. Москвы", "г. Москва, ул. Тверская, д. 1, кв. 2", "8 912 345-67-89"};
}

std::string failing_input(const ClientForm& form) {
    try {
        parse_client_form(form, "2026-11-30");
    } catch (const InputError& e) {
        return e.input();
    }
    return "";
}
}  // namespace

TEST_CASE("Calendar dates are read as people type them and refused when no such day exists", "[dates]") {
    const Text field = tr("Date");
    CHECK(CalendarDate::parse("25.11.2026", "d", field).iso() == "2026-11-25");
    CHECK(CalendarDate::parse("2026-11-25", "d", field).display() == "25.11.2026");
    CHECK_THROWS_AS(CalendarDate::parse("31.02.2026", "d", field), InputError);
    CHECK_THROWS_AS(CalendarDate::parse("25.11.26", "d", field), InputError);
    CHECK_THROWS_AS(CalendarDate::parse("", "d", field), InputError);
    const auto leapling = CalendarDate::parse("29.02.2008", "d", field);
    CHECK(leapling.whole_years_until(CalendarDate::parse("28.02.2022", "d", field)) == 13);
    CHECK(leapling.whole_years_until(CalendarDate::parse("01.03.2022", "d", field)) == 14);
    // 23:30 UTC on 29 November is already 30 November in Moscow and Vladivostok.
    const std::int64_t late = CalendarDate::parse("2026-11-29", "d", field).start_unix("UTC") + 23 * 3600 + 1800;
    CHECK(CalendarDate::of(late, "Europe/Moscow").iso() == "2026-11-30");
    CHECK(CalendarDate::of_utc(late).iso() == "2026-11-29");
    CHECK(local_date_time(late, "Asia/Vladivostok") == "30.11.2026 09:30");
}

TEST_CASE("The registration form checks every field and names the wrong one [R-POS-7]", "[client][R-POS-7]") {
    CHECK(failing_input(ivanov()).empty());
    const ClientRecord c = parse_client_form(ivanov(), "2026-11-30");
    CHECK(c.birth_date == "1990-11-25");
    CHECK(c.document_issued_on == "2010-12-10");
    CHECK(c.phone == "+79123456789");
    auto with = [](auto change) {
        ClientForm f = ivanov();
        change(f);
        return failing_input(f);
    };
    CHECK(with([](ClientForm& f) { f.full_name = "Иванов"; }) == "full_name");
    CHECK(with([](ClientForm& f) { f.full_name = "Иванов 1ван"; }) == "full_name");
    CHECK(with([](ClientForm& f) { f.full_name = "Иванов \xff\xfeван"; }) == "full_name");  // not UTF-8
    CHECK(with([](ClientForm& f) { f.full_name = "Иванов Ив@н"; }) == "full_name");
    CHECK(with([](ClientForm& f) { f.full_name = "А Б В Г Д"; }) == "full_name");  // five words
    {  // spaces collapsed (a no-break space too), hyphens and apostrophes kept inside words
        ClientForm f = ivanov();
        f.full_name = "  Римский-Корсаков\u00a0 Д\u2019Артаньян   Ивáнович ";
        CHECK(parse_client_form(f, "2026-11-30").full_name == "Римский-Корсаков Д\u2019Артаньян Ивáнович");
    }
    CHECK(with([](ClientForm& f) { f.birth_date = "31.02.1990"; }) == "birth_date");
    CHECK(with([](ClientForm& f) { f.birth_date = "01.01.2015"; }) == "birth_date");  // 11 years old
    CHECK(with([](ClientForm& f) { f.birth_date = "01.01.1890"; }) == "birth_date");
    CHECK(with([](ClientForm& f) { f.passport = "4506 12345"; }) == "passport");
    CHECK(with([](ClientForm& f) { f.document_issued_on = "01.01.2000"; }) == "document_issued_on");  // aged 9
    CHECK(with([](ClientForm& f) { f.document_issued_on = "01.01.2027"; }) == "document_issued_on");
    CHECK(with([](ClientForm& f) { f.document_issuer = "ОВД"; }) == "document_issuer");
    CHECK(with([](ClientForm& f) { f.address = "Москва"; }) == "address");
    CHECK(with([](ClientForm& f) { f.phone = "12"; }) == "phone");
    CHECK(with([](ClientForm& f) { f.phone = ""; }).empty());
}

TEST_CASE("One client per passport; lists show personal data masked [R-POS-7]", "[client][R-POS-7][personal-data]") {
    DeskFixture f;
    const Actor spec = f.specialist();
    const auto id = save_client(f.db(), spec, ivanov());
    ClientForm moved = ivanov();
    moved.address = "г. Москва, ул. Арбат, д. 10, кв. 5";
    CHECK(save_client(f.db(), spec, moved) == id);
    CHECK(f.count("SELECT COUNT(*) FROM client") == 1);
    const auto found = find_client_by_passport(f.db(), spec, "45 06 123456");
    REQUIRE(found);
    CHECK(found->id == id);
    CHECK(found->passport == "45 ** ****56");
    CHECK(found->birth_date == "**.**.1990");
    CHECK_THAT(found->address, !Catch::Contains("Арбат"));
    CHECK_FALSE(find_client_by_passport(f.db(), spec, "4506 654321"));
    // The journal names the changed field, never its value.
    std::string details;
    f.db().sql() << "SELECT details FROM audit_entry WHERE action = 'client.save' ORDER BY id DESC", soci::into(details);
    CHECK(details == "changed address");
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE details LIKE '%Арбат%' OR details LIKE '%123456%'") == 0);
}

TEST_CASE("Revealing a client's data needs the permission and a reason, and is journaled", "[client][personal-data]") {
    DeskFixture f;
    const auto id = save_client(f.db(), f.specialist(), ivanov());
    CHECK_THAT(refusal([&] { reveal_client(f.db(), f.specialist(), id, "клиент просит копию анкеты"); }),
               Catch::Contains("you do not have this permission"));
    CHECK_THAT(refusal([&] { reveal_client(f.db(), f.senior(), id, "надо"); }), Catch::Contains("Reason"));
    const ClientRecord c = reveal_client(f.db(), f.senior(), id, "клиент просит копию анкеты");
    CHECK(c.passport == "4506 123456");
    CHECK(c.address == "г. Москва, ул. Тверская, д. 1, кв. 2");
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'personal_data.reveal'") == 1);
}

TEST_CASE("The SIM limit per person is a setting and is enforced with a clear refusal [R-POS-7]", "[client][R-POS-7]") {
    DeskFixture f;
    CHECK(setting_number(f.db(), kSimLimitPerPerson, 0) == 20);
    save_setting_number(f.db(), f.cli, kSimLimitPerPerson, 2);
    CHECK(setting_number(f.db(), kSimLimitPerPerson, 0) == 2);
    CHECK_THAT(refusal([&] { save_setting_number(f.db(), f.specialist(), kSimLimitPerPerson, 50); }),
               Catch::Contains("you do not have this permission"));
    save_client(f.db(), f.specialist(), ivanov());
    const Passport passport = Passport::parse(ivanov().passport);
    CHECK_NOTHROW(require_within_sim_limit(f.db(), &passport, 2));
    try {
        require_within_sim_limit(f.db(), &passport, 3);
        FAIL("three numbers passed a limit of two");
    } catch (const InputError& e) {
        CHECK(e.input() == "passport");
        CHECK_THAT(e.message(), Catch::Contains("the limit is 2 per person"));
    }
}
