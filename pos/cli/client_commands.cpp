// salon-cli client find|reveal: a client by passport, masked as every list shows it (152-FZ), and the
// whole record for someone with the right to reveal personal data who says why (journaled).
#include "db/Text.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/sale/Client.hpp"
#include "pos/core/sale/DeskSearch.hpp"

#include <iostream>
#include <memory>

namespace salon::cli {
using namespace salon::pos;

void add_client_commands(CLI::App& app, CliContext& ctx) {
    auto* client = app.add_subcommand("client", tr("Clients: find by passport (masked), reveal with a reason").str());
    client->require_subcommand(1);

    auto passport = std::make_shared<std::string>();
    auto* find = client->add_subcommand("find", tr("Find a client by passport; personal data masked").str());
    find->add_option("passport", *passport, tr("Series and number of the passport").str())->required();
    find->callback([&ctx, passport] {
        auto db = ctx.open();
        const Actor person = ctx.viewer(*db);
        const auto found = find_client_by_passport(*db, person, *passport);
        if (ctx.json) {
            if (!found) return print_json(nullptr);
            return print_json({{"id", found->id},
                               {"full_name", found->full_name},
                               {"passport", found->passport},
                               {"birth_date", found->birth_date},
                               {"address", found->address},
                               {"phone", found->phone},
                               {"live_numbers", found->live_numbers}});
        }
        if (!found) {
            std::cout << tr("No client with this passport.").str() << '\n';
            return;
        }
        print_table({tr("Id").str(), tr("Full name").str(), tr("Passport").str(), tr("Date of birth").str(),
                     tr("Registration address").str(), tr("Numbers").str()},
                    {{std::to_string(found->id), found->full_name, found->passport, found->birth_date, found->address,
                      std::to_string(found->live_numbers)}});
    });

    auto text = std::make_shared<std::string>();
    auto* any = app.add_subcommand("find", tr("The desk's search box: a card by ICCID or number, its client, a client by passport").str());
    any->add_option("text", *text, tr("ICCID, phone number or passport").str())->required();
    any->callback([&ctx, text] {
        auto db = ctx.open();
        const Actor person = ctx.viewer(*db);
        const auto hits = desk_search(*db, person, *text);
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& h : hits) out.push_back({{"kind", h.kind}, {"id", h.id}, {"title", h.title}, {"detail", h.detail}});
            return print_json(out);
        }
        if (hits.empty()) std::cout << tr("Nothing found.").str() << '\n';
        for (const auto& h : hits) std::cout << h.title << " — " << h.detail << '\n';
    });

    auto id = std::make_shared<std::int64_t>(0);
    auto reason = std::make_shared<std::string>();
    auto* reveal = client->add_subcommand(
        "reveal", tr("The whole record of a client (acting --as someone allowed; the reason is journaled)").str());
    reveal->add_option("id", *id, tr("Client record number").str())->required();
    reveal->add_option("--reason", *reason, tr("Why the data are needed (at least 10 characters)").str())->required();
    reveal->callback([&ctx, id, reason] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        const ClientRecord c = reveal_client(*db, person, *id, *reason);
        if (ctx.json)
            return print_json({{"id", c.id},
                               {"full_name", c.full_name},
                               {"birth_date", c.birth_date},
                               {"passport", c.passport},
                               {"issued_on", c.document_issued_on},
                               {"issuer", c.document_issuer},
                               {"address", c.address},
                               {"phone", c.phone}});
        for (const auto& [label, value] :
             std::vector<std::pair<Text, std::string>>{{tr("Full name"), c.full_name},
                                                       {tr("Date of birth"), c.birth_date},
                                                       {tr("Passport"), c.passport},
                                                       {tr("Date of issue"), c.document_issued_on},
                                                       {tr("Issued by"), c.document_issuer},
                                                       {tr("Registration address"), c.address},
                                                       {tr("Contact phone"), c.phone}})
            std::cout << label.str() << ": " << value << '\n';
    });
}

}  // namespace salon::cli
