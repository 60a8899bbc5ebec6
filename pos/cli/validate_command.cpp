// salon-cli validate inn|ogrn|ogrnip|kpp|iccid|imei|msisdn|passport VALUE
#include "db/UserError.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/identifiers/Iccid.hpp"
#include "pos/core/identifiers/Imei.hpp"
#include "pos/core/identifiers/Inn.hpp"
#include "pos/core/identifiers/Kpp.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/core/identifiers/Ogrn.hpp"
#include "pos/core/identifiers/Ogrnip.hpp"
#include "pos/core/identifiers/Passport.hpp"

#include <functional>
#include <iostream>
#include <map>

namespace salon::cli {

namespace {
// Each kind returns the normalised value; the parse throws ValidationError naming the field.
const std::map<std::string, std::function<std::string(const std::string&)>>& validators() {
    using namespace salon::pos;
    static const std::map<std::string, std::function<std::string(const std::string&)>> table = {
        {"inn", [](const std::string& v) { return Inn::parse(v).str(); }},
        {"ogrn", [](const std::string& v) { return Ogrn::parse(v).str(); }},
        {"ogrnip", [](const std::string& v) { return Ogrnip::parse(v).str(); }},
        {"kpp", [](const std::string& v) { return Kpp::parse(v).str(); }},
        {"iccid", [](const std::string& v) { return Iccid::parse(v).str(); }},
        {"imei", [](const std::string& v) { return Imei::parse(v).str(); }},
        {"msisdn", [](const std::string& v) { return Msisdn::parse(v).str(); }},
        {"passport", [](const std::string& v) { return Passport::parse(v).str(); }},
    };
    return table;
}
}  // namespace

void add_validate_command(CLI::App& app, CliContext& ctx) {
    auto* cmd = app.add_subcommand("validate", tr("Check an identifier with its official algorithm").str());
    auto kind = std::make_shared<std::string>();
    auto value = std::make_shared<std::string>();
    std::vector<std::string> kinds;
    for (const auto& [k, _] : validators()) kinds.push_back(k);
    cmd->add_option("KIND", *kind, tr("What the value is").str())->required()->check(CLI::IsMember(kinds));
    cmd->add_option("VALUE", *value, tr("The value as typed or scanned").str())->required();
    cmd->callback([&ctx, kind, value] {
        const std::string normalised = validators().at(*kind)(*value);
        if (ctx.json)
            print_json({{"ok", true}, {"kind", *kind}, {"value", normalised}});
        else
            std::cout << trf("Valid: {1}", {normalised}).str() << '\n';
    });
}

}  // namespace salon::cli
