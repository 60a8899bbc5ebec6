#include "pos/core/organisation/Certification.hpp"

#include "db/Database.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/organisation/StaffMember.hpp"

#include <regex>

namespace salon::pos {

namespace {

void require_certifier(db::Database& db, const Actor& actor) {
    if (!actor.is_head_office())
        throw RefusedError(
            tr("Certifications are recorded by head office: the operator approves and trains "
               "every specialist."));
    if (!actor.may(db, Permission::administer_database)) actor.require(db, Permission::run_training);
}

void check_certification_date(const std::string& date) {
    static const std::regex iso_date(R"((\d{4})-(\d{2})-(\d{2}))");
    std::smatch m;
    if (!std::regex_match(date, m, iso_date) || std::stoi(m[2]) < 1 || std::stoi(m[2]) > 12 || std::stoi(m[3]) < 1 ||
        std::stoi(m[3]) > 31)
        throw InputError("date", tr("Date"), tr("must be a date YYYY-MM-DD"));
}

// The insert and its entry, under the caller's WriteTransaction.
std::int64_t insert_certification(db::Database& db, const Actor& actor, std::int64_t staff_id,
                                  const std::string& date, std::int64_t trainer_id, CertificationSource source) {
    const StaffMember member = parse_input("staff", [&] { return get_staff(db, actor, staff_id); });
    if (!works_in_salon(member.role))
        throw InputError("staff", tr("Staff member"), tr("only salon staff are certified to sell"));
    if (trainer_id != 0) {
        const StaffMember trainer = parse_input("trainer", [&] { return get_staff(db, actor, trainer_id); });
        if (trainer.role != Role::trainer)
            throw InputError("trainer", tr("Trainer"), trf("{1} is not a trainer", {trainer.full_name}));
    }
    std::string today;
    if (db.backend() == db::Backend::sqlite)
        db.run("SELECT date('now')", soci::into(today));
    else
        db.run("SELECT to_char(CURRENT_DATE, 'YYYY-MM-DD')", soci::into(today));
    if (date > today) throw InputError("date", tr("Date"), tr("cannot be in the future"));

    const long long now = db.now();
    const std::string source_code = source == CertificationSource::manual ? "manual" : "training";
    const long long staff = staff_id, trainer = trainer_id, by = actor.staff_id();
    soci::indicator trainer_ind = trainer ? soci::i_ok : soci::i_null;
    soci::indicator by_ind = by ? soci::i_ok : soci::i_null;
    const long long id = db.insert(
        "INSERT INTO certification (staff_id, certified_on, trainer_id, source, recorded_by, recorded_at) "
        "VALUES (:s, :d, :t, :src, :by, :at)",
        soci::use(staff), soci::use(date), soci::use(trainer, trainer_ind), soci::use(source_code),
        soci::use(by, by_ind), soci::use(now));
    actor.record(db, "certification.record", "staff:" + std::to_string(staff),
                 "certification=" + std::to_string(id) + " date=" + date +
                     " trainer=" + std::to_string(trainer) + " source=" + source_code);
    return id;
}

}  // namespace

std::int64_t record_certification(db::Database& db, const Actor& actor, std::int64_t staff_id,
                                  const std::string& date, std::int64_t trainer_id,
                                  CertificationSource source) {
    require_certifier(db, actor);
    check_certification_date(date);
    db::WriteTransaction tx(db);
    const std::int64_t id = insert_certification(db, actor, staff_id, date, trainer_id, source);
    tx.commit();
    return id;
}

std::int64_t record_certification_within(db::Database& db, const Actor& actor, std::int64_t staff_id,
                                         const std::string& date, std::int64_t trainer_id,
                                         CertificationSource source) {
    require_certifier(db, actor);
    check_certification_date(date);
    return insert_certification(db, actor, staff_id, date, trainer_id, source);
}

std::vector<Certification> certifications_of(db::Database& db, const Actor& actor, std::int64_t staff_id) {
    get_staff(db, actor, staff_id);
    std::vector<Certification> out;
    Certification c;
    long long id = 0, staff = staff_id, trainer = 0, by = 0, at = 0;
    std::string source, trainer_name;
    soci::indicator trainer_ind, by_ind, name_ind;
    db::Statement st = db.query(
        "SELECT c.id, c.certified_on, c.trainer_id, t.full_name, c.source, c.recorded_by, "
        "c.recorded_at FROM certification c LEFT JOIN staff t ON t.id = c.trainer_id "
        "WHERE c.staff_id = :s ORDER BY c.certified_on, c.id",
        soci::use(staff), soci::into(id), soci::into(c.certified_on), soci::into(trainer, trainer_ind),
        soci::into(trainer_name, name_ind), soci::into(source), soci::into(by, by_ind), soci::into(at));
    st.execute();
    while (st.fetch()) {
        c.id = id;
        c.staff_id = staff_id;
        c.trainer_id = trainer_ind == soci::i_ok ? trainer : 0;
        c.trainer_name = name_ind == soci::i_ok ? trainer_name : std::string();
        c.source = source == "training" ? CertificationSource::training : CertificationSource::manual;
        c.recorded_by = by_ind == soci::i_ok ? by : 0;
        c.recorded_at = at;
        out.push_back(c);
    }
    return out;
}

bool is_certified(db::Database& db, std::int64_t staff_id) {
    int count = 0;
    const long long id = staff_id;
    db.run("SELECT count(*) FROM certification WHERE staff_id = :s", soci::use(id), soci::into(count));
    return count > 0;
}

void require_may_serve(db::Database& db, const StaffMember& who, ClientKind kind) {
    // Read afresh: a role, level or lock changed during the shift applies at once.
    require_may_serve_now(db, current_record(db, who), kind);
}

void require_may_serve_now(db::Database& db, const StaffMember& member, ClientKind kind) {
    if (!member.active || !works_in_salon(member.role)) return require_may_serve_now(member, kind, false);
    require_may_serve_now(member, kind, is_certified(db, member.id));
}

void require_may_serve_now(const StaffMember& member, ClientKind kind, bool certified) {
    if (!member.active) throw RefusedError(trf("The account of {1} is locked.", {member.full_name}));
    if (!works_in_salon(member.role))
        throw RefusedError(trf("{1} does not work in a salon and cannot serve clients.", {member.full_name}));
    if (!certified)
        throw RefusedError(trf("{1} has not passed the operator's training yet and cannot sell: a trainer or "
                               "administrator records the certification first.",
                               {member.full_name}));
    if (kind == ClientKind::corporate_client && member.career_level == CareerLevel::trainee)
        throw RefusedError(trf("{1} is a trainee and serves private clients only: the corporate desk needs a "
                               "specialist.",
                               {member.full_name}));
}

}  // namespace salon::pos
