#include "pos/ui/StocktakePage.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/catalog/GadgetStock.hpp"
#include "pos/core/catalog/SimStock.hpp"
#include "pos/core/catalog/Stocktake.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/SupervisorDialog.hpp"

#include <algorithm>

#include <wx/sizer.h>
#include <wx/textdlg.h>

namespace salon::ui {

namespace {

std::string item_status(const pos::StocktakeItem& i) {
    if (i.status.empty()) return {};
    return i.kind == "sim" ? pos::sim_status_title(i.status) : pos::gadget_status_title(i.status);
}

}  // namespace

StocktakePage::StocktakePage(wxWindow* parent, db::Database& db, const pos::Actor& actor, std::int64_t salon_id)
    : StationPage(parent), db_(db), actor_(actor), salon_id_(salon_id) {
    heading_ = new wxStaticText(this, wxID_ANY, wxString());
    heading_->SetFont(heading_->GetFont().Bold().Scaled(1.2f));
    open_ = new wxButton(this, wxID_ANY, ui_text(tr("Open stocktake")));
    close_ = new wxButton(this, wxID_ANY, ui_text(tr("Close and approve differences…")));
    open_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { open(); });
    close_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { close(); });
    // The scanner types the code's digits and Enter into this field.
    code_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(280, -1)), wxTE_PROCESS_ENTER);
    code_->SetHint(ui_text(tr("Scan an ICCID or IMEI (Enter)")));
    code_->SetFont(code_->GetFont().Scaled(1.3f));
    code_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { scan(); });
    last_scan_ = new wxStaticText(this, wxID_ANY, wxString());
    last_scan_->SetFont(last_scan_->GetFont().Bold());
    counters_ = new wxStaticText(this, wxID_ANY, wxString());
    counters_->SetFont(counters_->GetFont().Scaled(1.2f));
    status_ = new wxStaticText(this, wxID_ANY, wxString());
    differences_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxBORDER_THEME);
    differences_->AppendColumn(ui_text(tr("Difference")), wxLIST_FORMAT_LEFT, FromDIP(150));
    differences_->AppendColumn(ui_text(tr("Code")), wxLIST_FORMAT_LEFT, FromDIP(190));
    differences_->AppendColumn(ui_text(tr("Item")), wxLIST_FORMAT_LEFT, FromDIP(260));
    differences_->AppendColumn(ui_text(tr("Status")), wxLIST_FORMAT_LEFT, FromDIP(110));
    differences_->AppendColumn(ui_text(tr("Salon")), wxLIST_FORMAT_LEFT, FromDIP(200));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(open_, 0, wxRIGHT, 6);
    buttons->Add(close_, 0, wxRIGHT, 18);
    buttons->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("Scanner:"))), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    buttons->Add(code_, 0, wxALIGN_CENTER_VERTICAL);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(heading_, 0, wxALL, 8);
    sizer->Add(buttons, 0, wxLEFT | wxRIGHT, 8);
    sizer->Add(last_scan_, 0, wxEXPAND | wxALL, 8);
    sizer->Add(counters_, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    sizer->Add(status_, 0, wxEXPAND | wxALL, 8);
    sizer->Add(differences_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(sizer);
}

void StocktakePage::refresh() {
    differences_->DeleteAllItems();
    try {
        stocktake_ = pos::open_stocktake_of(db_, actor_, salon_id_);
        open_->Enable(!stocktake_);
        close_->Enable(stocktake_.has_value());
        code_->Enable(stocktake_.has_value());
        if (!stocktake_) {
            heading_->SetLabel(ui_text(tr("No stocktake is open in this salon.")));
            counters_->SetLabel(wxString());
            Layout();
            return;
        }
        const pos::StocktakeSummary s = pos::stocktake_summary(db_, actor_, *stocktake_);
        heading_->SetLabel(ui_text(trf("Stocktake {1}, salon «{2}», opened {3} by {4}",
                                       {std::to_string(s.id), s.salon_name,
                                        pos::local_date_time(s.opened_at, pos::get_salon(db_, actor_, salon_id_).time_zone), s.opened_by})));
        counters_->SetLabel(ui_text(trf("Expected {1} · counted {2} · missing {3} · surplus {4} · unknown {5} · repeated {6}",
                                        {std::to_string(s.expected), std::to_string(s.counted),
                                         std::to_string(s.missing.size()), std::to_string(s.surplus.size()),
                                         std::to_string(s.unknown.size()), std::to_string(s.duplicates)})));
        auto add = [this](const std::vector<pos::StocktakeItem>& list, const Text& what) {
            for (const auto& i : list) {
                const long row = differences_->InsertItem(differences_->GetItemCount(), ui_text(what));
                differences_->SetItem(row, 1, wxString::FromUTF8(i.code));
                differences_->SetItem(row, 2, wxString::FromUTF8(i.description));
                differences_->SetItem(row, 3, wxString::FromUTF8(item_status(i)));
                differences_->SetItem(row, 4, wxString::FromUTF8(i.salon_name));
            }
        };
        add(s.missing, tr("missing"));
        add(s.surplus, tr("surplus"));
        add(s.unknown, tr("unknown"));
        add(s.left, tr("left since opening"));
        code_->SetFocus();
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
    Layout();
}

void StocktakePage::open() {
    try {
        const std::int64_t id = pos::open_stocktake(db_, actor_, salon_id_);
        last_scan_->SetLabel(wxString());
        status(ui_text(trf("Stocktake {1} opened: scan every SIM card and device.", {std::to_string(id)})), false);
    } catch (const UserError& e) {
        return status(wxString::FromUTF8(e.message()), true);
    }
    refresh();
}

void StocktakePage::scan() {
    if (!stocktake_) return;
    const std::string code = code_->GetValue().utf8_string();
    code_->ChangeValue(wxString());
    if (code.find_first_not_of(" \t") == std::string::npos) return;
    try {
        const pos::ScanResult r = pos::scan_stocktake(db_, actor_, *stocktake_, code);
        last_scan_->SetLabel(wxString::FromUTF8(r.message));
        last_scan_->SetForegroundColour(r.outcome == pos::ScanOutcome::counted ? GetForegroundColour() : error_colour());
    } catch (const UserError& e) {
        last_scan_->SetLabel(wxString::FromUTF8(e.message()));
        last_scan_->SetForegroundColour(error_colour());
    }
    refresh();
}

void StocktakePage::close() {
    if (!stocktake_) return;
    try {
        const pos::StocktakeSummary s = pos::stocktake_summary(db_, actor_, *stocktake_);
        std::string reason;
        if (s.has_differences()) {
            const wxString typed = wxGetTextFromUser(
                ui_text(trf("Missing {1}, surplus {2}: they will be written off and in. Why does the stock differ?",
                            {std::to_string(s.missing.size()), std::to_string(s.surplus.size())})),
                ui_text(tr("Close the stocktake")), wxString(), this);
            if (typed.empty()) return;
            reason = typed.utf8_string();
        }
        std::optional<pos::SupervisorApproval> approval;
        if (!actor_.may(db_, pos::Permission::approve_stock_difference)) {
            approval = ask_supervisor(this, db_, actor_, pos::Permission::approve_stock_difference,
                                      ui_text(tr("A senior approves the stocktake's differences.")));
            if (!approval) return;
        }
        const pos::StocktakeSummary closed = pos::close_stocktake(db_, actor_, *stocktake_, reason, approval);
        last_scan_->SetLabel(wxString());
        status(ui_text(trf("Stocktake {1} closed: written off {2}, written in {3}; approved by {4}.",
                           {std::to_string(closed.id), std::to_string(closed.missing.size()),
                            std::to_string(std::count_if(closed.surplus.begin(), closed.surplus.end(),
                                                         [](const pos::StocktakeItem& i) { return i.written_in; })),
                            closed.approved_by})),
               false);
    } catch (const UserError& e) {
        return status(wxString::FromUTF8(e.message()), true);
    }
    refresh();
}

}  // namespace salon::ui
