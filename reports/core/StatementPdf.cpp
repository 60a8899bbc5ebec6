// A dealer's statement as an A4 PDF (cairo and pango, so Cyrillic is set by the system's fonts): the lines
// with their rule in words and their amounts, the total, and a bar chart of the salons' unit rewards.
#include "db/Text.hpp"
#include "pos/core/common/Money.hpp"
#include "reports/core/DealerRewards.hpp"
#include "reports/core/PdfDocument.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace salon::reports {

namespace {

std::string money(std::int64_t kopecks) { return pos::Money::from_kopecks(kopecks).format(); }

}  // namespace

void write_statement_pdf(const std::string& path, const DealerStatement& s, const std::vector<UnitShare>& salons,
                         const std::vector<UnitShare>&) {
    PdfDocument pdf(path);
    constexpr double kMargin = PdfDocument::kMargin;
    const double width = pdf.content_width();
    pdf.y += pdf.text(trf("Dealer reward statement, period {1}", {s.period.code}).str(), kMargin, pdf.y, 15, true, width) + 4;
    pdf.y += pdf.text(s.dealer_name + ", " + tr("INN").str() + " " + s.dealer_inn, kMargin, pdf.y, 10, false, width) + 2;
    pdf.y += pdf.text(trf("Scheme {1} «{2}»", {std::to_string(s.scheme_id), s.scheme_name}).str() + "; " +
                          (s.accruing ? tr("accruing, not computed yet").str() : period_status_title(s.period.status).str()),
                      kMargin, pdf.y, 10, false, width) +
             12;
    for (const auto& l : s.reward.lines) {
        pdf.need(30);
        const double h = pdf.text(describe(l).str(), kMargin, pdf.y, 9, false, width - 110);
        pdf.text(money(l.amount), kMargin + width - 105, pdf.y, 9, false, 105, true);
        pdf.y += std::max(h, 12.0) + 4;
    }
    pdf.need(30);
    pdf.rule();
    pdf.y += 4;
    pdf.text(tr("Total").str(), kMargin, pdf.y, 11, true, width - 110);
    pdf.y += pdf.text(money(s.reward.total), kMargin + width - 150, pdf.y, 11, true, 150, true) + 18;

    std::vector<PdfDocument::Bar> bars;
    for (const auto& u : salons) bars.push_back({u.name, money(u.unit_reward), static_cast<double>(u.unit_reward)});
    pdf.bar_chart(tr("Unit reward by salon").str(), bars, 200);
    pdf.finish();
}

}  // namespace salon::reports
