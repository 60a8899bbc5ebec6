// The verbs of salon-cli, grouped by what they work on; each registers its subcommands on the app.
#pragma once

#include <CLI/CLI.hpp>

namespace salon::cli {

struct CliContext;

void add_db_commands(CLI::App& app, CliContext& ctx);
void add_validate_command(CLI::App& app, CliContext& ctx);
void add_organisation_commands(CLI::App& app, CliContext& ctx);
void add_demo_commands(CLI::App& app, CliContext& ctx);
void add_audit_commands(CLI::App& app, CliContext& ctx);
void add_tariff_commands(CLI::App& app, CliContext& ctx);
void add_shift_commands(CLI::App& app, CliContext& ctx);
void add_queue_commands(CLI::App& app, CliContext& ctx);
void add_client_commands(CLI::App& app, CliContext& ctx);
void add_stock_commands(CLI::App& app, CliContext& ctx);
void add_catalog_commands(CLI::App& app, CliContext& ctx);
void add_receipt_commands(CLI::App& app, CliContext& ctx);
void add_sales_commands(CLI::App& app, CliContext& ctx);
void add_port_commands(CLI::App& app, CliContext& ctx);
// The corporate desk (corporate_commands.cpp). Other files add verbs under `corporate` through
// corporate_command(app), which creates the subcommand on first use and returns it afterwards.
void add_corporate_commands(CLI::App& app, CliContext& ctx);
CLI::App* corporate_command(CLI::App& app);
// A company's users' data under `corporate` (export-users, import-users, compliance) and `bench users-import`.
void add_corporate_users_commands(CLI::App& app, CliContext& ctx);
void add_corporate_request_commands(CLI::App& app, CliContext& ctx);
// The training centre (training_commands.cpp): files adding verbs under `training` get the subcommand
// through training_command(app), created on first use.
CLI::App* training_command(CLI::App& app);

}  // namespace salon::cli
// The assessment, its decision, passing, career and results (training_assessment_commands.cpp).
namespace salon::cli {
void add_training_assessment_commands(CLI::App& app, CliContext& ctx);
}
