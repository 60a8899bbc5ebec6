#include "pos/ui/RatingFrame.hpp"

#include "db/UserError.hpp"
#include "pos/core/sale/Queue.hpp"
#include "pos/ui/FormFields.hpp"

#include <wx/button.h>
#include <wx/panel.h>
#include <wx/sizer.h>

namespace salon::ui {

RatingFrame::RatingFrame(db::Database& db)
    : wxFrame(nullptr, wxID_ANY, ui_text(tr("Rate the service")), wxDefaultPosition, wxDefaultSize,
              wxCAPTION | wxSTAY_ON_TOP),
      db_(db) {
    auto* panel = new wxPanel(this);
    question_ = new wxStaticText(panel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL);
    question_->SetFont(question_->GetFont().Scaled(1.6f));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    for (int r = 1; r <= 5; ++r) {
        auto* b = new wxButton(panel, wxID_ANY, wxString::Format("%d", r), wxDefaultPosition, FromDIP(wxSize(72, 72)));
        b->SetFont(b->GetFont().Scaled(2.0f).Bold());
        b->Bind(wxEVT_BUTTON, [this, r](wxCommandEvent&) { rate(r); });
        buttons->Add(b, 0, wxALL, 6);
    }
    auto* hint = new wxStaticText(panel, wxID_ANY, ui_text(tr("1 — very poor, 5 — excellent")));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(question_, 0, wxEXPAND | wxALL, 16);
    sizer->Add(buttons, 0, wxALIGN_CENTER);
    sizer->Add(hint, 0, wxALIGN_CENTER | wxALL, 12);
    panel->SetSizer(sizer);
    sizer->SetSizeHints(this);
    panel->Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        const int key = e.GetKeyCode();
        if (key >= '1' && key <= '5') return rate(key - '0');
        if (key >= WXK_NUMPAD1 && key <= WXK_NUMPAD5) return rate(key - WXK_NUMPAD1 + 1);
        e.Skip();
    });
    hide_timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { Hide(); });
}

void RatingFrame::ask(std::int64_t visit_id, const std::string& label) {
    visit_id_ = visit_id;
    question_->SetLabel(ui_text(trf("Ticket {1}: how were you served today?", {label})));
    fit_to_text();
    Show();
    Raise();
    GetChildren().front()->SetFocus();
}

void RatingFrame::rate(int rating) {
    if (!visit_id_) return;
    try {
        pos::rate_visit(db_, visit_id_, rating);
        question_->SetLabel(ui_text(tr("Thank you for your rating.")));
    } catch (const UserError& e) {
        question_->SetLabel(wxString::FromUTF8(e.message()));
    }
    fit_to_text();
    visit_id_ = 0;
    hide_timer_.StartOnce(2000);
}

void RatingFrame::fit_to_text() {
    // The frame was sized before the question had its text: it grows to show the question (with its
    // question mark) and the hint whole, wrapping a long message instead of cutting it.
    question_->Wrap(FromDIP(640));
    wxWindow* panel = GetChildren().front();
    panel->GetSizer()->SetSizeHints(this);
    panel->Layout();
    CentreOnScreen();
}

}  // namespace salon::ui
