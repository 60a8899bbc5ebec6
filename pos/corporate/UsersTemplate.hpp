// The template a company fills with its numbers' users (R-CORP-10, R-CORP-12): ten columns headed in
// Russian, exported as XLSX blank (the company's numbers only) or filled with the users' data on file.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

// The template's columns, in the order the station writes them (a file may have them in any order).
enum class UsersColumn {
    msisdn,
    surname,
    given_name,
    patronymic,
    birth_date,
    registration_address,
    document_kind,
    document_number,
    document_issued_by,
    document_issued_on,
};
inline constexpr std::size_t kUsersColumnCount = 10;

// "Номер", "Фамилия", ... "Дата выдачи": the headers exactly as the template writes them, in UsersColumn's order.
const std::array<std::string, kUsersColumnCount>& users_template_headers();
const std::string& users_column_header(UsersColumn column);

// The kinds of identity document, as the template writes them ("Паспорт гражданина РФ") and as stored
// ("passport_rf").
struct DocumentKind {
    std::string code;
    std::string title;
};
const std::vector<DocumentKind>& users_document_kinds();
// The code of a kind as people write it ("паспорт", "Паспорт РФ", "passport_rf"); nullopt if unknown.
std::optional<std::string> users_document_kind_code(const std::string& written);
std::string users_document_kind_title(const std::string& code);

// One number's user, as stored: dates "YYYY-MM-DD", the document kind as its code.
struct NumberUserData {
    std::string msisdn;  // E.164
    std::string surname, given_name, patronymic;
    std::string birth_date;
    std::string registration_address;
    std::string document_kind, document_number, document_issued_by, document_issued_on;
};

// Where a user's sealed value is kept (db/PersonalDataKey's place): its column and the number's row.
std::string corporate_user_place(const std::string& column, std::int64_t number_id);

// The company a desk serves, by its INN: its id; ValidationError("Client") when there is none.
std::int64_t corporate_client_by_inn(db::Database& db, const std::string& inn);

struct NumberWithUser {
    std::int64_t number_id = 0;
    std::string msisdn;
    std::optional<NumberUserData> user;  // nullopt: no data given yet (or not opened: a blank template)
};
// The company's numbers by number, each with its user's data opened when `with_users` (a reveal: the
// caller journals it) or only marked as present otherwise.
std::vector<NumberWithUser> company_number_users(db::Database& db, std::int64_t client_id, bool with_users);

struct UsersTemplateExport {
    int numbers = 0;     // rows written
    int with_data = 0;   // rows with a user's data
};
// Writes the template to `path` as XLSX. Blank: the headers and the company's numbers. Filled: the users'
// data on file beside them too, which reveals personal data: the actor needs reveal_personal_data and the
// export is journaled (no values in the journal). Every text cell goes through spreadsheet_safe.
UsersTemplateExport export_users_template(db::Database& db, const Actor& actor, std::int64_t client_id,
                                          const std::string& path, bool blank);

// The XLSX writer itself, for the benchmark and tests: the headers, then one row per entry.
void write_users_workbook(const std::string& path, const std::vector<NumberWithUser>& rows);

}  // namespace salon::pos
