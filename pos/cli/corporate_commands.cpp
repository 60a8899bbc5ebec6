// salon-cli corporate ...: the corporate desk without a display (R-CORP-1..8): companies and their numbers,
// powers of attorney, remote-service applications (add, print as PDF, advance), the cabinet's steps, an
// administrator change, the SMS outbox.
//
// Other files add their own verbs under `corporate` (requests, users' data, compliance): call
// corporate_command(app) from your add_..._commands(app, ctx) to get the `corporate` subcommand (created on
// first use, whichever file registers first) and add subcommands to it; register your function in main.cpp.
#include "db/Text.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/core/sale/ReceiptDocument.hpp"
#include "pos/core/sale/SaleReceipt.hpp"
#include "pos/core/sale/SandboxSmsSender.hpp"
#include "pos/core/sale/SmsOutbox.hpp"
#include "pos/corporate/AdministratorChange.hpp"
#include "pos/corporate/BusinessTariffOrder.hpp"
#include "pos/corporate/CorporateCabinet.hpp"
#include "pos/corporate/CorporateClient.hpp"
#include "pos/corporate/NumberCharges.hpp"
#include "pos/corporate/PowerOfAttorney.hpp"
#include "pos/corporate/RemoteServiceApplication.hpp"
#include "pos/print/ApplicationPdf.hpp"

#include <iostream>
#include <memory>

namespace salon::cli {
using namespace salon::pos;

CLI::App* corporate_command(CLI::App& app) {
    try {
        return app.get_subcommand("corporate");
    } catch (const CLI::OptionNotFound&) {
        auto* corporate = app.add_subcommand(
            "corporate", tr("The corporate desk: companies, numbers, applications, cabinets").str());
        corporate->require_subcommand(1);
        return corporate;
    }
}

namespace {

std::string kind_text(CorporateClientKind kind) { return corporate_client_kind_title(kind).str(); }

nlohmann::json number_json(const CorporateNumber& n) {
    return {{"id", n.id},
            {"msisdn", n.msisdn},
            {"tariff", n.tariff_name},
            {"tariff_code", n.tariff_code},
            {"status", std::string(to_string(n.status))},
            {"has_user_data", n.has_user_data}};
}

nlohmann::json client_json(const CorporateClient& c) {
    nlohmann::json numbers = nlohmann::json::array();
    for (const auto& n : c.numbers) numbers.push_back(number_json(n));
    return {{"id", c.id},
            {"kind", std::string(to_string(c.kind))},
            {"inn", c.inn},
            {"ogrn", c.ogrn},
            {"kpp", c.kpp.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.kpp)},
            {"name", c.official_name},
            {"contract_number", c.contract_number},
            {"contract_date", c.contract_date},
            {"bound_email", c.bound_email.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.bound_email)},
            {"numbers", numbers}};
}

nlohmann::json poa_json(const PowerOfAttorney& p) {
    return {{"id", p.id},
            {"kind", std::string(to_string(p.kind))},
            {"number", p.number},
            {"issued_on", p.issued_on},
            {"valid_until", p.valid_until},
            {"issued_by", p.issued_by},
            {"issued_to", p.issued_to},
            {"for_msisdn", p.for_msisdn.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.for_msisdn)}};
}

nlohmann::json application_json(const RemoteServiceApplication& a) {
    nlohmann::json history = nlohmann::json::array();
    for (const auto& h : a.history)
        history.push_back({{"from", h.from_status.empty() ? nlohmann::json(nullptr) : nlohmann::json(h.from_status)},
                           {"to", h.to_status},
                           {"at", h.at},
                           {"actor_id", h.actor_id},
                           {"actor", h.actor_name}});
    return {{"id", a.id},
            {"client_id", a.client_id},
            {"official_name", a.official_name},
            {"bound_email", a.bound_email},
            {"admin_msisdn", a.admin_msisdn},
            {"confirmation", std::string(to_string(a.confirmation))},
            {"status", std::string(to_string(a.status))},
            {"replaces_id", a.replaces_id ? nlohmann::json(a.replaces_id) : nlohmann::json(nullptr)},
            {"fee", a.fee},
            {"power_of_attorney", poa_json(a.power_of_attorney)},
            {"history", history}};
}

nlohmann::json sms_json(const SmsMessage& m) {
    return {{"id", m.id},
            {"msisdn", m.msisdn},
            {"body", m.body},
            {"purpose", m.purpose},
            {"attempts", m.attempts},
            {"sent", m.sent()},
            {"sent_at", m.sent_at ? nlohmann::json(m.sent_at) : nlohmann::json(nullptr)},
            {"next_attempt_at", m.next_attempt_at ? nlohmann::json(m.next_attempt_at) : nlohmann::json(nullptr)},
            {"last_error", m.last_error.empty() ? nlohmann::json(nullptr) : nlohmann::json(m.last_error)},
            {"sender", m.sender}};
}

nlohmann::json cabinet_json(const CorporateCabinet& c, const SmsSender& sender) {
    return {{"client_id", c.client_id},
            {"version", std::string(to_string(c.version))},
            {"admin_msisdn", c.admin_msisdn},
            {"step", std::string(to_string(c.step))},
            {"next", cabinet_step_prompt(c.step).str()},
            {"first_sign_in_at", c.first_sign_in_at ? nlohmann::json(c.first_sign_in_at) : nlohmann::json(nullptr)},
            {"permanent_password_at",
             c.permanent_password_at ? nlohmann::json(c.permanent_password_at) : nlohmann::json(nullptr)},
            {"admin_blocked", c.admin_blocked_at != 0},
            {"last_code", c.last_code ? sms_json(*c.last_code) : nlohmann::json(nullptr)},
            {"sms_sandbox", sender.is_sandbox()}};
}

// What a person sees about one SMS: delivered, or waiting with its error and next attempt; the sandbox says so.
void print_sms(const SmsMessage& m, const SmsSender& sender) {
    if (m.sent())
        std::cout << trf("SMS to {1} delivered.", {Msisdn::stored(m.msisdn).display()}).str() << '\n';
    else
        std::cout << trf("SMS to {1} is not delivered yet ({2} attempts): {3}. It waits in the outbox and is tried "
                         "again.",
                         {Msisdn::stored(m.msisdn).display(), std::to_string(m.attempts), m.last_error})
                         .str()
                  << '\n';
    if (sender.is_sandbox())
        std::cout << trf("Sandbox: no real SMS is sent; the text is in the outbox and in {1}",
                         {SandboxSmsSender::default_log().string()})
                         .str()
                  << '\n'
                  << m.body << '\n';
}

void print_cabinet(const CorporateCabinet& c) {
    std::cout << tr("Cabinet").str() << ": " << (c.version == CabinetVersion::old_cabinet ? tr("old").str() : tr("new").str())
              << ", " << tr("administrator").str() << " " << Msisdn::stored(c.admin_msisdn).display() << '\n';
    if (c.admin_blocked_at) std::cout << tr("The administrator is blocked.").str() << '\n';
    std::cout << tr("Next").str() << ": " << cabinet_step_prompt(c.step).str() << '\n';
}

struct PoaOptions {
    std::string kind = "power_of_attorney", number, issued_on, valid_until, issued_by, issued_to, for_msisdn;
    void add(CLI::App* cmd, bool prefixed) {
        const std::string p = prefixed ? "--poa-" : "--";
        cmd->add_option(p + "kind", kind, tr("power_of_attorney or general_power_of_attorney").str());
        cmd->add_option(p + "number", number, tr("Number of the power of attorney").str());
        cmd->add_option(p + "issued-on", issued_on, tr("Date of the power of attorney").str());
        cmd->add_option(p + "valid-until", valid_until, tr("Last day the power of attorney is valid").str());
        cmd->add_option(p + "issued-by", issued_by, tr("Who issued it (the company's head)").str());
        cmd->add_option(p + "issued-to", issued_to, tr("To whom it is issued").str());
    }
    PowerOfAttorneyForm form() const { return {kind, number, issued_on, valid_until, issued_by, issued_to, for_msisdn}; }
};

struct ApplicationOptions {
    std::string client, name, email, admin, confirmation = "sms";
    std::int64_t poa_id = 0;
    PoaOptions poa;
    void add(CLI::App* cmd, bool client_required = true) {
        auto* c = cmd->add_option("--client", client, tr("The company's INN").str());
        if (client_required) c->required();
        cmd->add_option("--name", name, tr("Official name (default: as registered)").str());
        cmd->add_option("--email", email, tr("E-mail bound to the service").str())->required();
        cmd->add_option("--admin", admin, tr("The administrator's mobile number (one of the company's)").str())->required();
        cmd->add_option("--confirmation", confirmation, tr("How authorisation is confirmed: sms or email").str());
        cmd->add_option("--poa-id", poa_id, tr("A power of attorney already on file, by its record number").str());
        poa.add(cmd, true);
    }
    ApplicationForm form(std::int64_t client_id) const {
        ApplicationForm f;
        f.client_id = client_id;
        f.official_name = name;
        f.bound_email = email;
        f.admin_msisdn = admin;
        f.confirmation = confirmation;
        f.power_of_attorney_id = poa_id;
        f.poa = poa.form();
        return f;
    }
};

std::unique_ptr<SmsSender> station_sms_sender() { return std::make_unique<SandboxSmsSender>(); }

}  // namespace

void add_corporate_commands(CLI::App& app, CliContext& ctx) {
    CLI::App* corporate = corporate_command(app);

    // --- clients
    auto* clients = corporate->add_subcommand("clients", tr("Every corporate client with its numbers").str());
    clients->callback([&ctx] {
        auto db = ctx.open();
        const auto list = list_corporate_clients(*db, ctx.viewer(*db));
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& c : list) out.push_back(client_json(c));
            return print_json(out);
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& c : list) {
            int missing = 0;
            for (const auto& n : c.numbers) missing += n.has_user_data ? 0 : 1;
            rows.push_back({c.inn, kind_text(c.kind), c.official_name, c.contract_number,
                            std::to_string(c.numbers.size()), std::to_string(missing),
                            c.bound_email.empty() ? "—" : c.bound_email});
        }
        print_table({tr("INN").str(), tr("Kind").str(), tr("Name").str(), tr("Contract").str(), tr("Numbers").str(),
                     tr("Without user data").str(), tr("E-mail").str()},
                    rows);
        std::cout << trn("{1} corporate client", "{1} corporate clients", static_cast<long long>(list.size())).str()
                  << '\n';
    });

    auto* client = corporate->add_subcommand("client", tr("A corporate client: add or show").str());
    client->require_subcommand(1);
    auto form = std::make_shared<CorporateClientForm>();
    auto* add = client->add_subcommand("add", tr("Register a company: a legal entity or a sole proprietor").str());
    add->add_option("--inn", form->inn, tr("INN: 10 digits (legal entity) or 12 (sole proprietor)").str())->required();
    add->add_option("--ogrn", form->ogrn, tr("OGRN (13 digits) or OGRNIP (15 digits)").str())->required();
    add->add_option("--kpp", form->kpp, tr("KPP (legal entities only)").str());
    add->add_option("--name", form->official_name, tr("Official name").str())->required();
    add->add_option("--contract", form->contract_number, tr("Contract number").str())->required();
    add->add_option("--contract-date", form->contract_date, tr("Contract date").str())->required();
    add->add_option("--email", form->bound_email, tr("E-mail bound to the service, if already known").str());
    add->callback([&ctx, form] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        reporting_input(ctx, [&] {
            const auto id = add_corporate_client(*db, person, *form);
            const CorporateClient c = get_corporate_client(*db, person, id);
            if (ctx.json) return print_json({{"ok", true}, {"client", client_json(c)}});
            std::cout << trf("Corporate client {1} registered: {2}, INN {3}.",
                             {std::to_string(id), kind_text(c.kind), c.inn})
                             .str()
                      << '\n';
        });
    });

    auto show_inn = std::make_shared<std::string>();
    auto* show = client->add_subcommand("show", tr("A company with its numbers, powers of attorney, applications and cabinet").str());
    show->add_option("inn", *show_inn, tr("The company's INN").str())->required();
    show->callback([&ctx, show_inn] {
        auto db = ctx.open();
        const Actor viewer = ctx.viewer(*db);
        reporting_input(ctx, [&] {
            const CorporateClient c = find_corporate_client(*db, viewer, *show_inn);
            const auto poas = powers_of_attorney(*db, viewer, c.id);
            const auto applications = applications_of(*db, viewer, c.id);
            const auto cabinet = cabinet_of(*db, viewer, c.id);
            const auto sender = station_sms_sender();
            if (ctx.json) {
                nlohmann::json out = client_json(c);
                out["powers_of_attorney"] = nlohmann::json::array();
                for (const auto& p : poas) out["powers_of_attorney"].push_back(poa_json(p));
                out["applications"] = nlohmann::json::array();
                for (const auto& a : applications) out["applications"].push_back(application_json(a));
                out["cabinet"] = cabinet ? cabinet_json(*cabinet, *sender) : nlohmann::json(nullptr);
                return print_json(out);
            }
            std::cout << c.official_name << " — " << kind_text(c.kind) << '\n'
                      << tr("INN").str() << " " << c.inn << ", "
                      << (c.kind == CorporateClientKind::legal_entity ? tr("OGRN").str() : tr("OGRNIP").str()) << " "
                      << c.ogrn;
            if (!c.kpp.empty()) std::cout << ", " << tr("KPP").str() << " " << c.kpp;
            std::cout << '\n'
                      << tr("Contract").str() << ": "
                      << trf("No. {1} of {2}",
                             {c.contract_number, CalendarDate::parse(c.contract_date, "date", tr("Date")).display()})
                             .str()
                      << '\n'
                      << tr("E-mail bound to the service").str() << ": " << (c.bound_email.empty() ? "—" : c.bound_email)
                      << '\n';
            std::vector<std::vector<std::string>> rows;
            for (const auto& n : c.numbers)
                rows.push_back({Msisdn::stored(n.msisdn).display(), n.tariff_name,
                                n.status == CorporateNumberStatus::active ? tr("active").str() : tr("blocked").str(),
                                n.has_user_data ? tr("yes").str() : tr("no").str()});
            print_table({tr("Number").str(), tr("Tariff").str(), tr("Status").str(), tr("User data").str()}, rows);
            for (const auto& p : poas)
                std::cout << power_of_attorney_kind_title(p.kind).str() << " [" << p.id << "] № " << p.number << ", "
                          << p.issued_on << " — " << p.valid_until << (p.for_msisdn.empty() ? "" : " (" + p.for_msisdn + ")")
                          << '\n';
            for (const auto& a : applications)
                std::cout << tr("Application").str() << " " << a.id << ": " << application_status_title(a.status).str()
                          << ", " << tr("administrator").str() << " " << Msisdn::stored(a.admin_msisdn).display() << '\n';
            if (cabinet) print_cabinet(*cabinet);
        });
    });

    // --- numbers
    auto* number = corporate->add_subcommand("number", tr("The company's numbers under its contract").str());
    number->require_subcommand(1);
    auto number_client = std::make_shared<std::string>();
    auto number_form = std::make_shared<CorporateNumberForm>();
    auto* number_add = number->add_subcommand(
        "add", tr("Put a number the company already has on record, with its business tariff (nothing charged)").str());
    number_add->add_option("--client", *number_client, tr("The company's INN").str())->required();
    number_add->add_option("msisdn", number_form->msisdn, tr("The number").str())->required();
    number_add->add_option("--tariff", number_form->tariff, tr("Business tariff: code or name").str())->required();
    number_add->callback([&ctx, number_client, number_form] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        reporting_input(ctx, [&] {
            const CorporateClient c = find_corporate_client(*db, person, *number_client);
            const auto id = add_corporate_number(*db, person, c.id, *number_form);
            if (ctx.json) return print_json({{"ok", true}, {"number_id", id}});
            std::cout << trf("Number added to {1}.", {c.official_name}).str() << '\n';
        });
    });

    auto charges_who = std::make_shared<CompanyRepresentative>();
    auto charges_number = std::make_shared<std::string>();
    auto* charges = number->add_subcommand(
        "charges", tr("A number's tariff, package, monthly fee and balance, for whoever may see it").str());
    charges->add_option("--client", *number_client, tr("The company's INN").str())->required();
    charges->add_option("msisdn", *charges_number, tr("The number").str())->required();
    charges->add_option("--poa-id", charges_who->power_of_attorney_id,
                        tr("The power of attorney on file that the representative shows").str());
    charges->add_option("--employee", charges_who->msisdn,
                        tr("The representative's own number, when he is one of the company's users").str());
    charges->callback([&ctx, number_client, charges_who, charges_number] {
        auto db = ctx.open();
        const Actor viewer = ctx.viewer(*db);
        reporting_input(ctx, [&] {
            const CorporateClient c = find_corporate_client(*db, viewer, *number_client);
            const NumberCharges n = number_charges(*db, viewer, c.id, *charges_who, *charges_number);
            if (ctx.json)
                return print_json({{"msisdn", n.msisdn}, {"tariff", n.tariff_name}, {"status", n.status},
                                   {"monthly_fee", n.monthly_fee.plain()}, {"included_minutes", n.included_minutes},
                                   {"included_mb", n.included_mb}, {"included_sms", n.included_sms},
                                   {"balance", n.balance.plain()}});
            std::cout << Msisdn::stored(n.msisdn).display() << ": " << n.tariff_name << ", "
                      << tr("monthly fee").str() << " " << n.monthly_fee.format() << ", " << tr("balance").str() << " "
                      << n.balance.format() << '\n';
        });
    });

    // --- powers of attorney
    auto* poa = corporate->add_subcommand("poa", tr("Powers of attorney on file").str());
    poa->require_subcommand(1);
    auto poa_client = std::make_shared<std::string>();
    auto poa_options = std::make_shared<PoaOptions>();
    auto* poa_add = poa->add_subcommand("add", tr("File a power of attorney for the company").str());
    poa_add->add_option("--client", *poa_client, tr("The company's INN").str())->required();
    poa_options->add(poa_add, false);
    poa_add->add_option("--for-msisdn", poa_options->for_msisdn,
                        tr("An employee's own number, for his own power of attorney").str());
    poa_add->callback([&ctx, poa_client, poa_options] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        reporting_input(ctx, [&] {
            const CorporateClient c = find_corporate_client(*db, person, *poa_client);
            const auto id = add_power_of_attorney(*db, person, c.id, poa_options->form());
            if (ctx.json) return print_json({{"ok", true}, {"power_of_attorney_id", id}});
            std::cout << trf("Power of attorney {1} filed.", {std::to_string(id)}).str() << '\n';
        });
    });

    // --- applications
    auto* application = corporate->add_subcommand("application", tr("Remote-service applications").str());
    application->require_subcommand(1);
    auto app_options = std::make_shared<ApplicationOptions>();
    auto* app_add = application->add_subcommand("add", tr("File an application as a draft").str());
    app_options->add(app_add);
    app_add->callback([&ctx, app_options] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        reporting_input(ctx, [&] {
            const CorporateClient c = find_corporate_client(*db, person, app_options->client);
            const auto id = file_application(*db, person, app_options->form(c.id));
            if (ctx.json) return print_json({{"ok", true}, {"application", application_json(get_application(*db, person, id))}});
            std::cout << trf("Application {1} filed as a draft.", {std::to_string(id)}).str() << '\n';
        });
    });

    auto app_id = std::make_shared<std::int64_t>(0);
    auto out_path = std::make_shared<std::string>();
    auto* app_print = application->add_subcommand(
        "print", tr("Print the application as a PDF in two copies (a draft becomes printed)").str());
    app_print->add_option("id", *app_id, tr("Application number").str())->required();
    app_print->add_option("--out", *out_path, tr("The PDF file to write").str())->required();
    app_print->callback([&ctx, app_id, out_path] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        // The file first: a status says "printed" only once the copies exist.
        RemoteServiceApplication a = get_application(*db, person, *app_id);
        write_application_pdf(a, get_corporate_client(*db, person, a.client_id), *out_path);
        a = mark_application_printed(*db, person, *app_id);
        if (ctx.json)
            return print_json({{"ok", true}, {"file", *out_path}, {"copies", kApplicationCopies},
                               {"status", std::string(to_string(a.status))}});
        std::cout << trf("Application {1} written to {2} in {3} copies.",
                         {std::to_string(a.id), *out_path, std::to_string(kApplicationCopies)})
                         .str()
                  << '\n';
    });

    auto to_status = std::make_shared<std::string>();
    auto* app_advance = application->add_subcommand(
        "advance", tr("Move the application one step: printed, signed, registered, active, revoked").str());
    app_advance->add_option("id", *app_id, tr("Application number").str())->required();
    app_advance->add_option("--to", *to_status, tr("The status to reach (default: the next one)").str());
    app_advance->callback([&ctx, app_id, to_status] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        reporting_input(ctx, [&] {
            const RemoteServiceApplication before = get_application(*db, person, *app_id);
            ApplicationStatus target;
            if (to_status->empty()) {
                const auto next = next_application_status(before.status);
                if (!next)
                    throw RefusedError(tr("Application status"),
                                       trf("an application that is {1} cannot change any more",
                                           {application_status_title(before.status).str()}));
                target = *next;
            } else {
                target = application_status_from_string(*to_status);
            }
            advance_application(*db, person, *app_id, target);
            if (ctx.json)
                return print_json({{"ok", true}, {"id", *app_id}, {"from", std::string(to_string(before.status))},
                                   {"status", std::string(to_string(target))}});
            std::cout << trf("Application {1}: {2} → {3}.",
                             {std::to_string(*app_id), application_status_title(before.status).str(),
                              application_status_title(target).str()})
                             .str()
                      << '\n';
        });
    });

    auto* app_show = application->add_subcommand("show", tr("An application with its history").str());
    app_show->add_option("id", *app_id, tr("Application number").str())->required();
    app_show->callback([&ctx, app_id] {
        auto db = ctx.open();
        const RemoteServiceApplication a = get_application(*db, ctx.viewer(*db), *app_id);
        if (ctx.json) return print_json(application_json(a));
        std::cout << tr("Application").str() << " " << a.id << ": " << application_status_title(a.status).str() << '\n'
                  << a.official_name << ", " << a.bound_email << ", " << tr("administrator").str() << " "
                  << Msisdn::stored(a.admin_msisdn).display() << '\n';
        std::vector<std::vector<std::string>> rows;
        for (const auto& h : a.history)
            rows.push_back({local_date_time(h.at, "Europe/Moscow"), h.from_status.empty() ? "—" : h.from_status,
                            h.to_status, h.actor_name.empty() ? "salon-cli" : h.actor_name});
        print_table({tr("When (Moscow)").str(), tr("From").str(), tr("To").str(), tr("Who").str()}, rows);
    });

    // --- cabinet
    auto* cabinet = corporate->add_subcommand("cabinet", tr("The corporate cabinet: enable it step by step").str());
    cabinet->require_subcommand(1);
    auto cab_client = std::make_shared<std::string>();
    auto phone = std::make_shared<std::string>();
    auto* enable = cabinet->add_subcommand(
        "enable", tr("The three steps: open the cabinet page, \"Get password\", the phone (a code by SMS)").str());
    enable->add_option("--client", *cab_client, tr("The company's INN").str())->required();
    enable->add_option("--phone", *phone, tr("The administrator's phone number").str())->required();
    enable->callback([&ctx, cab_client, phone] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        reporting_input(ctx, [&] {
            const CorporateClient c = find_corporate_client(*db, person, *cab_client);
            auto current = cabinet_of(*db, person, c.id);
            // Each step is its own operation; a repeated run resumes where the last one stopped.
            if (current && current->step == CabinetStep::not_started) open_cabinet_page(*db, person, c.id);
            current = cabinet_of(*db, person, c.id);
            if (current && current->step == CabinetStep::page_opened) press_get_password(*db, person, c.id);
            if (!current) open_cabinet_page(*db, person, c.id);  // refuses, saying why
            const auto sender = station_sms_sender();
            const SmsMessage sms = enter_cabinet_phone(*db, person, c.id, *phone, *sender);
            if (ctx.json)
                return print_json({{"ok", true}, {"cabinet", cabinet_json(*cabinet_of(*db, person, c.id), *sender)},
                                   {"sms", sms_json(sms)}});
            print_sms(sms, *sender);
            print_cabinet(*cabinet_of(*db, person, c.id));
        });
    });

    auto code = std::make_shared<std::string>();
    auto* sign_in = cabinet->add_subcommand("sign-in", tr("Record the administrator's first sign-in with the code").str());
    sign_in->add_option("--client", *cab_client, tr("The company's INN").str())->required();
    sign_in->add_option("--code", *code, tr("The code from the SMS").str())->required();
    sign_in->callback([&ctx, cab_client, code] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        reporting_input(ctx, [&] {
            const CorporateClient c = find_corporate_client(*db, person, *cab_client);
            record_first_sign_in(*db, person, c.id, *code);
            if (ctx.json) return print_json({{"ok", true}, {"step", "signed_in"}});
            print_cabinet(*cabinet_of(*db, person, c.id));
        });
    });

    auto* password = cabinet->add_subcommand("password", tr("Record that the administrator set a permanent password").str());
    password->add_option("--client", *cab_client, tr("The company's INN").str())->required();
    password->callback([&ctx, cab_client] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        reporting_input(ctx, [&] {
            const CorporateClient c = find_corporate_client(*db, person, *cab_client);
            record_permanent_password(*db, person, c.id);
            if (ctx.json) return print_json({{"ok", true}, {"step", "password_set"}});
            print_cabinet(*cabinet_of(*db, person, c.id));
        });
    });

    auto old_admin = std::make_shared<std::string>();
    auto* old = cabinet->add_subcommand(
        "old", tr("Record a client of the old cabinet (balance only) with its administrator's number").str());
    old->add_option("--client", *cab_client, tr("The company's INN").str())->required();
    old->add_option("--admin", *old_admin, tr("The administrator's mobile number (one of the company's)").str())->required();
    old->callback([&ctx, cab_client, old_admin] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        reporting_input(ctx, [&] {
            const CorporateClient c = find_corporate_client(*db, person, *cab_client);
            record_old_cabinet(*db, person, c.id, *old_admin);
            if (ctx.json) return print_json({{"ok", true}, {"version", "old"}});
            print_cabinet(*cabinet_of(*db, person, c.id));
        });
    });

    auto* cab_show = cabinet->add_subcommand("show", tr("Where the cabinet's enablement stands").str());
    cab_show->add_option("--client", *cab_client, tr("The company's INN").str())->required();
    cab_show->callback([&ctx, cab_client] {
        auto db = ctx.open();
        const Actor viewer = ctx.viewer(*db);
        const CorporateClient c = find_corporate_client(*db, viewer, *cab_client);
        const auto found = cabinet_of(*db, viewer, c.id);
        const auto sender = station_sms_sender();
        if (ctx.json) return print_json(found ? cabinet_json(*found, *sender) : nlohmann::json(nullptr));
        if (!found) {
            std::cout << tr("The company has no cabinet yet: it comes with an active application.").str() << '\n';
            return;
        }
        print_cabinet(*found);
    });

    // --- administrator change
    auto* admin = corporate->add_subcommand("admin", tr("The company's cabinet administrator").str());
    admin->require_subcommand(1);
    auto change_options = std::make_shared<ApplicationOptions>();
    auto block_only = std::make_shared<bool>(false);
    auto* change = admin->add_subcommand(
        "change", tr("Block the old administrator and file a free application for the new one").str());
    change->add_option("--client", change_options->client, tr("The company's INN").str())->required();
    change->add_flag("--block-only", *block_only, tr("Only block the old administrator").str());
    change->add_option("--name", change_options->name, tr("Official name (default: as registered)").str());
    change->add_option("--email", change_options->email, tr("E-mail bound to the service").str());
    change->add_option("--admin", change_options->admin, tr("The new administrator's mobile number").str());
    change->add_option("--confirmation", change_options->confirmation, tr("How authorisation is confirmed: sms or email").str());
    change->add_option("--poa-id", change_options->poa_id, tr("A power of attorney already on file, by its record number").str());
    change_options->poa.add(change, true);
    change->callback([&ctx, change_options, block_only] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        reporting_input(ctx, [&] {
            const CorporateClient c = find_corporate_client(*db, person, change_options->client);
            std::optional<ApplicationForm> next;
            if (!*block_only) next = change_options->form(c.id);
            const auto r = change_administrator(*db, person, c.id, next);
            if (ctx.json)
                return print_json({{"ok", true}, {"revoked_application_id", r.revoked_application_id},
                                   {"new_application_id", r.new_application_id ? nlohmann::json(r.new_application_id)
                                                                                : nlohmann::json(nullptr)}});
            std::cout << trf("The administrator of application {1} is blocked.", {std::to_string(r.revoked_application_id)}).str()
                      << '\n';
            if (r.new_application_id)
                std::cout << trf("Application {1} for the new administrator filed as a draft, free of charge.",
                                 {std::to_string(r.new_application_id)})
                                 .str()
                          << '\n';
        });
    });

    // --- business tariffs
    auto* tariff = corporate->add_subcommand("tariff", tr("Business tariffs for the company's numbers, with a receipt").str());
    tariff->require_subcommand(1);
    for (const bool changes_only : {false, true}) {
        auto order = std::make_shared<BusinessTariffOrder>();
        auto client_inn = std::make_shared<std::string>();
        order->changes_only = changes_only;
        auto* verb = tariff->add_subcommand(
            changes_only ? "change" : "connect",
            changes_only ? tr("Move the company's numbers to a business tariff").str()
                         : tr("Connect a business tariff for numbers, new ones put under the contract").str());
        verb->add_option("--client", *client_inn, tr("The company's INN").str())->required();
        verb->add_option("--tariff", order->tariff, tr("Business tariff: code or name").str())->required();
        verb->add_option("numbers", order->msisdns, tr("The numbers").str())->required();
        verb->add_option("--poa-id", order->representative.power_of_attorney_id,
                         tr("The power of attorney on file that the representative shows").str());
        verb->add_option("--employee", order->representative.msisdn,
                         tr("The representative's own number, when he is one of the company's users").str());
        verb->add_option("--cash", order->paid_cash, tr("Paid in cash").str());
        verb->add_option("--card", order->paid_card, tr("Paid by card").str());
        verb->add_option("--visit", order->visit_id, tr("The corporate visit it is made at").str());
        verb->callback([&ctx, order, client_inn] {
            auto db = ctx.open();
            const Actor person = ctx.person(*db);
            reporting_input(ctx, [&] {
                BusinessTariffOrder o = *order;
                o.client_id = find_corporate_client(*db, person, *client_inn).id;
                const BusinessTariffResult r = connect_business_tariff(*db, person, ctx.till_name(), o);
                if (ctx.json)
                    return print_json({{"ok", true}, {"sale_id", r.sale.sale_id}, {"receipt_number", r.sale.receipt_number},
                                       {"total", r.sale.total.plain()}, {"connected", r.connected},
                                       {"changed", r.changed}});
                for (const auto& line : receipt_text(receipt_for_sale(*db, person, r.sale.sale_id), 48))
                    std::cout << line << '\n';
            });
        });
    }

    // --- SMS outbox
    auto* sms = corporate->add_subcommand("sms", tr("The SMS outbox: what was sent and what waits").str());
    sms->require_subcommand(1);
    auto waiting = std::make_shared<bool>(false);
    auto* sms_list = sms->add_subcommand("list", tr("Messages, newest first").str());
    sms_list->add_flag("--waiting", *waiting, tr("Only those not delivered yet").str());
    sms_list->callback([&ctx, waiting] {
        auto db = ctx.open();
        ctx.viewer(*db);
        const auto list = list_sms(*db, *waiting);
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& m : list) out.push_back(sms_json(m));
            return print_json(out);
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& m : list)
            rows.push_back({std::to_string(m.id), Msisdn::stored(m.msisdn).display(), m.purpose,
                            m.sent() ? tr("delivered").str() : tr("waiting").str(), std::to_string(m.attempts),
                            m.last_error});
        print_table({tr("Id").str(), tr("Number").str(), tr("Purpose").str(), tr("Status").str(), tr("Attempts").str(),
                     tr("Last error").str()},
                    rows);
    });
    auto sms_id = std::make_shared<std::int64_t>(0);
    auto* sms_send = sms->add_subcommand("send", tr("Try the waiting messages that are due (or one now, by its id)").str());
    sms_send->add_option("id", *sms_id, tr("One message to try now").str());
    sms_send->callback([&ctx, sms_id] {
        auto db = ctx.open();
        ctx.person(*db);
        const auto sender = station_sms_sender();
        if (*sms_id) {
            const SmsMessage m = retry_sms_now(*db, *sender, *sms_id);
            if (ctx.json) return print_json({{"ok", true}, {"sms", sms_json(m)}});
            return print_sms(m, *sender);
        }
        const auto r = deliver_due_sms(*db, *sender);
        if (ctx.json) return print_json({{"ok", true}, {"sent", r.sent}, {"failed", r.failed}});
        std::cout << trf("Delivered: {1}; failed and waiting: {2}.", {std::to_string(r.sent), std::to_string(r.failed)}).str()
                  << '\n';
    });
}

}  // namespace salon::cli
