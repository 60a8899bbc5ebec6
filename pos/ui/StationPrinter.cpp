#include "pos/ui/StationPrinter.hpp"

#include "db/UserError.hpp"
#include "pos/print/CupsPrinter.hpp"
#include "pos/ui/FormFields.hpp"

#include <wx/choicdlg.h>
#include <wx/config.h>
#include <wx/log.h>
#include <wx/msgdlg.h>

namespace salon::ui {

namespace {
constexpr const char* kPrinterKey = "receipt_printer";
}  // namespace

wxString station_printer() {
    wxString name;
    wxConfigBase::Get()->Read(kPrinterKey, &name);
    return name;
}

void choose_station_printer(wxWindow* parent) {
    const std::vector<std::string> printers = pos::cups_printers();
    if (printers.empty()) {
        wxMessageDialog none(parent, ui_text(tr("The print service knows no printer at this station: set the receipt printer up in the system's printer settings (CUPS) first.")),
                             ui_text(tr("Printer")), wxOK | wxICON_INFORMATION);
        none.SetOKLabel(ui_text(tr("&OK")));
        none.ShowModal();
        return;
    }
    wxArrayString names;
    names.Add(ui_text(tr("The system's default printer")));
    for (const auto& p : printers) names.Add(wxString::FromUTF8(p));
    wxSingleChoiceDialog dialog(parent, ui_text(tr("Receipts and X/Z reports are printed on:")), ui_text(tr("Printer")),
                                names);
    const wxString chosen = station_printer();
    for (std::size_t i = 0; i < printers.size(); ++i)
        if (wxString::FromUTF8(printers[i]) == chosen) dialog.SetSelection(static_cast<int>(i + 1));
    if (dialog.ShowModal() != wxID_OK) return;
    wxLogNull quiet;  // a setting that cannot be stored must not interrupt the work
    wxConfigBase::Get()->Write(kPrinterKey, dialog.GetSelection() == 0 ? wxString() : dialog.GetStringSelection());
    wxConfigBase::Get()->Flush();
}

PrintOutcome print_on_station_printer(const std::string& pdf, const std::string& title) {
    const std::string printer = station_printer().utf8_string();
    try {
        const int job = pos::print_pdf(pdf, printer, title);
        return {ui_text(trf("Sent to the printer (job {1}).", {std::to_string(job)})), false};
    } catch (const UserError& e) {
        return {wxString::FromUTF8(e.message()), true};
    }
}

}  // namespace salon::ui
