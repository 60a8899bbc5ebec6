// salon-cli dealer|salon|staff add|edit|list: the organisation, as the administration screens edit it.
#include "db/UserError.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/organisation/Certification.hpp"
#include "pos/core/organisation/Dealer.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/organisation/StaffMember.hpp"

#include <iostream>

namespace salon::cli {
using namespace salon::pos;

namespace {

nlohmann::json to_json(const Dealer& d) {
    return {{"id", d.id}, {"kind", std::string(to_string(d.kind))}, {"name", d.name},
            {"inn", d.inn}, {"ogrn", d.ogrn}, {"kpp", d.kpp}};
}

nlohmann::json to_json(const Salon& s) {
    return {{"id", s.id},           {"dealer_id", s.dealer_id},     {"dealer", s.dealer_name}, {"name", s.name},
            {"address", s.address}, {"time_zone", s.time_zone}, {"active", s.active},
            {"idle_lock_seconds", s.idle_lock_seconds}};
}

nlohmann::json to_json(const StaffMember& m) {
    return {{"id", m.id},
            {"login", m.login},
            {"full_name", m.full_name},
            {"role", std::string(to_string(m.role))},
            {"career_level", m.career_level ? std::string(to_string(*m.career_level)) : std::string()},
            {"dealer_id", m.dealer_id},
            {"salon_id", m.salon_id},
            {"active", m.active}};
}

void report_saved(const CliContext& ctx, const Text& what, std::int64_t id) {
    if (ctx.json)
        print_json({{"ok", true}, {"id", id}});
    else
        std::cout << trf("Saved {1} number {2}.", {what.str(), std::to_string(id)}).str() << '\n';
}

// Options of the dealer form, shared by add and edit; an edit keeps what is not given.
struct DealerOptions {
    std::string kind, name, inn, ogrn, kpp;
    void add_to(CLI::App* cmd, bool required) {
        auto* k = cmd->add_option("--kind", kind, tr("legal_entity or sole_proprietor").str());
        auto* n = cmd->add_option("--name", name, tr("Official name").str());
        auto* i = cmd->add_option("--inn", inn, tr("INN: 10 digits (legal entity) or 12 (sole proprietor)").str());
        auto* o = cmd->add_option("--ogrn", ogrn, tr("OGRN (13 digits) or OGRNIP (15)").str());
        cmd->add_option("--kpp", kpp, tr("KPP (legal entities)").str());
        if (required)
            for (auto* opt : {k, n, i, o}) opt->required();
    }
    DealerForm apply(DealerForm f) const {
        if (!kind.empty()) f.kind = dealer_kind_from_string(kind);
        if (!name.empty()) f.name = name;
        if (!inn.empty()) f.inn = inn;
        if (!ogrn.empty()) f.ogrn = ogrn;
        if (!kpp.empty() || f.kind == DealerKind::sole_proprietor) f.kpp = kpp;
        return f;
    }
};

struct SalonOptions {
    long long dealer = 0;
    std::string name, address, time_zone;
    int idle_lock = 0;  // 0: not given
    void add_to(CLI::App* cmd, bool required) {
        cmd->add_option("--idle-lock", idle_lock, tr("Seconds without input before the station locks (30 to 3600)").str());
        auto* d = cmd->add_option("--dealer", dealer, tr("Dealer number").str());
        auto* n = cmd->add_option("--name", name, tr("Salon name").str());
        auto* a = cmd->add_option("--address", address, tr("Address").str());
        auto* z = cmd->add_option("--tz", time_zone, tr("IANA time zone, e.g. Europe/Moscow").str());
        if (required)
            for (auto* opt : {d, n, a, z}) opt->required();
    }
    SalonForm apply(SalonForm f) const {
        if (dealer) f.dealer_id = dealer;
        if (!name.empty()) f.name = name;
        if (!address.empty()) f.address = address;
        if (!time_zone.empty()) f.time_zone = time_zone;
        if (idle_lock) f.idle_lock_seconds = idle_lock;
        return f;
    }
};

struct StaffOptions {
    std::string login, full_name, role, level, password;
    long long salon = 0, dealer = 0;
    void add_to(CLI::App* cmd, bool adding) {
        auto* l = cmd->add_option("--login", login, tr("Login").str());
        auto* n = cmd->add_option("--name", full_name, tr("Full name").str());
        auto* r = cmd->add_option("--role", role,
                                  tr("specialist, senior_specialist, trainer, dealer_manager or head_office_admin").str());
        cmd->add_option("--salon", salon, tr("Salon number (salon staff)").str());
        cmd->add_option("--dealer", dealer, tr("Dealer number (dealer managers)").str());
        cmd->add_option("--level", level, tr("Career level: trainee, specialist or senior_specialist").str());
        if (adding) {
            auto* p = cmd->add_option("--password", password, tr("First password, changed at first sign-in").str());
            for (auto* opt : {l, n, r, p}) opt->required();
        }
    }
    StaffForm apply(StaffForm f) const {
        if (!login.empty()) f.login = login;
        if (!full_name.empty()) f.full_name = full_name;
        if (!role.empty()) f.role = role_from_string(role);
        if (salon) f.salon_id = salon;
        if (dealer) f.dealer_id = dealer;
        if (!level.empty()) f.career_level = career_level_from_string(level);
        f.password = password;
        return f;
    }
};

}  // namespace

void add_organisation_commands(CLI::App& app, CliContext& ctx) {
    // Dealers
    auto* dealer = app.add_subcommand("dealer", tr("Dealers: legal entities and sole proprietors").str());
    dealer->require_subcommand(1);
    auto dealer_add = std::make_shared<DealerOptions>();
    auto* add = dealer->add_subcommand("add", tr("Register a dealer").str());
    dealer_add->add_to(add, true);
    add->callback([&ctx, dealer_add] {
        auto db = ctx.open();
        report_saved(ctx, tr("dealer"), save_dealer(*db, ctx.person(*db), dealer_add->apply({})));
    });
    auto dealer_edit = std::make_shared<DealerOptions>();
    auto dealer_id = std::make_shared<long long>(0);
    auto* edit = dealer->add_subcommand("edit", tr("Change a dealer's details").str());
    edit->add_option("ID", *dealer_id, tr("Dealer number").str())->required();
    dealer_edit->add_to(edit, false);
    edit->callback([&ctx, dealer_edit, dealer_id] {
        auto db = ctx.open();
        const Actor actor = ctx.person(*db);
        const Dealer d = get_dealer(*db, actor, *dealer_id);
        report_saved(
            ctx, tr("dealer"),
            save_dealer(*db, actor, dealer_edit->apply({d.kind, d.name, d.inn, d.ogrn, d.kpp}), d.id));
    });
    dealer->add_subcommand("list", tr("List dealers").str())->callback([&ctx] {
        auto db = ctx.open();
        const auto dealers = list_dealers(*db, ctx.viewer(*db));
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& d : dealers) out.push_back(to_json(d));
            return print_json(out);
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& d : dealers) rows.push_back({std::to_string(d.id), d.name, d.inn, d.ogrn, d.kpp});
        print_table({"#", tr("Name").str(), tr("INN").str(), tr("OGRN").str(), tr("KPP").str()}, rows);
    });

    // Salons
    auto* salon = app.add_subcommand("salon", tr("Salons of the dealers").str());
    salon->require_subcommand(1);
    auto salon_add = std::make_shared<SalonOptions>();
    auto* sadd = salon->add_subcommand("add", tr("Open a salon").str());
    salon_add->add_to(sadd, true);
    sadd->callback([&ctx, salon_add] {
        auto db = ctx.open();
        report_saved(ctx, tr("salon"), save_salon(*db, ctx.person(*db), salon_add->apply({})));
    });
    auto salon_edit = std::make_shared<SalonOptions>();
    auto salon_id = std::make_shared<long long>(0);
    auto* sedit = salon->add_subcommand("edit", tr("Change a salon's details").str());
    sedit->add_option("ID", *salon_id, tr("Salon number").str())->required();
    salon_edit->add_to(sedit, false);
    sedit->callback([&ctx, salon_edit, salon_id] {
        auto db = ctx.open();
        const Actor actor = ctx.person(*db);
        const Salon s = get_salon(*db, actor, *salon_id);
        report_saved(
            ctx, tr("salon"),
            save_salon(*db, actor, salon_edit->apply({s.dealer_id, s.name, s.address, s.time_zone, s.active}),
                       s.id));
    });
    auto list_dealer = std::make_shared<long long>(0);
    auto* slist = salon->add_subcommand("list", tr("List salons").str());
    slist->add_option("--dealer", *list_dealer, tr("Only this dealer's salons").str());
    slist->callback([&ctx, list_dealer] {
        auto db = ctx.open();
        const auto salons = list_salons(*db, ctx.viewer(*db), *list_dealer);
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& s : salons) out.push_back(to_json(s));
            return print_json(out);
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& s : salons)
            rows.push_back({std::to_string(s.id), s.name, s.dealer_name, s.time_zone,
                            std::to_string(s.idle_lock_seconds), s.address});
        print_table({"#", tr("Salon").str(), tr("Dealer").str(), tr("Time zone").str(), tr("Idle lock, s").str(),
                     tr("Address").str()},
                    rows);
    });

    // Staff
    auto* staff = app.add_subcommand("staff", tr("People who work at the station").str());
    staff->require_subcommand(1);
    auto staff_add = std::make_shared<StaffOptions>();
    auto* tadd = staff->add_subcommand("add", tr("Add a staff member").str());
    staff_add->add_to(tadd, true);
    tadd->callback([&ctx, staff_add] {
        auto db = ctx.open();
        const StaffForm form = staff_add->apply({});
        report_saved(ctx, tr("staff member"), save_staff(*db, ctx.first_administrator(*db, form.role), form));
    });
    auto staff_edit = std::make_shared<StaffOptions>();
    auto staff_id = std::make_shared<long long>(0);
    auto* tedit = staff->add_subcommand("edit", tr("Change a staff member's details").str());
    tedit->add_option("ID", *staff_id, tr("Staff member number").str())->required();
    staff_edit->add_to(tedit, false);
    tedit->callback([&ctx, staff_edit, staff_id] {
        auto db = ctx.open();
        const Actor actor = ctx.person(*db);
        const StaffMember m = get_staff(*db, actor, *staff_id);
        StaffForm current{m.login, m.full_name, m.role, m.salon_id, m.dealer_id, m.career_level, {}};
        report_saved(ctx, tr("staff member"), save_staff(*db, actor, staff_edit->apply(current), m.id));
    });
    staff->add_subcommand("list", tr("List staff").str())->callback([&ctx] {
        auto db = ctx.open();
        const auto people = list_staff(*db, ctx.viewer(*db));
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& m : people) out.push_back(to_json(m));
            return print_json(out);
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& m : people)
            rows.push_back({std::to_string(m.id), m.login, m.full_name, role_title(m.role).str(),
                            m.career_level ? career_level_title(*m.career_level).str() : std::string("—"),
                            !m.salon_name.empty()   ? m.salon_name
                            : !m.dealer_name.empty() ? m.dealer_name
                                                     : tr("Head office").str()});
        print_table({"#", tr("Login").str(), tr("Full name").str(), tr("Role").str(), tr("Career level").str(),
                     tr("Works at").str()},
                    rows);
    });

    auto set_role = std::make_shared<StaffOptions>();
    auto role_id = std::make_shared<long long>(0);
    auto* trole = staff->add_subcommand("set-role", tr("Change a staff member's role, salon or level").str());
    trole->add_option("ID", *role_id, tr("Staff member number").str())->required();
    trole->add_option("ROLE", set_role->role,
                      tr("specialist, senior_specialist, trainer, dealer_manager or head_office_admin").str())
        ->required();
    trole->add_option("--salon", set_role->salon, tr("Salon number (salon staff)").str());
    trole->add_option("--dealer", set_role->dealer, tr("Dealer number (dealer managers)").str());
    trole->add_option("--level", set_role->level, tr("Career level: trainee, specialist or senior_specialist").str());
    trole->callback([&ctx, set_role, role_id] {
        auto db = ctx.open();
        const Actor actor = ctx.person(*db);
        const StaffMember m = get_staff(*db, actor, *role_id);
        StaffForm form{m.login, m.full_name, m.role, m.salon_id, m.dealer_id, std::nullopt, {}};
        // Moving between the two salon roles keeps the level where it still fits the new role.
        if (role_from_string(set_role->role) == Role::specialist && set_role->level.empty() && m.career_level)
            form.career_level = *m.career_level == CareerLevel::senior_specialist ? CareerLevel::specialist
                                                                                  : *m.career_level;
        report_saved(ctx, tr("staff member"), save_staff(*db, actor, set_role->apply(form), m.id));
    });

    auto reset_id = std::make_shared<long long>(0);
    auto reset_pw = std::make_shared<std::string>();
    auto* treset = staff->add_subcommand("reset-password", tr("Set a temporary password, changed at next sign-in").str());
    treset->add_option("ID", *reset_id, tr("Staff member number").str())->required();
    treset->add_option("--password", *reset_pw, tr("The temporary password").str())->required();
    treset->callback([&ctx, reset_id, reset_pw] {
        auto db = ctx.open();
        reset_password(*db, ctx.person(*db), *reset_id, *reset_pw);
        report_saved(ctx, tr("staff member"), *reset_id);
    });

    for (const bool active : {false, true}) {
        auto id = std::make_shared<long long>(0);
        auto* cmd = active ? staff->add_subcommand("unlock", tr("Unlock an account (also after failed sign-ins)").str())
                           : staff->add_subcommand("lock", tr("Lock an account: it can no longer sign in").str());
        cmd->add_option("ID", *id, tr("Staff member number").str())->required();
        cmd->callback([&ctx, id, active] {
            auto db = ctx.open();
            set_staff_active(*db, ctx.person(*db), *id, active);
            report_saved(ctx, tr("staff member"), *id);
        });
    }

    auto certify_id = std::make_shared<long long>(0);
    auto certify_date = std::make_shared<std::string>();
    auto certify_trainer = std::make_shared<std::string>();
    auto* tcert = staff->add_subcommand("certify", tr("Record that a person passed the operator's training").str());
    tcert->add_option("ID", *certify_id, tr("Staff member number").str())->required();
    tcert->add_option("--date", *certify_date, tr("Date the training was passed, YYYY-MM-DD").str())->required();
    tcert->add_option("--trainer", *certify_trainer, tr("The trainer's login").str());
    tcert->callback([&ctx, certify_id, certify_date, certify_trainer] {
        auto db = ctx.open();
        const Actor actor = ctx.person(*db);
        std::int64_t trainer = 0;
        if (!certify_trainer->empty()) {
            const auto found = find_staff_by_login(*db, actor, *certify_trainer);
            if (!found) throw ValidationError(tr("Trainer"), trf("no staff member with login {1}", {*certify_trainer}));
            trainer = found->id;
        }
        report_saved(ctx, tr("certification"),
                     record_certification(*db, actor, *certify_id, *certify_date, trainer));
    });
}

}  // namespace salon::cli
