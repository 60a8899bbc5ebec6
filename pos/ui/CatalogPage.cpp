#include "pos/ui/CatalogPage.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/common/Money.hpp"
#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/ui/CatalogTexts.hpp"
#include "pos/ui/FileToRead.hpp"
#include "pos/ui/PriceImportDialog.hpp"

#include <wx/button.h>
#include <wx/settings.h>
#include <wx/sizer.h>

#include <map>

namespace salon::ui {

namespace {
enum Column { kCode, kName, kKind, kPrice, kVat, kVatAmount, kInForce };
}  // namespace

CatalogPage::CatalogPage(wxWindow* parent, db::Database& db, const pos::Actor& actor)
    : StationPage(parent), db_(db), actor_(actor) {
    auto* title = new wxStaticText(this, wxID_ANY, ui_text(tr("Products and prices")));
    title->SetFont(title->GetFont().Bold().Scaled(1.15f));
    fields_ = std::make_unique<FormFields>(this);
    on_ = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(pos::CalendarDate::of_utc(db_.now()).display()),
                         wxDefaultPosition, FromDIP(wxSize(130, -1)), wxTE_PROCESS_ENTER);
    on_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { refresh(); });
    fields_->add("date", tr("Prices on the day"), on_);
    auto* import_button = new wxButton(this, wxID_ANY, ui_text(tr("&Import price list…")));
    import_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { import_price_list(); });
    auto* header = new wxBoxSizer(wxHORIZONTAL);
    header->Add(title, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 24);
    header->Add(fields_->sizer(), 0, wxALIGN_TOP);
    header->AddStretchSpacer();
    header->Add(import_button, 0, wxALIGN_TOP);

    status_ = new wxStaticText(this, wxID_ANY, wxString());
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    list_->AppendColumn(ui_text(tr("Code")));
    list_->AppendColumn(ui_text(tr("Name")));
    list_->AppendColumn(ui_text(tr("Kind")));
    list_->AppendColumn(ui_text(tr("Price")), wxLIST_FORMAT_RIGHT);
    list_->AppendColumn(ui_text(tr("VAT")), wxLIST_FORMAT_RIGHT);
    list_->AppendColumn(ui_text(tr("VAT included")), wxLIST_FORMAT_RIGHT);
    list_->AppendColumn(ui_text(tr("Price in force")));
    count_ = new wxStaticText(this, wxID_ANY, wxString());

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(header, 0, wxEXPAND | wxALL, 8);
    top->Add(status_, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    top->Add(list_, 1, wxEXPAND | wxALL, 8);
    top->Add(count_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(top);
}

void CatalogPage::refresh() {
    fields_->clear_errors();
    try {
        const std::string typed = on_->GetValue().utf8_string();
        const pos::CalendarDate on = typed.find_first_not_of(' ') == std::string::npos
                                         ? pos::CalendarDate::of_utc(db_.now())
                                         : pos::CalendarDate::parse(typed, "date", tr("Date"));
        const auto on_sale = pos::products_on_sale(db_, on, "");
        const auto products = pos::list_products(db_);
        std::map<std::string, const pos::PriceInForce*> priced;
        for (const auto& p : on_sale) priced[p.code] = &p;

        list_->Freeze();
        list_->DeleteAllItems();
        auto add_row = [&](const std::string& code, const std::string& name, const std::string& kind) {
            const long i = list_->InsertItem(list_->GetItemCount(), wxString::FromUTF8(code));
            list_->SetItem(i, kName, wxString::FromUTF8(name));
            list_->SetItem(i, kKind, product_kind_title(kind));
            return i;
        };
        // On sale first, by kind and name as the desk lists them; then what is not sold that day.
        for (const auto& p : on_sale) {
            const long i = add_row(p.code, p.name, p.kind);
            list_->SetItem(i, kPrice, wxString::FromUTF8(pos::Money::from_kopecks(p.price).format()));
            list_->SetItem(i, kVat, wxString::FromUTF8(pos::vat_percent(p.vat_basis_points)));
            list_->SetItem(
                i, kVatAmount,
                wxString::FromUTF8(
                    pos::Money::from_kopecks(pos::vat_included(p.price, p.vat_basis_points)).format()));
            const std::string from =
                pos::CalendarDate::parse(p.valid_from, "valid_from", tr("Valid from")).display();
            list_->SetItem(
                i, kInForce,
                p.valid_to.empty()
                    ? ui_text(trf("from {1}", {from}))
                    : ui_text(trf("from {1} until {2}",
                                  {from, pos::CalendarDate::parse(p.valid_to, "valid_to", tr("Valid from"))
                                             .plus_days(-1)
                                             .display()})));
        }
        long withdrawn = 0;
        for (const auto& p : products) {
            if (priced.count(p.code)) continue;
            const long i = add_row(p.code, p.name, p.kind);
            list_->SetItem(i, kPrice, wxString::FromUTF8("—"));
            list_->SetItem(
                i, kInForce,
                p.active ? ui_text(tr("not on sale that day")) : ui_text(tr("withdrawn from sale")));
            list_->SetItemTextColour(i, wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
            withdrawn += p.active ? 0 : 1;
        }
        for (int c = 0; c < list_->GetColumnCount(); ++c) {
            list_->SetColumnWidth(c, wxLIST_AUTOSIZE_USEHEADER);
            const int header = list_->GetColumnWidth(c);
            list_->SetColumnWidth(c, wxLIST_AUTOSIZE);
            if (list_->GetColumnWidth(c) < header || products.empty()) list_->SetColumnWidth(c, header);
        }
        list_->Thaw();
        count_->SetLabel(ui_text(trf("Products: {1} · on sale on {2}: {3} · withdrawn: {4}",
                                     {std::to_string(products.size()), on.display(),
                                      std::to_string(on_sale.size()), std::to_string(withdrawn)})));
        Layout();
    } catch (const pos::InputError& e) {
        if (!fields_->show_error(e.input(), wxString::FromUTF8(e.message())))
            status(wxString::FromUTF8(e.message()), true);
        on_->SelectAll();
        Layout();
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
}

void CatalogPage::import_price_list() {
    const auto chosen = choose_file_to_read(this, tr("Import price list"),
                                            tr("Price lists (*.csv;*.xlsx)|*.csv;*.xlsx|All files|*"));
    if (!chosen) return;
    PriceImportDialog preview(this, db_, actor_, *chosen);
    if (preview.ShowModal() != wxID_OK) return status(ui_text(tr("The price list was not applied.")), false);
    refresh();
    status(ui_text(trf("The price list is applied: {1} changes saved.", {std::to_string(preview.changes())})),
           false);
}

}  // namespace salon::ui
