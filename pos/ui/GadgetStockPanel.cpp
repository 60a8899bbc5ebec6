#include "pos/ui/GadgetStockPanel.hpp"

#include "db/UserError.hpp"
#include "pos/core/catalog/GadgetMovement.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/SalonMoveDialog.hpp"
#include "pos/ui/VirtualList.hpp"

#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>

namespace salon::ui {

namespace {

// The list shows the salon's devices on hand and those that left it (sold, written off) up to this many; a
// device beyond them is found by its IMEI.
constexpr int kUnitsShown = 2000;

// The device's history, oldest first, with times in the time zone of the salon it is in now.
void show_history_dialog(wxWindow* parent, const pos::GadgetHistory& h, const std::string& time_zone) {
    wxDialog dialog(parent, wxID_ANY, ui_text(trf("History of IMEI {1}", {h.unit.imei})), wxDefaultPosition,
                    wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
    auto* about = new wxStaticText(
        &dialog, wxID_ANY,
        ui_text(trf("{1}: {2} in salon «{3}»", {h.unit.product_name, pos::gadget_status_title(h.unit.status),
                                                 h.unit.salon_name})));
    about->SetFont(about->GetFont().Bold());
    auto* list = new wxListCtrl(&dialog, wxID_ANY, wxDefaultPosition, dialog.FromDIP(wxSize(900, 260)),
                                wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    list->SetName("gadget_history");  // found by the GUI tests
    for (const Text& column : {tr("When"), tr("Event"), tr("From the salon"), tr("To the salon"), tr("Who"),
                               tr("Status"), tr("Note")})
        list->AppendColumn(ui_text(column));
    for (std::size_t i = 0; i < h.events.size(); ++i) {
        const pos::GadgetEvent& e = h.events[i];
        const long row = list->InsertItem(static_cast<long>(i), wxString::FromUTF8(pos::local_date_time(e.at, time_zone)));
        list->SetItem(row, 1, wxString::FromUTF8(pos::gadget_event_title(e.kind)));
        list->SetItem(row, 2, wxString::FromUTF8(e.from_salon));
        list->SetItem(row, 3, wxString::FromUTF8(e.to_salon));
        list->SetItem(row, 4, e.staff_name.empty() ? ui_text(tr("command line")) : wxString::FromUTF8(e.staff_name));
        list->SetItem(row, 5, wxString::FromUTF8(pos::gadget_status_title(e.status)));
        const std::string note =
            e.receipt_number != 0 ? trf("receipt {1}", {std::to_string(e.receipt_number)}).str() : e.note;
        list->SetItem(row, 6, wxString::FromUTF8(note));
    }
    for (int c = 0; c < list->GetColumnCount(); ++c) {
        list->SetColumnWidth(c, wxLIST_AUTOSIZE_USEHEADER);
        const int header = list->GetColumnWidth(c);
        list->SetColumnWidth(c, wxLIST_AUTOSIZE);
        list->SetColumnWidth(c, std::max(header, list->GetColumnWidth(c)) + dialog.FromDIP(12));
    }
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(about, 0, wxALL, 12);
    sizer->Add(list, 1, wxEXPAND | wxLEFT | wxRIGHT, 12);
    sizer->Add(dialog.CreateButtonSizer(wxCLOSE), 0, wxEXPAND | wxALL, 12);
    dialog.SetSizerAndFit(sizer);
    dialog.SetEscapeId(wxID_CLOSE);
    dialog.Bind(wxEVT_BUTTON, [&](wxCommandEvent&) { dialog.EndModal(wxID_CLOSE); }, wxID_CLOSE);
    list->SetFocus();
    dialog.ShowModal();
}

}  // namespace

GadgetStockPanel::GadgetStockPanel(wxWindow* parent, db::Database& db, const pos::Actor& actor, Say say)
    : wxPanel(parent), db_(db), actor_(actor), say_(std::move(say)) {
    title_ = new wxStaticText(this, wxID_ANY, ui_text(tr("Gadgets")));
    title_->SetFont(title_->GetFont().Bold());
    search_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(240, -1)),
                             wxTE_PROCESS_ENTER);
    search_->SetHint(ui_text(tr("IMEI, Enter")));
    search_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { search(); });
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(title_, 1, wxALIGN_CENTER_VERTICAL);
    top->Add(search_, 0, wxALIGN_CENTER_VERTICAL);
    list_ = new VirtualList(
        this,
        [this](long row, long column) -> wxString {
            const pos::GadgetUnit& u = units_[static_cast<std::size_t>(row)];
            switch (column) {
            case 0: return wxString::FromUTF8(u.imei);
            case 1: return wxString::FromUTF8(u.product_name);
            case 2: return wxString::FromUTF8(pos::gadget_status_title(u.status));
            case 3: return wxString::FromUTF8(u.delivery_ref);
            }
            return wxString();
        },
        {}, wxLC_SINGLE_SEL);
    list_->SetName("gadget_stock");  // found by the GUI tests
    // A few rows always in sight, however the SIM cards' list above is sized.
    list_->SetMinSize(FromDIP(wxSize(-1, 110)));
    list_->AppendColumn(ui_text(tr("IMEI")));
    list_->AppendColumn(ui_text(tr("Product")));
    list_->AppendColumn(ui_text(tr("Status")));
    list_->AppendColumn(ui_text(tr("Delivery reference")));
    count_ = new wxStaticText(this, wxID_ANY, wxString());
    move_ = new wxButton(this, wxID_ANY, ui_text(tr("Move &to salon…")));
    auto* history = new wxButton(this, wxID_ANY, ui_text(tr("&History…")));
    move_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { move_selected(); });
    history->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { show_history(); });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { show_history(); });
    // Moving is a senior's (move_gadgets): the button is shown to those who may; core checks again.
    bool may_move = false;
    try {
        may_move = actor_.may(db_, pos::Permission::move_gadgets);
    } catch (const UserError&) {
    }
    move_->Show(may_move);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(count_, 1, wxALIGN_CENTER_VERTICAL);
    buttons->Add(move_, 0, wxLEFT, 6);
    buttons->Add(history, 0, wxLEFT, 6);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxEXPAND | wxBOTTOM, 6);
    sizer->Add(list_, 1, wxEXPAND);
    sizer->Add(buttons, 0, wxEXPAND | wxTOP, 8);
    SetSizer(sizer);
}

void GadgetStockPanel::show_salon(std::int64_t salon_id, const std::vector<pos::Salon>& salons) {
    salon_id_ = salon_id;
    salons_ = salons;
    const pos::Salon* here = nullptr;
    for (const auto& s : salons_)
        if (s.id == salon_id_) here = &s;
    title_->SetLabel(here ? ui_text(trf("Gadgets of salon «{1}»", {here->name})) : ui_text(tr("Gadgets")));
    search_->ChangeValue(wxString());
    load();
}

void GadgetStockPanel::load() {
    units_.clear();
    try {
        if (salon_id_ != 0) units_ = pos::list_gadgets(db_, actor_, salon_id_, "", kUnitsShown);
    } catch (const UserError& e) {
        say_(wxString::FromUTF8(e.message()), true);
    }
    list_->show_rows(static_cast<long>(units_.size()));
    list_->fit_columns();
    count_->SetLabel(ui_text(trf("Devices: {1}", {std::to_string(units_.size())})));
    Layout();
}

void GadgetStockPanel::search() {
    const std::string query = search_->GetValue().utf8_string();
    if (query.find_first_not_of(" \t") == std::string::npos) return load();
    try {
        const auto found = pos::find_gadget(db_, actor_, query);
        units_.clear();
        if (found) units_.push_back(*found);
        list_->show_rows(static_cast<long>(units_.size()));
        list_->fit_columns();
        if (found) {
            list_->select_only(0);
            say_(wxString(), false);
        } else {
            say_(ui_text(trf("No device with IMEI {1}.", {query})), true);
        }
        count_->SetLabel(ui_text(trf("Devices: {1}", {std::to_string(units_.size())})));
    } catch (const UserError& e) {
        say_(wxString::FromUTF8(e.message()), true);
    }
}

const pos::GadgetUnit* GadgetStockPanel::selected() const {
    const auto rows = list_->selected_rows();
    if (rows.empty() || rows.front() < 0 || rows.front() >= static_cast<long>(units_.size())) return nullptr;
    return &units_[static_cast<std::size_t>(rows.front())];
}

void GadgetStockPanel::move_selected() {
    const pos::GadgetUnit* unit = selected();
    if (!unit) return say_(ui_text(tr("Choose the device to move in the gadgets' list.")), true);
    // Only the same dealer's open salons are offered (core refuses any other).
    std::vector<pos::Salon> destinations;
    for (const auto& s : salons_)
        if (s.active && s.id != unit->salon_id && s.dealer_id == unit->dealer_id) destinations.push_back(s);
    if (destinations.empty()) {
        try {
            for (const auto& s : pos::list_salons(db_, actor_))
                if (s.active && s.id != unit->salon_id && s.dealer_id == unit->dealer_id) destinations.push_back(s);
        } catch (const UserError& e) {
            return say_(wxString::FromUTF8(e.message()), true);
        }
    }
    if (destinations.empty()) return say_(ui_text(tr("There is no other open salon of the dealer.")), true);
    const pos::GadgetUnit chosen = *unit;
    pos::GadgetUnit moved;
    SalonMove what;
    what.title = ui_text(tr("Move the device"));
    what.explanation = ui_text(trf("{1}, IMEI {2}, goes from salon «{3}» to another salon of the dealer.",
                                   {chosen.product_name, chosen.imei, chosen.salon_name}));
    for (const auto& s : destinations) what.destinations.emplace_back(s.id, s.name);
    what.salon_input = "to_salon";
    what.reason_optional = true;
    if (!ask_salon_move(this, what, [&](std::int64_t to, const std::string& reason) {
            moved = pos::move_gadget(db_, actor_, chosen.imei, to, reason);
        }))
        return;
    load();
    say_(ui_text(trf("Moved the device {1} ({2}) to salon «{3}».", {moved.imei, moved.product_name, moved.salon_name})),
         false);
}

void GadgetStockPanel::show_history() {
    const pos::GadgetUnit* unit = selected();
    if (!unit) return say_(ui_text(tr("Choose a device in the gadgets' list to see its history.")), true);
    try {
        const pos::GadgetHistory h = pos::gadget_history(db_, actor_, unit->imei);
        std::string zone = "UTC";
        for (const auto& s : salons_)
            if (s.id == h.unit.salon_id) zone = s.time_zone;
        show_history_dialog(this, h, zone);
    } catch (const UserError& e) {
        say_(wxString::FromUTF8(e.message()), true);
    }
}

}  // namespace salon::ui
