#include "reports/core/RewardCalculation.hpp"

#include <algorithm>
#include <stdexcept>

namespace salon::reports {

std::int64_t DealerFacts::sims() const {
    std::int64_t n = 0;
    for (const auto& [code, count] : sims_by_tariff) n += count;
    return n;
}

bool DealerFacts::operator==(const DealerFacts& o) const {
    auto same_claws = [&] {
        if (clawbacks.size() != o.clawbacks.size()) return false;
        for (std::size_t i = 0; i < clawbacks.size(); ++i)
            if (clawbacks[i].sale_line_id != o.clawbacks[i].sale_line_id) return false;
        return true;
    };
    // A tariff or service whose sales and refunds cancel out counts as absent on both sides.
    auto nonzero = [](const std::map<std::string, std::int64_t>& m) {
        std::map<std::string, std::int64_t> out;
        for (const auto& [k, v] : m)
            if (v != 0) out[k] = v;
        return out;
    };
    return dealer_id == o.dealer_id && nonzero(sims_by_tariff) == nonzero(o.sims_by_tariff) &&
           nonzero(services_by_product) == nonzero(o.services_by_product) && bundle_sales == o.bundle_sales &&
           tariff_sales == o.tariff_sales && good_ratings == o.good_ratings && ratings == o.ratings &&
           selling_staff == o.selling_staff && certified_staff == o.certified_staff &&
           test_attempts == o.test_attempts && tests_passed == o.tests_passed && same_claws();
}

std::int64_t round_half_away(__int128 numerator, __int128 denominator) {
    if (denominator <= 0) throw std::invalid_argument("round_half_away: denominator must be positive");
    const bool negative = numerator < 0;
    const __int128 n = negative ? -numerator : numerator;
    const __int128 q = (2 * n + denominator) / (2 * denominator);
    return static_cast<std::int64_t>(negative ? -q : q);
}

namespace {

std::int64_t volume_tier_lines(const RewardScheme& s, std::int64_t n, std::vector<StatementLine>& lines) {
    std::int64_t sum = 0;
    const auto& tiers = s.volume_tiers;
    if (s.tier_mode == TierMode::marginal) {
        for (std::size_t i = 0; i < tiers.size(); ++i) {
            const std::int64_t last = i + 1 < tiers.size() ? std::min(n, tiers[i + 1].from - 1) : n;
            const std::int64_t count = last - tiers[i].from + 1;
            if (count <= 0 || tiers[i].amount == 0) continue;
            const std::int64_t amount = count * tiers[i].amount;
            lines.push_back({"volume_tier:" + std::to_string(tiers[i].from), "volume_tier",
                             std::to_string(tiers[i].from), count, tiers[i].amount, 0, 0, amount});
            sum += amount;
        }
        return sum;
    }
    const VolumeTier* reached = nullptr;
    for (const auto& t : tiers)
        if (n >= t.from) reached = &t;
    if (reached && reached->amount != 0 && n > 0) {
        const std::int64_t amount = n * reached->amount;
        lines.push_back({"volume_tier:" + std::to_string(reached->from), "volume_tier", std::to_string(reached->from),
                         n, reached->amount, 0, 0, amount});
        sum += amount;
    }
    return sum;
}

}  // namespace

DealerReward calculate_reward(const RewardScheme& s, const DealerFacts& f) {
    DealerReward r;
    r.dealer_id = f.dealer_id;
    auto& lines = r.lines;
    std::int64_t base = 0;
    for (const auto& [code, count] : f.sims_by_tariff) {
        if (count == 0) continue;
        const std::int64_t rate = s.sim_rate(code);
        lines.push_back({"sim:" + code, "sim", code, count, rate, 0, 0, count * rate});
        base += count * rate;
    }
    base += volume_tier_lines(s, f.sims(), lines);
    for (const auto& [code, count] : f.services_by_product) {
        if (count == 0) continue;
        const std::int64_t rate = s.upsell_rate(code);
        lines.push_back({"upsell:" + code, "upsell", code, count, rate, 0, 0, count * rate});
        base += count * rate;
    }
    if (f.bundle_sales != 0 && s.bundle_bonus != 0) {
        // The multiplier of the highest bundle-share tier reached (R-POS-4); with no tiers the bonus is paid
        // in full. bundle / tariff >= from_bp / 10000, compared in integers.
        std::int64_t multiplier = s.bundle_share_tiers.empty() ? 10000 : 0;
        for (const auto& t : s.bundle_share_tiers)
            if (f.tariff_sales > 0 && static_cast<__int128>(f.bundle_sales) * 10000 >=
                                          static_cast<__int128>(t.from_bp) * f.tariff_sales)
                multiplier = t.multiplier_bp;
        const std::int64_t amount =
            round_half_away(static_cast<__int128>(f.bundle_sales) * s.bundle_bonus * multiplier, 10000);
        lines.push_back({"bundle", "bundle", "", f.bundle_sales, s.bundle_bonus, f.bundle_sales, f.tariff_sales, amount});
        lines.back().basis_points = multiplier;
        base += amount;
    }
    r.base = base;

    // Quality factor q_num / q_den and training coefficient t_num / t_den, applied together once.
    __int128 q_num = 1, q_den = 1;
    const bool below = f.ratings > 0 && static_cast<__int128>(f.good_ratings) * 10000 <
                                            static_cast<__int128>(s.quality_threshold_bp) * f.ratings;
    if (below) q_num = s.quality_below_bp, q_den = 10000;
    const __int128 staff = f.selling_staff > 0 ? f.selling_staff : 1;
    const __int128 certified = f.selling_staff > 0 ? f.certified_staff : 0;
    const __int128 tests = f.test_attempts > 0 ? f.test_attempts : 1;
    const __int128 passed = f.test_attempts > 0 ? f.tests_passed : 1;
    const __int128 t_num = static_cast<__int128>(s.training_base_bp) * staff * tests +
                           static_cast<__int128>(s.training_certified_bp) * certified * tests +
                           static_cast<__int128>(s.training_test_bp) * passed * staff;
    const __int128 t_den = static_cast<__int128>(10000) * staff * tests;
    const std::int64_t after_quality = round_half_away(static_cast<__int128>(base) * q_num, q_den);
    const std::int64_t adjusted = round_half_away(static_cast<__int128>(base) * q_num * t_num, q_den * t_den);
    if (f.ratings > 0 || after_quality != base)
        lines.push_back({"quality", "quality", below ? "below" : "met", 0, 0, f.good_ratings, f.ratings,
                         after_quality - base, below ? s.quality_below_bp : 10000});
    lines.push_back({"training", "training", "", 0, 0, f.certified_staff, f.selling_staff, adjusted - after_quality});
    lines.back().quantity = f.tests_passed;
    lines.back().rate = f.test_attempts;
    std::int64_t total = adjusted;
    if (s.cap && total > *s.cap) {
        lines.push_back({"cap", "cap", "", 0, *s.cap, 0, 0, *s.cap - total});
        total = *s.cap;
    }
    for (const auto& c : f.clawbacks) {
        const std::int64_t days = c.deactivated_day - c.sale_day;
        if (days < 0 || days > s.clawback_days) continue;
        const std::int64_t back = s.sim_rate(c.tariff_code) + (c.is_bundle ? s.bundle_bonus : 0);
        if (back == 0) continue;
        lines.push_back({"clawback:" + std::to_string(c.sale_line_id), "clawback", c.msisdn, -1, back, days,
                         s.clawback_days, -back});
        total -= back;
    }
    r.total = total;
    return r;
}

}  // namespace salon::reports
