// Exporting a dealer's statement: one job the station's window and `salon-cli rewards statement` both run
// (the shape of KiCad's export jobs), so what a person clicks can be scripted and tested without a display.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}
namespace salon::pos {
class Actor;
}

namespace salon::reports {

struct DealerStatement;
struct UnitShare;

enum class ExportFormat { csv, json, xlsx, pdf };
ExportFormat export_format_from_string(const std::string& text);  // throws InputError("format")
std::string to_string(ExportFormat format);

struct StatementExportJob {
    std::string period;          // "2026-Q3"
    std::int64_t dealer_id = 0;
    ExportFormat format = ExportFormat::csv;
    std::string path;            // where the file is written
};

// Writes the statement to job.path: the lines with their rule in words, quantities, rates and amounts, the
// total; per salon and per specialist below. The file is written beside its place and renamed over it, so a
// failure leaves no half-written file; a path that cannot be written is refused (InputError "out") before
// anything is computed. Returns the statement written.
DealerStatement run_statement_export(db::Database& db, const pos::Actor& actor, const StatementExportJob& job);

// The statement as `rewards statement --json` prints it and the JSON export writes it.
nlohmann::json statement_json(const DealerStatement& statement, const std::vector<UnitShare>& salons,
                              const std::vector<UnitShare>& staff);

// Refuses (InputError "out") a path whose folder does not exist or cannot be written.
void check_writable(const std::string& path);

}  // namespace salon::reports
