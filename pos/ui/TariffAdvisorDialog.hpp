// The tariff advisor at the desk (R-TAR-1): the client's usage in a month, every private tariff ranked by
// what it would cost, the arithmetic of the one selected; choosing one puts it into the sale.
#pragma once

#include <string>

class wxWindow;

namespace salon::db {
class Database;
}

namespace salon::ui {

// The chosen tariff's code, or empty when cancelled.
std::string choose_tariff_with_advisor(wxWindow* parent, db::Database& db);

}  // namespace salon::ui
