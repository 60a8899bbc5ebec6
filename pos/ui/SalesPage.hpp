// Sales and refunds at the desk: this salon's receipts of the chosen days (today at first), the lines of
// the one selected, its receipt on screen (Enter), and a refund of its lines (Alt+U) with the client's
// reason and, when the person signed in may not refund alone, a senior's approval.
#pragma once

#include "pos/core/organisation/Actor.hpp"
#include "pos/core/sale/Sale.hpp"
#include "pos/ui/StationPage.hpp"

#include <wx/button.h>
#include <wx/textctrl.h>
#include <wx/dateevt.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>

#include <map>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::ui {

class SalesPage : public StationPage {
public:
    SalesPage(wxWindow* parent, db::Database& db, const pos::Actor& actor, std::string till);
    void refresh() override;

private:
    void show_today();
    void show_sales();
    void show_lines();
    void squeeze_sales_columns();  // the columns within the list's width on a 1024-wide screen
    // Full headings where they fit beside the specialist's name, abbreviated ones on a 1024-wide screen.
    void choose_sales_headings();
    void set_sales_headings(bool full);
    void open_receipt();
    void refund();
    const pos::SaleRecord* selected() const;

    db::Database& db_;
    pos::Actor actor_;
    std::string till_;
    std::string time_zone_;
    // Until the person picks days, the page follows the salon's today (a station left on overnight too).
    bool following_today_ = true;

    wxTextCtrl* from_ = nullptr;  // DD.MM.YYYY, Enter shows the days
    wxTextCtrl* to_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxListCtrl* sales_ = nullptr;
    wxStaticText* lines_title_ = nullptr;
    wxListCtrl* lines_ = nullptr;
    wxButton* receipt_ = nullptr;
    wxButton* refund_ = nullptr;
    std::vector<pos::SaleRecord> records_;
    std::vector<std::int64_t> refunded_;  // the selected sale's lines already refunded
    bool full_headings_ = false;  // the list was built with the short headings
    std::map<int, int> full_heading_widths_;  // column -> its width with the full heading, once measured
};

}  // namespace salon::ui
