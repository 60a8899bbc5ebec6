// salon-cli demo seed: fills a database with the demo network.
#include "db/Maintenance.hpp"
#include "db/Text.hpp"
#include "db/UserError.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/demo/DemoData.hpp"
#include "pos/core/sale/SandboxSmsSender.hpp"
#include "pos/corporate/CorporateDemo.hpp"
#include "training/core/demo/TrainingDemo.hpp"
#include "training/core/invitation/MailOutbox.hpp"

#include <iostream>
#include <memory>

namespace salon::cli {

namespace {
void print_corporate(const pos::CorporateDemoCounts& c) {
    if (c.already_present) return;
    std::cout << trf("Corporate desk: {1} companies with {2} numbers, {3} applications, {4} corporate visits.",
                     {std::to_string(c.clients), std::to_string(c.numbers), std::to_string(c.applications),
                      std::to_string(c.visits)})
                     .str()
              << '\n';
}
void print_training(const training::TrainingDemoCounts& t) {
    if (t.already_present) return;
    std::cout << trf("Training centre: {1} questions in the bank, {2} cohorts with {3} candidates, {4} entrance "
                     "tests, {5} invitations; {6} passed last week and were certified.",
                     {std::to_string(t.questions), std::to_string(t.cohorts), std::to_string(t.candidates),
                      std::to_string(t.attempts), std::to_string(t.invitations), std::to_string(t.certified)})
                     .str()
              << '\n';
}
}  // namespace

void add_demo_commands(CLI::App& app, CliContext& ctx) {
    auto* demo = app.add_subcommand("demo", tr("Demo data for trying the station").str());
    demo->require_subcommand(1);
    auto* seed = demo->add_subcommand("seed", tr("Create the database if needed and add the demo network").str());
    auto days = std::make_shared<int>(pos::kDemoHistoryDays);
    seed->add_option("--days", *days,
                     trf("Days of history before today: visits, sales, top-ups, ratings and shifts (default {1}; "
                         "0: none)",
                         {std::to_string(pos::kDemoHistoryDays)})
                         .str());
    auto no_training = std::make_shared<bool>(false);
    seed->add_flag("--no-training", *no_training,
                   tr("Leave the training centre empty (no question bank, cohorts or candidates)").str());
    seed->callback([&ctx, days, no_training] {
        auto db = ctx.open(true);
        // Thousands of transactions: a seed killed half-way must not be taken later for the demo network.
        if (const auto mark = db::incomplete(*db))
            throw RefusedError(trf("{1} cannot take the demo data: {2}. Start again with a new database.",
                                   {db->url().display, db::incomplete_text(*mark).str()}));
        db::mark_incomplete(*db, "salon-cli demo seed");
        const auto r = pos::seed_demo(*db, ctx.maintenance(), *days);
        const auto& h = r.history;
        pos::SandboxSmsSender sms;
        const auto corporate = pos::seed_corporate_demo(*db, ctx.maintenance(), *days, sms);
        training::SandboxMailSender mail;
        training::TrainingDemoCounts training;
        if (*no_training)
            training.already_present = true;  // nothing added, nothing to print
        else
            training = training::seed_training_demo(*db, ctx.maintenance(), sms, mail);
        db::mark_complete(*db);
        if (ctx.json) {
            print_json({{"ok", true},
                        {"already_present", r.already_present},
                        {"dealers", r.dealers},
                        {"salons", r.salons},
                        {"staff", r.staff},
                        {"tariffs", r.tariffs},
                        {"history",
                         {{"days", h.days},
                          {"shifts", h.shifts},
                          {"visits", h.visits},
                          {"left", h.left},
                          {"sales", h.sales},
                          {"refunds", h.refunds},
                          {"top_ups", h.top_ups},
                          {"sim_sales", h.sim_sales},
                          {"clients", h.clients}}},
                        {"corporate",
                         {{"already_present", corporate.already_present},
                          {"clients", corporate.clients},
                          {"numbers", corporate.numbers},
                          {"applications", corporate.applications},
                          {"visits", corporate.visits}}},
                        {"training",
                         {{"already_present", training.already_present},
                          {"questions", training.questions},
                          {"cohorts", training.cohorts},
                          {"candidates", training.candidates},
                          {"attempts", training.attempts},
                          {"invitations", training.invitations},
                          {"certified", training.certified}}}});
            return;
        }
        if (r.already_present) {
            std::cout << trf("Demo data is already in {1}; nothing added.", {db->url().display}).str() << '\n';
            if (!corporate.already_present) print_corporate(corporate);
            print_training(training);
            return;
        }
        std::cout << trf("Demo data added to {1}: {2} dealers, {3} salons, {4} staff, {5} tariffs. "
                         "Every demo account signs in with the password {6}.",
                         {db->url().display, std::to_string(r.dealers), std::to_string(r.salons),
                          std::to_string(r.staff), std::to_string(r.tariffs), pos::kDemoPassword})
                         .str()
                  << '\n';
        if (h.days > 0)
            std::cout << trf("History of {1} days up to yesterday: {2} visits ({3} left the queue), {4} sales, "
                             "{5} refunds, {6} top-ups, {7} SIM cards sold, {8} shifts.",
                             {std::to_string(h.days), std::to_string(h.visits), std::to_string(h.left),
                              std::to_string(h.sales), std::to_string(h.refunds), std::to_string(h.top_ups),
                              std::to_string(h.sim_sales), std::to_string(h.shifts)})
                             .str()
                      << '\n';
        print_corporate(corporate);
        print_training(training);
    });
}

}  // namespace salon::cli
