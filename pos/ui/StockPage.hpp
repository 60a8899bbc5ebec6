// A salon's SIM stock: cards received by ICCID (scanned one by one, a range, or a file), each with its
// number, moved between the dealer's salons, marked defective, and the stock listed by status or found by
// ICCID or number. The scanner types digits and Enter into the focused ICCID field: the check digit is
// checked at once and each accepted card joins the pending batch, which Receive commits in one call.
#pragma once

#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/catalog/SimStock.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/StationPage.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/radiobut.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::ui {

class GadgetStockPanel;
class VirtualList;

class StockPage : public StationPage {
public:
    // `salon_id` not 0: the page keeps to that salon (a salon's own staff). 0: the actor chooses among the
    // salons core lets them see (a dealer's manager his dealer's, head office all).
    StockPage(wxWindow* parent, db::Database& db, const pos::Actor& actor, std::int64_t salon_id);

    void refresh() override;

private:
    // A card waiting in the batch, with where it came from and, after a check, what is wrong with it.
    struct PendingCard {
        pos::SimIntake intake;
        wxString source;
        wxString problem;
    };

    void build();
    void show_mode();
    void number_entered();
    void scan();
    void refuse(const std::string& key, const wxString& message);
    void add_range();
    void add_file();
    void append(std::vector<PendingCard> cards);
    bool check_pending();
    void mark_problems(const std::vector<pos::IntakeProblem>& problems);
    void remove_selected();
    void receive();
    void show_pending();
    void show_problem(long row);
    void load_salons();
    void load_stock();
    void search();
    void move_selected();
    void mark_selected_defective();
    std::vector<std::string> selected_iccids() const;
    std::int64_t salon_id() const;
    const pos::Salon* salon(std::int64_t id) const;
    std::string chosen_format() const;

    db::Database& db_;
    pos::Actor actor_;
    std::int64_t fixed_salon_ = 0;
    std::vector<pos::Salon> salons_;
    std::vector<PendingCard> pending_;
    std::vector<pos::SimCard> cards_;
    bool searching_ = false;
    // No card in the list has a problem as of the last check (each scan checks its own card).
    bool list_checked_ = true;

    wxChoice* salon_choice_ = nullptr;
    wxStaticText* salon_text_ = nullptr;
    wxStaticText* receive_title_ = nullptr;
    wxRadioButton* one_by_one_ = nullptr;
    wxRadioButton* range_ = nullptr;
    std::unique_ptr<FormFields> intake_;
    wxChoice* format_ = nullptr;
    wxTextCtrl* number_ = nullptr;
    wxTextCtrl* iccid_ = nullptr;
    wxTextCtrl* range_iccid_ = nullptr;
    wxTextCtrl* range_count_ = nullptr;
    wxTextCtrl* range_number_ = nullptr;
    wxButton* add_range_ = nullptr;
    std::map<wxWindow*, wxStaticText*> captions_;
    VirtualList* pending_list_ = nullptr;
    wxStaticText* pending_text_ = nullptr;
    wxStaticText* problem_text_ = nullptr;
    wxButton* receive_ = nullptr;

    wxStaticText* stock_title_ = nullptr;
    wxChoice* status_filter_ = nullptr;
    wxTextCtrl* search_ = nullptr;
    VirtualList* stock_list_ = nullptr;
    wxStaticText* stock_text_ = nullptr;
    GadgetStockPanel* gadgets_ = nullptr;
};

}  // namespace salon::ui
