// salon-cli demo generate --sales N: a NEW database filled with a year of realistic sales for many dealers
// (at least 50), their salons and specialists, visits with ratings, certifications and entrance tests, for
// measuring reports at scale (`salon-cli bench rewards`). Rows are written in bulk, bypassing the desk's
// one-sale-per-transaction path: prepared statements in big transactions with the journal off on SQLite,
// COPY on PostgreSQL; ids are chosen here so that lines, refunds and visits refer to each other without a
// round trip. The desk's own operations are not used: 10 million sales through them would take hours.
#include "db/Database.hpp"
#include "db/Text.hpp"
#include "db/UserError.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"
#include "pos/core/fiscal/PaymentAgent.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <functional>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace salon::cli {

namespace {

// Rows of one table written in bulk: bound to a prepared INSERT on SQLite, sent as COPY text on PostgreSQL.
class BulkTable {
public:
    BulkTable(db::Database& db, std::string table, std::vector<std::string> columns)
        : db_(db), table_(std::move(table)), columns_(std::move(columns)) {
        std::string names, marks;
        for (std::size_t i = 0; i < columns_.size(); ++i) {
            names += (i ? ", " : "") + columns_[i];
            marks += i ? ", ?" : "?";
        }
        if (db.backend() == db::Backend::sqlite) {
            auto* backend = static_cast<soci::sqlite3_session_backend*>(db.sql().get_backend());
            conn_ = backend->conn_;
            const std::string sql = "INSERT INTO " + table_ + " (" + names + ") VALUES (" + marks + ")";
            if (sqlite_api::sqlite3_prepare_v2(conn_, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK)
                throw std::runtime_error(sqlite_api::sqlite3_errmsg(conn_));
        } else {
            pg_ = static_cast<soci::postgresql_session_backend*>(db.sql().get_backend())->conn_;
            copy_sql_ = "COPY " + table_ + " (" + names + ") FROM STDIN";
        }
    }
    ~BulkTable() {
        if (stmt_) sqlite_api::sqlite3_finalize(stmt_);
    }
    BulkTable& i(long long v) {
        if (stmt_) sqlite_api::sqlite3_bind_int64(stmt_, ++col_, v);
        else field(std::to_string(v));
        return *this;
    }
    BulkTable& t(const std::string& v) {
        if (stmt_) sqlite_api::sqlite3_bind_text(stmt_, ++col_, v.data(), static_cast<int>(v.size()), reinterpret_cast<sqlite_api::sqlite3_destructor_type>(-1));
        else field(escape(v));
        return *this;
    }
    BulkTable& null() {
        if (stmt_) sqlite_api::sqlite3_bind_null(stmt_, ++col_);
        else field("\\N");
        return *this;
    }
    BulkTable& opt(long long v) { return v ? i(v) : null(); }
    void row() {
        if (stmt_) {
            if (sqlite_api::sqlite3_step(stmt_) != SQLITE_DONE)
                throw std::runtime_error(table_ + ": " + sqlite_api::sqlite3_errmsg(conn_));
            sqlite_api::sqlite3_reset(stmt_);
            col_ = 0;
            return;
        }
        // Sent at finish(): one COPY at a time per connection, and the tables in the order their rows refer
        // to each other (a day's rows are a few megabytes).
        buffer_ += '\n';
        col_ = 0;
    }
    // Sends what is buffered (PostgreSQL); ends the COPY.
    void finish() {
        if (!pg_) return;
        flush();
        if (copying_) {
            if (PQputCopyEnd(pg_, nullptr) != 1) throw std::runtime_error(PQerrorMessage(pg_));
            PGresult* r = PQgetResult(pg_);
            const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
            const std::string message = ok ? "" : PQresultErrorMessage(r);
            PQclear(r);
            copying_ = false;
            if (!ok) throw std::runtime_error(table_ + ": " + message);
        }
    }

private:
    static std::string escape(const std::string& v) {
        std::string out;
        for (char c : v) {
            if (c == '\\') out += "\\\\";
            else if (c == '\t') out += "\\t";
            else if (c == '\n') out += "\\n";
            else out += c;
        }
        return out;
    }
    void field(const std::string& v) {
        if (col_++) buffer_ += '\t';
        buffer_ += v;
    }
    void flush() {
        if (buffer_.empty()) return;
        if (!copying_) {
            PGresult* r = PQexec(pg_, copy_sql_.c_str());
            const bool ok = PQresultStatus(r) == PGRES_COPY_IN;
            PQclear(r);
            if (!ok) throw std::runtime_error(PQerrorMessage(pg_));
            copying_ = true;
        }
        if (PQputCopyData(pg_, buffer_.data(), static_cast<int>(buffer_.size())) != 1)
            throw std::runtime_error(PQerrorMessage(pg_));
        buffer_.clear();
    }
    db::Database& db_;
    std::string table_;
    std::vector<std::string> columns_;
    sqlite_api::sqlite3* conn_ = nullptr;
    sqlite_api::sqlite3_stmt* stmt_ = nullptr;
    PGconn* pg_ = nullptr;
    std::string copy_sql_, buffer_;
    bool copying_ = false;
    int col_ = 0;
};

// A 10-digit INN with its check digit and a 13-digit OGRN with its own, from a serial number.
std::string legal_inn(int n) {
    char body[16];
    std::snprintf(body, sizeof body, "77%07d", n);
    static const int w[] = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    int sum = 0;
    for (int k = 0; k < 9; ++k) sum += (body[k] - '0') * w[k];
    return std::string(body) + std::to_string(sum % 11 % 10);
}
std::string legal_ogrn(int n) {
    char body[24];
    std::snprintf(body, sizeof body, "1267700%05d", n);
    const long long v = std::stoll(body);
    return std::string(body) + std::to_string(v % 11 % 10);
}

struct Priced {
    long long product_id = 0, version_id = 0, price = 0;
    std::string name, code;
};
struct TariffOffer {
    long long version_id = 0;
    bool bundle = false;
    std::string name;
};

struct Generated {
    long long dealers = 0, salons = 0, staff = 0, sales = 0, lines = 0, visits = 0, refunds = 0;
};

Generated generate(db::Database& db, long long sales_wanted, int dealer_count, int days,
                   const std::function<void(long long)>& progress) {
    const bool sqlite = db.backend() == db::Backend::sqlite;
    std::mt19937_64 rng(2026);
    auto uniform = [&](long long lo, long long hi) { return std::uniform_int_distribution<long long>(lo, hi)(rng); };
    auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };

    std::vector<TariffOffer> tariffs;
    {
        long long id = 0;
        int bundle = 0;
        std::string name;
        auto st = db.query("SELECT v.id, t.is_bundle, t.name FROM tariff t JOIN tariff_version v ON v.tariff_id = t.id "
                           "WHERE v.valid_to IS NULL AND t.segment = 'private'",
                           soci::into(id), soci::into(bundle), soci::into(name));
        st.execute();
        while (st.fetch()) tariffs.push_back({id, bundle != 0, name});
    }
    std::map<std::string, std::vector<Priced>> by_kind;
    {
        Priced p;
        std::string kind;
        auto st = db.query("SELECT p.id, v.id, v.price, p.name, p.code, p.kind FROM product p JOIN product_version v "
                           "ON v.product_id = p.id WHERE v.valid_to IS NULL",
                           soci::into(p.product_id), soci::into(p.version_id), soci::into(p.price), soci::into(p.name),
                           soci::into(p.code), soci::into(kind));
        st.execute();
        while (st.fetch()) by_kind[kind].push_back(p);
    }
    if (tariffs.empty() || by_kind["service"].empty() || by_kind["sim"].empty())
        throw UserError(tr("The tariff catalog or the demo products are missing"));

    const std::int64_t now = db.now();
    const long long today = (now + 10800) / 86400;  // Moscow day
    const long long first_day = today - days;
    Generated g;
    struct Zone {
        const char* name;
        int offset_hours;
        const char* city;
    };
    static const Zone zones[] = {{"Europe/Moscow", 3, "Москва"},        {"Europe/Kaliningrad", 2, "Калининград"},
                                 {"Asia/Yekaterinburg", 5, "Екатеринбург"}, {"Asia/Novosibirsk", 7, "Новосибирск"},
                                 {"Asia/Vladivostok", 10, "Владивосток"}};
    struct SalonPlan {
        long long id, dealer;
        int offset;
        double weight;
        std::vector<long long> sellers;
        std::vector<double> good_rate;
    };
    std::vector<SalonPlan> salons;
    long long staff_id = 0;
    {
        long long n = 0;
        db.sql() << "SELECT COALESCE(MAX(id), 0) FROM staff", soci::into(n);
        staff_id = n;
    }
    db::WriteTransaction tx(db);
    {
        BulkTable dealer(db, "dealer", {"id", "kind", "name", "inn", "ogrn", "kpp", "created_at"});
        BulkTable salon(db, "salon", {"id", "dealer_id", "name", "address", "time_zone", "active", "created_at"});
        BulkTable staff(db, "staff", {"id", "login", "full_name", "role", "dealer_id", "salon_id", "career_level",
                                      "must_change_password", "active", "created_at"});
        BulkTable cert(db, "certification", {"staff_id", "certified_on", "source", "recorded_at"});
        long long dealer_base = 0, salon_id = 0;
        db.sql() << "SELECT COALESCE(MAX(id), 0) FROM dealer", soci::into(dealer_base);
        db.sql() << "SELECT COALESCE(MAX(id), 0) FROM salon", soci::into(salon_id);
        for (int d = 1; d <= dealer_count; ++d) {
            const long long id = dealer_base + d;
            dealer.i(id).t("legal_entity").t("ООО «Дилер " + std::to_string(d) + "»").t(legal_inn(d)).t(legal_ogrn(d))
                .t("770101001").i(now).row();
            ++g.dealers;
            const int salon_count = static_cast<int>(uniform(2, 8));
            for (int s = 1; s <= salon_count; ++s) {
                const Zone& z = zones[uniform(0, 4)];
                SalonPlan plan{++salon_id, id, z.offset_hours, 0.5 + static_cast<double>(uniform(0, 100)) / 100.0, {}, {}};
                salon.i(plan.id).i(id).t("Салон " + std::to_string(d) + "-" + std::to_string(s))
                    .t(std::string(z.city) + ", ул. Торговая, " + std::to_string(s)).t(z.name).i(1).i(now).row();
                ++g.salons;
                const int people = static_cast<int>(uniform(2, 4));
                for (int p = 0; p <= people; ++p) {
                    ++staff_id;
                    const bool senior = p == 0;
                    const bool certified = senior || chance(0.85);
                    staff.i(staff_id).t("gen" + std::to_string(staff_id))
                        .t("Сотрудник " + std::to_string(staff_id)).t(senior ? "senior_specialist" : "specialist")
                        .null().i(plan.id).t(senior ? "senior_specialist" : (certified ? "specialist" : "trainee"))
                        .i(1).i(1).i(now).row();
                    ++g.staff;
                    if (certified) {
                        cert.i(staff_id).t(p % 3 == 0 ? "2025-06-13" : "2025-10-17").t("manual").i(now).row();
                        plan.sellers.push_back(staff_id);
                        plan.good_rate.push_back(0.72 + static_cast<double>(uniform(0, 26)) / 100.0);
                    }
                }
                salons.push_back(plan);
            }
        }
        for (auto* t : {&dealer, &salon, &staff, &cert}) t->finish();
    }
    // Entrance tests (R-TRN-6): a weekly cohort, each dealer sending a candidate about once a month.
    {
        BulkTable cohort(db, "cohort", {"id", "week_start", "created_at"});
        BulkTable candidate(db, "candidate", {"id", "cohort_id", "dealer_id", "full_name", "interview_date",
                                              "kiosk_code", "status", "registered_at"});
        BulkTable attempt(db, "attempt", {"candidate_id", "started_at", "deadline_at", "submitted_at", "submitted_how",
                                          "correct_count", "passed"});
        long long cohort_base = 0, candidate_id = 0;
        db.sql() << "SELECT COALESCE(MAX(id), 0) FROM cohort", soci::into(cohort_base);
        db.sql() << "SELECT COALESCE(MAX(id), 0) FROM candidate", soci::into(candidate_id);
        long long week = 0;
        for (long long day = first_day; day < today; ++day) {
            if ((day + 4) % 7 != 1) continue;  // Fridays (1970-01-01 was a Thursday)
            const long long cohort_id = cohort_base + ++week;
            const std::string friday = pos::CalendarDate::from_days(day).iso();
            cohort.i(cohort_id).t(friday).i(now).row();
            for (const auto& s : salons) {
                if (s.id % 29 != week % 29 && !chance(0.01)) continue;
                ++candidate_id;
                const int correct = static_cast<int>(uniform(6, 16));
                const long long start = day * 86400 - 10800 + 10 * 3600;
                candidate.i(candidate_id).i(cohort_id).i(s.dealer).t("Кандидат " + std::to_string(candidate_id))
                    .t(friday).t("G" + std::to_string(candidate_id)).t(correct >= 10 ? "passed" : "not_passed").i(start).row();
                attempt.i(candidate_id).i(start).i(start + 900).i(start + 840).t("candidate").i(correct)
                    .i(correct >= 10 ? 1 : 0).row();
            }
        }
        for (auto* t : {&cohort, &candidate, &attempt}) t->finish();
    }
    tx.commit();

    // The sales, day by day and salon by salon, each salon's share by its weight.
    double total_weight = 0;
    for (const auto& s : salons) total_weight += s.weight;
    std::vector<double> carry(salons.size(), 0.0);
    long long sale_id = 0, line_id = 0, visit_id = 0, shift_id = 0;
    db.sql() << "SELECT COALESCE(MAX(id), 0) FROM sale", soci::into(sale_id);
    db.sql() << "SELECT COALESCE(MAX(id), 0) FROM sale_line", soci::into(line_id);
    db.sql() << "SELECT COALESCE(MAX(id), 0) FROM visit", soci::into(visit_id);
    db.sql() << "SELECT COALESCE(MAX(id), 0) FROM shift", soci::into(shift_id);
    long long msisdn_serial = 0;
    const auto& services = by_kind["service"];
    std::vector<Priced> goods = by_kind["accessory"];
    for (const auto& p : by_kind["gadget"]) goods.push_back(p);
    const Priced sim = by_kind["sim"].front();
    const long long days_total = today - first_day;
    long long left_to_make = sales_wanted;
    std::vector<long long> shift_numbers(salons.size(), 0);
    // A top-up's sale keeps the payment agent's supplier it was paid under (R-POS-10), as commit_sale writes it.
    const std::optional<pos::AgentSupplier> supplier = pos::agent_supplier(db, pos::top_up_operator(db));
    for (long long day = first_day; day < today && left_to_make > 0; ++day) {
        db::WriteTransaction day_tx(db);
        BulkTable shift(db, "shift", {"id", "salon_id", "till", "number", "opened_by", "opened_at", "opening_float",
                                      "closed_by", "closed_at", "expected_cash", "counted_cash"});
        BulkTable visit(db, "visit", {"id", "salon_id", "ticket_day", "ticket", "purpose", "status", "joined_at",
                                      "called_at", "finished_at", "served_by", "rating", "rated_at"});
        BulkTable sale(db, "sale", {"id", "dealer_id", "salon_id", "shift_id", "staff_id", "visit_id", "kind", "refund_of",
                                    "receipt_number", "created_at", "total", "paid_cash", "paid_card", "change_due",
                                    "fiscal_state", "supplier_name", "supplier_inn", "supplier_phone"});
        BulkTable line(db, "sale_line", {"id", "sale_id", "line_no", "kind", "description", "product_id",
                                         "product_version_id", "tariff_version_id", "is_bundle", "msisdn", "quantity",
                                         "unit_price", "amount", "vat_code", "vat_basis_points", "vat_amount", "agent",
                                         "refund_of_line"});
        const long long days_left = today - day;
        for (std::size_t si = 0; si < salons.size() && left_to_make > 0; ++si) {
            const SalonPlan& s = salons[si];
            if (s.sellers.empty()) continue;
            carry[si] += static_cast<double>(sales_wanted) * s.weight / total_weight / static_cast<double>(days_total);
            long long n = static_cast<long long>(carry[si]);
            carry[si] -= static_cast<double>(n);
            if (days_left == 1 && si + 1 == salons.size()) n = left_to_make;  // the last slot takes what is left
            n = std::min(n, left_to_make);
            if (n <= 0) continue;
            const long long opens = day * 86400 - s.offset * 3600 + 10 * 3600;  // 10:00 local
            const long long span = 11 * 3600;
            const std::string ticket_day = pos::CalendarDate::from_days(day).iso();
            ++shift_id;
            const long long seller0 = s.sellers.front();
            long long cash = 0;
            int ticket = 0, receipt = 0;
            for (long long k = 0; k < n; ++k) {
                const long long at = opens + span * k / n + uniform(0, 59);
                const std::size_t who = static_cast<std::size_t>(uniform(0, static_cast<long long>(s.sellers.size()) - 1));
                const long long seller = s.sellers[who];
                const long long wait = uniform(0, 20 * 60);
                const int kind_roll = static_cast<int>(uniform(0, 99));
                const char* purpose = kind_roll < 33 ? "sale" : kind_roll < 63 ? "top_up" : "service";
                ++visit_id;
                visit.i(visit_id).i(s.id).t(ticket_day).i(++ticket).t(purpose).t("done").i(at - wait - 120)
                    .i(at - 120).i(at).i(seller);
                if (chance(0.6)) {
                    const int rating = chance(s.good_rate[who]) ? static_cast<int>(uniform(4, 5)) : static_cast<int>(uniform(1, 3));
                    visit.i(rating).i(at + 30);
                } else {
                    visit.null().null();
                }
                visit.row();
                ++g.visits;
                // The lines of the sale.
                struct L {
                    const char* kind;
                    std::string description;
                    long long product = 0, version = 0, tariff = 0;
                    bool bundle = false;
                    std::string msisdn;
                    long long price = 0;
                    bool agent = false;
                };
                std::vector<L> ls;
                auto number = [&] {
                    char m[16];
                    std::snprintf(m, sizeof m, "+79%09lld", 100000000 + ++msisdn_serial % 800000000);
                    return std::string(m);
                };
                if (kind_roll < 33) {
                    const auto& t = tariffs[static_cast<std::size_t>(uniform(0, static_cast<long long>(tariffs.size()) - 1))];
                    ls.push_back({"sim", sim.name + ", " + t.name, sim.product_id, sim.version_id, t.version_id, t.bundle,
                                  number(), sim.price, false});
                    if (chance(0.3)) {
                        const auto& p = services[static_cast<std::size_t>(uniform(0, static_cast<long long>(services.size()) - 1))];
                        ls.push_back({"service", p.name, p.product_id, p.version_id, 0, false, ls[0].msisdn, p.price, false});
                    }
                } else if (kind_roll < 63) {
                    ls.push_back({"top_up", "Пополнение баланса", 0, 0, 0, false, number(), uniform(1, 10) * 10000, true});
                } else if (kind_roll < 73) {
                    const auto& p = services[static_cast<std::size_t>(uniform(0, static_cast<long long>(services.size()) - 1))];
                    ls.push_back({"service", p.name, p.product_id, p.version_id, 0, false, number(), p.price, false});
                } else if (kind_roll < 85) {
                    const auto& t = tariffs[static_cast<std::size_t>(uniform(0, static_cast<long long>(tariffs.size()) - 1))];
                    ls.push_back({"tariff_change", "Смена тарифа: " + t.name, 0, 0, t.version_id, t.bundle, number(), 0, false});
                } else {
                    const auto& p = goods[static_cast<std::size_t>(uniform(0, static_cast<long long>(goods.size()) - 1))];
                    ls.push_back({p.price > 300000 ? "gadget" : "accessory", p.name, p.product_id, p.version_id, 0, false,
                                  "", p.price, false});
                }
                long long total = 0;
                for (const auto& l : ls) total += l.price;
                ++sale_id;
                const long long this_sale = sale_id;
                sale.i(sale_id).i(s.dealer).i(s.id).i(shift_id).i(seller).i(visit_id).t("sale").null().i(++receipt).i(at)
                    .i(total).i(total).i(0).i(0).t("fiscalised");
                const bool top_up = std::any_of(ls.begin(), ls.end(), [](const auto& l) { return l.agent; });
                if (top_up && supplier)
                    sale.t(supplier->name).t(supplier->inn).t(supplier->phone).row();
                else
                    sale.null().null().null().row();
                cash += total;
                const long long first_line = line_id + 1;
                int no = 0;
                for (const auto& l : ls) {
                    const int vat = l.agent ? 0 : 2200;
                    line.i(++line_id).i(sale_id).i(++no).t(l.kind).t(l.description).opt(l.product).opt(l.version)
                        .opt(l.tariff).i(l.bundle ? 1 : 0);
                    if (l.msisdn.empty()) line.null();
                    else line.t(l.msisdn);
                    line.i(1).i(l.price).i(l.price).t(l.agent ? "none" : "standard").i(vat)
                        .i(l.price * vat / (10000 + vat)).i(l.agent ? 1 : 0).null().row();
                    ++g.lines;
                }
                ++g.sales;
                --left_to_make;
                // About one SIM sale in three hundred is returned the same day.
                if (kind_roll < 33 && chance(0.003)) {
                    ++sale_id;
                    sale.i(sale_id).i(s.dealer).i(s.id).i(shift_id).i(seller0).null().t("refund").i(this_sale)
                        .i(++receipt).i(at + 600).i(-ls[0].price).i(0).i(0).i(0).t("fiscalised").null().null().null()
                        .row();
                    line.i(++line_id).i(sale_id).i(1).t("sim").t(ls[0].description).opt(ls[0].product).opt(ls[0].version)
                        .opt(ls[0].tariff).i(ls[0].bundle ? 1 : 0).t(ls[0].msisdn).i(1).i(ls[0].price).i(-ls[0].price)
                        .t("standard").i(2200).i(-(ls[0].price * 2200 / 12200)).i(0).i(first_line).row();
                    cash -= ls[0].price;
                    ++g.refunds;
                }
            }
            shift.i(shift_id).i(s.id).t("till-1").i(++shift_numbers[si]).i(seller0).i(opens - 1800).i(500000)
                .i(seller0).i(opens + span + 1800).i(500000 + cash).i(500000 + cash).row();
        }
        for (auto* t : {&shift, &visit, &sale, &line}) t->finish();
        day_tx.commit();
        progress(g.sales);
    }
    if (!sqlite) {
        for (const char* table : {"dealer", "salon", "staff", "certification", "cohort", "candidate", "attempt", "shift",
                                  "visit", "sale", "sale_line"})
            db.sql() << "SELECT setval(pg_get_serial_sequence('" + std::string(table) + "', 'id'), (SELECT MAX(id) FROM " +
                            table + "))";
    }
    return g;
}

}  // namespace

void add_demo_generate_command(CLI::App& app, CliContext& ctx) {
    // `demo` is registered before the rewards verbs (main.cpp): generate joins it.
    CLI::App* demo = nullptr;
    for (auto* sub : app.get_subcommands([](CLI::App* s) { return s->get_name() == "demo"; })) demo = sub;
    if (!demo) return;
    auto sales = std::make_shared<long long>(100000);
    auto dealers = std::make_shared<int>(60);
    auto days = std::make_shared<int>(365);
    auto* gen = demo->add_subcommand(
        "generate", tr("Fill a NEW database with a year of generated sales of many dealers, for measuring reports").str());
    gen->add_option("--sales", *sales, tr("How many sales (default 100000)").str());
    gen->add_option("--dealers", *dealers, tr("How many dealers (default 60, at least 50)").str());
    gen->add_option("--days", *days, tr("Days of history before today (default 365)").str());
    gen->callback([&ctx, sales, dealers, days] {
        if (*sales < 1 || *sales > 100000000)
            throw pos::InputError("sales", tr("Sales"), tr("must be from 1 to 100000000"));
        if (*dealers < 50 || *dealers > 10000)
            throw pos::InputError("dealers", tr("Dealers"), tr("must be from 50 to 10000"));
        if (*days < 1 || *days > 3660) throw pos::InputError("days", tr("Days"), tr("must be from 1 to 3660"));
        const auto started = std::chrono::steady_clock::now();
        auto db = ctx.open(true);
        long long existing = 0;
        db->sql() << "SELECT COUNT(*) FROM sale", soci::into(existing);
        long long dealers_before = 0;
        db->sql() << "SELECT COUNT(*) FROM dealer", soci::into(dealers_before);
        if (existing > 0 || dealers_before > 0)
            throw RefusedError(tr("demo generate fills a new database only: this one already has dealers or sales"));
        pos::import_tariff_catalog(*db, pos::builtin_tariff_catalog());
        pos::seed_demo_products(*db);
        const bool sqlite = db->backend() == db::Backend::sqlite;
        // A new database, nothing to lose if the generation stops half-way: no journal, no waiting for the disk,
        // no foreign-key lookups per row (the ids are made consistent here).
        if (sqlite) {
            // Pages of 4 KiB rather than the station's 1 KiB (chosen for the sale's commit, see db/Database.cpp):
            // a report reads the generated rows in bulk, a quarter of the pages to read. The file is new and
            // nearly empty, so rewriting it now costs nothing.
            std::string mode;
            db->sql() << "PRAGMA journal_mode=DELETE", soci::into(mode);
            db->sql() << "PRAGMA page_size=4096";
            db->sql() << "VACUUM";
            db->sql() << "PRAGMA journal_mode=OFF", soci::into(mode);
            db->sql() << "PRAGMA synchronous=OFF";
            db->sql() << "PRAGMA foreign_keys=OFF";
            db->sql() << "PRAGMA cache_size=-1048576";
        }
        const Generated g = generate(*db, *sales, *dealers, *days, [&](long long done) {
            if (!ctx.json) std::cerr << '\r' << trf("{1} sales", {std::to_string(done)}).str() << std::flush;
        });
        if (!ctx.json) std::cerr << '\n';
        if (sqlite) {
            std::string mode;
            db->sql() << "PRAGMA foreign_keys=ON";
            db->sql() << "PRAGMA journal_mode=WAL", soci::into(mode);
            db->sql() << "PRAGMA synchronous=FULL";
        }
        // Statistics for the planner from a sample of each index (a full ANALYZE reads every row again).
        if (sqlite) db->sql() << "PRAGMA analysis_limit=1000";
        db->sql() << "ANALYZE";
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (ctx.json) {
            print_json({{"ok", true}, {"dealers", g.dealers}, {"salons", g.salons}, {"staff", g.staff},
                        {"sales", g.sales}, {"refunds", g.refunds}, {"lines", g.lines}, {"visits", g.visits},
                        {"seconds", seconds}});
            return;
        }
        std::cout << trf("Generated {1} sales ({2} refunds, {3} lines, {4} visits) of {5} dealers, {6} salons, {7} "
                         "staff in {8} s",
                         {std::to_string(g.sales), std::to_string(g.refunds), std::to_string(g.lines),
                          std::to_string(g.visits), std::to_string(g.dealers), std::to_string(g.salons),
                          std::to_string(g.staff), std::to_string(static_cast<long long>(seconds))})
                         .str()
                  << '\n';
    });
}

}  // namespace salon::cli
