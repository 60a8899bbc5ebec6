#include "pos/ui/CorrectionDialog.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/fiscal/FiscalCorrection.hpp"
#include "pos/core/fiscal/FiscalQueue.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/ui/FormDialog.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/WxLabels.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <vector>

namespace salon::ui {

std::optional<wxString> ask_correction(wxWindow* parent, db::Database& db, const pos::Actor& actor,
                                       const std::string& till, std::int64_t* recorded) {
    wxDialog dialog(parent, wxID_ANY, ui_text(tr("Correction receipt")));
    auto* explanation = new wxStaticText(
        &dialog, wxID_ANY,
        ui_text(tr("Registers money the till took or paid back without a receipt, on the basis of a document "
                   "(an act or an order). It goes to the registrar like a receipt and is shown on the X and Z "
                   "reports.")));
    FormFields fields(&dialog);
    auto* kind = new wxChoice(&dialog, wxID_ANY);
    kind->Append(ui_text(pos::correction_kind_title(pos::CorrectionKind::income)));
    kind->Append(ui_text(pos::correction_kind_title(pos::CorrectionKind::refund)));
    kind->SetSelection(0);
    // Tag 1173: the till corrects itself, or the tax authority ordered it.
    auto* made = new wxChoice(&dialog, wxID_ANY);
    made->Append(ui_text(tr("by the till itself")));
    made->Append(ui_text(tr("by order of the tax authority")));
    made->SetSelection(0);
    auto* amount = new wxTextCtrl(&dialog, wxID_ANY);
    amount->SetHint(ui_text(tr("e.g. 1234,50")));
    // How the money moved is chosen, never assumed.
    auto* payment = new wxChoice(&dialog, wxID_ANY);
    payment->Append(ui_text(tr("cash")));
    payment->Append(ui_text(tr("card")));
    auto* vat = new wxChoice(&dialog, wxID_ANY);
    std::vector<std::string> vat_codes;
    for (const auto& rate : pos::vat_rates_in_force(db, pos::CalendarDate::of_utc(db.now()))) {
        vat_codes.push_back(rate.code);
        vat->Append(rate.basis_points == 0
                        ? ui_text(tr("no VAT"))
                        : ui_text(trf("VAT {1}%", {std::to_string(rate.basis_points / 100)})));
        if (rate.code == "standard") vat->SetSelection(static_cast<int>(vat_codes.size() - 1));
    }
    auto* reason = new wxTextCtrl(&dialog, wxID_ANY);
    reason->SetHint(ui_text(tr("what was not registered and why")));
    auto* document = new wxTextCtrl(&dialog, wxID_ANY);
    auto* document_date = new wxTextCtrl(&dialog, wxID_ANY);
    document_date->SetHint(ui_text(tr("dd.mm.yyyy")));
    fields.add("kind", tr("Correction type"), kind);
    fields.add("type", tr("Correction made"), made);
    fields.add("amount", tr("Amount"), amount);
    fields.add("payment", tr("Payment"), payment);
    fields.add("vat", tr("VAT"), vat);
    fields.add("reason", tr("Reason"), reason);
    fields.add("document", tr("Basis document number"), document);
    fields.add("document_date", tr("Basis document date"), document_date);
    for (wxWindow* w : std::vector<wxWindow*>{amount, reason, document, document_date})
        w->SetMinSize(wxSize(dialog.FromDIP(260), -1));
    wxStaticText* error = lay_out_form_dialog(dialog, explanation, fields, tr("Register the correction"));
    std::optional<wxString> result;
    auto show = [&](const wxString& message) {
        error->SetLabel(message);
        error->Wrap(dialog.FromDIP(440));
        dialog.Layout();
        dialog.Fit();
    };
    dialog.Bind(
        wxEVT_BUTTON,
        [&](wxCommandEvent&) {
            fields.clear_errors();
            show(wxString());
            try {
                if (payment->GetSelection() < 0)
                    throw pos::InputError("payment", tr("Payment"), tr("choose cash or card"));
                pos::CorrectionRequest r;
                r.kind = kind->GetSelection() == 1 ? pos::CorrectionKind::refund : pos::CorrectionKind::income;
                r.amount = pos::parse_input("amount", [&] { return pos::Money::parse(amount->GetValue().utf8_string()); });
                r.card = payment->GetSelection() == 1;
                if (vat->GetSelection() >= 0) r.vat_code = vat_codes[vat->GetSelection()];
                r.reason = reason->GetValue().utf8_string();
                r.basis_number = document->GetValue().utf8_string();
                r.basis_date = document_date->GetValue().utf8_string();
                r.by_order = made->GetSelection() == 1;
                const std::int64_t id = pos::record_correction(db, actor, till, r);
                if (recorded) *recorded = id;
                auto registrar = pos::registrar_for_till(db, actor, till);
                const pos::FiscalRun run = pos::fiscalise_corrections(db, actor, till, *registrar, {id});
                result = run.fault == pos::FiscalFault::none
                             ? ui_text(trf("Correction {1} registered.", {std::to_string(id)}))
                             : ui_text(trf("Correction {1} recorded; awaiting fiscalisation ({2}).",
                                           {std::to_string(id), pos::fiscal_fault_title(run.fault).str()}));
                dialog.EndModal(wxID_OK);
            } catch (const pos::InputError& e) {
                if (!fields.show_error(e.input(), wxString::FromUTF8(e.reason().str())))
                    show(wxString::FromUTF8(e.message()));
                dialog.Layout();
                dialog.Fit();
            } catch (const UserError& e) {
                show(wxString::FromUTF8(e.message()));
            }
        },
        wxID_OK);
    amount->SetFocus();
    if (dialog.ShowModal() != wxID_OK) return std::nullopt;
    return result;
}

}  // namespace salon::ui
