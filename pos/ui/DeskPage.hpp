// The sales desk (issue 5): the visitor being served, the operation being typed, the client's registration
// form, the sale's lines and the payment, all by keyboard and barcode scanner. F3 calls the next visitor,
// F4 ends the visit, F5 top-up, F6 SIM sale, F7 SIM replacement, F8 tariff change, F9 service, F11 the
// tariff advisor, F12 pay; Delete voids the selected line. Every change of the sale is saved as a draft,
// which comes back after a restart; the sale itself is committed by core in one transaction.
#pragma once

#include <wx/button.h>
#include <wx/checkbox.h>

#include "pos/core/organisation/Actor.hpp"
#include "pos/core/sale/Sale.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/StationPage.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::ui {

class DeskPage : public StationPage {
public:
    // `show_receipt` shows a committed sale's receipt; `ask_rating` puts the rating screen before the
    // visitor whose visit just ended.
    DeskPage(wxWindow* parent, db::Database& db, const pos::Actor& actor, std::string till,
             std::function<void(std::int64_t sale_id)> show_receipt,
             std::function<void(std::int64_t visit_id, const std::string& label)> ask_rating);

    void refresh() override;
    std::vector<KeyHelp> key_help() const override;

private:
    enum class Operation { top_up, sim, replacement, tariff_change, service, goods, port_in };

    void build();
    void choose_operation(Operation op);
    std::vector<wxWindow*> inputs_for(Operation op) const;
    void on_enter(wxWindow* input);
    void add_line();
    void void_selected_line();
    void search();
    void pay();
    void call_next();
    void finish_visit();
    void take_ticket();
    void record_thanks();
    void open_advisor();
    void fill_choices();
    void show_lines();
    void update_change();
    void save_draft();
    void read_client_form();
    bool look_up_passport();  // true: a known client
    void show_error(const std::string& input, const wxString& message, std::size_t new_line_no = 0);
    void clear_errors();

    db::Database& db_;
    pos::Actor actor_;
    std::string till_;
    std::function<void(std::int64_t)> show_receipt_;
    std::function<void(std::int64_t, const std::string&)> ask_rating_;

    pos::SaleDraft draft_;
    pos::SaleQuote quote_;
    Operation operation_ = Operation::top_up;
    std::int64_t visit_id_ = 0;
    std::string visit_label_;
    std::string offered_number_;  // the number this visit last sold or served, offered for the next operation

    wxStaticText* shift_text_ = nullptr;
    wxStaticText* visit_text_ = nullptr;
    wxTextCtrl* search_ = nullptr;
    wxChoice* operation_choice_ = nullptr;
    wxTextCtrl* number_ = nullptr;
    wxTextCtrl* iccid_ = nullptr;
    wxChoice* tariff_ = nullptr;
    wxChoice* product_ = nullptr;
    wxTextCtrl* quantity_ = nullptr;
    wxTextCtrl* amount_ = nullptr;
    wxChoice* donor_ = nullptr;  // pos::donor_operators()
    wxTextCtrl* date_ = nullptr;
    wxTextCtrl* imei_ = nullptr;  // a gadget sold by IMEI: the scanner's field
    std::unique_ptr<FormFields> entry_;
    struct Row {
        wxStaticText* label = nullptr;
        std::vector<wxWindow*> windows;
    };
    std::map<wxWindow*, Row> rows_;
    std::vector<std::string> tariff_codes_;
    std::vector<std::string> product_codes_;
    std::vector<std::string> product_kinds_;

    wxTextCtrl* passport_ = nullptr;
    wxTextCtrl* full_name_ = nullptr;
    wxTextCtrl* birth_date_ = nullptr;
    wxTextCtrl* issued_on_ = nullptr;
    wxTextCtrl* issuer_ = nullptr;
    wxTextCtrl* address_ = nullptr;
    wxTextCtrl* phone_ = nullptr;
    wxStaticText* known_client_ = nullptr;
    std::unique_ptr<FormFields> client_;
    // The consent to offers ticked on the contract, and the known client's withdrawal (152-FZ art. 9).
    wxCheckBox* marketing_consent_ = nullptr;
    wxButton* withdraw_consent_ = nullptr;
    std::int64_t known_client_id_ = 0;
    void withdraw_known_client_consent();
    // The known client's numbers in service, offered beside the number for a top-up, a service, a tariff
    // change or a replacement (the first entry only says what the list is).
    wxChoice* client_numbers_ = nullptr;
    std::vector<std::string> client_msisdns_;
    void offer_client_numbers(std::int64_t client_id);

    wxListCtrl* lines_ = nullptr;
    wxStaticText* total_ = nullptr;
    wxStaticText* change_ = nullptr;
    wxTextCtrl* cash_ = nullptr;
    wxTextCtrl* card_ = nullptr;
    std::unique_ptr<FormFields> payment_;
};

}  // namespace salon::ui
