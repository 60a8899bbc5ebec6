#include "training/ui/cohort/CohortsPage.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/Dealer.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/sale/SandboxSmsSender.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/ListColumns.hpp"
#include "training/core/assessment/CandidateDecision.hpp"
#include "training/core/cohort/Candidate.hpp"
#include "training/core/cohort/Cohort.hpp"
#include "training/core/invitation/Invitation.hpp"
#include "training/core/invitation/MailOutbox.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>

#include <map>

namespace salon::ui {

namespace {
wxString u(const std::string& s) { return wxString::FromUTF8(s); }

wxString state_text(const training::Invitation& i) {
    Text state = i.state == "sent" ? tr("sent") : i.state == "failed" ? tr("failed") : tr("queued");
    wxString out = ui_text(state);
    if (i.state == "sent" && i.sender == "sandbox") out += " (" + ui_text(tr("sandbox")) + ")";
    if (i.state == "failed" && !i.last_error.empty()) out += ": " + u(i.last_error);
    return out;
}
}  // namespace

CohortsPage::CohortsPage(wxWindow* parent, db::Database& db, const pos::Actor& actor)
    : StationPage(parent), db_(db), actor_(actor) {
    try {
        trainer_ = actor_.may(db_, pos::Permission::run_training);
    } catch (const UserError&) {
        trainer_ = false;
    }
    auto* sizer = new wxBoxSizer(wxVERTICAL);

    cohorts_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 130)),
                              wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator, "cohorts");
    for (const Text& h : {tr("Week"), tr("Candidates"), tr("Streams"), tr("Vote rule")})
        cohorts_->AppendColumn(ui_text(h));
    cohorts_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { show_candidates(); });
    sizer->Add(cohorts_, 0, wxEXPAND | wxALL, 8);

    if (trainer_) {
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        week_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(120, -1)), 0,
                               wxDefaultValidator, "cohort_week");
        week_->SetHint(ui_text(tr("Friday")));
        capacity_ =
            new wxSpinCtrl(this, wxID_ANY, "40", wxDefaultPosition, FromDIP(wxSize(130, -1)), wxSP_ARROW_KEYS,
                           1, training::kMaxCohortCapacity, training::kMaxCohortCapacity);
        auto* create = new wxButton(this, wxID_ANY, ui_text(tr("New cohort")), wxDefaultPosition,
                                    wxDefaultSize, 0, wxDefaultValidator, "cohort_create");
        create->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { create_cohort(); });
        row->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("Week"))), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
                 6);
        row->Add(week_, 0, wxRIGHT, 12);
        row->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("Capacity"))), 0,
                 wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
        row->Add(capacity_, 0, wxRIGHT, 12);
        row->Add(create, 0);
        sizer->Add(row, 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);
    }

    candidates_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 200)),
                                 wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator, "candidates");
    for (const Text& h :
         {tr("Full name"), tr("Dealer"), tr("Stream"), tr("Code"), tr("Interview"), tr("SMS"), tr("E-mail")})
        candidates_->AppendColumn(ui_text(h));
    sizer->Add(candidates_, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);

    form_ = new FormFields(this);
    dealer_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0,
                           wxDefaultValidator, "candidate_dealer");
    name_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(320, -1)), 0,
                           wxDefaultValidator, "candidate_name");
    phone_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(200, -1)), 0,
                            wxDefaultValidator, "candidate_phone");
    email_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(260, -1)), 0,
                            wxDefaultValidator, "candidate_email");
    interview_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(120, -1)), 0,
                                wxDefaultValidator, "candidate_interview");
    notes_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(420, 50)),
                            wxTE_MULTILINE, wxDefaultValidator, "candidate_notes");
    form_->add("dealer", tr("Dealer"), dealer_);
    form_->add("name", tr("Full name"), name_);
    form_->add("phone", tr("Phone"), phone_);
    form_->add("email", tr("E-mail"), email_);
    interview_->SetHint("ДД.ММ.ГГГГ");
    form_->add("interview_date", tr("Interview date"), interview_);
    form_->add("notes", tr("Notes"), notes_);
    sizer->Add(form_->sizer(), 0, wxALL, 8);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* add = new wxButton(this, wxID_ANY, ui_text(tr("Register the candidate")), wxDefaultPosition,
                             wxDefaultSize, 0, wxDefaultValidator, "candidate_add");
    auto* invite = new wxButton(this, wxID_ANY, ui_text(tr("Send invitations")), wxDefaultPosition,
                                wxDefaultSize, 0, wxDefaultValidator, "cohort_invite");
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { register_candidate(); });
    invite->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { send_invitations(); });
    buttons->Add(add, 0, wxRIGHT, 8);
    buttons->Add(invite, 0);
    sizer->Add(buttons, 0, wxLEFT | wxRIGHT, 8);
    status_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "status");
    sizer->Add(status_, 0, wxALL, 8);
    SetSizer(sizer);
}

std::int64_t CohortsPage::chosen_cohort() const {
    const long i = cohorts_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return i >= 0 && i < static_cast<long>(cohort_ids_.size()) ? cohort_ids_[i] : 0;
}

void CohortsPage::refresh() {
    const auto keep = chosen_cohort();
    cohorts_->DeleteAllItems();
    cohort_ids_.clear();
    dealer_->Clear();
    dealer_ids_.clear();
    try {
        for (const auto& c : training::list_cohorts(db_, actor_)) {
            const long i = cohorts_->InsertItem(cohorts_->GetItemCount(),
                                                u(training::CohortWeek::stored(c.week_start).display()));
            cohorts_->SetItem(i, 1, wxString::Format("%d / %d", c.candidates, c.capacity));
            cohorts_->SetItem(i, 2, ui_text(c.split ? tr("two streams") : tr("one group")));
            cohorts_->SetItem(i, 3, ui_text(training::vote_rule_title(training::vote_rule_from_string(c.vote_rule))));
            cohort_ids_.push_back(c.id);
        }
        for (const auto& d : pos::list_dealers(db_, actor_))
            if (actor_.sees_dealer(d.id)) {
                dealer_->Append(u(d.name));
                dealer_ids_.push_back(d.id);
            }
        if (dealer_ids_.size() == 1) dealer_->SetSelection(0);
    } catch (const UserError& e) {
        status(u(e.message()), true);
    }
    fit_columns(cohorts_);
    long select = cohort_ids_.empty() ? -1 : 0;
    for (std::size_t i = 0; i < cohort_ids_.size(); ++i)
        if (cohort_ids_[i] == keep) select = static_cast<long>(i);
    if (select >= 0) cohorts_->SetItemState(select, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    show_candidates();
}

void CohortsPage::show_candidates() {
    candidates_->DeleteAllItems();
    const auto cohort = chosen_cohort();
    if (!cohort) return;
    try {
        std::map<std::int64_t, std::map<std::string, wxString>> invited;
        for (const auto& i : training::list_invitations(db_, actor_, cohort))
            invited[i.candidate_id][i.channel] = state_text(i);
        for (const auto& c : training::list_candidates(db_, actor_, cohort)) {
            const long i = candidates_->InsertItem(candidates_->GetItemCount(), u(c.full_name));
            candidates_->SetItem(i, 1, u(c.dealer_name));
            candidates_->SetItem(i, 2, c.stream ? wxString::Format("%d", c.stream) : wxString("—"));
            candidates_->SetItem(i, 3, u(c.kiosk_code));
            candidates_->SetItem(
                i, 4,
                u(pos::CalendarDate::parse(c.interview_date, "interview_date", tr("Interview date"))
                      .display()));
            candidates_->SetItem(i, 5,
                                 c.phone.empty()              ? wxString("—")
                                 : invited[c.id].count("sms") ? invited[c.id]["sms"]
                                                              : ui_text(tr("not invited")));
            candidates_->SetItem(i, 6,
                                 c.email.empty()                ? wxString("—")
                                 : invited[c.id].count("email") ? invited[c.id]["email"]
                                                                : ui_text(tr("not invited")));
        }
    } catch (const UserError& e) {
        status(u(e.message()), true);
    }
    fit_columns(candidates_);
}

void CohortsPage::create_cohort() {
    try {
        training::CohortForm f;
        f.week = week_->GetValue().utf8_string();
        f.capacity = capacity_->GetValue();
        training::create_cohort(db_, actor_, f);
        week_->Clear();
        refresh();
        status(ui_text(tr("The cohort is created.")), false);
    } catch (const UserError& e) {
        status(u(e.message()), true);
        week_->SetFocus();
    }
}

void CohortsPage::register_candidate() {
    form_->clear_errors();
    const auto cohort = chosen_cohort();
    if (!cohort) return status(ui_text(tr("Choose a cohort first.")), true);
    training::CandidateForm f;
    f.cohort_id = cohort;
    const int d = dealer_->GetSelection();
    f.dealer_id = d >= 0 ? dealer_ids_[d] : 0;
    f.full_name = name_->GetValue().utf8_string();
    f.phone = phone_->GetValue().utf8_string();
    f.email = email_->GetValue().utf8_string();
    f.interview_date = interview_->GetValue().utf8_string();
    f.notes = notes_->GetValue().utf8_string();
    try {
        const auto id = training::add_candidate(db_, actor_, f);
        const auto c = training::get_candidate(db_, actor_, id);
        for (auto* t : {name_, phone_, email_, interview_, notes_}) t->Clear();
        refresh();
        status(ui_text(trf("{1} is registered; kiosk code {2}.", {c.full_name, c.kiosk_code})), false);
    } catch (const pos::InputError& e) {
        if (!form_->show_error(e.input(), u(e.message()))) status(u(e.message()), true);
        Layout();
    } catch (const UserError& e) {
        status(u(e.message()), true);
    }
}

void CohortsPage::send_invitations() {
    const auto cohort = chosen_cohort();
    if (!cohort) return status(ui_text(tr("Choose a cohort first.")), true);
    try {
        const int queued = training::invite_cohort(db_, actor_, cohort);
        // The shipped senders are sandboxes (an SMS log, a mail folder): the page says so.
        pos::SandboxSmsSender sms;
        training::SandboxMailSender mail;
        training::deliver_invitations(db_, sms, mail);
        show_candidates();
        status(
            ui_text(trf(
                "{1} invitations sent through the sandbox senders (nothing reaches a real phone or mailbox).",
                {std::to_string(queued)})),
            false);
    } catch (const UserError& e) {
        status(u(e.message()), true);
    }
}

}  // namespace salon::ui
