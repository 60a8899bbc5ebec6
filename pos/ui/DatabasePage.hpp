// Administration: which database the station works with (read-only).
#pragma once

#include "pos/ui/StationPage.hpp"

#include <wx/stattext.h>

namespace salon::db {
class Database;
}

namespace salon::ui {

class DatabasePage : public StationPage {
public:
    DatabasePage(wxWindow* parent, db::Database& db);
    void refresh() override;

private:
    db::Database& db_;
    wxStaticText* backend_ = nullptr;
    wxStaticText* address_ = nullptr;
    wxStaticText* schema_ = nullptr;
    wxStaticText* problem_ = nullptr;
};

}  // namespace salon::ui
