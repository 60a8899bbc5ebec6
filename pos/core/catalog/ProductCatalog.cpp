#include "pos/core/catalog/ProductCatalog.hpp"

#include "db/Database.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/common/Money.hpp"
#include "pos/core/organisation/Permission.hpp"

#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <optional>
#include <regex>
#include <set>

namespace salon::pos {

namespace {

struct Version {
    long long id = 0;
    std::string from, to;  // to empty: open
    long long price = 0;
    std::string vat;
};

CalendarDate stored_date(const std::string& iso) {
    return CalendarDate::parse(iso, "valid_from", tr("Valid from"));
}

CalendarDate today(db::Database& db) { return CalendarDate::of_utc(db.now()); }

std::optional<Product> find_product(db::Database& db, const std::string& code, long long id) {
    Product p;
    long long found_id = 0;
    int active = 1;
    soci::indicator ind = soci::i_null;
    db.sql()
        << "SELECT id, code, name, kind, active FROM product WHERE (:id = 0 AND code = :code) OR id = :id2",
        soci::use(id), soci::use(code), soci::use(id), soci::into(found_id, ind), soci::into(p.code),
        soci::into(p.name), soci::into(p.kind), soci::into(active);
    if (ind != soci::i_ok) return std::nullopt;
    p.id = found_id;
    p.active = active != 0;
    return p;
}

Product existing_product(db::Database& db, const std::string& code) {
    auto p = find_product(db, code, 0);
    if (!p) throw InputError("code", tr("Product code"), trf("no product with code \"{1}\"", {code}));
    return *p;
}

// A product's versions, oldest first.
std::vector<Version> versions_of(db::Database& db, long long product_id) {
    std::vector<Version> out;
    Version v;
    std::string to;
    soci::indicator to_ind = soci::i_null;
    db::Statement st = db.query(
        "SELECT id, valid_from, valid_to, price, vat_code FROM product_version "
        "WHERE product_id = :p ORDER BY valid_from",
        soci::use(product_id), soci::into(v.id), soci::into(v.from), soci::into(to, to_ind),
        soci::into(v.price), soci::into(v.vat));
    st.execute();
    while (st.fetch()) {
        v.to = to_ind == soci::i_ok ? to : std::string();
        out.push_back(v);
    }
    return out;
}

const Version* version_on(const std::vector<Version>& versions, const std::string& on) {
    for (const auto& v : versions)
        if (v.from <= on && (v.to.empty() || v.to > on)) return &v;
    return nullptr;
}

Text product_field() { return tr("Product"); }

std::string quoted(const Product& p) { return "«" + p.name + "»"; }

PriceInForce price_of(db::Database& db, const Product& p, const CalendarDate& on) {
    if (!p.active)
        throw InputError("product", product_field(), trf("{1} is withdrawn from sale", {quoted(p)}));
    const auto versions = versions_of(db, p.id);
    const std::string day = on.iso();
    const Version* v = version_on(versions, day);
    if (!v) {
        for (const auto& later : versions)
            if (later.from > day)
                throw InputError(
                    "product", product_field(),
                    trf("{1} is on sale from {2}", {quoted(p), stored_date(later.from).display()}));
        if (!versions.empty() && !versions.back().to.empty())
            throw InputError("product", product_field(),
                             trf("the price of {1} ended on {2}",
                                 {quoted(p), stored_date(versions.back().to).plus_days(-1).display()}));
        throw InputError("product", product_field(), trf("{1} has no price", {quoted(p)}));
    }
    PriceInForce out;
    out.product_id = p.id;
    out.version_id = v->id;
    out.code = p.code;
    out.name = p.name;
    out.kind = p.kind;
    out.price = v->price;
    out.vat_code = v->vat;
    out.vat_basis_points = vat_basis_points(db, v->vat, on);
    out.valid_from = v->from;
    out.valid_to = v->to;
    return out;
}

void require_price(std::int64_t price) {
    if (price < 0) throw InputError("price", tr("Price"), tr("must not be negative"));
}

// Codes are what a price list and a barcode label carry: no spaces, nothing a CSV would need to quote.
std::string validate_code(const std::string& code) {
    const std::string trimmed = required_text("code", tr("Product code"), code);
    static const std::regex pattern(R"([A-Za-z0-9][A-Za-z0-9_.\-/]{0,39})");
    if (!std::regex_match(trimmed, pattern))
        throw InputError(
            "code", tr("Product code"),
            tr("use up to 40 Latin letters, digits and the signs - _ . /, starting with a letter or digit"));
    return trimmed;
}

std::string validate_name(const std::string& name) {
    const std::string trimmed = required_text("name", tr("Name"), name);
    if (trimmed.size() > 200) throw InputError("name", tr("Name"), tr("must be at most 200 characters"));
    return trimmed;
}

// A price starts today or later, so no sale already made can find a different price for its date.
void require_not_past(const CalendarDate& now, const CalendarDate& from) {
    if (from < now)
        throw InputError(
            "valid_from", tr("Valid from"),
            trf("{1} is in the past: a new price starts today ({2}) or later, so past sales keep theirs",
                {from.display(), now.display()}));
}

void require_after_latest(const Product& p, const std::vector<Version>& versions, const CalendarDate& from) {
    if (!versions.empty() && from.iso() <= versions.back().from)
        throw InputError("valid_from", tr("Valid from"),
                         trf("must be after {1}, when the latest price of {2} starts",
                             {stored_date(versions.back().from).display(), quoted(p)}));
}

long long insert_product(db::Database& db, const std::string& code, const std::string& name,
                         const std::string& kind) {
    const long long id = db.insert("INSERT INTO product (code, name, kind, active) VALUES (:c, :n, :k, 1)",
                                   soci::use(code), soci::use(name), soci::use(kind));
    return id;
}

// Adds a version from `from`, ending the latest one that day if it runs past it.
long long insert_version(db::Database& db, long long product_id, const std::vector<Version>& versions,
                         const std::string& from, long long price, const std::string& vat) {
    if (!versions.empty()) {
        const long long latest = versions.back().id;
        db.run(
            "UPDATE product_version SET valid_to = :f WHERE id = :id AND (valid_to IS NULL OR "
            "valid_to > :f2)",
            soci::use(from), soci::use(latest), soci::use(from));
    }
    return db.insert(
        "INSERT INTO product_version (product_id, valid_from, price, vat_code) VALUES (:p, :f, :price, :v)",
        soci::use(product_id), soci::use(from), soci::use(price), soci::use(vat));
}

std::string audit_price(const std::string& from, long long price, const std::string& vat) {
    return "from=" + from + " price=" + std::to_string(price) + " vat=" + vat;
}

std::string lower(const std::string& s) {
    std::string out;
    icu::UnicodeString::fromUTF8(s).toLower().toUTF8String(out);
    return out;
}

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

const std::vector<std::string>& product_kinds() {
    static const std::vector<std::string> kinds{"service", "gadget", "accessory", "sim"};
    return kinds;
}

std::string validate_product_kind(const std::string& kind) {
    const auto& kinds = product_kinds();
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end())
        throw InputError("kind", tr("Kind"), tr("must be service, gadget, accessory or sim"));
    return kind;
}

PriceInForce price_in_force(db::Database& db, std::int64_t product_id, const CalendarDate& on) {
    auto p = find_product(db, {}, product_id);
    if (!p || product_id == 0)
        throw InputError("product", product_field(),
                         trf("no product with number {1}", {std::to_string(product_id)}));
    return price_of(db, *p, on);
}

PriceInForce price_in_force(db::Database& db, const std::string& code, const CalendarDate& on) {
    auto p = find_product(db, code, 0);
    if (!p) throw InputError("product", product_field(), trf("no product with code \"{1}\"", {code}));
    return price_of(db, *p, on);
}

namespace {

// Each product with its VAT rate in force that day, in one read. One kind is read through the
// (kind, name, code) index, in its order: a sale that needs the SIM card's price reads that one product,
// not the whole catalog (R-TAR-2's versions are picked by the date, as for every product).
const std::string& on_sale_query(bool one_kind) {
    static const std::string head =
        "SELECT p.id, v.id, p.code, p.name, p.kind, v.price, v.vat_code, v.valid_from, v.valid_to, "
        "r.basis_points FROM product p JOIN product_version v ON v.product_id = p.id "
        "LEFT JOIN vat_rate r ON r.code = v.vat_code AND r.valid_from <= :on3 "
        "AND (r.valid_to IS NULL OR r.valid_to > :on4) "
        "WHERE p.active = 1 AND v.valid_from <= :on AND (v.valid_to IS NULL OR v.valid_to > :on2) ";
    static const std::string all = head + "ORDER BY p.kind, p.name, p.code";
    static const std::string kind = head + "AND p.kind = :kind ORDER BY p.name, p.code";
    return one_kind ? kind : all;
}

}  // namespace

namespace {
db::Read on_sale_read(const CalendarDate& on, const std::string& kind) {
    const std::string day = on.iso();
    db::Read read{on_sale_query(!kind.empty()), {day, day, day, day}};
    if (!kind.empty()) read.params.emplace_back(kind);  // the kind, when one is asked for, binds last
    return read;
}
}  // namespace

void announce_products_on_sale(db::Database& db, const CalendarDate& on, const std::string& kind) {
    if (db.reads_ahead()) db.read_ahead(on_sale_read(on, kind));
}

std::vector<PriceInForce> products_on_sale(db::Database& db, const CalendarDate& on,
                                           const std::string& kind) {
    if (!kind.empty()) validate_product_kind(kind);
    std::vector<PriceInForce> out;
    for (const db::TextRow& row : db.read_rows(on_sale_read(on, kind))) {
        PriceInForce& r = out.emplace_back();
        r.product_id = db::row_integer(row, 0);
        r.version_id = db::row_integer(row, 1);
        r.code = db::row_text(row, 2);
        r.name = db::row_text(row, 3);
        r.kind = db::row_text(row, 4);
        r.price = db::row_integer(row, 5);
        r.vat_code = db::row_text(row, 6);
        r.valid_from = db::row_text(row, 7);
        r.valid_to = db::row_text(row, 8);
        r.vat_basis_points = db::row_null(row, 9) ? -1 : static_cast<int>(db::row_integer(row, 9));
    }
    for (const auto& p : out)
        if (p.vat_basis_points < 0) vat_basis_points(db, p.vat_code, on);  // refuses, naming the rate
    return out;
}

int vat_basis_points(db::Database& db, const std::string& vat_code, const CalendarDate& on) {
    const std::string day = on.iso();
    int bp = 0;
    soci::indicator ind = soci::i_null;
    db.run(
        "SELECT basis_points FROM vat_rate WHERE code = :c AND valid_from <= :on "
        "AND (valid_to IS NULL OR valid_to > :on2)",
        soci::use(vat_code), soci::use(day), soci::use(day), soci::into(bp, ind));
    if (ind != soci::i_ok)
        throw InputError("vat", tr("VAT"),
                         trf("no VAT rate \"{1}\" is in force on {2}", {vat_code, on.display()}));
    return bp;
}

std::vector<VatRate> vat_rates_in_force(db::Database& db, const CalendarDate& on) {
    const std::string day = on.iso();
    std::vector<VatRate> out;
    VatRate r;
    std::string to;
    soci::indicator to_ind = soci::i_null;
    db::Statement st = db.query(
        "SELECT code, basis_points, valid_from, valid_to FROM vat_rate "
        "WHERE valid_from <= :on AND (valid_to IS NULL OR valid_to > :on2) "
        "ORDER BY code",
        soci::use(day), soci::use(day), soci::into(r.code), soci::into(r.basis_points),
        soci::into(r.valid_from), soci::into(to, to_ind));
    st.execute();
    while (st.fetch()) {
        r.valid_to = to_ind == soci::i_ok ? to : std::string();
        out.push_back(r);
    }
    return out;
}

std::int64_t vat_included(std::int64_t amount, int basis_points) {
    // 128-bit so that no amount a till can hold overflows the product.
    const __int128 numerator = static_cast<__int128>(amount) * basis_points;
    const __int128 denominator = 10000 + basis_points;
    __int128 vat = numerator / denominator;
    const __int128 rest = numerator % denominator;
    if (rest * 2 >= denominator)
        ++vat;
    else if (rest * 2 <= -denominator)
        --vat;
    return static_cast<std::int64_t>(vat);
}

std::string vat_percent(int basis_points) {
    std::string out = std::to_string(basis_points / 100);
    if (const int rest = basis_points % 100; rest != 0) {
        std::string fraction = (rest < 10 ? "0" : "") + std::to_string(rest);
        if (fraction.back() == '0') fraction.pop_back();
        out += "." + fraction;
    }
    return out + "%";
}

std::int64_t add_product(db::Database& db, const Actor& actor, const std::string& code,
                         const std::string& name, const std::string& kind, const CalendarDate& valid_from,
                         std::int64_t price, const std::string& vat_code) {
    actor.require(db, Permission::administer_database);
    const std::string c = validate_code(code);
    const std::string n = validate_name(name);
    const std::string k = validate_product_kind(kind);
    require_price(price);
    db::WriteTransaction tx(db);
    require_not_past(today(db), valid_from);
    vat_basis_points(db, vat_code, valid_from);
    if (find_product(db, c, 0)) throw InputError("code", tr("Product code"), tr("is already in the catalog"));
    const long long id = insert_product(db, c, n, k);
    insert_version(db, id, {}, valid_from.iso(), price, vat_code);
    actor.record(db, "product.add", "product:" + std::to_string(id),
                 "code=" + c + " kind=" + k + " " + audit_price(valid_from.iso(), price, vat_code));
    tx.commit();
    return id;
}

void set_price(db::Database& db, const Actor& actor, const std::string& code, const CalendarDate& valid_from,
               std::int64_t price, const std::string& vat_code) {
    actor.require(db, Permission::administer_database);
    require_price(price);
    db::WriteTransaction tx(db);
    const Product p = existing_product(db, trim(code));
    const auto versions = versions_of(db, p.id);
    require_not_past(today(db), valid_from);
    require_after_latest(p, versions, valid_from);
    std::string vat = trim(vat_code);
    if (vat.empty()) vat = versions.empty() ? "standard" : versions.back().vat;
    vat_basis_points(db, vat, valid_from);
    insert_version(db, p.id, versions, valid_from.iso(), price, vat);
    actor.record(db, "product.price", "product:" + std::to_string(p.id),
                 "code=" + p.code + " " + audit_price(valid_from.iso(), price, vat));
    tx.commit();
}

void end_sale(db::Database& db, const Actor& actor, const std::string& code, const CalendarDate& from) {
    actor.require(db, Permission::administer_database);
    db::WriteTransaction tx(db);
    const Product p = existing_product(db, trim(code));
    const auto versions = versions_of(db, p.id);
    require_not_past(today(db), from);
    if (versions.empty() || (!versions.back().to.empty() && versions.back().to <= from.iso()))
        throw InputError("valid_from", tr("Valid from"),
                         trf("{1} is not on sale by then already", {quoted(p)}));
    require_after_latest(p, versions, from);
    const std::string to = from.iso();
    const long long version_id = versions.back().id;
    db.run("UPDATE product_version SET valid_to = :f WHERE id = :id", soci::use(to), soci::use(version_id));
    actor.record(db, "product.end", "product:" + std::to_string(p.id),
                 "code=" + p.code + " to=" + from.iso());
    tx.commit();
}

void set_product_active(db::Database& db, const Actor& actor, const std::string& code, bool active) {
    actor.require(db, Permission::administer_database);
    db::WriteTransaction tx(db);
    const Product p = existing_product(db, trim(code));
    const int value = active ? 1 : 0;
    const long long id = p.id;
    db.run("UPDATE product SET active = :a WHERE id = :id", soci::use(value), soci::use(id));
    actor.record(db, "product.active", "product:" + std::to_string(p.id),
                 "code=" + p.code + " active=" + std::to_string(value));
    tx.commit();
}

std::vector<Product> list_products(db::Database& db) {
    std::vector<Product> out;
    Product p;
    long long id = 0;
    int active = 1;
    db::Statement st =
        db.query("SELECT id, code, name, kind, active FROM product ORDER BY code", soci::into(id),
                 soci::into(p.code), soci::into(p.name), soci::into(p.kind), soci::into(active));
    st.execute();
    while (st.fetch()) {
        p.id = id;
        p.active = active != 0;
        out.push_back(p);
    }
    return out;
}

// ---- the price list ----

namespace {

std::string kind_from_list(const std::string& text) {
    static const std::map<std::string, std::string> aliases{
        {"service", "service"},     {"услуга", "service"},      {"опция", "service"},
        {"gadget", "gadget"},       {"гаджет", "gadget"},       {"устройство", "gadget"},
        {"accessory", "accessory"}, {"аксессуар", "accessory"}, {"sim", "sim"},
        {"sim-карта", "sim"},       {"сим-карта", "sim"},       {"сим", "sim"}};
    const auto it = aliases.find(lower(text));
    return it == aliases.end() ? std::string() : it->second;
}

// The catalog as the import checks it: read once, so a list of thousands of rows costs three queries
// rather than several round trips per row (a PostgreSQL server may be far from the head office).
struct CatalogSnapshot {
    std::map<std::string, Product> products;             // by code
    std::map<long long, std::vector<Version>> versions;  // by product id, oldest first
    std::vector<VatRate> vat;                            // every rate, in force or not

    explicit CatalogSnapshot(db::Database& db) {
        for (auto& p : list_products(db)) products.emplace(p.code, p);
        Version v;
        long long product_id = 0;
        std::string to;
        soci::indicator to_ind = soci::i_null;
        db::Statement st = db.query(
            "SELECT product_id, id, valid_from, valid_to, price, vat_code FROM product_version "
            "ORDER BY product_id, valid_from",
            soci::into(product_id), soci::into(v.id), soci::into(v.from), soci::into(to, to_ind),
            soci::into(v.price), soci::into(v.vat));
        st.execute();
        while (st.fetch()) {
            v.to = to_ind == soci::i_ok ? to : std::string();
            versions[product_id].push_back(v);
        }
        VatRate r;
        db::Statement rates =
            db.query("SELECT code, basis_points, valid_from, valid_to FROM vat_rate", soci::into(r.code),
                     soci::into(r.basis_points), soci::into(r.valid_from), soci::into(to, to_ind));
        rates.execute();
        while (rates.fetch()) {
            r.valid_to = to_ind == soci::i_ok ? to : std::string();
            vat.push_back(r);
        }
    }

    const Product* product(const std::string& code) const {
        const auto it = products.find(code);
        return it == products.end() ? nullptr : &it->second;
    }
    const std::vector<Version>& versions_of(long long product_id) const {
        static const std::vector<Version> none;
        const auto it = versions.find(product_id);
        return it == versions.end() ? none : it->second;
    }
    const VatRate* rate(const std::string& code, const std::string& day) const {
        for (const auto& r : vat)
            if (r.code == code && r.valid_from <= day && (r.valid_to.empty() || r.valid_to > day)) return &r;
        return nullptr;
    }
};

// The VAT column as written: a rate code (standard, none), "без НДС", or a percentage ("22%", "22").
// Empty means standard. Read before the catalog is, so no text is parsed inside the import's transaction.
struct VatInList {
    std::string text;  // as written
    std::string code;  // a rate code; empty for a percentage
    int basis_points = -1;
};

VatInList read_vat(const std::string& text) {
    VatInList v{text, lower(trim(text)), -1};
    if (v.code.empty()) v.code = "standard";
    if (v.code == "без ндс" || v.code == "без ндс." || v.code == "нет") v.code = "none";
    static const std::regex percent(R"((\d{1,3})(?:[.,](\d{1,2}))?\s*%?)");
    std::smatch m;
    if (std::regex_match(v.code, m, percent)) {
        std::string fraction = m[2].str();
        fraction.resize(2, '0');
        v.basis_points = std::stoi(m[1].str()) * 100 + std::stoi(fraction);
        v.code.clear();
    }
    return v;
}

// The rate the VAT column names, matched against the rates in force on the row's date. Returns the code,
// or throws InputError.
std::string vat_from_list(const CatalogSnapshot& catalog, const VatInList& vat, const CalendarDate& on) {
    const std::string day = on.iso();
    if (vat.basis_points >= 0) {
        for (const auto& r : catalog.vat)
            if (r.basis_points == vat.basis_points && catalog.rate(r.code, day) == &r) return r.code;
        throw InputError("vat", tr("VAT"),
                         trf("no VAT rate of {1} is in force on {2}", {vat_percent(vat.basis_points), on.display()}));
    }
    const bool known = std::any_of(catalog.vat.begin(), catalog.vat.end(),
                                   [&](const VatRate& r) { return r.code == vat.code; });
    if (!known)
        throw InputError("vat", tr("VAT"),
                         trf("\"{1}\" is not a VAT rate: write standard, none or a percentage", {vat.text}));
    if (!catalog.rate(vat.code, day))
        throw InputError("vat", tr("VAT"), trf("no VAT rate \"{1}\" is in force on {2}", {vat.code, on.display()}));
    return vat.code;
}

// A row's values read from its text, each one or the reason it cannot be read: everything of a row that
// needs no catalog, done before the import's transaction opens.
struct ReadPriceRow {
    int row = 0;
    std::string code, name, kind;
    std::optional<ValidationError> code_problem, price_problem, from_problem, name_problem;
    std::int64_t price = 0;
    std::optional<CalendarDate> from;
    VatInList vat;
    bool kind_given = false, name_given = false;
};

std::vector<ReadPriceRow> read_price_rows(const std::vector<PriceRow>& rows) {
    std::vector<ReadPriceRow> out;
    out.reserve(rows.size());
    for (const auto& row : rows) {
        ReadPriceRow r;
        r.row = row.row;
        try {
            r.code = validate_code(row.code);
        } catch (const ValidationError& e) {
            r.code_problem = e;
        }
        try {
            r.price = Money::parse(row.price).kopecks();
            require_price(r.price);
        } catch (const ValidationError& e) {
            r.price_problem = e;
        }
        try {
            r.from = CalendarDate::parse(row.valid_from, "valid_from", tr("Valid from"));
        } catch (const ValidationError& e) {
            r.from_problem = e;
        }
        r.vat = read_vat(row.vat_code);
        r.kind_given = !trim(row.kind).empty();
        r.kind = r.kind_given ? kind_from_list(trim(row.kind)) : std::string();
        r.name_given = !trim(row.name).empty();
        if (r.name_given) {
            try {
                r.name = validate_name(row.name);
            } catch (const ValidationError& e) {
                r.name_problem = e;
            }
        }
        out.push_back(std::move(r));
    }
    return out;
}

// Every row checked against the catalog as it is now; shared by the preview and the import itself (which
// runs it again inside its transaction, so what it applies is what it checked).
PriceImportPreview plan_price_list(db::Database& db, const std::vector<ReadPriceRow>& rows) {
    PriceImportPreview out;
    const CalendarDate now = today(db);
    const CatalogSnapshot catalog(db);
    std::map<std::string, int> seen;  // code -> first row
    for (const auto& row : rows) {
        std::vector<PriceRowProblem> problems;
        auto problem = [&](const char* column, const Text& message) {
            problems.push_back({row.row, column, message.str()});
        };
        auto problem_from = [&](const char* column, const ValidationError& e) {
            problems.push_back({row.row, column, e.reason().empty() ? e.message() : e.reason().str()});
        };
        PriceRowPlan plan;
        plan.row = row.row;
        const Product* existing = nullptr;
        if (row.code_problem) {
            problem_from("code", *row.code_problem);
        } else {
            plan.code = row.code;
            if (auto [it, added] = seen.emplace(plan.code, row.row); !added)
                problem("code", trf("{1} is already in row {2}", {plan.code, std::to_string(it->second)}));
            existing = catalog.product(plan.code);
        }
        const bool priced = !row.price_problem;
        if (priced)
            plan.price = row.price;
        else
            problem_from("price", *row.price_problem);
        const std::optional<CalendarDate>& from = row.from;
        if (from)
            plan.valid_from = from->iso();
        else
            problem_from("valid_from", *row.from_problem);
        if (from) {
            try {
                plan.vat_code = vat_from_list(catalog, row.vat, *from);
            } catch (const ValidationError& e) {
                problem_from("vat", e);
            }
        }
        const std::string& kind = row.kind;
        if (row.kind_given && kind.empty()) problem("kind", tr("must be service, gadget, accessory or sim"));

        if (existing) {
            plan.name = existing->name;
            plan.kind = existing->kind;
            if (!kind.empty() && kind != existing->kind)
                problem("kind", trf("{1} is a {2} in the catalog: a product's kind does not change",
                                    {plan.code, existing->kind}));
            if (problems.empty() && priced && from) {
                const auto& versions = catalog.versions_of(existing->id);
                const Version* current = version_on(versions, plan.valid_from);
                if (current && current->price == plan.price && current->vat == plan.vat_code) {
                    plan.action = PriceRowAction::unchanged;
                } else {
                    plan.action = PriceRowAction::new_price;
                    plan.previous_price = current ? current->price : -1;
                    try {
                        require_not_past(now, *from);
                        require_after_latest(*existing, versions, *from);
                    } catch (const ValidationError& e) {
                        problem_from("valid_from", e);
                    }
                }
            }
        } else if (!plan.code.empty()) {
            plan.action = PriceRowAction::new_product;
            if (!row.name_given)
                problem("name", tr("a new product needs a name"));
            else if (row.name_problem)
                problem_from("name", *row.name_problem);
            else
                plan.name = row.name;
            if (!row.kind_given) problem("kind", tr("a new product needs a kind"));
            plan.kind = kind;
            if (from && *from < now) {
                try {
                    require_not_past(now, *from);
                } catch (const ValidationError& e) {
                    problem_from("valid_from", e);
                }
            }
        }
        if (problems.empty())
            out.rows.push_back(plan);
        else
            out.problems.insert(out.problems.end(), problems.begin(), problems.end());
    }
    return out;
}

}  // namespace

std::string price_column_title(const std::string& column) {
    if (column == "code") return tr("Product code").str();
    if (column == "name") return tr("Name").str();
    if (column == "kind") return tr("Kind").str();
    if (column == "price") return tr("Price").str();
    if (column == "vat") return tr("VAT").str();
    if (column == "valid_from") return tr("Valid from").str();
    return column;
}

PriceImportPreview preview_price_list(db::Database& db, const Actor& actor,
                                      const std::vector<PriceRow>& rows) {
    actor.require(db, Permission::administer_database);
    return plan_price_list(db, read_price_rows(rows));
}

PriceImportPreview apply_price_list(db::Database& db, const Actor& actor, const std::vector<PriceRow>& rows) {
    actor.require(db, Permission::administer_database);
    // The file's text is read into values before the transaction: other tills wait only for the catalog.
    const std::vector<ReadPriceRow> read = read_price_rows(rows);
    db::WriteTransaction tx(db);
    const PriceImportPreview plan = plan_price_list(db, read);
    if (!plan.ok()) {
        const auto& first = plan.problems.front();
        throw ValidationError(tr("Price list"),
                              trf("row {1}, column {2}: {3} ({4} problems in all); nothing was saved",
                                  {std::to_string(first.row), first.column, first.message,
                                   std::to_string(plan.problems.size())}));
    }
    for (const auto& r : plan.rows) {
        const std::string details = "code=" + r.code + " row=" + std::to_string(r.row) + " " +
                                    audit_price(r.valid_from, r.price, r.vat_code);
        if (r.action == PriceRowAction::new_product) {
            const long long id = insert_product(db, r.code, r.name, r.kind);
            insert_version(db, id, {}, r.valid_from, r.price, r.vat_code);
            actor.record(db, "product.add", "product:" + std::to_string(id),
                         details + " kind=" + r.kind + " import");
        } else if (r.action == PriceRowAction::new_price) {
            const Product p = existing_product(db, r.code);
            insert_version(db, p.id, versions_of(db, p.id), r.valid_from, r.price, r.vat_code);
            actor.record(db, "product.price", "product:" + std::to_string(p.id), details + " import");
        }
    }
    tx.commit();
    return plan;
}

void seed_demo_products(db::Database& db) {
    struct DemoProduct {
        const char* code;
        const char* name;
        const char* kind;
        long long price;
    };
    static const DemoProduct products[] = {
        {"svc-messengers", "Безлимитные мессенджеры", "service", 9900},
        {"svc-antispam", "Антиспам", "service", 6000},
        {"svc-who-called", "Кто звонил+", "service", 5000},
        {"svc-parental", "Родительский контроль", "service", 9900},
        {"svc-watch-esim", "Второй номер на часах (eSIM)", "service", 30000},
        {"svc-ringback", "Мелодия вместо гудка", "service", 4500},
        {"gad-router-4g", "4G-роутер с Wi-Fi", "gadget", 399000},
        {"gad-smartwatch", "Смарт-часы с eSIM", "gadget", 1299000},
        {"gad-phone-basic", "Смартфон 6,5\" 4/64 ГБ", "gadget", 749000},
        {"acc-case", "Чехол-книжка для смартфона", "accessory", 89000},
        {"acc-glass", "Защитное стекло", "accessory", 59000},
        {"acc-charger", "Зарядное устройство USB-C 20 Вт", "accessory", 129000},
        {"sim", "SIM-карта", "sim", 10000},
    };
    db::WriteTransaction tx(db);
    for (const auto& p : products) {
        if (find_product(db, p.code, 0)) continue;
        const long long id = insert_product(db, p.code, p.name, p.kind);
        insert_version(db, id, {}, "2026-01-01", p.price, "standard");
    }
    tx.commit();
}

}  // namespace salon::pos
