// The correction receipt's form at the fiscal page (R-POS-10, 54-FZ чек коррекции): type, amount, cash or
// card, VAT, the reason and the basis document. Core records and queues it (pos::record_correction); the
// dialog stays open with the error beside the field until it is accepted or cancelled.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <wx/string.h>

class wxWindow;

namespace salon::db {
class Database;
}
namespace salon::pos {
class Actor;
}

namespace salon::ui {

// Returns the line for the status bar once a correction was recorded and sent to the registrar; empty
// when cancelled. `recorded`, when given, receives the new correction's number (its receipt is shown next).
std::optional<wxString> ask_correction(wxWindow* parent, db::Database& db, const pos::Actor& actor,
                                       const std::string& till, std::int64_t* recorded = nullptr);

}  // namespace salon::ui
