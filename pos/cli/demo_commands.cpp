// salon-cli demo seed: fills a database with the demo network.
#include "db/Text.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/DemoData.hpp"

#include <iostream>

namespace salon::cli {

void add_demo_commands(CLI::App& app, CliContext& ctx) {
    auto* demo = app.add_subcommand("demo", tr("Demo data for trying the station").str());
    demo->require_subcommand(1);
    demo->add_subcommand("seed", tr("Create the database if needed and add the demo network").str())->callback([&ctx] {
        auto db = ctx.open(true);
        const auto r = pos::seed_demo(*db, ctx.actor());
        if (ctx.json) {
            print_json({{"ok", true},
                        {"already_present", r.already_present},
                        {"dealers", r.dealers},
                        {"salons", r.salons},
                        {"staff", r.staff},
                        {"tariffs", r.tariffs}});
            return;
        }
        if (r.already_present) {
            std::cout << trf("Demo data is already in {1}; nothing added.", {db->url().display}).str() << '\n';
            return;
        }
        std::cout << trf("Demo data added to {1}: {2} dealers, {3} salons, {4} staff, {5} tariffs. "
                         "Every demo account signs in with the password {6}.",
                         {db->url().display, std::to_string(r.dealers), std::to_string(r.salons),
                          std::to_string(r.staff), std::to_string(r.tariffs), pos::kDemoPassword})
                         .str()
                  << '\n';
    });
}

}  // namespace salon::cli
