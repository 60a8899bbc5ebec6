#include "pos/ui/SalonsPage.hpp"

#include "pos/core/organisation/Dealer.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/ui/ChoiceIds.hpp"

#include <string>

namespace salon::ui {

namespace {
// Russia's zones from west to east; the box stays editable for any other IANA name core accepts.
const char* const kRussianTimeZones[] = {"Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara",
                                         "Asia/Yekaterinburg", "Asia/Omsk",     "Asia/Krasnoyarsk",
                                         "Asia/Irkutsk",       "Asia/Yakutsk",  "Asia/Vladivostok",
                                         "Asia/Magadan",       "Asia/Kamchatka"};
constexpr const char* kDefaultTimeZone = "Europe/Moscow";
}  // namespace

SalonsPage::SalonsPage(wxWindow* parent, db::Database& db, const pos::Actor& actor)
    : RecordEditorPage(parent, db, actor, tr("New salon"), tr("Salon's details")) {
    wxWindow* form = form_panel();
    dealer_ = new wxChoice(form, wxID_ANY);
    name_ = new wxTextCtrl(form, wxID_ANY);
    address_ = new wxTextCtrl(form, wxID_ANY);
    wxArrayString zones;
    for (const char* zone : kRussianTimeZones) zones.Add(zone);
    time_zone_ = new wxComboBox(form, wxID_ANY, kDefaultTimeZone, wxDefaultPosition, wxDefaultSize, zones);
    idle_lock_ = new wxSpinCtrl(form, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                                wxSP_ARROW_KEYS, pos::kMinIdleLockSeconds, pos::kMaxIdleLockSeconds,
                                pos::kDefaultIdleLockSeconds);

    fields().add("dealer", tr("Dealer:"), dealer_);
    fields().add("name", tr("Name:"), name_);
    fields().add("address", tr("Address:"), address_);
    fields().add("time_zone", tr("Time zone:"), time_zone_);
    fields().add("idle_lock", tr("Idle lock, seconds:"), idle_lock_);

    finish({{tr("Name"), 160}, {tr("Dealer"), 160}, {tr("Time zone"), 140}, {tr("Address"), 260},
            {tr("Idle lock, s"), 110}});
}

std::vector<RecordEditorPage::Row> SalonsPage::load_rows() {
    std::vector<Row> rows;
    for (const pos::Salon& s : pos::list_salons(db(), actor()))
        rows.push_back({s.id, {s.name, s.dealer_name, s.time_zone, s.address, std::to_string(s.idle_lock_seconds)}});
    return rows;
}

void SalonsPage::reload_choices() {
    std::vector<std::pair<std::int64_t, std::string>> dealers;
    for (const pos::Dealer& d : pos::list_dealers(db(), actor())) dealers.emplace_back(d.id, d.name);
    fill_choice(dealer_, dealers, chosen_id(dealer_));
}

void SalonsPage::load_form(std::int64_t id) {
    const pos::Salon s = pos::get_salon(db(), actor(), id);
    choose_id(dealer_, s.dealer_id);
    name_->ChangeValue(wxString::FromUTF8(s.name));
    address_->ChangeValue(wxString::FromUTF8(s.address));
    time_zone_->ChangeValue(wxString::FromUTF8(s.time_zone));
    idle_lock_->SetValue(s.idle_lock_seconds);
    active_ = s.active;
}

void SalonsPage::clear_form() {
    // The dealer stays chosen: salons are usually added several at a time for one dealer.
    name_->ChangeValue(wxString());
    address_->ChangeValue(wxString());
    time_zone_->ChangeValue(kDefaultTimeZone);
    idle_lock_->SetValue(pos::kDefaultIdleLockSeconds);
    active_ = true;
    (dealer_->GetSelection() == wxNOT_FOUND ? static_cast<wxWindow*>(dealer_) : name_)->SetFocus();
}

std::int64_t SalonsPage::save_form(std::int64_t id) {
    pos::SalonForm form;
    form.dealer_id = chosen_id(dealer_);
    // Core would say "no dealer with number 0"; nothing chosen is better said in the list's own words.
    if (form.dealer_id == 0) throw pos::InputError("dealer", tr("Dealer"), tr("choose one from the list"));
    form.name = name_->GetValue().utf8_string();
    form.address = address_->GetValue().utf8_string();
    form.time_zone = time_zone_->GetValue().utf8_string();
    form.idle_lock_seconds = idle_lock_->GetValue();
    form.active = id == 0 ? true : active_;
    return pos::save_salon(db(), actor(), form, id);
}

}  // namespace salon::ui
