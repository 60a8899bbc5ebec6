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
// The question bank (training bank ...) and the test's item analysis (training stats).
void add_training_bank_commands(CLI::App& app, CliContext& ctx);

}  // namespace salon::cli
// The training centre's cohorts, candidates, invitations (training_cohort_commands.cpp) and the entrance
// test's attempts (training_attempt_commands.cpp).
namespace salon::cli {
void add_training_cohort_commands(CLI::App& app, CliContext& ctx);
void add_training_attempt_commands(CLI::App& app, CliContext& ctx);
}  // namespace salon::cli
// Dealer rewards (rewards_commands.cpp, reward_bench_command.cpp, demo_generate_command.cpp) and the dealer's
// salons side by side (dealer_dashboard_command.cpp, used by `dashboard` without --salon).
namespace salon::db {
class Database;
}
namespace salon::pos {
class Actor;
}
namespace salon::cli {
void add_rewards_commands(CLI::App& app, CliContext& ctx);
void print_dealer_dashboard(const CliContext& ctx, db::Database& db, const pos::Actor& viewer);
void add_demo_generate_command(CLI::App& app, CliContext& ctx);
void add_reward_bench(CLI::App& app, CliContext& ctx);
}  // namespace salon::cli
// The assessment, its decision, passing, career and results (training_assessment_commands.cpp).
namespace salon::cli {
void add_training_assessment_commands(CLI::App& app, CliContext& ctx);
}
// Gadgets tracked by IMEI and stocktakes of SIM cards and gadgets (gadget_commands.cpp).
namespace salon::cli {
void add_gadget_commands(CLI::App& app, CliContext& ctx);
}
// The fiscal registrar and its queue (fiscal_commands.cpp); fiscalise_committed registers a sale or refund
// just committed at this till (sale commit, sale refund) and prints or returns its fiscal state.
#include <nlohmann/json.hpp>
#include <cstdint>
namespace salon::cli {
void add_fiscal_commands(CLI::App& app, CliContext& ctx);
nlohmann::json fiscalise_committed(const CliContext& ctx, db::Database& db, const pos::Actor& person, std::int64_t sale_id);
}  // namespace salon::cli
// Many stations of a dealer network at once on one database (stations_bench_command.cpp).
namespace salon::cli {
void add_stations_bench(CLI::App& app, CliContext& ctx);
}
// The first run for scripted installs, and the database connection check (setup_commands.cpp).
namespace salon::cli {
void add_setup_command(CLI::App& app, CliContext& ctx);
}
// A receipt put out on the command line (receipt_commands.cpp): text, an 80 mm or A4 PDF, a printer;
// `receipt show|sample` and `fiscal correction-pdf` share the options and the output.
namespace salon::pos {
struct ReceiptDocument;
}
namespace salon::cli {
struct ReceiptOutput {
    std::string pdf, paper = "80mm", printer;
    bool text = false, print = false;
    int width = 42;
};
// --pdf, --paper, --text, --width and, when `printable`, --print and --printer.
void add_receipt_output(CLI::App& command, ReceiptOutput& output, bool printable);
// Prints, writes and shows `doc` as `output` asks; with --json the answer is `identity` plus ok, qr_payload,
// pdf, paper and text.
void put_out_receipt(const CliContext& ctx, const pos::ReceiptDocument& doc, const ReceiptOutput& output,
                     const nlohmann::json& identity, bool sample);
}  // namespace salon::cli
// A gadget moved between a dealer's salons (`stock move IMEI --to-salon N`, whose SIM cards' form is in
// stock_commands.cpp) and `stock history IMEI`, beside the other gadget verbs (gadget_commands.cpp).
#include <string>
#include <vector>
namespace salon::cli {
void move_gadget_command(const CliContext& ctx, const std::vector<std::string>& codes, std::int64_t to_salon,
                         const std::string& reason);
}
