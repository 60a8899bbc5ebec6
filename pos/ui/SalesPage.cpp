#include "pos/ui/SalesPage.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/identifiers/PersonalDataMask.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/ui/FiscalQueuePage.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/ListColumns.hpp"
#include "pos/ui/PageFocus.hpp"
#include "pos/ui/ReceiptDialog.hpp"
#include "pos/ui/RefundDialog.hpp"

#include <wx/settings.h>
#include <wx/sizer.h>

#include <algorithm>
#include <utility>

namespace salon::ui {

namespace {

wxString money(const pos::Money& m) { return wxString::FromUTF8(m.format()); }

// Short, for a column of a list that must fit the page; the receipt itself says it in full.
Text fiscal_state_title(const std::string& state) {
    if (state == "fiscalised") return tr("fiscalised");
    if (state == "failed") return tr("registrar failed");
    if (state == "not_required") return tr("no receipt");  // nothing paid (54-FZ): a free port-in
    return tr("pending");
}

// The headings of the shift, the two payments and the fiscal state: in full or abbreviated ("См.", "Нал.", "Карта", "ККТ") for nine columns in the 760 pixels a 1024-wide screen
// leaves; the list's tooltip spells the short ones out. Empty for the other columns.
Text sales_heading(int column, bool full) {
    switch (column) {
    case 1: return full ? tr("Shift") : tr("Sh.");
    case 6: return full ? tr("Cash payment") : tr("In cash");
    case 7: return full ? tr("Card payment") : tr("By card");
    case 8: return full ? tr("Fiscal state") : tr("Registrar");
    default: return Text();
    }
}

Text short_headings_tip() {
    return tr("Sh.: the shift; in cash and by card: how the receipt was paid; registrar: the receipt's fiscal state");
}

// The least the specialist's name keeps before the headings are abbreviated: a surname and initials.
constexpr int kLeastNameWidth = 120;

pos::CalendarDate date_of(const wxTextCtrl* typed, const char* input, const Text& field) {
    return pos::CalendarDate::parse(typed->GetValue().utf8_string(), input, field);
}

// A day typed as the salon writes it (05.12.2026): wx's date picker writes the C locale's 12/05/2026 on a
// machine without the Russian locale installed, and salons' machines often have none.
wxTextCtrl* day_input(wxWindow* parent) {
    auto* input = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    input->SetHint(ui_text(tr("DD.MM.YYYY")));
    input->SetInitialSize(input->GetSizeFromTextSize(input->GetTextExtent("00.00.00000")));
    return input;
}

}  // namespace

SalesPage::SalesPage(wxWindow* parent, db::Database& db, const pos::Actor& actor, std::string till)
    : StationPage(parent), db_(db), actor_(actor), till_(std::move(till)) {
    auto* days = new wxStaticText(this, wxID_ANY, ui_text(tr("Days (Ctrl+D): from")));
    from_ = day_input(this);
    auto* to_label = new wxStaticText(this, wxID_ANY, ui_text(tr("to")));
    to_ = day_input(this);
    auto* today = new wxButton(this, wxID_ANY, ui_text(tr("Today (Ctrl+T)")));
    summary_ = new wxStaticText(this, wxID_ANY, wxString());
    summary_->SetFont(summary_->GetFont().Bold());
    auto* header = new wxBoxSizer(wxHORIZONTAL);
    header->Add(days, 0, wxALIGN_CENTER_VERTICAL);
    header->Add(from_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(6));
    header->Add(to_label, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(6));
    header->Add(to_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(6));
    header->Add(today, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(6));

    status_ = new wxStaticText(this, wxID_ANY, wxString());

    sales_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    // Together no wider than the page in the main window's default size: no column is cut off.
    sales_->AppendColumn(ui_text(tr("Receipt")), wxLIST_FORMAT_RIGHT, FromDIP(64));
    // Nine columns in the 760 pixels a 1024-wide screen leaves: there the Russian headings of the shift, the
    // two payments and the fiscal state are abbreviated (sales_heading), the list's tooltip spells them out,
    // so the card's and the registrar's columns are in sight without scrolling; a wider list has them in full.
    sales_->SetToolTip(ui_text(short_headings_tip()));
    sales_->AppendColumn(ui_text(tr("Sh.")), wxLIST_FORMAT_RIGHT, FromDIP(40));
    sales_->AppendColumn(ui_text(tr("Time")), wxLIST_FORMAT_LEFT, FromDIP(128));
    sales_->AppendColumn(ui_text(tr("Specialist")), wxLIST_FORMAT_LEFT, FromDIP(190));
    sales_->AppendColumn(ui_text(tr("Kind")), wxLIST_FORMAT_LEFT, FromDIP(150));
    sales_->AppendColumn(ui_text(tr("Total")), wxLIST_FORMAT_RIGHT, FromDIP(100));
    sales_->AppendColumn(ui_text(tr("In cash")), wxLIST_FORMAT_RIGHT, FromDIP(95));
    sales_->AppendColumn(ui_text(tr("By card")), wxLIST_FORMAT_RIGHT, FromDIP(95));
    sales_->AppendColumn(ui_text(tr("Registrar")), wxLIST_FORMAT_LEFT, FromDIP(150));

    lines_title_ = new wxStaticText(this, wxID_ANY, ui_text(tr("Lines")));
    lines_title_->SetFont(lines_title_->GetFont().Bold());
    lines_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    lines_->AppendColumn(wxString::FromUTF8("№"), wxLIST_FORMAT_RIGHT, FromDIP(36));
    lines_->AppendColumn(ui_text(tr("Item")), wxLIST_FORMAT_LEFT, FromDIP(440));
    lines_->AppendColumn(ui_text(tr("Qty")), wxLIST_FORMAT_RIGHT, FromDIP(50));
    lines_->AppendColumn(ui_text(tr("Amount")), wxLIST_FORMAT_RIGHT, FromDIP(110));
    lines_->AppendColumn(ui_text(tr("VAT")), wxLIST_FORMAT_RIGHT, FromDIP(100));
    lines_->AppendColumn(ui_text(tr("Refund")), wxLIST_FORMAT_LEFT, FromDIP(200));

    receipt_ = new wxButton(this, wxID_ANY, ui_text(tr("Receipt (Enter)")));
    refund_ = new wxButton(this, wxID_ANY, ui_text(tr("Refund… (Ctrl+R)")));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(receipt_, 0, wxRIGHT, FromDIP(6));
    buttons->Add(refund_, 0);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(header, 0, wxEXPAND | wxALL, FromDIP(8));
    // The receipts' count and net sum on a line of their own, never cut by a narrow window.
    sizer->Add(summary_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    sizer->Add(status_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(sales_, 3, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(lines_title_, 0, wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(lines_, 2, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(buttons, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    SetSizer(sizer);

    try {
        time_zone_ = pos::get_salon(db_, actor_, actor_.member().salon_id).time_zone;
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
    for (wxTextCtrl* day : {from_, to_})
        day->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
            following_today_ = false;
            show_sales();
        });
    today->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        following_today_ = true;
        refresh();
    });
    Bind(wxEVT_SHOW, [this](wxShowEvent& e) {
        e.Skip();
        if (e.IsShown()) CallAfter([this] { take_focus_if_lost(this, sales_); });
    });
    // Headings whole from the start (an empty list is never fitted to its rows): "Кол-во", not "Кол-".
    fit_columns(sales_);
    fit_columns(lines_);
    // The specialist's name takes what the others leave, down to its first letters (not stretch_column's 80
    // pixels): see squeeze_sales_columns.
    sales_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { squeeze_sales_columns(); });
    });
    squeeze_sales_columns();
    stretch_column(lines_, 1);
    sales_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { show_lines(); });
    sales_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { open_receipt(); });
    receipt_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { open_receipt(); });
    refund_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { refund(); });
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetModifiers() == wxMOD_CONTROL) {
            switch (e.GetKeyCode()) {
            case 'D': return from_->SetFocus();
            case 'T': following_today_ = true; return refresh();
            case 'R': return refund();
            default: break;
            }
        }
        e.Skip();
    });
}

void SalesPage::refresh() {
    if (following_today_) show_today();
    show_sales();
}

void SalesPage::show_today() {
    if (time_zone_.empty()) return;
    const std::string today = pos::CalendarDate::of(db_.now(), time_zone_).display();
    from_->ChangeValue(wxString::FromUTF8(today));
    to_->ChangeValue(wxString::FromUTF8(today));
}

void SalesPage::show_sales() {
    const std::int64_t keep = selected() ? selected()->id : 0;
    sales_->DeleteAllItems();
    records_.clear();
    bool one_day = true;
    try {
        const pos::CalendarDate from = date_of(from_, "from", tr("From"));
        const pos::CalendarDate to = date_of(to_, "to", tr("To"));
        if (to < from) throw pos::InputError("to", tr("To"), tr("must not be before the first day"));
        one_day = from == to;
        records_ = pos::list_sales(db_, actor_, from.start_unix(time_zone_),
                                   to.plus_days(1).start_unix(time_zone_), actor_.member().salon_id);
        status(wxString(), false);
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
    pos::Money net;
    long select = records_.empty() ? -1 : 0;
    for (std::size_t i = 0; i < records_.size(); ++i) {
        const pos::SaleRecord& s = records_[i];
        const bool refund = s.kind == "refund";
        const long row = sales_->InsertItem(static_cast<long>(i), wxString::Format("%d", s.receipt_number));
        sales_->SetItem(row, 1, wxString::Format("%d", s.shift_number));
        // Over one day the date says nothing: the time alone, and room for the other columns.
        const std::string when = pos::local_date_time(s.created_at, s.time_zone);
        sales_->SetItem(row, 2, wxString::FromUTF8(one_day ? when.substr(when.find(' ') + 1) : when));
        // The surname with initials, as a journal of receipts names its cashier: "Волкова Д. И." fits where
        // the whole name would be cut to its first letters.
        sales_->SetItem(row, 3, wxString::FromUTF8(pos::mask_full_name(s.staff_name)));
        wxString kind = ui_text(tr("sale"));
        if (refund) {
            kind = ui_text(tr("refund"));
            const auto original = std::find_if(records_.begin(), records_.end(),
                                               [&](const pos::SaleRecord& r) { return r.id == s.refund_of; });
            if (original != records_.end())
                kind = ui_text(trf("refund of receipt {1}", {std::to_string(original->receipt_number)}));
        }
        sales_->SetItem(row, 4, kind);
        // A refund's money goes out of the drawer and back to the card: shown with a minus, as its total.
        const auto signed_money = [refund](const pos::Money& m) {
            return (refund && m.kopecks() != 0 ? wxString::FromUTF8("−") : wxString()) + money(m);
        };
        sales_->SetItem(row, 5, signed_money(s.total));
        sales_->SetItem(row, 6, signed_money(refund ? s.paid_cash : s.paid_cash - s.change_due));
        sales_->SetItem(row, 7, signed_money(s.paid_card));
        sales_->SetItem(row, 8, ui_text(fiscal_state_title(s.fiscal_state)));
        if (refund) sales_->SetItemTextColour(row, error_colour());
        if (s.fiscal_state == "failed") sales_->SetItemBackgroundColour(row, wxColour(0xFB, 0xE3, 0xE3));
        net += refund ? pos::Money() - s.total : s.total;
        if (s.id == keep) select = row;
    }
    fit_columns(sales_, 3);  // the specialist's name gives way, so the amounts stay in sight
    squeeze_sales_columns();
    summary_->SetLabel(
        ui_text(trf("{1} receipts, net {2}", {std::to_string(records_.size()), net.format()})));
    if (select >= 0) {
        sales_->SetItemState(select, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                             wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        sales_->EnsureVisible(select);
    }
    show_lines();
    Layout();
}

const pos::SaleRecord* SalesPage::selected() const {
    const long row = sales_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || row >= static_cast<long>(records_.size())) return nullptr;
    return &records_[static_cast<std::size_t>(row)];
}

void SalesPage::show_lines() {
    lines_->DeleteAllItems();
    refunded_.clear();
    const pos::SaleRecord* s = selected();
    receipt_->Enable(s != nullptr);
    refund_->Enable(false);
    if (!s) {
        lines_title_->SetLabel(ui_text(tr("Lines")));
        return;
    }
    const bool sale = s->kind == "sale";
    lines_title_->SetLabel(
        sale ? ui_text(trf("Lines of receipt {1}", {std::to_string(s->receipt_number)}))
             : ui_text(trf("Lines refunded by receipt {1}", {std::to_string(s->receipt_number)})));
    try {
        if (sale) refunded_ = pos::refunded_line_ids(db_, actor_, s->id);
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
    bool any_refundable = false;
    const wxColour grey = wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
    for (std::size_t i = 0; i < s->lines.size(); ++i) {
        const auto& l = s->lines[i];
        const long row = lines_->InsertItem(static_cast<long>(i), wxString::Format("%d", l.line_no));
        lines_->SetItem(row, 1, wxString::FromUTF8(l.description + (l.is_bundle ? " ★" : "")));
        lines_->SetItem(row, 2, wxString::Format("%d", l.quantity));
        lines_->SetItem(row, 3, money(l.amount));
        lines_->SetItem(row, 4, l.agent ? ui_text(tr("agent")) : money(l.vat_amount));
        if (!sale) continue;
        const bool done = std::find(refunded_.begin(), refunded_.end(), l.id) != refunded_.end();
        if (done) {
            lines_->SetItem(row, 5, ui_text(tr("already refunded")));
            lines_->SetItemTextColour(row, grey);
        } else if (!pos::refundable_at_desk(l.kind)) {
            lines_->SetItem(row, 5, ui_text(tr("by the operator")));
        } else {
            any_refundable = true;
        }
    }
    fit_columns(lines_, 1);
    refund_->Enable(sale && any_refundable);
    Layout();
}

void SalesPage::open_receipt() {
    if (const pos::SaleRecord* s = selected()) show_receipt(this, db_, actor_, s->id);
}

void SalesPage::refund() {
    const pos::SaleRecord* s = selected();
    if (!s || !refund_->IsEnabled()) return;
    const auto done = ask_refund(this, db_, actor_, till_, s->id);
    if (!done) return;
    // Committed first, then the registrar (R-POS-10).
    const wxString fiscal = fiscalise_after_commit(db_, actor_, till_);
    show_sales();
    status(ui_text(trf("Refund receipt {1} saved: {2} back to the client.",
                       {std::to_string(done->receipt_number), done->total.format()})) +
               " " + fiscal,
           false);
    show_receipt(this, db_, actor_, done->sale_id);
    sales_->SetFocus();
}

// The specialist's name takes the width the other columns leave. On a 1024-wide screen that is less than a
// surname with initials: the other columns first give the air fit_columns leaves beside their texts, then
// the kind of the receipt down to its first word, and only then the name; the amounts and the fiscal state
// stay in sight.
void SalesPage::set_sales_headings(bool full) {
    // The tooltip spells out the short headings; the full ones need none.
    if (full)
        sales_->UnsetToolTip();
    else
        sales_->SetToolTip(ui_text(short_headings_tip()));
    for (int c = 0; c < sales_->GetColumnCount(); ++c) {
        const Text heading = sales_heading(c, full);
        if (heading.empty()) continue;
        wxListItem column;
        column.SetText(ui_text(heading));
        sales_->SetColumn(c, column);
    }
}

void SalesPage::choose_sales_headings() {
    const int client = sales_->GetClientSize().GetWidth();
    if (client <= 0) return;
    // Each full heading's width as fit_columns gives it (GTK's header with its padding, and fit_columns' own
    // air), measured once the list is shown: an estimate from the text alone came out short and flipped the
    // headings back and forth.
    if (full_heading_widths_.empty()) {
        for (int c = 0; c < sales_->GetColumnCount(); ++c) {
            if (sales_heading(c, true).empty()) continue;
            const int width = sales_->GetColumnWidth(c);
            wxListItem column;
            column.SetText(ui_text(sales_heading(c, true)));
            sales_->SetColumn(c, column);
            sales_->SetColumnWidth(c, wxLIST_AUTOSIZE_USEHEADER);
            full_heading_widths_[c] = sales_->GetColumnWidth(c) + FromDIP(16);
            column.SetText(ui_text(sales_heading(c, full_headings_)));
            sales_->SetColumn(c, column);
            sales_->SetColumnWidth(c, width);
        }
    }
    // The width the list needs with the full headings (each column as wide as now or as its full heading, as
    // fit_columns would make it) and the specialist's name at least a surname with initials.
    int needed = FromDIP(kLeastNameWidth);
    for (int c = 0; c < sales_->GetColumnCount(); ++c) {
        if (c == 3) continue;
        const auto full = full_heading_widths_.find(c);
        needed += std::max(sales_->GetColumnWidth(c), full == full_heading_widths_.end() ? 0 : full->second);
    }
    const bool full = needed <= client;
    if (full == full_headings_) return;
    full_headings_ = full;
    set_sales_headings(full);
    fit_columns(sales_, 3);
}

void SalesPage::squeeze_sales_columns() {
    const int client = sales_->GetClientSize().GetWidth();
    if (client <= 0) return;
    choose_sales_headings();
    int others = 0;
    for (int c = 0; c < sales_->GetColumnCount(); ++c)
        if (c != 3) others += sales_->GetColumnWidth(c);
    // The name needs its widest surname with initials (of the first rows), the kind at least "продажа".
    int least_name = FromDIP(48);
    for (long row = 0; row < std::min(sales_->GetItemCount(), 200); ++row)
        least_name = std::max(least_name, sales_->GetTextExtent(sales_->GetItemText(row, 3)).GetWidth() + FromDIP(16));
    least_name = std::min(least_name, FromDIP(kLeastNameWidth));
    const int least_kind = sales_->GetTextExtent(ui_text(tr("sale"))).GetWidth() + FromDIP(16);
    int over = others + least_name - client;
    // fit_columns' air: 8 pixels beyond the wider of the text and its heading (which has 8 of its own).
    for (const int column : {8, 2, 5, 6, 7, 0, 1, 4}) {
        if (over <= 0) break;
        const int take = std::min(over, FromDIP(8));
        sales_->SetColumnWidth(column, sales_->GetColumnWidth(column) - take);
        others -= take;
        over -= take;
    }
    if (over > 0) {
        const int width = sales_->GetColumnWidth(4);
        const int take = std::min(over, std::max(0, width - least_kind));
        sales_->SetColumnWidth(4, width - take);
        others -= take;
    }
    sales_->SetColumnWidth(3, std::max(client - others, FromDIP(48)));
}

}  // namespace salon::ui
