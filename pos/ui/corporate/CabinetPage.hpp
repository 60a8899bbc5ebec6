// The corporate cabinet's enablement (R-CORP-3, R-CORP-8), guided: open the cabinet page, press "Get
// password", enter the administrator's phone — the one-time code goes through the SMS outbox, whose entry is
// shown as it stands (sent, failed and waiting for its next try, with a "try again" button) — then the first
// sign-in with the code and the permanent password. When the sender is the sandbox the page says so: nothing
// reaches a phone. A client of the old cabinet goes through the same steps.
#pragma once

#include "pos/core/organisation/Actor.hpp"
#include "pos/core/sale/SmsSender.hpp"
#include "pos/corporate/CorporateCabinet.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/StationPage.hpp"

#include <wx/button.h>
#include <wx/textctrl.h>

#include <map>
#include <memory>
#include <optional>

namespace salon::db {
class Database;
}

namespace salon::ui {

class CompanyChoice;

class CabinetPage : public StationPage {
public:
    // The page hands the codes to `sender` (the station's SMS centre, or its sandbox).
    CabinetPage(wxWindow* parent, db::Database& db, const pos::Actor& actor,
                std::unique_ptr<pos::SmsSender> sender);
    void refresh() override;

private:
    void show_cabinet();
    void show_error(const std::string& input, const wxString& message);
    void clear_errors();
    // Runs one step's core operation, then shows the cabinet as it is now; an InputError goes beside its
    // field.
    template <class Step>
    void step(Step&& run);

    db::Database& db_;
    pos::Actor actor_;
    std::unique_ptr<pos::SmsSender> sender_;
    std::optional<pos::CorporateCabinet> cabinet_;
    CompanyChoice* company_ = nullptr;
    wxStaticText* sandbox_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxStaticText* next_ = nullptr;
    wxStaticText* marks_[5] = {};
    wxButton* open_page_ = nullptr;
    wxButton* get_password_ = nullptr;
    wxTextCtrl* phone_ = nullptr;
    wxButton* send_code_ = nullptr;
    wxStaticText* sms_state_ = nullptr;
    wxButton* retry_ = nullptr;
    wxTextCtrl* code_ = nullptr;
    wxButton* sign_in_ = nullptr;
    wxButton* password_set_ = nullptr;
    wxPanel* steps_panel_ = nullptr;
    std::map<std::string, std::pair<wxWindow*, wxStaticText*>>
        errors_;  // phone, code: input and its error line
};

}  // namespace salon::ui
