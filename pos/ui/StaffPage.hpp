// Administration: the people who work at the station, their roles and where they work.
#pragma once

#include "pos/ui/RecordEditorPage.hpp"

#include <wx/choice.h>
#include <wx/textctrl.h>

namespace salon::ui {

class StaffPage : public RecordEditorPage {
public:
    StaffPage(wxWindow* parent, db::Database& db, const pos::Actor& actor);

private:
    std::vector<Row> load_rows() override;
    void reload_choices() override;
    void load_form(std::int64_t id) override;
    void clear_form() override;
    std::int64_t save_form(std::int64_t id) override;
    void adding_changed(bool adding) override;
    void role_changed();  // salon, dealer and career level apply to some roles only

    wxTextCtrl* login_ = nullptr;
    wxTextCtrl* full_name_ = nullptr;
    wxChoice* role_ = nullptr;
    wxChoice* salon_ = nullptr;
    wxChoice* dealer_ = nullptr;
    wxChoice* career_level_ = nullptr;
    wxTextCtrl* password_ = nullptr;
};

}  // namespace salon::ui
