// A company's users' data brought as a file (R-CORP-10, R-CORP-12): the filled template (XLSX, ODS or CSV)
// chosen, read and checked by the core, previewed with a problem per row and column, then imported whole
// (only when no row has a problem) or its valid rows only. An employee brings only his own number's data,
// with the company's power of attorney for it (core refuses otherwise).
#pragma once

#include "pos/core/organisation/Actor.hpp"
#include "pos/corporate/UsersImport.hpp"
#include "pos/ui/StationPage.hpp"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/textctrl.h>

#include <optional>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::ui {

class CompanyChoice;

class UsersImportPage : public StationPage {
public:
    UsersImportPage(wxWindow* parent, db::Database& db, const pos::Actor& actor);
    void refresh() override;

    // Reads and checks `path` for the chosen company (what "Choose the file…" does after its dialog).
    void preview_file(const wxString& path);

private:
    pos::UsersImportRequest request() const;
    void show_preview();
    void import(bool valid_only);

    db::Database& db_;
    pos::Actor actor_;
    CompanyChoice* company_ = nullptr;
    wxTextCtrl* employee_ = nullptr;
    wxStaticText* file_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxListCtrl* problems_ = nullptr;
    wxButton* import_all_ = nullptr;
    wxButton* import_valid_ = nullptr;
    std::vector<pos::UsersFileRow> rows_;
    std::optional<pos::UsersImportPreview> preview_;
};

}  // namespace salon::ui
