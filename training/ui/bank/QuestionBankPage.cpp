#include "training/ui/bank/QuestionBankPage.hpp"

#include "db/UserError.hpp"
#include "pos/ui/FileToRead.hpp"
#include "pos/ui/FormFields.hpp"
#include "training/core/bank/MoodleXml.hpp"
#include "training/core/bank/TariffQuestion.hpp"
#include "training/ui/bank/QuestionDialog.hpp"

#include <wx/dialog.h>
#include <wx/filename.h>
#include <wx/generic/filectrlg.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/wrapsizer.h>

#include <fstream>
#include <iomanip>
#include <iterator>
#include <sstream>

namespace salon::ui {

namespace {

wxString utf8(const std::string& s) { return wxString::FromUTF8(s); }

std::string one_line(const std::string& text, std::size_t max_bytes = 160) {
    std::string out = training::plain_text(text);
    for (auto& c : out)
        if (c == '\n') c = ' ';
    if (out.size() <= max_bytes) return out;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 letters
    return out.substr(0, cut) + "…";
}

std::string figure(const std::optional<double>& v) {
    if (!v) return "—";
    std::ostringstream s;
    s << std::fixed << std::setprecision(2) << *v;
    return s.str();
}

wxListCtrl* question_list(wxWindow* parent) {
    auto* list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    list->AppendColumn(ui_text(tr("No.")), wxLIST_FORMAT_RIGHT, parent->FromDIP(50));
    list->AppendColumn(ui_text(tr("Topic")), wxLIST_FORMAT_LEFT, parent->FromDIP(130));
    list->AppendColumn(ui_text(tr("Kind")), wxLIST_FORMAT_LEFT, parent->FromDIP(140));
    list->AppendColumn(ui_text(tr("Version")), wxLIST_FORMAT_RIGHT, parent->FromDIP(60));
    list->AppendColumn(ui_text(tr("Name")), wxLIST_FORMAT_LEFT, parent->FromDIP(80));
    list->AppendColumn(ui_text(tr("Text")), wxLIST_FORMAT_LEFT, parent->FromDIP(420));
    return list;
}

void fill(wxListCtrl* list, const std::vector<training::Question>& questions) {
    list->DeleteAllItems();
    for (std::size_t i = 0; i < questions.size(); ++i) {
        const auto& q = questions[i];
        const long item = list->InsertItem(static_cast<long>(i), std::to_string(q.id));
        list->SetItem(item, 1, ui_text(training::topic_title(q.topic)));
        list->SetItem(item, 2, ui_text(training::question_kind_title(q.current.kind)));
        list->SetItem(item, 3, std::to_string(q.current.version_no));
        list->SetItem(item, 4, utf8(q.current.name));
        list->SetItem(item, 5, utf8(one_line(q.current.text)));
    }
}

// Where to write the export, chosen in wx's generic file control rather than GTK's chooser (see
// FileToRead.hpp: GIO opening files beside the database costs SQLite its locks).
std::optional<std::string> choose_file_to_write(wxWindow* parent) {
    wxDialog dialog(parent, wxID_ANY, ui_text(tr("Export Moodle XML")), wxDefaultPosition, wxDefaultSize,
                    wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
    auto* files = new wxGenericFileCtrl(&dialog, wxID_ANY, wxGetHomeDir(), "questions.xml",
                                        ui_text(tr("Moodle XML (*.xml)|*.xml")), wxFC_SAVE | wxFC_NOSHOWHIDDEN,
                                        wxDefaultPosition, dialog.FromDIP(wxSize(680, 420)));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(files, 1, wxEXPAND | wxALL, 12);
    sizer->Add(dialog.CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 12);
    dialog.SetSizerAndFit(sizer);
    if (dialog.ShowModal() != wxID_OK || files->GetPath().empty()) return std::nullopt;
    return files->GetPath().utf8_string();
}

long selection_of(const wxListCtrl* list) { return list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); }

}  // namespace

QuestionBankPage::QuestionBankPage(wxWindow* parent, db::Database& db, const pos::Actor& actor)
    : StationPage(parent), db_(db), actor_(actor) {
    topic_ = new wxChoice(this, wxID_ANY);
    topic_->SetName("topic");
    topic_->Append(ui_text(tr("All topics")));
    for (training::Topic t : training::kAllTopics) topic_->Append(ui_text(training::topic_title(t)));
    topic_->SetSelection(0);
    topic_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refresh(); });
    auto* add = new wxButton(this, wxID_ANY, ui_text(tr("&New question…")));
    new_version_ = new wxButton(this, wxID_ANY, ui_text(tr("New &version…")));
    retire_ = new wxButton(this, wxID_ANY, ui_text(tr("&Retire")));
    auto* import = new wxButton(this, wxID_ANY, ui_text(tr("&Import Moodle XML…")));
    auto* exporting = new wxButton(this, wxID_ANY, ui_text(tr("E&xport Moodle XML…")));
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit(nullptr); });
    new_version_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (const auto* q = selected()) edit(q);
    });
    retire_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { retire(); });
    import->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { import_file(); });
    exporting->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { export_file(); });

    list_ = question_list(this);
    list_->SetName("questions");
    retired_list_ = question_list(this);
    retired_list_->SetName("retired");
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) {
        retired_selected_ = false;
        show_selected();
    });
    retired_list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) {
        retired_selected_ = true;
        show_selected();
    });
    details_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                              wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
    details_->SetName("details");

    cohort_ = new wxChoice(this, wxID_ANY);
    cohort_->SetName("cohort");
    cohort_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { analyse(); });
    analysis_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                               wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    analysis_->SetName("analysis");
    analysis_->AppendColumn(ui_text(tr("Question/version")), wxLIST_FORMAT_LEFT, FromDIP(70));
    analysis_->AppendColumn(ui_text(tr("Attempts")), wxLIST_FORMAT_RIGHT, FromDIP(60));
    analysis_->AppendColumn(ui_text(tr("Facility")), wxLIST_FORMAT_RIGHT, FromDIP(60));
    analysis_->AppendColumn(ui_text(tr("Discrimination")), wxLIST_FORMAT_RIGHT, FromDIP(70));
    analysis_->AppendColumn(ui_text(tr("Item–rest")), wxLIST_FORMAT_RIGHT, FromDIP(70));
    analysis_->AppendColumn(ui_text(tr("Flags")), wxLIST_FORMAT_LEFT, FromDIP(220));
    summary_ = new wxStaticText(this, wxID_ANY, wxString());
    summary_->SetName("summary");
    status_ = new wxStaticText(this, wxID_ANY, wxString());

    // The buttons wrap to a second row on a narrow screen rather than push the page past its edge.
    auto* top = new wxWrapSizer(wxHORIZONTAL);
    top->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("Topic:"))), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT | wxBOTTOM, 6);
    top->Add(topic_, 0, wxRIGHT | wxBOTTOM, 16);
    for (wxButton* b : {add, new_version_, retire_, import, exporting}) top->Add(b, 0, wxRIGHT | wxBOTTOM, 6);

    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("In use (drawn for the entrance test):"))), 0, wxBOTTOM, 4);
    left->Add(list_, 3, wxEXPAND | wxBOTTOM, 8);
    left->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("Retired (never drawn; past attempts keep them):"))), 0,
              wxBOTTOM, 4);
    left->Add(retired_list_, 1, wxEXPAND);

    auto* cohort_row = new wxBoxSizer(wxHORIZONTAL);
    cohort_row->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("Quality of the test in the cohort:"))), 0,
                    wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    cohort_row->Add(cohort_, 1);
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("The selected question and its versions:"))), 0, wxBOTTOM, 4);
    right->Add(details_, 1, wxEXPAND | wxBOTTOM, 8);
    right->Add(cohort_row, 0, wxEXPAND | wxBOTTOM, 4);
    right->Add(analysis_, 1, wxEXPAND | wxBOTTOM, 4);
    right->Add(summary_, 0, wxEXPAND);

    // The lists scroll sideways rather than take the width the selected question's text needs.
    list_->SetMinSize(wxSize(FromDIP(320), -1));
    retired_list_->SetMinSize(wxSize(FromDIP(320), -1));
    details_->SetMinSize(wxSize(FromDIP(300), -1));
    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    columns->Add(left, 3, wxEXPAND | wxRIGHT, 8);
    columns->Add(right, 2, wxEXPAND);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxEXPAND | wxALL, 8);
    sizer->Add(status_, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    sizer->Add(columns, 1, wxEXPAND | wxALL, 8);
    SetSizer(sizer);
}

void QuestionBankPage::refresh() {
    in_use_.clear();
    retired_.clear();
    try {
        training::QuestionFilter filter;
        if (topic_->GetSelection() > 0)
            filter.topic = training::kAllTopics.at(static_cast<std::size_t>(topic_->GetSelection() - 1));
        for (auto& q : training::list_questions(db_, actor_, filter)) (q.retired() ? retired_ : in_use_).push_back(std::move(q));
        const std::int64_t keep = cohort_->GetSelection() >= 0 && cohort_->GetSelection() < static_cast<int>(cohorts_.size())
                                      ? cohorts_[static_cast<std::size_t>(cohort_->GetSelection())].id
                                      : 0;
        cohorts_ = training::cohorts_for_analysis(db_, actor_);
        cohort_->Clear();
        int chosen = -1;
        for (std::size_t i = 0; i < cohorts_.size(); ++i) {
            cohort_->Append(ui_text(trf("Week of {1}: {2} submitted attempts",
                                        {cohorts_[i].week_start, std::to_string(cohorts_[i].submitted_attempts)})));
            // The newest cohort with attempts, unless the trainer chose one.
            if (cohorts_[i].id == keep || (keep == 0 && chosen < 0 && cohorts_[i].submitted_attempts > 0))
                chosen = static_cast<int>(i);
        }
        if (chosen < 0 && !cohorts_.empty()) chosen = 0;
        if (chosen >= 0) cohort_->SetSelection(chosen);
    } catch (const UserError& e) {
        status(utf8(e.message()), true);
    }
    fill(list_, in_use_);
    fill(retired_list_, retired_);
    if (!in_use_.empty() && selection_of(list_) < 0) {
        retired_selected_ = false;
        list_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    }
    show_selected();
    analyse();
}

const training::Question* QuestionBankPage::selected() const {
    const auto& rows = retired_selected_ ? retired_ : in_use_;
    const long item = selection_of(retired_selected_ ? retired_list_ : list_);
    if (item < 0 || item >= static_cast<long>(rows.size())) return nullptr;
    return &rows[static_cast<std::size_t>(item)];
}

void QuestionBankPage::show_selected() {
    const training::Question* q = selected();
    new_version_->Enable(q && !q->retired());
    retire_->Enable(q && !q->retired());
    if (!q) return details_->ChangeValue(wxString());
    wxString text;
    try {
        const training::Question full = training::get_question(db_, actor_, q->id);
        text << ui_text(trf("Question {1}: {2}, {3}, version {4}",
                            {std::to_string(full.id), training::topic_title(full.topic).str(), full.current.kind,
                             std::to_string(full.current.version_no)}))
             << "\n" << ui_text(tr("Category")) << ": " << utf8(full.category) << "\n\n";
        if (full.current.kind == "tariff_math") {
            std::mt19937_64 random(static_cast<std::uint64_t>(full.current.id));
            const auto today = training::generate_tariff_question(db_, full.current.body, random);
            text << ui_text(trf("Today ({1}):", {today.on_date})) << "\n" << utf8(today.shown.text) << "\n";
            for (std::size_t i = 0; i < today.shown.options.size(); ++i) {
                bool right = false;
                for (const auto& r : today.shown.right_answer) right = right || r.get<std::size_t>() == i;
                text << (right ? "  ✔ " : "  • ") << utf8(today.shown.options[i]) << "\n";
            }
            text << utf8(today.explanation) << "\n\n";
        }
        for (auto v = full.versions.rbegin(); v != full.versions.rend(); ++v) {
            text << "— " << ui_text(trf("Version {1}", {std::to_string(v->version_no)})) << " (" << utf8(v->kind) << ")\n"
                 << utf8(training::plain_text(v->text)) << "\n"
                 << utf8(training::question_body_as_lines(v->kind, v->body));
            if (!v->explanation.empty())
                text << ui_text(tr("Explanation")) << ": " << utf8(training::plain_text(v->explanation)) << "\n";
            text << "\n";
        }
    } catch (const UserError& e) {
        text << utf8(e.message());
    }
    details_->ChangeValue(text);
}

void QuestionBankPage::edit(const training::Question* current) {
    std::optional<training::Question> copy;
    if (current) copy = *current;
    QuestionDialog dialog(this, copy ? &*copy : nullptr);
    while (dialog.ShowModal() == wxID_OK) {
        try {
            const training::QuestionForm form = dialog.form();
            if (copy) {
                training::edit_question(db_, actor_, copy->id, form);
                status(ui_text(trf("Question {1}: new version saved.", {std::to_string(copy->id)})), false);
            } else {
                const auto id = training::add_question(db_, actor_, form);
                status(ui_text(trf("Question {1} added.", {std::to_string(id)})), false);
            }
            refresh();
            return;
        } catch (const UserError& e) {
            dialog.refuse(utf8(e.message()));
        }
    }
}

void QuestionBankPage::retire() {
    const training::Question* q = selected();
    if (!q) return;
    const std::int64_t id = q->id;
    if (wxMessageBox(ui_text(trf("Retire question {1}? It will not be drawn again; past attempts keep it.",
                                 {std::to_string(id)})),
                     ui_text(tr("Retire")), wxYES_NO | wxNO_DEFAULT, this) != wxYES)
        return;
    try {
        training::retire_question(db_, actor_, id);
        status(ui_text(trf("Question {1} retired.", {std::to_string(id)})), false);
    } catch (const UserError& e) {
        status(utf8(e.message()), true);
    }
    refresh();
}

void QuestionBankPage::import_file() {
    const auto path = choose_file_to_read(this, tr("Moodle XML questions"), tr("Moodle XML (*.xml)|*.xml;*.XML|All files|*"));
    if (!path) return;
    try {
        std::ifstream in(*path, std::ios::binary);
        if (!in) throw ValidationError(tr("File"), trf("cannot read {1}", {*path}));
        in.seekg(0, std::ios::end);
        if (static_cast<std::size_t>(in.tellg()) > training::kMaxMoodleFileBytes)
            throw ValidationError(tr("File"), trf("is larger than {1} MB; nothing was imported",
                                                  {std::to_string(training::kMaxMoodleFileBytes / 1024 / 1024)}));
        in.seekg(0);
        const std::string xml{std::istreambuf_iterator<char>(in), {}};
        const auto report = training::import_moodle_xml(db_, actor_, xml);
        wxString text = ui_text(trf("{1} of {2} questions imported, {3} skipped.",
                                    {std::to_string(report.imported.size()), std::to_string(report.questions),
                                     std::to_string(report.skipped.size())}));
        status(text, false);
        if (!report.skipped.empty()) {
            // Every skipped question is named with its reason: nothing is dropped silently.
            for (const auto& s : report.skipped) text << "\n" << ui_text(trf("skipped «{1}» ({2}): {3}", {s.name, s.type, s.reason}));
            wxMessageBox(text, ui_text(tr("Import Moodle XML")), wxOK | wxICON_INFORMATION, this);
        }
    } catch (const UserError& e) {
        status(utf8(e.message()), true);
    }
    refresh();
}

void QuestionBankPage::export_file() {
    const auto chosen = choose_file_to_write(this);
    if (!chosen) return;
    try {
        const std::string xml = training::export_moodle_xml(db_, actor_);
        const std::string& path = *chosen;
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << xml;
        out.close();
        if (!out) throw ValidationError(tr("File"), trf("cannot write {1}", {path}));
        status(ui_text(trf("Questions written to {1}.", {path})), false);
    } catch (const UserError& e) {
        status(utf8(e.message()), true);
    }
}

void QuestionBankPage::analyse() {
    analysis_->DeleteAllItems();
    summary_->SetLabel(wxString());
    const int chosen = cohort_->GetSelection();
    if (chosen < 0 || chosen >= static_cast<int>(cohorts_.size())) return;
    try {
        const auto s = training::analyse_cohort(db_, actor_, cohorts_[static_cast<std::size_t>(chosen)].id);
        for (std::size_t i = 0; i < s.items.size(); ++i) {
            const auto& item = s.items[i];
            const long row = analysis_->InsertItem(static_cast<long>(i), std::to_string(item.question_id) + "/" +
                                                                             std::to_string(item.version_no));
            analysis_->SetItem(row, 1, std::to_string(item.attempts));
            analysis_->SetItem(row, 2, figure(item.facility));
            analysis_->SetItem(row, 3, figure(item.discrimination));
            analysis_->SetItem(row, 4, figure(item.item_rest));
            wxString flags;
            for (auto f : item.flags) flags << (flags.empty() ? "" : ", ") << ui_text(training::item_flag_title(f));
            analysis_->SetItem(row, 5, flags);
            // Said in words in the last column, not by colour alone.
            if (!item.flags.empty()) analysis_->SetItemTextColour(row, error_colour());
        }
        summary_->SetLabel(ui_text(trf("{1} submitted attempts, mean score {2}, KR-20 {3}.",
                                       {std::to_string(s.attempts), figure(s.mean_score), figure(s.kr20)})));
    } catch (const UserError& e) {
        summary_->SetLabel(utf8(e.message()));
    }
}

}  // namespace salon::ui
