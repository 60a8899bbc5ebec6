#include "pos/ui/ShiftPage.hpp"

#include "pos/core/backup/StationBackups.hpp"

#include "db/UserError.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/fiscal/FiscalQueue.hpp"
#include "pos/core/sale/PersonalDataConsent.hpp"
#include "pos/core/sale/Shift.hpp"
#include "pos/print/ReportRollPdf.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/StationPrinter.hpp"
#include "pos/ui/ShortfallDialog.hpp"
#include "pos/ui/SupervisorDialog.hpp"
#include "pos/ui/WxLabels.hpp"

#include <wx/dialog.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/textdlg.h>
#include <wx/wrapsizer.h>

namespace salon::ui {

namespace {
std::optional<pos::Money> ask_money(wxWindow* parent, const Text& prompt, const Text& title) {
    const wxString typed = text_from_person(ui_text(prompt), ui_text(title), "0", parent);
    if (typed.empty()) return std::nullopt;
    return pos::Money::parse(typed.utf8_string());
}
// Cash in or out in one dialog: the amount and the reason together. OK saves through core, and an error
// (an empty reason, more than the drawer holds) shows beside its input with what was typed kept.
bool ask_cash_movement(wxWindow* parent, db::Database& db, const pos::Actor& actor, std::int64_t shift_id, bool in) {
    wxDialog dialog(parent, wxID_ANY, ui_text(in ? tr("Cash in") : tr("Cash out")));
    FormFields fields(&dialog);
    auto* amount = new wxTextCtrl(&dialog, wxID_ANY, wxString(), wxDefaultPosition, dialog.FromDIP(wxSize(260, -1)),
                                  wxTE_PROCESS_ENTER);
    auto* reason = new wxTextCtrl(&dialog, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    fields.add("amount", in ? tr("Cash put into the drawer:") : tr("Cash taken out of the drawer:"), amount);
    fields.add("reason", tr("Why the cash moves:"), reason);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(fields.sizer(), 0, wxEXPAND | wxALL, 12);
    sizer->Add(dialog.CreateButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 12);
    dialog.SetSizerAndFit(sizer);
    auto save = [&] {
        fields.clear_errors();
        try {
            const pos::Money money = pos::Money::parse(amount->GetValue().utf8_string());
            pos::move_cash(db, actor, shift_id, in ? pos::CashDirection::in : pos::CashDirection::out, money,
                           reason->GetValue().utf8_string());
            dialog.EndModal(wxID_OK);
        } catch (const pos::InputError& e) {
            if (!fields.show_error(e.input(), wxString::FromUTF8(e.reason().str())))
                fields.show_error("amount", wxString::FromUTF8(e.message()));
        } catch (const ValidationError& e) {  // the amount as typed
            fields.show_error("amount", wxString::FromUTF8(e.reason().str()));
        } catch (const UserError& e) {  // a refusal: the shift was closed meanwhile, no permission
            fields.show_error("amount", wxString::FromUTF8(e.message()));
        }
        dialog.Fit();
    };
    dialog.Bind(wxEVT_BUTTON, [&](wxCommandEvent&) { save(); }, wxID_OK);
    amount->Bind(wxEVT_TEXT_ENTER, [&](wxCommandEvent&) { reason->SetFocus(); });
    reason->Bind(wxEVT_TEXT_ENTER, [&](wxCommandEvent&) { save(); });
    amount->SetFocus();
    return dialog.ShowModal() == wxID_OK;
}

}  // namespace

ShiftPage::ShiftPage(wxWindow* parent, db::Database& db, const pos::Actor& actor, std::string till)
    : StationPage(parent), db_(db), actor_(actor), till_(std::move(till)) {
    open_ = new wxButton(this, wxID_ANY, ui_text(tr("Open shift (F5)")));
    cash_in_ = new wxButton(this, wxID_ANY, ui_text(tr("Cash in (F6)")));
    cash_out_ = new wxButton(this, wxID_ANY, ui_text(tr("Cash out (F7)")));
    auto* x_report = new wxButton(this, wxID_ANY, ui_text(tr("X report (F8)")));
    close_ = new wxButton(this, wxID_ANY, ui_text(tr("Close shift, Z report (F9)")));
    auto* print = new wxButton(this, wxID_ANY, ui_text(tr("Print the report (Ctrl+P)")));
    print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { print_report(); });
    open_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { open(); });
    cash_in_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { move_cash(true); });
    cash_out_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { move_cash(false); });
    x_report->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { refresh(); });
    close_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { close(); });
    status_ = new wxStaticText(this, wxID_ANY, wxString());
    report_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                             wxTE_MULTILINE | wxTE_READONLY | wxTE_DONTWRAP);
    report_->SetFont(wxFont(wxFontInfo(11).Family(wxFONTFAMILY_TELETYPE)));
    // A second row on a narrow screen rather than a button cut at its edge.
    auto* buttons = new wxWrapSizer(wxHORIZONTAL);
    for (wxButton* b : {open_, cash_in_, cash_out_, x_report, close_, print}) buttons->Add(b, 0, wxRIGHT | wxBOTTOM, 6);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, 8);
    sizer->Add(status_, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    sizer->Add(report_, 1, wxEXPAND | wxALL, 8);
    SetSizer(sizer);
    // The drawer's keys, as the desk has its own: each works while its button is enabled.
    Bind(wxEVT_CHAR_HOOK, [this, x_report](wxKeyEvent& e) {
        if (!IsShownOnScreen()) return e.Skip();  // a hidden page's input may still hold the focus
        if (e.GetKeyCode() == 'P' && e.GetModifiers() == wxMOD_CONTROL) return print_report();
        wxButton* button = e.GetKeyCode() == WXK_F5   ? open_
                           : e.GetKeyCode() == WXK_F6 ? cash_in_
                           : e.GetKeyCode() == WXK_F7 ? cash_out_
                           : e.GetKeyCode() == WXK_F8 ? x_report
                           : e.GetKeyCode() == WXK_F9 ? close_
                                                      : nullptr;
        if (button == nullptr || e.HasAnyModifiers()) return e.Skip();
        if (!button->IsEnabled()) return;
        wxCommandEvent click(wxEVT_BUTTON, button->GetId());
        click.SetEventObject(button);
        button->ProcessWindowEvent(click);
    });
}

std::vector<KeyHelp> ShiftPage::key_help() const {
    return {{"F5", ui_text(tr("Open shift"))},
            {"F6", ui_text(tr("Cash in"))},
            {"F7", ui_text(tr("Cash out"))},
            {"F8", ui_text(tr("X report"))},
            {"F9", ui_text(tr("Close shift (Z report)"))},
            {"Ctrl+P", ui_text(tr("Print the report shown on the station's printer"))}};
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
        const wxString erased = erase_expired_personal_data();
        status(ui_text(trf("Shift {1} is open at till \"{2}\".", {std::to_string(s.number), s.till})) + erased +
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

// A shift opens once a day at a till: the station erases then what the consent's term no longer lets it
// keep (152-FZ art. 21), one query when there is nothing to erase. A refusal leaves the shift open.
wxString ShiftPage::erase_expired_personal_data() {
    try {
        const pos::PersonalDataPurge done = pos::purge_expired_personal_data(db_, actor_);
        if (done.clients.empty()) return wxString();
        return " " + ui_text(trn("The term of consent ended: {1} client's personal data erased.",
                                 "The term of consent ended: {1} clients' personal data erased.",
                                 static_cast<int>(done.clients.size())));
    } catch (const UserError& e) {
        return " " + wxString::FromUTF8(e.message());
    }
}

void ShiftPage::move_cash(bool in) {
    try {
        const auto shift = pos::open_shift_at(db_, actor_, till_);
        if (!shift) return refresh();
        if (!ask_cash_movement(this, db_, actor_, shift->id, in)) return;
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
        // A difference is never closed in passing, whoever closes: a surplus is said and confirmed first
        // (a specialist then also needs a senior's approval, which core asks for); a shortfall has its own
        // dialog below.
        const pos::Money expected = pos::shift_report(db_, actor_, shift->id).expected_cash;
        if (*counted > expected) {
            const Text question =
                trf("The drawer should hold {1} but {2} was counted: {3} over. Close the shift with this surplus?",
                    {expected.format(), counted->format(), (*counted - expected).format()});
            wxMessageDialog confirm(this, ui_text(question), ui_text(tr("Close shift (Z report)")),
                                    wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
            confirm.SetYesNoLabels(ui_text(tr("Close with the difference")), ui_text(tr("Count again")));
            if (confirm.ShowModal() != wxID_YES) return status(ui_text(tr("The shift stays open: count the drawer again.")), false);
        }
        // The queue is tried once more, so the Z report lists only what the registrar still has not taken.
        auto registrar = pos::registrar_for_till(db_, actor_, till_);
        pos::retry_fiscal_queue(db_, actor_, till_, *registrar);
        pos::ShiftReport z;
        if (*counted < expected) {
            // A shortfall: its reason and a second senior's confirmation, in one dialog (R-POS-10).
            auto closed = close_with_shortfall(this, db_, actor_, shift->id, expected, *counted);
            if (!closed) return status(ui_text(tr("The shift stays open: count the drawer again.")), false);
            z = *closed;
        } else try {
            z = pos::close_shift(db_, actor_, shift->id, *counted);
        } catch (const RefusedError& refused) {
            // A difference or another's shift: a senior approves at the till.
            const auto approval = ask_supervisor(this, db_, actor_, pos::Permission::approve_cash_difference,
                                                 wxString::FromUTF8(refused.message()));
            if (!approval) return status(wxString::FromUTF8(refused.message()), true);
            z = pos::close_shift(db_, actor_, shift->id, *counted, approval);
        }
        const pos::FiscalClose fiscal = pos::close_fiscal_shift(db_, actor_, till_, *registrar);
        // The automatic backup after the close: a failure is journaled and said, the shift stays closed.
        const std::optional<pos::BackupRun> backup = pos::backup_after_shift_close(db_, actor_);
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
        if (backup && backup->ok()) lines.push_back(trf("Backup written to {1}.", {backup->file.string()}).str());
        show_text(lines);
        if (backup && !backup->ok())
            status(ui_text(trf("Shift {1} is closed, but the backup after it failed: {2}",
                               {std::to_string(z.shift.number), backup->error->str()})),
                   true);
        else
            status(ui_text(trf("Shift {1} is closed.", {std::to_string(z.shift.number)})), false);
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
}

void ShiftPage::print_report() {
    // The X or Z report the page shows, on the 80 mm roll of the station's printer.
    std::vector<std::string> lines;
    const wxString text = report_->GetValue();
    for (const wxString& line : wxSplit(text, '\n', '\0')) lines.push_back(line.utf8_string());
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    if (lines.empty()) return;
    const PrintOutcome done = print_on_station_printer(pos::report_roll_pdf(lines), lines.front());
    status(done.message, done.failed);
}

void ShiftPage::show_text(const std::vector<std::string>& lines) {
    wxString text;
    for (const auto& l : lines) text << wxString::FromUTF8(l) << "\n";
    report_->ChangeValue(text);
}

}  // namespace salon::ui
