#include "pos/ui/FiscalQueuePage.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/Money.hpp"
#include "pos/core/fiscal/FiscalCorrection.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/ui/CorrectionDialog.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/ReceiptDialog.hpp"

#include <wx/sizer.h>

#include <iterator>

namespace salon::ui {

namespace {

constexpr pos::FiscalFault kSettable[] = {pos::FiscalFault::none, pos::FiscalFault::paper_out,
                                          pos::FiscalFault::cover_open, pos::FiscalFault::drive_full,
                                          pos::FiscalFault::offline_too_long};
constexpr int kRetryMilliseconds = 60'000;

}  // namespace

wxString fiscalise_after_commit(db::Database& db, const pos::Actor& actor, const std::string& till) {
    try {
        auto registrar = pos::registrar_for_till(db, actor, till);
        const pos::FiscalRun run = pos::retry_fiscal_queue(db, actor, till, *registrar);
        if (run.fault == pos::FiscalFault::none)
            return ui_text(trf("Fiscalised by the {1}.",
                               {registrar->info().emulated ? tr("emulator").str() : tr("registrar").str()}));
        return ui_text(trf("Awaiting fiscalisation ({1}): the receipt stays in the queue.",
                           {pos::fiscal_fault_title(run.fault).str()}));
    } catch (const UserError& e) {
        return wxString::FromUTF8(e.message());
    }
}

FiscalQueuePage::FiscalQueuePage(wxWindow* parent, db::Database& db, const pos::Actor& actor,
                                 std::string till)
    : StationPage(parent), db_(db), actor_(actor), till_(std::move(till)), timer_(this) {
    registrar_ = new wxStaticText(this, wxID_ANY, wxString());
    registrar_->SetFont(registrar_->GetFont().Bold());
    drive_ = new wxStaticText(this, wxID_ANY, wxString());
    auto* send = new wxButton(this, wxID_ANY, ui_text(tr("Send again")));
    send->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { retry(false); });
    auto* fault_label = new wxStaticText(this, wxID_ANY, ui_text(tr("Emulator's fault:")));
    fault_ = new wxChoice(this, wxID_ANY);
    for (pos::FiscalFault f : kSettable) fault_->Append(ui_text(pos::fiscal_fault_title(f)));
    fault_->SetSelection(0);
    auto* set = new wxButton(this, wxID_ANY, ui_text(tr("Set")));
    set->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { set_fault(); });
    status_ = new wxStaticText(this, wxID_ANY, wxString());
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    const Text headers[] = {
        tr("Receipt"),           tr("Shift"), tr("Kind"), tr("Time"), tr("Total"), tr("Attempts"),
        tr("Registrar's answer")};
    for (int i = 0; i < 7; ++i)
        list_->AppendColumn(ui_text(headers[i]), i == 4 ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT,
                            FromDIP(i == 6   ? 320
                                    : i == 3 ? 150
                                             : 100));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(send, 0, wxRIGHT, FromDIP(18));
    buttons->Add(fault_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    buttons->Add(fault_, 0, wxRIGHT, FromDIP(6));
    buttons->Add(set, 0);
    // A correction receipt is a senior's (fiscal_correction): the button is shown to those who may.
    if (actor_.may(db_, pos::Permission::fiscal_correction)) {
        auto* correction = new wxButton(this, wxID_ANY, ui_text(tr("Correction receipt… (F6)")));
        auto open_correction = [this] {
            std::int64_t recorded = 0;
            if (const auto done = ask_correction(this, db_, actor_, till_, &recorded)) {
                status(*done, false);
                refresh();
                // The correction receipt as printed (54-FZ tags 1173/1174): saved or printed on the roll.
                if (recorded) show_correction_receipt(this, db_, actor_, recorded);
            }
        };
        correction->Bind(wxEVT_BUTTON, [open_correction](wxCommandEvent&) { open_correction(); });
        Bind(wxEVT_CHAR_HOOK, [this, open_correction](wxKeyEvent& e) {
            if (!IsShownOnScreen() || e.GetKeyCode() != WXK_F6 || e.HasAnyModifiers()) return e.Skip();
            open_correction();
        });
        buttons->Prepend(correction, 0, wxRIGHT, FromDIP(18));  // first: the fault list is wide
    }
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(registrar_, 0, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(drive_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(buttons, 0, wxALL, FromDIP(8));
    sizer->Add(status_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(list_, 1, wxEXPAND | wxALL, FromDIP(8));
    SetSizer(sizer);
    // Enter (or a double click) on a listed receipt shows it as printed: a correction's receipt or a sale's.
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
        const long row = e.GetIndex();
        if (row < 0 || static_cast<std::size_t>(row) >= queue_.size()) return;
        const pos::QueuedReceipt& q = queue_[static_cast<std::size_t>(row)];
        if (q.correction_id)
            show_correction_receipt(this, db_, actor_, q.correction_id);
        else
            show_receipt(this, db_, actor_, q.sale_id);
    });
    // A receipt the registrar did not take is tried again every minute (R-POS-10).
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { retry(true); });
    timer_.Start(kRetryMilliseconds);
}

void FiscalQueuePage::refresh() {
    try {
        const pos::FiscalStatus s = pos::fiscal_status(db_, actor_, till_);
        if (time_zone_.empty()) {
            const long long salon = actor_.member().salon_id;
            db_.run("SELECT time_zone FROM salon WHERE id = :s", soci::use(salon), soci::into(time_zone_));
        }
        registrar_->SetLabel(s.registrar.emulated
                                 ? ui_text(trf("Registrar: EMULATOR {1} (not a fiscal device) · till {2}",
                                               {s.registrar.serial_number, till_}))
                                 : ui_text(trf("Registrar: {1} {2} · till {3}",
                                               {s.registrar.model, s.registrar.serial_number, till_})));
        const std::string shift =
            s.shift.open ? trf("fiscal shift {1} open, receipts {2}",
                               {std::to_string(s.shift.number), std::to_string(s.shift.receipts)})
                               .str()
                         : tr("fiscal shift closed").str();
        drive_->SetLabel(ui_text(
            trf("FN {1} · documents {2} of {3} · {4} · {5} · waiting: {6}",
                {s.drive.fn_number, std::to_string(s.drive.documents), std::to_string(s.drive.capacity),
                 shift, pos::fiscal_fault_title(s.drive.fault).str(), std::to_string(s.queue_length)})));
        for (std::size_t i = 0; i < std::size(kSettable); ++i)
            if (kSettable[i] == s.drive.fault) fault_->SetSelection(static_cast<int>(i));
        queue_ = pos::fiscal_queue(db_, actor_, till_);
        list_->DeleteAllItems();
        for (std::size_t i = 0; i < queue_.size(); ++i) {
            const pos::QueuedReceipt& q = queue_[i];
            const long row = list_->InsertItem(
                static_cast<long>(i), q.correction_id ? wxString::Format("%lld", static_cast<long long>(q.correction_id))
                                                      : wxString::Format("%d", q.receipt_number));
            list_->SetItem(row, 1, wxString::Format("%d", q.shift_number));
            list_->SetItem(row, 2,
                           ui_text(q.kind == "correction_refund"   ? pos::correction_kind_title(pos::CorrectionKind::refund)
                                   : q.kind == "correction_income" ? pos::correction_kind_title(pos::CorrectionKind::income)
                                   : q.kind == "refund"            ? tr("refund")
                                                                   : tr("sale")));
            list_->SetItem(row, 3, wxString::FromUTF8(pos::local_date_time(q.created_at, time_zone_)));
            list_->SetItem(row, 4, wxString::FromUTF8(pos::Money::from_kopecks(q.total).format()));
            list_->SetItem(row, 5, wxString::Format("%d", q.attempts));
            list_->SetItem(
                row, 6,
                q.last_error.empty()
                    ? ui_text(tr("not sent yet"))
                    : ui_text(pos::fiscal_fault_title(pos::fiscal_fault_from_string(q.last_error))));
            if (!q.last_error.empty()) list_->SetItemBackgroundColour(row, wxColour(0xFB, 0xE3, 0xE3));
        }
        Layout();
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
}

void FiscalQueuePage::retry(bool quiet) {
    try {
        auto registrar = pos::registrar_for_till(db_, actor_, till_);
        const pos::FiscalRun run = pos::retry_fiscal_queue(db_, actor_, till_, *registrar);
        if (!quiet || run.fiscalised > 0)
            status(ui_text(trf("Fiscalised: {1}; waiting in the queue: {2}.",
                               {std::to_string(run.fiscalised), std::to_string(run.waiting)})),
                   run.fault != pos::FiscalFault::none);
        if (IsShownOnScreen() || !quiet)
            refresh();
        else
            queue_ = pos::fiscal_queue(db_, actor_, till_);
    } catch (const UserError& e) {
        if (!quiet) status(wxString::FromUTF8(e.message()), true);
    }
}

void FiscalQueuePage::set_fault() {
    try {
        const int chosen = fault_->GetSelection();
        if (chosen < 0) return;
        pos::set_emulated_fault(db_, actor_, till_, kSettable[chosen]);
        status(ui_text(trf("Emulator: {1}.", {pos::fiscal_fault_title(kSettable[chosen]).str()})), false);
        refresh();
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
}

}  // namespace salon::ui
