#include "training/ui/assessment/AssessmentDayPage.hpp"

#include "pos/ui/FormFields.hpp"
#include "pos/ui/ListColumns.hpp"
#include "training/ui/assessment/AssessmentTexts.hpp"
#include "training/core/assessment/CandidateDecision.hpp"

#include <wx/sizer.h>
#include <wx/stattext.h>

namespace salon::ui {

namespace {
wxString points_text(const std::optional<double>& v) {
    return v ? one_decimal_text(*v) : wxString::FromUTF8("—");
}
}  // namespace

AssessmentDayPage::AssessmentDayPage(wxWindow* parent, db::Database& db, const pos::Actor& actor)
    : StationPage(parent), db_(db), actor_(actor) {
    SetName("assessment_day");
    cohort_ = new wxChoice(this, wxID_ANY);
    cohort_->SetName("cohort");
    cohort_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { load_candidates(); });
    candidate_list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                     wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    candidate_list_->SetName("candidates");
    candidate_list_->AppendColumn(ui_text(tr("Candidate")));
    candidate_list_->AppendColumn(ui_text(tr("Dealer")));
    candidate_list_->AppendColumn(ui_text(tr("Test, of 16")), wxLIST_FORMAT_RIGHT);
    candidate_list_->AppendColumn(ui_text(tr("Votes: continue")), wxLIST_FORMAT_RIGHT);
    candidate_list_->AppendColumn(ui_text(tr("Votes: stop")), wxLIST_FORMAT_RIGHT);
    candidate_list_->AppendColumn(ui_text(tr("Decision")));
    candidate_list_->AppendColumn(ui_text(tr("Status")));
    candidate_list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { load_scores(); });

    score_list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                 wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    score_list_->SetName("scores");
    score_list_->AppendColumn(ui_text(tr("Rubric")));
    score_list_->AppendColumn(ui_text(tr("Criterion")));
    score_list_->AppendColumn(ui_text(tr("Max")), wxLIST_FORMAT_RIGHT);
    score_list_->AppendColumn(ui_text(tr("My points")), wxLIST_FORMAT_RIGHT);
    score_list_->AppendColumn(ui_text(tr("Raters")), wxLIST_FORMAT_RIGHT);
    score_list_->AppendColumn(ui_text(tr("Average")), wxLIST_FORMAT_RIGHT);
    score_list_->AppendColumn(ui_text(tr("Raters differ")));
    score_list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        const auto& s = scores_.at(static_cast<std::size_t>(e.GetIndex()));
        points_->SetRange(0, s.max_points);
        points_->SetValue(s.own ? s.own->points : 0);
        comment_->SetValue(s.own ? wxString::FromUTF8(s.own->comment) : wxString());
    });

    points_ = new wxSpinCtrl(this, wxID_ANY);
    points_->SetName("points");
    comment_ = new wxTextCtrl(this, wxID_ANY);
    comment_->SetName("comment");
    auto* save_score = new wxButton(this, wxID_ANY, ui_text(tr("&Save my score")));
    save_score->SetName("save_score");
    save_score->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const long item = score_list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        if (item < 0) return status(ui_text(tr("Choose a criterion first.")), true);
        const auto criterion = scores_.at(static_cast<std::size_t>(item)).criterion_id;
        act([&] {
            training::record_score(db_, actor_,
                                   {candidate_id(), criterion, points_->GetValue(), comment_->GetValue().utf8_string()});
            return ui_text(tr("Score saved."));
        });
    });

    auto vote_button = [this](const Text& label, const char* name, training::Vote vote) {
        auto* b = new wxButton(this, wxID_ANY, ui_text(label));
        b->SetName(name);
        b->Bind(wxEVT_BUTTON, [this, vote](wxCommandEvent&) {
            act([&] {
                training::cast_vote(db_, actor_, candidate_id(), vote, comment_->GetValue().utf8_string());
                return ui_text(tr("Vote saved."));
            });
        });
        return b;
    };
    auto* go_on = vote_button(tr("Vote: &continue"), "vote_continue", training::Vote::go_on);
    auto* stop = vote_button(tr("Vote: s&top"), "vote_stop", training::Vote::stop);
    auto* decide = new wxButton(this, wxID_ANY, ui_text(tr("Apply the week's &rule")));
    decide->SetName("decide");
    decide->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        act([&] {
            return training::decide(db_, actor_, candidate_id()) == training::Vote::go_on
                       ? ui_text(tr("Decision: the candidate continues."))
                       : ui_text(tr("Decision: the candidate stops."));
        });
    });
    note_ = new wxTextCtrl(this, wxID_ANY);
    note_->SetName("note");
    note_->SetHint(ui_text(tr("note (why he left)")));
    auto* drop = new wxButton(this, wxID_ANY, ui_text(tr("&Dropped out")));
    drop->SetName("drop_out");
    drop->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        act([&] {
            training::record_drop_out(db_, actor_, candidate_id(), note_->GetValue().utf8_string());
            note_->Clear();
            return ui_text(tr("Recorded as dropped out."));
        });
    });
    auto* monday = new wxButton(this, wxID_ANY, ui_text(tr("Joins on &Monday")));
    monday->SetName("join_monday");
    monday->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        act([&] { return ui_text(trf("Joins on {1}.", {training::join_on_monday(db_, actor_, candidate_id())})); });
    });
    status_ = new wxStaticText(this, wxID_ANY, wxString());
    status_->SetName("status");

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("Week:"))), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
    top->Add(cohort_, 0);
    auto* score_row = new wxBoxSizer(wxHORIZONTAL);
    score_row->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("Points:"))), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    score_row->Add(points_, 0, wxRIGHT, 8);
    score_row->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("Comment:"))), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    score_row->Add(comment_, 1, wxRIGHT, 8);
    score_row->Add(save_score);
    auto* vote_row = new wxBoxSizer(wxHORIZONTAL);
    for (wxButton* b : {go_on, stop, decide}) vote_row->Add(b, 0, wxRIGHT, 8);
    vote_row->AddSpacer(16);
    vote_row->Add(note_, 1, wxRIGHT, 8);
    vote_row->Add(drop, 0, wxRIGHT, 8);
    vote_row->Add(monday);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxALL, 8);
    sizer->Add(candidate_list_, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    sizer->Add(score_list_, 1, wxEXPAND | wxALL, 8);
    sizer->Add(score_row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    sizer->Add(vote_row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    sizer->Add(status_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(sizer);
}

template <class Action>
void AssessmentDayPage::act(Action&& action) {
    if (candidate_id() == 0) return status(ui_text(tr("Choose a candidate first.")), true);
    try {
        const wxString done = action();
        const long selected = candidate_list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        load_candidates();
        if (selected >= 0 && selected < candidate_list_->GetItemCount())
            candidate_list_->SetItemState(selected, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
        status(done, false);
    } catch (...) {
        status(assessment_error_text(), true);
    }
}

void AssessmentDayPage::refresh() {
    try {
        cohorts_ = training::assessed_cohorts(db_, actor_);
        fill_cohort_choice(cohort_, cohorts_);
        load_candidates();
    } catch (...) {
        status(assessment_error_text(), true);
    }
}

void AssessmentDayPage::load_candidates() {
    candidate_list_->DeleteAllItems();
    score_list_->DeleteAllItems();
    candidates_.clear();
    scores_.clear();
    const int at = cohort_->GetSelection();
    if (at < 0) return;
    try {
        candidates_ = training::cohort_results(db_, actor_, cohorts_.at(static_cast<std::size_t>(at)).id).rows;
    } catch (...) {
        return status(assessment_error_text(), true);
    }
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
        const auto& c = candidates_[i];
        const long item = candidate_list_->InsertItem(static_cast<long>(i), wxString::FromUTF8(c.full_name));
        candidate_list_->SetItem(item, 1, wxString::FromUTF8(c.dealer_name));
        candidate_list_->SetItem(item, 2, c.test_correct ? wxString::Format("%d", *c.test_correct) : wxString::FromUTF8("—"));
        candidate_list_->SetItem(item, 3, wxString::Format("%d", c.votes_continue));
        candidate_list_->SetItem(item, 4, wxString::Format("%d", c.votes_stop));
        candidate_list_->SetItem(item, 5, c.decision.empty() ? wxString::FromUTF8("—")
                                          : ui_text(c.decision == "continue" ? tr("continues") : tr("stops")));
        candidate_list_->SetItem(item, 6, wxString::FromUTF8(training::status_text(c)));
    }
    fit_columns(candidate_list_);
}

std::int64_t AssessmentDayPage::candidate_id() const {
    const long item = candidate_list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return item < 0 ? 0 : candidates_.at(static_cast<std::size_t>(item)).candidate_id;
}

void AssessmentDayPage::load_scores() {
    score_list_->DeleteAllItems();
    scores_.clear();
    if (candidate_id() == 0) return;
    try {
        scores_ = training::candidate_scores(db_, actor_, candidate_id());
    } catch (...) {
        return status(assessment_error_text(), true);
    }
    for (std::size_t i = 0; i < scores_.size(); ++i) {
        const auto& s = scores_[i];
        const long item = score_list_->InsertItem(static_cast<long>(i), wxString::FromUTF8(s.rubric_title));
        score_list_->SetItem(item, 1, wxString::FromUTF8(s.criterion_title));
        score_list_->SetItem(item, 2, wxString::Format("%d", s.max_points));
        score_list_->SetItem(item, 3, s.own ? wxString::Format("%d", s.own->points) : wxString::FromUTF8("—"));
        score_list_->SetItem(item, 4, wxString::Format("%d", s.rater_count));
        // Blind review: the others' numbers wait until the rater scored the whole rubric himself.
        score_list_->SetItem(item, 5, s.others_hidden ? ui_text(tr("after your scores")) : points_text(s.average));
        score_list_->SetItem(item, 6, s.disagreement ? ui_text(tr("yes, more than the margin")) : wxString());
        if (s.disagreement) score_list_->SetItemTextColour(item, error_colour());
    }
    fit_columns(score_list_);
}

}  // namespace salon::ui
