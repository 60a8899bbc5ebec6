// Closing a shift whose drawer holds less than expected (R-POS-10): the shortfall is said, its reason is
// typed and a second person with the permission signs in the same dialog with their login and password.
// Core checks it all (pos::close_shift); the dialog stays open with the error until it closes the shift.
#pragma once

#include "pos/core/common/Money.hpp"
#include "pos/core/sale/Shift.hpp"

#include <optional>

class wxWindow;

namespace salon::db {
class Database;
}
namespace salon::pos {
class Actor;
}

namespace salon::ui {

// The Z report once the shift is closed; empty when cancelled (the shift stays open).
std::optional<pos::ShiftReport> close_with_shortfall(wxWindow* parent, db::Database& db, const pos::Actor& actor,
                                                     std::int64_t shift_id, pos::Money expected, pos::Money counted);

}  // namespace salon::ui
