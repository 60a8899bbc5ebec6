#include "pos/core/organisation/Dealer.hpp"

#include "db/Database.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/identifiers/Inn.hpp"
#include "pos/core/identifiers/Kpp.hpp"
#include "pos/core/identifiers/Ogrn.hpp"
#include "pos/core/identifiers/Ogrnip.hpp"
#include "pos/core/organisation/Permission.hpp"

namespace salon::pos {

std::string_view to_string(DealerKind kind) {
    return kind == DealerKind::legal_entity ? "legal_entity" : "sole_proprietor";
}

DealerKind dealer_kind_from_string(std::string_view text) {
    if (text == "legal_entity") return DealerKind::legal_entity;
    if (text == "sole_proprietor") return DealerKind::sole_proprietor;
    throw InputError("kind", tr("Dealer kind"), tr("must be legal_entity or sole_proprietor"));
}

namespace {

Dealer validate(const DealerForm& form) {
    Dealer d;
    d.kind = form.kind;
    d.name = required_text("name", tr("Name"), form.name);
    if (form.kind == DealerKind::legal_entity) {
        d.inn = parse_input("inn", [&] { return Inn::parse_legal_entity(form.inn); }).str();
        d.ogrn = parse_input("ogrn", [&] { return Ogrn::parse(form.ogrn); }).str();
        d.kpp = parse_input("kpp", [&] { return Kpp::parse(form.kpp); }).str();
    } else {
        d.inn = parse_input("inn", [&] { return Inn::parse_individual(form.inn); }).str();
        d.ogrn = parse_input("ogrn", [&] { return Ogrnip::parse(form.ogrn); }).str();
        if (form.kpp.find_first_not_of(" \t") != std::string::npos)
            throw InputError("kpp", tr("KPP"), tr("a sole proprietor has no KPP"));
    }
    return d;
}

void refuse_taken(db::Database& db, const char* column, const char* input, const Text& field,
                  const std::string& value, std::int64_t id) {
    long long other = 0;
    soci::indicator ind = soci::i_null;
    // Bound values must outlive the statement, which runs at the end of the full expression.
    const long long own_id = id;
    db.sql() << "SELECT id FROM dealer WHERE " + std::string(column) + " = :v AND id <> :id",
        soci::use(value), soci::use(own_id), soci::into(other, ind);
    if (ind == soci::i_ok) throw InputError(input, field, tr("is already registered to another dealer"));
}

// Adds a validated dealer inside the caller's open WriteTransaction, with its audit entry.
std::int64_t insert_dealer(db::Database& db, const Actor& actor, const Dealer& d) {
    refuse_taken(db, "inn", "inn", tr("INN"), d.inn, 0);
    refuse_taken(db, "ogrn", "ogrn", d.kind == DealerKind::legal_entity ? tr("OGRN") : tr("OGRNIP"), d.ogrn, 0);
    const std::string kind(to_string(d.kind));
    soci::indicator kpp_ind = d.kpp.empty() ? soci::i_null : soci::i_ok;
    const long long now = db.now();
    const std::int64_t saved = db.insert(
        "INSERT INTO dealer (kind, name, inn, ogrn, kpp, created_at) "
        "VALUES (:kind, :name, :inn, :ogrn, :kpp, :now)",
        soci::use(kind), soci::use(d.name), soci::use(d.inn), soci::use(d.ogrn), soci::use(d.kpp, kpp_ind),
        soci::use(now));
    actor.record(db, "dealer.save", "dealer:" + std::to_string(saved), "added kind=" + kind);
    return saved;
}

void require_may_add_dealer(db::Database& db, const Actor& actor) {
    actor.require(db, Permission::administer_database);
    // Permissions are data: should a dealer's person ever be granted this one, he still edits only his own.
    if (!actor.is_head_office()) throw RefusedError(tr("Only head office registers dealers."));
}

}  // namespace

std::int64_t add_dealer_within(db::Database& db, const Actor& actor, const DealerForm& form) {
    require_may_add_dealer(db, actor);
    return insert_dealer(db, actor, validate(form));
}

std::int64_t save_dealer(db::Database& db, const Actor& actor, const DealerForm& form, std::int64_t id) {
    if (id == 0)
        require_may_add_dealer(db, actor);
    else
        actor.require(db, Permission::administer_database);
    const Dealer d = validate(form);
    db::WriteTransaction tx(db);
    if (id == 0) {
        const std::int64_t added = insert_dealer(db, actor, d);
        tx.commit();
        return added;
    }
    const Dealer before = get_dealer(db, actor, id);
    refuse_taken(db, "inn", "inn", tr("INN"), d.inn, id);
    refuse_taken(db, "ogrn", "ogrn", d.kind == DealerKind::legal_entity ? tr("OGRN") : tr("OGRNIP"), d.ogrn, id);
    const std::string kind(to_string(d.kind));
    soci::indicator kpp_ind = d.kpp.empty() ? soci::i_null : soci::i_ok;
    const long long saved = id;
    db.run(
        "UPDATE dealer SET kind = :kind, name = :name, inn = :inn, ogrn = :ogrn, kpp = :kpp "
        "WHERE id = :id",
        soci::use(kind), soci::use(d.name), soci::use(d.inn), soci::use(d.ogrn),
        soci::use(d.kpp, kpp_ind), soci::use(saved));
    // A sole proprietor's name and INN are personal data: the entry names the fields only.
    actor.record(db, "dealer.save", "dealer:" + std::to_string(saved),
                 changed_fields({{"kind", before.kind != d.kind},
                                 {"name", before.name != d.name},
                                 {"inn", before.inn != d.inn},
                                 {"ogrn", before.ogrn != d.ogrn},
                                 {"kpp", before.kpp != d.kpp}}));
    tx.commit();
    return saved;
}

namespace {
std::vector<Dealer> query_dealers(db::Database& db, const Actor& actor, long long only_id) {
    actor.confirm(db);
    const int all = actor.is_head_office() ? 1 : 0;
    const long long own = actor.dealer_id();
    std::vector<Dealer> out;
    Dealer d;
    long long id = 0;
    std::string kind, kpp;
    soci::indicator kpp_ind = soci::i_ok;
    db::Statement st = db.query(
        "SELECT id, kind, name, inn, ogrn, kpp FROM dealer "
        "WHERE (:only = 0 OR id = :only2) AND (:all = 1 OR id = :own) "
        "ORDER BY name, id",
        soci::use(only_id), soci::use(only_id), soci::use(all), soci::use(own), soci::into(id),
        soci::into(kind), soci::into(d.name), soci::into(d.inn), soci::into(d.ogrn),
        soci::into(kpp, kpp_ind));
    st.execute();
    while (st.fetch()) {
        d.id = id;
        d.kind = dealer_kind_from_string(kind);
        d.kpp = kpp_ind == soci::i_null ? std::string() : kpp;
        out.push_back(d);
    }
    return out;
}
}  // namespace

std::vector<Dealer> list_dealers(db::Database& db, const Actor& actor) { return query_dealers(db, actor, 0); }

Dealer get_dealer(db::Database& db, const Actor& actor, std::int64_t id) {
    auto found = query_dealers(db, actor, id);
    if (found.empty() || id == 0)
        throw ValidationError(tr("Dealer"), trf("no dealer with number {1}", {std::to_string(id)}));
    return found.front();
}

}  // namespace salon::pos
