// A list of records beside the form that edits one of them: the frame of the administration pages.
#pragma once

#include "db/Text.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/StationPage.hpp"

#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/timer.h>

#include <cstdint>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::ui {

class RecordEditorPage : public StationPage {
public:
    // Subclasses add their inputs to `fields()` (as children of `form_panel()`) and then call `finish()`.
    // `actor` is the signed-in person: core shows them what they see and refuses what they may not do.
    RecordEditorPage(wxWindow* parent, db::Database& db, const pos::Actor& actor, Text adding_title,
                     Text editing_title);

    void refresh() override;
    bool edits_records() const override { return true; }
    void new_record() override;
    void save() override;

protected:
    struct Column {
        Text title;
        int width;
    };
    struct Row {
        std::int64_t id = 0;
        std::vector<std::string> cells;  // UTF-8, one per column
    };

    // Adds the buttons and the status line under the inputs, builds the list's columns and loads it.
    void finish(const std::vector<Column>& columns);

    db::Database& db() { return db_; }
    const pos::Actor& actor() const { return actor_; }
    wxWindow* form_panel() { return form_panel_; }
    FormFields& fields() { return fields_; }
    std::int64_t editing_id() const { return editing_id_; }

    virtual std::vector<Row> load_rows() = 0;
    // Refills the choices the form offers (dealers, salons) from the database, keeping what is chosen.
    virtual void reload_choices() {}
    virtual void load_form(std::int64_t id) = 0;
    // Empties the inputs for a new record and focuses the first one.
    virtual void clear_form() = 0;
    // Saves what the inputs hold (id 0 adds) and returns the record's id; core errors pass through.
    virtual std::int64_t save_form(std::int64_t id) = 0;
    // Called when the form switches between adding and editing.
    virtual void adding_changed(bool /*adding*/) {}

private:
    void fill_list();
    void select_row(std::int64_t id);
    void on_row_selected(std::int64_t id);
    void set_editing(std::int64_t id);
    void show_status(const wxString& text, bool is_error);

    db::Database& db_;
    const pos::Actor actor_;
    Text adding_title_;
    Text editing_title_;
    wxListCtrl* list_ = nullptr;
    wxPanel* form_panel_ = nullptr;
    wxStaticText* heading_ = nullptr;
    wxStaticText* status_ = nullptr;
    FormFields fields_;
    bool loading_ = false;  // the form is being filled by the program, not typed
    bool typed_ = false;    // the person changed the form since it was loaded, cleared or saved
    wxTimer status_timer_;
    std::int64_t editing_id_ = 0;
    bool filling_ = false;  // selection events while the list is refilled are not the person's
};

}  // namespace salon::ui
