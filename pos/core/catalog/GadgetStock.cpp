#include "pos/core/catalog/GadgetStock.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/identifiers/Imei.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/organisation/StaffMember.hpp"

#include <chrono>
#include <cstdio>
#include <set>

namespace salon::pos {

namespace {

constexpr int kMaxWarrantyMonths = 120;
constexpr int kMaxList = 100000;
constexpr std::size_t kMaxBatch = 10000;

Text imei_field() { return tr("IMEI"); }

bool on_hand(const std::string& status) { return status == kGadgetInStock || status == kGadgetReturned; }

bool is_known_status(const std::string& status) {
    return on_hand(status) || status == kGadgetSold || status == kGadgetWrittenOff;
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

const std::string kUnitColumns =
    "SELECT u.id, u.product_id, p.code, p.name, p.warranty_months, u.imei, u.imei2, u.salon_id, s.name, "
    "s.dealer_id, u.status, u.delivery_ref, u.received_at, u.updated_at FROM gadget_unit u "
    "JOIN product p ON p.id = u.product_id JOIN salon s ON s.id = u.salon_id ";

// One unit with its product and salon. The WHERE clause is a fixed text; the value is always bound.
enum class UnitKey { imei, id };
std::optional<GadgetUnit> load_unit(db::Database& db, UnitKey key, const std::string& imei, long long id,
                                    bool lock) {
    std::string sql = kUnitColumns;
    sql += key == UnitKey::imei ? "WHERE u.imei = :v OR u.imei2 = :v2" : "WHERE u.id = :v";
    // Two tills selling the same phone: the second waits for the first's commit, then sees it sold.
    if (lock && db.backend() == db::Backend::postgresql) sql += " FOR UPDATE OF u";
    GadgetUnit u;
    long long unit_id = 0, product = 0, salon = 0, dealer = 0, received = 0, updated = 0;
    std::string imei2;
    soci::indicator imei2_ind = soci::i_null;
    auto read = [&](auto&&... keys) {
        return db.run(sql, std::forward<decltype(keys)>(keys)..., soci::into(unit_id), soci::into(product),
                      soci::into(u.product_code), soci::into(u.product_name), soci::into(u.warranty_months),
                      soci::into(u.imei), soci::into(imei2, imei2_ind), soci::into(salon),
                      soci::into(u.salon_name), soci::into(dealer), soci::into(u.status),
                      soci::into(u.delivery_ref), soci::into(received), soci::into(updated));
    };
    const bool found = key == UnitKey::imei ? read(soci::use(imei), soci::use(imei)) : read(soci::use(id));
    if (!found) return std::nullopt;
    u.id = unit_id;
    u.product_id = product;
    u.imei2 = imei2_ind == soci::i_ok ? imei2 : std::string();
    u.salon_id = salon;
    u.dealer_id = dealer;
    u.received_at = received;
    u.updated_at = updated;
    return u;
}

void write_movement(db::Database& db, long long unit_id, long long at, long long staff_id, long long from_salon,
                    long long to_salon, const std::string& status, const std::string& reason) {
    soci::indicator staff_ind = staff_id ? soci::i_ok : soci::i_null;
    soci::indicator from_ind = from_salon ? soci::i_ok : soci::i_null;
    db.run(
        "INSERT INTO gadget_movement (gadget_unit_id, at, staff_id, from_salon, to_salon, status, reason) "
        "VALUES (:u, :at, :staff, :from, :to, :status, :reason)",
        soci::use(unit_id), soci::use(at), soci::use(staff_id, staff_ind), soci::use(from_salon, from_ind),
        soci::use(to_salon), soci::use(status), soci::use(reason));
}

// Why a unit that exists cannot be sold; empty Text when it can.
Text unavailable_reason(const std::string& status) {
    if (status == kGadgetSold) return tr("this device is already sold");
    if (status == kGadgetWrittenOff) return tr("this device is written off");
    return {};
}

struct ProductRow {
    long long id = 0;
    std::string kind, name;
    int tracked = 0, warranty = 0, active = 1;
};

std::optional<ProductRow> product_by_code(db::Database& db, const std::string& code) {
    ProductRow p;
    soci::indicator ind = soci::i_null;
    db.run("SELECT id, kind, name, serial_tracked, warranty_months, active FROM product WHERE code = :c",
           soci::use(code), soci::into(p.id, ind), soci::into(p.kind), soci::into(p.name), soci::into(p.tracked),
           soci::into(p.warranty), soci::into(p.active));
    if (ind != soci::i_ok) return std::nullopt;
    return p;
}

}  // namespace

Salon require_salon_stock_access(db::Database& db, const Actor& actor, std::int64_t salon_id) {
    const Salon salon = parse_input("salon", [&] { return get_salon(db, actor, salon_id); });
    if (actor.is_command_line()) return salon;
    const StaffMember& me = actor.member();
    if (works_in_salon(me.role)) {
        actor.require(db, Permission::sell);
        if (me.salon_id != salon.id) throw RefusedError(tr("You handle only your own salon's stock."));
    } else if (me.role == Role::dealer_manager) {
        actor.require(db, Permission::manage_staff);  // get_salon has kept him to his own dealer
    } else {
        actor.require(db, Permission::administer_database);
    }
    return salon;
}

GadgetTerms gadget_terms(db::Database& db, std::int64_t product_id) {
    GadgetTerms t;
    const long long id = product_id;
    int tracked = 0;
    db.run("SELECT serial_tracked, warranty_months FROM product WHERE id = :id", soci::use(id),
           soci::into(tracked), soci::into(t.warranty_months));
    t.serial_tracked = tracked != 0;
    return t;
}

void set_gadget_terms(db::Database& db, const Actor& actor, const std::string& product_code, bool serial_tracked,
                      int warranty_months) {
    if (warranty_months < 0 || warranty_months > kMaxWarrantyMonths)
        throw InputError("warranty_months", tr("Warranty, months"),
                         trf("must be from {1} to {2}", {"0", std::to_string(kMaxWarrantyMonths)}));
    db::WriteTransaction tx(db);
    actor.require(db, Permission::administer_database);
    const std::string code = trimmed(product_code);
    const auto product = product_by_code(db, code);
    if (!product) throw InputError("product", tr("Product"), trf("there is no product \"{1}\"", {code}));
    if (product->kind != "gadget")
        throw InputError("product", tr("Product"), trf("{1} is not a gadget", {product->name}));
    const int tracked = serial_tracked ? 1 : 0;
    const long long id = product->id;
    db.run("UPDATE product SET serial_tracked = :t, warranty_months = :w WHERE id = :id", soci::use(tracked),
           soci::use(warranty_months), soci::use(id));
    actor.record(db, "catalog.gadget_terms", "product:" + std::to_string(product->id),
                 "serial_tracked=" + std::to_string(tracked) + " warranty_months=" +
                     std::to_string(warranty_months));
    tx.commit();
}

int receive_gadgets(db::Database& db, const Actor& actor, std::int64_t salon_id, const std::string& delivery_ref,
                    const std::vector<GadgetIntake>& units) {
    const std::string delivery = required_text("delivery", tr("Delivery reference"), delivery_ref);
    if (units.empty()) throw InputError("imei", imei_field(), tr("no devices were given"));
    if (units.size() > kMaxBatch)
        throw InputError("imei", imei_field(),
                         trf("at most {1} devices are received at once", {std::to_string(kMaxBatch)}));
    // The IMEIs are read before the lock, as the sale does: no text is parsed while other tills wait.
    struct Checked {
        std::string imei, imei2, code;
    };
    std::vector<Checked> checked;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < units.size(); ++i) {
        const GadgetIntake& in = units[i];
        const std::string n = std::to_string(i + 1);
        auto named = [&](const char* input, const Text& field, const Text& reason) {
            return InputError(std::string("unit") + n + "." + input, trf("Unit {1}: {2}", {n, field.str()}),
                              reason);
        };
        Checked c;
        c.code = trimmed(in.product_code);
        if (c.code.empty()) throw named("product", tr("Product"), tr("must be chosen"));
        try {
            c.imei = Imei::parse(in.imei).str();
        } catch (const ValidationError& e) {
            throw named("imei", imei_field(), e.reason());
        }
        if (!trimmed(in.imei2).empty()) {
            try {
                c.imei2 = Imei::parse(in.imei2).str();
            } catch (const ValidationError& e) {
                throw named("imei2", tr("Second IMEI"), e.reason());
            }
            if (c.imei2 == c.imei) throw named("imei2", tr("Second IMEI"), tr("is the same as the first"));
        }
        for (const std::string* imei : {&c.imei, &c.imei2}) {
            if (imei->empty()) continue;
            if (!seen.insert(*imei).second)
                throw named(imei == &c.imei ? "imei" : "imei2", imei == &c.imei ? imei_field() : tr("Second IMEI"),
                            trf("{1} is given twice", {*imei}));
        }
        checked.push_back(std::move(c));
    }
    db::WriteTransaction tx(db);
    const Salon salon = require_salon_stock_access(db, actor, salon_id);
    if (!salon.active)
        throw RefusedError(trf("Salon «{1}» is closed: its stock cannot change.", {salon.name}));
    const long long now = db.now();
    const long long to_salon = salon.id;
    const long long staff = actor.staff_id();
    soci::indicator staff_ind = staff ? soci::i_ok : soci::i_null;
    const std::string status = kGadgetInStock;
    for (std::size_t i = 0; i < checked.size(); ++i) {
        const Checked& c = checked[i];
        const std::string n = std::to_string(i + 1);
        const auto product = product_by_code(db, c.code);
        if (!product || !product->active)
            throw InputError("unit" + n + ".product", trf("Unit {1}: {2}", {n, tr("Product").str()}),
                             trf("there is no product \"{1}\" on the catalog", {c.code}));
        if (product->kind != "gadget" || !product->tracked)
            throw InputError("unit" + n + ".product", trf("Unit {1}: {2}", {n, tr("Product").str()}),
                             trf("{1} is not sold by IMEI", {product->name}));
        for (const std::string* imei : {&c.imei, &c.imei2}) {
            if (imei->empty()) continue;
            if (const auto other = load_unit(db, UnitKey::imei, *imei, 0, false))
                throw InputError("unit" + n + (imei == &c.imei ? ".imei" : ".imei2"),
                                 trf("Unit {1}: {2}", {n, imei_field().str()}),
                                 trf("{1} is already in the stock records ({2}, salon «{3}»)",
                                     {*imei, other->product_name, other->salon_name}));
        }
        long long product_id = product->id;
        soci::indicator imei2_ind = c.imei2.empty() ? soci::i_null : soci::i_ok;
        const long long unit_id = db.insert(
            "INSERT INTO gadget_unit (product_id, imei, imei2, salon_id, status, delivery_ref, received_at, "
            "updated_at) VALUES (:p, :i, :i2, :s, :st, :d, :at, :at2)",
            soci::use(product_id), soci::use(c.imei), soci::use(c.imei2, imei2_ind), soci::use(to_salon),
            soci::use(status), soci::use(delivery), soci::use(now), soci::use(now));
        const std::string reason = "received";
        db.run(
            "INSERT INTO gadget_movement (gadget_unit_id, at, staff_id, from_salon, to_salon, status, reason) "
            "VALUES (:u, :at, :staff, NULL, :to, :st, :r)",
            soci::use(unit_id), soci::use(now), soci::use(staff, staff_ind), soci::use(to_salon),
            soci::use(status), soci::use(reason));
    }
    const int count = static_cast<int>(checked.size());
    actor.record(db, "gadget.receive", "salon:" + std::to_string(salon.id),
                 "count=" + std::to_string(count) + " delivery=" + delivery);
    tx.commit();
    return count;
}

std::optional<GadgetUnit> find_gadget(db::Database& db, const Actor& actor, const std::string& imei) {
    actor.confirm(db);
    const std::string digits = parse_input("imei", [&] { return Imei::parse(imei); }).str();
    auto unit = load_unit(db, UnitKey::imei, digits, 0, false);
    if (!unit || !actor.sees_dealer(unit->dealer_id)) return std::nullopt;
    return unit;
}

std::vector<GadgetUnit> list_gadgets(db::Database& db, const Actor& actor, std::int64_t salon_id,
                                     const std::string& status, int limit) {
    const Salon salon = parse_input("salon", [&] { return get_salon(db, actor, salon_id); });
    const std::string wanted = trimmed(status);
    if (!wanted.empty() && !is_known_status(wanted))
        throw InputError("status", tr("Status"), tr("must be in_stock, sold, returned or written_off"));
    if (limit < 1 || limit > kMaxList)
        throw InputError("limit", tr("Limit"), trf("must be from {1} to {2}", {"1", std::to_string(kMaxList)}));
    const long long id = salon.id;
    std::vector<GadgetUnit> out;
    // The fixed text differs only by the status condition; values are bound.
    std::string sql = kUnitColumns + "WHERE u.salon_id = :s AND (:all = 1 OR u.status = :st) ORDER BY u.id LIMIT :lim";
    const int all = wanted.empty() ? 1 : 0;
    GadgetUnit u;
    long long unit_id = 0, product = 0, salon_no = 0, dealer = 0, received = 0, updated = 0;
    std::string imei2;
    soci::indicator imei2_ind = soci::i_null;
    db::Statement st = db.query(sql, soci::use(id), soci::use(all), soci::use(wanted), soci::use(limit),
                                soci::into(unit_id), soci::into(product), soci::into(u.product_code),
                                soci::into(u.product_name), soci::into(u.warranty_months), soci::into(u.imei),
                                soci::into(imei2, imei2_ind), soci::into(salon_no), soci::into(u.salon_name),
                                soci::into(dealer), soci::into(u.status), soci::into(u.delivery_ref),
                                soci::into(received), soci::into(updated));
    st.execute();
    while (st.fetch()) {
        u.id = unit_id;
        u.product_id = product;
        u.imei2 = imei2_ind == soci::i_ok ? imei2 : std::string();
        u.salon_id = salon_no;
        u.dealer_id = dealer;
        u.received_at = received;
        u.updated_at = updated;
        out.push_back(u);
    }
    return out;
}

GadgetUnit take_gadget_for_sale(db::Database& db, std::int64_t salon_id, std::int64_t product_id,
                                const std::string& imei) {
    auto unit = load_unit(db, UnitKey::imei, imei, 0, true);
    if (!unit) throw InputError("imei", imei_field(), tr("no such device in the stock"));
    if (unit->product_id != product_id)
        throw InputError("imei", imei_field(), trf("this IMEI belongs to another product: {1}", {unit->product_name}));
    if (unit->salon_id != salon_id) {
        long long selling_dealer = 0;
        const long long selling_salon = salon_id;
        db.run("SELECT dealer_id FROM salon WHERE id = :id", soci::use(selling_salon), soci::into(selling_dealer));
        if (selling_dealer != unit->dealer_id)
            throw InputError("imei", imei_field(), tr("this device is another dealer's"));
        throw InputError("imei", imei_field(), trf("this device is in the stock of salon «{1}»", {unit->salon_name}));
    }
    if (const Text why_not = unavailable_reason(unit->status); !why_not.empty())
        throw InputError("imei", imei_field(), why_not);
    return *unit;
}

void set_gadget_status(db::Database& db, const GadgetUnit& unit, const std::string& status,
                       std::int64_t to_salon_id, std::int64_t staff_id, const std::string& reason) {
    if (!is_known_status(status))
        throw InputError("status", tr("Status"), tr("must be in_stock, sold, returned or written_off"));
    const long long now = db.now(), id = unit.id, to = to_salon_id;
    db.run("UPDATE gadget_unit SET status = :st, salon_id = :s, updated_at = :now WHERE id = :id",
           soci::use(status), soci::use(to), soci::use(now), soci::use(id));
    write_movement(db, id, now, staff_id, unit.salon_id, to, status, reason);
}

std::optional<GadgetUnit> gadget_by_id(db::Database& db, std::int64_t unit_id) {
    return load_unit(db, UnitKey::id, {}, unit_id, true);
}

CalendarDate warranty_end(const CalendarDate& sold_on, int months) {
    const int total = sold_on.year() * 12 + static_cast<int>(sold_on.month()) - 1 + months;
    const std::chrono::year y{total / 12};
    const std::chrono::month m{static_cast<unsigned>(total % 12 + 1)};
    const unsigned last = static_cast<unsigned>((y / m / std::chrono::last).day());
    const unsigned day = std::min(sold_on.day(), last);
    char text[48];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", total / 12, static_cast<unsigned>(m), day);
    return CalendarDate::parse(text, "warranty_until", tr("Warranty"));
}

std::string warranty_text(int months, const std::string& until_iso) {
    if (months <= 0 || until_iso.empty()) return {};
    const CalendarDate until = CalendarDate::parse(until_iso, "warranty_until", tr("Warranty"));
    return trf("Warranty {1} mo. until {2}", {std::to_string(months), until.display()}).str();
}

std::string gadget_status_title(const std::string& status) {
    if (status == kGadgetInStock) return tr("in stock").str();
    if (status == kGadgetSold) return tr("sold").str();
    if (status == kGadgetReturned) return tr("returned").str();
    if (status == kGadgetWrittenOff) return tr("written off").str();
    return status;
}

}  // namespace salon::pos
