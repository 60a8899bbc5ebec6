// The product catalog for those who edit it (head office): every product with the price and VAT in force
// on a day, and the price-list import (CSV or XLSX) through a preview of every row.
#pragma once

#include "pos/core/organisation/Actor.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/StationPage.hpp"

#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <memory>

namespace salon::db {
class Database;
}

namespace salon::ui {

class CatalogPage : public StationPage {
public:
    CatalogPage(wxWindow* parent, db::Database& db, const pos::Actor& actor);

    void refresh() override;

private:
    void import_price_list();

    db::Database& db_;
    pos::Actor actor_;
    std::unique_ptr<FormFields> fields_;
    wxTextCtrl* on_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxStaticText* count_ = nullptr;
};

}  // namespace salon::ui
