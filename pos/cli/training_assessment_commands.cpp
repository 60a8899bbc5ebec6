// salon-cli training ...: the assessment day and what follows it without a display: rubrics and scores
// (R-TRN-7, R-TRN-8), votes, the cohort's rule and the decision (R-TRN-4, R-TRN-10), drop-outs (R-TRN-9),
// the Monday join, closing the week with its certifications ("Passing", R-POS-3), the results sheet for
// dealers (XLSX, PDF), and career steps (R-TRN-11). Verbs that change data act as --as.
#include "db/Text.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "training/core/assessment/AssessmentScore.hpp"
#include "training/core/assessment/CandidateDecision.hpp"
#include "training/core/assessment/CohortClosing.hpp"
#include "training/core/assessment/ResultsExport.hpp"
#include "training/core/assessment/Rubric.hpp"
#include "training/core/career/CareerStep.hpp"

#include <iostream>
#include <memory>
#include <sstream>

namespace salon::cli {
using namespace salon::training;

namespace {

// The subcommand `name` under `parent`, created on first use (another file may add verbs to it too).
CLI::App* sub_of(CLI::App* parent, const std::string& name, const std::string& description) {
    try {
        return parent->get_subcommand(name);
    } catch (const CLI::OptionNotFound&) {
        auto* sub = parent->add_subcommand(name, description);
        sub->require_subcommand(1);
        return sub;
    }
}

nlohmann::json optional_number(const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

nlohmann::json results_json(const CohortResults& r) {
    nlohmann::json criteria = nlohmann::json::array(), rows = nlohmann::json::array();
    for (const auto& c : r.criteria)
        criteria.push_back({{"id", c.criterion_id}, {"rubric", c.rubric_title}, {"title", c.title},
                            {"max_points", c.max_points}});
    for (const auto& x : r.rows) {
        nlohmann::json averages = nlohmann::json::array(), flags = nlohmann::json::array();
        for (std::size_t k = 0; k < x.averages.size(); ++k) {
            averages.push_back(optional_number(x.averages[k]));
            flags.push_back(static_cast<bool>(x.disagreements[k]));
        }
        rows.push_back({{"candidate_id", x.candidate_id},
                        {"full_name", x.full_name},
                        {"dealer_id", x.dealer_id},
                        {"dealer", x.dealer_name},
                        {"stream", x.stream ? nlohmann::json(x.stream) : nlohmann::json(nullptr)},
                        {"test_correct", x.test_correct ? nlohmann::json(*x.test_correct) : nlohmann::json(nullptr)},
                        {"test_passed", x.test_passed ? nlohmann::json(*x.test_passed) : nlohmann::json(nullptr)},
                        {"averages", averages},
                        {"disagreements", flags},
                        {"votes_continue", x.votes_continue},
                        {"votes_stop", x.votes_stop},
                        {"decision", x.decision.empty() ? nlohmann::json(nullptr) : nlohmann::json(x.decision)},
                        {"status", x.status},
                        {"status_text", status_text(x)},
                        {"dropped_at", x.dropped_at ? nlohmann::json(x.dropped_at) : nlohmann::json(nullptr)},
                        {"joins_on", x.joins_on.empty() ? nlohmann::json(nullptr) : nlohmann::json(x.joins_on)}});
    }
    return {{"cohort", {{"id", r.cohort_id}, {"week_start", r.week_start}, {"vote_rule", r.vote_rule}, {"closed", r.closed}}},
            {"criteria", criteria},
            {"rows", rows}};
}

nlohmann::json rubric_json(const Rubric& r) {
    nlohmann::json criteria = nlohmann::json::array();
    for (const auto& c : r.criteria)
        criteria.push_back({{"id", c.id}, {"position", c.position}, {"title", c.title}, {"max_points", c.max_points}});
    return {{"id", r.id}, {"kind", std::string(to_string(r.kind))}, {"title", r.title}, {"margin", r.margin},
            {"criteria", criteria}};
}

std::string average_text(const std::optional<double>& v, bool flag) {
    if (!v) return "—";
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(1);
    s << *v;
    return s.str() + (flag ? " !" : "");
}

// --staff takes a login or a record number.
std::int64_t staff_of(db::Database& db, const pos::Actor& actor, const std::string& text) {
    if (auto found = pos::find_staff_by_login(db, actor, text)) return found->id;
    if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos)
        return pos::get_staff(db, actor, std::stoll(text)).id;
    throw pos::InputError("staff", tr("Staff member"), trf("nobody with login or number {1}", {text}));
}

}  // namespace

void add_training_assessment_commands(CLI::App& app, CliContext& ctx) {
    CLI::App* training = training_command(app);

    // --- results
    struct ResultsOptions {
        std::int64_t cohort = 0;
        std::string xlsx, pdf;
    };
    auto ro = std::make_shared<ResultsOptions>();
    auto* results = training->add_subcommand("results", tr("A cohort's results sheet for dealers").str());
    results->add_option("--cohort", ro->cohort, tr("The cohort's number").str())->required();
    results->add_option("--xlsx", ro->xlsx, tr("Write the sheet as an XLSX workbook to this file").str());
    results->add_option("--pdf", ro->pdf, tr("Write the sheet as a PDF to this file").str());
    results->callback([&ctx, ro] {
        auto db = ctx.open();
        const pos::Actor viewer = ctx.viewer(*db);
        reporting_input(ctx, [&] {
            const CohortResults r = run_results_export(*db, viewer, {ro->cohort, ro->xlsx, ro->pdf});
            if (ctx.json) return print_json(results_json(r));
            std::vector<std::string> headers = {tr("No.").str(), tr("Candidate").str(), tr("Dealer").str(),
                                                tr("Test, of 16").str()};
            for (std::size_t k = 0; k < r.criteria.size(); ++k) headers.push_back("K" + std::to_string(k + 1));
            for (const auto& h : {tr("Votes: continue").str(), tr("Votes: stop").str(), tr("Decision").str(),
                                  tr("Status").str()})
                headers.push_back(h);
            std::vector<std::vector<std::string>> rows;
            for (const auto& x : r.rows) {
                std::vector<std::string> line = {std::to_string(x.candidate_id), x.full_name, x.dealer_name,
                                                 x.test_correct ? std::to_string(*x.test_correct) : "—"};
                for (std::size_t k = 0; k < r.criteria.size(); ++k)
                    line.push_back(average_text(x.averages[k], x.disagreements[k]));
                line.push_back(std::to_string(x.votes_continue));
                line.push_back(std::to_string(x.votes_stop));
                line.push_back(x.decision.empty() ? "—" : x.decision);
                line.push_back(status_text(x));
                rows.push_back(line);
            }
            std::cout << trf("Training week from {1}", {r.week_start}).str() << '\n';
            print_table(headers, rows);
            for (std::size_t k = 0; k < r.criteria.size(); ++k)
                std::cout << "K" << k + 1 << ": " << r.criteria[k].rubric_title << " — " << r.criteria[k].title << " ("
                          << r.criteria[k].max_points << ")\n";
            if (!ro->xlsx.empty()) std::cout << trf("Written: {1}", {ro->xlsx}).str() << '\n';
            if (!ro->pdf.empty()) std::cout << trf("Written: {1}", {ro->pdf}).str() << '\n';
        });
    });

    // --- career
    auto due_on = std::make_shared<std::string>();
    auto* due = training->add_subcommand("due", tr("Who is due for the next career step (R-TRN-11)").str());
    due->add_option("--on", *due_on, tr("On this day (default: today)").str());
    due->callback([&ctx, due_on] {
        auto db = ctx.open();
        const pos::Actor viewer = ctx.viewer(*db);
        reporting_input(ctx, [&] {
            const pos::CalendarDate day = due_on->empty()
                                              ? pos::CalendarDate::of_utc(db->now())
                                              : pos::CalendarDate::parse(*due_on, "on", tr("Date"));
            const auto list = due_promotions(*db, viewer, day);
            if (ctx.json) {
                nlohmann::json out = nlohmann::json::array();
                for (const auto& d : list)
                    out.push_back({{"staff_id", d.staff_id}, {"login", d.login}, {"full_name", d.full_name},
                                   {"dealer", d.dealer_name}, {"salon", d.salon_name},
                                   {"from", std::string(pos::to_string(d.from))}, {"to", std::string(pos::to_string(d.to))},
                                   {"since", d.since}});
                return print_json(out);
            }
            std::vector<std::vector<std::string>> rows;
            for (const auto& d : list)
                rows.push_back({d.login, d.full_name, d.dealer_name, d.salon_name, pos::career_level_title(d.from).str(),
                                pos::career_level_title(d.to).str(),
                                pos::CalendarDate::parse(d.since, "since", tr("Date")).display()});
            print_table({tr("Login").str(), tr("Full name").str(), tr("Dealer").str(), tr("Salon").str(), tr("Now").str(),
                         tr("Due for").str(), tr("Since").str()},
                        rows);
        });
    });

    struct PromoteOptions {
        std::string staff, to;
    };
    auto po = std::make_shared<PromoteOptions>();
    auto* promote_cmd = training->add_subcommand("promote", tr("Promote a person one career step (R-TRN-11)").str());
    promote_cmd->add_option("--staff", po->staff, tr("The person's login or number").str())->required();
    promote_cmd->add_option("--to", po->to, tr("specialist or senior_specialist").str())->required();
    promote_cmd->callback([&ctx, po] {
        auto db = ctx.open();
        const pos::Actor person = ctx.person(*db);
        reporting_input(ctx, [&] {
            const pos::CareerLevel to = pos::parse_input("to", [&] { return pos::career_level_from_string(po->to); });
            const std::int64_t id = staff_of(*db, person, po->staff);
            promote(*db, person, id, to);
            const pos::StaffMember m = pos::get_staff(*db, person, id);
            if (ctx.json)
                return print_json({{"ok", true}, {"staff_id", id}, {"login", m.login},
                                   {"career_level", std::string(pos::to_string(*m.career_level))},
                                   {"role", std::string(pos::to_string(m.role))}});
            std::cout << trf("{1} is now: {2}.", {m.full_name, pos::career_level_title(*m.career_level).str()}).str()
                      << '\n';
        });
    });

    // --- rubrics
    auto* rubric = sub_of(training, "rubric", tr("Rubrics of the role-play and the cases").str());
    auto* rubric_list = rubric->add_subcommand("list", tr("The rubrics in use with their criteria").str());
    rubric_list->callback([&ctx] {
        auto db = ctx.open();
        const auto list = list_rubrics(*db);
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& r : list) out.push_back(rubric_json(r));
            return print_json(out);
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& r : list)
            for (const auto& c : r.criteria)
                rows.push_back({std::to_string(r.id), rubric_kind_title(r.kind).str(), r.title, std::to_string(c.id),
                                c.title, std::to_string(c.max_points), std::to_string(r.margin)});
        print_table({tr("Rubric").str(), tr("Kind").str(), tr("Title").str(), tr("Criterion").str(), tr("Criterion title").str(),
                     tr("Max").str(), tr("Margin").str()},
                    rows);
    });
    auto* rubric_seed = rubric->add_subcommand("seed", tr("Add the two default rubrics (role-play, cases)").str());
    rubric_seed->callback([&ctx] {
        auto db = ctx.open();
        const pos::Actor person = ctx.person(*db);
        const auto added = seed_default_rubrics(*db, person);
        if (ctx.json) return print_json({{"ok", true}, {"added", added}});
        std::cout << trn("{1} rubric added.", "{1} rubrics added.", static_cast<long long>(added.size())).str() << '\n';
    });
    struct RubricOptions {
        std::string kind, title;
        int margin = 2;
        std::vector<std::string> criteria;
    };
    auto rf = std::make_shared<RubricOptions>();
    auto* rubric_add = rubric->add_subcommand("add", tr("Add a rubric").str());
    rubric_add->add_option("--kind", rf->kind, tr("role_play or case").str())->required();
    rubric_add->add_option("--title", rf->title, tr("Rubric title").str())->required();
    rubric_add->add_option("--margin", rf->margin, tr("Raters differing by more points are flagged").str());
    rubric_add->add_option("--criterion", rf->criteria, tr("A criterion as TITLE=MAX_POINTS (repeat)").str())->required();
    rubric_add->callback([&ctx, rf] {
        auto db = ctx.open();
        const pos::Actor person = ctx.person(*db);
        reporting_input(ctx, [&] {
            RubricForm form;
            form.kind = rubric_kind_from_string(rf->kind);
            form.title = rf->title;
            form.margin = rf->margin;
            for (const auto& c : rf->criteria) {
                const auto eq = c.rfind('=');
                if (eq == std::string::npos || eq + 1 == c.size() ||
                    c.find_first_not_of("0123456789", eq + 1) != std::string::npos || c.size() - eq > 4)
                    throw pos::InputError("criterion", tr("Criterion"), tr("write it as TITLE=MAX_POINTS"));
                form.criteria.push_back({c.substr(0, eq), std::stoi(c.substr(eq + 1))});
            }
            const auto id = save_rubric(*db, person, form);
            if (ctx.json) return print_json({{"ok", true}, {"rubric", rubric_json(get_rubric(*db, id))}});
            std::cout << trf("Rubric {1} added.", {std::to_string(id)}).str() << '\n';
        });
    });

    // --- the assessment day
    struct ScoreOptions {
        std::int64_t candidate = 0, criterion = 0;
        int points = 0;
        std::string comment;
    };
    auto so = std::make_shared<ScoreOptions>();
    auto* score = training->add_subcommand("score", tr("Give your own score on a criterion").str());
    score->add_option("--candidate", so->candidate, tr("The candidate's number").str())->required();
    score->add_option("--criterion", so->criterion, tr("The criterion's number").str())->required();
    score->add_option("--points", so->points, tr("Points, from 0 to the criterion's maximum").str())->required();
    score->add_option("--comment", so->comment, tr("Comment").str());
    score->callback([&ctx, so] {
        auto db = ctx.open();
        const pos::Actor person = ctx.person(*db);
        reporting_input(ctx, [&] {
            record_score(*db, person, {so->candidate, so->criterion, so->points, so->comment});
            if (ctx.json) return print_json({{"ok", true}});
            std::cout << tr("Score saved.").str() << '\n';
        });
    });

    struct VoteOptions {
        std::int64_t candidate = 0;
        std::string vote, comment;
    };
    auto vo = std::make_shared<VoteOptions>();
    auto* vote = training->add_subcommand("vote", tr("Vote whether a candidate continues").str());
    vote->add_option("--candidate", vo->candidate, tr("The candidate's number").str())->required();
    vote->add_option("--vote", vo->vote, tr("continue or stop").str())->required();
    vote->add_option("--comment", vo->comment, tr("Comment").str());
    vote->callback([&ctx, vo] {
        auto db = ctx.open();
        const pos::Actor person = ctx.person(*db);
        reporting_input(ctx, [&] {
            cast_vote(*db, person, vo->candidate, vote_from_string(vo->vote), vo->comment);
            if (ctx.json) return print_json({{"ok", true}});
            std::cout << tr("Vote saved.").str() << '\n';
        });
    });

    auto decide_candidate = std::make_shared<std::int64_t>(0);
    auto* decide_cmd = training->add_subcommand("decide", tr("Apply the cohort's voting rule to a candidate").str());
    decide_cmd->add_option("--candidate", *decide_candidate, tr("The candidate's number").str())->required();
    decide_cmd->callback([&ctx, decide_candidate] {
        auto db = ctx.open();
        const pos::Actor person = ctx.person(*db);
        reporting_input(ctx, [&] {
            const Vote v = decide(*db, person, *decide_candidate);
            if (ctx.json) return print_json({{"ok", true}, {"decision", std::string(to_string(v))}});
            std::cout << (v == Vote::go_on ? tr("Decision: the candidate continues.") : tr("Decision: the candidate stops."))
                             .str()
                      << '\n';
        });
    });

    struct DropOptions {
        std::int64_t candidate = 0;
        std::string note;
    };
    auto dro = std::make_shared<DropOptions>();
    auto* drop = training->add_subcommand("drop", tr("Record that a candidate left and did not return").str());
    drop->add_option("--candidate", dro->candidate, tr("The candidate's number").str())->required();
    drop->add_option("--note", dro->note, tr("Note").str());
    drop->callback([&ctx, dro] {
        auto db = ctx.open();
        const pos::Actor person = ctx.person(*db);
        reporting_input(ctx, [&] {
            record_drop_out(*db, person, dro->candidate, dro->note);
            if (ctx.json) return print_json({{"ok", true}});
            std::cout << tr("Recorded as dropped out.").str() << '\n';
        });
    });

    auto join_candidate = std::make_shared<std::int64_t>(0);
    auto* join = training->add_subcommand("join-monday", tr("A candidate who missed Friday joins on Monday").str());
    join->add_option("--candidate", *join_candidate, tr("The candidate's number").str())->required();
    join->callback([&ctx, join_candidate] {
        auto db = ctx.open();
        const pos::Actor person = ctx.person(*db);
        reporting_input(ctx, [&] {
            const std::string monday = join_on_monday(*db, person, *join_candidate);
            if (ctx.json) return print_json({{"ok", true}, {"joins_on", monday}});
            std::cout << trf("Joins on {1}.", {monday}).str() << '\n';
        });
    });

    // --- the cohort: its rule and its close
    auto* cohort = sub_of(training, "cohort", tr("A training cohort").str());
    struct RuleOptions {
        std::int64_t cohort = 0;
        std::string rule;
    };
    auto rlo = std::make_shared<RuleOptions>();
    auto* rule = cohort->add_subcommand("rule", tr("Set how the votes decide who continues").str());
    rule->add_option("--cohort", rlo->cohort, tr("The cohort's number").str())->required();
    rule->add_option("--rule", rlo->rule, tr("majority, unanimous or trainers_and_dealers").str())->required();
    rule->callback([&ctx, rlo] {
        auto db = ctx.open();
        const pos::Actor person = ctx.person(*db);
        reporting_input(ctx, [&] {
            set_vote_rule(*db, person, rlo->cohort, vote_rule_from_string(rlo->rule));
            if (ctx.json) return print_json({{"ok", true}});
            std::cout << tr("Voting rule saved.").str() << '\n';
        });
    });
    auto close_id = std::make_shared<std::int64_t>(0);
    auto* close = cohort->add_subcommand("close", tr("Close the week: who passed is certified").str());
    close->add_option("--cohort", *close_id, tr("The cohort's number").str())->required();
    close->callback([&ctx, close_id] {
        auto db = ctx.open();
        const pos::Actor person = ctx.person(*db);
        reporting_input(ctx, [&] {
            const CohortClosing c = close_cohort(*db, person, *close_id);
            if (ctx.json) {
                nlohmann::json accounts = nlohmann::json::array();
                for (const auto& a : c.opened)
                    accounts.push_back({{"candidate_id", a.candidate_id}, {"staff_id", a.staff_id}, {"login", a.login},
                                        {"full_name", a.full_name}, {"one_time_password", a.one_time_password}});
                return print_json({{"ok", true}, {"closed_on", c.closed_on}, {"passed", c.passed},
                                   {"not_passed", c.not_passed}, {"dropped_out", c.dropped_out}, {"accounts", accounts}});
            }
            std::cout << trf("Week closed on {1}: {2} passed, {3} not passed, {4} dropped out.",
                             {c.closed_on, std::to_string(c.passed.size()), std::to_string(c.not_passed.size()),
                              std::to_string(c.dropped_out.size())})
                             .str()
                      << '\n';
            for (const auto& a : c.opened)
                std::cout << trf("New account for {1}: login {2}, one-time password {3} (shown once; it must be changed "
                                 "at the first sign-in).",
                                 {a.full_name, a.login, a.one_time_password})
                                 .str()
                          << '\n';
        });
    });
}

}  // namespace salon::cli
