#include "training/core/cohort/Candidate.hpp"

#include "db/Database.hpp"
#include "db/Text.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "training/core/cohort/Cohort.hpp"
#include "training/core/cohort/KioskCode.hpp"

namespace salon::training {

namespace {

void require_registrar(db::Database& db, const pos::Actor& actor) {
    if (!actor.may(db, pos::Permission::run_training) && !actor.may(db, pos::Permission::record_votes))
        throw RefusedError(tr("Only trainers and dealers' managers register candidates."));
}

std::vector<Candidate> query_candidates(db::Database& db, const pos::Actor& actor, std::int64_t cohort_id,
                                        std::int64_t only_id) {
    actor.confirm(db);
    const int all = actor.is_head_office() ? 1 : 0;
    const long long own = actor.dealer_id(), cohort = cohort_id, only = only_id;
    std::vector<Candidate> out;
    Candidate c;
    long long id = 0, cohort_of = 0, dealer = 0, salon = 0, registered = 0;
    int stream = 0;
    soci::indicator salon_ind, phone_ind, email_ind, stream_ind;
    db::Statement st = db.query(
        "SELECT c.id, c.cohort_id, c.dealer_id, d.name, c.salon_id, c.full_name, c.phone, c.email, "
        "c.interview_date, c.interview_notes, c.stream, c.kiosk_code, c.status, c.registered_at "
        "FROM candidate c JOIN dealer d ON d.id = c.dealer_id "
        "WHERE (:cohort = 0 OR c.cohort_id = :cohort2) AND (:only = 0 OR c.id = :only2) "
        "AND (:all = 1 OR c.dealer_id = :own) "
        "ORDER BY COALESCE(c.stream, 0), d.name, c.full_name, c.id",
        soci::use(cohort), soci::use(cohort), soci::use(only), soci::use(only), soci::use(all),
        soci::use(own), soci::into(id), soci::into(cohort_of), soci::into(dealer), soci::into(c.dealer_name),
        soci::into(salon, salon_ind), soci::into(c.full_name), soci::into(c.phone, phone_ind),
        soci::into(c.email, email_ind), soci::into(c.interview_date), soci::into(c.notes),
        soci::into(stream, stream_ind), soci::into(c.kiosk_code), soci::into(c.status),
        soci::into(registered));
    st.execute();
    while (st.fetch()) {
        Candidate row = c;
        row.id = id;
        row.cohort_id = cohort_of;
        row.dealer_id = dealer;
        row.salon_id = salon_ind == soci::i_ok ? salon : 0;
        if (phone_ind != soci::i_ok) row.phone.clear();
        if (email_ind != soci::i_ok) row.email.clear();
        row.stream = stream_ind == soci::i_ok ? stream : 0;
        row.registered_at = registered;
        out.push_back(row);
    }
    return out;
}

}  // namespace

std::string validate_candidate_email(const std::string& email) {
    const auto at = email.find('@');
    const bool ok = at != std::string::npos && at > 0 && email.find('@', at + 1) == std::string::npos &&
                    email.find('.', at + 2) != std::string::npos && email.back() != '.' &&
                    email.find_first_of(" \t\r\n,;<>") == std::string::npos && email.size() <= 254;
    if (!ok) throw pos::InputError("email", tr("E-mail"), tr("is not an address like name@example.ru"));
    return email;
}

void assign_streams(db::Database& db, std::int64_t cohort_id) {
    const long long cohort = cohort_id;
    std::vector<long long> ids;
    long long id = 0;
    db::Statement st = db.query("SELECT id FROM candidate WHERE cohort_id = :c ORDER BY dealer_id, id",
                                soci::use(cohort), soci::into(id));
    st.execute();
    while (st.fetch()) ids.push_back(id);
    if (static_cast<int>(ids.size()) <= kSingleStreamLimit) {
        db.update("UPDATE candidate SET stream = NULL WHERE cohort_id = :c AND stream IS NOT NULL",
                  soci::use(cohort));
        return;
    }
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const int stream = i % 2 == 0 ? 1 : 2;
        db.update("UPDATE candidate SET stream = :s WHERE id = :id", soci::use(stream), soci::use(ids[i]));
    }
}

std::int64_t add_candidate(db::Database& db, const pos::Actor& actor, const CandidateForm& form) {
    require_registrar(db, actor);
    if (form.dealer_id <= 0)
        throw pos::InputError("dealer", tr("Dealer"), tr("choose the dealer who sends the candidate"));
    if (!actor.sees_dealer(form.dealer_id))
        throw RefusedError(tr("A dealer registers only its own candidates (R-TRN-2)."));
    const std::string name = pos::required_text("name", tr("Full name"), form.full_name, 200);
    std::string phone, email;
    if (!form.phone.empty())
        phone = pos::parse_input("phone", [&] { return pos::Msisdn::parse(form.phone); }).str();
    if (!form.email.empty()) email = validate_candidate_email(form.email);
    const auto interview =
        pos::CalendarDate::parse(form.interview_date, "interview_date", tr("Interview date"));
    const std::string notes = form.notes.empty() ? std::string()
                                                 : pos::required_text("notes", tr("Notes"), form.notes,
                                                                      pos::kMaxFreeTextCharacters, true);

    db::WriteTransaction tx(db);
    if (db.backend() == db::Backend::postgresql) {
        // Two dealers filling the last place at once: the cohort's row is locked until this one commits, so
        // the count below is the one the insert lands on (SQLite's write lock already serialises them).
        const long long locked = form.cohort_id;
        db.run("SELECT id FROM cohort WHERE id = :c FOR UPDATE", soci::use(locked));
    }
    const auto cohort = get_cohort(db, actor, form.cohort_id);
    const auto today = training_today(db);
    if (interview > today)
        throw pos::InputError(
            "interview_date", tr("Interview date"),
            tr("is in the future: a candidate comes after the dealer's interview (R-TRN-2)"));
    if (cohort.closed) throw pos::InputError("cohort", tr("Cohort"), tr("is closed"));
    if (CohortWeek::stored(cohort.week_start).friday() < today)
        throw pos::InputError(
            "cohort", tr("Cohort"),
            trf("its week began on {1} and has passed", {CohortWeek::stored(cohort.week_start).display()}));
    if (cohort.candidates >= cohort.capacity)
        throw pos::InputError("cohort", tr("Cohort"),
                              trf("is full: {1} of {2} places taken",
                                  {std::to_string(cohort.candidates), std::to_string(cohort.capacity)}));
    long long dealer_found = 0;
    const long long dealer = form.dealer_id;
    db.run("SELECT COUNT(*) FROM dealer WHERE id = :d", soci::use(dealer), soci::into(dealer_found));
    if (dealer_found == 0)
        throw pos::InputError("dealer", tr("Dealer"),
                              trf("no dealer with number {1}", {std::to_string(dealer)}));
    const long long salon = form.salon_id;
    if (salon != 0) {
        long long salon_found = 0;
        db.run("SELECT COUNT(*) FROM salon WHERE id = :s AND dealer_id = :d", soci::use(salon),
               soci::use(dealer), soci::into(salon_found));
        if (salon_found == 0)
            throw pos::InputError("salon", tr("Salon"), tr("is not one of this dealer's salons"));
    }
    const std::string code = new_kiosk_code(db);
    const long long now = db.now(), by = actor.staff_id(), cohort_id = cohort.id;
    soci::indicator by_ind = by == 0 ? soci::i_null : soci::i_ok;
    soci::indicator salon_ind = salon == 0 ? soci::i_null : soci::i_ok;
    soci::indicator phone_ind = phone.empty() ? soci::i_null : soci::i_ok;
    soci::indicator email_ind = email.empty() ? soci::i_null : soci::i_ok;
    const std::string interview_iso = interview.iso();
    const auto id = db.insert(
        "INSERT INTO candidate (cohort_id, dealer_id, salon_id, full_name, phone, email, interview_date, "
        "interview_notes, kiosk_code, registered_at, registered_by) "
        "VALUES (:c, :d, :s, :n, :p, :e, :i, :notes, :code, :at, :by)",
        soci::use(cohort_id), soci::use(dealer), soci::use(salon, salon_ind), soci::use(name),
        soci::use(phone, phone_ind), soci::use(email, email_ind), soci::use(interview_iso), soci::use(notes),
        soci::use(code), soci::use(now), soci::use(by, by_ind));
    assign_streams(db, cohort.id);
    // The journal names the record and the dealer, never the person's name or contacts.
    actor.record(db, "training.candidate.add", "candidate:" + std::to_string(id),
                 "cohort=" + std::to_string(cohort.id) + " dealer=" + std::to_string(dealer));
    tx.commit();
    return id;
}

std::vector<Candidate> list_candidates(db::Database& db, const pos::Actor& actor, std::int64_t cohort_id) {
    require_registrar(db, actor);
    get_cohort(db, actor, cohort_id);
    return query_candidates(db, actor, cohort_id, 0);
}

Candidate get_candidate(db::Database& db, const pos::Actor& actor, std::int64_t id) {
    require_registrar(db, actor);
    auto found = id > 0 ? query_candidates(db, actor, 0, id) : std::vector<Candidate>{};
    if (found.empty())
        throw pos::InputError("candidate", tr("Candidate"),
                              trf("no candidate with number {1}", {std::to_string(id)}));
    return found.front();
}

}  // namespace salon::training
