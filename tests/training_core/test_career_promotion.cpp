// Career after the week (R-TRN-11): trainee, two months later specialist (private and corporate clients),
// later senior specialist; a trainer or the person's own dealer manager promotes when he is due.
#include "pos/core/organisation/Certification.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/organisation/StationSetting.hpp"
#include "tests/training_core/AssessmentFixture.hpp"
#include "training/core/career/CareerStep.hpp"

#include <catch2/catch.hpp>

using namespace salon;
using namespace salon::training;
using namespace salon::test;

namespace {

struct Career : AssessmentFixture {
    std::int64_t trainee = 0, foreign_trainee = 0;
    Career() {
        db().set_clock(moscow_noon("2026-10-09"));
        trainee = pos::save_staff(db(), cli, {"novice", "Новиков Антон", pos::Role::specialist, salon, 0,
                                              pos::CareerLevel::trainee, "password1"});
        foreign_trainee = pos::save_staff(db(), cli, {"novice2", "Чужаков Борис", pos::Role::specialist, other_salon,
                                                      0, pos::CareerLevel::trainee, "password1"});
        pos::record_certification(db(), cli, trainee, "2026-10-09", trainer_id, pos::CertificationSource::training);
        pos::record_certification(db(), cli, foreign_trainee, "2026-10-09", trainer_id,
                                  pos::CertificationSource::training);
    }
    bool listed(const std::vector<DuePromotion>& due, std::int64_t id) {
        for (const auto& d : due)
            if (d.staff_id == id) return true;
        return false;
    }
};

}  // namespace

TEST_CASE("Calendar months are added keeping the day or the month's last day", "[training][R-TRN-11]") {
    auto d = [](const char* s) { return pos::CalendarDate::parse(s, "d", tr("Date")); };
    CHECK(plus_months(d("2026-10-09"), 2).iso() == "2026-12-09");
    CHECK(plus_months(d("2026-12-31"), 2).iso() == "2027-02-28");
    CHECK(plus_months(d("2026-11-30"), 6).iso() == "2027-05-30");
}

TEST_CASE("A trainee is due for specialist two months after the week and is promoted then, not before",
          "[training][R-TRN-11]") {
    Career c;
    CHECK_FALSE(c.listed(due_promotions(c.db(), c.trainer(), pos::CalendarDate::parse("2026-12-08", "d", tr("Date"))),
                         c.trainee));
    const auto due = due_promotions(c.db(), c.trainer(), pos::CalendarDate::parse("2026-12-09", "d", tr("Date")));
    REQUIRE(c.listed(due, c.trainee));
    for (const auto& d : due)
        if (d.staff_id == c.trainee) {
            CHECK(d.since == "2026-12-09");
            CHECK(d.to == pos::CareerLevel::specialist);
        }

    c.db().set_clock(moscow_noon("2026-12-08"));
    CHECK(refusal([&] { promote(c.db(), c.trainer(), c.trainee, pos::CareerLevel::specialist); })
              .find("09.12.2026") != std::string::npos);
    c.db().set_clock(moscow_noon("2026-12-09"));
    // A step cannot be skipped, and a dealer manager does not promote another dealer's people.
    CHECK_FALSE(refusal([&] { promote(c.db(), c.trainer(), c.trainee, pos::CareerLevel::senior_specialist); }).empty());
    CHECK_FALSE(refusal([&] { promote(c.db(), c.other_manager(), c.trainee, pos::CareerLevel::specialist); }).empty());
    CHECK_FALSE(refusal([&] { promote(c.db(), c.specialist(), c.trainee, pos::CareerLevel::specialist); }).empty());
    CHECK(c.count("SELECT count(*) FROM career_change") == 0);

    // The manager sees only his own dealer's people in the list.
    const auto mine = due_promotions(c.db(), c.manager(), pos::CalendarDate::parse("2026-12-09", "d", tr("Date")));
    CHECK(c.listed(mine, c.trainee));
    CHECK_FALSE(c.listed(mine, c.foreign_trainee));

    promote(c.db(), c.manager(), c.trainee, pos::CareerLevel::specialist);
    const pos::StaffMember m = pos::get_staff(c.db(), c.cli, c.trainee);
    CHECK(m.career_level == pos::CareerLevel::specialist);
    CHECK(m.role == pos::Role::specialist);
    CHECK(c.count("SELECT count(*) FROM career_change WHERE to_level = 'specialist' AND changed_by = " +
                  std::to_string(c.manager_id)) == 1);
    CHECK(c.count("SELECT count(*) FROM audit_entry WHERE action = 'career.promote'") == 1);
    // Now the corporate desk is his too (R-TRN-11: a specialist serves B2C and B2B).
    CHECK(refusal([&] { pos::require_may_serve(c.db(), m, pos::ClientKind::corporate_client); }).empty());
}

TEST_CASE("A specialist is due for senior after the set interval and gets the senior's role and permissions",
          "[training][R-TRN-11]") {
    Career c;
    c.db().set_clock(moscow_noon("2026-12-09"));
    promote(c.db(), c.trainer(), c.trainee, pos::CareerLevel::specialist);
    const auto june = pos::CalendarDate::parse("2027-06-09", "d", tr("Date"));
    CHECK(c.listed(due_promotions(c.db(), c.trainer(), june), c.trainee));  // six months unless set
    pos::save_setting_number(c.db(), c.cli, kMonthsToSeniorSetting, 12);
    CHECK_FALSE(c.listed(due_promotions(c.db(), c.trainer(), june), c.trainee));
    c.db().set_clock(moscow_noon("2027-06-09"));
    CHECK_FALSE(refusal([&] { promote(c.db(), c.trainer(), c.trainee, pos::CareerLevel::senior_specialist); }).empty());
    c.db().set_clock(moscow_noon("2027-12-09"));
    const pos::StaffMember before = pos::get_staff(c.db(), c.cli, c.trainee);
    CHECK_FALSE(pos::has_permission(c.db(), before, pos::Permission::refund));
    promote(c.db(), c.trainer(), c.trainee, pos::CareerLevel::senior_specialist);
    const pos::StaffMember m = pos::get_staff(c.db(), c.cli, c.trainee);
    CHECK(m.role == pos::Role::senior_specialist);
    CHECK(m.career_level == pos::CareerLevel::senior_specialist);
    CHECK(pos::has_permission(c.db(), m, pos::Permission::refund));  // permissions follow the role
    CHECK_FALSE(refusal([&] { promote(c.db(), c.trainer(), c.trainee, pos::CareerLevel::senior_specialist); }).empty());
}
