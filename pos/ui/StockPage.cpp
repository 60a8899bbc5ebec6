#include "pos/ui/StockPage.hpp"

#include "db/UserError.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/identifiers/Iccid.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/ui/ChoiceIds.hpp"
#include "pos/ui/FileToRead.hpp"
#include "pos/ui/GadgetStockPanel.hpp"
#include "pos/ui/SalonMoveDialog.hpp"
#include "pos/ui/VirtualList.hpp"
#include "pos/ui/WxLabels.hpp"

#include <wx/dialog.h>
#include <wx/filename.h>
#include <wx/progdlg.h>
#include <wx/sizer.h>
#include <wx/textdlg.h>
#include <wx/utils.h>
#include <wx/wrapsizer.h>

#include <algorithm>
#include <functional>
#include <iterator>

namespace salon::ui {

namespace {

// A long batch (a file of thousands of cards) shows how far its check and its saving have got, and may be
// stopped (nothing is saved then); a short one shows the busy cursor only.
class BatchProgress {
public:
    BatchProgress(wxWindow* parent, std::size_t rows) : rows_(rows) {
        if (rows < kFrom) return;
        dialog_ = std::make_unique<wxProgressDialog>(
            ui_text(tr("SIM cards")), message(0, rows), kSteps, parent,
            wxPD_APP_MODAL | wxPD_AUTO_HIDE | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME | wxPD_REMAINING_TIME);
    }
    pos::IntakeProgress callback() {
        if (!dialog_) return {};
        return [this](std::size_t done, std::size_t total) {
            const int step = total ? static_cast<int>(done * kSteps / total) : kSteps;
            return dialog_->Update(std::min(step, kSteps - 1), message(done, total));
        };
    }

private:
    static constexpr std::size_t kFrom = 2000;
    static constexpr int kSteps = 1000;
    // A check counts the rows once; receiving counts them twice, the second time saving.
    wxString message(std::size_t done, std::size_t total) const {
        const bool saving = total > rows_ && done >= rows_;
        const std::string n = std::to_string(saving ? done - rows_ : done), all = std::to_string(rows_);
        return saving ? ui_text(trf("Saving the cards: {1} of {2}", {n, all}))
                      : ui_text(trf("Checking the cards: {1} of {2}", {n, all}));
    }
    std::size_t rows_;
    std::unique_ptr<wxProgressDialog> dialog_;
};

// The stock list shows at most this many cards; a card beyond them is found with the search box.
constexpr int kCardsShown = 5000;
// The pending list's column of problems.
constexpr int kProblemColumn = 4;

const char* const kFormats[] = {"nano", "triple", "esim"};
const char* const kStatuses[] = {pos::kSimInStock, pos::kSimSold, pos::kSimReplaced, pos::kSimReturned,
                                 pos::kSimDefective};

// `full`: the choice's entry, which says what a triple card breaks into; the lists' column has room for a
// word.
wxString format_title(const std::string& format, bool full = false) {
    if (format == "triple") return ui_text(full ? tr("triple (mini, micro, nano)") : tr("triple"));
    if (format == "nano") return ui_text(pos::sim_format_title(format));
    if (format == "esim") return ui_text(tr("eSIM"));
    return wxString::FromUTF8(format);
}

// A number as people read it; what core stores when it is not a number at all.
wxString number_title(const std::string& e164) {
    if (e164.empty()) return ui_text(tr("blank"));
    try {
        return wxString::FromUTF8(pos::Msisdn::parse(e164).display());
    } catch (const ValidationError&) {
        return wxString::FromUTF8(e164);
    }
}

std::string text_of(const wxTextCtrl* t) { return t->GetValue().utf8_string(); }

bool blank(const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; }

wxTextCtrl* input(wxWindow* parent) {
    return new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
}

wxStaticText* heading(wxWindow* parent, const wxString& text) {
    auto* t = new wxStaticText(parent, wxID_ANY, text);
    t->SetFont(t->GetFont().Bold());
    return t;
}

// Where the selected cards go and why (see ask_salon_move).
bool ask_move(wxWindow* parent, const std::vector<pos::Salon>& destinations, std::size_t count,
              const std::function<void(std::int64_t, const std::string&)>& move) {
    SalonMove what;
    what.title = ui_text(tr("Move SIM cards"));
    what.explanation = ui_text(trn("{1} card goes to another salon.", "{1} cards go to another salon.",
                                   static_cast<long long>(count)));
    for (const auto& s : destinations) what.destinations.emplace_back(s.id, s.name + " — " + s.dealer_name);
    return ask_salon_move(parent, what, move);
}

}  // namespace

StockPage::StockPage(wxWindow* parent, db::Database& db, const pos::Actor& actor, std::int64_t salon_id)
    : StationPage(parent), db_(db), actor_(actor), fixed_salon_(salon_id) {
    build();
}

void StockPage::build() {
    // Whose stock: a salon's own person sees the salon's name, others choose the salon.
    auto* header = new wxBoxSizer(wxHORIZONTAL);
    header->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("Salon:"))), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
                6);
    if (fixed_salon_ != 0) {
        salon_text_ = new wxStaticText(this, wxID_ANY, wxString());
        salon_text_->SetFont(salon_text_->GetFont().Bold());
        header->Add(salon_text_, 0, wxALIGN_CENTER_VERTICAL);
    } else {
        salon_choice_ = new wxChoice(this, wxID_ANY);
        salon_choice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
            intake_->clear_errors();
            for (auto& p : pending_) p.problem.clear();
            list_checked_ = pending_.empty();  // checked for the salon chosen before
            show_pending();
            load_stock();
            gadgets_->show_salon(salon_id(), salons_);
        });
        header->Add(salon_choice_, 0, wxALIGN_CENTER_VERTICAL);
    }
    status_ = new wxStaticText(this, wxID_ANY, wxString());

    // Receiving: the scanner's field, a range, or a file, into the pending list.
    receive_title_ = heading(this, wxString());
    one_by_one_ = new wxRadioButton(this, wxID_ANY, ui_text(tr("&One by one (scanner)")), wxDefaultPosition,
                                    wxDefaultSize, wxRB_GROUP);
    range_ = new wxRadioButton(this, wxID_ANY, ui_text(tr("Ra&nge of consecutive cards")));
    one_by_one_->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { show_mode(); });
    range_->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { show_mode(); });
    auto* modes = new wxBoxSizer(wxHORIZONTAL);
    modes->Add(one_by_one_, 0, wxRIGHT, 16);
    modes->Add(range_);

    intake_ = std::make_unique<FormFields>(this);
    format_ = new wxChoice(this, wxID_ANY);
    for (const char* f : kFormats) format_->Append(format_title(f, true));
    format_->SetSelection(0);
    number_ = input(this);
    number_->SetHint(ui_text(tr("empty: a blank card")));
    iccid_ = input(this);
    iccid_->SetHint(ui_text(tr("scan, or type 19–20 digits and Enter")));
    range_iccid_ = input(this);
    range_count_ = input(this);
    range_number_ = input(this);
    range_number_->SetHint(ui_text(tr("empty: blank cards")));
    intake_->add("format", tr("SIM format"), format_);
    captions_[number_] = intake_->add("msisdn", tr("Phone number"), number_);
    captions_[iccid_] = intake_->add("iccid", tr("ICCID (scan)"), iccid_);
    captions_[range_iccid_] = intake_->add("range_iccid", tr("First ICCID"), range_iccid_);
    captions_[range_count_] = intake_->add("count", tr("Count"), range_count_);
    captions_[range_number_] = intake_->add("range_msisdn", tr("First phone number"), range_number_);
    add_range_ = new wxButton(this, wxID_ANY, ui_text(tr("&Add the range to the list")));
    auto* from_file = new wxButton(this, wxID_ANY, ui_text(tr("From a f&ile…")));
    add_range_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_range(); });
    from_file->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_file(); });
    auto* intake_buttons = new wxBoxSizer(wxHORIZONTAL);
    intake_buttons->Add(add_range_, 0, wxRIGHT, 6);
    intake_buttons->AddStretchSpacer();
    intake_buttons->Add(from_file);

    iccid_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { scan(); });
    number_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { number_entered(); });
    range_iccid_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { range_count_->SetFocus(); });
    range_count_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { range_number_->SetFocus(); });
    range_number_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { add_range(); });

    pending_text_ = new wxStaticText(this, wxID_ANY, wxString());
    pending_list_ = new VirtualList(
        this,
        [this](long row, long column) -> wxString {
            const PendingCard& p = pending_[static_cast<std::size_t>(row)];
            switch (column) {
            case 0: return wxString::Format("%ld", row + 1);
            case 1: return wxString::FromUTF8(p.intake.iccid);
            case 2: return number_title(p.intake.msisdn);
            case 3: return format_title(p.intake.format);
            case 4: return p.problem;
            case 5: return p.source;
            }
            return wxString();
        },
        [this](long row) { return !pending_[static_cast<std::size_t>(row)].problem.empty(); });
    pending_list_->AppendColumn(wxString::FromUTF8("№"), wxLIST_FORMAT_RIGHT);
    pending_list_->AppendColumn(ui_text(tr("ICCID")));
    pending_list_->AppendColumn(ui_text(tr("Phone number")));
    pending_list_->AppendColumn(ui_text(tr("Format")));
    pending_list_->AppendColumn(ui_text(tr("Problem")));
    pending_list_->AppendColumn(ui_text(tr("Source")));
    pending_list_->SetMinSize(FromDIP(wxSize(300, 150)));
    // The selected card's problem in full under the list: the column is often too narrow for it.
    problem_text_ = new wxStaticText(this, wxID_ANY, wxString());
    problem_text_->SetForegroundColour(error_colour());
    pending_list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { show_problem(e.GetIndex()); });
    pending_list_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_DELETE) return remove_selected();
        e.Skip();
    });
    auto* remove = new wxButton(this, wxID_ANY, ui_text(tr("Remo&ve (Delete)")));
    auto* clear = new wxButton(this, wxID_ANY, ui_text(tr("C&lear the list")));
    receive_ = new wxButton(this, wxID_ANY, ui_text(tr("&Receive")));
    receive_->SetFont(receive_->GetFont().Bold());
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { remove_selected(); });
    clear->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        pending_.clear();
        list_checked_ = true;
        show_pending();
        status(wxString(), false);
        iccid_->SetFocus();
    });
    receive_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { receive(); });
    // One row where the column is wide enough; on a 1024-wide screen Receive wraps to a row of its own: the
    // button that saves must never be the one cut off.
    auto* pending_buttons = new wxWrapSizer(wxHORIZONTAL, 0);
    pending_buttons->Add(remove, 0, wxRIGHT | wxBOTTOM, 6);
    pending_buttons->Add(clear, 0, wxRIGHT | wxBOTTOM, 6);
    pending_buttons->Add(receive_, 0, wxBOTTOM, 6);

    auto* intake_column = new wxBoxSizer(wxVERTICAL);
    intake_column->Add(receive_title_, 0, wxBOTTOM, 6);
    intake_column->Add(modes, 0, wxBOTTOM, 8);
    intake_column->Add(intake_->sizer(), 0, wxEXPAND);
    intake_column->Add(intake_buttons, 0, wxEXPAND | wxTOP, 8);
    intake_column->SetMinSize(FromDIP(wxSize(430, -1)));
    pending_text_->SetFont(pending_text_->GetFont().Bold());
    auto* pending_column = new wxBoxSizer(wxVERTICAL);
    pending_column->Add(pending_text_, 0, wxBOTTOM, 6);
    pending_column->Add(pending_list_, 1, wxEXPAND);
    pending_column->Add(problem_text_, 0, wxEXPAND | wxTOP, 4);
    pending_column->Add(pending_buttons, 0, wxEXPAND);  // its buttons keep 6 pixels below them instead

    // The stock: by status, or the one card the search finds; moved or marked defective from here.
    stock_title_ = heading(this, ui_text(tr("Stock")));
    status_filter_ = new wxChoice(this, wxID_ANY);
    status_filter_->Append(ui_text(tr("all statuses")));
    for (const char* s : kStatuses) status_filter_->Append(wxString::FromUTF8(pos::sim_status_title(s)));
    status_filter_->SetSelection(1);
    status_filter_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        search_->ChangeValue(wxString());
        load_stock();
    });
    search_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(240, -1)),
                             wxTE_PROCESS_ENTER);
    search_->SetHint(ui_text(tr("ICCID or number (Ctrl+F), Enter")));
    search_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { search(); });
    auto* filters = new wxBoxSizer(wxHORIZONTAL);
    filters->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("Status:"))), 0,
                 wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    filters->Add(status_filter_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    filters->AddStretchSpacer();
    filters->Add(search_, 0, wxALIGN_CENTER_VERTICAL);
    stock_list_ = new VirtualList(this, [this](long row, long column) -> wxString {
        const pos::SimCard& c = cards_[static_cast<std::size_t>(row)];
        switch (column) {
        case 0: return wxString::FromUTF8(c.iccid);
        case 1: return number_title(c.msisdn);
        case 2: return format_title(c.format);
        case 3: return wxString::FromUTF8(pos::sim_status_title(c.status));
        case 4: {
            const pos::Salon* s = salon(c.salon_id);
            return wxString::FromUTF8(pos::local_date_time(c.received_at, s ? s->time_zone : "UTC"));
        }
        }
        return wxString();
    });
    stock_list_->AppendColumn(ui_text(tr("ICCID")));
    stock_list_->AppendColumn(ui_text(tr("Phone number")));
    stock_list_->AppendColumn(ui_text(tr("Format")));
    stock_list_->AppendColumn(ui_text(tr("Status")));
    stock_list_->AppendColumn(ui_text(tr("Received on")));
    stock_text_ = new wxStaticText(this, wxID_ANY, wxString());
    auto* move = new wxButton(this, wxID_ANY, ui_text(tr("&Move to salon…")));
    auto* defective = new wxButton(this, wxID_ANY, ui_text(tr("&Defective…")));
    move->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { move_selected(); });
    defective->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { mark_selected_defective(); });
    auto* stock_buttons = new wxBoxSizer(wxHORIZONTAL);
    stock_buttons->Add(stock_text_, 1, wxALIGN_CENTER_VERTICAL);
    stock_buttons->Add(move, 0, wxLEFT, 6);
    stock_buttons->Add(defective, 0, wxLEFT, 6);

    auto* stock_column = new wxBoxSizer(wxVERTICAL);
    stock_column->Add(stock_title_, 0, wxBOTTOM, 6);
    stock_column->Add(filters, 0, wxEXPAND | wxBOTTOM, 6);
    stock_column->Add(stock_list_, 1, wxEXPAND);
    stock_column->Add(stock_buttons, 0, wxEXPAND | wxTOP, 8);
    // The salon's gadgets by IMEI under its SIM cards: moved between the dealer's salons, their history.
    gadgets_ = new GadgetStockPanel(this, db_, actor_, [this](const wxString& text, bool error) { status(text, error); });
    stock_list_->SetMinSize(FromDIP(wxSize(-1, 110)));  // room for the gadgets' at 1024×768
    stock_column->Add(gadgets_, 1, wxEXPAND | wxTOP, 8);

    // Receiving above (the form, then the list it fills), the stock below, both as wide as the page.
    auto* receiving = new wxBoxSizer(wxHORIZONTAL);
    receiving->Add(intake_column, 0, wxEXPAND | wxRIGHT, 16);
    receiving->Add(pending_column, 1, wxEXPAND);
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(header, 0, wxEXPAND | wxALL, 8);
    top->Add(status_, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    top->Add(receiving, 1, wxEXPAND | wxALL, 8);
    // Twice the receiving's share: the stock has the SIM cards' list and the gadgets' under it.
    top->Add(stock_column, 2, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(top);

    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        // Ctrl alone: Ctrl+Shift+F is the fiscal registrar's page, which the main window opens.
        if (e.GetKeyCode() == 'F' && e.GetModifiers() == wxMOD_CONTROL) {
            search_->SetFocus();
            return search_->SelectAll();
        }
        e.Skip();
    });
    show_mode();
}

void StockPage::refresh() {
    search_->ChangeValue(wxString());
    try {
        load_salons();
        load_stock();
        gadgets_->show_salon(salon_id(), salons_);
        show_pending();
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
    // Brought forward by a key or from another page, the page is ready for the scanner; a person moving
    // through the navigation keeps the focus there.
    wxWindow* focus = FindFocus();
    if (focus == nullptr || !focus->IsShownOnScreen() || IsDescendant(focus))
        (one_by_one_->GetValue() ? iccid_ : range_iccid_)->SetFocus();
}

void StockPage::load_salons() {
    salons_ = pos::list_salons(db_, actor_);
    const pos::Salon* current = nullptr;
    if (salon_choice_ != nullptr) {
        const std::int64_t chosen = chosen_id(salon_choice_);
        std::vector<std::pair<std::int64_t, std::string>> entries;
        for (const auto& s : salons_)
            entries.emplace_back(
                s.id, s.name + " — " + s.dealer_name + (s.active ? "" : " " + tr("(closed)").str()));
        fill_choice(salon_choice_, entries, chosen);
        if (salon_choice_->GetSelection() == wxNOT_FOUND && !salons_.empty()) salon_choice_->SetSelection(0);
        salon_choice_->InvalidateBestSize();  // as wide as the longest salon's name
        current = salon(chosen_id(salon_choice_));
    } else {
        current = salon(fixed_salon_);
        salon_text_->SetLabel(current ? wxString::FromUTF8(current->name) : wxString());
    }
    receive_title_->SetLabel(current ? ui_text(trf("Receive SIM cards into salon «{1}»", {current->name}))
                                     : ui_text(tr("Receive SIM cards")));
    stock_title_->SetLabel(current ? ui_text(trf("Stock of salon «{1}»", {current->name}))
                                   : ui_text(tr("Stock")));
    Layout();
}

std::int64_t StockPage::salon_id() const {
    return fixed_salon_ != 0 ? fixed_salon_ : chosen_id(salon_choice_);
}

const pos::Salon* StockPage::salon(std::int64_t id) const {
    for (const auto& s : salons_)
        if (s.id == id) return &s;
    return nullptr;
}

std::string StockPage::chosen_format() const {
    const int i = format_->GetSelection();
    return i >= 0 ? kFormats[i] : kFormats[0];
}

void StockPage::show_mode() {
    const bool scanning = one_by_one_->GetValue();
    intake_->clear_errors();
    for (wxWindow* w : {static_cast<wxWindow*>(number_), static_cast<wxWindow*>(iccid_)}) {
        w->Show(scanning);
        captions_[w]->Show(scanning);
    }
    for (wxWindow* w : {range_iccid_, range_count_, range_number_}) {
        w->Show(!scanning);
        captions_[w]->Show(!scanning);
    }
    add_range_->Show(!scanning);
    Layout();
    (scanning ? iccid_ : range_iccid_)->SetFocus();
}

void StockPage::number_entered() {
    const std::string typed = text_of(number_);
    std::size_t digits = 0;
    for (const char c : typed) digits += c >= '0' && c <= '9';
    // The scanner read the card's ICCID while the number field had the focus: it was meant for the ICCID.
    if (digits >= 15) {
        number_->ChangeValue(wxString());
        iccid_->ChangeValue(wxString::FromUTF8(typed));
        return scan();
    }
    intake_->clear_errors();
    if (!blank(typed)) {
        try {
            pos::Msisdn::parse(typed);
        } catch (const ValidationError& e) {
            return refuse("msisdn", wxString::FromUTF8(e.message()));
        }
    }
    iccid_->SetFocus();
    iccid_->SelectAll();
}

void StockPage::scan() {
    intake_->clear_errors();
    const std::string typed = text_of(iccid_);
    if (blank(typed))
        return status(ui_text(tr("Scan a card: the scanner types its ICCID into this field.")), false);
    pos::SimIntake card{typed, text_of(number_), chosen_format(), 0};
    try {
        card.iccid = pos::Iccid::parse(typed).str();
    } catch (const ValidationError& e) {
        return refuse("iccid", wxString::FromUTF8(e.message()));
    }
    if (!blank(card.msisdn)) {
        try {
            card.msisdn = pos::Msisdn::parse(card.msisdn).str();
        } catch (const ValidationError& e) {
            return refuse("msisdn", wxString::FromUTF8(e.message()));
        }
    } else {
        card.msisdn.clear();
    }
    for (std::size_t i = 0; i < pending_.size(); ++i) {
        const std::string row = std::to_string(i + 1);
        if (pending_[i].intake.iccid == card.iccid)
            return refuse("iccid", ui_text(trf("ICCID: already in the list (row {1})", {row})));
        if (!card.msisdn.empty() && pending_[i].intake.msisdn == card.msisdn)
            return refuse("msisdn", ui_text(trf("Phone number: already in the list (row {1})", {row})));
    }
    // What the stock records say about this card (already received, its number live on another card).
    try {
        const auto problems = pos::check_intake(db_, actor_, salon_id(), {card});
        if (!problems.empty())
            return refuse(problems.front().input, wxString::FromUTF8(problems.front().message));
    } catch (const UserError& e) {
        return status(wxString::FromUTF8(e.message()), true);
    }
    pending_.push_back({card, ui_text(tr("scanner")), wxString()});
    show_pending();
    pending_list_->EnsureVisible(static_cast<long>(pending_.size()) - 1);
    status(ui_text(trf("Card {1} is in the list; Receive saves the list.", {card.iccid})), false);
    iccid_->ChangeValue(wxString());
    // Cards with numbers: the next card's number first; blank cards: the next scan.
    if (!card.msisdn.empty()) {
        number_->ChangeValue(wxString());
        number_->SetFocus();
    } else {
        iccid_->SetFocus();
    }
}

void StockPage::refuse(const std::string& key, const wxString& message) {
    wxBell();
    status(wxString(), false);
    if (!intake_->show_error(key, message)) status(message, true);
    // The field keeps what was read, selected: the next scan replaces it.
    wxTextCtrl* field = key == "msisdn" ? number_ : key == "format" ? nullptr : iccid_;
    if (field == nullptr) return format_->SetFocus();
    field->SetFocus();
    field->SelectAll();
}

void StockPage::add_range() {
    intake_->clear_errors();
    long count = 0;
    if (!range_count_->GetValue().Trim().Trim(false).ToLong(&count)) {
        intake_->show_error("count", ui_text(tr("Count: type how many cards, a whole number")));
        return range_count_->SelectAll();
    }
    std::vector<pos::SimIntake> rows;
    try {
        rows = pos::sim_range(text_of(range_iccid_), static_cast<int>(std::clamp(count, -1L, 1000000L)),
                              text_of(range_number_), chosen_format());
    } catch (const pos::InputError& e) {
        const std::string key = e.input() == "iccid"    ? "range_iccid"
                                : e.input() == "msisdn" ? "range_msisdn"
                                                        : e.input();
        if (!intake_->show_error(key, wxString::FromUTF8(e.message())))
            status(wxString::FromUTF8(e.message()), true);
        return;
    }
    std::vector<PendingCard> cards;
    cards.reserve(rows.size());
    for (auto& r : rows) cards.push_back({std::move(r), ui_text(tr("range")), wxString()});
    append(std::move(cards));
    for (wxTextCtrl* t : {range_iccid_, range_count_, range_number_}) t->ChangeValue(wxString());
    range_iccid_->SetFocus();
}

void StockPage::add_file() {
    const auto chosen =
        choose_file_to_read(this, tr("SIM cards from a file"),
                            tr("iccid;msisdn;format lines (*.csv;*.txt)|*.csv;*.txt|All files|*"));
    if (!chosen) return;
    const std::string path = *chosen;
    const wxString name = wxFileName(wxString::FromUTF8(path)).GetFullName();
    std::vector<pos::SimIntake> rows;
    try {
        rows = pos::read_sim_file(path);
    } catch (const UserError& e) {
        return status(wxString::FromUTF8(e.message()), true);
    }
    if (rows.empty()) return status(ui_text(trf("{1} has no cards.", {name.utf8_string()})), true);
    std::vector<PendingCard> cards;
    cards.reserve(rows.size());
    for (auto& r : rows) {
        if (blank(r.format)) r.format = chosen_format();
        const wxString source = ui_text(trf("{1}, line {2}", {name.utf8_string(), std::to_string(r.line)}));
        r.line = 0;
        cards.push_back({std::move(r), source, wxString()});
    }
    append(std::move(cards));
}

void StockPage::append(std::vector<PendingCard> cards) {
    const std::size_t added = cards.size();
    const long first = static_cast<long>(pending_.size());
    pending_.insert(pending_.end(), std::make_move_iterator(cards.begin()),
                    std::make_move_iterator(cards.end()));
    show_pending();
    pending_list_->EnsureVisible(first);
    if (check_pending())
        status(ui_text(trn("{1} card added to the list; Receive saves the list.",
                           "{1} cards added to the list; Receive saves the list.",
                           static_cast<long long>(added))),
               false);
}

bool StockPage::check_pending() {
    wxBusyCursor busy;
    list_checked_ = false;
    std::vector<pos::SimIntake> rows;
    rows.reserve(pending_.size());
    for (const auto& p : pending_) rows.push_back(p.intake);
    try {
        std::vector<pos::IntakeProblem> problems;
        {  // the progress dialog is gone before the list shows the problems
            BatchProgress progress(this, rows.size());
            problems = pos::check_intake(db_, actor_, salon_id(), rows, progress.callback());
        }
        mark_problems(problems);
        list_checked_ = problems.empty();
        return list_checked_;
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
        return false;
    }
}

void StockPage::mark_problems(const std::vector<pos::IntakeProblem>& problems) {
    for (auto& p : pending_) p.problem.clear();
    for (const auto& problem : problems) {
        if (problem.row < 1 || problem.row > static_cast<int>(pending_.size())) continue;
        wxString& text = pending_[static_cast<std::size_t>(problem.row - 1)].problem;
        text << (text.empty() ? "" : "; ") << wxString::FromUTF8(problem.message);
    }
    show_pending();
    long cards = 0, first = -1;
    for (std::size_t i = 0; i < pending_.size(); ++i) {
        if (pending_[i].problem.empty()) continue;
        ++cards;
        if (first < 0) first = static_cast<long>(i);
    }
    if (cards == 0) return;
    pending_list_->select_only(first);
    show_problem(first);
    status(ui_text(trn(
               "{1} card in the list has a problem (in red): remove it (Delete) or fix the file; nothing was "
               "received.",
               "{1} cards in the list have problems (in red): remove them (Delete) or fix the file; nothing "
               "was received.",
               cards)),
           true);
}

void StockPage::remove_selected() {
    const auto rows = pending_list_->selected_rows();
    if (rows.empty()) return status(ui_text(tr("Choose the cards to remove in the list.")), true);
    bool had_problems = false;
    for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
        had_problems |= !pending_[static_cast<std::size_t>(*it)].problem.empty();
        pending_.erase(pending_.begin() + *it);
    }
    show_pending();
    status(ui_text(trn("{1} card removed from the list.", "{1} cards removed from the list.",
                       static_cast<long long>(rows.size()))),
           false);
    // The rows are numbered anew: the problems left are found again for their new rows.
    if (had_problems && !pending_.empty()) check_pending();
    pending_list_->select_only(std::min(rows.front(), static_cast<long>(pending_.size()) - 1));
    pending_list_->SetFocus();
}

void StockPage::receive() {
    if (pending_.empty()) {
        status(ui_text(tr("The list is empty: scan cards, add a range or a file first.")), true);
        return iccid_->SetFocus();
    }
    // Each card was checked as it joined the list; a list not checked clean since is checked now, so its
    // problems show card by card before anything is saved. receive_sims checks again in its transaction.
    if (!list_checked_ && !check_pending()) return;
    wxBusyCursor busy;
    std::vector<pos::SimIntake> rows;
    rows.reserve(pending_.size());
    for (const auto& p : pending_) rows.push_back(p.intake);
    try {
        int count = 0;
        {  // the progress dialog is gone before the page takes the focus back
            BatchProgress progress(this, rows.size());
            count = pos::receive_sims(db_, actor_, salon_id(), rows, progress.callback());
        }
        const pos::Salon* s = salon(salon_id());
        intake_->clear_errors();
        for (wxTextCtrl* t : {number_, iccid_}) t->ChangeValue(wxString());
        pending_.clear();
        show_pending();
        search_->ChangeValue(wxString());
        load_stock();
        status(ui_text(trf("Received {1} SIM cards into salon «{2}».",
                           {std::to_string(count), s ? s->name : ""})),
               false);
        (one_by_one_->GetValue() ? iccid_ : range_iccid_)->SetFocus();
    } catch (const pos::SimIntakeError& e) {
        list_checked_ = false;
        mark_problems(e.problems());
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
}

void StockPage::show_problem(long row) {
    const bool has = row >= 0 && row < static_cast<long>(pending_.size()) &&
                     !pending_[static_cast<std::size_t>(row)].problem.empty();
    problem_text_->SetLabel(
        has ? ui_text(trf("Row {1}: {2}", {std::to_string(row + 1),
                                           pending_[static_cast<std::size_t>(row)].problem.utf8_string()}))
            : wxString());
    problem_text_->Wrap(pending_list_->GetSize().GetWidth() > 0 ? pending_list_->GetSize().GetWidth()
                                                                : FromDIP(500));
    Layout();
}

void StockPage::show_pending() {
    show_problem(-1);
    pending_list_->show_rows(static_cast<long>(pending_.size()));
    pending_list_->fit_columns();
    // The problem column only when a check found one: an empty column is only in the way.
    const bool problems = std::any_of(pending_.begin(), pending_.end(),
                                      [](const PendingCard& p) { return !p.problem.empty(); });
    if (!problems) pending_list_->SetColumnWidth(kProblemColumn, 0);
    pending_text_->SetLabel(ui_text(trf("Cards to receive: {1}", {std::to_string(pending_.size())})));
    receive_->Enable(!pending_.empty());
}

void StockPage::load_stock() {
    searching_ = false;
    cards_.clear();
    const int filter = status_filter_->GetSelection();
    const std::string wanted = filter > 0 ? kStatuses[filter - 1] : "";
    try {
        if (salon_id() != 0) cards_ = pos::list_stock(db_, actor_, salon_id(), wanted, kCardsShown);
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
    stock_list_->show_rows(static_cast<long>(cards_.size()));
    stock_list_->fit_columns();
    if (cards_.size() >= static_cast<std::size_t>(kCardsShown))
        stock_text_->SetLabel(ui_text(
            trf("The first {1} cards received; search finds any card.", {std::to_string(kCardsShown)})));
    else
        stock_text_->SetLabel(ui_text(trf("Cards: {1}", {std::to_string(cards_.size())})));
    Layout();
}

void StockPage::search() {
    const std::string query = text_of(search_);
    if (blank(query)) return load_stock();
    try {
        const auto found = pos::find_sim(db_, actor_, query);
        cards_.clear();
        if (found) cards_.push_back(*found);
        searching_ = true;
        stock_list_->show_rows(static_cast<long>(cards_.size()));
        stock_list_->fit_columns();
        if (!found)
            stock_text_->SetLabel(ui_text(trf("Nothing found for \"{1}\".", {query})));
        else if (found->salon_id != salon_id())
            stock_text_->SetLabel(
                ui_text(trf("The card is in salon «{1}»; empty the search and press Enter for the list.",
                            {found->salon_name})));
        else
            stock_text_->SetLabel(
                ui_text(tr("Found one card; empty the search and press Enter for the list.")));
        if (found) {
            stock_list_->select_only(0);
            status(wxString(), false);
        }
        Layout();
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
        search_->SelectAll();
    }
}

std::vector<std::string> StockPage::selected_iccids() const {
    std::vector<std::string> out;
    for (long row : stock_list_->selected_rows()) out.push_back(cards_[static_cast<std::size_t>(row)].iccid);
    return out;
}

void StockPage::move_selected() {
    const auto iccids = selected_iccids();
    if (iccids.empty())
        return status(ui_text(tr("Choose the cards to move in the stock list (Shift or Ctrl for several).")),
                      true);
    // Core refuses a move across dealers to anyone but head office: only the salons it allows are offered.
    const pos::Salon* from =
        salon(cards_[static_cast<std::size_t>(stock_list_->selected_rows().front())].salon_id);
    std::vector<pos::Salon> destinations;
    for (const auto& s : salons_)
        if (s.active && (!from || s.id != from->id) &&
            (!from || actor_.is_head_office() || s.dealer_id == from->dealer_id))
            destinations.push_back(s);
    if (destinations.empty())
        return status(ui_text(tr("There is no other open salon to move the cards to.")), true);
    std::string moved_to;
    const bool moved =
        ask_move(this, destinations, iccids.size(), [&](std::int64_t to, const std::string& reason) {
            pos::move_sims(db_, actor_, iccids, to, reason);
            for (const auto& s : destinations)
                if (s.id == to) moved_to = s.name;
        });
    if (!moved) return;
    searching_ ? search() : load_stock();
    status(ui_text(trf("SIM cards moved to salon «{1}»: {2}.", {moved_to, std::to_string(iccids.size())})),
           false);
}

void StockPage::mark_selected_defective() {
    const auto iccids = selected_iccids();
    if (iccids.empty())
        return status(ui_text(tr("Choose the cards in the stock list to mark them defective.")), true);
    const wxString question =
        iccids.size() == 1
            ? ui_text(trf("What is wrong with card {1}:", {iccids.front()}))
            : ui_text(trf("What is wrong with the chosen cards ({1}):", {std::to_string(iccids.size())}));
    const wxString reason = text_from_person(question, ui_text(tr("Defective card")), wxString(), this);
    if (reason.empty()) return;
    try {
        pos::mark_defective(db_, actor_, iccids, reason.utf8_string());
        searching_ ? search() : load_stock();
        status(iccids.size() == 1
                   ? ui_text(trf("Card {1} is marked defective.", {iccids.front()}))
                   : ui_text(trf("SIM cards marked defective: {1}.", {std::to_string(iccids.size())})),
               false);
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
}

}  // namespace salon::ui
