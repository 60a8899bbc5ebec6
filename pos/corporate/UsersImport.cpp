#include "pos/corporate/UsersImport.hpp"

#include "db/Database.hpp"
#include "db/PersonalDataKey.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/core/common/OutsideInput.hpp"
#include "pos/core/identifiers/Passport.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/common/SpreadsheetReader.hpp"

#include <soci/soci.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cmath>
#include <map>
#include <unordered_map>

namespace salon::pos {

namespace {

Text file_field() { return tr("Users' data"); }

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// A header as compared: lower case, ё as е, inner blanks as one space.
std::string header_key(const std::string& text) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(trim(text)).toLower();
    u.findAndReplace(icu::UnicodeString::fromUTF8("ё"), icu::UnicodeString::fromUTF8("е"));
    std::string s, out;
    u.toUTF8String(s);
    for (const char c : s) {
        const bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (blank && (out.empty() || out.back() == ' ')) continue;
        out += blank ? ' ' : c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

bool date_column(std::size_t c) {
    return c == static_cast<std::size_t>(UsersColumn::birth_date) ||
           c == static_cast<std::size_t>(UsersColumn::document_issued_on);
}

// The text of a cell as the checks read it: a typed date as "YYYY-MM-DD"; a day number in a date column
// (a date the spreadsheet lost its format for) as that day.
std::string cell_text(const SpreadsheetCell& cell, std::size_t column) {
    if (cell.kind == SpreadsheetCell::Kind::date && cell.date) return cell.date->iso();
    if (cell.kind == SpreadsheetCell::Kind::number && date_column(column) && cell.number >= 1 && cell.number < 2958466 &&
        cell.number == std::floor(cell.number))
        return CalendarDate::from_days(static_cast<std::int64_t>(cell.number) - 25569).iso();
    std::string text = trim(cell.text);
    // An export's neutralised formula prefix (spreadsheet_safe's apostrophe) comes back as written.
    if (text.size() > 1 && text[0] == '\'' && std::string_view("=+-@").find(text[1]) != std::string_view::npos)
        text.erase(0, 1);
    return text;
}

}  // namespace

std::vector<UsersFileRow> users_rows(const Spreadsheet& sheet) {
    auto header = sheet.rows.begin();
    while (header != sheet.rows.end() && header->blank()) ++header;
    if (header == sheet.rows.end()) throw ValidationError(file_field(), tr("has no rows"));
    sheet.refuse_merged_from(header->row, file_field());

    const auto& headers = users_template_headers();
    std::map<std::string, std::size_t> wanted;
    for (std::size_t c = 0; c < headers.size(); ++c) wanted.emplace(header_key(headers[c]), c);
    std::array<std::optional<std::size_t>, kUsersColumnCount> at{};
    for (std::size_t i = 0; i < header->cells.size(); ++i) {
        const auto it = wanted.find(header_key(header->cells[i].text));
        if (it == wanted.end()) continue;
        if (at[it->second])
            throw ValidationError(file_field(), trf("row {1}: the header names the column «{2}» twice",
                                                    {std::to_string(header->row), headers[it->second]}));
        at[it->second] = i;
    }
    std::string all;
    for (const auto& h : headers) all += (all.empty() ? "" : "; ") + h;
    for (std::size_t c = 0; c < headers.size(); ++c)
        if (!at[c])
            throw ValidationError(file_field(),
                                  trf("row {1}: the header has no column «{2}» (it may be missing or renamed); the "
                                      "template's columns are: {3}",
                                      {std::to_string(header->row), headers[c], all}));

    std::vector<UsersFileRow> out;
    for (auto it = header + 1; it != sheet.rows.end(); ++it) {
        if (it->blank()) continue;
        UsersFileRow row;
        row.row = it->row;
        for (std::size_t c = 0; c < kUsersColumnCount; ++c) row.cells[c] = cell_text(it->at(*at[c]), c);
        out.push_back(std::move(row));
    }
    return out;
}

std::vector<UsersFileRow> read_users_file(const std::string& path) {
    SpreadsheetLimits limits;
    limits.max_cell_bytes = 2000;
    return users_rows(SpreadsheetReader(file_field(), limits).read_file(path));
}

namespace {

// A number as a spreadsheet holds it ("+7 902 100-00-01", "89021000001", 79021000001): "+79021000001" when
// it is plainly a Russian mobile number, without libphonenumber's cost per row; "" otherwise.
std::string quick_msisdn(const std::string& text) {
    std::string digits;
    bool plus = false;
    for (const char c : text) {
        if (c >= '0' && c <= '9') digits += c;
        else if (c == '+' && digits.empty()) plus = true;
        else if (c != ' ' && c != '-' && c != '(' && c != ')') return {};
    }
    if (digits.size() == 10 && digits[0] == '9' && !plus) return "+7" + digits;
    if (digits.size() == 11 && digits[1] == '9' && ((digits[0] == '7') || (digits[0] == '8' && !plus)))
        return "+7" + digits.substr(1);
    return {};
}

std::string normalised_msisdn(const std::string& text) {
    std::string quick = quick_msisdn(text);
    if (!quick.empty()) return quick;
    return Msisdn::parse(text).str();  // throws ValidationError with the reason
}

struct Limits {
    std::size_t name = 100, address = 500, issuer = 500, document = 32;
};

bool name_characters(const std::string& text) {
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    for (int32_t i = 0; i < u.length();) {
        const UChar32 c = u.char32At(i);
        if (!u_isalpha(c) && c != ' ' && c != '-' && c != '\'' && c != 0x2019 && c != '.') return false;
        i += U16_LENGTH(c);
    }
    return true;
}

std::size_t characters(const std::string& text) {
    std::size_t n = 0;
    for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

struct CompanyNumbers {
    std::unordered_map<std::string, std::int64_t> by_msisdn;
};

CompanyNumbers company_numbers(db::Database& db, std::int64_t client_id) {
    CompanyNumbers out;
    const long long client = client_id;
    long long id = 0;
    std::string msisdn;
    auto st = db.query("SELECT id, msisdn FROM corporate_number WHERE client_id = :c", soci::use(client),
                       soci::into(id), soci::into(msisdn));
    st.execute();
    while (st.fetch()) out.by_msisdn.emplace(msisdn, id);
    return out;
}

void require_company(db::Database& db, std::int64_t client_id) {
    const long long client = client_id;
    int n = 0;
    db.run("SELECT COUNT(*) FROM corporate_client WHERE id = :c", soci::use(client), soci::into(n));
    if (n == 0) throw ValidationError(tr("Client"), tr("no such company"));
}

// An employee brings his own data only with the company's power of attorney for his number, valid today
// (R-CORP-12). Returns his number (E.164).
std::string employee_number(db::Database& db, const UsersImportRequest& request, const CalendarDate& today) {
    std::string msisdn;
    try {
        msisdn = normalised_msisdn(*request.employee_msisdn);
    } catch (const ValidationError& e) {
        throw ValidationError(tr("Employee's number"), e.reason());
    }
    const long long client = request.client_id;
    const std::string day = today.iso();
    int n = 0;
    db.run("SELECT COUNT(*) FROM power_of_attorney WHERE client_id = :c AND for_msisdn = :m "
           "AND issued_on <= :d AND valid_until >= :d2",
           soci::use(client), soci::use(msisdn), soci::use(day), soci::use(day), soci::into(n));
    if (n == 0)
        throw RefusedError(tr("Employee's number"),
                           trf("has no power of attorney from the company valid today: an employee brings his own "
                               "number's data only with one (R-CORP-12)",
                               {}));
    return msisdn;
}

UsersImportPreview check_rows(const std::vector<UsersFileRow>& rows, const CompanyNumbers& numbers,
                              const std::optional<std::string>& employee, const CalendarDate& today) {
    UsersImportPreview out;
    out.rows = static_cast<int>(rows.size());
    const Limits limits;
    std::unordered_map<std::string, int> seen;  // number -> its first row
    for (const auto& row : rows) {
        std::vector<UsersRowProblem> problems;
        auto problem = [&](UsersColumn column, const Text& why) {
            problems.push_back({row.row, users_column_header(column), why.str()});
        };
        auto cell = [&](UsersColumn column) -> const std::string& { return row.cells[static_cast<std::size_t>(column)]; };
        // Control characters first: such a cell is no typing slip, and nothing else is read from it.
        std::array<bool, kUsersColumnCount> clean{};
        for (std::size_t c = 0; c < kUsersColumnCount; ++c) {
            clean[c] = true;
            if (const auto bad = control_character(row.cells[c])) {
                problem(static_cast<UsersColumn>(c), control_character_reason(*bad));
                clean[c] = false;
            }
        }
        auto ok = [&](UsersColumn column) { return clean[static_cast<std::size_t>(column)]; };
        NumberUserData u;

        if (ok(UsersColumn::msisdn)) {
            const std::string& written = cell(UsersColumn::msisdn);
            if (written.empty()) {
                problem(UsersColumn::msisdn, tr("is empty"));
            } else {
                try {
                    u.msisdn = normalised_msisdn(written.substr(0, 64));
                    if (!numbers.by_msisdn.count(u.msisdn)) {
                        problem(UsersColumn::msisdn, trf("{1} is not a number of this company", {u.msisdn}));
                    } else if (employee && u.msisdn != *employee) {
                        problem(UsersColumn::msisdn, trf("an employee may bring only his own number's data ({1})",
                                                         {*employee}));
                    } else if (const auto [it, first] = seen.emplace(u.msisdn, row.row); !first) {
                        problem(UsersColumn::msisdn,
                                trf("the number is in the file twice (row {1})", {std::to_string(it->second)}));
                    }
                } catch (const ValidationError& e) {
                    problem(UsersColumn::msisdn, e.reason());
                }
            }
        }
        auto text = [&](UsersColumn column, std::size_t max, bool required, bool names, std::string& into) {
            if (!ok(column)) return;
            const std::string& v = cell(column);
            if (v.empty()) {
                if (required) problem(column, tr("is empty"));
                return;
            }
            if (characters(v) > max) {
                problem(column, trf("is too long: at most {1} characters", {grouped(max)}));
                return;
            }
            if (names && !name_characters(v)) {
                problem(column, tr("may hold only letters, spaces, hyphens and apostrophes"));
                return;
            }
            into = v;
        };
        text(UsersColumn::surname, limits.name, true, true, u.surname);
        text(UsersColumn::given_name, limits.name, true, true, u.given_name);
        text(UsersColumn::patronymic, limits.name, false, true, u.patronymic);
        text(UsersColumn::registration_address, limits.address, true, false, u.registration_address);
        text(UsersColumn::document_issued_by, limits.issuer, true, false, u.document_issued_by);

        auto date = [&](UsersColumn column) -> std::optional<CalendarDate> {
            if (!ok(column)) return std::nullopt;
            const std::string& v = cell(column);
            if (v.empty()) {
                problem(column, tr("is empty"));
                return std::nullopt;
            }
            try {
                const auto d = CalendarDate::parse(v, "date", tr("Date"));
                if (d > today) {
                    problem(column, trf("{1} is in the future", {d.display()}));
                    return std::nullopt;
                }
                return d;
            } catch (const ValidationError& e) {
                problem(column, e.reason());
                return std::nullopt;
            }
        };
        const auto born = date(UsersColumn::birth_date);
        const auto issued = date(UsersColumn::document_issued_on);
        if (born) u.birth_date = born->iso();
        if (issued) u.document_issued_on = issued->iso();

        if (ok(UsersColumn::document_kind)) {
            const std::string& v = cell(UsersColumn::document_kind);
            if (v.empty()) {
                problem(UsersColumn::document_kind, tr("is empty"));
            } else if (const auto code = users_document_kind_code(v.substr(0, 200))) {
                u.document_kind = *code;
            } else {
                std::string kinds;
                for (const auto& k : users_document_kinds()) kinds += (kinds.empty() ? "" : "; ") + k.title;
                problem(UsersColumn::document_kind, trf("is not a known document: write one of {1}", {kinds}));
            }
        }
        if (ok(UsersColumn::document_number)) {
            const std::string& v = cell(UsersColumn::document_number);
            if (v.empty()) {
                problem(UsersColumn::document_number, tr("is empty"));
            } else if (u.document_kind == "passport_rf") {
                try {
                    u.document_number = Passport::parse(v).str();
                } catch (const ValidationError& e) {
                    problem(UsersColumn::document_number, e.reason());
                }
            } else if (characters(v) > limits.document) {
                problem(UsersColumn::document_number,
                        trf("is too long: at most {1} characters", {grouped(limits.document)}));
            } else {
                u.document_number = v;
            }
        }
        // A Russian passport is issued at 14 (Government decree 828): one issued earlier, or before its
        // holder was born, is impossible.
        if (born && issued) {
            if (*issued < *born) {
                problem(UsersColumn::document_issued_on,
                        trf("{1} is before the date of birth {2}", {issued->display(), born->display()}));
            } else if (u.document_kind == "passport_rf" && born->whole_years_until(*issued) < 14) {
                problem(UsersColumn::document_issued_on,
                        trf("a Russian passport is issued at 14 or later: {1} is before the 14th birthday",
                            {issued->display()}));
            }
        }
        if (problems.empty()) {
            out.valid.push_back(std::move(u));
            out.valid_rows.push_back(row.row);
        } else {
            for (auto& p : problems) out.problems.push_back(std::move(p));
        }
    }
    return out;
}

}  // namespace

UsersImportPreview check_users_rows(const std::vector<UsersFileRow>& rows,
                                    const std::vector<std::string>& company_msisdns, const CalendarDate& today) {
    CompanyNumbers numbers;
    for (std::size_t i = 0; i < company_msisdns.size(); ++i)
        numbers.by_msisdn.emplace(company_msisdns[i], static_cast<std::int64_t>(i + 1));
    return check_rows(rows, numbers, std::nullopt, today);
}

UsersImportPreview preview_users_import(db::Database& db, const Actor& actor, const UsersImportRequest& request,
                                        const std::vector<UsersFileRow>& rows) {
    actor.require(db, Permission::corporate_desk);
    require_company(db, request.client_id);
    const CalendarDate today = CalendarDate::of_utc(db.now());
    std::optional<std::string> employee;
    if (request.employee_msisdn) employee = employee_number(db, request, today);
    require_rows_within(rows.size(), kMaxImportRows, file_field());
    return check_rows(rows, company_numbers(db, request.client_id), employee, today);
}

UsersImportResult import_users(db::Database& db, const Actor& actor, const UsersImportRequest& request,
                               const std::vector<UsersFileRow>& rows, bool valid_only) {
    if (request.source != "desk" && request.source != "file" && request.source != "mail")
        throw ValidationError(tr("Source"), tr("must be desk, file or mail"));
    UsersImportResult result;
    // Parse and check before the write transaction; the numbers are read again under it.
    result.preview = preview_users_import(db, actor, request, rows);
    const auto& preview = result.preview;
    if (!preview.ok() && !valid_only) {
        const auto& p = preview.problems.front();
        throw ValidationError(file_field(),
                              trf("row {1}, {2}: {3} (and {4} problem(s) in all; nothing was imported)",
                                  {std::to_string(p.row), p.column, p.message, std::to_string(preview.problems.size())}));
    }
    if (preview.valid.empty()) return result;

    const db::PersonalDataKey& key = db::personal_data_key(db);
    db::WriteTransaction tx(db);
    const CompanyNumbers numbers = company_numbers(db, request.client_id);
    const std::int64_t now = db.now();
    long long by = actor.staff_id();
    soci::indicator by_ind = by == 0 ? soci::i_null : soci::i_ok;
    for (const auto& u : preview.valid) {
        const auto it = numbers.by_msisdn.find(u.msisdn);
        if (it == numbers.by_msisdn.end())
            throw ValidationError(file_field(), trf("{1} is not a number of this company", {u.msisdn}));
        const long long number_id = it->second;
        auto seal = [&](const char* column, const std::string& value) {
            return key.seal(value, corporate_user_place(column, number_id));
        };
        const std::string surname = seal("surname", u.surname), given = seal("given_name", u.given_name),
                          birth = seal("birth_date", u.birth_date), address = seal("registration_address", u.registration_address),
                          number = seal("document_number", u.document_number), issuer = seal("document_issued_by", u.document_issued_by),
                          issued = seal("document_issued_on", u.document_issued_on);
        std::string patronymic;
        soci::indicator patronymic_ind = soci::i_null;
        if (!u.patronymic.empty()) {
            patronymic = seal("patronymic", u.patronymic);
            patronymic_ind = soci::i_ok;
        }
        const std::string hash = key.search_hash(u.document_kind + ":" + u.document_number);
        long long stamp = now;
        db.update("DELETE FROM corporate_number_user WHERE number_id = :n", soci::use(number_id));
        db.run("INSERT INTO corporate_number_user (number_id, surname, given_name, patronymic, birth_date, "
               "registration_address, document_kind, document_number, document_issued_by, document_issued_on, "
               "document_hash, updated_at, updated_by, source) VALUES (:n, :s, :g, :p, :b, :a, :k, :dn, :di, :do, "
               ":h, :t, :by, :src)",
               soci::use(number_id), soci::use(surname), soci::use(given), soci::use(patronymic, patronymic_ind),
               soci::use(birth), soci::use(address), soci::use(u.document_kind), soci::use(number), soci::use(issuer),
               soci::use(issued), soci::use(hash), soci::use(stamp), soci::use(by, by_ind), soci::use(request.source));
    }
    const long long client = request.client_id;
    const long long stamp = now;
    const int stored = static_cast<int>(preview.valid.size());
    result.list_id = db.insert(
        "INSERT INTO corporate_users_list (client_id, received_at, received_by, source, rows) VALUES (:c, :t, :by, :s, :r)",
        soci::use(client), soci::use(stamp), soci::use(by, by_ind), soci::use(request.source), soci::use(stored));
    // The journal names the list, never a value from it.
    actor.record(db, "corporate.users.import", "corporate_client:" + std::to_string(request.client_id),
                 "list=" + std::to_string(result.list_id) + " rows=" + std::to_string(stored) +
                     " rejected=" + std::to_string(preview.rows - stored) + " source=" + request.source +
                     (request.employee_msisdn ? " by=employee" : ""));
    tx.commit();
    result.stored = stored;
    return result;
}

}  // namespace salon::pos
