#include "pos/ui/ReceiptDialog.hpp"

#include "db/UserError.hpp"
#include "pos/core/sale/SaleReceipt.hpp"
#include "pos/core/sale/PortInApplication.hpp"
#include "pos/print/ContractPdf.hpp"
#include "pos/print/PortInApplicationPdf.hpp"
#include "pos/print/ReceiptPdf.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/StationPrinter.hpp"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/filename.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/stdpaths.h>
#include <wx/textctrl.h>

#include <optional>
#include <vector>

namespace salon::ui {

void show_receipt(wxWindow* parent, db::Database& db, const pos::Actor& actor, std::int64_t sale_id) {
    pos::ReceiptDocument doc;
    try {
        doc = pos::receipt_for_sale(db, actor, sale_id);
    } catch (const UserError&) {
        return;  // the desk already said the sale is saved; a receipt it cannot read is not shown
    }
    // A sale bringing a number over prints the subscriber's application (R-POS-9). When nothing was paid (a
    // free port-in) it is the sale's only document: 54-FZ asks no receipt without a payment, so the dialog
    // shows, saves and prints the application instead of a receipt of 0,00.
    std::vector<pos::PortInApplication> applications;
    try {
        applications = pos::port_in_applications(db, actor, sale_id);
    } catch (const UserError&) {
    }
    const bool application_only = !applications.empty() && doc.fiscal_state == "not_required";
    wxDialog dialog(parent, wxID_ANY,
                    application_only
                        ? ui_text(trf("Port-in application, sale {1}", {std::to_string(sale_id)}))
                        : ui_text(trf("Receipt {1}", {std::to_string(doc.receipt_number)})));
    wxString text;
    if (application_only) {
        for (const auto& a : applications)
            for (const auto& line : pos::port_in_application_lines(a, 42)) text << wxString::FromUTF8(line) << "\n";
    } else {
        for (const auto& line : pos::receipt_text(doc, 42)) text << wxString::FromUTF8(line) << "\n";
    }
    auto* view = new wxTextCtrl(&dialog, wxID_ANY, text, wxDefaultPosition, dialog.FromDIP(wxSize(430, 480)),
                                wxTE_MULTILINE | wxTE_READONLY | wxTE_DONTWRAP);
    view->SetFont(wxFont(wxFontInfo(10).Family(wxFONTFAMILY_TELETYPE)));
    auto* saved = new wxStaticText(&dialog, wxID_ANY, wxString());
    auto* roll = new wxButton(&dialog, wxID_ANY, ui_text(tr("PDF 80 mm")));
    auto* a4 = new wxButton(&dialog, wxID_ANY, ui_text(tr("PDF A4")));
    auto* print = new wxButton(&dialog, wxID_PRINT, ui_text(tr("Print (Ctrl+P)")));
    auto* close = new wxButton(&dialog, wxID_OK, ui_text(tr("Close")));
    auto save = [&](pos::ReceiptPaper paper, const char* suffix) {
        wxFileName folder(wxStandardPaths::Get().GetDocumentsDir(), wxString());
        folder.AppendDir("receipts");
        folder.Mkdir(wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
        const wxString path =
            folder.GetPathWithSep() +
            (application_only
                 ? wxString::Format("port-in-application-%lld-%s.pdf", static_cast<long long>(sale_id), suffix)
                 : wxString::Format("receipt-%d-%d-%s.pdf", doc.shift_number, doc.receipt_number, suffix));
        try {
            if (application_only)
                pos::write_port_in_application_pdf(applications, path.utf8_string(), paper);
            else
                pos::write_receipt_pdf(doc, path.utf8_string(), paper);
            saved->SetLabel(ui_text(trf("Saved: {1}", {path.utf8_string()})));
            saved->SetForegroundColour(wxColour(0x1E, 0x7B, 0x34));
        } catch (const UserError& e) {
            saved->SetLabel(wxString::FromUTF8(e.message()));
            saved->SetForegroundColour(error_colour());
        }
        dialog.Layout();
    };
    // A SIM sale prints the subscriber's contract too, with the consent text the client signs (152-FZ art. 9).
    std::optional<pos::SubscriberContract> contract;
    try {
        contract = pos::subscriber_contract(db, actor, sale_id);
    } catch (const UserError&) {
    }
    wxButton* contract_button = nullptr;
    if (contract) {
        contract_button = new wxButton(&dialog, wxID_ANY, ui_text(tr("Contract PDF")));
        contract_button->Bind(wxEVT_BUTTON, [&](wxCommandEvent&) {
            wxFileName folder(wxStandardPaths::Get().GetDocumentsDir(), wxString());
            folder.AppendDir("contracts");
            folder.Mkdir(wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
            const wxString path = folder.GetPathWithSep() + wxString::Format("contract-%lld.pdf", static_cast<long long>(sale_id));
            try {
                pos::write_contract_pdf(*contract, path.utf8_string());
                saved->SetLabel(ui_text(trf("Saved: {1}", {path.utf8_string()})));
                saved->SetForegroundColour(wxColour(0x1E, 0x7B, 0x34));
            } catch (const UserError& e) {
                saved->SetLabel(wxString::FromUTF8(e.message()));
                saved->SetForegroundColour(error_colour());
            }
            dialog.Layout();
        });
    }
    // A paid port-in keeps its receipt and gets the application beside it, on A4 in two copies to sign.
    wxButton* application_button = nullptr;
    if (!applications.empty() && !application_only) {
        application_button = new wxButton(&dialog, wxID_ANY, ui_text(tr("Application PDF")));
        application_button->Bind(wxEVT_BUTTON, [&](wxCommandEvent&) {
            wxFileName folder(wxStandardPaths::Get().GetDocumentsDir(), wxString());
            folder.AppendDir("receipts");
            folder.Mkdir(wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
            const wxString path = folder.GetPathWithSep() +
                                  wxString::Format("port-in-application-%lld-a4.pdf", static_cast<long long>(sale_id));
            try {
                pos::write_port_in_application_pdf(applications, path.utf8_string(), pos::ReceiptPaper::a4);
                saved->SetLabel(ui_text(trf("Saved: {1}", {path.utf8_string()})));
                saved->SetForegroundColour(wxColour(0x1E, 0x7B, 0x34));
            } catch (const UserError& e) {
                saved->SetLabel(wxString::FromUTF8(e.message()));
                saved->SetForegroundColour(error_colour());
            }
            dialog.Layout();
        });
    }
    roll->Bind(wxEVT_BUTTON, [&](wxCommandEvent&) { save(pos::ReceiptPaper::roll80, "80mm"); });
    // The 80 mm roll on the station's printer (CUPS), not only a PDF file.
    auto print_roll = [&] {
        const PrintOutcome done =
            application_only
                ? print_on_station_printer(
                      pos::port_in_application_pdf(applications, pos::ReceiptPaper::roll80),
                      trf("Port-in application, sale {1}", {std::to_string(sale_id)}).str())
                : print_on_station_printer(pos::receipt_pdf(doc, pos::ReceiptPaper::roll80),
                                           trf("Receipt {1}", {std::to_string(doc.receipt_number)}).str());
        saved->SetLabel(done.message);
        saved->SetForegroundColour(done.failed ? error_colour() : wxColour(0x1E, 0x7B, 0x34));
        saved->Wrap(dialog.FromDIP(430));
        dialog.Layout();
    };
    print->Bind(wxEVT_BUTTON, [&](wxCommandEvent&) { print_roll(); });
    dialog.Bind(wxEVT_CHAR_HOOK, [&](wxKeyEvent& e) {
        if (e.GetKeyCode() == 'P' && e.GetModifiers() == wxMOD_CONTROL) return print_roll();
        e.Skip();
    });
    a4->Bind(wxEVT_BUTTON, [&](wxCommandEvent&) { save(pos::ReceiptPaper::a4, "a4"); });
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(roll, 0, wxRIGHT, 6);
    buttons->Add(a4, 0, wxRIGHT, 6);
    buttons->Add(print, 0, wxRIGHT, 6);
    if (contract_button) buttons->Add(contract_button, 0, wxRIGHT, 6);
    if (application_button) buttons->Add(application_button, 0, wxRIGHT, 6);
    buttons->AddStretchSpacer();
    buttons->Add(close);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(view, 1, wxEXPAND | wxALL, 12);
    sizer->Add(saved, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, 12);
    dialog.SetSizerAndFit(sizer);
    dialog.SetEscapeId(wxID_OK);
    close->SetDefault();
    close->SetFocus();
    // The receipt is read from its top (GTK leaves a text set at creation scrolled to its end).
    view->SetInsertionPoint(0);
    dialog.CallAfter([view] { view->ShowPosition(0); });
    dialog.ShowModal();
}

}  // namespace salon::ui
