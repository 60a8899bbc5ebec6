// Choices whose entries stand for database records: the record's id rides along as client data.
#pragma once

#include <wx/choice.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace salon::ui {

// Replaces the entries (id, UTF-8 title) and selects `selected_id` if it is among them, else nothing.
void fill_choice(wxChoice* choice, const std::vector<std::pair<std::int64_t, std::string>>& entries,
                 std::int64_t selected_id);
// The id of the chosen entry; 0 when nothing is chosen.
std::int64_t chosen_id(const wxChoice* choice);
void choose_id(wxChoice* choice, std::int64_t id);

}  // namespace salon::ui
