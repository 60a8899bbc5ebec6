#include "pos/ui/corporate/CompanyChoice.hpp"

#include "pos/ui/corporate/CorporateTexts.hpp"

namespace salon::ui {

CompanyChoice::CompanyChoice(wxWindow* parent) : wxChoice(parent, wxID_ANY) { SetName("company"); }

void CompanyChoice::fill(const std::vector<pos::CorporateClient>& clients) {
    const std::int64_t keep = client_id();
    clients_ = clients;
    Freeze();
    Clear();
    for (const pos::CorporateClient& c : clients_)
        Append(wxString::FromUTF8(c.official_name + " — " + c.inn));
    Thaw();
    if (!clients_.empty()) SetSelection(0);
    choose(keep);
}

wxString CompanyChoice::reload(db::Database& db, const pos::Actor& actor) {
    try {
        fill(pos::list_corporate_clients(db, actor));
    } catch (...) {
        return current_error_text();
    }
    return wxString();
}

std::int64_t CompanyChoice::client_id() const {
    const pos::CorporateClient* c = client();
    return c ? c->id : 0;
}

const pos::CorporateClient* CompanyChoice::client() const {
    const int i = GetSelection();
    if (i == wxNOT_FOUND || i >= static_cast<int>(clients_.size())) return nullptr;
    return &clients_[static_cast<std::size_t>(i)];
}

void CompanyChoice::choose(std::int64_t client_id) {
    for (std::size_t i = 0; i < clients_.size(); ++i)
        if (clients_[i].id == client_id) SetSelection(static_cast<int>(i));
}

}  // namespace salon::ui
