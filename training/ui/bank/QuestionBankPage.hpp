// The entrance test's question bank at the trainer's desk (R-TRN-6): the questions by topic with the
// retired ones apart, a question's versions, adding, a new version and retiring, Moodle XML in and out, and
// the quality of the test over a chosen cohort's attempts with its flags. Every rule is training/core's.
#pragma once

#include "pos/core/organisation/Actor.hpp"
#include "pos/ui/StationPage.hpp"
#include "training/core/bank/ItemAnalysis.hpp"
#include "training/core/bank/QuestionBank.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <vector>

namespace salon::db {
class Database;
}

namespace salon::ui {

class QuestionBankPage : public StationPage {
public:
    QuestionBankPage(wxWindow* parent, db::Database& db, const pos::Actor& actor);
    void refresh() override;
    bool edits_records() const override { return true; }
    void new_record() override { edit(nullptr); }
    void save() override {}

private:
    const training::Question* selected() const;
    void show_selected();
    void edit(const training::Question* current);
    void retire();
    void import_file();
    void export_file();
    void analyse();

    db::Database& db_;
    pos::Actor actor_;
    std::vector<training::Question> in_use_, retired_;
    std::vector<training::AnalysableCohort> cohorts_;
    wxChoice* topic_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxListCtrl* retired_list_ = nullptr;
    wxTextCtrl* details_ = nullptr;
    wxButton* new_version_ = nullptr;
    wxButton* retire_ = nullptr;
    wxChoice* cohort_ = nullptr;
    wxListCtrl* analysis_ = nullptr;
    wxStaticText* summary_ = nullptr;
    bool retired_selected_ = false;
};

}  // namespace salon::ui
