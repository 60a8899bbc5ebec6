// salon-cli rewards ...: dealer rewards (R-POS-2, R-POS-4) — schemes, periods (compute, review, lock),
// statements with their drill-down and exports, disputes, the operator's deactivation file and what-if.
// A dealer's manager sees his own dealer only (checked in reports/core).
#include "db/Text.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/common/Money.hpp"
#include "reports/core/DealerRewards.hpp"
#include "reports/core/NormsExport.hpp"
#include "reports/core/NormsReport.hpp"
#include "reports/core/RewardScheme.hpp"
#include "reports/core/StatementExport.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace salon::cli {
using namespace salon::reports;

// Registered with the rewards verbs (below).
void add_report_commands(CLI::App& app, CliContext& ctx);

namespace {

std::string money(std::int64_t kopecks) { return pos::Money::from_kopecks(kopecks).format(); }

std::int64_t dealer_of(db::Database& db, const pos::Actor& actor, const std::string& inn) {
    if (!inn.empty()) return dealer_by_inn(db, inn);
    if (actor.dealer_id()) return actor.dealer_id();
    throw pos::InputError("dealer", tr("Dealer"), tr("give the dealer's INN with --dealer"));
}

void print_scheme(const RewardScheme& s) {
    std::cout << trf("Scheme {1} «{2}»: in force from {3}{4}", {std::to_string(s.id), s.name, s.valid_from,
                                                               s.valid_to.empty() ? "" : " — " + s.valid_to})
                     .str()
              << '\n';
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : s.sim_rates) rows.push_back({"sim:" + r.item, money(r.amount)});
    for (const auto& r : s.upsell_rates) rows.push_back({"upsell:" + r.item, money(r.amount)});
    for (const auto& t : s.volume_tiers) rows.push_back({"volume_tier:" + std::to_string(t.from), money(t.amount)});
    for (const auto& t : s.bundle_share_tiers)
        rows.push_back({"bundle_share_tier:" + std::to_string(t.from_bp), std::to_string(t.multiplier_bp) + " bp"});
    rows.push_back({"bundle_bonus", money(s.bundle_bonus)});
    rows.push_back({"tier_mode", to_string(s.tier_mode)});
    rows.push_back({"quality_threshold_bp", std::to_string(s.quality_threshold_bp)});
    rows.push_back({"quality_below_bp", std::to_string(s.quality_below_bp)});
    rows.push_back({"training_base_bp", std::to_string(s.training_base_bp)});
    rows.push_back({"training_certified_bp", std::to_string(s.training_certified_bp)});
    rows.push_back({"training_test_bp", std::to_string(s.training_test_bp)});
    rows.push_back({"cap", s.cap ? money(*s.cap) : "—"});
    rows.push_back({"clawback_days", std::to_string(s.clawback_days)});
    print_table({tr("Rule").str(), tr("Value").str()}, rows);
}

void print_statement(const DealerStatement& s) {
    std::cout << trf("{1} (INN {2}), period {3}: {4}", {s.dealer_name, s.dealer_inn, s.period.code,
                                                        s.accruing ? tr("accruing, not computed yet").str()
                                                                   : period_status_title(s.period.status).str()})
                     .str()
              << '\n'
              << trf("Scheme {1} «{2}»", {std::to_string(s.scheme_id), s.scheme_name}).str() << "\n\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& l : s.reward.lines) rows.push_back({l.key, describe(l).str(), money(l.amount)});
    rows.push_back({"", tr("Total").str(), money(s.reward.total)});
    print_table({tr("Line").str(), tr("Rule").str(), tr("Amount").str()}, rows);
    if (!s.disputes.empty()) {
        std::cout << '\n';
        std::vector<std::vector<std::string>> d;
        for (const auto& x : s.disputes)
            d.push_back({std::to_string(x.id), x.line_key, x.comment, dispute_status_title(x.status).str(), x.resolution});
        print_table({tr("Dispute").str(), tr("Line").str(), tr("Comment").str(), tr("Status").str(),
                     tr("Answer").str()},
                    d);
    }
}

nlohmann::json rewards_json(const std::vector<DealerReward>& rewards) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : rewards) out.push_back({{"dealer_id", r.dealer_id}, {"base", r.base}, {"total", r.total}});
    return out;
}

}  // namespace

void add_rewards_commands(CLI::App& app, CliContext& ctx) {
    add_demo_generate_command(app, ctx);
    add_reward_bench(app, ctx);
    add_report_commands(app, ctx);
    auto* rewards = app.add_subcommand(
        "rewards", tr("Dealer rewards: schemes, periods, statements, disputes, deactivations, what-if").str());
    rewards->require_subcommand(1);
    auto period = std::make_shared<std::string>();
    auto dealer = std::make_shared<std::string>();

    rewards->add_subcommand("schemes", tr("The reward scheme's versions with their dates").str())->callback([&ctx] {
        auto db = ctx.open();
        const auto schemes = list_schemes(*db, ctx.viewer(*db));
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& s : schemes) out.push_back(to_json(s));
            print_json(out);
            return;
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& s : schemes)
            rows.push_back({std::to_string(s.id), s.name, s.valid_from, s.valid_to.empty() ? "—" : s.valid_to});
        print_table({tr("Id").str(), tr("Name").str(), tr("From").str(), tr("Until").str()}, rows);
    });

    auto* scheme = rewards->add_subcommand("scheme", tr("One scheme version: show it, or save a new one").str());
    scheme->require_subcommand(1);
    auto scheme_id = std::make_shared<std::int64_t>(0);
    auto on = std::make_shared<std::string>();
    auto* show = scheme->add_subcommand("show", tr("A scheme's rules (the one in force today, or --id, --on)").str());
    show->add_option("--id", *scheme_id, tr("Scheme record number").str());
    show->add_option("--on", *on, tr("The version in force on this date").str());
    show->callback([&ctx, scheme_id, on] {
        auto db = ctx.open();
        const auto viewer = ctx.viewer(*db);
        std::string date = *on;
        if (date.empty())
            date = pos::CalendarDate::from_days(reports::accounting_day(db->now())).iso();
        else
            date = pos::CalendarDate::parse(date, "on", tr("Date")).iso();
        const RewardScheme s = *scheme_id ? get_scheme(*db, viewer, *scheme_id) : [&] {
            list_schemes(*db, viewer);  // the permission
            return scheme_in_force(*db, date);
        }();
        if (ctx.json) print_json(to_json(s));
        else print_scheme(s);
    });
    auto file = std::make_shared<std::string>();
    auto* save = scheme->add_subcommand(
        "save", tr("Save a scheme version from a JSON file (as `scheme show --json` prints it, with its valid_from)").str());
    save->add_option("--file", *file, tr("The scheme's JSON file").str())->required();
    save->callback([&ctx, file] {
        std::ifstream in(*file);
        if (!in) throw pos::InputError("file", tr("Scheme file"), trf("{1} cannot be read", {*file}));
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(in);
        } catch (const nlohmann::json::exception&) {
            throw pos::InputError("file", tr("Scheme file"), tr("is not JSON"));
        }
        auto db = ctx.open();
        RewardScheme s;
        reporting_input(ctx, [&] { s = scheme_from_json(j); });
        std::int64_t id = 0;
        reporting_input(ctx, [&] { id = save_scheme_version(*db, ctx.person(*db), s); });
        if (ctx.json) print_json({{"ok", true}, {"id", id}, {"valid_from", s.valid_from}});
        else std::cout << trf("Scheme version {1} saved, in force from {2}", {std::to_string(id), s.valid_from}).str() << '\n';
    });

    rewards->add_subcommand("periods", tr("Reward periods and their status").str())->callback([&ctx] {
        auto db = ctx.open();
        const auto periods = list_periods(*db, ctx.viewer(*db));
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& p : periods)
                out.push_back({{"code", p.code}, {"kind", p.kind}, {"status", p.status}, {"scheme_id", p.scheme_id}});
            print_json(out);
            return;
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& p : periods) rows.push_back({p.code, p.starts_on, p.ends_on, period_status_title(p.status).str()});
        print_table({tr("Period").str(), tr("From").str(), tr("Until").str(), tr("Status").str()}, rows);
    });

    auto* compute = rewards->add_subcommand("compute", tr("Compute every dealer's reward for a period").str());
    compute->add_option("--period", *period, tr("2026-09 (a month) or 2026-Q3 (a quarter)").str())->required();
    compute->callback([&ctx, period] {
        auto db = ctx.open();
        std::vector<DealerReward> out;
        reporting_input(ctx, [&] { out = compute_period(*db, ctx.person(*db), *period); });
        if (ctx.json) {
            print_json({{"ok", true}, {"period", parse_period(*period).code}, {"dealers", rewards_json(out)}});
            return;
        }
        std::int64_t sum = 0;
        for (const auto& r : out) sum += r.total;
        std::cout << trf("Period {1} computed: {2} dealers, {3} in all", {parse_period(*period).code,
                                                                          std::to_string(out.size()), money(sum)})
                         .str()
                  << '\n';
    });
    for (const char* verb : {"review", "lock"}) {
        auto* sub = rewards->add_subcommand(
            verb, std::string(verb) == "review" ? tr("Mark a computed period reviewed").str()
                                                : tr("Lock a period: it is paid as computed and never edited").str());
        sub->add_option("--period", *period, tr("2026-09 (a month) or 2026-Q3 (a quarter)").str())->required();
        const bool lock = std::string(verb) == "lock";
        sub->callback([&ctx, period, lock] {
            auto db = ctx.open();
            const auto person = ctx.person(*db);
            reporting_input(ctx, [&] { lock ? lock_period(*db, person, *period) : review_period(*db, person, *period); });
            const auto p = period_record(*db, *period);
            if (ctx.json) print_json({{"ok", true}, {"period", p.code}, {"status", p.status}});
            else std::cout << trf("Period {1}: {2}", {p.code, period_status_title(p.status).str()}).str() << '\n';
        });
    }

    auto format = std::make_shared<std::string>();
    auto out_path = std::make_shared<std::string>();
    auto line = std::make_shared<std::string>();
    auto* statement = rewards->add_subcommand(
        "statement", tr("A dealer's statement for a period; --line drills down to its sales lines").str());
    statement->add_option("--dealer", *dealer, tr("The dealer's INN (a dealer's manager: his own by default)").str());
    statement->add_option("--period", *period, tr("2026-09 (a month) or 2026-Q3 (a quarter)").str())->required();
    statement->add_option("--line", *line, tr("A statement line's key (sim:smart, bundle, clawback:17...)").str());
    statement->add_option("--format", *format, tr("Write the statement to --out as csv, xlsx, pdf or json").str());
    statement->add_option("--out", *out_path, tr("The file to write").str());
    statement->callback([&ctx, dealer, period, line, format, out_path] {
        auto db = ctx.open();
        const auto viewer = ctx.viewer(*db);
        std::int64_t dealer_id = 0;
        reporting_input(ctx, [&] { dealer_id = dealer_of(*db, viewer, *dealer); });
        if (!format->empty() || !out_path->empty()) {
            StatementExportJob job;
            reporting_input(ctx, [&] {
                job.format = export_format_from_string(format->empty() ? "csv" : *format);
                job.period = *period;
                job.dealer_id = dealer_id;
                job.path = *out_path;
                const auto s = run_statement_export(*db, viewer, job);
                if (ctx.json)
                    print_json({{"ok", true}, {"file", job.path}, {"format", to_string(job.format)}, {"total", s.reward.total}});
                else
                    std::cout << trf("Statement written to {1}: total {2}", {job.path, money(s.reward.total)}).str() << '\n';
            });
            return;
        }
        if (!line->empty()) {
            std::vector<SourceLine> rows;
            reporting_input(ctx, [&] { rows = statement_sources(*db, viewer, *period, dealer_id, *line); });
            if (ctx.json) {
                nlohmann::json out = nlohmann::json::array();
                for (const auto& r : rows)
                    out.push_back({{"sale_id", r.sale_id}, {"line_id", r.line_id}, {"at", r.at}, {"kind", r.kind},
                                   {"salon", r.salon}, {"staff", r.staff}, {"description", r.description},
                                   {"item", r.tariff_or_product}, {"quantity", r.quantity}, {"reward", r.reward}});
                print_json(out);
                return;
            }
            std::vector<std::vector<std::string>> t;
            for (const auto& r : rows)
                t.push_back({std::to_string(r.sale_id), pos::local_date_time(r.at, "Europe/Moscow"), r.salon, r.staff,
                             r.description, std::to_string(r.quantity), money(r.reward)});
            print_table({tr("Sale").str(), tr("Time (Moscow)").str(), tr("Salon").str(), tr("Specialist").str(),
                         tr("Line").str(), tr("Quantity").str(), tr("Reward").str()},
                        t);
            return;
        }
        DealerStatement s;
        reporting_input(ctx, [&] { s = dealer_statement(*db, viewer, *period, dealer_id); });
        if (ctx.json) {
            print_json(statement_json(s, statement_by(*db, viewer, *period, dealer_id, false),
                                      statement_by(*db, viewer, *period, dealer_id, true)));
            return;
        }
        print_statement(s);
        for (bool by_specialist : {false, true}) {
            std::vector<std::vector<std::string>> rows;
            for (const auto& u : statement_by(*db, viewer, *period, dealer_id, by_specialist))
                rows.push_back({u.name, std::to_string(u.sims), std::to_string(u.services),
                                std::to_string(u.bundle_sales) + "/" + std::to_string(u.tariff_sales),
                                std::to_string(u.good_ratings) + "/" + std::to_string(u.ratings), money(u.unit_reward)});
            std::cout << '\n';
            print_table({by_specialist ? tr("Specialist").str() : tr("Salon").str(), tr("SIM cards").str(),
                         tr("Services").str(), tr("Bundles").str(), tr("Good ratings").str(), tr("Unit reward").str()},
                        rows);
        }
    });

    auto comment = std::make_shared<std::string>();
    auto* dispute = rewards->add_subcommand("dispute", tr("Dispute a statement line with a comment (a dealer's manager)").str());
    dispute->add_option("--dealer", *dealer, tr("The dealer's INN (a dealer's manager: his own by default)").str());
    dispute->add_option("--period", *period, tr("2026-09 (a month) or 2026-Q3 (a quarter)").str())->required();
    dispute->add_option("--line", *line, tr("A statement line's key (sim:smart, bundle, clawback:17...)").str())->required();
    dispute->add_option("--comment", *comment, tr("What is wrong with the line").str())->required();
    dispute->callback([&ctx, dealer, period, line, comment] {
        auto db = ctx.open();
        const auto person = ctx.person(*db);
        std::int64_t id = 0;
        reporting_input(ctx, [&] { id = raise_dispute(*db, person, *period, dealer_of(*db, person, *dealer), *line, *comment); });
        if (ctx.json) print_json({{"ok", true}, {"id", id}});
        else std::cout << trf("Dispute {1} filed", {std::to_string(id)}).str() << '\n';
    });
    auto dispute_id = std::make_shared<std::int64_t>(0);
    auto accept = std::make_shared<bool>(false);
    auto reject = std::make_shared<bool>(false);
    auto answer = std::make_shared<std::string>();
    auto* resolve = rewards->add_subcommand("resolve", tr("Resolve a dispute (head office)").str());
    resolve->add_option("--dispute", *dispute_id, tr("Dispute record number").str())->required();
    resolve->add_flag("--accept", *accept, tr("The dealer is right").str());
    resolve->add_flag("--reject", *reject, tr("The statement stands").str());
    resolve->add_option("--answer", *answer, tr("Head office's answer").str())->required();
    resolve->callback([&ctx, dispute_id, accept, reject, answer] {
        if (*accept == *reject)
            throw pos::InputError("accept", tr("Decision"), tr("give exactly one of --accept and --reject"));
        auto db = ctx.open();
        reporting_input(ctx, [&] { resolve_dispute(*db, ctx.person(*db), *dispute_id, *accept, *answer); });
        if (ctx.json) print_json({{"ok", true}, {"id", *dispute_id}, {"status", *accept ? "accepted" : "rejected"}});
        else std::cout << trf("Dispute {1} resolved", {std::to_string(*dispute_id)}).str() << '\n';
    });
    auto* disputes = rewards->add_subcommand("disputes", tr("Disputes the viewer sees").str());
    disputes->add_option("--period", *period, tr("2026-09 (a month) or 2026-Q3 (a quarter)").str());
    disputes->callback([&ctx, period] {
        auto db = ctx.open();
        const auto list = list_disputes(*db, ctx.viewer(*db), *period);
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& d : list)
                out.push_back({{"id", d.id}, {"period", d.period}, {"dealer_id", d.dealer_id}, {"line", d.line_key},
                               {"comment", d.comment}, {"status", d.status}, {"resolution", d.resolution},
                               {"raised_by", d.raised_by}, {"resolved_by", d.resolved_by}});
            print_json(out);
            return;
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& d : list)
            rows.push_back({std::to_string(d.id), d.period, d.line_key, d.comment, dispute_status_title(d.status).str(), d.resolution});
        print_table({tr("Id").str(), tr("Period").str(), tr("Line").str(), tr("Comment").str(), tr("Status").str(),
                     tr("Answer").str()},
                    rows);
    });

    auto deactivations = std::make_shared<std::string>();
    auto* imp = rewards->add_subcommand(
        "import-deactivations",
        tr("Record the operator's SIM deactivations (CSV, XLSX or ODS: number, deactivation date, report date)").str());
    imp->add_option("FILE", *deactivations, tr("The operator's reconciliation file").str())->required();
    imp->callback([&ctx, deactivations] {
        auto db = ctx.open();
        DeactivationImport r;
        reporting_input(ctx, [&] { r = import_deactivations(*db, ctx.person(*db), *deactivations); });
        if (ctx.json)
            print_json({{"ok", true}, {"rows", r.rows}, {"recorded", r.recorded}, {"already_known", r.already_known}});
        else
            std::cout << trf("{1} rows: {2} deactivations recorded, {3} already known",
                             {std::to_string(r.rows), std::to_string(r.recorded), std::to_string(r.already_known)})
                             .str()
                      << '\n';
    });

    auto sets = std::make_shared<std::vector<std::string>>();
    auto save_from = std::make_shared<std::string>();
    auto name = std::make_shared<std::string>();
    auto* whatif = rewards->add_subcommand(
        "whatif", tr("Every dealer's payout for a period before and after changing scheme parameters (nothing saved "
                     "unless --save-from)")
                      .str());
    whatif->add_option("--period", *period, tr("2026-09 (a month) or 2026-Q3 (a quarter)").str())->required();
    whatif->add_option("--set", *sets, tr("NAME=VALUE: bundle_bonus, cap, sim:TARIFF, upsell:PRODUCT, ... (kopecks, "
                                          "basis points)")
                                           .str())
        ->required();
    whatif->add_option("--save-from", *save_from, tr("Save the changed scheme as a new version from this date").str());
    whatif->add_option("--name", *name, tr("The new version's name").str());
    whatif->callback([&ctx, period, sets, save_from, name] {
        auto db = ctx.open();
        const auto viewer = ctx.viewer(*db);
        RewardScheme changed;
        std::vector<WhatIfRow> rows;
        reporting_input(ctx, [&] {
            changed = scheme_in_force(*db, parse_period(*period).starts_on.iso());
            for (const auto& s : *sets) set_parameter(changed, s);
            rows = what_if(*db, viewer, *period, changed);
        });
        std::int64_t saved = 0;
        if (!save_from->empty()) {
            changed.valid_from = pos::CalendarDate::parse(*save_from, "save_from", tr("In force from")).iso();
            changed.valid_to.clear();
            if (!name->empty()) changed.name = *name;
            reporting_input(ctx, [&] { saved = save_scheme_version(*db, ctx.person(*db), changed); });
        }
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& r : rows)
                out.push_back({{"dealer_id", r.dealer_id}, {"dealer", r.dealer_name}, {"before", r.before},
                               {"after", r.after}, {"change", r.after - r.before}});
            print_json({{"period", parse_period(*period).code}, {"dealers", out},
                        {"saved_scheme_id", saved ? nlohmann::json(saved) : nlohmann::json()}});
            return;
        }
        std::vector<std::vector<std::string>> t;
        std::int64_t before = 0, after = 0;
        for (const auto& r : rows) {
            t.push_back({r.dealer_name, money(r.before), money(r.after), money(r.after - r.before)});
            before += r.before;
            after += r.after;
        }
        t.push_back({tr("Total").str(), money(before), money(after), money(after - before)});
        print_table({tr("Dealer").str(), tr("Before").str(), tr("After").str(), tr("Change").str()}, t);
        if (saved)
            std::cout << trf("Saved as scheme version {1}, in force from {2}", {std::to_string(saved), changed.valid_from}).str()
                      << '\n';
    });
}

namespace {

std::string tenths(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string share_text(long long part, long long whole) {
    return whole ? std::to_string(part * 100 / whole) + "%" : std::string("—");
}

}  // namespace

// salon-cli reports norms|traffic: R-POS-4's norms per specialist and R-POS-6's traffic per salon over any days.
void add_report_commands(CLI::App& app, CliContext& ctx) {
    auto* reports = app.add_subcommand("reports", tr("Norms and traffic over any days").str());
    reports->require_subcommand(1);
    auto from = std::make_shared<std::string>();
    auto to = std::make_shared<std::string>();
    auto salon = std::make_shared<std::int64_t>(0);
    auto* norms = reports->add_subcommand(
        "norms", tr("Each specialist's bundle share and good-rating share against their thresholds").str());
    auto* traffic = reports->add_subcommand(
        "traffic", tr("Visitors and waits by hour of day and weekday, on each salon's clock").str());
    // The exports run the same job as the station's page; every path is checked before any file is written.
    auto files = std::make_shared<std::vector<std::pair<ExportFormat, std::string>>>(3);
    (*files)[0].first = ExportFormat::csv, (*files)[1].first = ExportFormat::xlsx, (*files)[2].first = ExportFormat::pdf;
    for (auto* sub : {norms, traffic}) {
        sub->add_option("--from", *from, tr("First day").str())->required();
        sub->add_option("--to", *to, tr("Last day (included)").str())->required();
        sub->add_option("--salon", *salon, tr("Salon record number (default: every salon you see)").str());
        sub->add_option("--csv", (*files)[0].second, tr("Also write the report to this CSV file").str());
        sub->add_option("--xlsx", (*files)[1].second, tr("Also write the report to this XLSX file, with a chart").str());
        sub->add_option("--pdf", (*files)[2].second, tr("Also write the report to this PDF file, with charts").str());
    }
    auto export_files = [&ctx, from, to, salon, files](db::Database& db, NormsReportKind kind) {
        const auto viewer = ctx.viewer(db);
        reporting_input(ctx, [&] {
            for (const auto& [format, path] : *files)
                if (!path.empty()) check_writable(path);
            for (const auto& [format, path] : *files)
                if (!path.empty()) run_norms_export(db, viewer, {kind, *from, *to, *salon, format, path});
        });
    };
    auto written = [&ctx, files] {
        if (ctx.json) return;
        for (const auto& [format, path] : *files)
            if (!path.empty()) std::cout << trf("Written: {1}", {path}).str() << '\n';
    };
    norms->callback([&ctx, from, to, salon, export_files, written] {
        auto db = ctx.open();
        std::vector<SalonNorms> list;
        reporting_input(ctx, [&] { list = norms_report(*db, ctx.viewer(*db), *from, *to, *salon); });
        export_files(*db, NormsReportKind::norms);
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& n : list) {
                nlohmann::json people = nlohmann::json::array();
                for (const auto& p : n.specialists)
                    people.push_back({{"staff_id", p.staff_id}, {"name", p.name}, {"bundle_sales", p.bundle_sales},
                                      {"tariff_sales", p.tariff_sales}, {"bundle_threshold_percent", p.bundle_threshold_percent},
                                      {"bundle_norm_met", p.bundle_norm_met()}, {"good_ratings", p.good_ratings},
                                      {"ratings", p.ratings}, {"good_rating_threshold_percent", pos::SpecialistNorms::kGoodRatingPercent},
                                      {"rating_norm_met", p.rating_norm_met()}});
                out.push_back({{"salon_id", n.salon_id}, {"salon", n.salon}, {"dealer", n.dealer},
                               {"below_norm", n.below_norm()}, {"specialists", people}});
            }
            print_json(out);
            return;
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& n : list)
            for (const auto& p : n.specialists)
                rows.push_back({n.salon, p.name, share_text(p.bundle_sales, p.tariff_sales) + (p.bundle_norm_met() ? "" : " !"),
                                share_text(p.good_ratings, p.ratings) + (p.rating_norm_met() ? "" : " !")});
        print_table({tr("Salon").str(), tr("Specialist").str(), tr("Bundle share").str(), tr("Good ratings").str()}, rows);
        written();
    });
    traffic->callback([&ctx, from, to, salon, export_files, written] {
        auto db = ctx.open();
        std::vector<SalonTraffic> list;
        reporting_input(ctx, [&] { list = traffic_report(*db, ctx.viewer(*db), *from, *to, *salon); });
        export_files(*db, NormsReportKind::traffic);
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& t : list)
                out.push_back({{"salon_id", t.salon_id}, {"salon", t.salon}, {"time_zone", t.time_zone},
                               {"visits", t.visits}, {"visitors_per_hour", t.visitors_per_hour},
                               {"average_wait_minutes", t.average_wait}, {"visitors_by_hour", t.visitors_by_hour},
                               {"average_wait_by_hour", t.average_wait_by_hour},
                               {"visitors_by_weekday", t.visitors_by_weekday},
                               {"average_wait_by_weekday", t.average_wait_by_weekday}});
            print_json(out);
            return;
        }
        for (const auto& t : list) {
            std::cout << trf("{1}: {2} visitors, {3} an hour, average wait {4} min",
                             {t.salon, std::to_string(t.visits), tenths(t.visitors_per_hour), tenths(t.average_wait)})
                             .str()
                      << '\n';
            std::vector<std::vector<std::string>> rows;
            for (std::size_t h = 0; h < 24; ++h)
                if (t.visitors_by_hour[h])
                    rows.push_back({std::to_string(h) + ":00", std::to_string(t.visitors_by_hour[h]),
                                    tenths(t.average_wait_by_hour[h])});
            print_table({tr("Hour").str(), tr("Visitors").str(), tr("Average wait, min").str()}, rows);
            std::cout << '\n';
        }
        written();
    });
}

}  // namespace salon::cli
