#include "pos/core/setup/FirstRun.hpp"

#include "db/Database.hpp"
#include "pos/core/audit/AuditJournal.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/PasswordHash.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/organisation/StaffMember.hpp"

#include <filesystem>
#include <string>
#include <system_error>

#include <unistd.h>

namespace salon::pos {

namespace {

// The same input names appear on several pages ("name" of the dealer and of the salon): an error says
// which part of the first run it is about, in its input name and its words.
template <class Step>
auto in_part(const std::string& prefix, const Text& part, Step&& step) {
    try {
        return step();
    } catch (const InputError& e) {
        throw InputError(prefix + "." + e.input(), trf("{1}: {2}", {part.str(), e.field().str()}), e.reason());
    }
}

Text already_set_up() {
    return tr("This database is already set up: it has a dealer or staff. Sign in instead of setting it up "
              "again.");
}

long long count_rows(db::Database& db, const char* statement) {
    long long rows = 0;
    db.run(statement, soci::into(rows));
    return rows;
}

}  // namespace

bool is_set_up(db::Database& db) {
    return count_rows(db, "SELECT count(*) FROM dealer") > 0 || count_rows(db, "SELECT count(*) FROM staff") > 0;
}

FirstRunResult run_first_setup(db::Database& db, const AuditKey& key, const FirstRunForm& form) {
    if (is_set_up(db)) throw RefusedError(already_set_up());
    in_part("admin", tr("Administrator"), [&] {
        check_new_password(form.admin_password);
        if (form.admin_password_again != form.admin_password)
            throw InputError("password_again", tr("Password again"), tr("does not match the password"));
        return 0;
    });
    const std::string hash = hash_password(form.admin_password);  // slow on purpose: outside the transaction

    const Actor actor = Actor::command_line(key);
    db::WriteTransaction tx(db);
    // Two wizards at once on one server: the second waits here and then finds the first one's dealer.
    // (SQLite's BEGIN IMMEDIATE already took the whole database's write lock.)
    if (db.backend() == db::Backend::postgresql) db.sql() << "LOCK TABLE dealer, staff IN SHARE ROW EXCLUSIVE MODE";
    if (is_set_up(db)) throw RefusedError(already_set_up());

    FirstRunResult result;
    result.dealer_id = in_part("dealer", tr("Dealer"), [&] { return add_dealer_within(db, actor, form.dealer); });
    SalonForm salon;
    salon.dealer_id = result.dealer_id;
    salon.name = form.salon_name;
    salon.address = form.salon_address;
    salon.time_zone = form.time_zone;
    result.salon_id = in_part("salon", tr("Salon"), [&] { return add_salon_within(db, actor, salon); });
    StaffForm admin;
    admin.login = form.admin_login;
    admin.full_name = form.admin_full_name;
    admin.role = Role::head_office_admin;
    // He typed the password himself (twice): nothing to change at his first sign-in.
    result.admin_id = in_part("admin", tr("Administrator"),
                              [&] { return add_staff_within(db, actor, admin, hash, false); });
    actor.record(db, "setup.first_run", "dealer:" + std::to_string(result.dealer_id),
                 "salon=" + std::to_string(result.salon_id) + " admin=" + std::to_string(result.admin_id));
    tx.commit();
    return result;
}

Text DatabaseCheck::summary() const {
    if (!exists) return trf("Connection ok: a new database will be created at {1}.", {database});
    if (set_up) return trf("Connection ok: {1} is already set up; the station will sign in to it.", {database});
    return trf("Connection ok: {1} (schema version {2}) is not set up yet.",
               {database, std::to_string(schema_version)});
}

namespace {
// The nearest folder that exists on the way to `file`: where creating the new database starts.
std::filesystem::path nearest_existing_folder(const std::filesystem::path& file) {
    std::error_code ec;
    std::filesystem::path folder = std::filesystem::absolute(file, ec).parent_path();
    while (!folder.empty() && !std::filesystem::exists(folder, ec) && folder != folder.root_path())
        folder = folder.parent_path();
    return folder;
}
}  // namespace

DatabaseCheck check_database(const db::DatabaseUrl& url) {
    DatabaseCheck out;
    out.database = url.display;
    std::error_code ec;
    if (url.backend == db::Backend::sqlite && !std::filesystem::exists(url.sqlite_path, ec)) {
        // Nothing is created until setting up commits: an abandoned wizard leaves no file behind.
        const std::filesystem::path folder = nearest_existing_folder(url.sqlite_path);
        if (folder.empty() || !std::filesystem::is_directory(folder, ec) || ::access(folder.c_str(), W_OK) != 0)
            throw DatabaseError(trf("Cannot create the database file {1}: the folder {2} is not writable.",
                                    {url.sqlite_path, folder.string()}));
        return out;
    }
    auto db = db::Database::open(url, db::Database::Mode::open_existing);
    out.exists = true;
    out.schema_version = db->schema_version();
    out.set_up = out.schema_version > 0 && is_set_up(*db);
    return out;
}

const std::vector<TimeZoneChoice>& russian_time_zones() {
    static const std::vector<TimeZoneChoice> zones = {
        {"Europe/Kaliningrad", tr("Kaliningrad (MSK-1, UTC+2)")},
        {"Europe/Moscow", tr("Moscow (MSK, UTC+3)")},
        {"Europe/Samara", tr("Samara (MSK+1, UTC+4)")},
        {"Asia/Yekaterinburg", tr("Yekaterinburg (MSK+2, UTC+5)")},
        {"Asia/Omsk", tr("Omsk (MSK+3, UTC+6)")},
        {"Asia/Novosibirsk", tr("Novosibirsk (MSK+4, UTC+7)")},
        {"Asia/Krasnoyarsk", tr("Krasnoyarsk (MSK+4, UTC+7)")},
        {"Asia/Irkutsk", tr("Irkutsk (MSK+5, UTC+8)")},
        {"Asia/Yakutsk", tr("Yakutsk (MSK+6, UTC+9)")},
        {"Asia/Vladivostok", tr("Vladivostok (MSK+7, UTC+10)")},
        {"Asia/Magadan", tr("Magadan (MSK+8, UTC+11)")},
        {"Asia/Kamchatka", tr("Petropavlovsk-Kamchatsky (MSK+9, UTC+12)")},
    };
    return zones;
}

}  // namespace salon::pos
