// A dealer's statement as an XLSX workbook (libxlsxwriter): amounts as numbers in roubles with a rouble
// format, the period's dates as dates, the total as a SUM formula carrying its computed value (LibreOffice
// shows formulas without one as 0), and a native column chart of the salons' unit rewards.
#include "db/Text.hpp"
#include "pos/core/common/FormInput.hpp"
#include "reports/core/DealerRewards.hpp"

#include <xlsxwriter.h>

#include <string>
#include <vector>

namespace salon::reports {

namespace {

lxw_datetime date_of(const std::string& iso) {
    lxw_datetime d{};
    d.year = std::stoi(iso.substr(0, 4));
    d.month = std::stoi(iso.substr(5, 2));
    d.day = std::stoi(iso.substr(8, 2));
    return d;
}

double roubles(std::int64_t kopecks) { return static_cast<double>(kopecks) / 100.0; }

}  // namespace

void write_statement_xlsx(const std::string& path, const DealerStatement& s, const std::vector<UnitShare>& salons,
                          const std::vector<UnitShare>& staff) {
    lxw_workbook* wb = workbook_new(path.c_str());
    if (!wb) throw pos::InputError("out", tr("Output file"), trf("{1} could not be written", {path}));
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format* money = workbook_add_format(wb);
    format_set_num_format(money, "#,##0.00\\ \"₽\"");
    lxw_format* money_bold = workbook_add_format(wb);
    format_set_num_format(money_bold, "#,##0.00\\ \"₽\"");
    format_set_bold(money_bold);
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "dd.mm.yyyy");

    lxw_worksheet* ws = workbook_add_worksheet(wb, tr("Statement").str().c_str());
    worksheet_set_column(ws, 0, 0, 22, nullptr);
    worksheet_set_column(ws, 1, 1, 70, nullptr);
    worksheet_set_column(ws, 2, 4, 14, nullptr);
    worksheet_write_string(ws, 0, 0, tr("Dealer").str().c_str(), bold);
    worksheet_write_string(ws, 0, 1, (s.dealer_name + ", " + tr("INN").str() + " " + s.dealer_inn).c_str(), nullptr);
    worksheet_write_string(ws, 1, 0, tr("Period").str().c_str(), bold);
    worksheet_write_string(ws, 1, 1, (s.period.code + " (" + period_status_title(s.period.status).str() + ")").c_str(), nullptr);
    worksheet_write_string(ws, 2, 0, tr("From").str().c_str(), bold);
    lxw_datetime from = date_of(s.period.starts_on);
    worksheet_write_datetime(ws, 2, 1, &from, date);
    worksheet_write_string(ws, 3, 0, tr("First day after").str().c_str(), bold);
    lxw_datetime to = date_of(s.period.ends_on);
    worksheet_write_datetime(ws, 3, 1, &to, date);
    worksheet_write_string(ws, 4, 0, tr("Scheme").str().c_str(), bold);
    worksheet_write_string(ws, 4, 1, s.scheme_name.c_str(), nullptr);

    const lxw_row_t header = 6;
    const char* heads[] = {"Line", "Rule", "Quantity", "Rate", "Amount"};
    for (lxw_col_t c = 0; c < 5; ++c) worksheet_write_string(ws, header, c, Text(heads[c]).str().c_str(), bold);
    lxw_row_t r = header + 1;
    for (const auto& l : s.reward.lines) {
        worksheet_write_string(ws, r, 0, l.key.c_str(), nullptr);
        worksheet_write_string(ws, r, 1, describe(l).str().c_str(), nullptr);
        if (l.quantity) worksheet_write_number(ws, r, 2, static_cast<double>(l.quantity), nullptr);
        if (l.rule == "sim" || l.rule == "upsell" || l.rule == "volume_tier" || l.rule == "bundle" || l.rule == "clawback")
            worksheet_write_number(ws, r, 3, roubles(l.rate), money);
        worksheet_write_number(ws, r, 4, roubles(l.amount), money);
        ++r;
    }
    worksheet_write_string(ws, r, 1, tr("Total").str().c_str(), bold);
    const std::string sum = "=SUM(E" + std::to_string(header + 2) + ":E" + std::to_string(r) + ")";
    worksheet_write_formula_num(ws, r, 4, sum.c_str(), money_bold, roubles(s.reward.total));

    for (int part = 0; part < 2; ++part) {
        const auto& units = part == 0 ? salons : staff;
        lxw_worksheet* us = workbook_add_worksheet(wb, (part == 0 ? tr("Salons") : tr("Specialists")).str().c_str());
        worksheet_set_column(us, 0, 0, 34, nullptr);
        worksheet_set_column(us, 1, 7, 14, nullptr);
        const char* cols[] = {part == 0 ? "Salon" : "Specialist", "SIM cards", "Services", "Bundle sales",
                              "Tariff sales", "Good ratings", "Ratings", "Unit reward"};
        for (lxw_col_t c = 0; c < 8; ++c) worksheet_write_string(us, 0, c, Text(cols[c]).str().c_str(), bold);
        lxw_row_t row = 1;
        for (const auto& u : units) {
            worksheet_write_string(us, row, 0, u.name.c_str(), nullptr);
            const long long values[] = {u.sims, u.services, u.bundle_sales, u.tariff_sales, u.good_ratings, u.ratings};
            for (lxw_col_t c = 0; c < 6; ++c) worksheet_write_number(us, row, c + 1, static_cast<double>(values[c]), nullptr);
            worksheet_write_number(us, row, 7, roubles(u.unit_reward), money);
            ++row;
        }
        std::int64_t unit_total = 0;
        for (const auto& u : units) unit_total += u.unit_reward;
        worksheet_write_string(us, row, 0, tr("Total").str().c_str(), bold);
        worksheet_write_formula_num(us, row, 7, ("=SUM(H2:H" + std::to_string(row) + ")").c_str(), money_bold,
                                    roubles(unit_total));
        if (part == 0 && !units.empty()) {
            lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_COLUMN);
            lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
            const std::string sheet = tr("Salons").str();
            chart_series_set_categories(series, sheet.c_str(), 1, 0, row - 1, 0);
            chart_series_set_values(series, sheet.c_str(), 1, 7, row - 1, 7);
            chart_series_set_name(series, tr("Unit reward").str().c_str());
            chart_title_set_name(chart, tr("Unit reward by salon").str().c_str());
            chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
            worksheet_insert_chart(us, row + 2, 0, chart);
        }
    }
    if (workbook_close(wb) != LXW_NO_ERROR)
        throw pos::InputError("out", tr("Output file"), trf("{1} could not be written", {path}));
}

}  // namespace salon::reports
