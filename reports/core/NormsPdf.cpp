// Norms (R-POS-4) and traffic (R-POS-6) as A4 PDFs with their charts, drawn with the statement's PdfDocument.
#include "db/Text.hpp"
#include "reports/core/NormsExport.hpp"
#include "reports/core/PdfDocument.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace salon::reports {

namespace {

// Past this many bars a chart's labels cannot be read: the norms chart then shows salons, not specialists.
constexpr std::size_t kBarsPerChart = 40;
// Traffic draws each salon's own charts up to this many salons, else every salon's visitors together.
constexpr std::size_t kSalonsDrawnApart = 8;

std::string share_text(long long part, long long whole) {
    return whole ? std::to_string(part * 100 / whole) + "%" : std::string("—");
}

std::string tenths(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

double percent(long long part, long long whole) { return whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0; }

void heading(PdfDocument& pdf, const Text& title, const std::string& from, const std::string& to) {
    const double width = pdf.content_width();
    pdf.y += pdf.text(title.str(), PdfDocument::kMargin, pdf.y, 15, true, width) + 4;
    pdf.y += pdf.text(trf("From {1} to {2}, both included", {from, to}).str(), PdfDocument::kMargin, pdf.y, 10, false, width) + 12;
}

// A table row: cells at the given x offsets (from the margin) and widths.
void row(PdfDocument& pdf, const std::vector<std::string>& cells, const std::vector<double>& widths, bool bold = false) {
    pdf.need(16);
    double x = PdfDocument::kMargin, h = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        h = std::max(h, pdf.text(cells[i], x, pdf.y, 8, bold, widths[i] - 4, i >= 2));
        x += widths[i];
    }
    pdf.y += std::max(h, 10.0) + 3;
}

}  // namespace

void write_norms_pdf(const std::string& path, const std::string& from, const std::string& to,
                     const std::vector<SalonNorms>& norms) {
    PdfDocument pdf(path);
    heading(pdf, tr("Specialists' norms: bundle share and good ratings"), from, to);
    const std::vector<double> widths = {150, 150, 70, 70, 71};
    row(pdf, {tr("Salon").str(), tr("Specialist").str(), tr("Bundle share").str(), tr("Good ratings").str(),
              tr("Below a norm").str()},
        widths, true);
    std::size_t specialists = 0;
    int threshold = 50;
    for (const auto& n : norms)
        for (const auto& p : n.specialists) {
            row(pdf, {n.salon, p.name, share_text(p.bundle_sales, p.tariff_sales), share_text(p.good_ratings, p.ratings),
                      (!p.bundle_norm_met() || !p.rating_norm_met() ? tr("yes") : tr("no")).str()},
                widths);
            threshold = p.bundle_threshold_percent;
            ++specialists;
        }
    pdf.y += 12;
    // Bars per specialist, or per salon (their specialists together) when there are too many to read.
    std::vector<PdfDocument::Bar> bundle, rating;
    const bool by_salon = specialists > kBarsPerChart;
    for (const auto& n : norms) {
        if (by_salon) {
            if (bundle.size() >= kBarsPerChart) break;
            long long b = 0, t = 0, g = 0, r = 0;
            for (const auto& p : n.specialists) b += p.bundle_sales, t += p.tariff_sales, g += p.good_ratings, r += p.ratings;
            bundle.push_back({n.salon, share_text(b, t), percent(b, t)});
            rating.push_back({n.salon, share_text(g, r), percent(g, r)});
            continue;
        }
        for (const auto& p : n.specialists) {
            bundle.push_back({p.name, share_text(p.bundle_sales, p.tariff_sales), percent(p.bundle_sales, p.tariff_sales)});
            rating.push_back({p.name, share_text(p.good_ratings, p.ratings), percent(p.good_ratings, p.ratings)});
        }
    }
    pdf.bar_chart((by_salon ? tr("Bundle share by salon, %") : tr("Bundle share by specialist, %")).str(), bundle, 160,
                  threshold, trf("threshold {1}%", {std::to_string(threshold)}).str());
    pdf.bar_chart((by_salon ? tr("Good ratings by salon, %") : tr("Good ratings by specialist, %")).str(), rating, 160,
                  pos::SpecialistNorms::kGoodRatingPercent,
                  trf("threshold {1}%", {std::to_string(pos::SpecialistNorms::kGoodRatingPercent)}).str());
    pdf.finish();
}

void write_traffic_pdf(const std::string& path, const std::string& from, const std::string& to,
                       const std::vector<SalonTraffic>& traffic) {
    PdfDocument pdf(path);
    heading(pdf, tr("Visitors and waits"), from, to);
    const std::vector<double> widths = {190, 110, 70, 70, 71};
    row(pdf, {tr("Salon").str(), tr("Time zone").str(), tr("Visitors").str(), tr("Visitors per hour").str(),
              tr("Average wait, min").str()},
        widths, true);
    long long visits = 0;
    for (const auto& t : traffic) {
        row(pdf, {t.salon, t.time_zone, std::to_string(t.visits), tenths(t.visitors_per_hour), tenths(t.average_wait)},
            widths);
        visits += t.visits;
    }
    row(pdf, {tr("Total").str(), "", std::to_string(visits), "", ""}, widths, true);
    pdf.y += 12;
    auto hours = [](const std::array<long long, 24>& v) {
        std::vector<PdfDocument::Bar> bars;
        for (std::size_t h = 0; h < 24; ++h)
            bars.push_back({std::to_string(h), v[h] ? std::to_string(v[h]) : std::string(), static_cast<double>(v[h])});
        return bars;
    };
    auto days = [](const std::array<long long, 7>& v) {
        std::vector<PdfDocument::Bar> bars;
        for (std::size_t d = 0; d < 7; ++d)
            bars.push_back({weekday_title(d).str(), std::to_string(v[d]), static_cast<double>(v[d])});
        return bars;
    };
    if (traffic.size() <= kSalonsDrawnApart) {
        for (const auto& t : traffic) {
            pdf.bar_chart(trf("{1}: visitors by hour of day", {t.salon}).str(), hours(t.visitors_by_hour), 120);
            std::vector<PdfDocument::Bar> waits;
            for (std::size_t h = 0; h < 24; ++h)
                waits.push_back({std::to_string(h), t.average_wait_by_hour[h] > 0 ? tenths(t.average_wait_by_hour[h]) : "",
                                 t.average_wait_by_hour[h]});
            pdf.bar_chart(trf("{1}: average wait by hour of day, min", {t.salon}).str(), waits, 120);
            pdf.bar_chart(trf("{1}: visitors by weekday", {t.salon}).str(), days(t.visitors_by_weekday), 120);
        }
    } else {
        std::array<long long, 24> by_hour{};
        std::array<long long, 7> by_day{};
        for (const auto& t : traffic) {
            for (std::size_t h = 0; h < 24; ++h) by_hour[h] += t.visitors_by_hour[h];
            for (std::size_t d = 0; d < 7; ++d) by_day[d] += t.visitors_by_weekday[d];
        }
        pdf.bar_chart(tr("All salons: visitors by hour of day").str(), hours(by_hour), 160);
        pdf.bar_chart(tr("All salons: visitors by weekday").str(), days(by_day), 160);
    }
    pdf.finish();
}

}  // namespace salon::reports
