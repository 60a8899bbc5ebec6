// The assessment day at the trainer's desk (R-TRN-4, R-TRN-7..R-TRN-10): choose the week and a candidate,
// enter your own points per criterion (the others' scores appear once you scored the whole rubric, with the
// disagreements flagged), vote, apply the week's rule, record a drop-out or a Monday join. Shows and
// collects only: every rule is training/core's.
#pragma once

#include "pos/core/organisation/Actor.hpp"
#include "pos/ui/StationPage.hpp"
#include "training/core/assessment/AssessmentScore.hpp"
#include "training/core/assessment/CohortResults.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>

#include <vector>

namespace salon::db {
class Database;
}

namespace salon::ui {

class AssessmentDayPage : public StationPage {
public:
    AssessmentDayPage(wxWindow* parent, db::Database& db, const pos::Actor& actor);
    void refresh() override;

private:
    void load_candidates();
    void load_scores();
    std::int64_t candidate_id() const;
    template <class Action>
    void act(Action&& action);

    db::Database& db_;
    pos::Actor actor_;
    std::vector<training::AssessedCohort> cohorts_;
    std::vector<training::CandidateResult> candidates_;
    std::vector<training::CriterionScores> scores_;
    wxChoice* cohort_ = nullptr;
    wxListCtrl* candidate_list_ = nullptr;
    wxListCtrl* score_list_ = nullptr;
    wxSpinCtrl* points_ = nullptr;
    wxTextCtrl* comment_ = nullptr;
    wxTextCtrl* note_ = nullptr;
};

}  // namespace salon::ui
