#include "pos/ui/RefundDialog.hpp"

#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/SupervisorDialog.hpp"

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/dialog.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace salon::ui {

namespace {
wxString line_text(const pos::SaleRecord::Line& l) {
    std::string text = std::to_string(l.line_no) + ". " + l.description;
    if (l.quantity > 1) text += " × " + std::to_string(l.quantity);
    return wxString::FromUTF8(text + " — " + l.amount.format());
}
}  // namespace

std::optional<pos::CommittedSale> ask_refund(wxWindow* parent, db::Database& db, const pos::Actor& actor,
                                             const std::string& till, std::int64_t sale_id) {
    pos::SaleRecord sale;
    std::vector<std::int64_t> refunded;
    try {
        sale = pos::get_sale(db, actor, sale_id);
        refunded = pos::refunded_line_ids(db, actor, sale_id);
    } catch (const UserError&) {
        return std::nullopt;  // the page shows the list again; a sale it cannot read is not offered
    }
    wxDialog dialog(parent, wxID_ANY,
                    ui_text(trf("Refund of receipt {1}", {std::to_string(sale.receipt_number)})));
    auto* about = new wxStaticText(
        &dialog, wxID_ANY,
        ui_text(
            trf("Receipt {1} of shift {2}, {3}, total {4}. Tick what the client brings back; the money goes "
                "back the way it was paid (card first).",
                {std::to_string(sale.receipt_number), std::to_string(sale.shift_number),
                 pos::local_date_time(sale.created_at, sale.time_zone), sale.total.format()})));
    about->Wrap(dialog.FromDIP(440));

    // Only what the desk may still refund is offered; the rest is said below the list, with why.
    std::vector<const pos::SaleRecord::Line*> offered;
    wxString not_offered;
    for (const auto& l : sale.lines) {
        const bool done = std::find(refunded.begin(), refunded.end(), l.id) != refunded.end();
        if (!done && pos::refundable_at_desk(l.kind)) {
            offered.push_back(&l);
            continue;
        }
        not_offered << (not_offered.empty() ? "" : "\n") << line_text(l) << wxString::FromUTF8(" · ")
                    << (done ? ui_text(tr("already refunded"))
                             : ui_text(tr("the operator refunds it, not the desk")));
    }
    FormFields fields(&dialog);
    auto* lines = new wxCheckListBox(
        &dialog, wxID_ANY, wxDefaultPosition,
        dialog.FromDIP(wxSize(440, 30 + 26 * static_cast<int>(std::min<std::size_t>(offered.size(), 6)))));
    for (const auto* l : offered) lines->Append(line_text(*l));
    // A single line is what the client brings back; of several, the person ticks them.
    if (offered.size() == 1) lines->Check(0);
    if (!offered.empty()) lines->SetSelection(0);  // Space ticks the line under the cursor
    auto* reason =
        new wxTextCtrl(&dialog, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    reason->SetHint(ui_text(tr("as the client says it")));
    fields.add("lines", tr("Lines to refund"), lines);
    fields.add("reason", tr("Reason"), reason);
    auto* rest = new wxStaticText(&dialog, wxID_ANY, not_offered);
    rest->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    auto* total = new wxStaticText(&dialog, wxID_ANY, wxString());
    total->SetFont(total->GetFont().Bold());
    auto* error = new wxStaticText(&dialog, wxID_ANY, wxString());
    error->SetForegroundColour(error_colour());
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* refund = new wxButton(&dialog, wxID_OK, ui_text(tr("&Refund")));
    auto* cancel = new wxButton(&dialog, wxID_CANCEL, ui_text(tr("&Cancel")));
    buttons->AddStretchSpacer();
    buttons->Add(refund, 0, wxRIGHT, dialog.FromDIP(6));
    buttons->Add(cancel);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(about, 0, wxALL, dialog.FromDIP(12));
    sizer->Add(fields.sizer(), 0, wxEXPAND | wxLEFT | wxRIGHT, dialog.FromDIP(12));
    if (!not_offered.empty())
        sizer->Add(rest, 0, wxLEFT | wxRIGHT | wxTOP, dialog.FromDIP(12));
    else
        rest->Hide();
    sizer->Add(total, 0, wxLEFT | wxRIGHT | wxTOP, dialog.FromDIP(12));
    sizer->Add(error, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, dialog.FromDIP(12));
    sizer->Add(buttons, 0, wxEXPAND | wxALL, dialog.FromDIP(12));
    dialog.SetSizerAndFit(sizer);

    auto chosen = [&] {
        std::vector<std::int64_t> ids;
        for (unsigned i = 0; i < lines->GetCount(); ++i)
            if (lines->IsChecked(i)) ids.push_back(offered[i]->id);
        return ids;
    };
    auto show_total = [&] {
        pos::Money sum;
        for (unsigned i = 0; i < lines->GetCount(); ++i)
            if (lines->IsChecked(i)) sum += offered[i]->amount;
        total->SetLabel(ui_text(trf("To give back: {1}", {sum.format()})));
        dialog.Layout();
    };
    show_total();
    lines->Bind(wxEVT_CHECKLISTBOX, [&](wxCommandEvent&) { show_total(); });
    // Space ticks the line under the cursor (GTK's list would only select it), so no mouse is needed.
    lines->Bind(wxEVT_KEY_DOWN, [&](wxKeyEvent& e) {
        const int at = lines->GetSelection();
        if (e.GetKeyCode() != WXK_SPACE || at == wxNOT_FOUND) return e.Skip();
        lines->Check(static_cast<unsigned>(at), !lines->IsChecked(static_cast<unsigned>(at)));
        show_total();
    });

    std::optional<pos::SupervisorApproval> approval;
    std::optional<pos::CommittedSale> result;
    auto try_refund = [&] {
        fields.clear_errors();
        error->SetLabel(wxString());
        const auto ids = chosen();
        // Core would say the same, but only after a senior had come to the till for nothing.
        if (ids.empty()) {
            fields.show_error("lines", ui_text(tr("choose lines of this sale to refund")));
            return dialog.Fit();
        }
        try {
            if (!approval && !pos::has_permission(db, actor.member(), pos::Permission::refund)) {
                approval = ask_supervisor(
                    &dialog, db, actor, pos::Permission::refund,
                    ui_text(trf("A refund of receipt {1} needs a senior's approval: the senior "
                                "types their login and password.",
                                {std::to_string(sale.receipt_number)})));
                if (!approval) {
                    error->SetLabel(ui_text(tr("Not refunded: no senior approved it.")));
                    return dialog.Fit();
                }
            }
            result =
                pos::refund_sale(db, actor, till, sale.id, ids, approval, reason->GetValue().utf8_string());
            dialog.EndModal(wxID_OK);
        } catch (const pos::InputError& e) {
            if (!fields.show_error(e.input(), wxString::FromUTF8(e.reason().str())))
                error->SetLabel(wxString::FromUTF8(e.message()));
        } catch (const UserError& e) {
            error->SetLabel(wxString::FromUTF8(e.message()));
        }
        error->Wrap(dialog.FromDIP(440));
        dialog.Fit();
    };
    dialog.Bind(
        wxEVT_BUTTON, [&](wxCommandEvent&) { try_refund(); }, wxID_OK);
    reason->Bind(wxEVT_TEXT_ENTER, [&](wxCommandEvent&) { try_refund(); });
    if (offered.empty()) {
        refund->Disable();
        error->SetLabel(ui_text(tr("Nothing of this sale can be refunded at the desk.")));
        dialog.Fit();
    }
    (offered.empty() ? static_cast<wxWindow*>(cancel) : lines)->SetFocus();
    if (dialog.ShowModal() != wxID_OK) return std::nullopt;
    return result;
}

}  // namespace salon::ui
