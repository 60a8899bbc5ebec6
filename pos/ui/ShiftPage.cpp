#include "pos/ui/ShiftPage.hpp"

#include "db/UserError.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/fiscal/FiscalQueue.hpp"
#include "pos/core/sale/Shift.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/SupervisorDialog.hpp"

#include <wx/sizer.h>
#include <wx/textdlg.h>

namespace salon::ui {

namespace {
std::optional<pos::Money> ask_money(wxWindow* parent, const Text& prompt, const Text& title) {
    const wxString typed = wxGetTextFromUser(ui_text(prompt), ui_text(title), "0", parent);
    if (typed.empty()) return std::nullopt;
    return pos::Money::parse(typed.utf8_string());
}
}  // namespace

ShiftPage::ShiftPage(wxWindow* parent, db::Database& db, const pos::Actor& actor, std::string till)
    : StationPage(parent), db_(db), actor_(actor), till_(std::move(till)) {
    open_ = new wxButton(this, wxID_ANY, ui_text(tr("Open shift")));
    cash_in_ = new wxButton(this, wxID_ANY, ui_text(tr("Cash in")));
    cash_out_ = new wxButton(this, wxID_ANY, ui_text(tr("Cash out")));
    auto* x_report = new wxButton(this, wxID_ANY, ui_text(tr("X report")));
    close_ = new wxButton(this, wxID_ANY, ui_text(tr("Close shift (Z report)")));
    open_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { open(); });
    cash_in_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { move_cash(true); });
    cash_out_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { move_cash(false); });
    x_report->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { refresh(); });
    close_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { close(); });
    status_ = new wxStaticText(this, wxID_ANY, wxString());
    report_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                             wxTE_MULTILINE | wxTE_READONLY | wxTE_DONTWRAP);
    report_->SetFont(wxFont(wxFontInfo(11).Family(wxFONTFAMILY_TELETYPE)));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    for (wxButton* b : {open_, cash_in_, cash_out_, x_report, close_}) buttons->Add(b, 0, wxRIGHT, 6);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(buttons, 0, wxALL, 8);
    sizer->Add(status_, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    sizer->Add(report_, 1, wxEXPAND | wxALL, 8);
    SetSizer(sizer);
}

void ShiftPage::refresh() {
    try {
        const auto shift = pos::open_shift_at(db_, actor_, till_);
        open_->Enable(!shift);
        cash_in_->Enable(shift.has_value());
        cash_out_->Enable(shift.has_value());
        close_->Enable(shift.has_value());
        if (shift)
            show_text(pos::shift_report_text(pos::shift_report(db_, actor_, shift->id)));
        else
            report_->ChangeValue(ui_text(trf("No shift is open at till {1}.", {till_})));
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
}

void ShiftPage::open() {
    try {
        const auto amount = ask_money(this, tr("Cash in the drawer at the start of the shift:"), tr("Open shift"));
        if (!amount) return;
        const pos::Shift s = pos::open_shift(db_, actor_, till_, *amount);
        // The registrar's fiscal shift opens with the till's (R-POS-10); a fault leaves it to the first
        // receipt.
        auto registrar = pos::registrar_for_till(db_, actor_, till_);
        const pos::FiscalFault fault = pos::open_fiscal_shift(db_, actor_, *registrar);
        status(ui_text(trf("Shift {1} is open at till \"{2}\".", {std::to_string(s.number), s.till})) +
                   (fault == pos::FiscalFault::none
                        ? wxString()
                        : " " + ui_text(trf("The registrar did not open its fiscal shift: {1}.",
                                            {pos::fiscal_fault_title(fault).str()}))),
               fault != pos::FiscalFault::none);
        refresh();
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
}

void ShiftPage::move_cash(bool in) {
    try {
        const auto shift = pos::open_shift_at(db_, actor_, till_);
        if (!shift) return refresh();
        const auto amount = ask_money(this, in ? tr("Cash put into the drawer:") : tr("Cash taken out of the drawer:"),
                                      in ? tr("Cash in") : tr("Cash out"));
        if (!amount) return;
        const wxString reason = wxGetTextFromUser(ui_text(tr("Why the cash moves:")), ui_text(tr("Reason")), wxString(), this);
        pos::move_cash(db_, actor_, shift->id, in ? pos::CashDirection::in : pos::CashDirection::out, *amount,
                       reason.utf8_string());
        status(wxString(), false);
        refresh();
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
}

void ShiftPage::close() {
    try {
        const auto shift = pos::open_shift_at(db_, actor_, till_);
        if (!shift) return refresh();
        const auto counted = ask_money(this, tr("Cash counted in the drawer:"), tr("Close shift (Z report)"));
        if (!counted) return;
        // The queue is tried once more, so the Z report lists only what the registrar still has not taken.
        auto registrar = pos::registrar_for_till(db_, actor_, till_);
        pos::retry_fiscal_queue(db_, actor_, till_, *registrar);
        pos::ShiftReport z;
        try {
            z = pos::close_shift(db_, actor_, shift->id, *counted);
        } catch (const RefusedError& refused) {
            // A difference or another's shift: a senior approves at the till.
            const auto approval = ask_supervisor(this, db_, actor_, pos::Permission::approve_cash_difference,
                                                 wxString::FromUTF8(refused.message()));
            if (!approval) return status(wxString::FromUTF8(refused.message()), true);
            z = pos::close_shift(db_, actor_, shift->id, *counted, approval);
        }
        const pos::FiscalClose fiscal = pos::close_fiscal_shift(db_, actor_, till_, *registrar);
        refresh();
        auto lines = pos::shift_report_text(z);
        if (fiscal.z && fiscal.z->document)
            lines.push_back(
                trf("Registrar's Z report: fiscal shift {1}, receipts {2}, FD No. {3}, FP {4}.",
                    {std::to_string(fiscal.z->shift_number), std::to_string(fiscal.z->receipts),
                     std::to_string(fiscal.z->document->fd_number), fiscal.z->document->fiscal_sign})
                    .str());
        else if (fiscal.fault != pos::FiscalFault::none)
            lines.push_back(trf("The registrar did not close its fiscal shift: {1}.",
                                {pos::fiscal_fault_title(fiscal.fault).str()})
                                .str());
        show_text(lines);
        status(ui_text(trf("Shift {1} is closed.", {std::to_string(z.shift.number)})), false);
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
}

void ShiftPage::show_text(const std::vector<std::string>& lines) {
    wxString text;
    for (const auto& l : lines) text << wxString::FromUTF8(l) << "\n";
    report_->ChangeValue(text);
}

}  // namespace salon::ui
