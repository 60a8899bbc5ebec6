#include "pos/ui/RecordEditorPage.hpp"

#include "db/UserError.hpp"
#include "pos/core/common/FormInput.hpp"

#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>

namespace salon::ui {

namespace {
constexpr int kSavedShownMs = 3000;
wxColour saved_colour() { return wxColour(0x1E, 0x7B, 0x34); }
}  // namespace

RecordEditorPage::RecordEditorPage(wxWindow* parent, db::Database& db, const pos::Actor& actor,
                                   Text adding_title, Text editing_title)
    : StationPage(parent),
      db_(db),
      actor_(actor),
      adding_title_(std::move(adding_title)),
      editing_title_(std::move(editing_title)),
      list_(new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME)),
      form_panel_(new wxPanel(this)),
      fields_(form_panel_) {
    heading_ = new wxStaticText(form_panel_, wxID_ANY, ui_text(adding_title_));
    heading_->SetFont(heading_->GetFont().Bold().Scaled(1.15f));
    status_timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { show_status(wxString(), false); });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        if (!filling_) on_row_selected(static_cast<std::int64_t>(e.GetData()));
    });
    // Whatever the person types or picks in the form marks it changed (the inputs' events rise to the panel),
    // so New does not throw the typing away unasked.
    for (const auto type : {wxEVT_TEXT, wxEVT_CHOICE, wxEVT_CHECKBOX, wxEVT_RADIOBUTTON, wxEVT_COMBOBOX})
        form_panel_->Bind(type, [this](wxCommandEvent& e) {
            e.Skip();
            if (!filling_ && !loading_) typed_ = true;
        });
}

void RecordEditorPage::finish(const std::vector<Column>& columns) {
    for (std::size_t i = 0; i < columns.size(); ++i)
        list_->AppendColumn(ui_text(columns[i].title), wxLIST_FORMAT_LEFT, FromDIP(columns[i].width));

    auto* new_button = new wxButton(form_panel_, wxID_NEW, ui_text(tr("New (Ctrl+N)")));
    auto* save_button = new wxButton(form_panel_, wxID_SAVE, ui_text(tr("Save (Ctrl+S)")));
    new_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { new_record(); });
    save_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(new_button, 0, wxRIGHT, 8);
    buttons->Add(save_button);

    status_ = new wxStaticText(form_panel_, wxID_ANY, wxString());

    auto* form = new wxBoxSizer(wxVERTICAL);
    form->Add(heading_, 0, wxBOTTOM, 12);
    form->Add(fields_.sizer(), 0, wxEXPAND);
    form->Add(buttons, 0, wxALIGN_RIGHT | wxTOP, 16);
    form->Add(status_, 0, wxEXPAND | wxTOP, 8);
    form_panel_->SetSizer(form);

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(list_, 1, wxEXPAND | wxALL, 8);
    top->AddSpacer(8);
    top->Add(form_panel_, 0, wxEXPAND | wxTOP | wxBOTTOM | wxRIGHT, 8);
    form_panel_->SetMinSize(FromDIP(wxSize(380, -1)));
    SetSizer(top);

    set_editing(0);
    refresh();
}

void RecordEditorPage::refresh() {
    try {
        reload_choices();
        fill_list();
    } catch (const UserError& e) {
        show_status(wxString::FromUTF8(e.message()), true);
    } catch (const std::exception& e) {
        show_status(ui_text(trf("Unexpected error: {1}", {e.what()})), true);
    }
}

void RecordEditorPage::fill_list() {
    const std::vector<Row> rows = load_rows();
    filling_ = true;
    list_->Freeze();
    list_->DeleteAllItems();
    for (const Row& row : rows) {
        const long index = list_->InsertItem(list_->GetItemCount(), wxString::FromUTF8(row.cells.at(0)));
        for (std::size_t c = 1; c < row.cells.size(); ++c)
            list_->SetItem(index, static_cast<int>(c), wxString::FromUTF8(row.cells[c]));
        list_->SetItemPtrData(index, static_cast<wxUIntPtr>(row.id));
    }
    // Columns as wide as their longest cell (or header), so names are read whole; the list scrolls sideways
    // when the window is narrow.
    for (int c = 0; c < list_->GetColumnCount(); ++c) {
        list_->SetColumnWidth(c, wxLIST_AUTOSIZE_USEHEADER);
        const int header = list_->GetColumnWidth(c);
        list_->SetColumnWidth(c, wxLIST_AUTOSIZE);
        if (list_->GetColumnWidth(c) < header || rows.empty()) list_->SetColumnWidth(c, header);
    }
    list_->Thaw();
    if (editing_id_ != 0) select_row(editing_id_);
    filling_ = false;
}

void RecordEditorPage::select_row(std::int64_t id) {
    const long index = list_->FindItem(-1, static_cast<wxUIntPtr>(id));
    if (index == wxNOT_FOUND) return;
    list_->SetItemState(index, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                        wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    list_->EnsureVisible(index);
}

void RecordEditorPage::on_row_selected(std::int64_t id) {
    fields_.clear_errors();
    show_status(wxString(), false);
    try {
        loading_ = true;
        load_form(id);
        loading_ = false;
        typed_ = false;
        set_editing(id);
    } catch (const UserError& e) {
        loading_ = false;
        show_status(wxString::FromUTF8(e.message()), true);
    }
}

void RecordEditorPage::new_record() {
    if (typed_) {
        wxMessageDialog ask(this, ui_text(tr("The form holds changes that are not saved. Discard them and start a new record?")),
                            ui_text(tr("New record")), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
        ask.SetYesNoLabels(ui_text(tr("Discard and start anew")), ui_text(tr("Keep editing")));
        if (ask.ShowModal() != wxID_YES) return;
    }
    fields_.clear_errors();
    show_status(wxString(), false);
    filling_ = true;
    for (long i = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); i != -1;
         i = list_->GetNextItem(i, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED))
        list_->SetItemState(i, 0, wxLIST_STATE_SELECTED);
    filling_ = false;
    set_editing(0);
    loading_ = true;
    clear_form();
    loading_ = false;
    typed_ = false;
}

void RecordEditorPage::save() {
    fields_.clear_errors();
    show_status(wxString(), false);
    try {
        const std::int64_t id = save_form(editing_id_);
        set_editing(id);
        refresh();
        loading_ = true;
        load_form(id);  // shows the values as stored (trimmed, normalised)
        loading_ = false;
        typed_ = false;
        show_status(ui_text(tr("Saved")), false);
        status_timer_.StartOnce(kSavedShownMs);
    } catch (const pos::InputError& e) {
        loading_ = false;
        const wxString message = wxString::FromUTF8(e.message());
        if (!fields_.show_error(e.input(), message)) show_status(message, true);
    } catch (const UserError& e) {
        loading_ = false;
        show_status(wxString::FromUTF8(e.message()), true);
    } catch (const std::exception& e) {
        loading_ = false;
        show_status(ui_text(trf("Unexpected error: {1}", {e.what()})), true);
    }
}

void RecordEditorPage::set_editing(std::int64_t id) {
    editing_id_ = id;
    heading_->SetLabelText(ui_text(id == 0 ? adding_title_ : editing_title_));
    adding_changed(id == 0);
}

void RecordEditorPage::show_status(const wxString& text, bool is_error) {
    status_timer_.Stop();
    status_->SetForegroundColour(is_error ? error_colour() : saved_colour());
    status_->SetLabelText(text);
    status_->Wrap(form_panel_->GetClientSize().GetWidth() > 0 ? form_panel_->GetClientSize().GetWidth()
                                                              : FromDIP(440));
    form_panel_->Layout();
}

}  // namespace salon::ui
