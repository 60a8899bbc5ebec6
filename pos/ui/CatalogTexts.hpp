// How the catalog's codes read on screen: a product's kind and a VAT rate.
#pragma once

#include <wx/string.h>

#include <string>

namespace salon::db {
class Database;
}

namespace salon::ui {

// "service", "gadget"... in the current language; an unknown kind as it is.
wxString product_kind_title(const std::string& kind);
// The rate of `vat_code` in force on `iso_date` ("22%"), or the code when none is.
wxString vat_title(db::Database& db, const std::string& vat_code, const std::string& iso_date);

}  // namespace salon::ui
