// The inputs of a remote-service application (R-CORP-2): the company's official name, the bound e-mail, the
// administrator's number chosen from the company's numbers, how authorisation is confirmed, and the head's
// power of attorney — one on file or a new one. Used for a first application and for a new administrator.
#pragma once

#include "pos/corporate/CorporateClient.hpp"
#include "pos/corporate/PowerOfAttorney.hpp"
#include "pos/corporate/RemoteServiceApplication.hpp"
#include "pos/ui/FormFields.hpp"

#include <wx/choice.h>
#include <wx/panel.h>
#include <wx/textctrl.h>

#include <string>
#include <vector>

namespace salon::ui {

class ApplicationFormPanel : public wxPanel {
public:
    explicit ApplicationFormPanel(wxWindow* parent);

    // Offers `client`'s numbers and its powers of attorney on file; the e-mail and name start as the
    // company's.
    void set_company(const pos::CorporateClient& client, const std::vector<pos::PowerOfAttorney>& powers,
                     const std::string& today);
    pos::ApplicationForm form(std::int64_t client_id) const;

    // Shows a core InputError beside its input; false when the form has no such input.
    bool show_error(const std::string& input, const wxString& message) {
        return fields_.show_error(input, message);
    }
    void clear_errors() { fields_.clear_errors(); }

private:
    void poa_choice_changed();

    FormFields fields_;
    wxTextCtrl* official_name_ = nullptr;
    wxTextCtrl* email_ = nullptr;
    wxChoice* admin_ = nullptr;
    wxChoice* confirmation_ = nullptr;
    wxChoice* poa_on_file_ = nullptr;
    wxChoice* poa_kind_ = nullptr;
    wxTextCtrl* poa_number_ = nullptr;
    wxTextCtrl* poa_issued_on_ = nullptr;
    wxTextCtrl* poa_valid_until_ = nullptr;
    wxTextCtrl* poa_issued_by_ = nullptr;
    wxTextCtrl* poa_issued_to_ = nullptr;
    std::vector<std::string> admin_numbers_;  // E.164, as admin_ lists them
    std::vector<std::int64_t> poa_ids_;       // 0 first: a new one typed below
};

}  // namespace salon::ui
