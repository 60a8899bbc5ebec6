#include "pos/corporate/UsersTemplate.hpp"

#include "db/Database.hpp"
#include "db/PersonalDataKey.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/OutsideInput.hpp"
#include "pos/core/organisation/Permission.hpp"

#include <soci/soci.h>
#include <unicode/unistr.h>
#include <xlsxwriter.h>

namespace salon::pos {

const std::array<std::string, kUsersColumnCount>& users_template_headers() {
    static const std::array<std::string, kUsersColumnCount> headers{
        "Номер",   "Фамилия",       "Имя",      "Отчество",  "Дата рождения", "Адрес регистрации",
        "Документ", "Серия и номер", "Кем выдан", "Дата выдачи"};
    return headers;
}

const std::string& users_column_header(UsersColumn column) {
    return users_template_headers()[static_cast<std::size_t>(column)];
}

const std::vector<DocumentKind>& users_document_kinds() {
    static const std::vector<DocumentKind> kinds{{"passport_rf", "Паспорт гражданина РФ"},
                                                 {"foreign_passport", "Паспорт иностранного гражданина"},
                                                 {"residence_permit", "Вид на жительство"}};
    return kinds;
}

std::optional<std::string> users_document_kind_code(const std::string& written) {
    std::string w;
    icu::UnicodeString::fromUTF8(written).toLower().trim().toUTF8String(w);
    for (const auto& k : users_document_kinds()) {
        std::string title;
        icu::UnicodeString::fromUTF8(k.title).toLower().toUTF8String(title);
        if (w == k.code || w == title) return k.code;
    }
    // How people shorten it in a spreadsheet.
    for (const char* russian : {"паспорт", "паспорт рф", "паспорт гражданина рф", "паспорт гражданина россии"})
        if (w == russian) return std::string("passport_rf");
    if (w == "вид на жительство рф" || w == "внж") return std::string("residence_permit");
    if (w == "иностранный паспорт" || w == "паспорт иностранца") return std::string("foreign_passport");
    return std::nullopt;
}

std::string users_document_kind_title(const std::string& code) {
    for (const auto& k : users_document_kinds())
        if (k.code == code) return k.title;
    return code;
}

std::string corporate_user_place(const std::string& column, std::int64_t number_id) {
    return "corporate_number_user." + column + ":" + std::to_string(number_id);
}

std::int64_t corporate_client_by_inn(db::Database& db, const std::string& inn) {
    long long id = 0;
    std::string digits;
    for (const char c : inn)
        if (c >= '0' && c <= '9') digits += c;
    if (digits.empty() || digits.size() > 12 || !db.run("SELECT id FROM corporate_client WHERE inn = :inn", soci::use(digits), soci::into(id)))
        throw ValidationError(tr("Client"), trf("no company with INN {1}", {inn.substr(0, 20)}));
    return id;
}

namespace {

const char* const kSealedColumns[] = {"surname", "given_name", "patronymic", "birth_date", "registration_address",
                                      "document_number", "document_issued_by", "document_issued_on"};

}  // namespace

std::vector<NumberWithUser> company_number_users(db::Database& db, std::int64_t client_id, bool with_users) {
    std::vector<NumberWithUser> out;
    const long long client = client_id;
    long long number_id = 0;
    std::string msisdn, kind;
    std::array<std::string, 8> sealed;
    soci::indicator has_user = soci::i_null, has_patronymic = soci::i_null;
    std::array<soci::indicator, 8> ind{};
    auto st = db.query(
        "SELECT n.id, n.msisdn, u.document_kind, u.surname, u.given_name, u.patronymic, u.birth_date, "
        "u.registration_address, u.document_number, u.document_issued_by, u.document_issued_on "
        "FROM corporate_number n LEFT JOIN corporate_number_user u ON u.number_id = n.id "
        "WHERE n.client_id = :c ORDER BY n.msisdn",
        soci::use(client), soci::into(number_id), soci::into(msisdn), soci::into(kind, has_user),
        soci::into(sealed[0], ind[0]), soci::into(sealed[1], ind[1]), soci::into(sealed[2], has_patronymic),
        soci::into(sealed[3], ind[3]), soci::into(sealed[4], ind[4]), soci::into(sealed[5], ind[5]),
        soci::into(sealed[6], ind[6]), soci::into(sealed[7], ind[7]));
    st.execute();
    struct Raw {
        NumberWithUser row;
        bool has = false;
        std::string kind;
        std::array<std::string, 8> sealed;
        bool patronymic = false;
    };
    std::vector<Raw> raw;
    while (st.fetch()) {
        Raw r;
        r.row.number_id = number_id;
        r.row.msisdn = msisdn;
        r.has = has_user == soci::i_ok;
        if (r.has) {
            r.kind = kind;
            r.sealed = sealed;
            r.patronymic = has_patronymic == soci::i_ok;
        }
        raw.push_back(std::move(r));
    }
    const db::PersonalDataKey* key = with_users ? &db::personal_data_key(db) : nullptr;
    for (auto& r : raw) {
        if (r.has) {
            NumberUserData u;
            u.msisdn = r.row.msisdn;
            u.document_kind = r.kind;
            if (key) {
                std::array<std::string*, 8> fields{&u.surname,  &u.given_name,           &u.patronymic,
                                                   &u.birth_date, &u.registration_address, &u.document_number,
                                                   &u.document_issued_by, &u.document_issued_on};
                for (std::size_t i = 0; i < 8; ++i) {
                    if (i == 2 && !r.patronymic) continue;
                    *fields[i] = key->open(r.sealed[i], corporate_user_place(kSealedColumns[i], r.row.number_id));
                }
            }
            r.row.user = std::move(u);
        }
        out.push_back(std::move(r.row));
    }
    return out;
}

void write_users_workbook(const std::string& path, const std::vector<NumberWithUser>& rows) {
    lxw_workbook* book = workbook_new(path.c_str());
    if (!book) throw ValidationError(tr("File"), trf("cannot write {1}", {path}));
    lxw_worksheet* sheet = workbook_add_worksheet(book, "Пользователи");
    lxw_format* header = workbook_add_format(book);
    format_set_bold(header);
    lxw_format* date = workbook_add_format(book);
    format_set_num_format(date, "dd.mm.yyyy");
    lxw_format* text = workbook_add_format(book);
    format_set_num_format(text, "@");  // numbers and document numbers stay text, leading zeros kept
    const auto& headers = users_template_headers();
    for (std::size_t c = 0; c < headers.size(); ++c) worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), headers[c].c_str(), header);
    worksheet_set_column(sheet, 0, 0, 16, text);
    worksheet_set_column(sheet, 1, 3, 16, nullptr);
    worksheet_set_column(sheet, 4, 4, 14, date);
    worksheet_set_column(sheet, 5, 5, 40, nullptr);
    worksheet_set_column(sheet, 6, 6, 24, nullptr);
    worksheet_set_column(sheet, 7, 7, 14, text);
    worksheet_set_column(sheet, 8, 8, 36, nullptr);
    worksheet_set_column(sheet, 9, 9, 14, date);
    worksheet_freeze_panes(sheet, 1, 0);
    auto put_text = [&](lxw_row_t r, lxw_col_t c, const std::string& value, lxw_format* format = nullptr) {
        if (value.empty()) return;
        worksheet_write_string(sheet, r, c, spreadsheet_safe(value).c_str(), format);
    };
    auto put_date = [&](lxw_row_t r, lxw_col_t c, const std::string& iso) {
        if (iso.empty()) return;
        const auto d = CalendarDate::parse(iso, "date", tr("Date"));
        lxw_datetime dt{d.year(), static_cast<uint8_t>(d.month()), static_cast<uint8_t>(d.day()), 0, 0, 0};
        worksheet_write_datetime(sheet, r, c, &dt, date);
    };
    lxw_row_t r = 1;
    for (const auto& row : rows) {
        // "79021000001": the digits without the plus, which spreadsheet_safe would have to neutralise.
        put_text(r, 0, row.msisdn.rfind("+", 0) == 0 ? row.msisdn.substr(1) : row.msisdn, text);
        if (row.user) {
            const auto& u = *row.user;
            put_text(r, 1, u.surname);
            put_text(r, 2, u.given_name);
            put_text(r, 3, u.patronymic);
            put_date(r, 4, u.birth_date);
            put_text(r, 5, u.registration_address);
            put_text(r, 6, u.document_kind.empty() ? std::string() : users_document_kind_title(u.document_kind));
            put_text(r, 7, u.document_number, text);
            put_text(r, 8, u.document_issued_by);
            put_date(r, 9, u.document_issued_on);
        }
        ++r;
    }
    if (workbook_close(book) != LXW_NO_ERROR) throw ValidationError(tr("File"), trf("cannot write {1}", {path}));
}

UsersTemplateExport export_users_template(db::Database& db, const Actor& actor, std::int64_t client_id,
                                          const std::string& path, bool blank) {
    actor.require(db, Permission::corporate_desk);
    if (!blank) actor.require(db, Permission::reveal_personal_data);
    std::vector<NumberWithUser> rows;
    {
        // The read and its journal entry are one operation: a filled export is a reveal (152-FZ), and no
        // file is written unless the entry is.
        db::WriteTransaction tx(db);
        rows = company_number_users(db, client_id, !blank);
        if (blank)
            for (auto& r : rows) r.user.reset();
        else
            actor.record(db, "corporate.users.export", "corporate_client:" + std::to_string(client_id),
                         "rows=" + std::to_string(rows.size()));
        tx.commit();
    }
    write_users_workbook(path, rows);
    UsersTemplateExport out;
    out.numbers = static_cast<int>(rows.size());
    for (const auto& r : rows) out.with_data += r.user ? 1 : 0;
    return out;
}

}  // namespace salon::pos
