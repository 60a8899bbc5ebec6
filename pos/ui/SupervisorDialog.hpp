// The supervisor override (issue 4, item 4): a senior types their own login and password at the till to
// allow what the person signed in may not do alone (a refund, a cash difference, closing another's shift).
#pragma once

#include "pos/core/organisation/SupervisorApproval.hpp"

#include <optional>

#include <wx/string.h>

class wxWindow;

namespace salon::db {
class Database;
}
namespace salon::pos {
class Actor;
enum class Permission;
}

namespace salon::ui {

// Asks for a senior's credentials, explaining `why`; checks them with pos::approve (a refusal is shown in
// the dialog, which stays open). Empty when cancelled.
std::optional<pos::SupervisorApproval> ask_supervisor(wxWindow* parent, db::Database& db, const pos::Actor& actor,
                                                      pos::Permission permission, const wxString& why);

}  // namespace salon::ui
