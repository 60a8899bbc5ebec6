#include "pos/corporate/PowerOfAttorney.hpp"

#include "db/Database.hpp"
#include "db/Text.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/corporate/CorporateClient.hpp"
#include "pos/corporate/CorporateDesk.hpp"

namespace salon::pos {

std::string_view to_string(PowerOfAttorneyKind kind) {
    return kind == PowerOfAttorneyKind::power_of_attorney ? "power_of_attorney" : "general_power_of_attorney";
}

PowerOfAttorneyKind power_of_attorney_kind_from_string(std::string_view text) {
    if (text == "power_of_attorney" || text.empty()) return PowerOfAttorneyKind::power_of_attorney;
    if (text == "general_power_of_attorney" || text == "general") return PowerOfAttorneyKind::general_power_of_attorney;
    throw InputError("poa_kind", tr("Kind of power of attorney"),
                     tr("must be power_of_attorney or general_power_of_attorney"));
}

Text power_of_attorney_kind_title(PowerOfAttorneyKind kind) {
    return kind == PowerOfAttorneyKind::power_of_attorney ? tr("Power of attorney") : tr("General power of attorney");
}

PowerOfAttorney parse_power_of_attorney(const PowerOfAttorneyForm& form, const CalendarDate& today) {
    PowerOfAttorney p;
    p.kind = power_of_attorney_kind_from_string(form.kind);
    p.number = required_text("poa_number", tr("Power of attorney number"), form.number, 64);
    const CalendarDate issued = CalendarDate::parse(form.issued_on, "poa_issued_on", tr("Power of attorney date"));
    if (issued > today)
        throw InputError("poa_issued_on", tr("Power of attorney date"),
                         tr("is in the future: a power of attorney dated later is not valid yet"));
    const CalendarDate until =
        CalendarDate::parse(form.valid_until, "poa_valid_until", tr("Power of attorney valid until"));
    if (until < issued)
        throw InputError("poa_valid_until", tr("Power of attorney valid until"), tr("is before the date of issue"));
    if (until < today)
        throw InputError("poa_valid_until", tr("Power of attorney valid until"),
                         trf("the power of attorney expired on {1}", {until.display()}));
    p.issued_on = issued.iso();
    p.valid_until = until.iso();
    p.issued_by = required_text("poa_issued_by", tr("Power of attorney issued by"), form.issued_by, 300);
    p.issued_to = required_text("poa_issued_to", tr("Power of attorney issued to"), form.issued_to, 300);
    if (form.for_msisdn.find_first_not_of(" \t") != std::string::npos)
        p.for_msisdn = parse_input("poa_for_msisdn", [&] { return Msisdn::parse(form.for_msisdn); }).str();
    return p;
}

std::int64_t store_power_of_attorney(db::Database& db, const Actor& actor, std::int64_t client_id,
                                     const PowerOfAttorney& p) {
    if (!p.for_msisdn.empty()) {
        const CorporateClient c = read_corporate_client(db, client_id);
        if (!c.number(p.for_msisdn))
            throw InputError("poa_for_msisdn", tr("Employee's number"), tr("is not one of the company's numbers"));
    }
    const std::string kind(to_string(p.kind));
    const long long client = client_id, now = db.now(), by = actor.staff_id();
    soci::indicator by_ind = by ? soci::i_ok : soci::i_null;
    soci::indicator for_ind = p.for_msisdn.empty() ? soci::i_null : soci::i_ok;
    const long long id = db.insert(
        "INSERT INTO power_of_attorney (client_id, kind, number, issued_on, valid_until, issued_by, issued_to, "
        "for_msisdn, created_at, created_by) VALUES (:c, :k, :n, :io, :vu, :ib, :it, :m, :now, :by)",
        soci::use(client), soci::use(kind), soci::use(p.number), soci::use(p.issued_on), soci::use(p.valid_until),
        soci::use(p.issued_by), soci::use(p.issued_to), soci::use(p.for_msisdn, for_ind), soci::use(now),
        soci::use(by, by_ind));
    actor.record(db, "corporate.poa.add", "power_of_attorney:" + std::to_string(id),
                 "client=" + std::to_string(client) + " kind=" + kind + " until=" + p.valid_until +
                     (p.for_msisdn.empty() ? "" : " employee"));
    return id;
}

std::int64_t add_power_of_attorney(db::Database& db, const Actor& actor, std::int64_t client_id,
                                   const PowerOfAttorneyForm& form) {
    require_corporate_desk(db, actor);
    const PowerOfAttorney p = parse_power_of_attorney(form, desk_today(db, actor));
    db::WriteTransaction tx(db);
    read_corporate_client(db, client_id);
    const auto id = store_power_of_attorney(db, actor, client_id, p);
    tx.commit();
    return id;
}

namespace {

std::vector<PowerOfAttorney> query(db::Database& db, long long client, long long only_id) {
    std::vector<PowerOfAttorney> out;
    PowerOfAttorney p;
    long long id = 0, c = 0;
    std::string kind, for_msisdn;
    soci::indicator for_ind = soci::i_ok;
    db::Statement st = db.query(
        "SELECT id, client_id, kind, number, issued_on, valid_until, issued_by, issued_to, for_msisdn "
        "FROM power_of_attorney WHERE client_id = :c AND (:only = 0 OR id = :only2) ORDER BY id DESC",
        soci::use(client), soci::use(only_id), soci::use(only_id), soci::into(id), soci::into(c), soci::into(kind),
        soci::into(p.number), soci::into(p.issued_on), soci::into(p.valid_until), soci::into(p.issued_by),
        soci::into(p.issued_to), soci::into(for_msisdn, for_ind));
    st.execute();
    while (st.fetch()) {
        p.id = id;
        p.client_id = c;
        p.kind = power_of_attorney_kind_from_string(kind);
        p.for_msisdn = for_ind == soci::i_null ? std::string() : for_msisdn;
        out.push_back(p);
    }
    return out;
}

}  // namespace

PowerOfAttorney read_power_of_attorney(db::Database& db, std::int64_t client_id, std::int64_t id) {
    auto found = id ? query(db, client_id, id) : std::vector<PowerOfAttorney>{};
    if (found.empty())
        throw InputError("power_of_attorney", tr("Power of attorney"),
                         trf("the company has no power of attorney with number {1} on file", {std::to_string(id)}));
    return found.front();
}

std::vector<PowerOfAttorney> powers_of_attorney(db::Database& db, const Actor& actor, std::int64_t client_id) {
    require_corporate_reader(db, actor);
    return query(db, client_id, 0);
}

std::optional<PowerOfAttorney> valid_company_power_of_attorney(db::Database& db, std::int64_t client_id,
                                                               const std::string& today) {
    std::optional<PowerOfAttorney> best;
    for (auto& p : query(db, client_id, 0))
        if (p.for_msisdn.empty() && p.valid_on(today) && (!best || p.valid_until > best->valid_until)) best = p;
    return best;
}

}  // namespace salon::pos
