// The trainer's desk in the main window: the pages of the training centre that the signed-in person may
// open. The main frame asks for them and files them under one navigation section.
#pragma once

#include <wx/string.h>

#include <functional>

class wxWindow;

namespace salon::db {
class Database;
}
namespace salon::pos {
class Actor;
}

namespace salon::ui {

class StationPage;

// Receives a page with its title and its own key ("Ctrl+Alt+1"; empty: none).
using TrainingPageSink = std::function<void(StationPage* page, const wxString& title, const wxString& key)>;

// Creates the training centre's pages `actor` may use as children of `book` and hands each to `add`, in the
// order they are shown. Adds nothing for someone with no part in the training centre.
void add_training_pages(wxWindow* book, db::Database& db, const pos::Actor& actor, const TrainingPageSink& add);

}  // namespace salon::ui
