// The results sheet exported for dealers as XLSX (libxlsxwriter) and PDF (cairo + pango): one job that the
// trainer's desk and salon-cli both run, so what a window offers can be scripted and tested without one.
#pragma once

#include "training/core/assessment/CohortResults.hpp"

#include <cstdint>
#include <string>

namespace salon::training {

struct ResultsExportJob {
    std::int64_t cohort_id = 0;
    std::string xlsx_path;  // empty: no workbook
    std::string pdf_path;   // empty: no PDF
};

// Reads the sheet as the actor may see it (cohort_results) and writes the files the job names. Reading
// changes nothing, so it writes no journal entry (salon-cli's read-only view may run it). Returns the sheet.
CohortResults run_results_export(db::Database& db, const pos::Actor& actor, const ResultsExportJob& job);

// The workbook: one sheet for the cohort (a header row, frozen panes, numbers as numbers: test score "0",
// averages "0.0", flagged averages marked) and a summary sheet by dealer. Throws RefusedError when the
// file cannot be written.
void write_results_xlsx(const CohortResults& results, const std::string& path);
// The same table on landscape A4 pages, with the legend of the flags.
void write_results_pdf(const CohortResults& results, const std::string& path);

}  // namespace salon::training
