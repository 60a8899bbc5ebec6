#include "training/ui/assessment/CohortResultsPage.hpp"

#include "pos/core/organisation/Permission.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/ListColumns.hpp"
#include "training/ui/assessment/AssessmentTexts.hpp"
#include "training/core/assessment/CohortClosing.hpp"
#include "training/core/assessment/ResultsExport.hpp"

#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace salon::ui {

CohortResultsPage::CohortResultsPage(wxWindow* parent, db::Database& db, const pos::Actor& actor)
    : StationPage(parent), db_(db), actor_(actor) {
    SetName("cohort_results");
    cohort_ = new wxChoice(this, wxID_ANY);
    cohort_->SetName("cohort");
    cohort_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { load(); });
    table_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxBORDER_THEME);
    table_->SetName("results");
    legend_ = new wxStaticText(this, wxID_ANY, wxString());
    auto* xlsx = new wxButton(this, wxID_ANY, ui_text(tr("Export &XLSX…")));
    xlsx->SetName("export_xlsx");
    xlsx->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { export_to(true); });
    auto* pdf = new wxButton(this, wxID_ANY, ui_text(tr("Export &PDF…")));
    pdf->SetName("export_pdf");
    pdf->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { export_to(false); });
    close_ = new wxButton(this, wxID_ANY, ui_text(tr("&Close the week")));
    close_->SetName("close_week");
    close_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (cohort_id() == 0) return;
        if (wxMessageBox(ui_text(tr("Close the week? Who passed is certified and the results become final.")),
                         ui_text(tr("Close the week")), wxYES_NO | wxICON_QUESTION, this) != wxYES)
            return;
        try {
            const training::CohortClosing c = training::close_cohort(db_, actor_, cohort_id());
            wxString text = ui_text(trf("Week closed on {1}: {2} passed, {3} not passed, {4} dropped out.",
                                        {c.closed_on, std::to_string(c.passed.size()), std::to_string(c.not_passed.size()),
                                         std::to_string(c.dropped_out.size())}));
            for (const auto& a : c.opened)
                text += "\n" + ui_text(trf("New account for {1}: login {2}, one-time password {3} (shown once; it must be "
                                           "changed at the first sign-in).",
                                           {a.full_name, a.login, a.one_time_password}));
            // The one-time passwords are shown here once and nowhere else.
            wxMessageBox(text, ui_text(tr("Close the week")), wxOK | wxICON_INFORMATION, this);
            refresh();
            status(ui_text(tr("The week is closed.")), false);
        } catch (...) {
            status(assessment_error_text(), true);
        }
    });
    status_ = new wxStaticText(this, wxID_ANY, wxString());
    status_->SetName("status");

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("Week:"))), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
    top->Add(cohort_, 0);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(xlsx, 0, wxRIGHT, 8);
    buttons->Add(pdf, 0, wxRIGHT, 24);
    buttons->Add(close_);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxALL, 8);
    sizer->Add(table_, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    sizer->Add(legend_, 0, wxEXPAND | wxALL, 8);
    sizer->Add(buttons, 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);
    sizer->Add(status_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(sizer);
}

std::int64_t CohortResultsPage::cohort_id() const {
    const int at = cohort_->GetSelection();
    return at < 0 ? 0 : cohorts_.at(static_cast<std::size_t>(at)).id;
}

void CohortResultsPage::refresh() {
    try {
        close_->Show(actor_.may(db_, pos::Permission::run_training));
        cohorts_ = training::assessed_cohorts(db_, actor_);
        fill_cohort_choice(cohort_, cohorts_);
        load();
    } catch (...) {
        status(assessment_error_text(), true);
    }
    Layout();
}

void CohortResultsPage::load() {
    table_->ClearAll();
    legend_->SetLabel(wxString());
    if (cohort_id() == 0) return;
    training::CohortResults r;
    try {
        r = training::cohort_results(db_, actor_, cohort_id());
    } catch (...) {
        return status(assessment_error_text(), true);
    }
    table_->AppendColumn(ui_text(tr("Candidate")));
    table_->AppendColumn(ui_text(tr("Dealer")));
    table_->AppendColumn(ui_text(tr("Stream")), wxLIST_FORMAT_RIGHT);
    table_->AppendColumn(ui_text(tr("Test, of 16")), wxLIST_FORMAT_RIGHT);
    table_->AppendColumn(ui_text(tr("Test passed")));
    wxString legend;
    for (std::size_t k = 0; k < r.criteria.size(); ++k) {
        table_->AppendColumn(wxString::Format("K%zu", k + 1), wxLIST_FORMAT_RIGHT);
        legend += wxString::Format("K%zu: ", k + 1) + wxString::FromUTF8(r.criteria[k].title) +
                  wxString::Format(" (%d)", r.criteria[k].max_points) + (k + 1 < r.criteria.size() ? ";  " : "");
    }
    table_->AppendColumn(ui_text(tr("Votes: continue")), wxLIST_FORMAT_RIGHT);
    table_->AppendColumn(ui_text(tr("Votes: stop")), wxLIST_FORMAT_RIGHT);
    table_->AppendColumn(ui_text(tr("Decision")));
    table_->AppendColumn(ui_text(tr("Status")));
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
        const auto& c = r.rows[i];
        const long item = table_->InsertItem(static_cast<long>(i), wxString::FromUTF8(c.full_name));
        int col = 1;
        table_->SetItem(item, col++, wxString::FromUTF8(c.dealer_name));
        table_->SetItem(item, col++, c.stream ? wxString::Format("%d", c.stream) : wxString::FromUTF8("—"));
        table_->SetItem(item, col++, c.test_correct ? wxString::Format("%d", *c.test_correct) : wxString::FromUTF8("—"));
        table_->SetItem(item, col++,
                        c.test_passed ? ui_text(*c.test_passed ? tr("yes") : tr("no")) : wxString::FromUTF8("—"));
        for (std::size_t k = 0; k < r.criteria.size(); ++k)
            table_->SetItem(item, col++,
                            c.averages[k] ? one_decimal_text(*c.averages[k]) + (c.disagreements[k] ? " !" : "")
                                          : wxString::FromUTF8("—"));
        table_->SetItem(item, col++, wxString::Format("%d", c.votes_continue));
        table_->SetItem(item, col++, wxString::Format("%d", c.votes_stop));
        table_->SetItem(item, col++, c.decision.empty() ? wxString::FromUTF8("—")
                                     : ui_text(c.decision == "continue" ? tr("continues") : tr("stops")));
        table_->SetItem(item, col++, wxString::FromUTF8(training::status_text(c)));
    }
    fit_columns(table_);
    legend_->SetLabel(legend + "\n" +
                      ui_text(tr("An average marked \"!\" hides raters who differ by more than the rubric's margin.")));
    legend_->Wrap(GetClientSize().GetWidth() - 16);
    Layout();
}

void CohortResultsPage::export_to(bool xlsx) {
    if (cohort_id() == 0) return;
    const wxString wildcard = xlsx ? "XLSX (*.xlsx)|*.xlsx" : "PDF (*.pdf)|*.pdf";
    wxFileDialog dialog(this, ui_text(tr("Export the results")), wxString(),
                        wxString::Format("results-%lld.%s", static_cast<long long>(cohort_id()), xlsx ? "xlsx" : "pdf"),
                        wildcard, wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    const std::string path = dialog.GetPath().utf8_string();
    try {
        training::run_results_export(db_, actor_, {cohort_id(), xlsx ? path : std::string(), xlsx ? std::string() : path});
        status(ui_text(trf("Written: {1}", {path})), false);
    } catch (...) {
        status(assessment_error_text(), true);
    }
}

}  // namespace salon::ui
