#include "pos/ui/corporate/CorporateTexts.hpp"

#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/ui/FormFields.hpp"

namespace salon::ui {

std::string shown_msisdn(const std::string& e164) {
    if (e164.empty()) return "—";
    try {
        return pos::Msisdn::stored(e164).display();
    } catch (const UserError&) {
        return e164;
    }
}

std::string shown_day(const std::string& iso) {
    if (iso.empty()) return "—";
    try {
        return pos::CalendarDate::parse(iso, "date", tr("Date")).display();
    } catch (const UserError&) {
        return iso;
    }
}

std::string desk_time_zone(db::Database& db, const pos::Actor& actor) {
    if (actor.member().salon_id == 0) return "UTC";
    try {
        return pos::get_salon(db, actor, actor.member().salon_id).time_zone;
    } catch (const UserError&) {
        return "UTC";
    }
}

std::string shown_moment(std::int64_t unix_seconds, const std::string& time_zone) {
    return unix_seconds == 0 ? std::string("—") : pos::local_date_time(unix_seconds, time_zone);
}

wxString current_error_text() {
    try {
        throw;
    } catch (const UserError& e) {
        return wxString::FromUTF8(e.message());
    } catch (const std::exception& e) {
        return ui_text(trf("Unexpected error: {1}", {e.what()}));
    }
}

}  // namespace salon::ui
