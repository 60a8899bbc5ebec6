#include "training/core/attempt/Attempt.hpp"

#include "db/Database.hpp"
#include "db/Text.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/audit/AuditJournal.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "training/core/bank/ShownQuestion.hpp"
#include "training/core/cohort/KioskCode.hpp"

#include <sodium.h>

#include <algorithm>
#include <random>
#include <stdexcept>

namespace salon::training {

namespace {

// The kiosk's entries: the station's chain, no person (the candidate has no account).
void journal(db::Database& db, const pos::AuditKey& key, const std::string& action, std::int64_t attempt_id,
             const std::string& details) {
    pos::append(db, key, pos::station_chain(), 0, action, "attempt:" + std::to_string(attempt_id), details);
}

std::mt19937_64 random_engine() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
    std::uint64_t seed = 0;
    randombytes_buf(&seed, sizeof seed);
    return std::mt19937_64(seed);
}

// The attempt's row and its candidate, without slots; false when there is none.
bool read_attempt_row(db::Database& db, std::int64_t attempt_id, Attempt& a) {
    long long id = attempt_id, candidate = 0, cohort = 0, dealer = 0, started = 0, deadline = 0,
              submitted = 0, answered = 0;
    int correct = 0, passed = 0;
    soci::indicator submitted_ind, how_ind, correct_ind, passed_ind, answered_ind;
    const bool found = db.run(
        "SELECT a.candidate_id, c.full_name, c.cohort_id, c.dealer_id, a.started_at, a.deadline_at, "
        "a.submitted_at, "
        "a.submitted_how, a.correct_count, a.passed, a.kiosk, "
        "(SELECT MAX(s.answered_at) FROM attempt_slot s WHERE s.attempt_id = a.id) FROM attempt a JOIN candidate c ON c.id = "
        "a.candidate_id "
        "WHERE a.id = :id",
        soci::use(id), soci::into(candidate), soci::into(a.candidate_name), soci::into(cohort),
        soci::into(dealer), soci::into(started), soci::into(deadline), soci::into(submitted, submitted_ind),
        soci::into(a.submitted_how, how_ind), soci::into(correct, correct_ind),
        soci::into(passed, passed_ind), soci::into(a.kiosk), soci::into(answered, answered_ind));
    if (!found) return false;
    a.reached_at = std::max<long long>(started, answered_ind == soci::i_ok ? answered : 0);
    a.id = attempt_id;
    a.candidate_id = candidate;
    a.cohort_id = cohort;
    a.dealer_id = dealer;
    a.started_at = started;
    a.deadline_at = deadline;
    a.submitted_at = submitted_ind == soci::i_ok ? submitted : 0;
    if (how_ind != soci::i_ok) a.submitted_how.clear();
    a.correct_count = correct_ind == soci::i_ok ? correct : 0;
    a.passed = passed_ind == soci::i_ok && passed != 0;
    return true;
}

void read_slots(db::Database& db, Attempt& a) {
    a.slots.clear();
    const long long id = a.id;
    int slot_no = 0, correct = 0;
    long long answered_at = 0;
    std::string topic, shown, answer;
    soci::indicator answer_ind, answered_ind, correct_ind;
    db::Statement st = db.query(
        "SELECT slot_no, topic, shown, answer, answered_at, correct FROM attempt_slot WHERE attempt_id = :a "
        "ORDER BY slot_no",
        soci::use(id), soci::into(slot_no), soci::into(topic), soci::into(shown),
        soci::into(answer, answer_ind), soci::into(answered_at, answered_ind),
        soci::into(correct, correct_ind));
    st.execute();
    while (st.fetch()) {
        AttemptSlot s;
        s.slot_no = slot_no;
        s.topic = topic_from_string(topic);
        const auto j = nlohmann::json::parse(shown);
        s.kind = j.at("kind").get<std::string>();
        s.text = j.at("text").get<std::string>();
        s.options = j.value("options", std::vector<std::string>{});
        s.answer = answer_ind == soci::i_ok ? nlohmann::json::parse(answer) : nlohmann::json();
        s.answered_at = answered_ind == soci::i_ok ? answered_at : 0;
        s.correct = correct_ind == soci::i_ok && correct != 0;
        a.slots.push_back(std::move(s));
    }
}

// The attempt's clock: the database's, but never before the moment the attempt already reached. A PC
// clock moved backwards (by hand, or a bad time sync) would otherwise give the candidate the time back.
std::int64_t attempt_now(db::Database& db, const Attempt& a) { return std::max<std::int64_t>(db.now(), a.reached_at); }

Attempt load(db::Database& db, std::int64_t attempt_id) {
    Attempt a;
    if (attempt_id <= 0 || !read_attempt_row(db, attempt_id, a))
        throw pos::InputError("attempt", tr("Attempt"),
                              trf("no attempt with number {1}", {std::to_string(attempt_id)}));
    read_slots(db, a);
    a.read_at = attempt_now(db, a);
    return a;
}

// Scores the saved answers and closes the attempt, inside the caller's transaction. `how`: candidate,
// deadline, overdue. A submission by the deadline is dated at the deadline, whenever it is noticed.
void close_attempt(db::Database& db, const pos::AuditKey& key, const Attempt& a, const std::string& how) {
    long long correct = 0;
    const long long id = a.id;
    db.run("SELECT COUNT(*) FROM attempt_slot WHERE attempt_id = :a AND correct = 1", soci::use(id),
           soci::into(correct));
    const int count = static_cast<int>(correct);
    const int passed = count >= kCorrectToPass ? 1 : 0;
    const long long at = how == "candidate" ? attempt_now(db, a) : a.deadline_at;
    const auto changed = db.update(
        "UPDATE attempt SET submitted_at = :at, submitted_how = :how, correct_count = :c, passed = :p "
        "WHERE id = :id AND submitted_at IS NULL",
        soci::use(at), soci::use(how), soci::use(count), soci::use(passed), soci::use(id));
    if (changed != 1) return;
    journal(db, key, "training.attempt.submit", a.id,
            "how=" + how + " correct=" + std::to_string(count) + " passed=" + std::to_string(passed));
}

// Finishes attempt `id` as overdue when it is open and past its deadline; returns whether it did.
bool finish_if_overdue(db::Database& db, const pos::AuditKey& key, std::int64_t attempt_id) {
    db::WriteTransaction tx(db);
    Attempt a;
    if (!read_attempt_row(db, attempt_id, a) || a.submitted() || attempt_now(db, a) < a.deadline_at) return false;
    close_attempt(db, key, a, "overdue");
    tx.commit();
    return true;
}

std::vector<long long> question_versions_for(db::Database& db, Topic topic) {
    const std::string code(to_string(topic));
    std::vector<long long> ids;
    long long id = 0;
    db::Statement st = db.query(
        "SELECT v.id FROM question_version v JOIN question q ON q.id = v.question_id "
        "WHERE q.topic = :t AND q.retired_at IS NULL "
        "AND v.version_no = (SELECT MAX(w.version_no) FROM question_version w WHERE w.question_id = q.id) "
        "ORDER BY v.id",
        soci::use(code), soci::into(id));
    st.execute();
    while (st.fetch()) ids.push_back(id);
    return ids;
}

std::int64_t create_attempt(db::Database& db, const pos::AuditKey& key, std::int64_t candidate_id,
                            const std::string& kiosk) {
    auto random = random_engine();
    std::vector<ShownQuestion> drawn;
    for (Topic topic : kAllTopics) {
        auto ids = question_versions_for(db, topic);
        if (static_cast<int>(ids.size()) < kQuestionsPerTopic)
            throw ValidationError(tr("Question bank"),
                                  trf("the topic \"{1}\" has {2} questions; the test needs {3}",
                                      {topic_title(topic).str(), std::to_string(ids.size()),
                                       std::to_string(kQuestionsPerTopic)}));
        std::shuffle(ids.begin(), ids.end(), random);
        for (int i = 0; i < kQuestionsPerTopic; ++i) drawn.push_back(render_question(db, ids[i], random));
    }
    const long long now = db.now(), deadline = now + kAttemptSeconds, candidate = candidate_id;
    const auto id = db.insert(
        "INSERT INTO attempt (candidate_id, started_at, deadline_at, kiosk) VALUES (:c, :s, :d, :k)",
        soci::use(candidate), soci::use(now), soci::use(deadline), soci::use(kiosk));
    const long long attempt = id;
    int slot_no = 0;
    for (const auto& q : drawn) {
        ++slot_no;
        const long long version = q.version_id;
        const std::string topic(to_string(q.topic)), shown = q.shown_json().dump(),
                                                     right = q.right_answer.dump();
        db.run(
            "INSERT INTO attempt_slot (attempt_id, slot_no, question_version_id, topic, shown, right_answer) "
            "VALUES (:a, :n, :v, :t, :s, :r)",
            soci::use(attempt), soci::use(slot_no), soci::use(version), soci::use(topic), soci::use(shown),
            soci::use(right));
    }
    journal(db, key, "training.attempt.start", id,
            "candidate=" + std::to_string(candidate_id) + " kiosk=" + kiosk);
    return id;
}

bool is_cleared(const nlohmann::json& answer) {
    return answer.is_null() || (answer.is_array() && answer.empty()) ||
           (answer.is_string() &&
            answer.get<std::string>().find_first_not_of(" \t\r\n") == std::string::npos);
}

void refuse_closed(const Attempt& a, std::int64_t now) {
    if (a.submitted())
        throw RefusedError(tr("The test has been submitted: answers can no longer be changed."));
    if (now >= a.deadline_at) throw RefusedError(tr("Time is up: the answer was not saved."));
}

}  // namespace

std::int64_t Attempt::seconds_left() const {
    if (submitted()) return 0;
    return std::max<std::int64_t>(0, deadline_at - read_at);
}

int Attempt::answered() const {
    return static_cast<int>(
        std::count_if(slots.begin(), slots.end(), [](const AttemptSlot& s) { return !s.answer.is_null(); }));
}

namespace {
StartedAttempt start_or_resume(db::Database& db, const pos::AuditKey& key, std::string_view typed_code,
                               const std::string& kiosk);
}  // namespace

std::string_view to_string(AttemptStart how) {
    switch (how) {
    case AttemptStart::started: return "started";
    case AttemptStart::resumed: return "resumed";
    case AttemptStart::finished_now: return "finished_now";
    }
    return "started";
}

StartedAttempt start_attempt(db::Database& db, const pos::AuditKey& key, std::string_view typed_code,
                             const std::string& kiosk) {
    try {
        return start_or_resume(db, key, typed_code, kiosk);
    } catch (const soci::soci_error&) {
        // Two kiosks started the same code at once (PostgreSQL lets both look before either inserts): the
        // one attempt per candidate (UNIQUE) refused the second; trying again resumes the first one's.
        return start_or_resume(db, key, typed_code, kiosk);
    }
}

namespace {
StartedAttempt start_or_resume(db::Database& db, const pos::AuditKey& key, std::string_view typed_code,
                               const std::string& kiosk) {
    const std::string code = normalize_kiosk_code(typed_code);
    StartedAttempt result;
    std::int64_t attempt_id = 0;
    {
        db::WriteTransaction tx(db);
        long long candidate = 0, existing = 0;
        std::string status;
        soci::indicator existing_ind;
        if (!db.run(
                "SELECT c.id, c.status, a.id FROM candidate c LEFT JOIN attempt a ON a.candidate_id = c.id "
                "WHERE c.kiosk_code = :code",
                soci::use(code), soci::into(candidate), soci::into(status),
                soci::into(existing, existing_ind)))
            throw pos::InputError("code", tr("Code"), tr("no such code: check it against your invitation"));
        if (status == "dropped_out")
            throw pos::InputError("code", tr("Code"), tr("this candidate has left the training"));
        if (existing_ind == soci::i_ok) {
            Attempt a;
            read_attempt_row(db, existing, a);
            if (a.submitted())
                throw pos::InputError("code", tr("Code"),
                                      tr("this code has already been used: the test was submitted"));
            if (attempt_now(db, a) >= a.deadline_at) {
                // Restarted after the deadline: finish with the saved answers rather than trap him at 0:00.
                close_attempt(db, key, a, "overdue");
                result.how = AttemptStart::finished_now;
            } else {
                journal(db, key, "training.attempt.resume", a.id, "kiosk=" + kiosk);
                result.how = AttemptStart::resumed;
            }
            attempt_id = a.id;
        } else {
            attempt_id = create_attempt(db, key, candidate, kiosk);
            result.how = AttemptStart::started;
        }
        tx.commit();
    }
    result.attempt = load(db, attempt_id);
    return result;
}
}  // namespace

Attempt answer_slot(db::Database& db, const pos::AuditKey& key, std::int64_t attempt_id, int slot_no,
                    const nlohmann::json& answer) {
    (void)key;  // answers are the attempt's own record, not journal entries: sixteen a test, saved as given
    if (slot_no < 1 || slot_no > kQuestionsPerAttempt)
        throw pos::InputError("slot", tr("Question"),
                              trf("must be from 1 to {1}", {std::to_string(kQuestionsPerAttempt)}));
    {
        db::WriteTransaction tx(db);
        Attempt a;
        if (attempt_id <= 0 || !read_attempt_row(db, attempt_id, a))
            throw pos::InputError("attempt", tr("Attempt"),
                                  trf("no attempt with number {1}", {std::to_string(attempt_id)}));
        const long long now = attempt_now(db, a);
        refuse_closed(a, now);
        const long long id = attempt_id;
        std::string kind_json, right;
        if (!db.run("SELECT shown, right_answer FROM attempt_slot WHERE attempt_id = :a AND slot_no = :n",
                    soci::use(id), soci::use(slot_no), soci::into(kind_json), soci::into(right)))
            throw pos::InputError("slot", tr("Question"),
                                  trf("no question {1} in this attempt", {std::to_string(slot_no)}));
        if (is_cleared(answer)) {
            db.update(
                "UPDATE attempt_slot SET answer = NULL, answered_at = :t, correct = NULL "
                "WHERE attempt_id = :a AND slot_no = :n",
                soci::use(now), soci::use(id), soci::use(slot_no));
        } else {
            const auto shown = nlohmann::json::parse(kind_json);
            const auto options = shown.value("options", std::vector<std::string>{});
            bool correct = false;
            try {
                correct = answer_is_correct(shown.at("kind").get<std::string>(), options.size(),
                                            nlohmann::json::parse(right), answer);
            } catch (const pos::InputError&) {
                throw;
            } catch (const ValidationError& e) {
                throw pos::InputError("answer", e);
            }
            const std::string text = answer.dump();
            const int mark = correct ? 1 : 0;
            db.update(
                "UPDATE attempt_slot SET answer = :ans, answered_at = :t, correct = :c "
                "WHERE attempt_id = :a AND slot_no = :n",
                soci::use(text), soci::use(now), soci::use(mark), soci::use(id), soci::use(slot_no));
        }
        tx.commit();
    }
    return load(db, attempt_id);
}

Attempt submit_attempt(db::Database& db, const pos::AuditKey& key, std::int64_t attempt_id) {
    {
        db::WriteTransaction tx(db);
        Attempt a;
        if (attempt_id <= 0 || !read_attempt_row(db, attempt_id, a))
            throw pos::InputError("attempt", tr("Attempt"),
                                  trf("no attempt with number {1}", {std::to_string(attempt_id)}));
        if (a.submitted()) throw RefusedError(tr("The test has already been submitted."));
        close_attempt(db, key, a, attempt_now(db, a) >= a.deadline_at ? "deadline" : "candidate");
        tx.commit();
    }
    return load(db, attempt_id);
}

Attempt submit_at_deadline(db::Database& db, const pos::AuditKey& key, std::int64_t attempt_id) {
    {
        db::WriteTransaction tx(db);
        Attempt a;
        if (attempt_id <= 0 || !read_attempt_row(db, attempt_id, a))
            throw pos::InputError("attempt", tr("Attempt"),
                                  trf("no attempt with number {1}", {std::to_string(attempt_id)}));
        if (!a.submitted() && attempt_now(db, a) >= a.deadline_at) {
            close_attempt(db, key, a, "deadline");
            tx.commit();
        }
    }
    return load(db, attempt_id);
}

int finish_overdue_attempts(db::Database& db, const pos::AuditKey& key) {
    std::vector<long long> due;
    {
        const long long now = db.now();
        long long id = 0;
        db::Statement st =
            db.query("SELECT id FROM attempt WHERE submitted_at IS NULL AND deadline_at <= :n ORDER BY id",
                     soci::use(now), soci::into(id));
        st.execute();
        while (st.fetch()) due.push_back(id);
    }
    int finished = 0;
    for (auto id : due)
        if (finish_if_overdue(db, key, id)) ++finished;
    return finished;
}

Attempt get_attempt(db::Database& db, const pos::AuditKey& key, std::int64_t attempt_id) {
    finish_overdue_attempts(db, key);
    return load(db, attempt_id);
}

Attempt get_attempt(db::Database& db, const pos::Actor& actor, std::int64_t attempt_id) {
    if (!actor.may(db, pos::Permission::run_training) && !actor.may(db, pos::Permission::record_votes))
        throw RefusedError(tr("Only trainers and dealers' managers see the test's attempts."));
    auto a = get_attempt(db, actor.audit_key(), attempt_id);
    if (!actor.sees_dealer(a.dealer_id))
        throw pos::InputError("attempt", tr("Attempt"),
                              trf("no attempt with number {1}", {std::to_string(attempt_id)}));
    return a;
}

std::vector<Attempt> list_attempts(db::Database& db, const pos::Actor& actor, std::int64_t cohort_id) {
    if (!actor.may(db, pos::Permission::run_training) && !actor.may(db, pos::Permission::record_votes))
        throw RefusedError(tr("Only trainers and dealers' managers see the test's attempts."));
    finish_overdue_attempts(db, actor.audit_key());
    const int all = actor.is_head_office() ? 1 : 0;
    const long long own = actor.dealer_id(), cohort = cohort_id;
    std::vector<long long> ids;
    long long id = 0;
    db::Statement st = db.query(
        "SELECT a.id FROM attempt a JOIN candidate c ON c.id = a.candidate_id "
        "WHERE c.cohort_id = :c AND (:all = 1 OR c.dealer_id = :own) ORDER BY c.full_name, a.id",
        soci::use(cohort), soci::use(all), soci::use(own), soci::into(id));
    st.execute();
    while (st.fetch()) ids.push_back(id);
    std::vector<Attempt> out;
    for (auto a : ids) out.push_back(load(db, a));
    return out;
}

Attempt grant_extra_time(db::Database& db, const pos::Actor& actor, std::int64_t attempt_id, int minutes,
                         const std::string& reason) {
    actor.require(db, pos::Permission::run_training);
    if (minutes < 1 || minutes > 60)
        throw pos::InputError("minutes", tr("Minutes"), tr("must be from 1 to 60"));
    const std::string why = pos::required_text("reason", tr("Reason"), reason, 500);
    {
        db::WriteTransaction tx(db);
        Attempt a;
        if (attempt_id <= 0 || !read_attempt_row(db, attempt_id, a))
            throw pos::InputError("attempt", tr("Attempt"),
                                  trf("no attempt with number {1}", {std::to_string(attempt_id)}));
        if (a.submitted())
            throw RefusedError(tr("The test has been submitted: its time can no longer change."));
        const long long id = attempt_id, now = db.now(), by = actor.staff_id();
        soci::indicator by_ind = by == 0 ? soci::i_null : soci::i_ok;
        const int seconds = minutes * 60;
        db.insert(
            "INSERT INTO attempt_extra_time (attempt_id, seconds, reason, granted_by, granted_at) "
            "VALUES (:a, :s, :r, :b, :t)",
            soci::use(id), soci::use(seconds), soci::use(why), soci::use(by, by_ind), soci::use(now));
        db.update("UPDATE attempt SET deadline_at = deadline_at + :s WHERE id = :a", soci::use(seconds),
                  soci::use(id));
        actor.record(db, "training.attempt.grant", "attempt:" + std::to_string(attempt_id),
                     "seconds=" + std::to_string(seconds));
        tx.commit();
    }
    return load(db, attempt_id);
}

}  // namespace salon::training

namespace salon::training {
void check_attempt_code(db::Database& db, std::int64_t attempt_id, std::string_view typed_code) {
    const std::string code = normalize_kiosk_code(typed_code);
    const long long id = attempt_id;
    std::string stored;
    if (!db.run(
            "SELECT c.kiosk_code FROM attempt a JOIN candidate c ON c.id = a.candidate_id WHERE a.id = :a",
            soci::use(id), soci::into(stored)) ||
        stored != code)
        throw pos::InputError("code", tr("Code"), tr("is not the code of this attempt's candidate"));
}
}  // namespace salon::training
