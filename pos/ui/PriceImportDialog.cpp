#include "pos/ui/PriceImportDialog.hpp"

#include "db/UserError.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/Money.hpp"
#include "pos/ui/CatalogTexts.hpp"
#include "pos/ui/FormFields.hpp"

#include <wx/filename.h>
#include <wx/sizer.h>

#include <algorithm>
#include <map>

namespace salon::ui {

namespace {

std::string display_date(const std::string& iso) {
    try {
        return pos::CalendarDate::parse(iso, "valid_from", tr("Valid from")).display();
    } catch (const ValidationError&) {
        return iso;
    }
}

wxString action_text(const pos::PriceRowPlan& r) {
    const std::string from = display_date(r.valid_from);
    switch (r.action) {
    case pos::PriceRowAction::new_product: return ui_text(trf("new product, on sale from {1}", {from}));
    case pos::PriceRowAction::new_price:
        if (r.previous_price < 0) return ui_text(trf("new price from {1}", {from}));
        return ui_text(
            trf("new price from {1} (was {2})", {from, pos::Money::from_kopecks(r.previous_price).format()}));
    case pos::PriceRowAction::unchanged: return ui_text(tr("unchanged"));
    }
    return wxString();
}

enum Column { kRow, kCode, kName, kKind, kPrice, kVat, kFrom, kWhat };

// The list's width at first, in DIPs: a price list's row reads whole on a 1280-pixel screen.
constexpr int kListWidth = 900;

}  // namespace

PriceImportDialog::PriceImportDialog(wxWindow* parent, db::Database& db, const pos::Actor& actor,
                                     std::string path)
    : wxDialog(
          parent, wxID_ANY,
          ui_text(trf("Price list {1}", {wxFileName(wxString::FromUTF8(path)).GetFullName().utf8_string()})),
          wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      db_(db),
      actor_(actor),
      path_(std::move(path)) {
    summary_ = new wxStaticText(this, wxID_ANY, wxString());
    summary_->SetFont(summary_->GetFont().Bold());
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(kListWidth, 320)),
                           wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    list_->AppendColumn(ui_text(tr("Row")), wxLIST_FORMAT_RIGHT);
    list_->AppendColumn(ui_text(tr("Code")));
    list_->AppendColumn(ui_text(tr("Name")));
    list_->AppendColumn(ui_text(tr("Kind")));
    list_->AppendColumn(ui_text(tr("Price")), wxLIST_FORMAT_RIGHT);
    list_->AppendColumn(ui_text(tr("VAT")));
    list_->AppendColumn(ui_text(tr("Valid from")));
    list_->AppendColumn(ui_text(tr("What happens")));
    error_ = new wxStaticText(this, wxID_ANY, wxString());
    error_->SetForegroundColour(error_colour());
    // The selected row's problems in full: the last column is often too narrow for them.
    detail_ = new wxStaticText(this, wxID_ANY, wxString());
    detail_->SetForegroundColour(error_colour());
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { show_detail(e.GetIndex()); });

    auto* read_again = new wxButton(this, wxID_ANY, ui_text(tr("&Read the file again")));
    apply_ = new wxButton(this, wxID_ANY, ui_text(tr("&Apply")));
    apply_->SetFont(apply_->GetFont().Bold());
    auto* cancel = new wxButton(this, wxID_CANCEL, ui_text(tr("&Cancel")));
    read_again->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { read(); });
    apply_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { apply(); });
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(read_again);
    buttons->AddStretchSpacer();
    buttons->Add(apply_, 0, wxRIGHT, 6);
    buttons->Add(cancel);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(summary_, 0, wxEXPAND | wxALL, 12);
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, 12);
    sizer->Add(detail_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 12);
    sizer->Add(error_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 12);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, 12);
    SetSizer(sizer);
    SetEscapeId(wxID_CANCEL);
    read();
    Fit();
    Centre();
    list_->SetFocus();
}

int PriceImportDialog::changes() const {
    int n = 0;
    for (const auto& r : applied_.rows) n += r.action == pos::PriceRowAction::unchanged ? 0 : 1;
    return n;
}

void PriceImportDialog::read() {
    show_error(wxString());
    rows_.clear();
    preview_ = pos::PriceImportPreview{};
    try {
        rows_ = pos::read_price_list(path_);
        preview_ = pos::preview_price_list(db_, actor_, rows_);
    } catch (const UserError& e) {
        show_error(wxString::FromUTF8(e.message()));
    }
    std::map<int, const pos::PriceRowPlan*> plans;
    for (const auto& p : preview_.rows) plans[p.row] = &p;
    std::map<int, std::string> problems;
    for (const auto& p : preview_.problems) {
        std::string& text = problems[p.row];
        text += (text.empty() ? "" : "; ") + pos::price_column_title(p.column) + ": " + p.message;
    }

    int added = 0, repriced = 0, unchanged = 0, wrong = 0;
    details_.clear();
    list_->Freeze();
    list_->DeleteAllItems();
    for (const auto& raw : rows_) {
        const long i = list_->InsertItem(list_->GetItemCount(), wxString::Format("%d", raw.row));
        const auto plan = plans.find(raw.row);
        const auto problem = problems.find(raw.row);
        details_.push_back(problem != problems.end()
                               ? ui_text(trf("Row {1}: {2}", {std::to_string(raw.row), problem->second}))
                               : wxString());
        auto set = [&](int column, const std::string& text) {
            list_->SetItem(i, column, wxString::FromUTF8(text));
        };
        if (problem != problems.end() || plan == plans.end()) {
            // As written in the file, so the person finds what to correct.
            set(kCode, raw.code);
            set(kName, raw.name);
            set(kKind, raw.kind);
            set(kPrice, raw.price);
            set(kVat, raw.vat_code);
            set(kFrom, raw.valid_from);
            set(kWhat, problem != problems.end() ? problem->second : std::string());
            list_->SetItemTextColour(i, error_colour());
            ++wrong;
            continue;
        }
        const pos::PriceRowPlan& p = *plan->second;
        set(kCode, p.code);
        set(kName, p.name);
        list_->SetItem(i, kKind, product_kind_title(p.kind));
        set(kPrice, pos::Money::from_kopecks(p.price).format());
        list_->SetItem(i, kVat, vat_title(db_, p.vat_code, p.valid_from));
        set(kFrom, display_date(p.valid_from));
        list_->SetItem(i, kWhat, action_text(p));
        switch (p.action) {
        case pos::PriceRowAction::new_product: ++added; break;
        case pos::PriceRowAction::new_price: ++repriced; break;
        case pos::PriceRowAction::unchanged: ++unchanged; break;
        }
    }
    // Each column as wide as its header or its widest cell: every row's text is read whole.
    for (int c = 0; c < list_->GetColumnCount(); ++c) {
        list_->SetColumnWidth(c, wxLIST_AUTOSIZE_USEHEADER);
        const int header = list_->GetColumnWidth(c);
        list_->SetColumnWidth(c, wxLIST_AUTOSIZE);
        if (list_->GetColumnWidth(c) < header || rows_.empty()) list_->SetColumnWidth(c, header);
    }
    list_->Thaw();
    // The first row with problems is told in full under the list; it is not selected, so it stays red.
    show_detail(-1);
    for (std::size_t i = 0; i < details_.size(); ++i) {
        if (details_[i].empty()) continue;
        list_->EnsureVisible(static_cast<long>(i));
        show_detail(static_cast<long>(i));
        break;
    }

    summary_->SetLabel(
        ui_text(trf("Rows: {1} · new products: {2} · new prices: {3} · unchanged: {4} · with problems: {5}",
                    {std::to_string(rows_.size()), std::to_string(added), std::to_string(repriced),
                     std::to_string(unchanged), std::to_string(wrong)})));
    const bool ok = !rows_.empty() && preview_.ok();
    apply_->Enable(ok && added + repriced > 0);
    if (!rows_.empty() && !preview_.ok())
        show_error(ui_text(
            tr("Rows in red have problems: correct them in the file, save it and read it again. Nothing "
               "is applied while any row has a problem.")));
    else if (ok && added + repriced == 0)
        show_error(ui_text(tr("Nothing to apply: the catalog already has these prices.")), false);
    Layout();
}

void PriceImportDialog::apply() {
    if (!apply_->IsEnabled()) return;
    try {
        applied_ = pos::apply_price_list(db_, actor_, rows_);
        EndModal(wxID_OK);
    } catch (const UserError& e) {
        // The catalog changed since the preview (another station): show what the file now does.
        const wxString message = wxString::FromUTF8(e.message());
        read();
        show_error(message);
    }
}

void PriceImportDialog::show_error(const wxString& text, bool error) {
    error_->SetForegroundColour(error ? error_colour() : GetForegroundColour());
    error_->SetLabel(text);
    error_->Wrap(std::max(list_->GetSize().GetWidth(), FromDIP(kListWidth)));
    Layout();
}

void PriceImportDialog::show_detail(long index) {
    const bool has = index >= 0 && index < static_cast<long>(details_.size());
    detail_->SetLabel(has ? details_[static_cast<std::size_t>(index)] : wxString());
    detail_->Wrap(std::max(list_->GetSize().GetWidth(), FromDIP(kListWidth)));
    Layout();
}

}  // namespace salon::ui
