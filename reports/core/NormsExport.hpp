// Exporting norms (R-POS-4) and traffic (R-POS-6) over any days: one job the station's page and
// `salon-cli reports norms|traffic --csv|--xlsx|--pdf` both run, like the statement's export job. The XLSX
// carries a native chart (the shares against their thresholds; visitors by hour of day and by weekday), the
// PDF draws the same charts.
#pragma once

#include "db/Text.hpp"
#include "reports/core/NormsReport.hpp"
#include "reports/core/StatementExport.hpp"

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace salon::reports {

enum class NormsReportKind { norms, traffic };

struct NormsExportJob {
    NormsReportKind kind = NormsReportKind::norms;
    std::string from, to;        // days, both included (see norms_report)
    std::int64_t salon_id = 0;   // 0: every salon the actor sees
    ExportFormat format = ExportFormat::csv;  // csv, xlsx or pdf (JSON is the CLI's --json)
    std::string path;
};

// Writes the report to job.path beside its place and renames it over, so a failure leaves no half-written
// file; a path that cannot be written is refused (InputError "out") before anything is read, as is the JSON
// format (InputError "format"). The day span is checked as norms_report checks it.
void run_norms_export(db::Database& db, const pos::Actor& actor, const NormsExportJob& job);

// The writers behind the job, for the job and its tests.
void write_norms_csv(std::ostream& out, const std::vector<SalonNorms>& norms);
void write_traffic_csv(std::ostream& out, const std::vector<SalonTraffic>& traffic);
void write_norms_xlsx(const std::string& path, const std::string& from, const std::string& to,
                      const std::vector<SalonNorms>& norms);
void write_traffic_xlsx(const std::string& path, const std::string& from, const std::string& to,
                        const std::vector<SalonTraffic>& traffic);
void write_norms_pdf(const std::string& path, const std::string& from, const std::string& to,
                     const std::vector<SalonNorms>& norms);
void write_traffic_pdf(const std::string& path, const std::string& from, const std::string& to,
                       const std::vector<SalonTraffic>& traffic);

// Weekday names, Monday first, for the exports and the screen.
Text weekday_title(std::size_t monday_first);

}  // namespace salon::reports
