// The training centre's demo: a past week run through the centre's own operations — invitations, entrance
// tests, a drop-out, a Monday join, scores, votes, the week closed with certifications — and the coming week
// with its invitations; added once, every journal chain intact.
#include "pos/core/audit/AuditJournal.hpp"
#include "pos/core/demo/DemoData.hpp"
#include "pos/core/sale/SandboxSmsSender.hpp"
#include "tests/pos_core/TestActor.hpp"
#include "training/core/demo/TrainingDemo.hpp"
#include "training/core/invitation/MailOutbox.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace salon;
using namespace salon::training;
using namespace salon::test;

TEST_CASE("The demo runs a past training week to its certifications and invites the coming one",
          "[training][demo][R-TRN-1][R-TRN-3][R-TRN-6][R-TRN-9][R-TRN-10][R-POS-3]") {
    TestDatabase t;
    const pos::Actor cli = command_line(t);
    pos::seed_demo(t.db(), cli, 0);
    pos::SandboxSmsSender sms(std::filesystem::path(t.folder()) / "sms.log");
    SandboxMailSender mail(std::filesystem::path(t.folder()) / "mail");
    const TrainingDemoCounts counts = seed_training_demo(t.db(), cli, sms, mail);
    REQUIRE_FALSE(counts.already_present);
    CHECK(counts.questions >= 80);
    CHECK(counts.cohorts == 2);
    CHECK(counts.attempts == 12);  // every candidate of the past week took the test, one of them on Monday
    CHECK(counts.invitations > counts.candidates);  // SMS and e-mail to most

    // The past week is closed; who passed is certified and may sell (R-POS-3); the others are not.
    long long closed = 0, dropped = 0, monday = 0, certified_passed = 0, passed = 0, deadline = 0;
    t->run("SELECT COUNT(*) FROM cohort WHERE closed_at IS NOT NULL", soci::into(closed));
    t->run("SELECT COUNT(*) FROM candidate WHERE status = 'dropped_out' AND dropped_at IS NOT NULL", soci::into(dropped));
    t->run("SELECT COUNT(*) FROM candidate WHERE joins_on IS NOT NULL", soci::into(monday));
    t->run("SELECT COUNT(*) FROM candidate WHERE status = 'passed'", soci::into(passed));
    t->run("SELECT COUNT(*) FROM candidate c JOIN certification z ON z.staff_id = c.staff_id "
           "WHERE c.status = 'passed' AND z.source = 'training'",
           soci::into(certified_passed));
    t->run("SELECT COUNT(*) FROM attempt WHERE submitted_how = 'deadline'", soci::into(deadline));
    CHECK(closed == 1);
    CHECK(dropped == 1);
    CHECK(monday == 1);
    CHECK(deadline == 1);
    CHECK(passed == counts.certified);
    CHECK(certified_passed == passed);
    CHECK(passed > 0);
    CHECK(passed < 12);

    // Every operation journaled under its person, and the chains hold.
    CHECK(pos::verify(t.db(), cli.audit_key()).intact());

    // Added once.
    CHECK(seed_training_demo(t.db(), cli, sms, mail).already_present);
}
