// Registering a company (R-CORP-1): a legal entity or a sole proprietor, told apart by the INN as it is typed
// (the KPP is asked of a legal entity only), its contract and bound e-mail; and putting the company's numbers
// under its contract with their business tariffs (R-CORP-13).
#pragma once

#include "pos/core/organisation/Actor.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/StationPage.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/textctrl.h>

#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::ui {

class CompanyChoice;

class CorporateClientFormPage : public StationPage {
public:
    CorporateClientFormPage(wxWindow* parent, db::Database& db, const pos::Actor& actor);
    void refresh() override;
    bool edits_records() const override { return true; }
    void new_record() override;
    void save() override;  // registers the company

private:
    void inn_changed();
    void add_number();
    void number_status(const wxString& text, bool error);

    db::Database& db_;
    pos::Actor actor_;
    wxPanel* company_panel_ = nullptr;
    FormFields company_;
    wxTextCtrl* inn_ = nullptr;
    wxStaticText* kind_ = nullptr;
    wxTextCtrl* ogrn_ = nullptr;
    wxTextCtrl* kpp_ = nullptr;
    wxTextCtrl* name_ = nullptr;
    wxTextCtrl* contract_number_ = nullptr;
    wxTextCtrl* contract_date_ = nullptr;
    wxTextCtrl* email_ = nullptr;
    wxPanel* number_panel_ = nullptr;
    FormFields number_;
    CompanyChoice* company_choice_ = nullptr;
    wxTextCtrl* msisdn_ = nullptr;
    wxChoice* tariff_ = nullptr;
    std::vector<std::string> tariff_codes_;
    wxStaticText* number_status_ = nullptr;
};

}  // namespace salon::ui
