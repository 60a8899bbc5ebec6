#include "training/core/bank/ItemAnalysis.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/Permission.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace salon::training {

std::string_view to_string(ItemFlag flag) {
    switch (flag) {
        case ItemFlag::too_easy: return "too_easy";
        case ItemFlag::too_hard: return "too_hard";
        case ItemFlag::negative_discrimination: return "negative_discrimination";
        case ItemFlag::low_discrimination: return "low_discrimination";
    }
    return "too_easy";
}

Text item_flag_title(ItemFlag flag) {
    switch (flag) {
        case ItemFlag::too_easy: return tr("Too easy");
        case ItemFlag::too_hard: return tr("Too hard");
        case ItemFlag::negative_discrimination: return tr("Failed by the best candidates");
        case ItemFlag::low_discrimination: return tr("Hardly tells strong from weak");
    }
    return tr("Too easy");
}

namespace {

struct Slot {
    long long attempt = 0, version = 0;
    int correct = 0;
};

std::optional<double> correlation(const std::vector<double>& x, const std::vector<double>& y) {
    const std::size_t n = x.size();
    if (n < 2) return std::nullopt;
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < n; ++i) {
        mx += x[i];
        my += y[i];
    }
    mx /= static_cast<double>(n);
    my /= static_cast<double>(n);
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < n; ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    if (sxx < 1e-12 || syy < 1e-12) return std::nullopt;
    return sxy / std::sqrt(sxx * syy);
}

}  // namespace

std::vector<AnalysableCohort> cohorts_for_analysis(db::Database& db, const pos::Actor& actor) {
    actor.require(db, pos::Permission::run_training);
    std::vector<AnalysableCohort> out;
    AnalysableCohort c;
    long long id = 0, n = 0;
    db::Statement st = db.query(
        "SELECT k.id, k.week_start, COUNT(a.id) FROM cohort k LEFT JOIN candidate c ON c.cohort_id = k.id "
        "LEFT JOIN attempt a ON a.candidate_id = c.id AND a.submitted_at IS NOT NULL "
        "GROUP BY k.id, k.week_start ORDER BY k.week_start DESC",
        soci::into(id), soci::into(c.week_start), soci::into(n));
    st.execute();
    while (st.fetch()) {
        c.id = id;
        c.submitted_attempts = static_cast<int>(n);
        out.push_back(c);
    }
    return out;
}

TestStatistics analyse_cohort(db::Database& db, const pos::Actor& actor, std::int64_t cohort_id) {
    actor.require(db, pos::Permission::run_training);
    long long found = 0;
    const long long cohort = cohort_id;
    if (!db.run("SELECT id FROM cohort WHERE id = :c", soci::use(cohort), soci::into(found)))
        throw ValidationError(tr("Cohort"), trf("no cohort with number {1}", {std::to_string(cohort_id)}));

    std::vector<Slot> slots;
    {
        Slot s;
        int correct = 0;
        soci::indicator correct_ind = soci::i_ok;
        db::Statement st = db.query(
            "SELECT a.id, s.question_version_id, s.correct FROM attempt a "
            "JOIN candidate c ON c.id = a.candidate_id JOIN attempt_slot s ON s.attempt_id = a.id "
            "WHERE c.cohort_id = :c AND a.submitted_at IS NOT NULL ORDER BY a.id, s.slot_no",
            soci::use(cohort), soci::into(s.attempt), soci::into(s.version), soci::into(correct, correct_ind));
        st.execute();
        // An unanswered slot of a submitted attempt scores nothing.
        while (st.fetch()) slots.push_back({s.attempt, s.version, correct_ind == soci::i_ok && correct != 0 ? 1 : 0});
    }

    TestStatistics out;
    out.cohort_id = cohort_id;
    std::map<long long, int> total;  // attempt -> score
    for (const auto& s : slots) total[s.attempt] += s.correct;
    out.attempts = static_cast<int>(total.size());
    if (total.empty()) return out;

    const double n = static_cast<double>(total.size());
    double sum = 0, squares = 0;
    for (const auto& [a, t] : total) {
        sum += t;
        squares += static_cast<double>(t) * t;
    }
    out.mean_score = sum / n;
    const double variance = std::max(0.0, squares / n - out.mean_score * out.mean_score);
    out.score_sd = std::sqrt(variance);
    out.items_per_attempt = static_cast<double>(slots.size()) / n;

    // The thirds: totals high to low, ties by attempt number.
    std::vector<std::pair<int, long long>> ranked;
    for (const auto& [a, t] : total) ranked.emplace_back(t, a);
    std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
        return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    const std::size_t third = ranked.size() / 3;
    std::map<long long, int> group;  // attempt -> 1 top, -1 bottom
    for (std::size_t i = 0; i < third; ++i) {
        group[ranked[i].second] = 1;
        group[ranked[ranked.size() - 1 - i].second] = -1;
    }

    std::map<long long, std::vector<const Slot*>> by_version;
    for (const auto& s : slots) by_version[s.version].push_back(&s);
    double weighted_pq = 0;
    for (const auto& [version, its] : by_version) {
        ItemStatistics item;
        item.version_id = version;
        item.attempts = static_cast<int>(its.size());
        int top_n = 0, top_right = 0, bottom_n = 0, bottom_right = 0;
        std::vector<double> x, rest;
        for (const Slot* s : its) {
            item.correct += s->correct;
            const auto g = group.find(s->attempt);
            if (g != group.end() && g->second == 1) {
                ++top_n;
                top_right += s->correct;
            } else if (g != group.end() && g->second == -1) {
                ++bottom_n;
                bottom_right += s->correct;
            }
            x.push_back(s->correct);
            rest.push_back(total[s->attempt] - s->correct);
        }
        item.facility = static_cast<double>(item.correct) / item.attempts;
        if (top_n > 0 && bottom_n > 0)
            item.discrimination = static_cast<double>(top_right) / top_n - static_cast<double>(bottom_right) / bottom_n;
        item.item_rest = correlation(x, rest);
        weighted_pq += (item.attempts / n) * item.facility * (1.0 - item.facility);

        if (item.facility > kTooEasyFacility) item.flags.push_back(ItemFlag::too_easy);
        if (item.facility < kTooHardFacility) item.flags.push_back(ItemFlag::too_hard);
        if ((item.discrimination && *item.discrimination < 0) || (item.item_rest && *item.item_rest < 0))
            item.flags.push_back(ItemFlag::negative_discrimination);
        else if (item.discrimination && *item.discrimination < kLowDiscrimination)
            item.flags.push_back(ItemFlag::low_discrimination);

        std::string topic;
        long long question = 0;
        db.run("SELECT v.question_id, v.version_no, v.kind, v.name, v.text, q.topic FROM question_version v "
               "JOIN question q ON q.id = v.question_id WHERE v.id = :v",
               soci::use(version), soci::into(question), soci::into(item.version_no), soci::into(item.kind),
               soci::into(item.name), soci::into(item.text), soci::into(topic));
        item.question_id = question;
        item.topic = topic_from_string(topic);
        out.items.push_back(std::move(item));
    }
    const double k = out.items_per_attempt;
    if (out.attempts >= 2 && variance > 1e-12 && k > 1.0) out.kr20 = k / (k - 1.0) * (1.0 - weighted_pq / variance);
    std::sort(out.items.begin(), out.items.end(), [](const ItemStatistics& a, const ItemStatistics& b) {
        if (a.topic != b.topic) return a.topic < b.topic;
        if (a.question_id != b.question_id) return a.question_id < b.question_id;
        return a.version_no < b.version_no;
    });
    return out;
}

}  // namespace salon::training
