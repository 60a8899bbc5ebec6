// The users' data of a company's numbers (R-CORP-10..12): the template out and back, every way a row can be
// wrong, all-or-nothing and valid-only imports, the employee's own data, and the compliance view.
#include <catch2/catch.hpp>

#include "db/PersonalDataKey.hpp"
#include "pos/core/common/SpreadsheetReader.hpp"
#include "pos/corporate/UsersCompliance.hpp"
#include "pos/corporate/UsersImport.hpp"
#include "pos/corporate/UsersTemplate.hpp"
#include "tests/pos_core/DeskFixture.hpp"

#include <soci/soci.h>

#include <filesystem>
#include <fstream>

using namespace salon;
using namespace salon::pos;

namespace {

// A company with three numbers and another company with one, written as the schema has them; 2 December
// 2026 on the clock.
struct UsersFixture : test::DeskFixture {
    std::int64_t company = 0, other = 0;
    std::int64_t noon = CalendarDate::parse("2026-12-02", "d", tr("Date")).start_unix("UTC") + 12 * 3600;

    UsersFixture() {
        db().set_clock(noon);
        long long tariff = 0;
        db().sql() << "INSERT INTO tariff (code, name, segment, is_bundle) VALUES ('alfa-test', 'Альфа', 'business', 1)";
        db().sql() << "SELECT id FROM tariff WHERE code = 'alfa-test'", soci::into(tariff);
        company = add_company("7708123450", "1027700123450", "ООО «Ромашка»", noon - 200 * 86400);
        other = add_company("7701234567", "1027700000017", "ООО «Лютик»", noon - 10 * 86400);
        for (const char* n : {"+79021000001", "+79021000002", "+79021000003"}) add_number(company, n, tariff);
        add_number(other, "+79031000001", tariff);
    }
    std::int64_t add_company(const std::string& inn, const std::string& ogrn, const std::string& name, long long at) {
        db().sql() << "INSERT INTO corporate_client (kind, inn, ogrn, kpp, official_name, contract_number, "
                      "contract_date, created_at) VALUES ('legal_entity', :i, :o, '770801001', :n, 'К-1', '2026-01-01', :t)",
            soci::use(inn), soci::use(ogrn), soci::use(name), soci::use(at);
        long long id = 0;
        db().sql() << "SELECT id FROM corporate_client WHERE inn = :i", soci::use(inn), soci::into(id);
        return id;
    }
    void add_number(std::int64_t client, const std::string& msisdn, long long tariff) {
        long long c = client, t = noon - 100 * 86400;
        db().sql() << "INSERT INTO corporate_number (client_id, msisdn, tariff_id, status, status_changed_at, added_at) "
                      "VALUES (:c, :m, :t, 'active', :s, :a)",
            soci::use(c), soci::use(msisdn), soci::use(tariff), soci::use(t), soci::use(t);
    }
    std::string file(const std::string& name) { return (std::filesystem::path(t.folder()) / name).string(); }
    UsersImportRequest request() { return {company, std::nullopt, "file"}; }
};

const std::string kHeader = "Номер;Фамилия;Имя;Отчество;Дата рождения;Адрес регистрации;Документ;Серия и номер;Кем выдан;Дата выдачи\n";

void write_file(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::vector<UsersFileRow> csv_rows(const std::string& csv) {
    return users_rows(SpreadsheetReader(tr("Users' data")).read_csv(csv));
}

// "row/column: message" of every problem, to compare whole.
std::vector<std::string> problems(const UsersImportPreview& p) {
    std::vector<std::string> out;
    for (const auto& x : p.problems) out.push_back(std::to_string(x.row) + "/" + x.column + ": " + x.message);
    return out;
}

std::string reason_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const UserError& e) {
        return e.reason().english();
    }
    return "";
}

}  // namespace

TEST_CASE("The template's columns are headed in Russian exactly, and found in any order", "[R-CORP-10][users]") {
    const auto& h = users_template_headers();
    CHECK(std::vector<std::string>(h.begin(), h.end()) ==
          std::vector<std::string>{"Номер", "Фамилия", "Имя", "Отчество", "Дата рождения", "Адрес регистрации",
                                   "Документ", "Серия и номер", "Кем выдан", "Дата выдачи"});
    // Columns shuffled, an extra one, headers in another case: read by name.
    const auto rows = csv_rows(
        "Примечание,дата выдачи,Кем выдан,Серия и номер,Документ,Адрес регистрации,Дата рождения,Отчество,Имя,Фамилия,НОМЕР\n"
        "x,2010-03-01,ОВД Арбат,4506 123456,Паспорт,\"Москва, Арбат, 1\",31.12.1990,Иванович,Иван,Иванов,89021000001\n");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].cells[0] == "89021000001");
    CHECK(rows[0].cells[1] == "Иванов");
    CHECK(rows[0].cells[4] == "31.12.1990");
    CHECK(rows[0].cells[9] == "2010-03-01");
    // A missing or renamed column names itself.
    CHECK_THAT(reason_of([&] { csv_rows("Номер;Фамилия;Имя;Отчество;Дата рожд.;Адрес регистрации;Документ;Серия и номер;Кем выдан;Дата выдачи\n"); }),
               Catch::Contains("the header has no column «Дата рождения»"));
    CHECK_THAT(reason_of([&] { csv_rows("Номер;Фамилия\n"); }), Catch::Contains("«Имя»"));
}

TEST_CASE("Every wrong cell gets its row and column; valid rows pass", "[R-CORP-10][users]") {
    UsersFixture f;
    const std::string csv = kHeader +
        "+7 902 100-00-01;Иванов;Иван;Иванович;31.12.1990;Москва, Арбат, 1;Паспорт гражданина РФ;4506 123456;ОВД Арбат;2011-01-15\n"
        "89021000002;Петров;Пётр;;1985-05-20;Москва;паспорт;45 06 654321;ОВД;20.05.2005\n"
        "9021000003;Сидоров;Сидор;;31.02.1990;Москва;Паспорт;4506 111111;ОВД;01.03.2010\n"
        "+79031000001;Чужой;Олег;;01.01.1990;Москва;Паспорт;4506 222222;ОВД;01.03.2010\n"
        "+79021000003;Смирнов;Ан2;;01.01.1990;Москва;Паспорт;12 34;ОВД;01.03.2000\n"
        "+79021000001;Дубль;Дубль;;01.01.1990;Москва;Водительские права;77 77 777777;ГИБДД;01.03.2010\n"
        "+79021000002;Будущий;Б;;01.01.2030;Москва;Паспорт;4506 333333;ОВД;01.03.2010\n";
    const auto preview = preview_users_import(f.db(), f.cli, f.request(), csv_rows(csv));
    CHECK(preview.rows == 7);
    REQUIRE(preview.valid.size() == 2);
    CHECK(preview.valid[0].msisdn == "+79021000001");
    CHECK(preview.valid[0].birth_date == "1990-12-31");
    CHECK(preview.valid[0].document_kind == "passport_rf");
    CHECK(preview.valid[1].document_number == "4506 654321");
    // Row 6 repeats row 4's number: a number twice in a file is refused whether or not its first row passed.
    CHECK(problems(preview) == std::vector<std::string>{
        "4/Дата рождения: there is no such day: 31.02.1990",
        "5/Номер: +79031000001 is not a number of this company",
        "6/Номер: the number is in the file twice (row 4)",
        "6/Имя: may hold only letters, spaces, hyphens and apostrophes",
        "6/Серия и номер: series and number must have 10 digits, got 4",
        "6/Дата выдачи: a Russian passport is issued at 14 or later: 01.03.2000 is before the 14th birthday",
        "7/Номер: the number is in the file twice (row 2)",
        "7/Документ: is not a known document: write one of Паспорт гражданина РФ; Паспорт иностранного гражданина; Вид на жительство",
        "8/Номер: the number is in the file twice (row 3)",
        "8/Дата рождения: 01.01.2030 is in the future",
    });
}

TEST_CASE("A list with a rejected row imports nothing; valid-only imports the rest, sealed, and records the list",
          "[R-CORP-10][users]") {
    UsersFixture f;
    const auto rows = csv_rows(kHeader +
        "+79021000001;Иванов;Иван;Иванович;31.12.1990;Москва, Арбат, 1;Паспорт;4506 123456;ОВД Арбат;15.01.2011\n"
        "+79021000002;Петров;Пётр;;31.02.1985;Москва;Паспорт;4506 654321;ОВД;20.05.2005\n");
    CHECK_THAT(reason_of([&] { import_users(f.db(), f.cli, f.request(), rows, false); }),
               Catch::StartsWith("row 3, Дата рождения: there is no such day: 31.02.1985"));
    CHECK(f.count("SELECT COUNT(*) FROM corporate_number_user") == 0);
    CHECK(f.count("SELECT COUNT(*) FROM corporate_users_list") == 0);

    const auto result = import_users(f.db(), f.cli, f.request(), rows, true);
    CHECK(result.stored == 1);
    CHECK(result.list_id > 0);
    CHECK(f.count("SELECT COUNT(*) FROM corporate_number_user") == 1);
    CHECK(f.count("SELECT rows FROM corporate_users_list") == 1);
    // Sealed at rest: the surname is not in the table as written.
    std::string stored;
    f.db().sql() << "SELECT surname FROM corporate_number_user", soci::into(stored);
    CHECK(stored.find("Иванов") == std::string::npos);
    CHECK(db::PersonalDataKey::is_sealed(stored));
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'corporate.users.import'") == 1);

    // Exported filled and read back: the same data, dates as dates.
    const auto path = f.file("filled.xlsx");
    const auto exported = export_users_template(f.db(), f.cli, f.company, path, false);
    CHECK(exported.numbers == 3);
    CHECK(exported.with_data == 1);
    const auto back = read_users_file(path);
    REQUIRE(back.size() == 3);
    CHECK(back[0].cells[0] == "79021000001");
    CHECK(back[0].cells[1] == "Иванов");
    CHECK(back[0].cells[4] == "1990-12-31");
    CHECK(back[0].cells[6] == "Паспорт гражданина РФ");
    CHECK(back[0].cells[7] == "4506 123456");
    CHECK(back[1].cells[1].empty());
    // Imported again as it was exported: one valid row, two without data refused by their columns.
    const auto again = preview_users_import(f.db(), f.cli, f.request(), back);
    CHECK(again.valid.size() == 1);
    CHECK(again.problems.size() > 2);
}

TEST_CASE("Dates written three ways are the same day", "[R-CORP-10][users]") {
    UsersFixture f;
    // A workbook with the birth date typed as a date, the issue date as a bare day number.
    NumberUserData u{"+79021000001", "Иванов", "Иван", "", "1990-12-31", "Москва", "passport_rf", "4506 123456", "ОВД", "2011-01-15"};
    const auto path = f.file("typed.xlsx");
    write_users_workbook(path, {{0, "+79021000001", u}});
    const auto typed = read_users_file(path);
    REQUIRE(typed.size() == 1);
    CHECK(typed[0].cells[4] == "1990-12-31");
    const auto rows = csv_rows(kHeader +
        "+79021000001;Иванов;Иван;;31.12.1990;Москва;Паспорт;4506 123456;ОВД;15.01.2011\n"
        "+79021000002;Петров;Пётр;;1990-12-31;Москва;Паспорт;4506 123457;ОВД;2011-01-15\n");
    const auto p = preview_users_import(f.db(), f.cli, f.request(), rows);
    REQUIRE(p.valid.size() == 2);
    CHECK(p.valid[0].birth_date == p.valid[1].birth_date);
    CHECK(p.valid[0].document_issued_on == "2011-01-15");
    // A day number in a date column (33238 is 31.12.1990 in a spreadsheet's count).
    Spreadsheet sheet = SpreadsheetReader(tr("F")).read_csv(kHeader);
    SpreadsheetRow row{2, {}};
    row.cells.resize(10);
    for (std::size_t c = 0; c < 10; ++c) row.cells[c] = {SpreadsheetCell::Kind::text, "x", 0, std::nullopt};
    row.cells[4] = {SpreadsheetCell::Kind::number, "33238", 33238, std::nullopt};
    sheet.rows.push_back(row);
    CHECK(users_rows(sheet)[0].cells[4] == "1990-12-31");
}

TEST_CASE("An employee brings only his own number's data, and only with a power of attorney", "[R-CORP-12][users]") {
    UsersFixture f;
    const auto rows = csv_rows(kHeader +
        "+79021000002;Петров;Пётр;;1985-05-20;Москва;Паспорт;4506 654321;ОВД;20.05.2005\n"
        "+79021000003;Сидоров;Сидор;;1985-05-20;Москва;Паспорт;4506 654322;ОВД;20.05.2005\n");
    UsersImportRequest employee{f.company, std::string("8 902 100-00-02"), "desk"};
    CHECK_THAT(reason_of([&] { preview_users_import(f.db(), f.cli, employee, rows); }),
               Catch::Contains("has no power of attorney"));
    const long long c = f.company, t = f.noon;
    f.db().sql() << "INSERT INTO power_of_attorney (client_id, kind, number, issued_on, valid_until, issued_by, "
                    "issued_to, for_msisdn, created_at) VALUES (:c, 'power_of_attorney', '5', '2026-11-01', "
                    "'2027-11-01', 'Директор', 'Петров П.', '+79021000002', :t)",
        soci::use(c), soci::use(t);
    const auto p = preview_users_import(f.db(), f.cli, employee, rows);
    CHECK(p.valid.size() == 1);
    CHECK(problems(p) == std::vector<std::string>{
        "3/Номер: an employee may bring only his own number's data (+79021000002)"});
    const auto r = import_users(f.db(), f.cli, employee, rows, true);
    CHECK(r.stored == 1);
    CHECK(f.count("SELECT COUNT(*) FROM corporate_users_list WHERE source = 'desk'") == 1);
}

TEST_CASE("Compliance lists companies with a stale list or numbers without data, with their due day",
          "[R-CORP-10][users]") {
    UsersFixture f;
    const CalendarDate today = CalendarDate::of_utc(f.noon);
    auto list = users_compliance(f.db(), f.cli, today);
    REQUIRE(list.size() == 2);
    // Both have numbers without data, due the day they were added (100 days ago).
    CHECK(list[0].numbers_without_data + list[1].numbers_without_data == 4);
    // The first company's list was due a quarter after its contract (200 days ago), before its numbers.
    CHECK(list[0].client_id == f.company);
    CHECK(list[0].due_on == plus_quarter(CalendarDate::of_utc(f.noon - 200 * 86400)).iso());
    CHECK(list[0].overdue);
    // The other company gives its one number's data: it leaves the list, the list's quarter not yet passed.
    const auto rows = csv_rows(kHeader + "+79031000001;Петров;Пётр;;1985-05-20;Москва;Паспорт;4506 654321;ОВД;20.05.2005\n");
    import_users(f.db(), f.cli, {f.other, std::nullopt, "file"}, rows, false);
    list = users_compliance(f.db(), f.cli, today);
    REQUIRE(list.size() == 1);
    CHECK(list[0].client_id == f.company);
    CHECK(list[0].list_stale);  // no list in the 200 days since the contract
    // A quarter after that list, it is due again.
    list = users_compliance(f.db(), f.cli, plus_quarter(today).plus_days(1));
    CHECK(list.size() == 2);
    CHECK(plus_quarter(CalendarDate::parse("2026-11-30", "d", tr("D"))).iso() == "2027-02-28");
}

TEST_CASE("A users' file with merged cells, no rows or a binary body is refused with words", "[R-CORP-10][users][hostile]") {
    UsersFixture f;
    write_file(f.file("empty.csv"), "");
    CHECK(reason_of([&] { read_users_file(f.file("empty.csv")); }) == "is empty");
    write_file(f.file("blank.csv"), "\n\n");
    CHECK(reason_of([&] { read_users_file(f.file("blank.csv")); }) == "has no rows");
    write_file(f.file("nul.csv"), kHeader + "+79021000001;Ив" + '\0' + "анов;Иван;;1990-12-31;М;Паспорт;4506 123456;ОВД;2011-01-15\n");
    const auto p = preview_users_import(f.db(), f.cli, f.request(), read_users_file(f.file("nul.csv")));
    REQUIRE(!p.problems.empty());
    CHECK(p.problems[0].column == "Фамилия");
    CHECK(p.problems[0].message == "contains a control character (U+0000)");
}
