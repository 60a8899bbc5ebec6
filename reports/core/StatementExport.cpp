#include "reports/core/StatementExport.hpp"

#include "db/Text.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/common/Money.hpp"
#include "reports/core/DealerRewards.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace salon::reports {

ExportFormat export_format_from_string(const std::string& text) {
    if (text == "csv") return ExportFormat::csv;
    if (text == "json") return ExportFormat::json;
    if (text == "xlsx") return ExportFormat::xlsx;
    if (text == "pdf") return ExportFormat::pdf;
    throw pos::InputError("format", tr("Format"), trf("\"{1}\" is not csv, xlsx, pdf or json", {text.substr(0, 20)}));
}

std::string to_string(ExportFormat format) {
    switch (format) {
    case ExportFormat::csv: return "csv";
    case ExportFormat::json: return "json";
    case ExportFormat::xlsx: return "xlsx";
    case ExportFormat::pdf: return "pdf";
    }
    return "csv";
}

void check_writable(const std::string& path) {
    namespace fs = std::filesystem;
    if (path.empty()) throw pos::InputError("out", tr("Output file"), tr("no file given"));
    const fs::path p(path);
    const fs::path folder = p.has_parent_path() ? p.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw pos::InputError("out", tr("Output file"), trf("the folder {1} does not exist", {folder.string()}));
    if (fs::is_directory(p, ec)) throw pos::InputError("out", tr("Output file"), trf("{1} is a folder", {path}));
    if (::access(folder.c_str(), W_OK) != 0)
        throw pos::InputError("out", tr("Output file"), trf("the folder {1} cannot be written", {folder.string()}));
}

namespace {

std::string csv_cell(const std::string& s) {
    if (s.find_first_of(";\"\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string plain(std::int64_t kopecks) { return pos::Money::from_kopecks(kopecks).plain(); }

void write_csv(std::ostream& out, const DealerStatement& s, const std::vector<UnitShare>& salons,
               const std::vector<UnitShare>& staff) {
    out << "\xEF\xBB\xBF";  // a BOM, so that a spreadsheet opens the UTF-8 text as such
    out << csv_cell(tr("Dealer").str()) << ';' << csv_cell(s.dealer_name) << ';' << s.dealer_inn << '\n';
    out << csv_cell(tr("Period").str()) << ';' << s.period.code << ';' << s.period.status << '\n';
    out << csv_cell(tr("Line").str()) << ';' << csv_cell(tr("Rule").str()) << ';' << csv_cell(tr("Quantity").str())
        << ';' << csv_cell(tr("Rate").str()) << ';' << csv_cell(tr("Amount").str()) << '\n';
    for (const auto& l : s.reward.lines)
        out << l.key << ';' << csv_cell(describe(l).str()) << ';' << l.quantity << ';'
            << (l.rule == "sim" || l.rule == "upsell" || l.rule == "volume_tier" || l.rule == "bundle" ||
                        l.rule == "clawback"
                    ? plain(l.rate)
                    : std::string())
            << ';' << plain(l.amount) << '\n';
    out << "total;" << csv_cell(tr("Total").str()) << ";;;" << plain(s.reward.total) << '\n';
    for (const auto* part : {&salons, &staff}) {
        out << '\n'
            << csv_cell(part == &salons ? tr("Salon").str() : tr("Specialist").str()) << ';'
            << csv_cell(tr("SIM cards").str()) << ';' << csv_cell(tr("Services").str()) << ';'
            << csv_cell(tr("Bundle sales").str()) << ';' << csv_cell(tr("Tariff sales").str()) << ';'
            << csv_cell(tr("Good ratings").str()) << ';' << csv_cell(tr("Ratings").str()) << ';'
            << csv_cell(tr("Unit reward").str()) << '\n';
        for (const auto& u : *part)
            out << csv_cell(u.name) << ';' << u.sims << ';' << u.services << ';' << u.bundle_sales << ';'
                << u.tariff_sales << ';' << u.good_ratings << ';' << u.ratings << ';' << plain(u.unit_reward) << '\n';
    }
}

}  // namespace

nlohmann::json statement_json(const DealerStatement& s, const std::vector<UnitShare>& salons,
                              const std::vector<UnitShare>& staff) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : s.reward.lines) {
        auto j = to_json(DealerReward{0, {l}, 0, 0})["lines"][0];
        j["text"] = describe(l).str();
        lines.push_back(j);
    }
    auto units = [](const std::vector<UnitShare>& v) {
        nlohmann::json a = nlohmann::json::array();
        for (const auto& u : v)
            a.push_back({{"id", u.id},
                         {"name", u.name},
                         {"sims", u.sims},
                         {"services", u.services},
                         {"bundle_sales", u.bundle_sales},
                         {"tariff_sales", u.tariff_sales},
                         {"good_ratings", u.good_ratings},
                         {"ratings", u.ratings},
                         {"unit_reward", u.unit_reward}});
        return a;
    };
    nlohmann::json disputes = nlohmann::json::array();
    for (const auto& d : s.disputes)
        disputes.push_back({{"id", d.id}, {"line", d.line_key}, {"comment", d.comment}, {"status", d.status},
                            {"resolution", d.resolution}});
    return {{"dealer", {{"id", s.dealer_id}, {"name", s.dealer_name}, {"inn", s.dealer_inn}}},
            {"period", {{"code", s.period.code}, {"status", s.period.status}, {"starts_on", s.period.starts_on},
                        {"ends_on", s.period.ends_on}}},
            {"scheme", {{"id", s.scheme_id}, {"name", s.scheme_name}}},
            {"accruing", s.accruing},
            {"base", s.reward.base},
            {"total", s.reward.total},
            {"lines", lines},
            {"salons", units(salons)},
            {"specialists", units(staff)},
            {"disputes", disputes}};
}

void write_statement_xlsx(const std::string& path, const DealerStatement& s, const std::vector<UnitShare>& salons,
                          const std::vector<UnitShare>& staff);
void write_statement_pdf(const std::string& path, const DealerStatement& s, const std::vector<UnitShare>& salons,
                         const std::vector<UnitShare>& staff);

DealerStatement run_statement_export(db::Database& db, const pos::Actor& actor, const StatementExportJob& job) {
    check_writable(job.path);
    DealerStatement s = dealer_statement(db, actor, job.period, job.dealer_id);
    const auto salons = statement_by(db, actor, job.period, job.dealer_id, false);
    const auto staff = statement_by(db, actor, job.period, job.dealer_id, true);
    const std::string temporary = job.path + ".part";
    try {
        if (job.format == ExportFormat::xlsx) {
            write_statement_xlsx(temporary, s, salons, staff);
        } else if (job.format == ExportFormat::pdf) {
            write_statement_pdf(temporary, s, salons, staff);
        } else {
            std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
            if (job.format == ExportFormat::csv) write_csv(out, s, salons, staff);
            else out << statement_json(s, salons, staff).dump(2) << '\n';
            out.close();
            if (!out) throw pos::InputError("out", tr("Output file"), trf("{1} could not be written", {job.path}));
        }
        std::filesystem::rename(temporary, job.path);
    } catch (...) {
        std::error_code ec;
        std::filesystem::remove(temporary, ec);
        throw;
    }
    return s;
}

}  // namespace salon::reports
