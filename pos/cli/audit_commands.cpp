// salon-cli audit verify|list and permission list|grant|revoke: checking the audit journal and who may do what.
// Reading the journal --as a person needs administer_database; granting and revoking need a signed-in person.
#include "db/UserError.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/audit/AuditJournal.hpp"
#include "pos/core/organisation/Permission.hpp"

#include <ctime>
#include <iostream>

namespace salon::cli {
using namespace salon::pos;

namespace {

// Times in the journal are UTC; the CLI says so rather than guess a salon's zone.
std::string utc_time(std::int64_t seconds) {
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &tm);
    return text;
}

std::string_view kind_code(AuditProblemKind kind) {
    switch (kind) {
    case AuditProblemKind::changed: return "changed";
    case AuditProblemKind::missing: return "missing";
    case AuditProblemKind::out_of_order: return "out_of_order";
    case AuditProblemKind::cut: return "cut";
    case AuditProblemKind::vanished: return "vanished";
    case AuditProblemKind::replaced: return "replaced";
    }
    return "?";
}

nlohmann::json to_json(const AuditEntry& e) {
    return {{"id", e.id},
            {"chain", e.chain},
            {"seq", e.seq},
            {"at", e.at},
            {"actor_id", e.actor_id ? nlohmann::json(e.actor_id) : nlohmann::json()},
            {"action", e.action},
            {"subject", e.subject},
            {"details", e.details},
            {"mac", e.mac}};
}

}  // namespace

void add_audit_commands(CLI::App& app, CliContext& ctx) {
    auto* audit =
        app.add_subcommand("audit", tr("The audit journal: who did what, protected against changes").str());
    audit->require_subcommand(1);
    auto key_file = std::make_shared<std::string>();
    auto* verify_cmd =
        audit->add_subcommand("verify", tr("Check that no entry was changed, deleted or moved").str());
    verify_cmd->add_option(
        "--key", *key_file,
        tr("The audit key file (default: SALON_AUDIT_KEY_FILE, else the per-user file)").str());
    auto given_heads = std::make_shared<std::vector<std::string>>();
    verify_cmd->add_option("--head", *given_heads,
                           tr("A chain's head known from elsewhere, CHAIN:SEQ:MAC as a Z report prints it "
                              "(repeatable): the chain must still reach it")
                               .str());
    verify_cmd->callback([&ctx, key_file, given_heads] {
        auto db = ctx.open();
        // Without --as head office's view reads it; never through viewer(), which would make a key here.
        if (!ctx.as_login.empty()) ctx.person(*db).require(*db, Permission::administer_database);
        const AuditKey key = key_file->empty() ? AuditKey::load() : AuditKey::load(*key_file);
        KnownHeads known;
        for (const std::string& text : *given_heads) known.given.push_back(AuditHead::parse(text));
        const AuditCheck check = verify(*db, key, known);
        if (!check.intact()) {
            std::vector<AuditProblem> problems = check.tail;
            if (check.problem) problems.insert(problems.begin(), *check.problem);
            if (ctx.json) {
                nlohmann::json out = nlohmann::json::array();
                for (const AuditProblem& p : problems)
                    out.push_back({{"chain", p.chain},
                                   {"kind", std::string(kind_code(p.kind))},
                                   {"seq", p.seq},
                                   {"id", p.id},
                                   {"expected_seq", p.expected_seq},
                                   {"message", describe(p).str()}});
                ctx.failure["problems"] = out;
            } else {
                for (const AuditProblem& p : problems) std::cout << describe(p).str() << '\n';
            }
            throw RefusedError(trn("The journal has {1} problem.", "The journal has {1} problems.",
                                   static_cast<long long>(problems.size())));
        }
        if (ctx.json)
            print_json({{"ok", true}, {"entries", check.entries}, {"chains", check.chains}});
        else
            std::cout << trf("The journal is intact: {1} entries in {2} chains.",
                             {std::to_string(check.entries), std::to_string(check.chains)})
                             .str()
                      << '\n';
    });

    auto chain = std::make_shared<std::string>();
    auto limit = std::make_shared<int>(50);
    auto* list = audit->add_subcommand("list", tr("Show the newest entries").str());
    list->add_option("--chain", *chain, tr("Only this chain, e.g. salon:3 or station:HOST").str());
    list->add_option("--limit", *limit, tr("How many entries (default 50)").str())
        ->check(CLI::PositiveNumber);
    list->callback([&ctx, chain, limit] {
        auto db = ctx.open();
        if (!ctx.as_login.empty()) ctx.person(*db).require(*db, Permission::administer_database);
        const auto entries = list_entries(*db, *chain, *limit);
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& e : entries) out.push_back(to_json(e));
            return print_json(out);
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& e : entries)
            rows.push_back({std::to_string(e.id), e.chain, std::to_string(e.seq), utc_time(e.at),
                            e.actor_id ? std::to_string(e.actor_id) : std::string("—"), e.action, e.subject,
                            e.details});
        print_table(
            {"#", tr("Chain").str(), tr("Seq").str(), tr("Time").str(), tr("Staff member number").str(),
             tr("Action").str(), tr("Subject").str(), tr("Details").str()},
            rows);
    });

    auto* permission = app.add_subcommand("permission", tr("What each role may do").str());
    permission->require_subcommand(1);
    permission->add_subcommand("list", tr("List the permissions of every role").str())->callback([&ctx] {
        auto db = ctx.open();
        const auto grants = list_grants(*db);
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& [role, p] : grants)
                out.push_back(
                    {{"role", std::string(to_string(role))}, {"permission", std::string(to_string(p))}});
            return print_json(out);
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& [role, p] : grants)
            rows.push_back({role_title(role).str(), std::string(to_string(p)), permission_title(p).str()});
        print_table({tr("Role").str(), tr("Permission").str(), tr("What it allows").str()}, rows);
    });

    // Permissions are data: head office changes who may do what without a new program.
    for (const bool giving : {true, false}) {
        auto role = std::make_shared<std::string>();
        auto code = std::make_shared<std::string>();
        auto* cmd = giving ? permission->add_subcommand("grant", tr("Give a role a permission").str())
                           : permission->add_subcommand("revoke", tr("Take a permission from a role").str());
        cmd->add_option("ROLE", *role,
                        tr("specialist, senior_specialist, trainer, dealer_manager or head_office_admin").str())
            ->required();
        cmd->add_option("PERMISSION", *code, tr("A permission code, as `permission list --json` names it").str())
            ->required();
        cmd->callback([&ctx, role, code, giving] {
            auto db = ctx.open();
            const Actor actor = ctx.person(*db);
            const Role r = role_from_string(*role);
            const Permission p = permission_from_string(*code);
            if (giving)
                grant(*db, actor, r, p);
            else
                revoke(*db, actor, r, p);
            if (ctx.json)
                print_json({{"ok", true}, {"role", *role}, {"permission", *code}, {"granted", giving}});
            else
                std::cout << (giving ? trf("{1} may now: {2}.", {role_title(r).str(), permission_title(p).str()})
                                     : trf("{1} may no longer: {2}.", {role_title(r).str(), permission_title(p).str()}))
                                 .str()
                          << '\n';
        });
    }
}

}  // namespace salon::cli
