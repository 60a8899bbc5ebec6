// The desk's organisation (DeskFixture) with a dealer's manager, the clock on Wednesday 9 December 2026 in
// Moscow, the cohort of Friday 11 December, and a small question bank made here (the shipped bank is the
// bank's own): five questions per topic, one of them retired and one with a second version.
#pragma once

#include "db/Database.hpp"
#include "tests/pos_core/DeskFixture.hpp"
#include "training/core/Topic.hpp"
#include "training/core/attempt/Attempt.hpp"
#include "training/core/cohort/Candidate.hpp"
#include "training/core/cohort/Cohort.hpp"

#include <nlohmann/json.hpp>

namespace salon::test {

inline std::int64_t training_test_morning() {
    return pos::CalendarDate::parse("2026-12-09", "date", tr("Date")).start_unix("Europe/Moscow") + 10 * 3600;
}

struct TrainingFixture : DeskFixture {
    std::int64_t manager_id = 0, other_manager_id = 0, cohort = 0;

    TrainingFixture() {
        using namespace salon::pos;
        db().set_clock(training_test_morning());
        manager_id = save_staff(
            db(), cli,
            {"manager", "Менеджер Связи", Role::dealer_manager, 0, dealer, std::nullopt, "password1"});
        other_manager_id = save_staff(db(), cli,
                                      {"othermgr", "Менеджер Другова", Role::dealer_manager, 0, other_dealer,
                                       std::nullopt, "password1"});
        cohort = training::create_cohort(db(), trainer(), {"2026-12-11"});
        add_bank();
    }

    pos::Actor trainer() { return as(trainer_id); }
    pos::Actor manager() { return as(manager_id); }
    pos::Actor other_manager() { return as(other_manager_id); }

    std::int64_t question(const std::string& topic, const std::string& kind, const std::string& text,
                          const nlohmann::json& body, int versions = 1) {
        const long long now = db().now();
        const auto q = db().insert("INSERT INTO question (topic, created_at) VALUES (:t, :n)",
                                   soci::use(topic), soci::use(now));
        const long long qid = q;
        for (int v = 1; v <= versions; ++v) {
            const std::string t = versions > 1 ? text + " (v" + std::to_string(v) + ")" : text,
                              b = body.dump();
            db().run(
                "INSERT INTO question_version (question_id, version_no, kind, text, body, created_at) "
                "VALUES (:q, :v, :k, :t, :b, :n)",
                soci::use(qid), soci::use(v), soci::use(kind), soci::use(t), soci::use(b), soci::use(now));
        }
        return q;
    }

    void add_bank() {
        const nlohmann::json single = {{"options",
                                        {{{"text", "Верно"}, {"fraction", 1.0}},
                                         {{"text", "Неверно 1"}, {"fraction", 0.0}},
                                         {{"text", "Неверно 2"}, {"fraction", 0.0}}}}};
        for (int i = 1; i <= 5; ++i) {
            const auto n = std::to_string(i);
            question("geography", "single", "География " + n, single, i == 2 ? 2 : 1);
            question("russian", "truefalse", "Русский " + n, {{"answer", i % 2 == 0}});
            question("tariff_math", "single", "Тарифы " + n, single);
            question("gadgets", "shortanswer", "Гаджеты " + n,
                     {{"answers", {{{"text", "Android"}, {"fraction", 1.0}}}}, {"case_sensitive", false}});
        }
        // A retired question is never drawn.
        const auto retired = question("geography", "single", "Снятый вопрос", single);
        const long long r = retired, now = db().now();
        db().run("UPDATE question SET retired_at = :n WHERE id = :q", soci::use(now), soci::use(r));
    }

    std::int64_t candidate(const std::string& name, std::int64_t dealer_id = 0, std::int64_t cohort_id = 0) {
        return training::add_candidate(
            db(), trainer(),
            {cohort_id ? cohort_id : cohort, dealer_id ? dealer_id : dealer, 0, name, "+79161234567",
             "cand@example.ru", "2026-12-01", "Собеседование прошёл"});
    }
    std::string code_of(std::int64_t candidate_id) {
        return training::get_candidate(db(), trainer(), candidate_id).kiosk_code;
    }

    // The right answer for slot `n`, as the kiosk would give it.
    nlohmann::json right_answer(std::int64_t attempt, int n) {
        std::string right, shown;
        const long long a = attempt;
        db().run("SELECT right_answer, shown FROM attempt_slot WHERE attempt_id = :a AND slot_no = :n",
                 soci::use(a), soci::use(n), soci::into(right), soci::into(shown));
        const auto r = nlohmann::json::parse(right);
        if (r.is_object()) return r.at("accepted").at(0);
        return r;
    }
    nlohmann::json wrong_answer(std::int64_t attempt, int n) {
        const auto right = right_answer(attempt, n);
        if (right.is_string()) return "iPhone";
        const auto r = right.at(0).get<std::size_t>();
        return nlohmann::json::array({std::size_t{r == 0 ? 1u : 0u}});
    }
};

}  // namespace salon::test
