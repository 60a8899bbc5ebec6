// The training centre's verbs (R-TRN-1..11) under `salon-cli training`. Each file adding verbs calls
// training_command(app) from its own add_..._commands(app, ctx) to get the `training` subcommand (created
// on first use, whichever file registers first) and registers its function in main.cpp.
#include "db/Text.hpp"
#include "pos/cli/commands.hpp"

namespace salon::cli {

CLI::App* training_command(CLI::App& app) {
    try {
        return app.get_subcommand("training");
    } catch (const CLI::OptionNotFound&) {
        auto* training = app.add_subcommand(
            "training", tr("The training centre: question bank, cohorts, the entrance test, results").str());
        training->require_subcommand(1);
        return training;
    }
}

}  // namespace salon::cli
