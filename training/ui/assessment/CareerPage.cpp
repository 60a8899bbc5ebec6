#include "training/ui/assessment/CareerPage.hpp"

#include "db/Database.hpp"

#include "pos/ui/FormFields.hpp"
#include "pos/ui/ListColumns.hpp"
#include "training/ui/assessment/AssessmentTexts.hpp"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace salon::ui {

CareerPage::CareerPage(wxWindow* parent, db::Database& db, const pos::Actor& actor)
    : StationPage(parent), db_(db), actor_(actor) {
    SetName("career");
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    list_->SetName("due");
    for (const Text& h : {tr("Full name"), tr("Login"), tr("Dealer"), tr("Salon"), tr("Now"), tr("Due for"), tr("Since")})
        list_->AppendColumn(ui_text(h));
    auto* promote = new wxButton(this, wxID_ANY, ui_text(tr("&Promote")));
    promote->SetName("promote");
    promote->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const long item = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        if (item < 0) return status(ui_text(tr("Choose a person first.")), true);
        const auto d = due_.at(static_cast<std::size_t>(item));
        try {
            training::promote(db_, actor_, d.staff_id, d.to);
            refresh();
            status(ui_text(trf("{1} is now: {2}.", {d.full_name, pos::career_level_title(d.to).str()})), false);
        } catch (...) {
            status(assessment_error_text(), true);
        }
    });
    status_ = new wxStaticText(this, wxID_ANY, wxString());
    status_->SetName("status");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(this, wxID_ANY,
                                ui_text(tr("Due for the next step: a trainee two months after the training week, a "
                                           "specialist after the interval head office sets (R-TRN-11)."))),
               0, wxALL, 8);
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    sizer->Add(promote, 0, wxALL, 8);
    sizer->Add(status_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(sizer);
}

void CareerPage::refresh() {
    list_->DeleteAllItems();
    try {
        due_ = training::due_promotions(db_, actor_, pos::CalendarDate::of_utc(db_.now()));
    } catch (...) {
        due_.clear();
        return status(assessment_error_text(), true);
    }
    for (std::size_t i = 0; i < due_.size(); ++i) {
        const auto& d = due_[i];
        const long item = list_->InsertItem(static_cast<long>(i), wxString::FromUTF8(d.full_name));
        list_->SetItem(item, 1, wxString::FromUTF8(d.login));
        list_->SetItem(item, 2, wxString::FromUTF8(d.dealer_name));
        list_->SetItem(item, 3, wxString::FromUTF8(d.salon_name));
        list_->SetItem(item, 4, ui_text(pos::career_level_title(d.from)));
        list_->SetItem(item, 5, ui_text(pos::career_level_title(d.to)));
        list_->SetItem(item, 6, wxString::FromUTF8(pos::CalendarDate::parse(d.since, "since", tr("Date")).display()));
    }
    fit_columns(list_);
}

}  // namespace salon::ui
