// The refund at the till (R-POS-8, R-POS-10): which lines of a sale go back and the client's reason; a
// senior's approval when the person signed in may not refund alone; then core's refund_sale.
#pragma once

#include "pos/core/sale/Sale.hpp"

#include <optional>
#include <string>

class wxWindow;

namespace salon::db {
class Database;
}
namespace salon::pos {
class Actor;
}

namespace salon::ui {

// Asks for the lines and the reason of a refund of `sale_id` at `till` and makes it; an error from core
// is shown beside the input it names (the lines, the reason) or under them, and the dialog stays open.
// The refund made, or empty when cancelled.
std::optional<pos::CommittedSale> ask_refund(wxWindow* parent, db::Database& db, const pos::Actor& actor,
                                             const std::string& till, std::int64_t sale_id);

}  // namespace salon::ui
