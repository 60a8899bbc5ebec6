#include "pos/ui/TariffAdvisorDialog.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/catalog/TariffAdvisor.hpp"
#include "pos/ui/FormFields.hpp"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>
#include <wx/tokenzr.h>

namespace salon::ui {

std::string choose_tariff_with_advisor(wxWindow* parent, db::Database& db) {
    wxDialog dialog(parent, wxID_ANY, ui_text(tr("Tariff advisor")), wxDefaultPosition, wxDefaultSize,
                    wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
    FormFields fields(&dialog);
    auto number = [&](const char* key, const Text& label) {
        auto* t = new wxTextCtrl(&dialog, wxID_ANY, "0", wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
        fields.add(key, label, t);
        return t;
    };
    wxTextCtrl* russia = number("russia", tr("Minutes in Russia a month"));
    wxTextCtrl* other = number("other", tr("Minutes to other operators"));
    wxTextCtrl* mb = number("mb", tr("Megabytes a month"));
    wxTextCtrl* sms = number("sms", tr("SMS a month"));
    wxTextCtrl* international = number("international", tr("International minutes a month"));
    // Months that differ, one after the other (separated by ";"): a tariff with «Перенос остатков» carries
    // each month's unused package to the next (R-TAR-3).
    auto* by_month = new wxTextCtrl(&dialog, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    by_month->SetHint("russia=1000,mb=5120; russia=2000,mb=15360");
    by_month->SetToolTip(ui_text(tr("Leave empty for one month like the fields above; else each month in order, "
                                    "separated by \";\" (keys: corporate, russia, other, international, mb, sms)")));
    fields.add("month", tr("Month by month"), by_month);
    auto* ranking = new wxListCtrl(&dialog, wxID_ANY, wxDefaultPosition, dialog.FromDIP(wxSize(520, 170)),
                                   wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    ranking->AppendColumn(ui_text(tr("Tariff")), wxLIST_FORMAT_LEFT, dialog.FromDIP(170));
    ranking->AppendColumn(ui_text(tr("A month")), wxLIST_FORMAT_RIGHT, dialog.FromDIP(120));
    ranking->AppendColumn(ui_text(tr("Bundle")), wxLIST_FORMAT_LEFT, dialog.FromDIP(80));
    ranking->AppendColumn(ui_text(tr("Total")), wxLIST_FORMAT_RIGHT, dialog.FromDIP(130));
    auto* arithmetic = new wxTextCtrl(&dialog, wxID_ANY, wxString(), wxDefaultPosition, dialog.FromDIP(wxSize(520, 140)),
                                      wxTE_MULTILINE | wxTE_READONLY);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(fields.sizer(), 0, wxEXPAND | wxALL, 12);
    sizer->Add(ranking, 1, wxEXPAND | wxLEFT | wxRIGHT, 12);
    sizer->Add(arithmetic, 0, wxEXPAND | wxALL, 12);
    sizer->Add(dialog.CreateButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 12);
    dialog.SetSizerAndFit(sizer);

    std::vector<pos::TariffQuote> quotes;
    auto as_int = [](wxTextCtrl* t) {
        long v = 0;
        return t->GetValue().ToLong(&v) ? static_cast<int>(v) : -1;
    };
    auto show_arithmetic = [&](long row) {
        if (row < 0 || row >= static_cast<long>(quotes.size())) return;
        wxString text;
        for (const auto& l : quotes[static_cast<std::size_t>(row)].lines) {
            text << wxString::FromUTF8(l.what.str()) << ": ";
            if (l.quantity) text << *l.quantity << " × " << wxString::FromUTF8(l.unit_price.format()) << " = ";
            text << wxString::FromUTF8(l.amount.format()) << "\n";
        }
        const auto& q = quotes[static_cast<std::size_t>(row)];
        for (const auto& f : q.features)
            text << ui_text(f.kind == "service" ? tr("Included service") : tr("Option")) << ": "
                 << wxString::FromUTF8(f.name) << "\n";
        if (!q.assumed.empty())
            text << ui_text(tr("Catalog values not from the source")) << ": " << wxString::FromUTF8(q.assumed) << "\n";
        arithmetic->ChangeValue(text);
    };
    auto compute = [&] {
        fields.clear_errors();
        pos::UsageProfile p;
        p.segment = "private";
        p.minutes_russia = as_int(russia);
        p.minutes_other_operators = as_int(other);
        p.mb = as_int(mb);
        p.sms = as_int(sms);
        p.minutes_international = as_int(international);
        try {
            const wxArrayString months = wxSplit(by_month->GetValue(), ';', '\0');
            for (wxString m : months)
                if (!m.Trim().Trim(false).IsEmpty()) p.by_month.push_back(pos::parse_month_usage(m.utf8_string()));
            if (!p.by_month.empty()) {
                // The month's fields stand for one month only: month by month takes over.
                p.minutes_russia = p.minutes_other_operators = p.mb = p.sms = p.minutes_international = 0;
                p.months = static_cast<int>(p.by_month.size());
            }
            quotes = pos::advise(db, p, pos::today_utc(db));
        } catch (const pos::InputError& e) {
            fields.show_error(e.input(), wxString::FromUTF8(e.reason().str()));
            dialog.Layout();
            return;
        }
        ranking->DeleteAllItems();
        for (std::size_t i = 0; i < quotes.size(); ++i) {
            const long row = ranking->InsertItem(static_cast<long>(i), wxString::FromUTF8(quotes[i].name));
            ranking->SetItem(row, 1, wxString::FromUTF8(quotes[i].monthly.format()));
            ranking->SetItem(row, 2, quotes[i].is_bundle ? ui_text(tr("yes")) : wxString());
            ranking->SetItem(row, 3, quotes[i].individual ? ui_text(tr("by agreement"))
                                                          : wxString::FromUTF8(quotes[i].total.format()));
        }
        if (!quotes.empty()) {
            ranking->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                  wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            show_arithmetic(0);
        }
    };
    for (wxTextCtrl* t : {russia, other, mb, sms, international, by_month}) {
        t->SelectAll();
        t->Bind(wxEVT_TEXT_ENTER, [&](wxCommandEvent&) {
            compute();
            ranking->SetFocus();
        });
    }
    ranking->Bind(wxEVT_LIST_ITEM_SELECTED, [&](wxListEvent& e) { show_arithmetic(e.GetIndex()); });
    ranking->Bind(wxEVT_LIST_ITEM_ACTIVATED, [&](wxListEvent&) { dialog.EndModal(wxID_OK); });
    compute();
    russia->SetFocus();
    if (dialog.ShowModal() != wxID_OK) return std::string();
    const long row = ranking->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || row >= static_cast<long>(quotes.size())) return std::string();
    return quotes[static_cast<std::size_t>(row)].code;
}

}  // namespace salon::ui
