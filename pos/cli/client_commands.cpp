// salon-cli client find|reveal: a client by passport, masked as every list shows it (152-FZ), and the
// whole record for someone with the right to reveal personal data who says why (journaled).
#include "db/Text.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/sale/Client.hpp"
#include "pos/core/sale/DeskSearch.hpp"
#include "pos/core/sale/PersonalDataConsent.hpp"
#include "pos/core/sale/SubscriberContract.hpp"
#include "pos/print/ContractPdf.hpp"

#include <iostream>
#include <memory>

namespace salon::cli {
using namespace salon::pos;

namespace {

std::string day_of(std::int64_t at) { return at ? CalendarDate::of_utc(at).iso() : std::string(); }

nlohmann::json consent_json(std::int64_t client_id, const ConsentState& s) {
    return {{"client_id", client_id},
            {"recorded", s.recorded()},
            {"text_version", s.text_version},
            {"given_on", day_of(s.given_at)},
            {"marketing", s.marketing},
            {"live_contracts", s.live_contracts},
            {"withdrawn", s.withdrawn()},
            {"withdrawn_on", day_of(s.withdrawn_at)},
            {"withdrawn_by", s.withdrawn_by},
            {"kept_until", s.keep_until}};
}

void print_consent(const ConsentState& s) {
    const ConsentText* text = consent_text(s.text_version);
    if (!text) {
        std::cout << tr("Consent to the processing of personal data: not recorded with any contract.").str() << '\n';
    } else {
        std::cout << trf("Consent to the processing of personal data: text version {1}, given on {2}.",
                         {s.text_version, CalendarDate::of_utc(s.given_at).display()})
                         .str()
                  << '\n';
        std::cout << tr("Offers by phone and SMS").str() << ": " << (s.marketing ? tr("yes") : tr("no")).str() << '\n';
    }
    if (s.keep_until.empty())
        std::cout << trf("Kept while a contract is in force ({1} now) and 3 years after.", {std::to_string(s.live_contracts)}).str()
                  << '\n';
    else
        std::cout << trf("No contract in force: kept until {1}.", {CalendarDate::parse(s.keep_until, "date", tr("Date")).display()}).str()
                  << '\n';
    if (s.withdrawn())
        std::cout << trf("WITHDRAWN on {1}, taken by {2}: the contact phone erased, offers off, data not shown at the salon.",
                         {CalendarDate::of_utc(s.withdrawn_at).display(), s.withdrawn_by})
                         .str()
                  << '\n';
}

}  // namespace

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

    auto consent_id = std::make_shared<std::int64_t>(0);
    auto* consent = client->add_subcommand(
        "consent", tr("The client's consent to the processing of personal data as his contracts record it").str());
    consent->add_option("id", *consent_id, tr("Client record number").str())->required();
    consent->callback([&ctx, consent_id] {
        auto db = ctx.open();
        const Actor person = ctx.viewer(*db);
        const ConsentState s = consent_state(*db, person, *consent_id);
        if (ctx.json) return print_json(consent_json(*consent_id, s));
        print_consent(s);
    });

    auto withdraw_id = std::make_shared<std::int64_t>(0);
    auto withdraw_reason = std::make_shared<std::string>();
    auto* withdraw = client->add_subcommand(
        "withdraw-consent",
        tr("Take the client's withdrawal of consent to the processing of personal data (acting --as the specialist; "
           "journaled)")
            .str());
    withdraw->add_option("id", *withdraw_id, tr("Client record number").str())->required();
    withdraw->add_option("--reason", *withdraw_reason, tr("The client's statement in his words").str())->required();
    withdraw->callback([&ctx, withdraw_id, withdraw_reason] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        ConsentState s;
        reporting_input(ctx, [&] { s = withdraw_consent(*db, person, *withdraw_id, *withdraw_reason); });
        if (ctx.json) {
            nlohmann::json out = consent_json(*withdraw_id, s);
            out["ok"] = true;
            return print_json(out);
        }
        print_consent(s);
    });

    auto contract_sale = std::make_shared<std::int64_t>(0);
    auto contract_pdf_path = std::make_shared<std::string>();
    auto* contract = client->add_subcommand(
        "contract", tr("The subscriber's contract of a SIM sale with the consent text: text and A4 PDF").str());
    contract->add_option("sale", *contract_sale, tr("The sale's record number").str())->required();
    contract->add_option("--pdf", *contract_pdf_path, tr("Write the contract as a PDF to this file").str());
    contract->callback([&ctx, contract_sale, contract_pdf_path] {
        auto db = ctx.open();
        const Actor person = ctx.viewer(*db);
        const SubscriberContract c = subscriber_contract(*db, person, *contract_sale);
        if (!contract_pdf_path->empty()) write_contract_pdf(c, *contract_pdf_path);
        const std::vector<std::string> text = subscriber_contract_text(c);
        if (ctx.json)
            return print_json({{"sale_id", c.sale_id},
                               {"number", c.number},
                               {"consent_version", c.consent_version},
                               {"marketing", c.marketing},
                               {"pdf", *contract_pdf_path},
                               {"text", text}});
        for (const auto& line : text) std::cout << line << "\n\n";
        if (!contract_pdf_path->empty())
            std::cerr << trf("Contract written to {1}", {*contract_pdf_path}).str() << '\n';
    });

    auto purge_dry = std::make_shared<bool>(false);
    auto* purge = client->add_subcommand(
        "purge-expired",
        tr("Erase the personal data of the clients whose consent's term ended: 3 years after their last contract "
           "(152-FZ art. 21; acting --as a person; journaled)")
            .str());
    purge->add_flag("--dry-run", *purge_dry, tr("Only list who would be erased").str());
    purge->callback([&ctx, purge_dry] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        PersonalDataPurge done;
        reporting_input(ctx, [&] { done = purge_expired_personal_data(*db, person, *purge_dry); });
        if (ctx.json) {
            nlohmann::json clients = nlohmann::json::array();
            for (const auto& c : done.clients)
                clients.push_back({{"client_id", c.client_id}, {"keep_until", c.keep_until}, {"withdrawn", c.withdrawn}});
            return print_json({{"ok", true},
                               {"dry_run", done.dry_run},
                               {"today", done.today},
                               {"erased", done.dry_run ? 0 : static_cast<int>(done.clients.size())},
                               {"clients", clients}});
        }
        std::vector<std::vector<std::string>> table;
        for (const auto& c : done.clients)
            table.push_back({std::to_string(c.client_id), CalendarDate::parse(c.keep_until, "keep_until", tr("Date")).display(),
                             (c.withdrawn ? tr("yes") : tr("no")).str()});
        if (!table.empty())
            print_table({tr("Client").str(), tr("Kept until").str(), tr("Consent withdrawn").str()}, table);
        std::cout << (done.dry_run ? trn("{1} client would be erased.", "{1} clients would be erased.",
                                         static_cast<int>(done.clients.size()))
                                   : trn("{1} client's personal data erased.", "{1} clients' personal data erased.",
                                         static_cast<int>(done.clients.size())))
                         .str()
                  << '\n';
    });
}

}  // namespace salon::cli
