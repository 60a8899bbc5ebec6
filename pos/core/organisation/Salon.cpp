#include "pos/core/organisation/Salon.hpp"

#include "db/Database.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/Dealer.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Permission.hpp"

#include <unicode/timezone.h>
#include <unicode/unistr.h>


namespace salon::pos {

std::string validate_time_zone(const std::string& name) {
    const std::string trimmed = required_text("time_zone", tr("Time zone"), name);
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString canonical;
    UBool is_system = false;
    icu::TimeZone::getCanonicalID(icu::UnicodeString::fromUTF8(trimmed), canonical, is_system, status);
    if (U_FAILURE(status) || !is_system)
        throw InputError("time_zone", tr("Time zone"),
                         trf("\"{1}\" is not a known time zone (e.g. Europe/Moscow)", {trimmed}));
    return trimmed;
}

int validate_idle_lock_seconds(int seconds) {
    if (seconds < kMinIdleLockSeconds || seconds > kMaxIdleLockSeconds)
        throw InputError("idle_lock", tr("Idle lock"),
                         trf("must be from {1} to {2} seconds",
                             {std::to_string(kMinIdleLockSeconds), std::to_string(kMaxIdleLockSeconds)}));
    return seconds;
}

namespace {
// Head office for any dealer; a dealer's manager for his own. Asked before the form is read, and without
// looking the dealer up, so the answer is the same for another dealer's number and a number nobody has.
void require_may_save_salon(db::Database& db, const Actor& actor, std::int64_t dealer_id) {
    if (actor.may(db, Permission::administer_database)) {
        if (actor.sees_dealer(dealer_id)) return;
    } else {
        actor.require(db, Permission::manage_staff);
        if (actor.dealer_id() != 0 && dealer_id == actor.dealer_id()) return;
    }
    throw RefusedError(tr("You may open and change only your own dealer's salons."));
}
}  // namespace

namespace {
struct ValidSalon {
    std::string name, address, zone;
};

ValidSalon validate(db::Database& db, const Actor& actor, const SalonForm& form) {
    require_may_save_salon(db, actor, form.dealer_id);
    ValidSalon v;
    v.name = required_text("name", tr("Name"), form.name);
    v.address = required_text("address", tr("Address"), form.address);
    v.zone = validate_time_zone(form.time_zone);
    if (form.idle_lock_seconds) validate_idle_lock_seconds(*form.idle_lock_seconds);
    return v;
}

// The salon's id, `id` 0 for a new one, inside the caller's open WriteTransaction.
std::int64_t write_salon(db::Database& db, const Actor& actor, const SalonForm& form, const ValidSalon& v,
                         std::int64_t id) {
    const std::string& name = v.name;
    const std::string& address = v.address;
    const std::string& zone = v.zone;
    // An edit may not take another dealer's salon either (nor tell that its number exists).
    const Salon before = id == 0 ? Salon{} : get_salon(db, actor, id);
    const int idle_lock = form.idle_lock_seconds.value_or(before.idle_lock_seconds);
    if (id != 0) require_may_save_salon(db, actor, before.dealer_id);
    parse_input("dealer", [&] { return get_dealer(db, actor, form.dealer_id); });
    long long other = 0;
    soci::indicator ind = soci::i_null;
    const long long dealer_id = form.dealer_id;
    long long saved = id;
    db.run("SELECT id FROM salon WHERE dealer_id = :d AND name = :n AND id <> :id", soci::use(dealer_id),
           soci::use(name), soci::use(saved), soci::into(other, ind));
    if (ind == soci::i_ok) throw InputError("name", tr("Name"), tr("this dealer already has a salon with this name"));
    const int active = form.active ? 1 : 0;
    if (id == 0) {
        const long long now = db.now();
        saved = db.insert(
            "INSERT INTO salon (dealer_id, name, address, time_zone, active, idle_lock_seconds, "
            "created_at) VALUES (:d, :n, :a, :z, :act, :idle, :now)",
            soci::use(dealer_id), soci::use(name), soci::use(address), soci::use(zone), soci::use(active),
            soci::use(idle_lock), soci::use(now));
        actor.record(db, "salon.save", "salon:" + std::to_string(saved),
                     "added dealer=" + std::to_string(dealer_id));
    } else {
        db.run(
            "UPDATE salon SET dealer_id = :d, name = :n, address = :a, time_zone = :z, active = :act, "
            "idle_lock_seconds = :idle WHERE id = :id",
            soci::use(dealer_id), soci::use(name), soci::use(address), soci::use(zone), soci::use(active),
            soci::use(idle_lock), soci::use(saved));
        actor.record(db, "salon.save", "salon:" + std::to_string(saved),
                     changed_fields({{"dealer", before.dealer_id != form.dealer_id},
                                     {"name", before.name != name},
                                     {"address", before.address != address},
                                     {"time_zone", before.time_zone != zone},
                                     {"active", before.active != form.active},
                                     {"idle_lock", before.idle_lock_seconds != idle_lock}}) +
                         " dealer=" + std::to_string(dealer_id));
    }
    return saved;
}
}  // namespace

std::int64_t save_salon(db::Database& db, const Actor& actor, const SalonForm& form, std::int64_t id) {
    const ValidSalon v = validate(db, actor, form);
    db::WriteTransaction tx(db);
    const std::int64_t saved = write_salon(db, actor, form, v, id);
    tx.commit();
    return saved;
}

std::int64_t add_salon_within(db::Database& db, const Actor& actor, const SalonForm& form) {
    return write_salon(db, actor, form, validate(db, actor, form), 0);
}

namespace {
std::vector<Salon> query_salons(db::Database& db, const Actor& actor, long long dealer_id,
                                long long only_id) {
    actor.confirm(db);
    const int all = actor.is_head_office() ? 1 : 0;
    const long long own = actor.dealer_id();
    std::vector<Salon> out;
    Salon s;
    long long id = 0, dealer = 0;
    int active = 1;
    int idle_lock = kDefaultIdleLockSeconds;
    db::Statement st = db.query(
        "SELECT s.id, s.dealer_id, d.name, s.name, s.address, s.time_zone, s.active, "
        "s.idle_lock_seconds "
        "FROM salon s JOIN dealer d ON d.id = s.dealer_id "
        "WHERE (:dealer = 0 OR s.dealer_id = :dealer2) AND (:only = 0 OR s.id = :only2) "
        "AND (:all = 1 OR s.dealer_id = :own) "
        "ORDER BY d.name, s.name, s.id",
        soci::use(dealer_id), soci::use(dealer_id), soci::use(only_id), soci::use(only_id), soci::use(all),
        soci::use(own), soci::into(id), soci::into(dealer), soci::into(s.dealer_name), soci::into(s.name),
        soci::into(s.address), soci::into(s.time_zone), soci::into(active), soci::into(idle_lock));
    st.execute();
    while (st.fetch()) {
        s.id = id;
        s.dealer_id = dealer;
        s.active = active != 0;
        s.idle_lock_seconds = idle_lock;
        out.push_back(s);
    }
    return out;
}
}  // namespace

std::vector<Salon> list_salons(db::Database& db, const Actor& actor, std::int64_t dealer_id) {
    return query_salons(db, actor, dealer_id, 0);
}

Salon get_salon(db::Database& db, const Actor& actor, std::int64_t id) {
    auto found = query_salons(db, actor, 0, id);
    if (found.empty() || id == 0)
        throw ValidationError(tr("Salon"), trf("no salon with number {1}", {std::to_string(id)}));
    return found.front();
}

int idle_lock_seconds_for(db::Database& db, const Actor& actor) {
    const std::int64_t salon_id = actor.member().salon_id;
    if (salon_id == 0) return kDefaultIdleLockSeconds;
    const auto found = query_salons(db, actor, 0, salon_id);
    return found.empty() ? kDefaultIdleLockSeconds : found.front().idle_lock_seconds;
}

}  // namespace salon::pos
