#include "pos/ui/StaffPage.hpp"

#include "pos/core/organisation/Dealer.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/organisation/StaffMember.hpp"
#include "pos/ui/ChoiceIds.hpp"

#include <algorithm>
#include <iterator>

namespace salon::ui {

namespace {
const pos::CareerLevel kLevels[] = {pos::CareerLevel::trainee, pos::CareerLevel::specialist,
                                    pos::CareerLevel::senior_specialist};

int level_index(pos::CareerLevel level) {
    return static_cast<int>(std::find(std::begin(kLevels), std::end(kLevels), level) - std::begin(kLevels));
}

std::string workplace(const pos::StaffMember& m) {
    if (!m.salon_name.empty()) return m.salon_name + " (" + m.dealer_name + ")";
    if (!m.dealer_name.empty()) return m.dealer_name;
    return tr("Head office").str();
}
}  // namespace

StaffPage::StaffPage(wxWindow* parent, db::Database& db, const pos::Actor& actor)
    : RecordEditorPage(parent, db, actor, tr("New staff member"), tr("Staff member's details")) {
    wxWindow* form = form_panel();
    login_ = new wxTextCtrl(form, wxID_ANY);
    full_name_ = new wxTextCtrl(form, wxID_ANY);
    role_ = new wxChoice(form, wxID_ANY);
    for (pos::Role role : pos::all_roles()) role_->Append(ui_text(pos::role_title(role)));
    salon_ = new wxChoice(form, wxID_ANY);
    dealer_ = new wxChoice(form, wxID_ANY);
    career_level_ = new wxChoice(form, wxID_ANY);
    for (pos::CareerLevel level : kLevels) career_level_->Append(ui_text(pos::career_level_title(level)));
    password_ = new wxTextCtrl(form, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD);
    password_->SetHint(ui_text(tr("changed at first sign-in")));

    fields().add("login", tr("Login:"), login_);
    fields().add("full_name", tr("Full name:"), full_name_);
    fields().add("role", tr("Role:"), role_);
    fields().add("salon", tr("Salon:"), salon_);
    fields().add("dealer", tr("Dealer:"), dealer_);
    fields().add("career_level", tr("Career level:"), career_level_);
    fields().add("password", tr("First password:"), password_);

    role_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { role_changed(); });

    role_->SetSelection(0);
    role_changed();
    finish({{tr("Full name"), 180}, {tr("Role"), 190}, {tr("Login"), 90}, {tr("Workplace"), 240}});
}

std::vector<RecordEditorPage::Row> StaffPage::load_rows() {
    std::vector<Row> rows;
    for (const pos::StaffMember& m : pos::list_staff(db(), actor()))
        rows.push_back({m.id, {m.full_name, pos::role_title(m.role).str(), m.login, workplace(m)}});
    return rows;
}

void StaffPage::reload_choices() {
    std::vector<std::pair<std::int64_t, std::string>> salons;
    for (const pos::Salon& s : pos::list_salons(db(), actor()))
        salons.emplace_back(s.id, s.name + " (" + s.dealer_name + ")");
    fill_choice(salon_, salons, chosen_id(salon_));
    std::vector<std::pair<std::int64_t, std::string>> dealers;
    for (const pos::Dealer& d : pos::list_dealers(db(), actor())) dealers.emplace_back(d.id, d.name);
    fill_choice(dealer_, dealers, chosen_id(dealer_));
}

void StaffPage::load_form(std::int64_t id) {
    const pos::StaffMember m = pos::get_staff(db(), actor(), id);
    login_->ChangeValue(wxString::FromUTF8(m.login));
    full_name_->ChangeValue(wxString::FromUTF8(m.full_name));
    const auto& roles = pos::all_roles();
    role_->SetSelection(static_cast<int>(std::find(roles.begin(), roles.end(), m.role) - roles.begin()));
    choose_id(salon_, m.salon_id);
    choose_id(dealer_, m.role == pos::Role::dealer_manager ? m.dealer_id : 0);
    career_level_->SetSelection(m.career_level ? level_index(*m.career_level) : wxNOT_FOUND);
    password_->ChangeValue(wxString());
    role_changed();
}

void StaffPage::clear_form() {
    login_->ChangeValue(wxString());
    full_name_->ChangeValue(wxString());
    role_->SetSelection(0);
    choose_id(salon_, 0);
    choose_id(dealer_, 0);
    career_level_->SetSelection(level_index(pos::CareerLevel::trainee));
    password_->ChangeValue(wxString());
    role_changed();
    login_->SetFocus();
}

std::int64_t StaffPage::save_form(std::int64_t id) {
    pos::StaffForm form;
    form.login = login_->GetValue().utf8_string();
    form.full_name = full_name_->GetValue().utf8_string();
    const int role = role_->GetSelection();
    form.role = pos::all_roles().at(role == wxNOT_FOUND ? 0 : static_cast<std::size_t>(role));
    if (pos::works_in_salon(form.role)) {
        form.salon_id = chosen_id(salon_);
        const int level = career_level_->GetSelection();
        if (level != wxNOT_FOUND) form.career_level = kLevels[level];
    }
    if (form.role == pos::Role::dealer_manager) form.dealer_id = chosen_id(dealer_);
    if (id == 0) form.password = password_->GetValue().utf8_string();
    return pos::save_staff(db(), actor(), form, id);
}

void StaffPage::adding_changed(bool adding) {
    // The first password is set once; afterwards only its owner changes it.
    if (!adding) password_->ChangeValue(wxString());
    password_->Enable(adding);
}

void StaffPage::role_changed() {
    const int index = role_->GetSelection();
    const pos::Role role = pos::all_roles().at(index == wxNOT_FOUND ? 0 : static_cast<std::size_t>(index));
    const bool in_salon = pos::works_in_salon(role);
    salon_->Enable(in_salon);
    dealer_->Enable(role == pos::Role::dealer_manager);
    if (role == pos::Role::senior_specialist) {
        // A senior specialist is at the senior level (core refuses anything else).
        career_level_->SetSelection(level_index(pos::CareerLevel::senior_specialist));
        career_level_->Enable(false);
    } else if (in_salon) {
        const int level = career_level_->GetSelection();
        if (level == wxNOT_FOUND || level == level_index(pos::CareerLevel::senior_specialist))
            career_level_->SetSelection(level_index(pos::CareerLevel::trainee));
        career_level_->Enable(true);
    } else {
        career_level_->SetSelection(wxNOT_FOUND);
        career_level_->Enable(false);
    }
}

}  // namespace salon::ui
