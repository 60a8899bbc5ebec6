// The customer's receipt on screen after a sale is committed, and as a PDF for the 80 mm printer or A4.
#pragma once

#include <cstdint>

class wxWindow;

namespace salon::db {
class Database;
}
namespace salon::pos {
class Actor;
}

namespace salon::ui {

// Shows the receipt of `sale_id`; Enter or Esc closes it, the buttons save it as a PDF in the person's
// documents folder (receipts/), saying where. A sale that brings a number over has its port-in application
// too; a free one (nothing paid, so no receipt: 54-FZ) shows, saves and prints the application instead.
void show_receipt(wxWindow* parent, db::Database& db, const pos::Actor& actor, std::int64_t sale_id);
// Shows a correction receipt (54-FZ tags 1173/1174) the same way: text, PDF 80 mm and A4, Print.
void show_correction_receipt(wxWindow* parent, db::Database& db, const pos::Actor& actor,
                             std::int64_t correction_id);

}  // namespace salon::ui
