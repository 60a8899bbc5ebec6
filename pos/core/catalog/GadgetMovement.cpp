#include "pos/core/catalog/GadgetMovement.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/identifiers/Imei.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/organisation/Salon.hpp"

namespace salon::pos {

namespace {

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

std::string imei_digits(const std::string& imei) {
    return parse_input("imei", [&] { return Imei::parse(imei); }).str();
}

// The unit, if the actor sees its dealer; InputError("imei") otherwise (another dealer's unit is not found).
GadgetUnit visible_unit(db::Database& db, const Actor& actor, const std::string& digits) {
    const auto unit = find_gadget(db, actor, digits);
    if (!unit) throw InputError("imei", tr("IMEI"), trf("no device with IMEI {1} in the stock", {digits}));
    return *unit;
}

const std::string kMovedPrefix = std::string(kGadgetMovedReason) + ": ";

// The kind of a movement, from what its writers record: a receipt has no salon it came from; a move, a
// stocktake, a sale and a refund write their own reasons ("moved", "stocktake N: ...", "sale line N",
// "refund N", see GadgetStock, Stocktake and Sale).
GadgetEventKind kind_of(long long from_salon, const std::string& status, const std::string& reason) {
    if (from_salon == 0) return GadgetEventKind::received;
    if (reason == kGadgetMovedReason || starts_with(reason, kMovedPrefix)) return GadgetEventKind::moved;
    if (starts_with(reason, "stocktake "))
        return status == kGadgetWrittenOff ? GadgetEventKind::stocktake_missing : GadgetEventKind::stocktake_surplus;
    if (status == kGadgetSold && starts_with(reason, "sale line ")) return GadgetEventKind::sold;
    if (status == kGadgetReturned && starts_with(reason, "refund ")) return GadgetEventKind::refunded;
    return GadgetEventKind::changed;
}

// The number after `prefix` in a recorded reason ("sale line 42" -> 42), 0 when there is none.
long long number_after(const std::string& reason, const std::string& prefix) {
    if (!starts_with(reason, prefix)) return 0;
    try {
        std::size_t used = 0;
        const long long n = std::stoll(reason.substr(prefix.size()), &used);
        return used == reason.size() - prefix.size() ? n : 0;
    } catch (const std::exception&) {
        return 0;
    }
}

// The receipt a sale's or a refund's movement names.
std::int64_t receipt_of(db::Database& db, GadgetEventKind kind, const std::string& reason) {
    long long receipt = 0;
    soci::indicator ind = soci::i_null;
    if (kind == GadgetEventKind::sold) {
        const long long line = number_after(reason, "sale line ");
        if (line == 0) return 0;
        db.run("SELECT s.receipt_number FROM sale_line l JOIN sale s ON s.id = l.sale_id WHERE l.id = :l",
               soci::use(line), soci::into(receipt, ind));
    } else if (kind == GadgetEventKind::refunded) {
        const long long sale = number_after(reason, "refund ");
        if (sale == 0) return 0;
        db.run("SELECT receipt_number FROM sale WHERE id = :s", soci::use(sale), soci::into(receipt, ind));
    }
    return ind == soci::i_ok ? receipt : 0;
}

}  // namespace

GadgetUnit move_gadget(db::Database& db, const Actor& actor, const std::string& imei, std::int64_t to_salon_id,
                       const std::string& reason) {
    // The IMEI is read before the lock, as the sale does.
    const std::string digits = imei_digits(imei);
    const std::string why = trimmed(reason);
    db::WriteTransaction tx(db);
    actor.require(db, Permission::move_gadgets);
    const GadgetUnit seen = visible_unit(db, actor, digits);
    // Locked on PostgreSQL: a till selling the same phone waits for the move, then finds it elsewhere.
    const auto unit = gadget_by_id(db, seen.id);
    if (!unit) throw InputError("imei", tr("IMEI"), trf("no device with IMEI {1} in the stock", {digits}));
    require_salon_stock_access(db, actor, unit->salon_id);
    if (unit->status == kGadgetSold)
        throw InputError("imei", tr("IMEI"), tr("this device is sold: a sold device does not move"));
    if (unit->status == kGadgetWrittenOff)
        throw InputError("imei", tr("IMEI"), tr("this device is written off"));
    const Salon to = parse_input("to_salon", [&] { return get_salon(db, actor, to_salon_id); });
    if (to.id == unit->salon_id)
        throw InputError("to_salon", tr("To the salon"), trf("the device is already in salon «{1}»", {to.name}));
    // Stock is the dealer's: not even head office moves a device to another dealer's salon.
    if (to.dealer_id != unit->dealer_id)
        throw RefusedError(tr("Gadgets move only between salons of the same dealer."));
    if (!to.active) throw RefusedError(trf("Salon «{1}» is closed: its stock cannot change.", {to.name}));
    set_gadget_status(db, *unit, unit->status, to.id, actor.staff_id(),
                      why.empty() ? std::string(kGadgetMovedReason) : kMovedPrefix + why);
    actor.record(db, "gadget.move", "gadget_unit:" + std::to_string(unit->id),
                 "imei=" + unit->imei + " from=salon:" + std::to_string(unit->salon_id) +
                     " to=salon:" + std::to_string(to.id));
    tx.commit();
    GadgetUnit moved = *unit;
    moved.salon_id = to.id;
    moved.salon_name = to.name;
    return moved;
}

std::string to_string(GadgetEventKind kind) {
    switch (kind) {
    case GadgetEventKind::received: return "received";
    case GadgetEventKind::moved: return "moved";
    case GadgetEventKind::sold: return "sold";
    case GadgetEventKind::refunded: return "refunded";
    case GadgetEventKind::stocktake_missing: return "stocktake_missing";
    case GadgetEventKind::stocktake_surplus: return "stocktake_surplus";
    case GadgetEventKind::changed: return "changed";
    }
    return "changed";
}

std::string gadget_event_title(GadgetEventKind kind) {
    switch (kind) {
    case GadgetEventKind::received: return tr("delivery").str();
    case GadgetEventKind::moved: return tr("move").str();
    case GadgetEventKind::sold: return tr("sale").str();
    case GadgetEventKind::refunded: return tr("refund").str();
    case GadgetEventKind::stocktake_missing: return tr("stocktake: missing, written off").str();
    case GadgetEventKind::stocktake_surplus: return tr("stocktake: surplus, written in").str();
    case GadgetEventKind::changed: return tr("status change").str();
    }
    return {};
}

GadgetHistory gadget_history(db::Database& db, const Actor& actor, const std::string& imei) {
    const std::string digits = imei_digits(imei);
    GadgetHistory history;
    history.unit = visible_unit(db, actor, digits);
    const long long unit_id = history.unit.id;
    long long at = 0, from = 0, to = 0;
    std::string status, reason, from_name, to_name, login, name;
    db::Statement st = db.query(
        "SELECT m.at, m.status, m.reason, COALESCE(m.from_salon, 0), COALESCE(f.name, ''), COALESCE(m.to_salon, 0), "
        "COALESCE(t.name, ''), COALESCE(p.login, ''), COALESCE(p.full_name, '') FROM gadget_movement m "
        "LEFT JOIN salon f ON f.id = m.from_salon LEFT JOIN salon t ON t.id = m.to_salon "
        "LEFT JOIN staff p ON p.id = m.staff_id WHERE m.gadget_unit_id = :u ORDER BY m.id",
        soci::use(unit_id), soci::into(at), soci::into(status), soci::into(reason), soci::into(from),
        soci::into(from_name), soci::into(to), soci::into(to_name), soci::into(login), soci::into(name));
    st.execute();
    std::vector<std::string> reasons;
    while (st.fetch()) {
        GadgetEvent e;
        e.at = at;
        e.kind = kind_of(from, status, reason);
        e.from_salon_id = from;
        e.from_salon = from_name;
        e.to_salon_id = to;
        e.to_salon = to_name;
        e.staff_login = login;
        e.staff_name = name;
        e.status = status;
        if (e.kind == GadgetEventKind::received) e.note = history.unit.delivery_ref;
        else if (e.kind == GadgetEventKind::moved) e.note = starts_with(reason, kMovedPrefix) ? reason.substr(kMovedPrefix.size()) : "";
        else if (e.kind == GadgetEventKind::sold || e.kind == GadgetEventKind::refunded) e.note.clear();
        else e.note = reason;
        history.events.push_back(std::move(e));
        reasons.push_back(reason);
    }
    // The receipts once the movements are read: one statement at a time on the connection.
    for (std::size_t i = 0; i < history.events.size(); ++i)
        history.events[i].receipt_number = receipt_of(db, history.events[i].kind, reasons[i]);
    return history;
}

}  // namespace salon::pos
