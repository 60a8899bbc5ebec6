// Norms (R-POS-4) and traffic (R-POS-6) as XLSX workbooks (libxlsxwriter): counts as numbers, shares as
// percent formulas carrying their computed value (LibreOffice shows formulas without one as 0), totals as
// SUM formulas, and native charts: each specialist's shares against the thresholds; visitors and waits by hour
// of day and by weekday.
#include "db/Text.hpp"
#include "pos/core/common/FormInput.hpp"
#include "reports/core/NormsExport.hpp"

#include <xlsxwriter.h>

#include <string>
#include <vector>

namespace salon::reports {

namespace {

// A chart with one series per salon reads well up to this many salons; past it only the total is drawn.
constexpr std::size_t kSalonsPerChart = 8;

struct Formats {
    lxw_format *bold, *percent, *percent_bold, *tenths, *wrap_bold;
};

lxw_workbook* open_workbook(const std::string& path, Formats& f) {
    lxw_workbook* wb = workbook_new(path.c_str());
    if (!wb) throw pos::InputError("out", tr("Output file"), trf("{1} could not be written", {path}));
    f.bold = workbook_add_format(wb);
    format_set_bold(f.bold);
    f.wrap_bold = workbook_add_format(wb);
    format_set_bold(f.wrap_bold);
    format_set_text_wrap(f.wrap_bold);
    f.percent = workbook_add_format(wb);
    format_set_num_format(f.percent, "0%");
    f.percent_bold = workbook_add_format(wb);
    format_set_num_format(f.percent_bold, "0%");
    format_set_bold(f.percent_bold);
    f.tenths = workbook_add_format(wb);
    format_set_num_format(f.tenths, "0.0");
    return wb;
}

void close_workbook(lxw_workbook* wb, const std::string& path) {
    if (workbook_close(wb) != LXW_NO_ERROR)
        throw pos::InputError("out", tr("Output file"), trf("{1} could not be written", {path}));
}

std::string cell(lxw_row_t row, lxw_col_t col) {
    char buf[16];
    lxw_rowcol_to_cell(buf, row, col);
    return buf;
}

double ratio(long long part, long long whole) { return whole ? static_cast<double>(part) / static_cast<double>(whole) : 0; }

// A share as =IF(whole>0, part/whole, "") with its value; an empty cell when there is nothing to measure.
void write_share(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, lxw_col_t part, lxw_col_t whole, long long p,
                 long long w, lxw_format* format) {
    if (!w) return;
    const std::string f = "=IF(" + cell(row, whole) + ">0," + cell(row, part) + "/" + cell(row, whole) + ",\"\")";
    worksheet_write_formula_num(ws, row, col, f.c_str(), format, ratio(p, w));
}

void write_title(lxw_worksheet* ws, const Formats& f, const Text& title, const std::string& from, const std::string& to) {
    worksheet_write_string(ws, 0, 0, title.str().c_str(), f.bold);
    worksheet_write_string(ws, 1, 0, trf("From {1} to {2}, both included", {from, to}).str().c_str(), nullptr);
}

}  // namespace

void write_norms_xlsx(const std::string& path, const std::string& from, const std::string& to,
                      const std::vector<SalonNorms>& norms) {
    Formats f{};
    lxw_workbook* wb = open_workbook(path, f);
    const std::string sheet = tr("Norms").str();
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.c_str());
    write_title(ws, f, tr("Specialists' norms: bundle share and good ratings"), from, to);
    worksheet_set_column(ws, 0, 1, 28, nullptr);
    worksheet_set_column(ws, 2, 10, 13, nullptr);
    const lxw_row_t head = 3;
    const std::vector<Text> titles = {tr("Salon"), tr("Specialist"), tr("Bundle sales"), tr("Tariff sales"),
                                      tr("Bundle share"), tr("Bundle threshold"), tr("Good ratings"), tr("Ratings"),
                                      tr("Good-rating share"), tr("Good-rating threshold"), tr("Below a norm")};
    for (lxw_col_t c = 0; c < titles.size(); ++c) worksheet_write_string(ws, head, c, titles[c].str().c_str(), f.wrap_bold);
    lxw_row_t r = head + 1;
    long long bundle = 0, tariff = 0, good = 0, rated = 0;
    int threshold = 50;  // head office's setting, the same for every specialist
    for (const auto& n : norms)
        for (const auto& p : n.specialists) {
            worksheet_write_string(ws, r, 0, n.salon.c_str(), nullptr);
            worksheet_write_string(ws, r, 1, p.name.c_str(), nullptr);
            worksheet_write_number(ws, r, 2, p.bundle_sales, nullptr);
            worksheet_write_number(ws, r, 3, p.tariff_sales, nullptr);
            write_share(ws, r, 4, 2, 3, p.bundle_sales, p.tariff_sales, f.percent);
            worksheet_write_number(ws, r, 5, p.bundle_threshold_percent / 100.0, f.percent);
            worksheet_write_number(ws, r, 6, p.good_ratings, nullptr);
            worksheet_write_number(ws, r, 7, p.ratings, nullptr);
            write_share(ws, r, 8, 6, 7, p.good_ratings, p.ratings, f.percent);
            worksheet_write_number(ws, r, 9, pos::SpecialistNorms::kGoodRatingPercent / 100.0, f.percent);
            const bool below = !p.bundle_norm_met() || !p.rating_norm_met();
            worksheet_write_string(ws, r, 10, (below ? tr("yes") : tr("no")).str().c_str(), nullptr);
            bundle += p.bundle_sales, tariff += p.tariff_sales, good += p.good_ratings, rated += p.ratings;
            threshold = p.bundle_threshold_percent;
            ++r;
        }
    const lxw_row_t last = r - 1;
    worksheet_write_string(ws, r, 0, tr("Total").str().c_str(), f.bold);
    const long long totals[] = {bundle, tariff, 0, 0, good, rated};
    for (lxw_col_t c : {2, 3, 6, 7}) {
        const std::string sum = "=SUM(" + cell(head + 1, c) + ":" + cell(last, c) + ")";
        worksheet_write_formula_num(ws, r, c, sum.c_str(), f.bold, static_cast<double>(totals[c - 2]));
    }
    write_share(ws, r, 4, 2, 3, bundle, tariff, f.percent_bold);
    write_share(ws, r, 8, 6, 7, good, rated, f.percent_bold);

    if (r > head + 1) {
        // The shares side by side; their thresholds (R-POS-4) are in the title, libxlsxwriter 1.0 cannot combine
        // a line chart into a column chart.
        lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_COLUMN);
        const std::pair<lxw_col_t, Text> shares[] = {{4, tr("Bundle share")}, {8, tr("Good-rating share")}};
        for (const auto& [col, name] : shares) {
            lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
            chart_series_set_categories(s, sheet.c_str(), head + 1, 1, last, 1);
            chart_series_set_values(s, sheet.c_str(), head + 1, col, last, col);
            chart_series_set_name(s, name.str().c_str());
        }
        chart_title_set_name(chart, trf("Shares against their thresholds: bundles {1}%, good ratings {2}%",
                                        {std::to_string(threshold), std::to_string(pos::SpecialistNorms::kGoodRatingPercent)})
                                        .str()
                                        .c_str());
        chart_axis_set_num_format(chart->y_axis, "0%");
        chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
        lxw_chart_options options{};
        options.x_scale = 2;
        options.y_scale = 1.5;
        worksheet_insert_chart_opt(ws, r + 2, 0, chart, &options);
    }
    close_workbook(wb, path);
}

void write_traffic_xlsx(const std::string& path, const std::string& from, const std::string& to,
                        const std::vector<SalonTraffic>& traffic) {
    Formats f{};
    lxw_workbook* wb = open_workbook(path, f);
    lxw_worksheet* ws = workbook_add_worksheet(wb, tr("Traffic").str().c_str());
    write_title(ws, f, tr("Visitors and waits"), from, to);
    worksheet_set_column(ws, 0, 0, 30, nullptr);
    worksheet_set_column(ws, 1, 4, 16, nullptr);
    const lxw_row_t head = 3;
    const std::vector<Text> titles = {tr("Salon"), tr("Time zone"), tr("Visitors"), tr("Visitors per hour"),
                                      tr("Average wait, min")};
    for (lxw_col_t c = 0; c < titles.size(); ++c) worksheet_write_string(ws, head, c, titles[c].str().c_str(), f.wrap_bold);
    lxw_row_t r = head + 1;
    long long visits = 0;
    for (const auto& t : traffic) {
        worksheet_write_string(ws, r, 0, t.salon.c_str(), nullptr);
        worksheet_write_string(ws, r, 1, t.time_zone.c_str(), nullptr);
        worksheet_write_number(ws, r, 2, static_cast<double>(t.visits), nullptr);
        worksheet_write_number(ws, r, 3, t.visitors_per_hour, f.tenths);
        worksheet_write_number(ws, r, 4, t.average_wait, f.tenths);
        visits += t.visits;
        ++r;
    }
    worksheet_write_string(ws, r, 0, tr("Total").str().c_str(), f.bold);
    if (r > head + 1) {
        const std::string sum = "=SUM(" + cell(head + 1, 2) + ":" + cell(r - 1, 2) + ")";
        worksheet_write_formula_num(ws, r, 2, sum.c_str(), f.bold, static_cast<double>(visits));
    }

    // By hour of day and by weekday: column A the hour or the day, B every salon together (a SUM), then each
    // salon's visitors, then each salon's average wait.
    const bool per_salon = traffic.size() <= kSalonsPerChart;
    for (int part = 0; part < 2; ++part) {
        const bool hours = part == 0;
        const std::size_t slots = hours ? 24 : 7;
        const std::string sheet = (hours ? tr("By hour") : tr("By weekday")).str();
        lxw_worksheet* bs = workbook_add_worksheet(wb, sheet.c_str());
        worksheet_set_column(bs, 0, 0, 14, nullptr);
        worksheet_set_column(bs, 1, static_cast<lxw_col_t>(1 + 2 * traffic.size()), 16, nullptr);
        worksheet_write_string(bs, 0, 0, (hours ? tr("Hour") : tr("Weekday")).str().c_str(), f.wrap_bold);
        worksheet_write_string(bs, 0, 1, tr("All salons, visitors").str().c_str(), f.wrap_bold);
        const auto n = static_cast<lxw_col_t>(traffic.size());
        for (lxw_col_t i = 0; i < n; ++i) {
            worksheet_write_string(bs, 0, 2 + i, trf("{1}, visitors", {traffic[i].salon}).str().c_str(), f.wrap_bold);
            worksheet_write_string(bs, 0, 2 + n + i, trf("{1}, average wait, min", {traffic[i].salon}).str().c_str(),
                                   f.wrap_bold);
        }
        for (std::size_t k = 0; k < slots; ++k) {
            const auto row = static_cast<lxw_row_t>(k + 1);
            const std::string label = hours ? (k < 10 ? "0" : "") + std::to_string(k) + ":00" : weekday_title(k).str();
            worksheet_write_string(bs, row, 0, label.c_str(), nullptr);
            long long all = 0;
            for (lxw_col_t i = 0; i < n; ++i) {
                const long long v = hours ? traffic[i].visitors_by_hour[k] : traffic[i].visitors_by_weekday[k];
                const double w = hours ? traffic[i].average_wait_by_hour[k] : traffic[i].average_wait_by_weekday[k];
                worksheet_write_number(bs, row, 2 + i, static_cast<double>(v), nullptr);
                worksheet_write_number(bs, row, 2 + n + i, w, f.tenths);
                all += v;
            }
            if (n) {
                const std::string sum = "=SUM(" + cell(row, 2) + ":" + cell(row, 1 + n) + ")";
                worksheet_write_formula_num(bs, row, 1, sum.c_str(), nullptr, static_cast<double>(all));
            }
        }
        if (!n) continue;
        const auto last = static_cast<lxw_row_t>(slots);
        lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_COLUMN);
        const lxw_col_t first_col = per_salon ? 2 : 1, last_col = per_salon ? 1 + n : 1;
        for (lxw_col_t c = first_col; c <= last_col; ++c) {
            lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
            chart_series_set_categories(s, sheet.c_str(), 1, 0, last, 0);
            chart_series_set_values(s, sheet.c_str(), 1, c, last, c);
            chart_series_set_name(s, (c == 1 ? tr("All salons").str() : traffic[c - 2].salon).c_str());
        }
        chart_title_set_name(chart, (hours ? tr("Visitors by hour of day") : tr("Visitors by weekday")).str().c_str());
        chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
        lxw_chart_options options{};
        options.x_scale = 2;
        options.y_scale = 1.4;
        worksheet_insert_chart_opt(bs, last + 2, 0, chart, &options);
        if (per_salon) {
            lxw_chart* waits = workbook_add_chart(wb, LXW_CHART_LINE);
            for (lxw_col_t i = 0; i < n; ++i) {
                lxw_chart_series* s = chart_add_series(waits, nullptr, nullptr);
                chart_series_set_categories(s, sheet.c_str(), 1, 0, last, 0);
                chart_series_set_values(s, sheet.c_str(), 1, 2 + n + i, last, 2 + n + i);
                chart_series_set_name(s, traffic[i].salon.c_str());
            }
            chart_title_set_name(waits, (hours ? tr("Average wait by hour of day, min") : tr("Average wait by weekday, min"))
                                            .str()
                                            .c_str());
            chart_legend_set_position(waits, LXW_CHART_LEGEND_BOTTOM);
            worksheet_insert_chart_opt(bs, last + 24, 0, waits, &options);
        }
    }
    close_workbook(wb, path);
}

}  // namespace salon::reports
