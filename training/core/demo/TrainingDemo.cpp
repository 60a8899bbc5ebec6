#include "training/core/demo/TrainingDemo.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/organisation/StaffMember.hpp"
#include "training/core/assessment/AssessmentScore.hpp"
#include "training/core/assessment/CandidateDecision.hpp"
#include "training/core/assessment/CohortClosing.hpp"
#include "training/core/assessment/Rubric.hpp"
#include "training/core/attempt/Attempt.hpp"
#include "training/core/bank/ShippedQuestionBank.hpp"
#include "training/core/cohort/Candidate.hpp"
#include "training/core/cohort/Cohort.hpp"
#include "training/core/invitation/Invitation.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace salon::training {

namespace {

constexpr std::int64_t kMinute = 60;
constexpr const char* kCentreZone = "Europe/Moscow";  // head office's training room

// Monday 0 ... Sunday 6 (1970-01-01 was a Thursday).
int day_of_week(const pos::CalendarDate& d) { return static_cast<int>(((d.days_since_epoch() + 3) % 7 + 7) % 7); }

std::int64_t at(const pos::CalendarDate& day, int hour, int minute) {
    return day.start_unix(kCentreZone) + hour * 3600 + minute * kMinute;
}

// Puts the database's clock back when the demo is done, however it ends.
class ClockGuard {
public:
    explicit ClockGuard(db::Database& db) : db_(db) {}
    ~ClockGuard() { db_.set_clock(std::nullopt); }
    void set(std::int64_t seconds) { db_.set_clock(seconds); }

private:
    db::Database& db_;
};

struct Person {
    std::string name, phone, email, notes;
    int dealer;    // 0: the first demo dealer's manager sent him, 1: the second's
    double skill;  // how likely he answers right and how well he sells
};

// The past week. Григорьева's twelve years in retail earn her nothing by themselves (R-TRN-7).
const std::vector<Person> kPastWeek = {
    {"Алексеев Дмитрий Игоревич", "+79161234501", "alekseev.d@example.ru", "Два года продавцом бытовой техники", 0, 0.85},
    {"Борисова Елена Сергеевна", "+79161234502", "borisova.e@example.ru", "Студентка, хочет работать вечерами", 0, 0.75},
    {"Васильев Артём Олегович", "+79161234503", "", "Опыта продаж нет", 0, 0.35},
    {"Григорьева Анна Павловна", "+79161234504", "grigorieva.a@example.ru", "12 лет в рознице", 0, 0.6},
    {"Денисов Кирилл Андреевич", "+79161234505", "denisov.k@example.ru", "Работал курьером", 0, 0.7},
    {"Егорова Мария Викторовна", "", "egorova.m@example.ru", "Администратор салона красоты", 0, 0.9},
    {"Жуков Павел Николаевич", "+79161234507", "zhukov.p@example.ru", "Продавец-консультант электроники", 1, 0.7},
    {"Зайцева Ольга Дмитриевна", "+79161234508", "zaitseva.o@example.ru", "В пятницу сдаёт экзамен в вузе", 1, 0.8},
    {"Ильин Сергей Александрович", "+79161234509", "ilin.s@example.ru", "Кассир в супермаркете", 1, 0.62},
    {"Ковалёва Наталья Ивановна", "+79161234510", "kovaleva.n@example.ru", "Оператор колл-центра", 1, 0.85},
    {"Лебедев Илья Максимович", "+79161234511", "", "Школьник, 18 лет", 1, 0.3},
    {"Макарова Дарья Алексеевна", "+79161234512", "makarova.d@example.ru", "Продавец в салоне связи другого оператора", 1, 0.8},
};
constexpr const char* kDropsOut = "Денисов Кирилл Андреевич";
constexpr const char* kJoinsMonday = "Зайцева Ольга Дмитриевна";
constexpr const char* kLeftToTheDeadline = "Ильин Сергей Александрович";

const std::vector<Person> kComingWeek = {
    {"Никитин Роман Евгеньевич", "+79161234521", "nikitin.r@example.ru", "Продавал ноутбуки", 0, 0.7},
    {"Орлова Светлана Юрьевна", "+79161234522", "orlova.s@example.ru", "Кассир", 0, 0.6},
    {"Павлов Григорий Ильич", "+79161234523", "", "Опыта продаж нет", 0, 0.5},
    {"Романова Ксения Олеговна", "", "romanova.k@example.ru", "Администратор фитнес-клуба", 0, 0.8},
    {"Семёнов Артур Ринатович", "+79161234525", "semenov.a@example.ru", "Продавец-консультант", 1, 0.7},
    {"Тихонова Валерия Андреевна", "+79161234526", "tikhonova.v@example.ru", "Студентка", 1, 0.6},
    {"Фёдоров Максим Сергеевич", "+79161234527", "fedorov.m@example.ru", "Работал в салоне связи", 1, 0.75},
};

struct Desk {
    pos::Actor actor;
    std::int64_t dealer_id = 0;
    std::int64_t salon_id = 0;  // where his candidates will work
};

pos::Actor signed_in(db::Database& db, const pos::Actor& maintenance, const std::string& login) {
    const auto member = pos::find_staff_by_login(db, maintenance, login);
    if (!member)
        throw ValidationError(tr("Demo data"),
                              trf("the demo network has no {1}: run the sales desk's demo first", {login}));
    return pos::Actor::signed_in(db, *member, maintenance.audit_key());
}

Desk dealer_desk(db::Database& db, const pos::Actor& maintenance, const std::string& login) {
    Desk desk{signed_in(db, maintenance, login)};
    desk.dealer_id = desk.actor.member().dealer_id;
    const auto salons = pos::list_salons(db, desk.actor, desk.dealer_id);
    if (!salons.empty()) desk.salon_id = salons.front().id;
    return desk;
}

std::int64_t register_all(db::Database& db, ClockGuard& clock, std::int64_t cohort, const std::vector<Person>& people,
                          const std::vector<Desk>& dealers, const pos::CalendarDate& on,
                          const pos::CalendarDate& interviewed, std::vector<std::int64_t>& ids) {
    int i = 0;
    for (const Person& p : people) {
        clock.set(at(on, 11, 0) + 7 * kMinute * i++);
        const Desk& d = dealers.at(static_cast<std::size_t>(p.dealer));
        ids.push_back(add_candidate(db, d.actor,
                                    {cohort, d.dealer_id, d.salon_id, p.name, p.phone, p.email, interviewed.iso(), p.notes}));
    }
    return static_cast<std::int64_t>(ids.size());
}

// The candidate at the kiosk: each answer right with his skill's chance, the wrong ones plausible.
void take_test(db::Database& db, const pos::AuditKey& key, ClockGuard& clock, const std::string& code,
               std::int64_t start, double skill, bool leave_to_deadline, std::mt19937_64& random) {
    clock.set(start);
    const StartedAttempt started = start_attempt(db, key, code, "kiosk-1");
    const std::int64_t attempt = started.attempt.id;
    std::uniform_real_distribution<double> chance(0.0, 1.0);
    std::int64_t now = start;
    for (const AttemptSlot& slot : started.attempt.slots) {
        std::string right_text;
        db.run("SELECT right_answer FROM attempt_slot WHERE attempt_id = :a AND slot_no = :s", soci::use(attempt),
               soci::use(slot.slot_no), soci::into(right_text));
        const auto right = nlohmann::json::parse(right_text);
        nlohmann::json answer;
        const bool knows = chance(random) < skill;
        if (slot.kind == "shortanswer") {
            answer = knows ? right.at("accepted").at(0) : nlohmann::json("не знаю");
        } else if (knows) {
            answer = right;
        } else {
            // One wrong option (a choice with every option right cannot be missed this way: left unanswered).
            std::vector<std::size_t> wrong;
            for (std::size_t o = 0; o < slot.options.size(); ++o)
                if (std::find(right.begin(), right.end(), nlohmann::json(o)) == right.end()) wrong.push_back(o);
            if (wrong.empty()) continue;
            answer = nlohmann::json::array({wrong[static_cast<std::size_t>(random() % wrong.size())]});
        }
        now += 25 + static_cast<std::int64_t>(random() % 35);
        clock.set(now);
        answer_slot(db, key, attempt, slot.slot_no, answer);
    }
    if (leave_to_deadline) {
        clock.set(started.attempt.deadline_at);
        submit_at_deadline(db, key, attempt);
    } else {
        clock.set(now + 40);
        submit_attempt(db, key, attempt);
    }
}

bool passed_test(db::Database& db, std::int64_t candidate) {
    int passed = 0;
    db.run("SELECT COALESCE(passed, 0) FROM attempt WHERE candidate_id = :c", soci::use(candidate), soci::into(passed));
    return passed != 0;
}

// Trainer and the candidate's own dealer score every criterion of every rubric (R-TRN-7, R-TRN-8).
void score(db::Database& db, const pos::Actor& rater, std::int64_t candidate, double skill, int bias,
           std::mt19937_64& random) {
    for (const Rubric& rubric : list_rubrics(db)) {
        for (const RubricCriterion& c : rubric.criteria) {
            const int noise = static_cast<int>(random() % 3) - 1;
            const int points =
                std::clamp(static_cast<int>(std::lround(skill * c.max_points)) + noise + bias, 0, c.max_points);
            record_score(db, rater, {candidate, c.id, points, {}});
        }
    }
}

int count_invitations(db::Database& db, const pos::Actor& actor, std::int64_t cohort) {
    return static_cast<int>(list_invitations(db, actor, cohort).size());
}

}  // namespace

TrainingDemoCounts seed_training_demo(db::Database& db, const pos::Actor& maintenance, pos::SmsSender& sms,
                                      MailSender& mail) {
    TrainingDemoCounts counts;
    long long cohorts = 0;
    db.run("SELECT COUNT(*) FROM cohort", soci::into(cohorts));
    if (cohorts > 0) {
        counts.already_present = true;
        return counts;
    }
    counts.questions = seed_question_bank(db, maintenance).added;

    const pos::Actor trainer = signed_in(db, maintenance, "trainer");
    const std::vector<Desk> dealers = {dealer_desk(db, maintenance, "kuznetsov"), dealer_desk(db, maintenance, "petrova")};
    const pos::AuditKey& key = maintenance.audit_key();
    std::mt19937_64 random(20261204);
    ClockGuard clock(db);

    const pos::CalendarDate today = pos::CalendarDate::of_utc(db.now());
    // The past week: the latest Friday at least two weeks ago, so the whole week and its closing are over.
    pos::CalendarDate friday = today.plus_days(-14);
    friday = friday.plus_days(-((day_of_week(friday) - 4 + 7) % 7));
    const pos::CalendarDate monday = friday.plus_days(3);

    clock.set(at(friday.plus_days(-7), 10, 0));
    seed_default_rubrics(db, trainer);
    const std::int64_t past = create_cohort(db, trainer, {friday.iso(), 40, "majority"});
    std::vector<std::int64_t> ids;
    counts.candidates += register_all(db, clock, past, kPastWeek, dealers, friday.plus_days(-6), friday.plus_days(-9), ids);
    clock.set(at(friday.plus_days(-5), 9, 30));
    invite_cohort(db, trainer, past);
    deliver_invitations(db, sms, mail);
    counts.invitations += count_invitations(db, trainer, past);

    // Friday: the entrance test at the kiosk, one candidate after another (R-TRN-6); one misses the day and
    // joins on Monday (R-TRN-10).
    std::size_t joins_monday = 0;
    for (std::size_t i = 0; i < kPastWeek.size(); ++i) {
        const Person& p = kPastWeek[i];
        if (p.name == kJoinsMonday) {
            joins_monday = i;
            clock.set(at(friday, 9, 0));
            join_on_monday(db, trainer, ids[i]);
            continue;
        }
        const Candidate c = get_candidate(db, trainer, ids[i]);
        take_test(db, key, clock, c.kiosk_code, at(friday, 10, 0) + static_cast<std::int64_t>(i) * 17 * kMinute, p.skill,
                  p.name == kLeftToTheDeadline, random);
        ++counts.attempts;
    }
    {
        const Candidate c = get_candidate(db, trainer, ids[joins_monday]);
        take_test(db, key, clock, c.kiosk_code, at(monday, 10, 0), kPastWeek[joins_monday].skill, false, random);
        ++counts.attempts;
    }

    // The role-play and the cases for those who passed the test, scored by the trainer and their dealer's
    // manager independently; a candidate leaves after lunch and does not come back (R-TRN-9).
    for (std::size_t i = 0; i < kPastWeek.size(); ++i) {
        const Person& p = kPastWeek[i];
        const bool on_monday = i == joins_monday;
        if (p.name == kDropsOut) {
            clock.set(at(friday, 13, 40));
            record_drop_out(db, trainer, ids[i], "Ушёл после обеда и не вернулся, на звонки не отвечает");
            continue;
        }
        if (!passed_test(db, ids[i])) continue;
        clock.set(at(on_monday ? monday : friday, 15, 0) + static_cast<std::int64_t>(i) * 5 * kMinute);
        score(db, trainer, ids[i], p.skill, 0, random);
        // The dealer thinks better of his own long-serving candidate than the trainer does: the raters'
        // difference is flagged on the results sheet.
        const int bias = p.notes == std::string("12 лет в рознице") ? 3 : 0;
        score(db, dealers.at(static_cast<std::size_t>(p.dealer)).actor, ids[i], p.skill, bias, random);
    }

    // Votes of the trainer and both dealers, then the cohort's rule decides (R-TRN-4, R-TRN-10).
    for (std::size_t i = 0; i < kPastWeek.size(); ++i) {
        const Person& p = kPastWeek[i];
        if (p.name == kDropsOut) continue;
        const bool passed = passed_test(db, ids[i]);
        clock.set(at(i == joins_monday ? monday : friday, 18, 0) + static_cast<std::int64_t>(i) * kMinute);
        cast_vote(db, trainer, ids[i], passed && p.skill >= 0.65 ? Vote::go_on : Vote::stop,
                  passed && p.skill < 0.65 ? "Слабо работает с возражениями" : "");
        for (const Desk& d : dealers) cast_vote(db, d.actor, ids[i], passed ? Vote::go_on : Vote::stop);
        decide(db, trainer, ids[i]);
    }

    // The week ends on Friday: who passed is certified and gets a trainee's account (Passing, R-POS-3).
    clock.set(at(friday.plus_days(7), 18, 0));
    counts.certified = static_cast<int>(close_cohort(db, trainer, past).passed.size());
    ++counts.cohorts;

    // The coming week: the next Friday, candidates the dealers interviewed this week, invitations sent.
    db.set_clock(std::nullopt);
    const pos::CalendarDate next_friday = today.plus_days(7 - (day_of_week(today) - 4 + 7) % 7);
    const std::int64_t coming = create_cohort(db, trainer, {next_friday.iso(), 40, "majority"});
    std::vector<std::int64_t> coming_ids;
    for (std::size_t i = 0; i < kComingWeek.size(); ++i) {
        const Person& p = kComingWeek[i];
        const Desk& d = dealers.at(static_cast<std::size_t>(p.dealer));
        coming_ids.push_back(add_candidate(
            db, d.actor, {coming, d.dealer_id, d.salon_id, p.name, p.phone, p.email, today.plus_days(-2).iso(), p.notes}));
    }
    counts.candidates += static_cast<int>(coming_ids.size());
    invite_cohort(db, trainer, coming);
    deliver_invitations(db, sms, mail);
    counts.invitations += count_invitations(db, trainer, coming);
    ++counts.cohorts;
    return counts;
}

}  // namespace salon::training
