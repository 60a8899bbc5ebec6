// The desk's dealers, salons and people (DeskFixture) with what the assessment needs: two trainers, a dealer
// manager of each dealer, and a cohort whose candidates and entrance-test attempts are written with plain
// SQL (the cohorts' and the kiosk's own operations are another part of the centre).
#pragma once

#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "tests/pos_core/DeskFixture.hpp"

#include <optional>
#include <string>

namespace salon::test {

// The week starts on Friday 2 October 2026 (R-TRN-1); its last Friday is 9 October.
inline constexpr const char* kWeekStart = "2026-10-02";

inline std::int64_t moscow_noon(const char* date) {
    return pos::CalendarDate::parse(date, "date", tr("Date")).start_unix("Europe/Moscow") + 12 * 3600;
}

struct AssessmentFixture : DeskFixture {
    std::int64_t trainer2_id = 0, manager_id = 0, other_manager_id = 0, cohort = 0;
    int codes = 0;

    AssessmentFixture() {
        using namespace salon::pos;
        trainer2_id = save_staff(db(), cli, {"trainer2", "Второй Тренер", Role::trainer, 0, 0, std::nullopt, "password1"});
        manager_id = save_staff(db(), cli, {"manager", "Менеджер Связи", Role::dealer_manager, 0, dealer, std::nullopt,
                                            "password1"});
        other_manager_id = save_staff(db(), cli, {"other-manager", "Менеджер Другова", Role::dealer_manager, 0,
                                                  other_dealer, std::nullopt, "password1"});
        db().set_clock(moscow_noon(kWeekStart));
        cohort = add_cohort(kWeekStart);
    }

    std::int64_t add_cohort(const std::string& week_start, const std::string& rule = "majority") {
        const long long now = db().now(), trainer = trainer_id;
        return db().insert(
            "INSERT INTO cohort (week_start, vote_rule, trainer_id, created_at) VALUES (:w, :r, :t, :at)",
            soci::use(week_start), soci::use(rule), soci::use(trainer), soci::use(now));
    }

    // A candidate of `dealer_id`; `salon_id` 0 leaves the salon out.
    std::int64_t add_candidate(const std::string& name, std::int64_t dealer_id, std::int64_t salon_id,
                               const std::string& notes = "", std::int64_t in_cohort = 0) {
        const long long now = db().now(), d = dealer_id, s = salon_id, h = in_cohort ? in_cohort : cohort;
        const std::string code = "K" + std::to_string(++codes) + "-" + std::to_string(h);
        soci::indicator salon_ind = salon_id ? soci::i_ok : soci::i_null;
        return db().insert(
            "INSERT INTO candidate (cohort_id, dealer_id, salon_id, full_name, interview_date, interview_notes, "
            "kiosk_code, registered_at) VALUES (:h, :d, :s, :n, '2026-09-25', :notes, :code, :at)",
            soci::use(h), soci::use(d), soci::use(s, salon_ind), soci::use(name), soci::use(notes), soci::use(code),
            soci::use(now));
    }

    // A submitted entrance test with `correct` of 16 (R-TRN-6: 10 pass).
    void add_attempt(std::int64_t candidate, int correct) {
        const long long c = candidate, now = db().now(), deadline = now + 900;
        const int passed = correct >= 10 ? 1 : 0;
        db().run("INSERT INTO attempt (candidate_id, started_at, deadline_at, submitted_at, submitted_how, "
                 "correct_count, passed) VALUES (:c, :s, :d, :sub, 'candidate', :n, :p)",
                 soci::use(c), soci::use(now), soci::use(deadline), soci::use(now), soci::use(correct),
                 soci::use(passed));
    }

    pos::Actor trainer() { return as(trainer_id); }
    pos::Actor trainer2() { return as(trainer2_id); }
    pos::Actor manager() { return as(manager_id); }
    pos::Actor other_manager() { return as(other_manager_id); }

    std::string text(const std::string& sql, long long id) {
        std::string out;
        soci::indicator ind;
        t.db().sql() << sql, soci::use(id), soci::into(out, ind);
        return ind == soci::i_ok ? out : std::string();
    }
};

}  // namespace salon::test
