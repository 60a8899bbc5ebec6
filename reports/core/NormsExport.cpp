#include "reports/core/NormsExport.hpp"

#include "pos/core/common/FormInput.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ostream>

namespace salon::reports {

Text weekday_title(std::size_t monday_first) {
    switch (monday_first) {
    case 0: return tr("Monday");
    case 1: return tr("Tuesday");
    case 2: return tr("Wednesday");
    case 3: return tr("Thursday");
    case 4: return tr("Friday");
    case 5: return tr("Saturday");
    default: return tr("Sunday");
    }
}

namespace {

std::string csv_cell(const std::string& s) {
    if (s.find_first_of(";\"\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string tenths(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// -1 (nothing to measure) is an empty cell, not 0%.
std::string percent(int value) { return value < 0 ? std::string() : std::to_string(value); }

void header(std::ostream& out, const std::vector<Text>& titles) {
    for (std::size_t i = 0; i < titles.size(); ++i) out << (i ? ";" : "") << csv_cell(titles[i].str());
    out << '\n';
}

}  // namespace

void write_norms_csv(std::ostream& out, const std::vector<SalonNorms>& norms) {
    out << "\xEF\xBB\xBF";  // a BOM, so that a spreadsheet opens the UTF-8 text as such
    header(out, {tr("Salon"), tr("Specialist"), tr("Bundle sales"), tr("Tariff sales"), tr("Bundle share, %"),
                 tr("Bundle threshold, %"), tr("Bundle norm met"), tr("Good ratings"), tr("Ratings"),
                 tr("Good-rating share, %"), tr("Good-rating threshold, %"), tr("Rating norm met")});
    for (const auto& n : norms)
        for (const auto& p : n.specialists)
            out << csv_cell(n.salon) << ';' << csv_cell(p.name) << ';' << p.bundle_sales << ';' << p.tariff_sales << ';'
                << percent(p.bundle_share_percent()) << ';' << p.bundle_threshold_percent << ';'
                << (p.bundle_norm_met() ? tr("yes") : tr("no")).str() << ';' << p.good_ratings << ';' << p.ratings
                << ';' << percent(p.good_rating_percent()) << ';' << pos::SpecialistNorms::kGoodRatingPercent << ';'
                << (p.rating_norm_met() ? tr("yes") : tr("no")).str() << '\n';
}

void write_traffic_csv(std::ostream& out, const std::vector<SalonTraffic>& traffic) {
    out << "\xEF\xBB\xBF";
    header(out, {tr("Salon"), tr("Time zone"), tr("Visitors"), tr("Visitors per hour"), tr("Average wait, min")});
    for (const auto& t : traffic)
        out << csv_cell(t.salon) << ';' << t.time_zone << ';' << t.visits << ';' << tenths(t.visitors_per_hour) << ';'
            << tenths(t.average_wait) << '\n';
    out << '\n';
    header(out, {tr("Salon"), tr("Hour"), tr("Visitors"), tr("Average wait, min")});
    for (const auto& t : traffic)
        for (std::size_t h = 0; h < 24; ++h)
            out << csv_cell(t.salon) << ';' << h << ';' << t.visitors_by_hour[h] << ';'
                << tenths(t.average_wait_by_hour[h]) << '\n';
    out << '\n';
    header(out, {tr("Salon"), tr("Weekday"), tr("Visitors"), tr("Average wait, min")});
    for (const auto& t : traffic)
        for (std::size_t d = 0; d < 7; ++d)
            out << csv_cell(t.salon) << ';' << csv_cell(weekday_title(d).str()) << ';' << t.visitors_by_weekday[d]
                << ';' << tenths(t.average_wait_by_weekday[d]) << '\n';
}

void run_norms_export(db::Database& db, const pos::Actor& actor, const NormsExportJob& job) {
    if (job.format == ExportFormat::json)
        throw pos::InputError("format", tr("Format"), tr("norms and traffic are exported as csv, xlsx or pdf"));
    check_writable(job.path);
    std::vector<SalonNorms> norms;
    std::vector<SalonTraffic> traffic;
    if (job.kind == NormsReportKind::norms) norms = norms_report(db, actor, job.from, job.to, job.salon_id);
    else traffic = traffic_report(db, actor, job.from, job.to, job.salon_id);
    const std::string temporary = job.path + ".part";
    try {
        if (job.format == ExportFormat::xlsx) {
            if (job.kind == NormsReportKind::norms) write_norms_xlsx(temporary, job.from, job.to, norms);
            else write_traffic_xlsx(temporary, job.from, job.to, traffic);
        } else if (job.format == ExportFormat::pdf) {
            if (job.kind == NormsReportKind::norms) write_norms_pdf(temporary, job.from, job.to, norms);
            else write_traffic_pdf(temporary, job.from, job.to, traffic);
        } else {
            std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
            if (job.kind == NormsReportKind::norms) write_norms_csv(out, norms);
            else write_traffic_csv(out, traffic);
            out.close();
            if (!out) throw pos::InputError("out", tr("Output file"), trf("{1} could not be written", {job.path}));
        }
        std::filesystem::rename(temporary, job.path);
    } catch (...) {
        std::error_code ec;
        std::filesystem::remove(temporary, ec);
        throw;
    }
}

}  // namespace salon::reports
