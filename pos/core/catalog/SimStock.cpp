#include "pos/core/catalog/SimStock.hpp"

#include "pos/core/identifiers/DigitString.hpp"

#include "db/Database.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/identifiers/Iccid.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/core/common/OutsideInput.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/organisation/StaffMember.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <functional>
#include <map>
#include <set>

namespace salon::pos {

namespace {

constexpr int kMaxRange = 100000;
constexpr std::size_t kProblemsInMessage = 5;

bool is_live(const std::string& status) {
    return status == kSimInStock || status == kSimSold || status == kSimReturned;
}

bool is_known_status(const std::string& status) {
    return is_live(status) || status == kSimReplaced || status == kSimDefective;
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

// triple, nano or esim, whatever the case; empty when it is none of them.
std::string normal_format(const std::string& text) {
    const std::string f = lower(trimmed(text));
    return f == "triple" || f == "nano" || f == "esim" ? f : std::string();
}

Text format_field() { return tr("SIM format"); }
Text iccid_field() { return tr("ICCID"); }

// Who handles a salon's stock (see receive_sims). Another dealer's salon is "not found", as elsewhere.
Salon require_stock_access(db::Database& db, const Actor& actor, std::int64_t salon_id) {
    const Salon salon = parse_input("salon", [&] { return get_salon(db, actor, salon_id); });
    if (actor.is_command_line()) return salon;
    const StaffMember& me = actor.member();
    if (works_in_salon(me.role)) {
        actor.require(db, Permission::sell);
        if (me.salon_id != salon.id) throw RefusedError(tr("You handle only your own salon's SIM stock."));
    } else if (me.role == Role::dealer_manager) {
        actor.require(db, Permission::manage_staff);  // get_salon has kept him to his own dealer
    } else {
        actor.require(db, Permission::administer_database);
    }
    return salon;
}

void refuse_closed(const Salon& salon) {
    if (!salon.active)
        throw RefusedError(trf("Salon «{1}» is closed: its SIM stock cannot change.", {salon.name}));
}

struct CardRow {
    SimCard card;
    std::int64_t dealer_id = 0;
};

enum class CardKey { iccid, live_msisdn, id };

// One card with its salon. The WHERE clauses are fixed texts; the value is always bound.
db::Read card_read(db::Database& db, CardKey key, const std::string& value, long long id, bool lock) {
    std::string sql =
        "SELECT c.id, c.iccid, c.msisdn, c.sim_format, c.salon_id, s.name, c.status, c.received_at, "
        "c.updated_at, s.dealer_id FROM sim_card c JOIN salon s ON s.id = c.salon_id WHERE ";
    switch (key) {
    case CardKey::iccid: sql += "c.iccid = :v"; break;
    case CardKey::live_msisdn: sql += "c.msisdn = :v AND c.status IN ('in_stock', 'sold', 'returned')"; break;
    case CardKey::id: sql += "c.id = :v"; break;
    }
    // Two tills selling the same card: the second waits for the first's commit, then sees it sold.
    if (lock && db.backend() == db::Backend::postgresql) sql += " FOR UPDATE OF c";
    return {sql, {key == CardKey::id ? db::Param(id) : db::Param(value)}};
}

std::optional<CardRow> load_card(db::Database& db, CardKey key, const std::string& value, long long id = 0,
                                 bool lock = false) {
    const std::vector<db::TextRow> rows = db.read_rows(card_read(db, key, value, id, lock));
    if (rows.empty()) return std::nullopt;
    const db::TextRow& r = rows.front();
    CardRow row;
    row.card.id = db::row_integer(r, 0);
    row.card.iccid = db::row_text(r, 1);
    row.card.msisdn = db::row_text(r, 2);
    row.card.format = db::row_text(r, 3);
    row.card.salon_id = db::row_integer(r, 4);
    row.card.salon_name = db::row_text(r, 5);
    row.card.status = db::row_text(r, 6);
    row.card.received_at = db::row_integer(r, 7);
    row.card.updated_at = db::row_integer(r, 8);
    row.dealer_id = db::row_integer(r, 9);
    return row;
}

// The movement of one card; `from_salon` 0 when it came from outside (received).
void write_movement(db::Database& db, long long card_id, long long at, long long staff_id,
                    long long from_salon, long long to_salon, const std::string& status,
                    const std::string& reason) {
    db.later("INSERT INTO sim_movement (sim_card_id, at, staff_id, from_salon, to_salon, status, reason) "
             "VALUES (:c, :at, :staff, :from, :to, :status, :reason)",
             {card_id, at, db::Param::or_null(staff_id), db::Param::or_null(from_salon), to_salon, status, reason});
}

// Why a card that exists cannot leave the stock (sold, replaced, defective); empty Text when it can.
Text unavailable_reason(const std::string& status) {
    if (status == kSimSold) return tr("this card is already sold");
    if (status == kSimReplaced) return tr("this card was replaced and is out of service");
    if (status == kSimDefective) return tr("this card is marked defective");
    return {};
}

struct CheckedRow {
    std::string iccid;
    std::string msisdn;  // E.164 or empty
    std::string format;
};

constexpr std::size_t kProgressEvery = 1024;

// Tells `progress` (if any) that `done` of `total` rows are through; refuses the batch when it says stop.
void report(const IntakeProgress& progress, std::size_t done, std::size_t total) {
    if (progress && !progress(done, total)) throw RefusedError(tr("Stopped: nothing was received."));
}

// A row of a batch read from its text (ICCID, number, format) with the problems reading found: done before
// any transaction opens, so the text of a file is never parsed while other tills wait for the database.
struct ReadIntake {
    CheckedRow out;
    int row = 0;
    bool ok = true;
    std::vector<IntakeProblem> problems;
    const SimIntake* in = nullptr;
};

// Progress counts these rows from 0 towards `total` (receive_sims counts its saving after them).
std::vector<ReadIntake> read_intake(const std::vector<SimIntake>& rows, const IntakeProgress& progress,
                                    std::size_t total) {
    std::vector<ReadIntake> read(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i % kProgressEvery == 0) report(progress, i, total);
        const SimIntake& in = rows[i];
        ReadIntake& r = read[i];
        r.in = &in;
        r.row = in.line ? in.line : static_cast<int>(i) + 1;
        auto problem = [&](const char* input, const std::string& value, const UserError& e) {
            r.problems.push_back({r.row, input, value, e.message()});
            r.ok = false;
        };
        try {
            r.out.iccid = Iccid::parse(in.iccid).str();
        } catch (const ValidationError& e) {
            problem("iccid", in.iccid, e);
        }
        if (!trimmed(in.msisdn).empty()) {
            try {
                r.out.msisdn = Msisdn::parse(in.msisdn).str();
            } catch (const ValidationError& e) {
                problem("msisdn", in.msisdn, e);
            }
        }
        r.out.format = normal_format(in.format);
        if (r.out.format.empty())
            problem("format", in.format,
                    ValidationError(format_field(),
                                    trf("must be triple, nano or esim, not \"{1}\"", {trimmed(in.format)})));
    }
    return read;
}

// Every problem of the batch against the stock records; `checked` gets the normalised rows (meaningful
// only when there is none).
std::vector<IntakeProblem> find_problems(db::Database& db, const Actor& actor, std::vector<ReadIntake>& rows,
                                         std::vector<CheckedRow>& checked) {
    std::vector<IntakeProblem> problems;
    std::map<std::string, int> iccid_rows, msisdn_rows;
    checked.clear();
    checked.reserve(rows.size());

    std::string iccid_value, found_salon, found_status, live_iccid;
    long long found_dealer = 0, live_dealer = 0;
    db::Statement by_iccid = db.query(
        "SELECT s.name, c.status, s.dealer_id FROM sim_card c JOIN salon s ON s.id = c.salon_id "
        "WHERE c.iccid = :i",
        soci::use(iccid_value), soci::into(found_salon), soci::into(found_status), soci::into(found_dealer));
    std::string msisdn_value;
    db::Statement by_msisdn = db.query(
        "SELECT c.iccid, s.dealer_id FROM sim_card c JOIN salon s ON s.id = c.salon_id "
        "WHERE c.msisdn = :m AND c.status IN ('in_stock', 'sold', 'returned')",
        soci::use(msisdn_value), soci::into(live_iccid), soci::into(live_dealer));

    for (ReadIntake& read : rows) {
        const SimIntake& in = *read.in;
        const int row = read.row;
        auto problem = [&](const char* input, const std::string& value, const UserError& e) {
            problems.push_back({row, input, value, e.message()});
        };
        problems.insert(problems.end(), read.problems.begin(), read.problems.end());
        CheckedRow& out = read.out;
        bool row_ok = read.ok;
        if (!out.iccid.empty()) {
            if (auto [it, fresh] = iccid_rows.emplace(out.iccid, row); !fresh) {
                problem("iccid", in.iccid,
                        ValidationError(iccid_field(), trf("appears twice in the batch (also row {1})",
                                                           {std::to_string(it->second)})));
                row_ok = false;
            } else {
                iccid_value = out.iccid;
                by_iccid.execute(true);
                if (by_iccid.got_data()) {
                    problem("iccid", in.iccid,
                            ValidationError(iccid_field(),
                                            actor.sees_dealer(found_dealer)
                                                ? trf("is already in the stock records (salon «{1}», {2})",
                                                      {found_salon, sim_status_title(found_status)})
                                                : tr("is already in the stock records")));
                    row_ok = false;
                }
            }
        }
        if (!out.msisdn.empty()) {
            if (auto [it, fresh] = msisdn_rows.emplace(out.msisdn, row); !fresh) {
                problem("msisdn", in.msisdn,
                        ValidationError(tr("Phone number"), trf("appears twice in the batch (also row {1})",
                                                                {std::to_string(it->second)})));
                row_ok = false;
            } else {
                msisdn_value = out.msisdn;
                by_msisdn.execute(true);
                if (by_msisdn.got_data()) {
                    problem("msisdn", in.msisdn,
                            ValidationError(tr("Phone number"),
                                            actor.sees_dealer(live_dealer)
                                                ? trf("is already live on card {1}", {live_iccid})
                                                : tr("is already live on another card")));
                    row_ok = false;
                }
            }
        }
        if (row_ok) checked.push_back(std::move(out));
    }
    return problems;
}

SimIntakeError refused_batch(const std::vector<IntakeProblem>& problems) {
    std::string first;
    for (std::size_t i = 0; i < problems.size() && i < kProblemsInMessage; ++i)
        first += (i ? "; " : "") + trf("row {1}", {std::to_string(problems[i].row)}).str() + ": " +
                 problems[i].message;
    if (problems.size() > kProblemsInMessage) first += "; …";
    return SimIntakeError(
        tr("SIM cards"),
        trf("rows with problems: {1}; nothing was received. {2}", {std::to_string(problems.size()), first}),
        problems);
}

// Counts a decimal string up by `step`; false when it would need another digit.
bool add_to_digits(std::string& digits, long long step) {
    for (auto it = digits.rbegin(); it != digits.rend() && step > 0; ++it) {
        const long long d = (*it - '0') + step;
        *it = static_cast<char>('0' + d % 10);
        step = d / 10;
    }
    return step == 0;
}

}  // namespace

Text sim_format_title(const std::string& format) {
    if (format == "triple") return tr("triple");
    if (format == "nano") return tr("nano-SIM");
    if (format == "esim") return tr("eSIM");
    return tr("SIM card");
}

std::string sim_status_title(const std::string& status) {
    if (status == kSimInStock) return tr("in stock").str();
    if (status == kSimSold) return tr("sold").str();
    if (status == kSimReplaced) return tr("replaced").str();
    if (status == kSimReturned) return tr("returned").str();
    if (status == kSimDefective) return tr("defective").str();
    return status;
}

std::string iccid_with_check_digit(const std::string& body) { return body + luhn_check_digit(body); }

std::vector<IntakeProblem> check_intake(db::Database& db, const Actor& actor, std::int64_t salon_id,
                                        const std::vector<SimIntake>& rows, const IntakeProgress& progress) {
    require_stock_access(db, actor, salon_id);
    std::vector<ReadIntake> read = read_intake(rows, progress, rows.size());
    std::vector<CheckedRow> checked;
    auto problems = find_problems(db, actor, read, checked);
    report(progress, rows.size(), rows.size());
    return problems;
}

int receive_sims(db::Database& db, const Actor& actor, std::int64_t salon_id,
                 const std::vector<SimIntake>& rows, const IntakeProgress& progress) {
    if (rows.empty()) throw InputError("iccid", iccid_field(), tr("no SIM cards were given"));
    const std::size_t total = 2 * rows.size();  // each row checked, then saved
    std::vector<ReadIntake> read = read_intake(rows, progress, total);
    db::WriteTransaction tx(db);
    const Salon salon = require_stock_access(db, actor, salon_id);
    refuse_closed(salon);
    std::vector<CheckedRow> checked;
    const auto problems = find_problems(db, actor, read, checked);
    report(progress, rows.size(), total);
    if (!problems.empty()) throw refused_batch(problems);

    const long long now = db.now();
    const long long to_salon = salon.id;
    const long long staff_id = actor.staff_id();
    soci::indicator staff_ind = staff_id ? soci::i_ok : soci::i_null;
    const std::string status = kSimInStock;
    const std::string reason = "received";
    CheckedRow row;
    soci::indicator msisdn_ind = soci::i_ok;
    long long card_id = 0;
    {  // the prepared statements end before the commit (SQLite refuses it while one is in progress)
        db::Statement insert_card = db.query(
            "INSERT INTO sim_card (iccid, msisdn, sim_format, salon_id, status, received_at, "
            "updated_at) VALUES (:i, :m, :f, :s, :st, :now, :now2) RETURNING id",
            soci::use(row.iccid), soci::use(row.msisdn, msisdn_ind), soci::use(row.format),
            soci::use(to_salon), soci::use(status), soci::use(now), soci::use(now), soci::into(card_id));
        db::Statement insert_movement = db.query(
            "INSERT INTO sim_movement (sim_card_id, at, staff_id, from_salon, to_salon, status, "
            "reason) VALUES (:c, :at, :staff, NULL, :to, :st, :reason)",
            soci::use(card_id), soci::use(now), soci::use(staff_id, staff_ind), soci::use(to_salon),
            soci::use(status), soci::use(reason));
        for (std::size_t i = 0; i < checked.size(); ++i) {
            if (i % kProgressEvery == 0) report(progress, rows.size() + i, total);
            row = checked[i];
            msisdn_ind = row.msisdn.empty() ? soci::i_null : soci::i_ok;
            insert_card.execute(true);
            insert_movement.execute(true);
        }
    }
    const int count = static_cast<int>(checked.size());
    actor.record(db, "sim.receive", "salon:" + std::to_string(salon.id), "count=" + std::to_string(count));
    report(progress, total, total);  // the last chance to stop before the commit
    tx.commit();
    return count;
}

std::vector<SimIntake> sim_range(const std::string& first_iccid, int count, const std::string& first_msisdn,
                                 const std::string& format) {
    const Iccid first = parse_input("iccid", [&] { return Iccid::parse(first_iccid); });
    if (count < 1 || count > kMaxRange)
        throw InputError("count", tr("Count"),
                         trf("must be from {1} to {2}", {"1", std::to_string(kMaxRange)}));
    std::string body = first.str().substr(0, first.str().size() - 1);
    if (std::string last = body; !add_to_digits(last, count - 1) || last.compare(0, 2, "89") != 0)
        throw InputError("count", tr("Count"), tr("the range runs past the last ICCID of this length"));
    std::string national;  // the ten digits after +7
    if (!trimmed(first_msisdn).empty()) {
        national = parse_input("msisdn", [&] { return Msisdn::parse(first_msisdn); }).str().substr(2);
        if (std::string last = national; !add_to_digits(last, count - 1))
            throw InputError("count", tr("Count"), tr("the range runs past the last phone number"));
    }
    std::vector<SimIntake> out;
    out.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        if (i > 0) {
            add_to_digits(body, 1);
            if (!national.empty()) add_to_digits(national, 1);
        }
        out.push_back(
            {iccid_with_check_digit(body), national.empty() ? std::string() : "+7" + national, format, 0});
    }
    return out;
}

std::vector<SimIntake> read_sim_file(const std::string& path) {
    const std::string data =
        parse_input("file", [&] { return read_outside_file(path, tr("File")); });
    std::istringstream in(data);
    std::vector<SimIntake> out;
    std::string text;
    int line = 0;
    bool first_content = true;
    auto bad_line = [&](const Text& why) {
        return InputError("file", tr("File"), trf("line {1}: {2}", {std::to_string(line), why.str()}));
    };
    while (std::getline(in, text)) {
        ++line;
        if (line == 1 && text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // spreadsheets' UTF-8 mark
        const std::string content = trimmed(text);
        if (content.empty() || content[0] == '#') continue;
        const char separator = content.find(';') != std::string::npos ? ';' : ',';
        std::vector<std::string> fields;
        std::size_t start = 0;
        while (true) {
            const auto end = content.find(separator, start);
            fields.push_back(
                trimmed(content.substr(start, end == std::string::npos ? std::string::npos : end - start)));
            if (end == std::string::npos) break;
            start = end + 1;
        }
        // A header names the columns: its first field has no digit.
        if (first_content) {
            first_content = false;
            if (fields[0].find_first_of("0123456789") == std::string::npos) continue;
        }
        if (fields.size() > 3) throw bad_line(tr("expected iccid;msisdn;format, found more fields"));
        // Named by column, before anything parses them: a NUL stored in a card's record is found by no one.
        const Text titles[] = {iccid_field(), tr("Phone number"), format_field()};
        for (std::size_t f = 0; f < fields.size(); ++f)
            if (const auto c = control_character(fields[f]))
                throw bad_line(trf("{1}: {2}", {titles[f].str(), control_character_reason(*c).str()}));
        if (fields[0].empty()) throw bad_line(tr("the ICCID is missing"));
        if (fields[0].find_first_of("eE") != std::string::npos && fields[0].find('+') != std::string::npos)
            throw bad_line(tr("the ICCID was saved as a number such as 8.97E+18: format the column as text"));
        fields.resize(3);
        out.push_back({fields[0], fields[1], fields[2], line});
        parse_input("file", [&] { require_rows_within(out.size(), kMaxSimFileRows, tr("File")); });
    }
    return out;
}

namespace {

// The cards `iccids` name, read in the caller's transaction, each one this actor sees, still on hand (in
// stock or returned), named once, and passing `also` (which throws, naming the card's field, to refuse it);
// the actor must handle the stock of every card's salon. Refuses the first card that fails, by its ICCID.
std::vector<CardRow> cards_on_hand(db::Database& db, const Actor& actor,
                                   const std::vector<std::string>& iccids,
                                   const std::function<void(const CardRow&, const Text&)>& also) {
    if (iccids.empty()) throw InputError("iccid", iccid_field(), tr("no SIM cards were given"));
    std::set<std::int64_t> salons;
    std::set<std::string> seen;
    std::vector<CardRow> cards;
    for (const std::string& raw : iccids) {
        const std::string iccid = parse_input("iccid", [&] { return Iccid::parse(raw); }).str();
        const Text field = trf("ICCID {1}", {iccid});
        if (!seen.insert(iccid).second) throw InputError("iccid", field, tr("is given twice"));
        auto row = load_card(db, CardKey::iccid, iccid, 0, true);
        if (!row || !actor.sees_dealer(row->dealer_id))
            throw InputError("iccid", field, tr("no such card in the stock"));
        if (const Text why_not = unavailable_reason(row->card.status); !why_not.empty())
            throw InputError("iccid", field, why_not);
        also(*row, field);
        if (salons.insert(row->card.salon_id).second) require_stock_access(db, actor, row->card.salon_id);
        cards.push_back(std::move(*row));
    }
    return cards;
}

}  // namespace

void move_sims(db::Database& db, const Actor& actor, const std::vector<std::string>& iccids,
               std::int64_t to_salon_id, const std::string& reason) {
    const std::string why = required_text("reason", tr("Reason"), reason);
    db::WriteTransaction tx(db);
    const Salon to = parse_input("salon", [&] { return get_salon(db, actor, to_salon_id); });
    refuse_closed(to);
    const std::vector<CardRow> cards =
        cards_on_hand(db, actor, iccids, [&](const CardRow& row, const Text& field) {
            if (row.card.salon_id == to.id)
                throw InputError("iccid", field, trf("is already in salon «{1}»", {to.name}));
            if (row.dealer_id != to.dealer_id && !actor.is_head_office())
                throw RefusedError(tr("SIM cards move only between salons of the same dealer."));
        });
    std::set<std::int64_t> sources;
    for (const CardRow& c : cards) sources.insert(c.card.salon_id);
    const long long now = db.now();
    const long long to_salon = to.id;
    std::string from_list;
    for (const CardRow& c : cards) {
        const long long id = c.card.id;
        db.run("UPDATE sim_card SET salon_id = :to, updated_at = :now WHERE id = :id", soci::use(to_salon),
               soci::use(now), soci::use(id));
        write_movement(db, id, now, actor.staff_id(), c.card.salon_id, to_salon, c.card.status, why);
    }
    for (const auto id : sources) from_list += (from_list.empty() ? "" : ",") + std::to_string(id);
    actor.record(db, "sim.move", "salon:" + std::to_string(to.id),
                 "count=" + std::to_string(cards.size()) + " from=salon:" + from_list);
    tx.commit();
}

void mark_defective(db::Database& db, const Actor& actor, const std::vector<std::string>& iccids,
                    const std::string& reason) {
    const std::string why = required_text("reason", tr("Reason"), reason);
    db::WriteTransaction tx(db);
    actor.confirm(db);
    const std::vector<CardRow> cards = cards_on_hand(db, actor, iccids, [](const CardRow&, const Text&) {});
    const long long now = db.now();
    const std::string status = kSimDefective;
    for (const CardRow& c : cards) {
        const long long id = c.card.id;
        db.run("UPDATE sim_card SET status = :st, updated_at = :now WHERE id = :id", soci::use(status),
               soci::use(now), soci::use(id));
        write_movement(db, id, now, actor.staff_id(), c.card.salon_id, c.card.salon_id, status, why);
        actor.record(db, "sim.defective", "sim_card:" + std::to_string(id),
                     "salon=" + std::to_string(c.card.salon_id));
    }
    tx.commit();
}

void mark_defective(db::Database& db, const Actor& actor, const std::string& iccid,
                    const std::string& reason) {
    mark_defective(db, actor, std::vector<std::string>{iccid}, reason);
}

std::optional<SimCard> find_sim(db::Database& db, const Actor& actor, const std::string& query) {
    actor.confirm(db);
    const std::string text = trimmed(query);
    std::size_t digits = 0;
    for (const char c : text)
        if (c >= '0' && c <= '9') ++digits;
    std::optional<CardRow> row;
    // A phone number has at most 11 digits, an ICCID 19 or 20: the count tells which was meant.
    if (digits >= 15) {
        const Iccid iccid = parse_input("query", [&] { return Iccid::parse(text); });
        row = load_card(db, CardKey::iccid, iccid.str());
    } else {
        if (text.empty()) throw InputError("query", tr("Search"), tr("type an ICCID or a phone number"));
        const Msisdn number = parse_input("query", [&] { return Msisdn::parse(text); });
        row = load_card(db, CardKey::live_msisdn, number.str());
    }
    if (!row || !actor.sees_dealer(row->dealer_id)) return std::nullopt;
    return row->card;
}

std::vector<SimCard> list_stock(db::Database& db, const Actor& actor, std::int64_t salon_id,
                                const std::string& status, int limit) {
    const Salon salon = parse_input("salon", [&] { return get_salon(db, actor, salon_id); });
    const std::string wanted = trimmed(status);
    if (!wanted.empty() && !is_known_status(wanted))
        throw InputError("status", tr("Status"),
                         tr("must be in_stock, sold, replaced, returned or defective"));
    if (limit < 1 || limit > kMaxRange)
        throw InputError("limit", tr("Limit"),
                         trf("must be from {1} to {2}", {"1", std::to_string(kMaxRange)}));
    const long long id = salon.id;
    std::string sql =
        "SELECT c.id, c.iccid, c.msisdn, c.sim_format, c.status, c.received_at, c.updated_at FROM sim_card c "
        "WHERE c.salon_id = :s";
    // The cards in stock are read through their own index, whose condition the query must state as written.
    const bool in_stock = wanted == "in_stock";
    if (in_stock) sql += " AND c.status = 'in_stock'";
    else if (!wanted.empty()) sql += " AND c.status = :st";
    sql += " ORDER BY c.id LIMIT :lim";
    std::vector<SimCard> out;
    SimCard card;
    card.salon_id = salon.id;
    card.salon_name = salon.name;
    long long card_id = 0, received = 0, updated = 0;
    std::string msisdn;
    soci::indicator msisdn_ind = soci::i_ok;
    soci::statement st(db.sql());
    st.exchange(soci::use(id));
    if (!wanted.empty() && !in_stock) st.exchange(soci::use(wanted));
    st.exchange(soci::use(limit));
    st.exchange(soci::into(card_id));
    st.exchange(soci::into(card.iccid));
    st.exchange(soci::into(msisdn, msisdn_ind));
    st.exchange(soci::into(card.format));
    st.exchange(soci::into(card.status));
    st.exchange(soci::into(received));
    st.exchange(soci::into(updated));
    st.alloc();
    st.prepare(sql);
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
        card.id = card_id;
        card.msisdn = msisdn_ind == soci::i_ok ? msisdn : std::string();
        card.received_at = received;
        card.updated_at = updated;
        out.push_back(card);
    }
    return out;
}

void announce_sim_for_sale(db::Database& db, const std::string& iccid_digits) {
    if (db.reads_ahead()) db.read_ahead(card_read(db, CardKey::iccid, iccid_digits, 0, true));
}

SimCard take_sim_for_sale(db::Database& db, std::int64_t salon_id, const std::string& iccid) {
    const std::string digits = parse_input("iccid", [&] { return Iccid::parse(iccid); }).str();
    auto row = load_card(db, CardKey::iccid, digits, 0, true);
    if (!row) throw InputError("iccid", iccid_field(), tr("no such card in the stock"));
    if (row->card.salon_id != salon_id) {
        long long selling_dealer = 0;
        const long long selling_salon = salon_id;
        db.run("SELECT dealer_id FROM salon WHERE id = :id", soci::use(selling_salon),
               soci::into(selling_dealer));
        if (selling_dealer != row->dealer_id)
            throw InputError("iccid", iccid_field(), tr("this card is another dealer's"));
        throw InputError("iccid", iccid_field(),
                         trf("this card is in the stock of salon «{1}»", {row->card.salon_name}));
    }
    if (const Text why_not = unavailable_reason(row->card.status); !why_not.empty())
        throw InputError("iccid", iccid_field(), why_not);
    return row->card;
}

void set_sim_status(db::Database& db, std::int64_t sim_card_id, const std::string& status,
                    std::int64_t staff_id, const std::string& reason, const std::string& msisdn) {
    auto row = load_card(db, CardKey::id, {}, sim_card_id, true);
    if (!row) throw InputError("iccid", iccid_field(), tr("no such card in the stock"));
    set_sim_status(db, row->card, status, staff_id, reason, msisdn);
}

void set_sim_status(db::Database& db, const SimCard& card, const std::string& status, std::int64_t staff_id,
                    const std::string& reason, const std::string& msisdn) {
    if (!is_known_status(status))
        throw InputError("status", tr("Status"),
                         tr("must be in_stock, sold, replaced, returned or defective"));
    const std::string why = required_text("reason", tr("Reason"), reason);
    std::string number = card.msisdn;
    if (!trimmed(msisdn).empty()) number = parse_input("msisdn", [&] { return Msisdn::parse(msisdn); }).str();
    const bool new_number = number != card.msisdn;
    // A live card keeping its number needs no check: the unique index already keeps its number off others.
    if (is_live(status) && !number.empty() && (new_number || !is_live(card.status))) {
        const auto other = load_card(db, CardKey::live_msisdn, number);
        if (other && other->card.id != card.id)
            throw InputError("msisdn", tr("Phone number"),
                             trf("is already live on card {1}", {other->card.iccid}));
    }
    const long long now = db.now();
    const long long id = card.id;
    // Sent with the commit on PostgreSQL (Database::later): the card's row is already locked by its read.
    if (new_number)
        db.later("UPDATE sim_card SET status = :st, msisdn = :m, updated_at = :now WHERE id = :id",
                 {status, db::Param::or_null(number), now, id});
    else  // not naming msisdn spares the write to its index (a sale dirties fewer pages)
        db.later("UPDATE sim_card SET status = :st, updated_at = :now WHERE id = :id", {status, now, id});
    write_movement(db, id, now, staff_id, card.salon_id, card.salon_id, status, why);
}

}  // namespace salon::pos
