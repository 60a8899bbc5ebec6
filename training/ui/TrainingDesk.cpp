#include "training/ui/TrainingDesk.hpp"

#include "db/Database.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "db/UserError.hpp"
#include "pos/ui/StationPage.hpp"
#include "pos/ui/FormFields.hpp"
#include "training/ui/bank/QuestionBankPage.hpp"
#include "training/ui/cohort/AttemptsPage.hpp"
#include "training/ui/cohort/CohortsPage.hpp"
#include "training/ui/assessment/AssessmentDayPage.hpp"
#include "training/ui/assessment/CareerPage.hpp"
#include "training/ui/assessment/CohortResultsPage.hpp"

namespace salon::ui {

namespace {
bool may(db::Database& db, const pos::Actor& actor, pos::Permission p) {
    try {
        return actor.may(db, p);
    } catch (const UserError&) {
        return false;
    }
}
}  // namespace

void add_training_pages(wxWindow* book, db::Database& db, const pos::Actor& actor, const TrainingPageSink& add) {
    // Trainers run the centre (run_training); dealers register their candidates and vote (record_votes, R-TRN-4).
    const bool trainer = may(db, actor, pos::Permission::run_training);
    const bool voter = may(db, actor, pos::Permission::record_votes);
    if (!trainer && !voter) return;
    // The pages in the order of the week.
    // The entrance test's question bank and the quality of the test (R-TRN-6).
    if (trainer) add(new QuestionBankPage(book, db, actor), ui_text(tr("Question bank")), "Ctrl+Alt+1");
    // Cohorts, candidates and invitations (R-TRN-1..3, R-TRN-5); the entrance test's attempts (R-TRN-6).
    add(new CohortsPage(book, db, actor), ui_text(tr("Cohorts and candidates")), "Ctrl+Alt+2");
    add(new AttemptsPage(book, db, actor), ui_text(tr("Entrance test attempts")), "Ctrl+Alt+3");
    // The assessment day, its results and the careers that follow (R-TRN-4, R-TRN-7..11).
    add(new AssessmentDayPage(book, db, actor), ui_text(tr("Assessment day")), "Ctrl+Alt+4");
    add(new CohortResultsPage(book, db, actor), ui_text(tr("Week results")), "Ctrl+Alt+5");
    add(new CareerPage(book, db, actor), ui_text(tr("Career")), "Ctrl+Alt+6");
}

}  // namespace salon::ui
