// salon-cli corporate requests list|show|take|import|start|complete|reject|unblock|kinds: a company's
// requests (R-CORP-4, R-CORP-5, R-CORP-13) taken at the desk or read from mail, and their steps, acting as
// --as.
#include "db/UserError.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/corporate/CorporateRequest.hpp"
#include "pos/corporate/InboundMailReader.hpp"
#include "pos/corporate/InboundMailbox.hpp"
#include "pos/corporate/MailOutbox.hpp"

#include <iostream>
#include <memory>

namespace salon::cli {
using namespace salon::pos;
using namespace salon::pos::corporate;

namespace {

std::string utc(std::int64_t at) { return local_date_time(at, "UTC"); }

nlohmann::json request_json(const CorporateRequest& r, std::int64_t now) {
    nlohmann::json out = {{"id", r.id},
                          {"client_id", r.client_id},
                          {"inn", r.inn},
                          {"client", r.client_name},
                          {"kind", code(r.kind)},
                          {"kind_title", label(r.kind).str()},
                          {"msisdn", r.msisdn.empty() ? nlohmann::json() : nlohmann::json(r.msisdn)},
                          {"source", r.source},
                          {"mail_id", r.mail_id ? nlohmann::json(*r.mail_id) : nlohmann::json()},
                          {"status", code(r.status)},
                          {"due_at", r.due_at},
                          {"overdue", r.overdue(now)},
                          {"created_at", r.created_at},
                          {"taken_at", r.taken_at ? nlohmann::json(*r.taken_at) : nlohmann::json()},
                          {"done_at", r.done_at ? nlohmann::json(*r.done_at) : nlohmann::json()},
                          {"reason", r.reason.empty() ? nlohmann::json() : nlohmann::json(r.reason)}};
    out["details"] = nlohmann::json::parse(r.details.empty() ? "{}" : r.details, nullptr, false);
    return out;
}

void print_requests(const std::vector<CorporateRequest>& rows, std::int64_t now) {
    std::vector<std::vector<std::string>> table;
    int overdue = 0;
    for (const auto& r : rows) {
        if (r.overdue(now)) ++overdue;
        table.push_back({std::to_string(r.id), r.inn, r.client_name, label(r.kind).str(),
                         r.msisdn.empty() ? std::string() : Msisdn::stored(r.msisdn).display(),
                         label(r.status).str(), utc(r.due_at) + (r.overdue(now) ? " !" : ""),
                         r.source == "mail" ? tr("e-mail").str() : tr("desk").str(), r.reason});
    }
    print_table(
        {tr("Id").str(), tr("INN").str(), tr("Company").str(), tr("Request").str(), tr("Number").str(),
         tr("Status").str(), tr("Due (UTC)").str(), tr("Came by").str(), tr("Reason").str()},
        table);
    std::cout
        << trf("{1} requests, {2} overdue", {std::to_string(rows.size()), std::to_string(overdue)}).str()
        << '\n';
}

std::int64_t now_of(db::Database& db) { return db.now(); }

nlohmann::json mail_json(const InboundMailEntry& m) {
    return {{"id", m.id},
            {"message_id", m.message_id},
            {"from", m.from_address},
            {"subject", m.subject},
            {"received_at", m.received_at ? nlohmann::json(*m.received_at) : nlohmann::json()},
            {"outcome", m.outcome},
            {"reason", m.reason.empty() ? nlohmann::json() : nlohmann::json(m.reason)},
            {"inn", m.inn.empty() ? nlohmann::json() : nlohmann::json(m.inn)},
            {"client", m.client_name.empty() ? nlohmann::json() : nlohmann::json(m.client_name)},
            {"imported_at", m.imported_at}};
}

Text outcome_title(const std::string& outcome) {
    if (outcome == "request") return tr("accepted as a request");
    if (outcome == "rejected") return tr("not accepted");
    return tr("unrecognised");
}

}  // namespace

void add_corporate_request_commands(CLI::App& app, CliContext& ctx) {
    CLI::App* corporate = corporate_command(app);
    auto* requests = corporate->add_subcommand(
        "requests", tr("A company's requests (R-CORP-5): from the desk or e-mail, their steps").str());
    requests->require_subcommand(1);

    struct ListOptions {
        std::string status, inn;
    };
    auto lo = std::make_shared<ListOptions>();
    auto* list = requests->add_subcommand("list", tr("Requests by due time, overdue ones marked").str());
    list->add_option("--status", lo->status,
                     tr("Only this status: new, in_progress, done or rejected").str());
    list->add_option("--client", lo->inn, tr("Only this company (its INN)").str());
    list->callback([&ctx, lo] {
        auto db = ctx.open();
        const Actor actor = ctx.viewer(*db);
        std::vector<CorporateRequest> rows;
        reporting_input(ctx, [&] {
            RequestFilter filter;
            if (!lo->status.empty()) filter.status = parse_request_status(lo->status);
            filter.inn = lo->inn;
            rows = list_requests(*db, actor, filter);
        });
        const auto now = now_of(*db);
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& r : rows) out.push_back(request_json(r, now));
            return print_json(out);
        }
        print_requests(rows, now);
    });

    auto show_id = std::make_shared<std::int64_t>(0);
    auto* show = requests->add_subcommand("show", tr("One request").str());
    show->add_option("id", *show_id, tr("The request's record number").str())->required();
    show->callback([&ctx, show_id] {
        auto db = ctx.open();
        const Actor actor = ctx.viewer(*db);
        CorporateRequest r;
        reporting_input(ctx, [&] { r = find_request(*db, actor, *show_id); });
        if (ctx.json) return print_json(request_json(r, now_of(*db)));
        print_requests({r}, now_of(*db));
        std::cout << r.details << '\n';
    });

    auto form = std::make_shared<DeskRequestForm>();
    auto* take =
        requests->add_subcommand("take", tr("Take a request at the desk (R-CORP-5, R-CORP-6)").str());
    take->add_option("--client", form->inn, tr("The company's INN").str())->required();
    take->add_option("--kind", form->kind,
                     tr("block_sim, change_personal_data, restore_pin_puk, spending_limit, billing_address, "
                        "restore_cabinet_login, transfer_payment or number_list")
                         .str())
        ->required();
    take->add_option("--number", form->number, tr("The number it is about").str());
    take->add_option(
        "--details", form->details,
        tr("A note on what is asked (no personal data: a user's data comes as the users' data file)").str());
    take->callback([&ctx, form] {
        auto db = ctx.open();
        const Actor person = ctx.person(*db);
        std::int64_t id = 0;
        reporting_input(ctx, [&] { id = take_request(*db, person, *form); });
        const CorporateRequest r = find_request(*db, person, id);
        if (ctx.json) {
            nlohmann::json out = request_json(r, now_of(*db));
            out["ok"] = true;
            return print_json(out);
        }
        std::cout << trf("Request {1} taken: {2}, due {3} (UTC).",
                         {std::to_string(id), label(r.kind).str(), utc(r.due_at)})
                         .str()
                  << '\n';
    });

    auto path = std::make_shared<std::string>();
    auto* import = requests->add_subcommand(
        "import", tr("Read requests from an .eml file or a maildir folder (R-CORP-4)").str());
    import->add_option("path", *path, tr("An .eml file or a maildir folder (cur/ and new/)").str())
        ->required();
    import->callback([&ctx, path] {
        auto db = ctx.open();
    const Actor person = ctx.person(*db);
    std::vector<InboundMailFile> files;
    reporting_input(ctx, [&] { files = InboundMailReader::read_path(*path); });
    const auto results = import_mail(*db, person, files);
    if (ctx.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& r : results)
            out.push_back({{"path", r.path},
                           {"message_id", r.message_id},
                           {"outcome", code(r.outcome)},
                           {"mail_id", r.mail_id ? nlohmann::json(*r.mail_id) : nlohmann::json()},
                           {"requests", r.request_ids},
                           {"reason", r.reason.empty() ? nlohmann::json() : nlohmann::json(r.reason.str())}});
        return print_json({{"ok", true}, {"mails", out}});
    }
    for (const auto& r : results) {
        std::string ids;
        for (auto id : r.request_ids) ids += (ids.empty() ? "" : ", ") + std::to_string(id);
        switch (r.outcome) {
        case MailOutcome::request:
            std::cout << trf("{1}: accepted as request {2}", {r.path, ids}).str() << '\n';
            break;
        case MailOutcome::rejected:
            std::cout << trf("{1}: rejected: {2}", {r.path, r.reason.str()}).str() << '\n';
            break;
        case MailOutcome::unrecognised:
            std::cout << trf("{1}: unrecognised, kept for a person to read (mail {2})",
                             {r.path, std::to_string(r.mail_id.value_or(0))})
                             .str()
                      << '\n';
            break;
        case MailOutcome::duplicate:
            std::cout << trf("{1}: {2}", {r.path, r.reason.str()}).str() << '\n';
            break;
        case MailOutcome::unreadable:
            std::cout << trf("{1}: not read: {2}", {r.path, r.reason.str()}).str() << '\n';
            break;
        }
    }
});

auto start_id = std::make_shared<std::int64_t>(0);
auto* start = requests->add_subcommand("start", tr("Start on a request: new → in progress").str());
start->add_option("id", *start_id, tr("The request's record number").str())->required();
start->callback([&ctx, start_id] {
    auto db = ctx.open();
    const Actor person = ctx.person(*db);
    reporting_input(ctx, [&] { start_request(*db, person, *start_id); });
    if (ctx.json) return print_json({{"ok", true}, {"id", *start_id}, {"status", "in_progress"}});
    std::cout << trf("Request {1} is in progress.", {std::to_string(*start_id)}).str() << '\n';
});

struct CompleteOptions {
    std::int64_t id = 0;
    std::string outbox;
};
auto co = std::make_shared<CompleteOptions>();
auto* complete = requests->add_subcommand(
    "complete", tr("Complete a request: a block blocks the number, the numbers list is answered").str());
complete->add_option("id", co->id, tr("The request's record number").str())->required();
complete->add_option("--outbox", co->outbox,
                     tr("The mail outbox folder (default SALON_MAIL_OUTBOX or the data folder)").str());
complete->callback([&ctx, co] {
    auto db = ctx.open();
    const Actor person = ctx.person(*db);
    RequestCompletion done;
    const std::string outbox = co->outbox.empty() ? MailOutbox::default_folder() : co->outbox;
    reporting_input(ctx, [&] { done = complete_request(*db, person, co->id, outbox); });
    if (ctx.json)
        return print_json({{"ok", true},
                           {"id", co->id},
                           {"status", "done"},
                           {"number_blocked", done.number_blocked},
                           {"answered_to", done.answered_to},
                           {"answer_message_id", done.answer_message_id},
                           {"answer_path", done.answer_path},
                           {"numbers_listed", done.numbers_listed},
                           {"sandbox", !done.answer_path.empty()}});
    std::cout << trf("Request {1} is done.", {std::to_string(co->id)}).str() << '\n';
    if (done.number_blocked) std::cout << tr("The number is blocked.").str() << '\n';
    if (!done.answer_path.empty())
        std::cout << trf("The list of {1} numbers was written to {2} for {3} (a sandbox: nothing is sent "
                         "from the station).",
                         {std::to_string(done.numbers_listed), done.answer_path, done.answered_to})
                         .str()
                  << '\n';
});

struct RejectOptions {
    std::int64_t id = 0;
    std::string reason;
};
auto ro = std::make_shared<RejectOptions>();
auto* reject = requests->add_subcommand("reject", tr("Reject a request, saying why").str());
reject->add_option("id", ro->id, tr("The request's record number").str())->required();
reject->add_option("--reason", ro->reason, tr("Why it is rejected").str())->required();
reject->callback([&ctx, ro] {
    auto db = ctx.open();
    const Actor person = ctx.person(*db);
    reporting_input(ctx, [&] { reject_request(*db, person, ro->id, ro->reason); });
    if (ctx.json) return print_json({{"ok", true}, {"id", ro->id}, {"status", "rejected"}});
    std::cout << trf("Request {1} is rejected.", {std::to_string(ro->id)}).str() << '\n';
});

struct UnblockOptions {
    std::string inn, number, reason;
};
auto uo = std::make_shared<UnblockOptions>();
auto* unblock = requests->add_subcommand(
    "unblock", tr("Unblock a company's number at its word given at the desk (R-CORP-6)").str());
unblock->add_option("--client", uo->inn, tr("The company's INN").str())->required();
unblock->add_option("--number", uo->number, tr("The blocked number").str())->required();
unblock->add_option("--reason", uo->reason, tr("Why the block is lifted").str())->required();
unblock->callback([&ctx, uo] {
    auto db = ctx.open();
    const Actor person = ctx.person(*db);
    reporting_input(ctx, [&] { unblock_number(*db, person, uo->inn, uo->number, uo->reason); });
    const std::string number = Msisdn::parse(uo->number).str();
    if (ctx.json) return print_json({{"ok", true}, {"msisdn", number}, {"status", "active"}});
    std::cout << trf("The number {1} is unblocked.", {Msisdn::stored(number).display()}).str() << '\n';
});

auto* mail = requests->add_subcommand("mail", tr("The mails read: what became of each, and its text").str());
mail->require_subcommand(1);
auto outcome = std::make_shared<std::string>();
auto* mail_list = mail->add_subcommand("list", tr("The mails read, newest first").str());
mail_list->add_option("--outcome", *outcome, tr("Only request, rejected or unrecognised").str());
mail_list->callback([&ctx, outcome] {
    auto db = ctx.open();
    const Actor actor = ctx.viewer(*db);
    std::vector<InboundMailEntry> rows;
    reporting_input(ctx, [&] { rows = list_inbound_mail(*db, actor, *outcome); });
    if (ctx.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& m : rows) out.push_back(mail_json(m));
        return print_json(out);
    }
    std::vector<std::vector<std::string>> table;
    for (const auto& m : rows)
        table.push_back({std::to_string(m.id), utc(m.imported_at), m.from_address, m.subject,
                         outcome_title(m.outcome).str(), m.inn, m.reason});
    print_table({tr("Id").str(), tr("Read (UTC)").str(), tr("From").str(), tr("Subject").str(),
                 tr("Outcome").str(), tr("INN").str(), tr("Reason").str()},
                table);
});
struct RevealOptions {
    std::int64_t id = 0;
    std::string reason;
};
auto mo = std::make_shared<RevealOptions>();
auto* mail_show = mail->add_subcommand(
    "show", tr("One mail with its text (reveal_personal_data; the reveal is journaled)").str());
mail_show->add_option("id", mo->id, tr("The mail's record number").str())->required();
mail_show->add_option("--reason", mo->reason, tr("Why you read it (at least 10 characters)").str())
    ->required();
mail_show->callback([&ctx, mo] {
    auto db = ctx.open();
    const Actor person = ctx.person(*db);
    RevealedMail m;
    reporting_input(ctx, [&] { m = reveal_inbound_mail(*db, person, mo->id, mo->reason); });
    if (ctx.json) {
        nlohmann::json out = mail_json(m.mail);
        out["body"] = m.body;
        return print_json(out);
    }
    std::cout << tr("From").str() << ": " << m.mail.from_address << '\n'
              << tr("Subject").str() << ": " << m.mail.subject << '\n'
              << tr("Outcome").str() << ": " << outcome_title(m.mail.outcome).str()
              << (m.mail.reason.empty() ? "" : " (" + m.mail.reason + ")") << "\n\n"
              << m.body << '\n';
});

auto* kinds = requests->add_subcommand("kinds", tr("The kinds of request and their due times").str());
kinds->callback([&ctx] {
    if (ctx.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& k : request_kinds())
            out.push_back({{"kind", k.code},
                           {"title", label(k.kind).str()},
                           {"per_number", k.per_number},
                           {"due_hours", k.due_hours}});
        return print_json(out);
    }
    std::vector<std::vector<std::string>> table;
    for (const auto& k : request_kinds())
        table.push_back({k.code, label(k.kind).str(), std::to_string(k.due_hours)});
    print_table({tr("Kind").str(), tr("Request").str(), tr("Due in, hours").str()}, table);
});
}  // namespace salon::cli

}  // namespace salon::cli
