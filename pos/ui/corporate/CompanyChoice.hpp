// The company a corporate page works for, chosen by name and INN; it keeps the choice across refreshes.
#pragma once

#include "pos/corporate/CorporateClient.hpp"

#include <wx/choice.h>

#include <cstdint>
#include <vector>

namespace salon::ui {

class CompanyChoice : public wxChoice {
public:
    explicit CompanyChoice(wxWindow* parent);

    // Lists `clients`, keeping the company chosen before when it is still there (else the first).
    void fill(const std::vector<pos::CorporateClient>& clients);
    // Lists the companies `actor` sees, read again; returns what went wrong to show on the page, or nothing.
    wxString reload(db::Database& db, const pos::Actor& actor);
    // 0 when there is none.
    std::int64_t client_id() const;
    const pos::CorporateClient* client() const;
    void choose(std::int64_t client_id);

private:
    std::vector<pos::CorporateClient> clients_;
};

}  // namespace salon::ui
