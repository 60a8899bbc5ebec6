#include "training/ui/cohort/AttemptsPage.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/ListColumns.hpp"
#include "training/core/attempt/Attempt.hpp"
#include "training/core/cohort/Cohort.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>

namespace salon::ui {

namespace {
wxString u(const std::string& s) { return wxString::FromUTF8(s); }
wxString clock_text(std::int64_t s) {
    return wxString::Format("%lld:%02lld", static_cast<long long>(s / 60), static_cast<long long>(s % 60));
}
Text how_text(const std::string& how) {
    if (how == "candidate") return tr("finished by the candidate");
    if (how == "deadline") return tr("submitted at the deadline");
    return tr("finished after the deadline (kiosk lost)");
}
}  // namespace

AttemptsPage::AttemptsPage(wxWindow* parent, db::Database& db, const pos::Actor& actor)
    : StationPage(parent), db_(db), actor_(actor) {
    try {
        trainer_ = actor_.may(db_, pos::Permission::run_training);
    } catch (const UserError&) {
        trainer_ = false;
    }
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    cohort_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0,
                           wxDefaultValidator, "attempts_cohort");
    cohort_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { show_attempts(); });
    auto* reread = new wxButton(this, wxID_ANY, ui_text(tr("Refresh")));
    reread->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { show_attempts(); });
    top->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("Cohort"))), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
             6);
    top->Add(cohort_, 0, wxRIGHT, 8);
    top->Add(reread, 0);
    sizer->Add(top, 0, wxALL, 8);

    attempts_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                               wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator, "attempts");
    for (const Text& h : {tr("Candidate"), tr("Kiosk"), tr("Time left"), tr("Answered"), tr("Result")})
        attempts_->AppendColumn(ui_text(h));
    sizer->Add(attempts_, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);

    if (trainer_) {
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        minutes_ = new wxSpinCtrl(this, wxID_ANY, "5", wxDefaultPosition, FromDIP(wxSize(130, -1)),
                                  wxSP_ARROW_KEYS, 1, 60, 5);
        reason_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(320, -1)), 0,
                                 wxDefaultValidator, "grant_reason");
        reason_->SetHint(ui_text(tr("What happened (the outage)")));
        auto* button = new wxButton(this, wxID_ANY, ui_text(tr("Grant extra time")), wxDefaultPosition,
                                    wxDefaultSize, 0, wxDefaultValidator, "grant");
        button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { grant(); });
        row->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("Minutes"))), 0,
                 wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
        row->Add(minutes_, 0, wxRIGHT, 8);
        row->Add(reason_, 0, wxRIGHT, 8);
        row->Add(button, 0);
        sizer->Add(row, 0, wxALL, 8);
    }
    status_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "status");
    sizer->Add(status_, 0, wxALL, 8);
    SetSizer(sizer);
    // The time left moves while the page is open; re-read every few seconds while it is shown.
    ticker_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        if (IsShownOnScreen()) show_attempts();
    });
    ticker_.Start(5000);
}

void AttemptsPage::refresh() {
    const int keep = cohort_->GetSelection();
    cohort_->Clear();
    cohort_ids_.clear();
    try {
        for (const auto& c : training::list_cohorts(db_, actor_)) {
            cohort_->Append(u(training::CohortWeek::stored(c.week_start).display()));
            cohort_ids_.push_back(c.id);
        }
    } catch (const UserError& e) {
        status(u(e.message()), true);
    }
    if (!cohort_ids_.empty())
        cohort_->SetSelection(keep >= 0 && keep < static_cast<int>(cohort_ids_.size()) ? keep : 0);
    show_attempts();
}

void AttemptsPage::show_attempts() {
    const long keep = attempts_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    attempts_->DeleteAllItems();
    attempt_ids_.clear();
    const int c = cohort_->GetSelection();
    if (c < 0) return;
    try {
        for (const auto& a : training::list_attempts(db_, actor_, cohort_ids_[c])) {
            const long i = attempts_->InsertItem(attempts_->GetItemCount(), u(a.candidate_name));
            attempts_->SetItem(i, 1, u(a.kiosk));
            attempts_->SetItem(i, 2, a.submitted() ? wxString("—") : clock_text(a.seconds_left()));
            attempts_->SetItem(i, 3,
                               wxString::Format("%d / %d", a.answered(), training::kQuestionsPerAttempt));
            attempts_->SetItem(i, 4,
                               a.submitted()
                                   ? ui_text(trf("{1} of {2}, {3}: {4}",
                                                 {std::to_string(a.correct_count),
                                                  std::to_string(training::kQuestionsPerAttempt),
                                                  a.passed ? tr("passed").str() : tr("not passed").str(),
                                                  how_text(a.submitted_how).str()}))
                                   : ui_text(tr("the test is under way")));
            attempt_ids_.push_back(a.id);
        }
    } catch (const UserError& e) {
        status(u(e.message()), true);
    }
    fit_columns(attempts_);
    if (keep >= 0 && keep < attempts_->GetItemCount())
        attempts_->SetItemState(keep, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
}

void AttemptsPage::grant() {
    const long i = attempts_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (i < 0 || i >= static_cast<long>(attempt_ids_.size()))
        return status(ui_text(tr("Choose an attempt first.")), true);
    try {
        const auto a = training::grant_extra_time(db_, actor_, attempt_ids_[i], minutes_->GetValue(),
                                                  reason_->GetValue().utf8_string());
        reason_->Clear();
        show_attempts();
        status(ui_text(trf("Extra time granted: {1} left.", {clock_text(a.seconds_left()).utf8_string()})),
               false);
    } catch (const UserError& e) {
        status(u(e.message()), true);
    }
}

}  // namespace salon::ui
