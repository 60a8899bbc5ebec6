#include "training/core/assessment/CohortClosing.hpp"

#include "db/Database.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/organisation/Certification.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/PasswordHash.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/organisation/StaffMember.hpp"

#include <map>
#include <random>
#include <set>

namespace salon::training {

namespace {

// Russian letters in Latin (the passport's transliteration, ГОСТ Р 52535.1-2006 / ICAO).
const std::map<char32_t, const char*>& latin_of() {
    static const std::map<char32_t, const char*> m = {
        {U'а', "a"},  {U'б', "b"},  {U'в', "v"},  {U'г', "g"},   {U'д', "d"},  {U'е', "e"},  {U'ё', "e"},
        {U'ж', "zh"}, {U'з', "z"},  {U'и', "i"},  {U'й', "i"},   {U'к', "k"},  {U'л', "l"},  {U'м', "m"},
        {U'н', "n"},  {U'о', "o"},  {U'п', "p"},  {U'р', "r"},   {U'с', "s"},  {U'т', "t"},  {U'у', "u"},
        {U'ф', "f"},  {U'х', "kh"}, {U'ц', "ts"}, {U'ч', "ch"},  {U'ш', "sh"}, {U'щ', "shch"}, {U'ъ', "ie"},
        {U'ы', "y"},  {U'ь', ""},   {U'э', "e"},  {U'ю', "iu"},  {U'я', "ia"}};
    return m;
}

std::u32string decode(const std::string& s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char b = static_cast<unsigned char>(s[i]);
        char32_t c = b;
        std::size_t n = 1;
        if (b >= 0xF0) c = b & 0x07, n = 4;
        else if (b >= 0xE0) c = b & 0x0F, n = 3;
        else if (b >= 0xC0) c = b & 0x1F, n = 2;
        for (std::size_t k = 1; k < n && i + k < s.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(c);
        i += n;
    }
    return out;
}

std::string latin_word(const std::u32string& word) {
    std::string out;
    for (char32_t c : word) {
        if (c >= U'А' && c <= U'Я') c += 0x20;
        if (c == U'Ё') c = U'ё';
        if (c >= U'A' && c <= U'Z') c += 0x20;
        if ((c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9')) {
            out += static_cast<char>(c);
        } else if (auto it = latin_of().find(c); it != latin_of().end()) {
            out += it->second;
        }
    }
    return out;
}

// A first password of 12 letters and digits from the system's random source, without look-alikes.
std::string one_time_password() {
    static const std::string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    std::random_device random;  // /dev/urandom on Linux
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::string out;
    for (int i = 0; i < 12; ++i) out += alphabet[pick(random)];
    return out;
}

std::string unique_login(db::Database& db, const std::string& base, std::set<std::string>& taken) {
    for (int n = 1;; ++n) {
        const std::string login = n == 1 ? base : base + std::to_string(n);
        long long count = 0;
        db.run("SELECT count(*) FROM staff WHERE login = :l", soci::use(login), soci::into(count));
        if (count == 0 && !taken.count(login)) {
            taken.insert(login);
            return login;
        }
    }
}

struct Finisher {
    long long id = 0;
    std::string full_name, status, decision;
    long long salon_id = 0, staff_id = 0;
    bool has_salon = false, has_staff = false, test_passed = false, has_attempt = false;
};

}  // namespace

std::string login_from_name(const std::string& full_name) {
    std::vector<std::u32string> words{{}};
    for (char32_t c : decode(full_name)) {
        if (c == U' ' || c == U'\t' || c == U'\n') {
            if (!words.back().empty()) words.emplace_back();
        } else {
            words.back().push_back(c);
        }
    }
    if (words.back().empty()) words.pop_back();
    std::string login = words.empty() ? std::string() : latin_word(words[0]);
    if (words.size() > 1) {
        // The first name's initial as its first letter reads in Latin: "Юлия" gives "iu".
        const std::string first = latin_word(words[1].substr(0, 1));
        if (!first.empty()) login += "." + first;
    }
    if (login.size() > 28) login.resize(28);  // room for a number that makes it unique
    if (login.size() < 2 || !(std::isalnum(static_cast<unsigned char>(login[0])))) return "trainee";
    return login;
}

CohortClosing close_cohort(db::Database& db, const pos::Actor& actor, std::int64_t cohort_id) {
    actor.require(db, pos::Permission::run_training);
    if (!actor.is_head_office()) throw RefusedError(tr("Head office's trainers close the training week."));
    // Passwords are hashed before the transaction (hashing is slow on purpose); the candidates who will need
    // an account are read first and read again under the lock.
    std::map<long long, std::pair<std::string, std::string>> prepared;  // candidate -> password, hash
    {
        long long cohort = cohort_id, id = 0;
        db::Statement st = db.query(
            "SELECT c.id FROM candidate c JOIN attempt a ON a.candidate_id = c.id "
            "WHERE c.cohort_id = :h AND c.status = 'registered' AND c.staff_id IS NULL AND a.passed = 1 "
            "AND c.decision = 'continue'",
            soci::use(cohort), soci::into(id));
        st.execute();
        while (st.fetch()) prepared[id] = {};
    }
    for (auto& [id, p] : prepared) {
        p.first = one_time_password();
        p.second = pos::hash_password(p.first);
    }

    db::WriteTransaction tx(db);
    long long cohort = cohort_id, closed = 0, trainer = 0;
    std::string week_start;
    soci::indicator closed_ind, trainer_ind;
    if (!db.run("SELECT week_start, closed_at, trainer_id FROM cohort WHERE id = :id", soci::use(cohort),
                soci::into(week_start), soci::into(closed, closed_ind), soci::into(trainer, trainer_ind)))
        throw pos::InputError("cohort", tr("Cohort"), trf("no cohort with number {1}", {std::to_string(cohort_id)}));
    if (closed_ind == soci::i_ok) throw RefusedError(trf("The week of {1} is already closed.", {week_start}));
    const long long now = db.now();
    const pos::CalendarDate today = pos::CalendarDate::of_utc(now);
    const pos::CalendarDate last_friday =
        pos::CalendarDate::parse(week_start, "week_start", tr("Week start")).plus_days(7);
    if (today < last_friday)
        throw RefusedError(trf("The week runs Friday to Friday (R-TRN-1): it closes on {1} or later.",
                               {last_friday.display()}));

    std::vector<Finisher> all;
    {
        Finisher f;
        long long id = 0, salon = 0, staff = 0;
        int passed = 0;
        soci::indicator salon_ind, staff_ind, decision_ind, passed_ind, attempt_ind;
        long long attempt = 0;
        db::Statement st = db.query(
            "SELECT c.id, c.full_name, c.status, c.decision, c.salon_id, c.staff_id, a.id, a.passed "
            "FROM candidate c LEFT JOIN attempt a ON a.candidate_id = c.id WHERE c.cohort_id = :h ORDER BY c.id",
            soci::use(cohort), soci::into(id), soci::into(f.full_name), soci::into(f.status),
            soci::into(f.decision, decision_ind), soci::into(salon, salon_ind), soci::into(staff, staff_ind),
            soci::into(attempt, attempt_ind), soci::into(passed, passed_ind));
        st.execute();
        while (st.fetch()) {
            f.id = id;
            if (decision_ind != soci::i_ok) f.decision.clear();
            f.has_salon = salon_ind == soci::i_ok;
            f.salon_id = f.has_salon ? salon : 0;
            f.has_staff = staff_ind == soci::i_ok;
            f.staff_id = f.has_staff ? staff : 0;
            f.has_attempt = attempt_ind == soci::i_ok;
            f.test_passed = passed_ind == soci::i_ok && passed == 1;
            all.push_back(f);
        }
    }
    for (const auto& f : all)
        if (f.status == "registered" && f.test_passed && f.decision.empty())
            throw RefusedError(trf("{1} passed the entrance test but nobody has decided yet whether he continues: "
                                   "apply the voting rule first.",
                                   {f.full_name}));

    CohortClosing out;
    out.cohort_id = cohort_id;
    out.closed_on = today.iso();
    std::set<std::string> taken;
    for (const auto& f : all) {
        const long long id = f.id;
        if (f.status == "dropped_out") {
            out.dropped_out.push_back(id);
            continue;
        }
        if (f.status != "registered") continue;  // not reachable while the cohort is open; kept as it is
        const bool passes = f.test_passed && f.decision == "continue";
        if (!passes) {
            db.run("UPDATE candidate SET status = 'not_passed', finished_at = :at WHERE id = :id", soci::use(now),
                   soci::use(id));
            out.not_passed.push_back(id);
            continue;
        }
        long long staff = f.staff_id;
        if (!f.has_staff) {
            if (!f.has_salon)
                throw pos::InputError("salon", tr("Salon"),
                                      trf("{1} passed but has no salon: his dealer names the salon he will work in "
                                          "before the week is closed",
                                          {f.full_name}));
            auto p = prepared.find(id);
            if (p == prepared.end())  // changed between the two reads: hash now, under the lock
                p = prepared.emplace(id, std::pair{one_time_password(), std::string()}).first,
                p->second.second = pos::hash_password(p->second.first);
            const std::string login = unique_login(db, login_from_name(f.full_name), taken);
            staff = pos::add_trained_trainee(db, actor, login, f.full_name, f.salon_id, p->second.second);
            db.run("UPDATE candidate SET staff_id = :s WHERE id = :id", soci::use(staff), soci::use(id));
            out.opened.push_back({id, staff, f.full_name, login, p->second.first});
        }
        pos::record_certification_within(db, actor, staff, out.closed_on, trainer_ind == soci::i_ok ? trainer : 0,
                                         pos::CertificationSource::training);
        db.run("UPDATE candidate SET status = 'passed', finished_at = :at WHERE id = :id", soci::use(now),
               soci::use(id));
        out.passed.push_back(id);
    }
    const long long by = actor.staff_id();
    soci::indicator by_ind = by ? soci::i_ok : soci::i_null;
    db.run("UPDATE cohort SET closed_at = :at, closed_by = :by WHERE id = :id", soci::use(now), soci::use(by, by_ind),
           soci::use(cohort));
    actor.record(db, "cohort.close", "cohort:" + std::to_string(cohort_id),
                 "passed=" + std::to_string(out.passed.size()) + " not_passed=" + std::to_string(out.not_passed.size()) +
                     " dropped_out=" + std::to_string(out.dropped_out.size()) +
                     " accounts=" + std::to_string(out.opened.size()));
    tx.commit();
    return out;
}

}  // namespace salon::training
