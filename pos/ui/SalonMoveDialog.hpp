// Where a part of a salon's stock goes (SIM cards, a gadget): one of the dealer's salons and a reason, in a
// dialog that stays open with a refusal beside its input until the move is done or cancelled.
#pragma once

#include <wx/string.h>

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

class wxWindow;

namespace salon::ui {

struct SalonMove {
    wxString title;
    wxString explanation;
    std::vector<std::pair<std::int64_t, std::string>> destinations;  // salon id and how it is shown; not empty
    std::string salon_input = "salon";  // the input core's InputError names the destination by
    bool reason_optional = false;       // the reason's field then says so
};

// `move(salon_id, reason)` does it and may throw: an InputError shows beside its input, another UserError under
// the fields, and the dialog stays open. False when the person cancelled.
bool ask_salon_move(wxWindow* parent, const SalonMove& what,
                    const std::function<void(std::int64_t, const std::string&)>& move);

}  // namespace salon::ui
