#include "pos/corporate/CorporateClient.hpp"

#include "db/Database.hpp"
#include "db/Text.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/identifiers/Inn.hpp"
#include "pos/core/identifiers/Kpp.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/core/identifiers/Ogrn.hpp"
#include "pos/core/identifiers/Ogrnip.hpp"
#include "pos/corporate/CorporateDesk.hpp"

#include <map>

namespace salon::pos {

std::string_view to_string(CorporateClientKind kind) {
    return kind == CorporateClientKind::legal_entity ? "legal_entity" : "sole_proprietor";
}

CorporateClientKind corporate_client_kind_from_string(std::string_view text) {
    if (text == "legal_entity") return CorporateClientKind::legal_entity;
    if (text == "sole_proprietor") return CorporateClientKind::sole_proprietor;
    throw ValidationError(tr("Client kind"), tr("must be legal_entity or sole_proprietor"));
}

Text corporate_client_kind_title(CorporateClientKind kind) {
    return kind == CorporateClientKind::legal_entity ? tr("Legal entity") : tr("Sole proprietor");
}

std::string_view to_string(CorporateNumberStatus status) {
    return status == CorporateNumberStatus::active ? "active" : "blocked";
}

const CorporateNumber* CorporateClient::number(const std::string& msisdn_e164) const {
    for (const auto& n : numbers)
        if (n.msisdn == msisdn_e164) return &n;
    return nullptr;
}

namespace {
bool blank(const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; }
}  // namespace

CorporateClient parse_corporate_client_form(const CorporateClientForm& form, const std::string& today) {
    CorporateClient c;
    // R-CORP-1: only a legal entity or a sole proprietor; the INN's length says which.
    const Inn inn = parse_input("inn", [&] { return Inn::parse(form.inn); });
    c.inn = inn.str();
    if (inn.is_legal_entity()) {
        c.kind = CorporateClientKind::legal_entity;
        c.ogrn = parse_input("ogrn", [&] { return Ogrn::parse(form.ogrn); }).str();
        if (blank(form.kpp)) throw InputError("kpp", tr("KPP"), tr("a legal entity must have a KPP"));
        c.kpp = parse_input("kpp", [&] { return Kpp::parse(form.kpp); }).str();
    } else {
        c.kind = CorporateClientKind::sole_proprietor;
        c.ogrn = parse_input("ogrn", [&] { return Ogrnip::parse(form.ogrn); }).str();
        if (!blank(form.kpp)) throw InputError("kpp", tr("KPP"), tr("a sole proprietor has no KPP"));
    }
    c.official_name = required_text("official_name", tr("Official name"), form.official_name, 300);
    c.contract_number = required_text("contract_number", tr("Contract number"), form.contract_number, 64);
    const CalendarDate signed_on = CalendarDate::parse(form.contract_date, "contract_date", tr("Contract date"));
    if (signed_on.iso() > today) throw InputError("contract_date", tr("Contract date"), tr("cannot be in the future"));
    c.contract_date = signed_on.iso();
    if (!blank(form.bound_email)) c.bound_email = parse_email(form.bound_email, "bound_email");
    return c;
}

namespace {

void refuse_taken(db::Database& db, const char* column, const char* input, const Text& field, const std::string& value) {
    long long other = 0;
    if (db.run(std::string("SELECT id FROM corporate_client WHERE ") + column + " = :v", soci::use(value),
               soci::into(other)))
        throw InputError(input, field, tr("is already registered to another corporate client"));
}

// Numbers of the listed clients (0: all of them), grouped by client.
std::map<long long, std::vector<CorporateNumber>> numbers_of(db::Database& db, long long only_client) {
    std::map<long long, std::vector<CorporateNumber>> out;
    CorporateNumber n;
    long long id = 0, client = 0, changed = 0, added = 0;
    int has_user = 0;
    std::string status;
    db::Statement st = db.query(
        "SELECT n.id, n.client_id, n.msisdn, t.code, t.name, n.status, n.status_changed_at, n.added_at, "
        "CASE WHEN u.number_id IS NULL THEN 0 ELSE 1 END "
        "FROM corporate_number n JOIN tariff t ON t.id = n.tariff_id "
        "LEFT JOIN corporate_number_user u ON u.number_id = n.id "
        "WHERE (:only = 0 OR n.client_id = :only2) ORDER BY n.client_id, n.msisdn",
        soci::use(only_client), soci::use(only_client), soci::into(id), soci::into(client), soci::into(n.msisdn),
        soci::into(n.tariff_code), soci::into(n.tariff_name), soci::into(status), soci::into(changed),
        soci::into(added), soci::into(has_user));
    st.execute();
    while (st.fetch()) {
        n.id = id;
        n.client_id = client;
        n.status = status == "blocked" ? CorporateNumberStatus::blocked : CorporateNumberStatus::active;
        n.status_changed_at = changed;
        n.added_at = added;
        n.has_user_data = has_user != 0;
        out[client].push_back(n);
    }
    return out;
}

std::vector<CorporateClient> query_clients(db::Database& db, long long only_id, const std::string* only_inn) {
    std::vector<CorporateClient> out;
    CorporateClient c;
    long long id = 0, created = 0;
    std::string kind, kpp, email;
    soci::indicator kpp_ind = soci::i_ok, email_ind = soci::i_ok;
    const std::string inn = only_inn ? *only_inn : std::string();
    const int by_inn = only_inn ? 1 : 0;
    db::Statement st = db.query(
        "SELECT id, kind, inn, ogrn, kpp, official_name, contract_number, contract_date, bound_email, created_at "
        "FROM corporate_client WHERE (:only = 0 OR id = :only2) AND (:by_inn = 0 OR inn = :inn) "
        "ORDER BY official_name, id",
        soci::use(only_id), soci::use(only_id), soci::use(by_inn), soci::use(inn), soci::into(id), soci::into(kind),
        soci::into(c.inn), soci::into(c.ogrn), soci::into(kpp, kpp_ind), soci::into(c.official_name),
        soci::into(c.contract_number), soci::into(c.contract_date), soci::into(email, email_ind),
        soci::into(created));
    st.execute();
    while (st.fetch()) {
        c.id = id;
        c.kind = corporate_client_kind_from_string(kind);
        c.kpp = kpp_ind == soci::i_null ? std::string() : kpp;
        c.bound_email = email_ind == soci::i_null ? std::string() : email;
        c.created_at = created;
        out.push_back(c);
    }
    if (out.empty()) return out;
    auto numbers = numbers_of(db, out.size() == 1 ? out.front().id : 0);
    for (auto& client : out) client.numbers = std::move(numbers[client.id]);
    return out;
}

}  // namespace

std::int64_t add_corporate_client(db::Database& db, const Actor& actor, const CorporateClientForm& form) {
    require_corporate_desk(db, actor);
    const CorporateClient c = parse_corporate_client_form(form, desk_today(db, actor).iso());
    db::WriteTransaction tx(db);
    refuse_taken(db, "inn", "inn", tr("INN"), c.inn);
    refuse_taken(db, "ogrn", "ogrn", c.kind == CorporateClientKind::legal_entity ? tr("OGRN") : tr("OGRNIP"), c.ogrn);
    const std::string kind(to_string(c.kind));
    soci::indicator kpp_ind = c.kpp.empty() ? soci::i_null : soci::i_ok;
    soci::indicator email_ind = c.bound_email.empty() ? soci::i_null : soci::i_ok;
    const long long now = db.now();
    const long long by = actor.staff_id();
    soci::indicator by_ind = by ? soci::i_ok : soci::i_null;
    const long long id = db.insert(
        "INSERT INTO corporate_client (kind, inn, ogrn, kpp, official_name, contract_number, contract_date, "
        "bound_email, created_at, created_by, updated_at) VALUES (:k, :inn, :ogrn, :kpp, :name, :cn, :cd, :e, :now, "
        ":by, :now2)",
        soci::use(kind), soci::use(c.inn), soci::use(c.ogrn), soci::use(c.kpp, kpp_ind), soci::use(c.official_name),
        soci::use(c.contract_number), soci::use(c.contract_date), soci::use(c.bound_email, email_ind),
        soci::use(now), soci::use(by, by_ind), soci::use(now));
    // A sole proprietor's INN and name are personal data: the entry names the record and its kind only.
    actor.record(db, "corporate.client.add", "corporate_client:" + std::to_string(id), "added kind=" + kind);
    tx.commit();
    return id;
}

std::vector<CorporateClient> list_corporate_clients(db::Database& db, const Actor& actor) {
    require_corporate_reader(db, actor);
    return query_clients(db, 0, nullptr);
}

CorporateClient read_corporate_client(db::Database& db, std::int64_t id) {
    auto found = id ? query_clients(db, id, nullptr) : std::vector<CorporateClient>{};
    if (found.empty())
        throw ValidationError(tr("Corporate client"), trf("no corporate client with number {1}", {std::to_string(id)}));
    return found.front();
}

CorporateClient get_corporate_client(db::Database& db, const Actor& actor, std::int64_t id) {
    require_corporate_reader(db, actor);
    return read_corporate_client(db, id);
}

CorporateClient find_corporate_client(db::Database& db, const Actor& actor, const std::string& inn_text) {
    require_corporate_reader(db, actor);
    const Inn inn = parse_input("inn", [&] { return Inn::parse(inn_text); });
    auto found = query_clients(db, 0, &inn.str());
    if (found.empty()) throw InputError("inn", tr("INN"), tr("no corporate client has this INN"));
    return found.front();
}

BusinessTariff find_business_tariff(db::Database& db, const std::string& code_or_name) {
    const std::string wanted = required_text("tariff", tr("Tariff"), code_or_name, 100);
    BusinessTariff t;
    long long id = 0;
    std::string segment;
    if (!db.run("SELECT id, code, name, segment FROM tariff WHERE code = :c OR name = :n ORDER BY id LIMIT 1",
                soci::use(wanted), soci::use(wanted), soci::into(id), soci::into(t.code), soci::into(t.name),
                soci::into(segment)))
        throw InputError("tariff", tr("Tariff"), trf("no tariff «{1}» in the catalog", {wanted}));
    if (segment != "business")
        throw InputError("tariff", tr("Tariff"),
                         trf("{1} is a tariff for private clients: a company's number takes a business tariff",
                             {t.name}));
    t.id = id;
    return t;
}

std::int64_t store_corporate_number(db::Database& db, const Actor& actor, std::int64_t client_id,
                                    const std::string& msisdn, std::int64_t tariff_id) {
    long long other_client = 0;
    if (db.run("SELECT client_id FROM corporate_number WHERE msisdn = :m", soci::use(msisdn), soci::into(other_client)))
        throw InputError("msisdn", tr("Number"),
                         other_client == client_id ? tr("is already under this company's contract")
                                                   : tr("is under another company's contract"));
    const long long now = db.now(), client = client_id, tariff = tariff_id, by = actor.staff_id();
    soci::indicator by_ind = by ? soci::i_ok : soci::i_null;
    const long long id = db.insert(
        "INSERT INTO corporate_number (client_id, msisdn, tariff_id, status, status_changed_at, added_at, added_by, "
        "tariff_changed_at) VALUES (:c, :m, :t, 'active', :now, :now2, :by, :now3)",
        soci::use(client), soci::use(msisdn), soci::use(tariff), soci::use(now), soci::use(now),
        soci::use(by, by_ind), soci::use(now));
    actor.record(db, "corporate.number.add", "corporate_number:" + std::to_string(id),
                 "client=" + std::to_string(client) + " tariff=" + std::to_string(tariff));
    return id;
}

std::int64_t add_corporate_number(db::Database& db, const Actor& actor, std::int64_t client_id,
                                  const CorporateNumberForm& form) {
    require_corporate_desk(db, actor);
    const Msisdn msisdn = parse_input("msisdn", [&] { return Msisdn::parse(form.msisdn); });
    db::WriteTransaction tx(db);
    read_corporate_client(db, client_id);
    const BusinessTariff tariff = find_business_tariff(db, form.tariff);
    const auto id = store_corporate_number(db, actor, client_id, msisdn.str(), tariff.id);
    tx.commit();
    return id;
}

}  // namespace salon::pos
