// The first-run wizard, shown instead of the sign-in window while the database is not set up: the
// database (a local file or a PostgreSQL server, tested before it is kept), the dealer, the first salon
// with its time zone and the administrator. Finish runs pos::run_first_setup; the window only collects.
#pragma once

#include "db/Database.hpp"
#include "db/Text.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/radiobut.h>
#include <wx/simplebook.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace salon::pos {
class AuditKey;
}

namespace salon::ui {

class FormFields;

// A modeless dialog, like the sign-in window: the application learns of the finished setup through
// `on_done` (the database, open and set up, and the URL text to keep for later starts) and of Cancel
// through the window being destroyed.
class FirstRunWizard : public wxDialog {
public:
    using Done = std::function<void(std::unique_ptr<db::Database> db, const std::string& url_text)>;

    // `url` is the database the station was started with (db::DatabaseUrl::resolve); `key` must outlive
    // the dialog.
    FirstRunWizard(const db::DatabaseUrl& url, const pos::AuditKey& key, Done on_done);
    ~FirstRunWizard() override;

    // Shows page `index` (0 database ... 3 administrator) without checks: for screenshots and tests.
    void show_page(int index);
    static constexpr int kPages = 4;

private:
    wxWindow* build_database_page();
    wxWindow* build_dealer_page();
    wxWindow* build_salon_page();
    wxWindow* build_admin_page();
    // Lays out a page of `fields` under its `intro`, with a line for refusals, and keeps both for errors.
    wxWindow* form_page(wxWindow* page, FormFields* fields, const Text& intro);
    wxTextCtrl* text_input(wxWindow* parent, long style = 0);
    void next();
    void back();
    // Tests the chosen database and says what it found; false (with the reason shown) when it cannot be used.
    bool test_connection();
    std::string chosen_url() const;
    void finish();
    // Shows a core refusal beside the field it names ("dealer.inn" on the dealer's page), else on the page.
    void show_error(const std::string& input, const wxString& message);
    void update_buttons();

    const pos::AuditKey& key_;
    Done on_done_;
    std::string default_sqlite_;  // the local file offered on the first page
    std::string tested_url_;      // the URL whose test last passed: Next goes on without testing it again
    bool tested_set_up_ = false;  // ... and whether that database is already set up

    wxStaticText* step_ = nullptr;
    wxSimplebook* book_ = nullptr;
    std::vector<std::unique_ptr<FormFields>> fields_;  // one per page (none on the database page)
    std::vector<wxStaticText*> page_errors_;
    wxButton* back_ = nullptr;
    wxButton* next_ = nullptr;
    wxButton* cancel_ = nullptr;

    wxRadioButton* local_ = nullptr;
    wxRadioButton* server_ = nullptr;
    wxTextCtrl* local_path_ = nullptr;
    wxTextCtrl* server_url_ = nullptr;
    wxButton* test_ = nullptr;
    wxStaticText* test_result_ = nullptr;

    wxTextCtrl* dealer_name_ = nullptr;
    wxTextCtrl* inn_ = nullptr;
    wxTextCtrl* ogrn_ = nullptr;
    wxTextCtrl* kpp_ = nullptr;
    wxChoice* dealer_kind_ = nullptr;

    wxTextCtrl* salon_name_ = nullptr;
    wxTextCtrl* address_ = nullptr;
    wxChoice* time_zone_ = nullptr;

    wxTextCtrl* login_ = nullptr;
    wxTextCtrl* full_name_ = nullptr;
    wxTextCtrl* password_ = nullptr;
    wxTextCtrl* password_again_ = nullptr;
};

}  // namespace salon::ui
