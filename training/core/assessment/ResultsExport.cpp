#include "training/core/assessment/ResultsExport.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/OutsideInput.hpp"
#include "pos/print/PdfText.hpp"
#include "training/core/assessment/CandidateDecision.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <map>
#include <memory>

namespace salon::training {

namespace {

std::string decision_text(const std::string& d) {
    if (d == "continue") return tr("continues").str();
    if (d == "stop") return tr("stops").str();
    return "—";
}

std::string week_title(const CohortResults& r) {
    return trf("Training week from {1}", {pos::CalendarDate::parse(r.week_start, "week_start", tr("Week start")).display()})
        .str();
}

std::string rule_text(const CohortResults& r) {
    try {
        return vote_rule_title(vote_rule_from_string(r.vote_rule)).str();
    } catch (const UserError&) {
        return r.vote_rule;
    }
}

std::vector<std::string> fixed_headers() {
    return {tr("Candidate").str(), tr("Dealer").str(), tr("Stream").str(), tr("Test, of 16").str(),
            tr("Test passed").str()};
}

std::vector<std::string> tail_headers() {
    return {tr("Votes: continue").str(), tr("Votes: stop").str(), tr("Decision").str(), tr("Status").str()};
}

std::string yes_no(const std::optional<bool>& b) {
    if (!b) return "—";
    return *b ? tr("yes").str() : tr("no").str();
}

}  // namespace

void write_results_xlsx(const CohortResults& r, const std::string& path) {
    lxw_workbook* book = workbook_new(path.c_str());
    if (!book) throw RefusedError(trf("Cannot write the file {1}.", {path}));
    const std::string sheet_name = "Неделя " + r.week_start;  // 31 characters at most; no ':' or '/'
    lxw_worksheet* sheet = workbook_add_worksheet(book, sheet_name.c_str());
    lxw_format* title = workbook_add_format(book);
    format_set_bold(title);
    format_set_font_size(title, 13);
    lxw_format* header = workbook_add_format(book);
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_bg_color(header, 0xDDE6F0);
    format_set_border(header, LXW_BORDER_THIN);
    lxw_format* integer = workbook_add_format(book);
    format_set_num_format(integer, "0");
    lxw_format* average = workbook_add_format(book);
    format_set_num_format(average, "0.0");
    lxw_format* flagged = workbook_add_format(book);
    format_set_num_format(flagged, "0.0\" !\"");
    format_set_bg_color(flagged, 0xFFD966);
    format_set_bold(flagged);

    worksheet_write_string(sheet, 0, 0, week_title(r).c_str(), title);
    const std::string rule = tr("Voting rule").str() + ": " + rule_text(r) +
                             (r.closed ? "; " + tr("the week is closed").str() : std::string());
    worksheet_write_string(sheet, 1, 0, rule.c_str(), nullptr);
    const lxw_row_t head = 3;
    std::vector<std::string> headers = fixed_headers();
    for (const auto& c : r.criteria)
        headers.push_back(c.rubric_title + ": " + c.title + " (" + tr("max").str() + " " + std::to_string(c.max_points) + ")");
    for (const auto& h : tail_headers()) headers.push_back(h);
    for (std::size_t c = 0; c < headers.size(); ++c)
        worksheet_write_string(sheet, head, static_cast<lxw_col_t>(c), headers[c].c_str(), header);
    worksheet_set_row(sheet, head, 60, nullptr);
    worksheet_set_column(sheet, 0, 0, 28, nullptr);
    worksheet_set_column(sheet, 1, 1, 22, nullptr);
    worksheet_set_column(sheet, 2, 4, 9, nullptr);
    const lxw_col_t first_criterion = 5;
    const lxw_col_t after = static_cast<lxw_col_t>(first_criterion + r.criteria.size());
    if (!r.criteria.empty()) worksheet_set_column(sheet, first_criterion, after - 1, 14, nullptr);
    worksheet_set_column(sheet, after, after + 1, 10, nullptr);
    worksheet_set_column(sheet, after + 2, after + 2, 14, nullptr);
    worksheet_set_column(sheet, after + 3, after + 3, 26, nullptr);
    worksheet_freeze_panes(sheet, head + 1, 1);

    lxw_row_t row = head + 1;
    for (const auto& c : r.rows) {
        worksheet_write_string(sheet, row, 0, pos::spreadsheet_safe(c.full_name).c_str(), nullptr);
        worksheet_write_string(sheet, row, 1, pos::spreadsheet_safe(c.dealer_name).c_str(), nullptr);
        if (c.stream) worksheet_write_number(sheet, row, 2, c.stream, integer);
        if (c.test_correct) worksheet_write_number(sheet, row, 3, *c.test_correct, integer);
        worksheet_write_string(sheet, row, 4, yes_no(c.test_passed).c_str(), nullptr);
        for (std::size_t k = 0; k < r.criteria.size(); ++k)
            if (c.averages[k])
                worksheet_write_number(sheet, row, static_cast<lxw_col_t>(first_criterion + k), *c.averages[k],
                                       c.disagreements[k] ? flagged : average);
        worksheet_write_number(sheet, row, after, c.votes_continue, integer);
        worksheet_write_number(sheet, row, after + 1, c.votes_stop, integer);
        worksheet_write_string(sheet, row, after + 2, decision_text(c.decision).c_str(), nullptr);
        worksheet_write_string(sheet, row, after + 3, status_text(c).c_str(), nullptr);
        ++row;
    }
    worksheet_write_string(sheet, row + 1, 0,
                           tr("An average marked \"!\" hides raters who differ by more than the rubric's margin.")
                               .str()
                               .c_str(),
                           nullptr);

    // The summary: per dealer, how many came and how they finished.
    lxw_worksheet* summary = workbook_add_worksheet(book, "Итоги");
    const std::vector<std::string> sh = {tr("Dealer").str(), tr("Candidates").str(), tr("Passed").str(),
                                         tr("Not passed").str(), tr("Dropped out").str(), tr("In training").str()};
    for (std::size_t c = 0; c < sh.size(); ++c)
        worksheet_write_string(summary, 0, static_cast<lxw_col_t>(c), sh[c].c_str(), header);
    worksheet_set_column(summary, 0, 0, 30, nullptr);
    worksheet_set_column(summary, 1, 5, 14, integer);
    worksheet_freeze_panes(summary, 1, 0);
    std::map<std::string, std::array<int, 5>> by_dealer;
    for (const auto& c : r.rows) {
        auto& n = by_dealer[c.dealer_name];
        n[0] += 1;
        n[1] += c.status == "passed";
        n[2] += c.status == "not_passed";
        n[3] += c.status == "dropped_out";
        n[4] += c.status == "registered";
    }
    lxw_row_t srow = 1;
    for (const auto& [dealer, n] : by_dealer) {
        worksheet_write_string(summary, srow, 0, pos::spreadsheet_safe(dealer).c_str(), nullptr);
        for (int k = 0; k < 5; ++k) worksheet_write_number(summary, srow, static_cast<lxw_col_t>(k + 1), n[k], integer);
        ++srow;
    }
    if (workbook_close(book) != LXW_NO_ERROR) throw RefusedError(trf("Cannot write the file {1}.", {path}));
}

namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr double kPageWidth = 297 * kMm, kPageHeight = 210 * kMm, kMargin = 12 * kMm;

using pos::pdf_height;
using pos::pdf_layout;
using pos::pdf_show;

std::string one_decimal(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", v);
    std::string s = buffer;
    if (language() == Language::russian)
        for (auto& ch : s)
            if (ch == '.') ch = ',';  // the Russian decimal comma
    return s;
}

}  // namespace

void write_results_pdf(const CohortResults& r, const std::string& path) {
    cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), kPageWidth, kPageHeight);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        throw RefusedError(trf("Cannot write the file {1}.", {path}));
    }
    cairo_t* cr = cairo_create(surface);
    const double usable = kPageWidth - 2 * kMargin;

    // The criteria's columns are headed K1, K2 ... and named in full in the legend under the table: their
    // titles are sentences, unreadable when wrapped into a narrow column.
    std::vector<std::string> headers = fixed_headers();
    std::vector<double> widths = {130, 100, 38, 40, 40};
    for (std::size_t k = 0; k < r.criteria.size(); ++k) {
        headers.push_back("K" + std::to_string(k + 1));
        widths.push_back(30);
    }
    for (const auto& h : tail_headers()) headers.push_back(h);
    for (double w : {48.0, 48.0, 64.0, 0.0}) widths.push_back(w);
    double fixed = 0;
    for (double w : widths) fixed += w;
    widths.back() = std::max(100.0, usable - fixed);  // the status takes what is left
    double total = 0;
    for (double w : widths) total += w;
    const double scale = total > usable ? usable / total : 1.0;
    for (double& w : widths) w *= scale;
    const double font = 7.0 * (scale < 1 ? std::max(scale, 0.7) : 1.0);
    const double pad = 2;

    double y = kMargin;
    auto header_block = [&] {
        cairo_set_source_rgb(cr, 0, 0, 0);
        auto t = pdf_layout(cr, week_title(r), 14, true, usable);
        pdf_show(cr, t, kMargin, y);
        y += pdf_height(t) + 2;
        auto sub = pdf_layout(cr,
                             tr("Voting rule").str() + ": " + rule_text(r) +
                                 (r.closed ? "; " + tr("the week is closed").str() : std::string()),
                             9, false, usable);
        pdf_show(cr, sub, kMargin, y);
        y += pdf_height(sub) + 6;
        std::vector<pos::PdfLayout> cells;
        double h = 0;
        for (std::size_t c = 0; c < headers.size(); ++c) {
            cells.push_back(pdf_layout(cr, headers[c], font, true, widths[c] - 2 * pad));
            h = std::max(h, pdf_height(cells.back()));
        }
        h += 2 * pad;
        cairo_set_source_rgb(cr, 0.87, 0.9, 0.94);
        cairo_rectangle(cr, kMargin, y, usable, h);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
        double x = kMargin;
        for (std::size_t c = 0; c < headers.size(); ++c) {
            pdf_show(cr, cells[c], x + pad, y + pad);
            x += widths[c];
        }
        y += h;
    };
    header_block();
    for (const auto& row : r.rows) {
        std::vector<std::string> values = {row.full_name, row.dealer_name, row.stream ? std::to_string(row.stream) : "—",
                                           row.test_correct ? std::to_string(*row.test_correct) : "—",
                                           yes_no(row.test_passed)};
        for (std::size_t k = 0; k < r.criteria.size(); ++k)
            values.push_back(row.averages[k] ? one_decimal(*row.averages[k]) + (row.disagreements[k] ? " !" : "") : "—");
        values.push_back(std::to_string(row.votes_continue));
        values.push_back(std::to_string(row.votes_stop));
        values.push_back(decision_text(row.decision));
        values.push_back(status_text(row));
        std::vector<pos::PdfLayout> cells;
        double h = 0;
        for (std::size_t c = 0; c < values.size(); ++c) {
            const bool numeric = c >= 2 && c + 2 < values.size();
            cells.push_back(pdf_layout(cr, values[c], font, false, widths[c] - 2 * pad,
                                      numeric ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT));
            h = std::max(h, pdf_height(cells.back()));
        }
        h += 2 * pad;
        if (y + h > kPageHeight - kMargin) {
            cairo_show_page(cr);
            y = kMargin;
            header_block();
        }
        double x = kMargin;
        for (std::size_t c = 0; c < values.size(); ++c) {
            const bool flagged = c >= 5 && c < 5 + r.criteria.size() && row.disagreements[c - 5];
            if (flagged) {
                cairo_set_source_rgb(cr, 1.0, 0.85, 0.4);
                cairo_rectangle(cr, x, y, widths[c], h);
                cairo_fill(cr);
            }
            cairo_set_source_rgb(cr, 0, 0, 0);
            pdf_show(cr, cells[c], x + pad, y + pad);
            x += widths[c];
        }
        cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
        cairo_set_line_width(cr, 0.4);
        cairo_move_to(cr, kMargin, y + h);
        cairo_line_to(cr, kMargin + usable, y + h);
        cairo_stroke(cr);
        y += h;
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    std::string legend = tr("An average marked \"!\" hides raters who differ by more than the rubric's margin.").str();
    if (!r.criteria.empty()) {
        legend += "\n" + tr("Criteria").str() + ":";
        for (std::size_t k = 0; k < r.criteria.size(); ++k)
            legend += "\nK" + std::to_string(k + 1) + ": " + r.criteria[k].rubric_title + " — " + r.criteria[k].title +
                      " (" + tr("max").str() + " " + std::to_string(r.criteria[k].max_points) + ")";
    }
    auto l = pdf_layout(cr, legend, 7, false, usable);
    if (y + 8 + pdf_height(l) > kPageHeight - kMargin) {
        cairo_show_page(cr);
        y = kMargin;
    }
    pdf_show(cr, l, kMargin, y + 8);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const bool ok = cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(surface);
    if (!ok) throw RefusedError(trf("Cannot write the file {1}.", {path}));
}

CohortResults run_results_export(db::Database& db, const pos::Actor& actor, const ResultsExportJob& job) {
    CohortResults r = cohort_results(db, actor, job.cohort_id);
    if (!job.xlsx_path.empty()) write_results_xlsx(r, job.xlsx_path);
    if (!job.pdf_path.empty()) write_results_pdf(r, job.pdf_path);
    return r;
}

}  // namespace salon::training
