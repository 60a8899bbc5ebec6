// Administration: the dealers' salons, their addresses and the time zones their clocks show.
#pragma once

#include "pos/ui/RecordEditorPage.hpp"

#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>

namespace salon::ui {

class SalonsPage : public RecordEditorPage {
public:
    SalonsPage(wxWindow* parent, db::Database& db, const pos::Actor& actor);

private:
    std::vector<Row> load_rows() override;
    void reload_choices() override;
    void load_form(std::int64_t id) override;
    void clear_form() override;
    std::int64_t save_form(std::int64_t id) override;

    wxChoice* dealer_ = nullptr;
    wxTextCtrl* name_ = nullptr;
    wxTextCtrl* address_ = nullptr;
    wxComboBox* time_zone_ = nullptr;
    wxSpinCtrl* idle_lock_ = nullptr;  // seconds
    bool active_ = true;  // not on the form yet: an edit keeps what is stored
};

}  // namespace salon::ui
