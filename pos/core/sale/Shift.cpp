#include "pos/core/sale/Shift.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Permission.hpp"

#include <algorithm>

namespace salon::pos {

namespace {

// A salon's person works at the till of their own salon; nobody else opens a shift.
std::int64_t own_salon(const Actor& actor) {
    const std::int64_t salon_id = actor.member().salon_id;
    if (salon_id == 0 || !works_in_salon(actor.member().role))
        throw RefusedError(tr("Only a salon's staff work at its till: you are not bound to a salon."));
    return salon_id;
}

constexpr const char* kShiftSelect =
    "SELECT sh.id, sh.salon_id, sa.name, sa.time_zone, sa.dealer_id, sh.till, sh.number, sh.opened_by, "
    "o.full_name, sh.opened_at, sh.opening_float, COALESCE(sh.closed_by, 0), COALESCE(c.full_name, ''), "
    "COALESCE(sh.closed_at, 0), sh.expected_cash, sh.counted_cash, COALESCE(sh.approved_by, 0), "
    "COALESCE(a.full_name, ''), COALESCE(sh.chain_head, ''), "
    "(SELECT COALESCE(MAX(x.receipt_number), 0) FROM sale x WHERE x.shift_id = sh.id), "
    "COALESCE(sh.shortfall_reason, '') "
    "FROM shift sh JOIN salon sa ON sa.id = sh.salon_id JOIN staff o ON o.id = sh.opened_by "
    "LEFT JOIN staff c ON c.id = sh.closed_by LEFT JOIN staff a ON a.id = sh.approved_by ";

// Reads the shifts matching `where` (which binds :a and :b), keeping those of dealers the actor sees.
std::vector<Shift> query_shifts(db::Database& db, const Actor& actor, const std::string& where, long long a,
                                long long b, int limit) {
    std::vector<Shift> out;
    Shift s;
    long long id = 0, salon_id = 0, dealer_id = 0, opened_by = 0, opened_at = 0, float_k = 0, closed_by = 0,
              closed_at = 0, expected = 0, counted = 0, approved_by = 0;
    int number = 0, last_receipt = 0;
    soci::indicator expected_ind = soci::i_null, counted_ind = soci::i_null;
    const std::string sql = std::string(kShiftSelect) + where + " ORDER BY sh.opened_at DESC, sh.id DESC";
    db::Statement st = db.query(
        sql, soci::use(a, "a"), soci::use(b, "b"), soci::into(id), soci::into(salon_id),
        soci::into(s.salon_name), soci::into(s.time_zone), soci::into(dealer_id), soci::into(s.till),
        soci::into(number), soci::into(opened_by), soci::into(s.opened_by_name), soci::into(opened_at),
        soci::into(float_k), soci::into(closed_by), soci::into(s.closed_by_name), soci::into(closed_at),
        soci::into(expected, expected_ind), soci::into(counted, counted_ind), soci::into(approved_by),
        soci::into(s.approved_by_name), soci::into(s.chain_head), soci::into(last_receipt),
        soci::into(s.shortfall_reason));
    st.execute();
    while (st.fetch()) {
        if (!actor.sees_dealer(dealer_id)) continue;
        s.id = id;
        s.salon_id = salon_id;
        s.number = number;
        s.opened_by = opened_by;
        s.opened_at = opened_at;
        s.opening_float = Money::from_kopecks(float_k);
        s.closed_by = closed_by;
        s.closed_at = closed_at;
        s.expected_cash = expected_ind == soci::i_ok ? std::optional(Money::from_kopecks(expected)) : std::nullopt;
        s.counted_cash = counted_ind == soci::i_ok ? std::optional(Money::from_kopecks(counted)) : std::nullopt;
        s.approved_by = approved_by;
        s.last_receipt = last_receipt;
        out.push_back(s);
        if (limit > 0 && static_cast<int>(out.size()) >= limit) break;
    }
    return out;
}

// A salon's people act on their own salon's shifts only; head office and a dealer's manager on those
// they see.
void require_same_salon(const Actor& actor, const Shift& shift) {
    const StaffMember& m = actor.member();
    if (!actor.is_command_line() && works_in_salon(m.role) && m.salon_id != shift.salon_id)
        throw RefusedError(tr("This shift belongs to another salon."));
}

Shift require_open(db::Database& db, const Actor& actor, std::int64_t shift_id) {
    Shift shift = get_shift(db, actor, shift_id);
    require_same_salon(actor, shift);
    if (!shift.is_open())
        throw ValidationError(tr("Shift"), trf("shift {1} is already closed", {std::to_string(shift.number)}));
    return shift;
}

long long scalar(db::Database& db, const std::string& sql, long long id) {
    long long value = 0;
    db.run(sql, soci::use(id), soci::into(value));
    return value;
}

}  // namespace

Shift open_shift(db::Database& db, const Actor& actor, const std::string& till, Money opening_float) {
    actor.require(db, Permission::shift_open_close);
    const long long salon_id = own_salon(actor);
    const std::string till_name = required_text("till", tr("Till"), till);
    if (opening_float < Money())
        throw InputError("float", tr("Opening float"), tr("cannot be negative"));
    db::WriteTransaction tx(db);
    if (auto open = open_shift_at(db, actor, till_name))
        throw ValidationError(tr("Shift"), trf("shift {1} opened by {2} is still open at this till: close it first",
                                               {std::to_string(open->number), open->opened_by_name}));
    // The salon's row is locked first on PostgreSQL so its two tills opening at once never draw the same
    // number (SQLite's write transaction already holds the whole database).
    if (db.backend() == db::Backend::postgresql) scalar(db, "SELECT id FROM salon WHERE id = :s FOR UPDATE", salon_id);
    const long long number = scalar(db, "SELECT COALESCE(MAX(number), 0) + 1 FROM shift WHERE salon_id = :s", salon_id);
    const long long staff = actor.staff_id();
    const long long now = db.now();
    // A clock moved backwards (by hand, a bad time sync) would date the new shift and its receipts before
    // the last shift's close, as a fiscal registrar refuses to: the clock is set right first.
    long long last_close = 0, last_number = 0;
    std::string time_zone;
    soci::indicator close_ind = soci::i_null;
    db.run("SELECT sh.closed_at, sh.number, sa.time_zone FROM shift sh JOIN salon sa ON sa.id = sh.salon_id "
           "WHERE sh.salon_id = :s AND sh.closed_at IS NOT NULL ORDER BY sh.closed_at DESC LIMIT 1",
           soci::use(salon_id), soci::into(last_close, close_ind), soci::into(last_number), soci::into(time_zone));
    if (close_ind == soci::i_ok && now < last_close)
        throw ValidationError(tr("Shift"),
                              trf("the computer's clock says {1}, before shift {2} was closed at {3}: set the "
                                  "clock right before opening a shift",
                                  {local_date_time(now, time_zone), std::to_string(last_number),
                                   local_date_time(last_close, time_zone)}));
    const long long float_k = opening_float.kopecks();
    const long long id = db.insert(
        "INSERT INTO shift (salon_id, till, number, opened_by, opened_at, opening_float) "
        "VALUES (:s, :t, :n, :o, :at, :f)",
        soci::use(salon_id), soci::use(till_name), soci::use(number), soci::use(staff), soci::use(now),
        soci::use(float_k));
    actor.record(db, "shift.open", "shift:" + std::to_string(id),
                 "salon=" + std::to_string(salon_id) + " number=" + std::to_string(number) +
                     " float=" + opening_float.plain());
    tx.commit();
    return get_shift(db, actor, id);
}

std::optional<Shift> open_shift_at(db::Database& db, const Actor& actor, const std::string& till) {
    actor.confirm(db);
    const long long salon_id = actor.member().salon_id;
    if (salon_id == 0) return std::nullopt;
    long long id = 0;
    soci::indicator ind = soci::i_null;
    db.run("SELECT id FROM shift WHERE salon_id = :s AND till = :t AND closed_at IS NULL",
           soci::use(salon_id), soci::use(till), soci::into(id, ind));
    if (ind != soci::i_ok) return std::nullopt;
    return get_shift(db, actor, id);
}

Shift get_shift(db::Database& db, const Actor& actor, std::int64_t shift_id) {
    actor.confirm(db);
    auto found = query_shifts(db, actor, "WHERE sh.id = :a AND :b = 0", shift_id, 0, 1);
    if (found.empty()) throw ValidationError(tr("Shift"), trf("no shift with number {1}", {std::to_string(shift_id)}));
    return found.front();
}

std::vector<Shift> list_shifts(db::Database& db, const Actor& actor, std::int64_t salon_id, int limit) {
    actor.confirm(db);
    const StaffMember& m = actor.member();
    const long long salon = works_in_salon(m.role) && m.salon_id != 0 ? m.salon_id : salon_id;
    return query_shifts(db, actor, "WHERE (:a = 0 OR sh.salon_id = :b)", salon, salon, limit);
}

void move_cash(db::Database& db, const Actor& actor, std::int64_t shift_id, CashDirection direction, Money amount,
               const std::string& reason) {
    actor.require(db, Permission::cash_in_out);
    if (amount <= Money()) throw InputError("amount", tr("Amount"), tr("must be more than zero"));
    const std::string why = required_text("reason", tr("Reason"), reason);
    if (why.size() < 3) throw InputError("reason", tr("Reason"), trf("say why in at least {1} characters", {"3"}));
    db::WriteTransaction tx(db);
    const Shift shift = require_open(db, actor, shift_id);
    if (direction == CashDirection::out) {
        const Money in_drawer = shift_report(db, actor, shift_id).expected_cash;
        if (amount > in_drawer)
            throw InputError("amount", tr("Amount"),
                             trf("the drawer holds only {1}", {in_drawer.format()}));
    }
    const long long id = shift_id;
    const std::string kind = direction == CashDirection::in ? "in" : "out";
    const long long kopecks = amount.kopecks();
    const long long staff = actor.staff_id();
    const long long now = db.now();
    if (staff == 0)
        throw RefusedError(tr("Only a salon's staff work at its till: you are not bound to a salon."));
    db.run(
        "INSERT INTO cash_movement (shift_id, kind, amount, reason, staff_id, at) "
        "VALUES (:s, :k, :a, :r, :st, :at)",
        soci::use(id), soci::use(kind), soci::use(kopecks), soci::use(why), soci::use(staff), soci::use(now));
    actor.record(db, "cash." + kind, "shift:" + std::to_string(shift_id), "amount=" + amount.plain());
    tx.commit();
}

ShiftReport shift_report(db::Database& db, const Actor& actor, std::int64_t shift_id) {
    ShiftReport r;
    r.shift = get_shift(db, actor, shift_id);
    r.past_24_hours = r.shift.past_24_hours(db.now());
    const long long id = shift_id;
    {
        std::string kind;
        long long count = 0, total = 0, cash = 0, card = 0;
        db::Statement st = db.query(
            "SELECT kind, COUNT(*), CAST(COALESCE(SUM(total), 0) AS BIGINT), "
            "CAST(COALESCE(SUM(paid_cash - change_due), 0) AS BIGINT), "
            "CAST(COALESCE(SUM(paid_card), 0) AS BIGINT) FROM sale WHERE shift_id = :s GROUP BY kind",
            soci::use(id), soci::into(kind), soci::into(count), soci::into(total), soci::into(cash),
            soci::into(card));
        st.execute();
        while (st.fetch()) {
            if (kind == "sale") {
                r.sales = static_cast<int>(count);
                r.sales_total = Money::from_kopecks(total);
                r.cash_taken = Money::from_kopecks(cash);
                r.card_taken = Money::from_kopecks(card);
            } else {
                r.refunds = static_cast<int>(count);
                r.refunds_total = Money::from_kopecks(total);
                r.cash_paid_back = Money::from_kopecks(cash);
                r.card_paid_back = Money::from_kopecks(card);
            }
        }
    }
    {
        VatTotal v;
        long long amount = 0;
        db::Statement st = db.query(
            "SELECT l.vat_code, l.vat_basis_points, CAST(COALESCE(SUM(CASE WHEN s.kind = 'sale' "
            "THEN l.vat_amount ELSE -l.vat_amount END), 0) AS BIGINT) "
            "FROM sale_line l JOIN sale s ON s.id = l.sale_id WHERE s.shift_id = :s "
            "GROUP BY l.vat_code, l.vat_basis_points ORDER BY l.vat_basis_points DESC, l.vat_code",
            soci::use(id), soci::into(v.code), soci::into(v.basis_points), soci::into(amount));
        st.execute();
        while (st.fetch()) {
            v.amount = Money::from_kopecks(amount);
            r.vat.push_back(v);
        }
        r.agent_total = Money::from_kopecks(
            scalar(db,
                   "SELECT CAST(COALESCE(SUM(CASE WHEN s.kind = 'sale' THEN l.amount ELSE -l.amount END), 0) AS BIGINT) "
                   "FROM sale_line l JOIN sale s ON s.id = l.sale_id WHERE s.shift_id = :s AND l.agent = 1",
                   id));
    }
    {
        CashMovement m;
        std::string kind;
        long long amount = 0, at = 0;
        db::Statement st = db.query(
            "SELECT m.kind, m.amount, m.reason, p.full_name, m.at FROM cash_movement m "
            "JOIN staff p ON p.id = m.staff_id WHERE m.shift_id = :s ORDER BY m.at, m.id",
            soci::use(id), soci::into(kind), soci::into(amount), soci::into(m.reason),
            soci::into(m.staff_name), soci::into(at));
        st.execute();
        while (st.fetch()) {
            m.direction = kind == "in" ? CashDirection::in : CashDirection::out;
            m.amount = Money::from_kopecks(amount);
            m.at = at;
            (m.direction == CashDirection::in ? r.cash_in : r.cash_out) += m.amount;
            r.movements.push_back(m);
        }
    }
    {
        int receipt = 0;
        db::Statement st = db.query(
            "SELECT receipt_number FROM sale WHERE shift_id = :s AND fiscal_state <> 'fiscalised' AND total <> 0 "
            "ORDER BY "
            "receipt_number",
            soci::use(id), soci::into(receipt));
        st.execute();
        while (st.fetch()) r.awaiting_fiscal.push_back(receipt);
    }
    Money correction_cash;
    {
        long long cid = 0, amount = 0;
        std::string operation, payment, state;
        db::Statement st = db.query(
            "SELECT id, operation, amount, payment, fiscal_state FROM fiscal_correction WHERE shift_id = :s "
            "ORDER BY id",
            soci::use(id), soci::into(cid), soci::into(operation), soci::into(amount), soci::into(payment),
            soci::into(state));
        st.execute();
        while (st.fetch()) {
            ++r.corrections;
            const Money m = Money::from_kopecks(amount);
            const bool income = operation == "income";
            (income ? r.correction_income : r.correction_refund) += m;
            // The money of a correction changed hands earlier without a receipt: it is in the drawer (or
            // was paid out of it) already, so the drawer's count only balances with it.
            if (payment == "cash") correction_cash += income ? m : -m;
            if (state != "fiscalised") r.awaiting_fiscal_corrections.push_back(cid);
        }
    }
    r.expected_cash = r.shift.opening_float + r.cash_taken - r.cash_paid_back + r.cash_in - r.cash_out +
                      correction_cash;
    return r;
}

ShiftReport close_shift(db::Database& db, const Actor& actor, std::int64_t shift_id, Money counted,
                        const std::optional<SupervisorApproval>& approval, const std::string& shortfall_reason) {
    actor.require(db, Permission::shift_open_close);
    if (counted < Money()) throw InputError("counted", tr("Counted cash"), tr("cannot be negative"));
    db::WriteTransaction tx(db);
    const Shift shift = require_open(db, actor, shift_id);
    const ShiftReport x = shift_report(db, actor, shift_id);
    std::int64_t approver = 0;
    const bool someone_elses = shift.opened_by != actor.staff_id();
    const bool difference = counted != x.expected_cash;
    const bool shortfall = counted < x.expected_cash;
    std::string reason;
    if (shortfall) {
        // A shortfall: a reason and a second person's confirmation, whoever closes (a senior's own
        // permission does not suffice: another senior confirms).
        const Text short_by = trf("The drawer holds {1} but {2} was counted: short by {3}.",
                                  {x.expected_cash.format(), counted.format(), (x.expected_cash - counted).format()});
        if (shortfall_reason.find_first_not_of(" \t") == std::string::npos)
            throw InputError("reason", tr("Reason for the shortfall"),
                             trf("{1} Say why: the reason is required.", {short_by.str()}));
        reason = required_text("reason", tr("Reason for the shortfall"), shortfall_reason, 500);
        if (reason.size() < 3)
            throw InputError("reason", tr("Reason for the shortfall"), tr("must be at least 3 characters"));
        if (!approval || approval->permission != Permission::approve_cash_difference || approval->approver_id == 0)
            throw RefusedError(trf("{1} A senior must confirm it with their login and password.", {short_by.str()}));
        if (approval->approver_id == actor.staff_id())
            throw RefusedError(trf("{1} You cannot confirm your own shortfall: a second senior must confirm it.",
                                   {short_by.str()}));
        StaffMember who;
        who.id = approval->approver_id;
        const StaffMember senior = current_record(db, who);  // read again: the permission may be gone
        if (!senior.active || !has_permission(db, senior, Permission::approve_cash_difference))
            throw RefusedError(trf("{1} may not confirm a shortfall: the permission \"{2}\" is missing.",
                                   {senior.full_name, permission_title(Permission::approve_cash_difference).str()}));
        approver = senior.id;
    } else if (someone_elses || difference) {
        try {
            approver = require_or_approved(db, actor, Permission::approve_cash_difference, approval);
        } catch (const RefusedError&) {
            if (difference)
                throw RefusedError(trf("The drawer holds {1} but {2} was counted: a senior must approve the "
                                       "difference.",
                                       {x.expected_cash.format(), counted.format()}));
            throw RefusedError(trf("Shift {1} was opened by {2}: a senior must approve closing it.",
                                   {std::to_string(shift.number), shift.opened_by_name}));
        }
    }
    const long long id = shift_id;
    const long long closer = actor.staff_id();
    const long long now = db.now();
    const long long expected = x.expected_cash.kopecks();
    const long long counted_k = counted.kopecks();
    const AuditEntry entry =
        actor.record(db, "shift.close", "shift:" + std::to_string(shift_id),
                     "number=" + std::to_string(shift.number) + " expected=" + x.expected_cash.plain() +
                         " counted=" + counted.plain() + " sales=" + std::to_string(x.sales) +
                         " refunds=" + std::to_string(x.refunds) + approval_detail(approver) +
                         (shortfall ? " shortfall_reason=" + reason : std::string()));
    const long long approved = approver;
    // CHAIN:SEQ:MAC, as `audit verify --head` takes it: the paper copy anchors the chain's tail.
    const std::string head = AuditHead{entry.chain, entry.seq, entry.mac}.text();
    soci::indicator closer_ind = closer ? soci::i_ok : soci::i_null;
    soci::indicator approved_ind = approver ? soci::i_ok : soci::i_null;
    soci::indicator reason_ind = shortfall ? soci::i_ok : soci::i_null;
    db.run(
        "UPDATE shift SET closed_by = :c, closed_at = :at, expected_cash = :e, counted_cash = :n, "
        "approved_by = :a, chain_head = :h, shortfall_reason = :r WHERE id = :id",
        soci::use(closer, closer_ind), soci::use(now), soci::use(expected), soci::use(counted_k),
        soci::use(approved, approved_ind), soci::use(head), soci::use(reason, reason_ind), soci::use(id));
    tx.commit();
    return shift_report(db, actor, shift_id);
}

std::vector<std::string> shift_report_text(const ShiftReport& r) {
    const Shift& s = r.shift;
    std::vector<std::string> out;
    auto line = [&](const Text& label, const std::string& value) {
        std::string left = label.str();
        out.push_back(left + ": " + value);
    };
    out.push_back((s.is_open() ? trf("X report, shift {1}", {std::to_string(s.number)})
                               : trf("Z report, shift {1}", {std::to_string(s.number)}))
                      .str());
    line(tr("Salon"), s.salon_name + " · " + s.till);
    line(tr("Opened"), local_date_time(s.opened_at, s.time_zone) + " · " + s.opened_by_name);
    if (!s.is_open()) line(tr("Closed"), local_date_time(s.closed_at, s.time_zone) + " · " + s.closed_by_name);
    if (r.past_24_hours) out.push_back(tr("WARNING: the shift has been open for more than 24 hours").str());
    line(tr("Opening float"), s.opening_float.format());
    line(tr("Sales"), std::to_string(r.sales) + " · " + r.sales_total.format());
    line(tr("Refunds"), std::to_string(r.refunds) + " · " + r.refunds_total.format());
    line(tr("Cash taken"), r.cash_taken.format());
    line(tr("Card taken"), r.card_taken.format());
    if (r.cash_paid_back != Money() || r.card_paid_back != Money())
        line(tr("Paid back (cash / card)"), r.cash_paid_back.format() + " / " + r.card_paid_back.format());
    if (r.agent_total != Money()) line(tr("Accepted as payment agent"), r.agent_total.format());
    for (const VatTotal& v : r.vat) {
        const std::string rate = std::to_string(v.basis_points / 100) +
                                 (v.basis_points % 100 ? "," + std::to_string(v.basis_points % 100) : "") + "%";
        line(trf("VAT {1}", {rate}), v.amount.format());
    }
    for (const CashMovement& m : r.movements)
        line(m.direction == CashDirection::in ? tr("Cash in") : tr("Cash out"),
             m.amount.format() + " · " + m.reason + " · " + m.staff_name);
    if (r.corrections > 0)
        line(trf("Correction receipts: {1}", {std::to_string(r.corrections)}),
             trf("income {1}, refund {2}", {r.correction_income.format(), r.correction_refund.format()}).str());
    line(tr("Cash expected in the drawer"), r.expected_cash.format());
    if (!s.is_open() && s.counted_cash) {
        line(tr("Cash counted"), s.counted_cash->format());
        const Money diff = *s.counted_cash - *s.expected_cash;
        // A shortfall with the typographic minus (U+2212) people read on paper, not ICU's hyphen.
        line(tr("Difference"), diff.format());
        if (!s.shortfall_reason.empty()) line(tr("Reason for the shortfall"), s.shortfall_reason);
        if (s.approved_by) line(tr("Approved by"), s.approved_by_name);
        line(tr("Audit chain head"), s.chain_head);
    }
    if (!r.awaiting_fiscal.empty()) {
        std::string numbers;
        for (int n : r.awaiting_fiscal) numbers += (numbers.empty() ? "" : ", ") + std::to_string(n);
        line(trn("Awaiting fiscalisation: {1} receipt", "Awaiting fiscalisation: {1} receipts",
                 static_cast<long long>(r.awaiting_fiscal.size())),
             numbers);
    }
    if (!r.awaiting_fiscal_corrections.empty()) {
        std::string numbers;
        for (auto n : r.awaiting_fiscal_corrections) numbers += (numbers.empty() ? "" : ", ") + std::to_string(n);
        line(tr("Corrections awaiting fiscalisation"), numbers);
    }
    return out;
}

}  // namespace salon::pos
