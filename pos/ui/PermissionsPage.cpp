#include "pos/ui/PermissionsPage.hpp"

#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/organisation/StaffMember.hpp"
#include "pos/ui/FormFields.hpp"

#include <wx/sizer.h>

#include <algorithm>

namespace salon::ui {
using namespace salon::pos;

PermissionsPage::PermissionsPage(wxWindow* parent, db::Database& db, const Actor& actor)
    : StationPage(parent), db_(db), actor_(actor) {
    auto* heading = new wxStaticText(this, wxID_ANY, ui_text(tr("What each role may do")));
    heading->SetFont(heading->GetFont().Bold().Larger());
    role_ = new wxChoice(this, wxID_ANY);
    for (Role r : all_roles()) role_->Append(ui_text(role_title(r)));
    role_->SetSelection(0);
    permissions_ = new wxCheckListBox(this, wxID_ANY);
    for (Permission p : all_permissions()) permissions_->Append(ui_text(permission_title(p)));
    status_ = new wxStaticText(this, wxID_ANY, wxString());
    auto* hint = new wxStaticText(
        this, wxID_ANY,
        ui_text(tr("Space ticks or clears the selected permission. Each change is written to the audit journal.")));

    auto* role_row = new wxBoxSizer(wxHORIZONTAL);
    role_row->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("Role:"))), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
    role_row->Add(role_, 1);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(heading, 0, wxALL, 8);
    sizer->Add(role_row, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    sizer->Add(permissions_, 1, wxEXPAND | wxALL, 8);
    sizer->Add(hint, 0, wxLEFT | wxRIGHT, 8);
    sizer->Add(status_, 0, wxEXPAND | wxALL, 8);
    SetSizer(sizer);

    role_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { show_role(); });
    permissions_->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent& e) { toggle(e.GetInt()); });
}

void PermissionsPage::refresh() {
    show_status(wxString(), false);
    show_role();
}

void PermissionsPage::show_role() {
    try {
        const Role role = all_roles().at(static_cast<std::size_t>(role_->GetSelection()));
        const auto grants = list_grants(db_);
        const auto& permissions = all_permissions();
        for (std::size_t i = 0; i < permissions.size(); ++i)
            permissions_->Check(static_cast<unsigned>(i),
                                std::find(grants.begin(), grants.end(), std::pair(role, permissions[i])) !=
                                    grants.end());
    } catch (const UserError& e) {
        show_status(wxString::FromUTF8(e.message()), true);
    }
}

void PermissionsPage::toggle(int index) {
    const Role role = all_roles().at(static_cast<std::size_t>(role_->GetSelection()));
    const Permission permission = all_permissions().at(static_cast<std::size_t>(index));
    const bool giving = permissions_->IsChecked(static_cast<unsigned>(index));
    try {
        if (giving)
            grant(db_, actor_, role, permission);
        else
            revoke(db_, actor_, role, permission);
        show_status(ui_text(giving ? trf("{1} may now: {2}.", {role_title(role).str(), permission_title(permission).str()})
                                   : trf("{1} may no longer: {2}.",
                                         {role_title(role).str(), permission_title(permission).str()})),
                    false);
    } catch (const UserError& e) {
        show_status(wxString::FromUTF8(e.message()), true);
    }
    show_role();  // what is stored, whether the change went through or not
}

void PermissionsPage::show_status(const wxString& text, bool error) {
    status_->SetForegroundColour(error ? wxColour(180, 30, 30) : GetForegroundColour());
    status_->SetLabel(text);
    status_->Wrap(FromDIP(560));
    Layout();
}

}  // namespace salon::ui
