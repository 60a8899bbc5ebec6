// The fiscal registrar at the desk (R-POS-10): which registrar serves the till (the emulator says so), its
// fiscal shift and drive, the receipts waiting for it with the registrar's last answer, a retry, and for a
// trainer's demonstration the emulator's faults. The page retries the queue once a minute while it is
// not empty, whether it is shown or not.
#pragma once

#include "pos/core/fiscal/FiscalQueue.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/ui/StationPage.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/timer.h>

#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::ui {

// Registers the till's queue after a sale or a refund was committed: the line the desk shows under it
// ("Fiscalised: ..." or "Awaiting fiscalisation: paper out").
wxString fiscalise_after_commit(db::Database& db, const pos::Actor& actor, const std::string& till);

class FiscalQueuePage : public StationPage {
public:
    FiscalQueuePage(wxWindow* parent, db::Database& db, const pos::Actor& actor, std::string till);
    void refresh() override;

private:
    void retry(bool quiet);
    void set_fault();

    db::Database& db_;
    pos::Actor actor_;
    std::string till_;
    std::string time_zone_;
    std::vector<pos::QueuedReceipt> queue_;
    wxStaticText* registrar_ = nullptr;
    wxStaticText* drive_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxChoice* fault_ = nullptr;
    wxTimer timer_;
};

}  // namespace salon::ui
