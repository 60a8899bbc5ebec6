#include "pos/ui/ChoiceIds.hpp"

namespace salon::ui {

void fill_choice(wxChoice* choice, const std::vector<std::pair<std::int64_t, std::string>>& entries,
                 std::int64_t selected_id) {
    choice->Freeze();
    choice->Clear();
    for (const auto& [id, title] : entries)
        choice->Append(wxString::FromUTF8(title), reinterpret_cast<void*>(static_cast<std::intptr_t>(id)));
    choice->Thaw();
    choose_id(choice, selected_id);
}

std::int64_t chosen_id(const wxChoice* choice) {
    const int index = choice->GetSelection();
    if (index == wxNOT_FOUND) return 0;
    return static_cast<std::int64_t>(reinterpret_cast<std::intptr_t>(choice->GetClientData(index)));
}

void choose_id(wxChoice* choice, std::int64_t id) {
    for (unsigned i = 0; i < choice->GetCount(); ++i) {
        if (static_cast<std::int64_t>(reinterpret_cast<std::intptr_t>(choice->GetClientData(i))) == id) {
            choice->SetSelection(static_cast<int>(i));
            return;
        }
    }
    choice->SetSelection(wxNOT_FOUND);
}

}  // namespace salon::ui
