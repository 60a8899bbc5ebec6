#include "pos/ui/ReceiptDialog.hpp"

#include "db/UserError.hpp"
#include "pos/core/fiscal/FiscalCorrection.hpp"
#include "pos/core/sale/PortInApplication.hpp"
#include "pos/core/sale/SaleReceipt.hpp"
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

#include <functional>
#include <optional>
#include <vector>

namespace salon::ui {

namespace {

// What the dialog shows, saves and prints: a receipt, a correction receipt or a port-in application.
struct ShownDocument {
    wxString title;
    std::vector<std::string> lines;                         // the monospaced view, 42 columns
    std::function<std::string(pos::ReceiptPaper)> pdf;      // its PDF on either paper
    std::function<void(const std::string& path, pos::ReceiptPaper)> write;  // the same into a file
    wxString file_stem;                                     // "receipt-1-3": "-80mm.pdf" or "-a4.pdf" follows
    std::string print_title;                                // the print job's
};

// Another document of the same sale saved beside it (the contract, the application), on A4.
struct ExtraPdf {
    wxString label, folder, file;
    std::function<void(const std::string& path)> write;
};

// A PDF written into the person's documents folder, the outcome said in `saved`.
void save_pdf(wxDialog& dialog, wxStaticText* saved, const wxString& folder_name, const wxString& file,
              const std::function<void(const std::string& path)>& write) {
    wxFileName folder(wxStandardPaths::Get().GetDocumentsDir(), wxString());
    folder.AppendDir(folder_name);
    folder.Mkdir(wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
    const wxString path = folder.GetPathWithSep() + file;
    try {
        write(path.utf8_string());
        saved->SetLabel(ui_text(trf("Saved: {1}", {path.utf8_string()})));
        saved->SetForegroundColour(wxColour(0x1E, 0x7B, 0x34));
    } catch (const UserError& e) {
        saved->SetLabel(wxString::FromUTF8(e.message()));
        saved->SetForegroundColour(error_colour());
    }
    dialog.Layout();
}

void show_document(wxWindow* parent, const ShownDocument& shown, const std::vector<ExtraPdf>& extras) {
    wxDialog dialog(parent, wxID_ANY, shown.title);
    wxString text;
    for (const auto& line : shown.lines) text << wxString::FromUTF8(line) << "\n";
    auto* view = new wxTextCtrl(&dialog, wxID_ANY, text, wxDefaultPosition, dialog.FromDIP(wxSize(430, 480)),
                                wxTE_MULTILINE | wxTE_READONLY | wxTE_DONTWRAP);
    view->SetFont(wxFont(wxFontInfo(10).Family(wxFONTFAMILY_TELETYPE)));
    auto* saved = new wxStaticText(&dialog, wxID_ANY, wxString());
    auto* roll = new wxButton(&dialog, wxID_ANY, ui_text(tr("PDF 80 mm")));
    auto* a4 = new wxButton(&dialog, wxID_ANY, ui_text(tr("PDF A4")));
    auto* print = new wxButton(&dialog, wxID_PRINT, ui_text(tr("Print (Ctrl+P)")));
    auto* close = new wxButton(&dialog, wxID_OK, ui_text(tr("Close")));
    auto save = [&](pos::ReceiptPaper paper, const char* suffix) {
        save_pdf(dialog, saved, "receipts", shown.file_stem + "-" + suffix + ".pdf",
                 [&](const std::string& path) { shown.write(path, paper); });
    };
    roll->Bind(wxEVT_BUTTON, [&](wxCommandEvent&) { save(pos::ReceiptPaper::roll80, "80mm"); });
    a4->Bind(wxEVT_BUTTON, [&](wxCommandEvent&) { save(pos::ReceiptPaper::a4, "a4"); });
    // The 80 mm roll on the station's printer (CUPS), not only a PDF file.
    auto print_roll = [&] {
        const PrintOutcome done = print_on_station_printer(shown.pdf(pos::ReceiptPaper::roll80), shown.print_title);
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
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(roll, 0, wxRIGHT, 6);
    buttons->Add(a4, 0, wxRIGHT, 6);
    buttons->Add(print, 0, wxRIGHT, 6);
    for (const ExtraPdf& extra : extras) {
        auto* button = new wxButton(&dialog, wxID_ANY, extra.label);
        button->Bind(wxEVT_BUTTON,
                     [&dialog, saved, &extra](wxCommandEvent&) { save_pdf(dialog, saved, extra.folder, extra.file, extra.write); });
        buttons->Add(button, 0, wxRIGHT, 6);
    }
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
    // The document is read from its top (GTK leaves a text set at creation scrolled to its end).
    view->SetInsertionPoint(0);
    dialog.CallAfter([view] { view->ShowPosition(0); });
    dialog.ShowModal();
}

}  // namespace

void show_receipt(wxWindow* parent, db::Database& db, const pos::Actor& actor, std::int64_t sale_id) {
    pos::ReceiptDocument doc;
    try {
        doc = pos::receipt_for_sale(db, actor, sale_id);
    } catch (const UserError&) {
        return;  // the desk already said the sale is saved; a receipt it cannot read is not shown
    }
    const long long id = sale_id;
    // A SIM sale prints the subscriber's contract too, with the consent text the client signs (152-FZ art. 9).
    std::optional<pos::SubscriberContract> contract;
    try {
        contract = pos::subscriber_contract(db, actor, sale_id);
    } catch (const UserError&) {
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
    ShownDocument shown;
    if (application_only) {
        shown.title = ui_text(trf("Port-in application, sale {1}", {std::to_string(sale_id)}));
        for (const auto& a : applications)
            for (auto& line : pos::port_in_application_lines(a, 42)) shown.lines.push_back(std::move(line));
        shown.pdf = [&](pos::ReceiptPaper paper) { return pos::port_in_application_pdf(applications, paper); };
        shown.write = [&](const std::string& path, pos::ReceiptPaper paper) {
            pos::write_port_in_application_pdf(applications, path, paper);
        };
        shown.file_stem = wxString::Format("port-in-application-%lld", id);
        shown.print_title = trf("Port-in application, sale {1}", {std::to_string(sale_id)}).str();
    } else {
        shown.title = ui_text(trf("Receipt {1}", {std::to_string(doc.receipt_number)}));
        shown.lines = pos::receipt_text(doc, 42);
        shown.pdf = [&](pos::ReceiptPaper paper) { return pos::receipt_pdf(doc, paper); };
        shown.write = [&](const std::string& path, pos::ReceiptPaper paper) { pos::write_receipt_pdf(doc, path, paper); };
        shown.file_stem = wxString::Format("receipt-%d-%d", doc.shift_number, doc.receipt_number);
        shown.print_title = trf("Receipt {1}", {std::to_string(doc.receipt_number)}).str();
    }
    std::vector<ExtraPdf> extras;
    if (contract)
        extras.push_back({ui_text(tr("Contract PDF")), "contracts", wxString::Format("contract-%lld.pdf", id),
                          [&](const std::string& path) { pos::write_contract_pdf(*contract, path); }});
    // A paid port-in keeps its receipt and gets the application beside it, on A4 in two copies to sign.
    if (!applications.empty() && !application_only)
        extras.push_back({ui_text(tr("Application PDF")), "receipts",
                          wxString::Format("port-in-application-%lld-a4.pdf", id), [&](const std::string& path) {
                              pos::write_port_in_application_pdf(applications, path, pos::ReceiptPaper::a4);
                          }});
    show_document(parent, shown, extras);
}

void show_correction_receipt(wxWindow* parent, db::Database& db, const pos::Actor& actor,
                             std::int64_t correction_id) {
    pos::ReceiptDocument doc;
    try {
        doc = pos::correction_receipt(db, actor, correction_id);
    } catch (const UserError&) {
        return;
    }
    ShownDocument shown;
    shown.title = ui_text(trf("Correction No. {1}", {std::to_string(correction_id)}));
    shown.lines = pos::receipt_text(doc, 42);
    shown.pdf = [&](pos::ReceiptPaper paper) { return pos::receipt_pdf(doc, paper); };
    shown.write = [&](const std::string& path, pos::ReceiptPaper paper) { pos::write_receipt_pdf(doc, path, paper); };
    shown.file_stem = wxString::Format("correction-%lld", static_cast<long long>(correction_id));
    shown.print_title = pos::receipt_number_text(doc);
    show_document(parent, shown, {});
}

}  // namespace salon::ui
