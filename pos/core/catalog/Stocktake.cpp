#include "pos/core/catalog/Stocktake.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/catalog/GadgetStock.hpp"
#include "pos/core/catalog/SimStock.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/common/OutsideInput.hpp"
#include "pos/core/identifiers/Iccid.hpp"
#include "pos/core/identifiers/Imei.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/organisation/Salon.hpp"

#include <algorithm>
#include <map>

namespace salon::pos {

namespace {

bool on_hand(const std::string& status) { return status == "in_stock" || status == "returned"; }

// A card or unit as the records hold it now.
struct Found {
    StocktakeItem item;
    std::int64_t salon_id = 0, dealer_id = 0;
};

std::string sim_description(const std::string& msisdn) {
    return msisdn.empty() ? tr("SIM card (blank)").str()
                          : trf("SIM card {1}", {Msisdn::stored(msisdn).display()}).str();
}

std::optional<Found> sim_by(db::Database& db, const char* where, const std::string& code, long long id) {
    const std::string sql = std::string("SELECT c.id, c.iccid, c.status, c.salon_id, s.dealer_id, s.name, "
                                        "COALESCE(c.msisdn, '') FROM sim_card c JOIN salon s ON s.id = c.salon_id "
                                        "WHERE ") + where;
    Found f;
    long long item = 0, salon = 0, dealer = 0;
    std::string msisdn;
    soci::indicator ind = soci::i_null;
    auto read = [&](auto&& key) {
        return db.run(sql, std::forward<decltype(key)>(key), soci::into(item, ind), soci::into(f.item.code),
                      soci::into(f.item.status), soci::into(salon), soci::into(dealer), soci::into(f.item.salon_name),
                      soci::into(msisdn));
    };
    if (!(id ? read(soci::use(id)) : read(soci::use(code))) || ind != soci::i_ok) return std::nullopt;
    f.item.kind = "sim";
    f.item.item_id = item;
    f.item.description = sim_description(msisdn);
    f.salon_id = salon;
    f.dealer_id = dealer;
    return f;
}

std::optional<Found> gadget_by(db::Database& db, const std::string& imei, long long id) {
    std::string sql =
        "SELECT u.id, u.imei, u.status, u.salon_id, s.dealer_id, s.name, p.name FROM gadget_unit u "
        "JOIN salon s ON s.id = u.salon_id JOIN product p ON p.id = u.product_id WHERE ";
    sql += id ? "u.id = :id" : "(u.imei = :a OR u.imei2 = :b)";
    Found f;
    long long item = 0, salon = 0, dealer = 0;
    soci::indicator ind = soci::i_null;
    auto read = [&](auto&&... keys) {
        return db.run(sql, std::forward<decltype(keys)>(keys)..., soci::into(item, ind), soci::into(f.item.code),
                      soci::into(f.item.status), soci::into(salon), soci::into(dealer), soci::into(f.item.salon_name),
                      soci::into(f.item.description));
    };
    if (!(id ? read(soci::use(id)) : read(soci::use(imei), soci::use(imei))) || ind != soci::i_ok) return std::nullopt;
    f.item.kind = "gadget";
    f.item.item_id = item;
    f.salon_id = salon;
    f.dealer_id = dealer;
    return f;
}

std::optional<Found> item_now(db::Database& db, const std::string& kind, long long id) {
    return kind == "sim" ? sim_by(db, "c.id = :id", {}, id) : gadget_by(db, {}, id);
}

// The scanned text as the code it is: an IMEI (15 digits) or an ICCID (19 or 20), check digit checked.
struct ScannedCode {
    std::string kind;  // sim | gadget
    std::string digits;
};
ScannedCode read_code(const std::string& text) {
    const auto digits = std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    const Text field = tr("Code");
    try {
        if (digits == 15) return {"gadget", Imei::parse(text).str()};
        if (digits == 19 || digits == 20) return {"sim", Iccid::parse(text).str()};
    } catch (const ValidationError& e) {
        throw InputError("code", trf("{1} ({2})", {field.str(), e.field().str()}), e.reason());
    }
    throw InputError("code", field, tr("scan an ICCID (19 or 20 digits) or an IMEI (15 digits)"));
}

struct Header {
    std::int64_t id = 0, salon_id = 0, dealer_id = 0;
    std::string status;
};

Header read_header(db::Database& db, const Actor& actor, std::int64_t stocktake_id) {
    Header h;
    long long id = stocktake_id, salon = 0, dealer = 0;
    soci::indicator ind = soci::i_null;
    db.run("SELECT t.salon_id, s.dealer_id, t.status FROM stocktake t JOIN salon s ON s.id = t.salon_id "
           "WHERE t.id = :id",
           soci::use(id), soci::into(salon, ind), soci::into(dealer), soci::into(h.status));
    if (ind != soci::i_ok || !actor.sees_dealer(dealer))
        throw InputError("stocktake", tr("Stocktake"), trf("there is no stocktake {1}", {std::to_string(stocktake_id)}));
    h.id = stocktake_id;
    h.salon_id = salon;
    h.dealer_id = dealer;
    return h;
}

void refuse_closed(const Header& h) {
    if (h.status != "open")
        throw RefusedError(trf("Stocktake {1} is already closed.", {std::to_string(h.id)}));
}

struct ItemRow {
    std::string code, kind, outcome;
    long long item_id = 0;
    bool counted = false, late = false;
};

std::vector<ItemRow> read_items(db::Database& db, std::int64_t stocktake_id) {
    std::vector<ItemRow> out;
    ItemRow r;
    long long id = stocktake_id, counted_at = 0;
    int late = 0;
    soci::indicator counted_ind = soci::i_null, outcome_ind = soci::i_null;
    db::Statement st = db.query(
        "SELECT code, item_kind, item_id, late, counted_at, outcome FROM stocktake_item WHERE stocktake_id = :t "
        "ORDER BY item_kind DESC, code",
        soci::use(id), soci::into(r.code), soci::into(r.kind), soci::into(r.item_id), soci::into(late),
        soci::into(counted_at, counted_ind), soci::into(r.outcome, outcome_ind));
    st.execute();
    while (st.fetch()) {
        ItemRow row = r;
        row.counted = counted_ind == soci::i_ok;
        row.late = late != 0;
        if (outcome_ind != soci::i_ok) row.outcome.clear();
        out.push_back(row);
    }
    return out;
}

// Expected against counted: as the records say now while open, as the close stored it once closed.
StocktakeSummary summarise(db::Database& db, const Header& h) {
    StocktakeSummary s;
    s.id = h.id;
    s.salon_id = h.salon_id;
    s.status = h.status;
    {
        long long id = h.id, opened = 0, closed = 0;
        soci::indicator closed_ind = soci::i_null, reason_ind = soci::i_null;
        db.run("SELECT sa.name, t.opened_at, t.closed_at, COALESCE(o.full_name, ''), COALESCE(c.full_name, ''), "
               "COALESCE(a.full_name, ''), t.reason FROM stocktake t JOIN salon sa ON sa.id = t.salon_id "
               "LEFT JOIN staff o ON o.id = t.opened_by LEFT JOIN staff c ON c.id = t.closed_by "
               "LEFT JOIN staff a ON a.id = t.approved_by WHERE t.id = :id",
               soci::use(id), soci::into(s.salon_name), soci::into(opened), soci::into(closed, closed_ind),
               soci::into(s.opened_by), soci::into(s.closed_by), soci::into(s.approved_by),
               soci::into(s.reason, reason_ind));
        s.opened_at = opened;
        s.closed_at = closed_ind == soci::i_ok ? closed : 0;
        if (reason_ind != soci::i_ok) s.reason.clear();
    }
    const bool open = h.status == "open";
    for (const ItemRow& r : read_items(db, h.id)) {
        const auto now = item_now(db, r.kind, r.item_id);
        StocktakeItem item = now ? now->item : StocktakeItem{r.code, r.kind, r.item_id, {}, {}, {}, false};
        item.code = r.code;
        std::string outcome = r.outcome;
        if (open) {
            const bool here = now && now->salon_id == h.salon_id && on_hand(now->item.status);
            outcome = r.counted ? "counted" : here ? "missing" : "left";
        }
        if (outcome == "counted") {
            ++s.counted;
            ++s.expected;
        } else if (outcome == "missing") {
            ++s.expected;
            s.missing.push_back(item);
        } else {
            s.left.push_back(item);
        }
    }
    long long id = h.id, item_id = 0;
    std::string code, outcome, kind;
    int written_in = 0;
    soci::indicator kind_ind = soci::i_null, item_ind = soci::i_null;
    db::Statement st = db.query(
        "SELECT code, outcome, item_kind, item_id, written_in FROM stocktake_scan WHERE stocktake_id = :t "
        "AND outcome <> 'counted' ORDER BY id",
        soci::use(id), soci::into(code), soci::into(outcome), soci::into(kind, kind_ind), soci::into(item_id, item_ind),
        soci::into(written_in));
    st.execute();
    std::vector<std::tuple<std::string, std::string, std::string, long long, bool>> scans;
    while (st.fetch())
        scans.emplace_back(code, outcome, kind_ind == soci::i_ok ? kind : std::string(),
                           item_ind == soci::i_ok ? item_id : 0, written_in != 0);
    for (const auto& [c, o, k, i, w] : scans) {
        if (o == "duplicate") {
            ++s.duplicates;
            continue;
        }
        StocktakeItem item{c, k, i, {}, {}, {}, w};
        if (o == "surplus" && i)
            if (const auto now = item_now(db, k, i)) {
                item = now->item;
                item.written_in = w;
            }
        (o == "surplus" ? s.surplus : s.unknown).push_back(item);
    }
    return s;
}

}  // namespace

std::string to_string(ScanOutcome outcome) {
    switch (outcome) {
    case ScanOutcome::counted: return "counted";
    case ScanOutcome::duplicate: return "duplicate";
    case ScanOutcome::surplus: return "surplus";
    case ScanOutcome::unknown: return "unknown";
    }
    return "unknown";
}

std::int64_t open_stocktake(db::Database& db, const Actor& actor, std::int64_t salon_id) {
    db::WriteTransaction tx(db);
    actor.require(db, Permission::approve_stock_difference);
    const Salon salon = require_salon_stock_access(db, actor, salon_id);
    if (!salon.active) throw RefusedError(trf("Salon «{1}» is closed: its stock cannot change.", {salon.name}));
    if (open_stocktake_of(db, actor, salon.id))
        throw RefusedError(trf("A stocktake is already open in salon «{1}»: close it first.", {salon.name}));
    const long long now = db.now(), salon_no = salon.id, staff = actor.staff_id();
    soci::indicator staff_ind = staff ? soci::i_ok : soci::i_null;
    const std::string open = "open";
    const long long id = db.insert(
        "INSERT INTO stocktake (salon_id, status, opened_at, opened_by) VALUES (:s, :st, :at, :by)",
        soci::use(salon_no), soci::use(open), soci::use(now), soci::use(staff, staff_ind));
    // The expected stock: what is on hand in the salon at this moment, cards and units alike.
    db.run("INSERT INTO stocktake_item (stocktake_id, code, item_kind, item_id, late) "
           "SELECT :t, iccid, 'sim', id, 0 FROM sim_card WHERE salon_id = :s AND status IN ('in_stock', 'returned')",
           soci::use(id), soci::use(salon_no));
    db.run("INSERT INTO stocktake_item (stocktake_id, code, item_kind, item_id, late) "
           "SELECT :t, imei, 'gadget', id, 0 FROM gadget_unit WHERE salon_id = :s "
           "AND status IN ('in_stock', 'returned')",
           soci::use(id), soci::use(salon_no));
    long long expected = 0;
    db.run("SELECT COUNT(*) FROM stocktake_item WHERE stocktake_id = :t", soci::use(id), soci::into(expected));
    actor.record(db, "stocktake.open", "stocktake:" + std::to_string(id),
                 "salon=" + std::to_string(salon.id) + " expected=" + std::to_string(expected));
    tx.commit();
    return id;
}

std::optional<std::int64_t> open_stocktake_of(db::Database& db, const Actor& actor, std::int64_t salon_id) {
    const Salon salon = parse_input("salon", [&] { return get_salon(db, actor, salon_id); });
    const long long s = salon.id;
    long long id = 0;
    soci::indicator ind = soci::i_null;
    db.run("SELECT id FROM stocktake WHERE salon_id = :s AND status = 'open'", soci::use(s), soci::into(id, ind));
    if (ind != soci::i_ok) return std::nullopt;
    return id;
}

ScanResult scan_stocktake(db::Database& db, const Actor& actor, std::int64_t stocktake_id, const std::string& code) {
    const ScannedCode scanned = read_code(code);  // before the lock: a misread is not recorded
    db::WriteTransaction tx(db);
    const Header h = read_header(db, actor, stocktake_id);
    require_salon_stock_access(db, actor, h.salon_id);
    refuse_closed(h);
    ScanResult result;
    std::optional<Found> found = scanned.kind == "sim" ? sim_by(db, "c.iccid = :c", scanned.digits, 0)
                                                       : gadget_by(db, scanned.digits, 0);
    if (found && !actor.sees_dealer(found->dealer_id)) found.reset();  // another dealer's: unknown here
    const std::string canonical = found ? found->item.code : scanned.digits;
    const long long id = h.id, now = db.now(), staff = actor.staff_id();
    soci::indicator staff_ind = staff ? soci::i_ok : soci::i_null;
    long long one = 0, counted_at = 0;
    soci::indicator listed = soci::i_null, counted_ind = soci::i_null;
    db.run("SELECT 1, counted_at FROM stocktake_item WHERE stocktake_id = :t AND code = :c", soci::use(id),
           soci::use(canonical), soci::into(one, listed), soci::into(counted_at, counted_ind));
    long long scanned_before = 0;
    db.run("SELECT COUNT(*) FROM stocktake_scan WHERE stocktake_id = :t AND code = :c AND outcome <> 'duplicate'",
           soci::use(id), soci::use(canonical), soci::into(scanned_before));
    if (found) result.item = found->item;
    else result.item = StocktakeItem{canonical, scanned.kind, 0, {}, {}, {}, false};
    const bool arrived_late = found && listed != soci::i_ok && found->salon_id == h.salon_id &&
                              on_hand(found->item.status);
    if (scanned_before > 0) {
        result.outcome = ScanOutcome::duplicate;
    } else if (listed == soci::i_ok || arrived_late) {
        result.outcome = ScanOutcome::counted;
        const std::string kind = found ? found->item.kind : scanned.kind;
        const long long item_id = found ? found->item.item_id : 0;
        if (arrived_late)
            db.run("INSERT INTO stocktake_item (stocktake_id, code, item_kind, item_id, late, counted_at, counted_by) "
                   "VALUES (:t, :c, :k, :i, 1, :at, :by)",
                   soci::use(id), soci::use(canonical), soci::use(kind), soci::use(item_id), soci::use(now),
                   soci::use(staff, staff_ind));
        else
            db.run("UPDATE stocktake_item SET counted_at = :at, counted_by = :by WHERE stocktake_id = :t AND code = :c",
                   soci::use(now), soci::use(staff, staff_ind), soci::use(id), soci::use(canonical));
    } else {
        result.outcome = found ? ScanOutcome::surplus : ScanOutcome::unknown;
    }
    const std::string outcome = to_string(result.outcome);
    long long item_id = result.item.item_id;
    soci::indicator item_ind = item_id ? soci::i_ok : soci::i_null;
    db.run("INSERT INTO stocktake_scan (stocktake_id, code, at, staff_id, outcome, item_kind, item_id) "
           "VALUES (:t, :c, :at, :by, :o, :k, :i)",
           soci::use(id), soci::use(canonical), soci::use(now), soci::use(staff, staff_ind), soci::use(outcome),
           soci::use(result.item.kind), soci::use(item_id, item_ind));
    long long counted = 0, expected_snapshot = 0;
    db.run("SELECT COUNT(counted_at), COUNT(*) FROM stocktake_item WHERE stocktake_id = :t", soci::use(id),
           soci::into(counted), soci::into(expected_snapshot));
    tx.commit();
    result.counted = static_cast<int>(counted);
    result.expected = static_cast<int>(expected_snapshot);
    const std::string what = result.item.description.empty() ? canonical : result.item.description + " " + canonical;
    switch (result.outcome) {
    case ScanOutcome::counted: result.message = trf("Counted: {1}", {what}).str(); break;
    case ScanOutcome::duplicate: result.message = trf("Already scanned, not counted again: {1}", {what}).str(); break;
    case ScanOutcome::surplus:
        result.message = trf("Surplus: {1} is not this salon's stock ({2}, salon «{3}»)",
                             {what, result.item.kind == "sim" ? sim_status_title(result.item.status)
                                                              : gadget_status_title(result.item.status),
                              result.item.salon_name})
                             .str();
        break;
    case ScanOutcome::unknown: result.message = trf("Unknown code: {1} is in no stock record", {canonical}).str(); break;
    }
    return result;
}

StocktakeSummary stocktake_summary(db::Database& db, const Actor& actor, std::int64_t stocktake_id) {
    actor.confirm(db);
    const Header h = read_header(db, actor, stocktake_id);
    return summarise(db, h);
}

StocktakeSummary close_stocktake(db::Database& db, const Actor& actor, std::int64_t stocktake_id,
                                 const std::string& reason, const std::optional<SupervisorApproval>& approval) {
    std::string why;
    {
        const auto first = reason.find_first_not_of(" \t\r\n");
        if (first != std::string::npos) why = reason.substr(first, reason.find_last_not_of(" \t\r\n") - first + 1);
    }
    const std::int64_t approver = require_or_approved(db, actor, Permission::approve_stock_difference, approval);
    db::WriteTransaction tx(db);
    const Header h = read_header(db, actor, stocktake_id);
    require_salon_stock_access(db, actor, h.salon_id);
    refuse_closed(h);
    StocktakeSummary s = summarise(db, h);
    if (s.has_differences()) {
        const auto letters = std::count_if(why.begin(), why.end(), [](char c) { return (c & 0xC0) != 0x80; });
        if (control_character(why))
            throw InputError("reason", tr("Reason"), control_character_reason(*control_character(why)));
        if (letters < 3)
            throw InputError("reason", tr("Reason"),
                             tr("the stocktake has differences: say why in at least 3 characters"));
    }
    const long long id = h.id, now = db.now(), staff = actor.staff_id(), salon = h.salon_id;
    const std::string tag = "stocktake " + std::to_string(id);
    const std::string subject = "stocktake:" + std::to_string(id);
    // What every expected item came to, kept so the closed stocktake reads as it was closed.
    for (const ItemRow& r : read_items(db, id)) {
        const bool missing = std::any_of(s.missing.begin(), s.missing.end(), [&](const StocktakeItem& m) {
            return m.kind == r.kind && m.item_id == r.item_id;
        });
        const std::string outcome = r.counted ? "counted" : missing ? "missing" : "left";
        db.run("UPDATE stocktake_item SET outcome = :o WHERE stocktake_id = :t AND code = :c", soci::use(outcome),
               soci::use(id), soci::use(r.code));
    }
    for (const StocktakeItem& m : s.missing) {
        if (m.kind == "gadget") {
            const auto unit = gadget_by_id(db, m.item_id);
            if (unit) set_gadget_status(db, *unit, kGadgetWrittenOff, unit->salon_id, staff, tag + ": missing, " + why);
        } else {
            set_sim_status(db, m.item_id, kSimDefective, staff, tag + ": missing, " + why, "");
        }
        actor.record(db, "stocktake.write_off", m.kind + ":" + std::to_string(m.item_id),
                     subject + " code=" + m.code);
    }
    for (StocktakeItem& x : s.surplus) {
        const auto now_item = item_now(db, x.kind, x.item_id);
        if (!now_item || now_item->dealer_id != h.dealer_id) continue;
        const std::string& status = now_item->item.status;
        bool write_in = false;
        if (x.kind == "gadget" && (on_hand(status) || status == kGadgetWrittenOff)) {
            const auto unit = gadget_by_id(db, x.item_id);
            if (unit) set_gadget_status(db, *unit, kGadgetInStock, salon, staff, tag + ": surplus written in, " + why);
            write_in = unit.has_value();
        } else if (x.kind == "sim" && on_hand(status)) {
            const long long card = x.item_id, from = now_item->salon_id;
            soci::indicator staff_ind = staff ? soci::i_ok : soci::i_null;
            const std::string reason_text = tag + ": surplus written in, " + why;
            db.run("UPDATE sim_card SET salon_id = :s, updated_at = :at WHERE id = :id", soci::use(salon),
                   soci::use(now), soci::use(card));
            db.run("INSERT INTO sim_movement (sim_card_id, at, staff_id, from_salon, to_salon, status, reason) "
                   "VALUES (:c, :at, :staff, :from, :to, :st, :r)",
                   soci::use(card), soci::use(now), soci::use(staff, staff_ind), soci::use(from), soci::use(salon),
                   soci::use(status), soci::use(reason_text));
            write_in = true;
        }
        x.written_in = write_in;
        if (write_in) {
            const long long item = x.item_id;
            db.run("UPDATE stocktake_scan SET written_in = 1 WHERE stocktake_id = :t AND item_id = :i "
                   "AND item_kind = :k AND outcome = 'surplus'",
                   soci::use(id), soci::use(item), soci::use(x.kind));
        }
        actor.record(db, write_in ? "stocktake.write_in" : "stocktake.surplus_kept",
                     x.kind + ":" + std::to_string(x.item_id), subject + " code=" + x.code + " status=" + status);
    }
    const long long approved = approver ? approver : staff;
    soci::indicator staff_ind = staff ? soci::i_ok : soci::i_null;
    soci::indicator approved_ind = approved ? soci::i_ok : soci::i_null;
    soci::indicator reason_ind = why.empty() ? soci::i_null : soci::i_ok;
    const int missing = static_cast<int>(s.missing.size()), surplus = static_cast<int>(s.surplus.size());
    db.run("UPDATE stocktake SET status = 'closed', closed_at = :at, closed_by = :by, approved_by = :a, "
           "reason = :r, missing = :m, surplus = :x WHERE id = :id",
           soci::use(now), soci::use(staff, staff_ind), soci::use(approved, approved_ind), soci::use(why, reason_ind),
           soci::use(missing), soci::use(surplus), soci::use(id));
    actor.record(db, "stocktake.close", subject,
                 "salon=" + std::to_string(salon) + " expected=" + std::to_string(s.expected) +
                     " counted=" + std::to_string(s.counted) + " missing=" + std::to_string(missing) +
                     " surplus=" + std::to_string(surplus) + approval_detail(approver) +
                     (why.empty() ? "" : " reason=" + why));
    tx.commit();
    return stocktake_summary(db, actor, stocktake_id);
}

}  // namespace salon::pos
