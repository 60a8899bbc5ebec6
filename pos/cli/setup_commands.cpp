// salon-cli setup: the first run's steps for scripted installs (the station's wizard runs the same
// operation), and setup --check-db, which only tests the connection to the database.
#include "db/UserError.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/audit/AuditJournal.hpp"
#include "pos/core/setup/FirstRun.hpp"

#include <unistd.h>

#include <iostream>
#include <memory>

namespace salon::cli {
using namespace salon::pos;

namespace {

struct SetupOptions {
    bool check_db = false;
    std::string dealer_kind = "legal_entity", dealer, inn, ogrn, kpp;
    std::string salon, address, time_zone, admin_login, admin_name;
};

void check_connection(const CliContext& ctx) {
    const DatabaseCheck found = check_database(db::DatabaseUrl::resolve(ctx.db_url));
    if (ctx.json) {
        print_json({{"ok", true},
                    {"database", found.database},
                    {"exists", found.exists},
                    {"schema_version", found.schema_version},
                    {"set_up", found.set_up}});
        return;
    }
    std::cout << found.summary().str() << '\n';
}

void run_setup(const CliContext& ctx, const SetupOptions& o) {
    FirstRunForm form;
    reporting_input(ctx, [&] {
        try {
            form.dealer.kind = dealer_kind_from_string(o.dealer_kind);
        } catch (const InputError& e) {
            throw InputError("dealer.kind", e);
        }
    });
    form.dealer.name = o.dealer;
    form.dealer.inn = o.inn;
    form.dealer.ogrn = o.ogrn;
    form.dealer.kpp = o.kpp;
    form.salon_name = o.salon;
    form.salon_address = o.address;
    form.time_zone = o.time_zone;
    form.admin_login = o.admin_login;
    form.admin_full_name = o.admin_name;

    auto db = ctx.open(true);
    // Refused before the password is asked for: there is nothing to set up.
    if (is_set_up(*db))
        throw RefusedError(tr("This database is already set up: it has a dealer or staff. Sign in instead of "
                              "setting it up again."));
    form.admin_password = read_password("SALON_PASSWORD", trf("Password of {1}: ", {o.admin_login}).str());
    form.admin_password_again = std::getenv("SALON_PASSWORD") || !isatty(STDIN_FILENO)
                                    ? form.admin_password
                                    : read_password("SALON_PASSWORD", tr("The same password again: ").str());
    FirstRunResult made;
    reporting_input(ctx, [&] { made = run_first_setup(*db, AuditKey::load_or_create(), form); });
    if (ctx.json) {
        print_json({{"ok", true},
                    {"database", db->url().display},
                    {"dealer",
                     {{"id", made.dealer_id},
                      {"kind", std::string(to_string(form.dealer.kind))},
                      {"name", form.dealer.name},
                      {"inn", form.dealer.inn},
                      {"ogrn", form.dealer.ogrn},
                      {"kpp", form.dealer.kpp}}},
                    {"salon",
                     {{"id", made.salon_id},
                      {"dealer_id", made.dealer_id},
                      {"name", form.salon_name},
                      {"address", form.salon_address},
                      {"time_zone", form.time_zone}}},
                    {"admin",
                     {{"id", made.admin_id},
                      {"login", form.admin_login},
                      {"full_name", form.admin_full_name},
                      {"role", std::string(to_string(Role::head_office_admin))}}}});
        return;
    }
    std::cout << trf("Set up {1}: dealer number {2}, salon number {3}, administrator {4} (number {5}). "
                     "Sign in as {4}.",
                     {db->url().display, std::to_string(made.dealer_id), std::to_string(made.salon_id),
                      form.admin_login, std::to_string(made.admin_id)})
                     .str()
              << '\n';
}

}  // namespace

void add_setup_command(CLI::App& app, CliContext& ctx) {
    auto* cmd = app.add_subcommand(
        "setup", tr("First run: create the dealer, its first salon and the administrator in an empty database "
                    "(the administrator's password from SALON_PASSWORD, else asked twice); no --as needed")
                     .str());
    auto o = std::make_shared<SetupOptions>();
    cmd->add_flag("--check-db", o->check_db,
                  tr("Only test the connection to the database (--db) and say whether it is set up").str());
    cmd->add_option("--dealer", o->dealer, tr("The dealer's official name").str());
    cmd->add_option("--dealer-kind", o->dealer_kind, tr("legal_entity (default) or sole_proprietor").str());
    cmd->add_option("--inn", o->inn, tr("INN: 10 digits (legal entity) or 12 (sole proprietor)").str());
    cmd->add_option("--ogrn", o->ogrn, tr("OGRN (13 digits) or OGRNIP (15)").str());
    cmd->add_option("--kpp", o->kpp, tr("KPP (legal entities)").str());
    cmd->add_option("--salon", o->salon, tr("The first salon's name").str());
    cmd->add_option("--address", o->address, tr("The first salon's address").str());
    cmd->add_option("--timezone", o->time_zone, tr("The salon's time zone, e.g. Europe/Moscow").str());
    cmd->add_option("--admin-login", o->admin_login, tr("The administrator's login").str());
    cmd->add_option("--admin-name", o->admin_name, tr("The administrator's full name").str());
    cmd->callback([&ctx, o] {
        if (o->check_db)
            check_connection(ctx);
        else
            run_setup(ctx, *o);
    });
}

}  // namespace salon::cli
