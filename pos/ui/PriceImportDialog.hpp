// The preview of a price list before it is applied: every row of the file with what applying it will do
// (a new product, a new price from a date, nothing) or its problems by column. Apply stays disabled while
// any row has a problem; the file may be corrected elsewhere and read again without closing the dialog.
#pragma once

#include "pos/core/organisation/Actor.hpp"
#include "pos/core/catalog/ProductCatalog.hpp"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>

#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::ui {

class PriceImportDialog : public wxDialog {
public:
    PriceImportDialog(wxWindow* parent, db::Database& db, const pos::Actor& actor, std::string path);

    // What was applied, once the dialog ended with wxID_OK.
    const pos::PriceImportPreview& applied() const { return applied_; }
    // Rows that change the catalog, in what was applied.
    int changes() const;

private:
    void read();
    void apply();
    void show_error(const wxString& text, bool error = true);
    void show_detail(long index);

    db::Database& db_;
    pos::Actor actor_;
    std::string path_;
    std::vector<pos::PriceRow> rows_;
    pos::PriceImportPreview preview_;
    pos::PriceImportPreview applied_;
    wxStaticText* summary_ = nullptr;
    wxStaticText* error_ = nullptr;
    wxStaticText* detail_ = nullptr;
    std::vector<wxString> details_;  // each list row's problems, empty when it has none
    wxListCtrl* list_ = nullptr;
    wxButton* apply_ = nullptr;
};

}  // namespace salon::ui
