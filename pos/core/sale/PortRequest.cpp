#include "pos/core/sale/PortRequest.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/organisation/Certification.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/identifiers/PersonalDataMask.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/catalog/SimStock.hpp"

#include <unicode/unistr.h>
#include <nlohmann/json.hpp>

#include <map>
#include <variant>

namespace salon::pos {

namespace {

constexpr std::pair<PortStatus, const char*> kStatuses[] = {
    {PortStatus::submitted, "submitted"},
    {PortStatus::accepted, "accepted"},
    {PortStatus::rejected, "rejected"},
    {PortStatus::completed, "completed"},
};

constexpr int kMaxLimit = 100000;
constexpr int kMaxReasonLength = 500;

Text not_found(std::int64_t id) { return trf("no request with number {1}", {std::to_string(id)}); }

// The steps the lifecycle allows (see PortRequest.hpp).
bool allowed(PortStatus from, PortStatus to) {
    switch (from) {
    case PortStatus::submitted: return to == PortStatus::accepted || to == PortStatus::rejected;
    case PortStatus::accepted: return to == PortStatus::completed || to == PortStatus::rejected;
    case PortStatus::rejected:
    case PortStatus::completed: return false;
    }
    return false;
}

// Which requests a list may show: one salon, one dealer's salons, or all (both 0).
struct Scope {
    long long salon_id = 0;
    long long dealer_id = 0;
};

bool is_salon_person(const Actor& actor) {
    return !actor.is_command_line() && works_in_salon(actor.member().role);
}

// Who reads port requests: the salon's staff who sell there, dealers' managers and head office who see
// the dealers' reports.
Scope read_scope(db::Database& db, const Actor& actor, std::int64_t salon_id) {
    actor.confirm(db);
    const StaffMember& me = actor.member();
    if (is_salon_person(actor)) {
        actor.require(db, Permission::sell);
        if (me.salon_id == 0)
            throw RefusedError(tr("Only a salon's staff work at its till: you are not bound to a salon."));
        if (salon_id != 0 && salon_id != me.salon_id)
            throw RefusedError(tr("You see only your own salon's port requests."));
        return {me.salon_id, 0};
    }
    actor.require(db, Permission::view_dealer_reports);
    if (salon_id != 0) {
        const Salon s = parse_input("salon", [&] { return get_salon(db, actor, salon_id); });
        return {s.id, 0};
    }
    if (actor.is_head_office()) return {0, 0};
    // A dealer's manager: his dealer only (a person of no dealer sees nothing).
    return {0, me.dealer_id ? me.dealer_id : -1};
}

constexpr const char* kSelect =
    "SELECT pr.id, pr.msisdn, pr.donor_operator, pr.desired_date, pr.status, pr.client_id, c.full_name, "
    "s.id, s.dealer_id, s.salon_id, sa.name, sa.time_zone, sh.number, s.receipt_number, "
    "COALESCE(t.name, ''), pr.created_at, pr.updated_at "
    "FROM port_request pr JOIN sale_line l ON l.id = pr.sale_line_id JOIN sale s ON s.id = l.sale_id "
    "JOIN salon sa ON sa.id = s.salon_id JOIN shift sh ON sh.id = s.shift_id JOIN client c ON c.id = "
    "pr.client_id "
    "LEFT JOIN tariff_version tv ON tv.id = l.tariff_version_id LEFT JOIN tariff t ON t.id = tv.tariff_id ";

// A value bound to the next placeholder of a query's text, in the order they appear.
using Bound = std::variant<long long, std::string>;

// The rows of `where` (fixed text with placeholders for `values`), overdue days counted from the database
// clock `now` on each salon's own calendar.
std::vector<PortRequestRow> query_rows(db::Database& db, const std::string& where,
                                       const std::vector<Bound>& values, std::int64_t now,
                                       bool lock = false) {
    std::string sql = std::string(kSelect) + where;
    if (lock && db.backend() == db::Backend::postgresql) sql += " FOR UPDATE OF pr";
    PortRequestRow r;
    long long id = 0, client = 0, sale = 0, dealer = 0, salon = 0, created = 0, updated = 0;
    std::string status;
    soci::statement st(db.sql());
    for (const Bound& v : values) {
        if (const long long* n = std::get_if<long long>(&v))
            st.exchange(soci::use(*n));
        else
            st.exchange(soci::use(std::get<std::string>(v)));
    }
    st.exchange(soci::into(id));
    st.exchange(soci::into(r.msisdn));
    st.exchange(soci::into(r.donor_operator));
    st.exchange(soci::into(r.desired_date));
    st.exchange(soci::into(status));
    st.exchange(soci::into(client));
    st.exchange(soci::into(r.client_name));
    st.exchange(soci::into(sale));
    st.exchange(soci::into(dealer));
    st.exchange(soci::into(salon));
    st.exchange(soci::into(r.salon_name));
    st.exchange(soci::into(r.time_zone));
    st.exchange(soci::into(r.shift_number));
    st.exchange(soci::into(r.receipt_number));
    st.exchange(soci::into(r.tariff_name));
    st.exchange(soci::into(created));
    st.exchange(soci::into(updated));
    st.alloc();
    st.prepare(sql);
    st.define_and_bind();
    st.execute();
    std::vector<PortRequestRow> out;
    std::map<std::string, CalendarDate> today_in;  // one "today" per time zone
    while (st.fetch()) {
        PortRequestRow row = r;
        row.id = id;
        row.client_id = client;
        row.sale_id = sale;
        row.dealer_id = dealer;
        row.salon_id = salon;
        row.created_at = created;
        row.updated_at = updated;
        row.status = port_status_from_string(status);
        row.number = Msisdn::parse(row.msisdn).display();
        row.client_name = mask_full_name(row.client_name);
        if (is_open(row.status)) {
            auto today = today_in.find(row.time_zone);
            if (today == today_in.end())
                today = today_in.emplace(row.time_zone, CalendarDate::of(now, row.time_zone)).first;
            const CalendarDate wanted =
                CalendarDate::parse(row.desired_date, "desired_date", tr("Transfer date"));
            if (today->second > wanted)
                row.days_overdue =
                    static_cast<int>(today->second.days_since_epoch() - wanted.days_since_epoch());
        }
        out.push_back(std::move(row));
    }
    return out;
}

// The request with the actor's read rights checked: another dealer's is "not found", another salon's
// refused for a salon person.
PortRequestRow readable_request(db::Database& db, const Actor& actor, std::int64_t id, bool lock = false) {
    read_scope(db, actor, 0);
    auto rows = query_rows(db, "WHERE pr.id = :id", {Bound(static_cast<long long>(id))}, db.now(), lock);
    if (rows.empty() || !actor.sees_dealer(rows.front().dealer_id))
        throw ValidationError(tr("Port request"), not_found(id));
    const PortRequestRow& row = rows.front();
    if (is_salon_person(actor) && row.salon_id != actor.member().salon_id)
        throw RefusedError(trf("Port request {1} belongs to salon «{2}»: its staff handle it.",
                               {std::to_string(id), row.salon_name}));
    return row;
}

// Sale.cpp's rule for the till: sell, a salon, the operator's training (R-POS-3).
void require_desk_person(db::Database& db, const Actor& actor) {
    actor.require(db, Permission::sell);
    if (!is_salon_person(actor) || actor.member().salon_id == 0)
        throw RefusedError(tr("Only a salon's staff work at its till: you are not bound to a salon."));
    require_may_serve_now(db, actor.confirm(db), ClientKind::private_client);  // confirmed by require
}

std::string checked_reason(const std::string& typed, bool required) {
    const std::string trimmed_reason = typed.find_first_not_of(" \t\r\n") == std::string::npos
                                           ? std::string()
                                           : required_text("reason", tr("Reason"), typed);
    if (trimmed_reason.empty()) {
        if (required)
            throw InputError("reason", tr("Reason"),
                             tr("say why the donor refused (a debt, an owner mismatch...)"));
        return trimmed_reason;
    }
    if (icu::UnicodeString::fromUTF8(trimmed_reason).countChar32() > kMaxReasonLength)
        throw InputError("reason", tr("Reason"),
                         trf("at most {1} characters", {std::to_string(kMaxReasonLength)}));
    return trimmed_reason;
}

// The ported number comes into service on `iccid` (see PortRequest.hpp); returns the card's id.
long long bring_into_service(db::Database& db, const Actor& actor, const PortRequestRow& r,
                             const std::string& iccid, long long now) {
    long long live = 0;
    db.run("SELECT COUNT(*) FROM subscription WHERE msisdn = :m AND ended_at IS NULL", soci::use(r.msisdn),
           soci::into(live));
    long long on_card = 0;
    db.sql()
        << "SELECT COUNT(*) FROM sim_card WHERE msisdn = :m AND status IN ('in_stock', 'sold', 'returned')",
        soci::use(r.msisdn), soci::into(on_card);
    if (live || on_card)
        throw RefusedError(
            trf("{1} is already in service with the operator: port request {2} cannot bring it in again.",
                {r.number, std::to_string(r.id)}));
    const SimCard card = take_sim_for_sale(db, r.salon_id, iccid);
    if (!card.msisdn.empty())
        throw InputError("iccid", tr("ICCID"),
                         tr("this card already carries a number: the ported number needs a blank card"));
    const long long request = r.id;
    long long tariff_id = 0;
    std::string tariff_code;
    soci::indicator tariff_ind = soci::i_null;
    db.run(
        "SELECT t.id, t.code FROM port_request pr JOIN sale_line l ON l.id = pr.sale_line_id "
        "JOIN tariff_version tv ON tv.id = l.tariff_version_id JOIN tariff t ON t.id = tv.tariff_id "
        "WHERE pr.id = :id",
        soci::use(request), soci::into(tariff_id, tariff_ind), soci::into(tariff_code));
    if (tariff_ind !=
        soci::i_ok)  // every port-in line is sold with its tariff; a damaged row is not guessed at
        throw ValidationError(tr("Port request"), tr("the sale's line names no tariff for the number"));
    const long long staff = actor.staff_id();
    set_sim_status(db, card.id, kSimSold, staff, "port request " + std::to_string(r.id), r.msisdn);
    const long long card_id = card.id, client = r.client_id;
    db.run(
        "INSERT INTO subscription (msisdn, client_id, sim_card_id, tariff_id, started_at) "
        "VALUES (:m, :c, :s, :t, :at)",
        soci::use(r.msisdn), soci::use(client), soci::use(card_id), soci::use(tariff_id), soci::use(now));
    // The operator learns which card carries the number, as for a SIM sold with one.
    const std::string payload = nlohmann::json{
        {"msisdn", r.msisdn},
        {"sim_card", card_id},
        {"tariff", tariff_code},
        {"port_request", request}}.dump();
    db.run(
        "INSERT INTO gateway_request (sale_line_id, kind, payload, status, created_at) "
        "SELECT sale_line_id, 'activate', :p, 'pending', :at FROM port_request WHERE id = :id",
        soci::use(payload), soci::use(now), soci::use(request));
    return card_id;
}

}  // namespace

std::string to_string(PortStatus status) {
    for (const auto& [s, name] : kStatuses)
        if (s == status) return name;
    return "submitted";
}

PortStatus port_status_from_string(const std::string& text) {
    for (const auto& [s, name] : kStatuses)
        if (text == name) return s;
    throw InputError("status", tr("Status"), tr("must be submitted, accepted, rejected or completed"));
}

const std::vector<std::string>& donor_operators() {
    static const std::vector<std::string> operators = {"МТС",        "МегаФон",  "Билайн",      "Yota",
                                                       "Т-Мобайл",   "СберМобайл", "Ростелеком", "Мотив",
                                                       "Летай",      "Win mobile"};
    return operators;
}

Text port_status_title(PortStatus status) {
    switch (status) {
    case PortStatus::submitted: return tr("sent to the donor");
    case PortStatus::accepted: return tr("accepted by the donor");
    case PortStatus::rejected: return tr("rejected by the donor");
    case PortStatus::completed: return tr("transfer completed");
    }
    return tr("sent to the donor");
}

bool is_open(PortStatus status) { return status == PortStatus::submitted || status == PortStatus::accepted; }

std::vector<PortRequestRow> list_port_requests(db::Database& db, const Actor& actor,
                                               const PortRequestFilter& filter) {
    if (filter.limit < 1 || filter.limit > kMaxLimit)
        throw InputError("limit", tr("Limit"),
                         trf("must be from {1} to {2}", {"1", std::to_string(kMaxLimit)}));
    const Scope scope = read_scope(db, actor, filter.salon_id);
    std::string where = "WHERE 1 = 1";
    std::vector<Bound> values;
    if (scope.salon_id) {
        where += " AND s.salon_id = :salon";
        values.emplace_back(scope.salon_id);
    }
    if (scope.dealer_id) {
        where += " AND s.dealer_id = :dealer";
        values.emplace_back(scope.dealer_id);
    }
    if (filter.only_open) where += " AND pr.status IN ('submitted', 'accepted')";
    if (filter.status) {
        where += " AND pr.status = :status";
        values.emplace_back(to_string(*filter.status));
    }
    where += " ORDER BY pr.desired_date, pr.id LIMIT :lim";
    values.emplace_back(static_cast<long long>(filter.limit));
    auto rows = query_rows(db, where, values, db.now());
    std::erase_if(rows, [&](const PortRequestRow& r) { return !actor.sees_dealer(r.dealer_id); });
    return rows;
}

PortRequestRow get_port_request(db::Database& db, const Actor& actor, std::int64_t id) {
    return readable_request(db, actor, id);
}

std::vector<PortStatusChange> port_request_history(db::Database& db, const Actor& actor, std::int64_t id) {
    readable_request(db, actor, id);
    std::vector<PortStatusChange> out;
    PortStatusChange c;
    long long at = 0, staff = 0;
    std::string from, to, reason, iccid;
    soci::indicator reason_ind = soci::i_null, iccid_ind = soci::i_null;
    const long long request = id;
    db::Statement st = db.query(
        "SELECT ch.at, ch.staff_id, p.full_name, ch.from_status, ch.to_status, ch.reason, "
        "card.iccid FROM port_request_change ch JOIN staff p ON p.id = ch.staff_id "
        "LEFT JOIN sim_card card ON card.id = ch.sim_card_id "
        "WHERE ch.port_request_id = :id ORDER BY ch.at, ch.id",
        soci::use(request), soci::into(at), soci::into(staff), soci::into(c.staff_name), soci::into(from),
        soci::into(to), soci::into(reason, reason_ind), soci::into(iccid, iccid_ind));
    st.execute();
    while (st.fetch()) {
        c.at = at;
        c.staff_id = staff;
        c.from = port_status_from_string(from);
        c.to = port_status_from_string(to);
        c.reason = reason_ind == soci::i_ok ? reason : std::string();
        c.iccid = iccid_ind == soci::i_ok ? iccid : std::string();
        out.push_back(c);
    }
    return out;
}

PortRequestRow advance_port_request(db::Database& db, const Actor& actor, std::int64_t id,
                                    PortStatus new_status, const std::string& reason,
                                    const std::string& iccid) {
    require_desk_person(db, actor);
    const std::string why = checked_reason(reason, new_status == PortStatus::rejected);
    const bool card_given = iccid.find_first_not_of(" \t") != std::string::npos;
    if (new_status == PortStatus::completed && !card_given)
        throw InputError("iccid", tr("ICCID"), tr("scan the blank card that takes the ported number"));
    if (new_status != PortStatus::completed && card_given)
        throw InputError("iccid", tr("ICCID"), tr("only the completion of a transfer takes a card"));
    db::WriteTransaction tx(db);
    const PortRequestRow r = readable_request(db, actor, id, true);
    if (!allowed(r.status, new_status))
        throw RefusedError(trf(
            "Port request {1} cannot go from «{2}» to «{3}».",
            {std::to_string(id), port_status_title(r.status).str(), port_status_title(new_status).str()}));
    const long long now = db.now();
    long long card_id = 0;
    if (new_status == PortStatus::completed) {
        const CalendarDate today = CalendarDate::of(now, r.time_zone);
        const CalendarDate wanted = CalendarDate::parse(r.desired_date, "desired_date", tr("Transfer date"));
        if (today < wanted)
            throw RefusedError(
                trf("Port request {1} is completed on its transfer date {2} or later: it is {3} in "
                    "the salon.",
                    {std::to_string(id), wanted.display(), today.display()}));
        card_id = bring_into_service(db, actor, r, iccid, now);
    }
    const std::string from = to_string(r.status), to = to_string(new_status);
    const long long request = id;
    // The status read above is the one replaced: two stations answering at once cannot both succeed.
    const long long changed =
        db.update("UPDATE port_request SET status = :to, updated_at = :at WHERE id = :id AND status = :from",
                  soci::use(to), soci::use(now), soci::use(request), soci::use(from));
    if (changed == 0)
        throw RefusedError(trf("Port request {1} was changed at another station meanwhile: look at it again.",
                               {std::to_string(id)}));
    const long long staff = actor.staff_id();
    soci::indicator reason_ind = why.empty() ? soci::i_null : soci::i_ok;
    soci::indicator card_ind = card_id ? soci::i_ok : soci::i_null;
    db.sql()
        << "INSERT INTO port_request_change (port_request_id, at, staff_id, from_status, to_status, reason, "
           "sim_card_id) VALUES (:r, :at, :s, :f, :t, :why, :c)",
        soci::use(request), soci::use(now), soci::use(staff), soci::use(from), soci::use(to),
        soci::use(why, reason_ind), soci::use(card_id, card_ind);
    const char* action = new_status == PortStatus::accepted   ? "port.accept"
                         : new_status == PortStatus::rejected ? "port.reject"
                                                              : "port.complete";
    std::string details = "from=" + from + " to=" + to;
    if (card_id) details += " sim_card=" + std::to_string(card_id);
    if (!why.empty()) details += " reason_given";
    actor.record(db, action, "port_request:" + std::to_string(id), details);
    tx.commit();
    return get_port_request(db, actor, id);
}

}  // namespace salon::pos
