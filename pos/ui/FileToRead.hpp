// Choosing a file to read (a price list, a list of SIM cards) without GTK's file chooser. GIO opens every
// file it lists to guess its type, and a process that opens and closes the SQLite database file that way
// loses its POSIX locks on it (sqlite.org, "How To Corrupt An SQLite Database File", 2.2): salon-cli or
// another station may then take the database for unused and delete its write-ahead log under the station,
// whose next commits are lost. wx's generic file control lists files by name and stat() only.
#pragma once

#include "db/Text.hpp"

#include <optional>
#include <string>

class wxWindow;

namespace salon::ui {

// The path of an existing file the person chose, or nothing when they cancelled. `wildcard` is in
// wxFileDialog's form ("Price lists (*.csv;*.xlsx)|*.csv;*.xlsx|All files|*"). The next call starts in
// the folder of the file chosen last.
std::optional<std::string> choose_file_to_read(wxWindow* parent, const Text& title, const Text& wildcard);

}  // namespace salon::ui
