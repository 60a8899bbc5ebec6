// The corporate desk's first page (R-CORP-1, R-CORP-13): the companies with their INN, kind, numbers and the
// state of their remote-service application, found by name or INN as typed; the chosen one's card shows its
// contract, bound e-mail, numbers with tariff and status, powers of attorney, applications with their status
// history, and the cabinet.
#pragma once

#include "pos/core/organisation/Actor.hpp"
#include "pos/corporate/CorporateClient.hpp"
#include "pos/ui/StationPage.hpp"

#include <wx/listctrl.h>
#include <wx/srchctrl.h>
#include <wx/textctrl.h>

#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::ui {

class CorporateClientsPage : public StationPage {
public:
    CorporateClientsPage(wxWindow* parent, db::Database& db, const pos::Actor& actor);
    void refresh() override;

private:
    struct Row {
        pos::CorporateClient client;
        std::string application;  // the newest application's status, shown
    };
    void fill_list();
    void show_card();

    db::Database& db_;
    pos::Actor actor_;
    std::vector<Row> rows_;
    std::vector<std::size_t> shown_;  // rows_ indices in the list's order, after the search
    wxSearchCtrl* search_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxTextCtrl* card_ = nullptr;
};

}  // namespace salon::ui
