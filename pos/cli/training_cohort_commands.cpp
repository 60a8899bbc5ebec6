// salon-cli training cohorts / cohort add / candidate add / candidates / invite: the training week's
// groups (R-TRN-1, R-TRN-5), the candidates dealers send (R-TRN-2) and their invitations (R-TRN-3).
// Reading verbs read as --as (a dealer's manager: his own candidates) or with head office's view; the
// verbs that change data need --as.
#include "db/Text.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/sale/SandboxSmsSender.hpp"
#include "training/core/assessment/CandidateDecision.hpp"
#include "training/core/attempt/TestClock.hpp"
#include "training/core/cohort/Candidate.hpp"
#include "training/core/cohort/Cohort.hpp"
#include "training/core/invitation/Invitation.hpp"
#include "training/core/invitation/MailOutbox.hpp"

#include <iostream>
#include <memory>

namespace salon::cli {

namespace {

nlohmann::json cohort_json(const training::Cohort& c) {
    return {{"id", c.id},
            {"week_start", c.week_start},
            {"capacity", c.capacity},
            {"vote_rule", c.vote_rule},
            {"candidates", c.candidates},
            {"split", c.split},
            {"closed", c.closed}};
}

nlohmann::json candidate_json(const training::Candidate& c) {
    auto opt = [](const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); };
    return {{"id", c.id},
            {"cohort_id", c.cohort_id},
            {"dealer_id", c.dealer_id},
            {"dealer", c.dealer_name},
            {"salon_id", c.salon_id ? nlohmann::json(c.salon_id) : nlohmann::json(nullptr)},
            {"name", c.full_name},
            {"phone", opt(c.phone)},
            {"email", opt(c.email)},
            {"interview_date", c.interview_date},
            {"notes", c.notes},
            {"stream", c.stream ? nlohmann::json(c.stream) : nlohmann::json(nullptr)},
            {"kiosk_code", c.kiosk_code},
            {"status", c.status}};
}

nlohmann::json invitation_json(const training::Invitation& i) {
    return {{"id", i.id},
            {"candidate_id", i.candidate_id},
            {"candidate", i.candidate_name},
            {"channel", i.channel},
            {"address", i.address},
            {"state", i.state},
            {"last_error", i.last_error.empty() ? nlohmann::json(nullptr) : nlohmann::json(i.last_error)},
            {"sent_at", i.sent_at ? nlohmann::json(i.sent_at) : nlohmann::json(nullptr)},
            {"sender", i.sender.empty() ? nlohmann::json(nullptr) : nlohmann::json(i.sender)}};
}

std::unique_ptr<db::Database> open_with_clock(const CliContext& ctx) {
    auto db = ctx.open();
    training::apply_test_clock(*db);
    return db;
}

}  // namespace

void add_training_cohort_commands(CLI::App& app, CliContext& ctx) {
    CLI::App* training_app = training_command(app);

    auto* cohorts =
        training_app->add_subcommand("cohorts", tr("The training weeks' cohorts (R-TRN-1)").str());
    cohorts->callback([&ctx] {
        auto db = open_with_clock(ctx);
        const auto list = training::list_cohorts(*db, ctx.viewer(*db));
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& c : list) out.push_back(cohort_json(c));
            return print_json(out);
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& c : list)
            rows.push_back({std::to_string(c.id), training::CohortWeek::stored(c.week_start).display(),
                            std::to_string(c.candidates) + " / " + std::to_string(c.capacity),
                            c.split ? tr("two streams").str() : tr("one group").str(),
                            training::vote_rule_title(training::vote_rule_from_string(c.vote_rule)).str()});
        print_table({tr("No.").str(), tr("Week").str(), tr("Candidates").str(), tr("Streams").str(),
                     tr("Vote rule").str()},
                    rows);
    });

    auto* cohort = training_app->add_subcommand("cohort", tr("A training cohort").str());
    cohort->require_subcommand(1);
    auto form = std::make_shared<training::CohortForm>();
    auto* cohort_add =
        cohort->add_subcommand("add", tr("Create the cohort of a training week (a trainer)").str());
    cohort_add->add_option("--week", form->week, tr("The Friday the week starts on, YYYY-MM-DD").str())
        ->required();
    cohort_add->add_option("--capacity", form->capacity, tr("Places, up to 40 (default 40)").str());
    cohort_add->callback([&ctx, form] {
        auto db = open_with_clock(ctx);
        const auto person = ctx.person(*db);
        reporting_input(ctx, [&] {
            const auto id = training::create_cohort(*db, person, *form);
            const auto c = training::get_cohort(*db, person, id);
            if (ctx.json) return print_json({{"ok", true}, {"cohort", cohort_json(c)}});
            std::cout << trf("Cohort {1} created for the week of {2}, {3} places.",
                             {std::to_string(id), training::CohortWeek::stored(c.week_start).display(),
                              std::to_string(c.capacity)})
                             .str()
                      << '\n';
        });
    });

    auto* candidate = training_app->add_subcommand("candidate", tr("A candidate: add").str());
    candidate->require_subcommand(1);
    auto cform = std::make_shared<training::CandidateForm>();
    auto* candidate_add = candidate->add_subcommand(
        "add", tr("Register a candidate a dealer sends after its interview (R-TRN-2)").str());
    candidate_add->add_option("--cohort", cform->cohort_id, tr("The cohort's number").str())->required();
    candidate_add->add_option("--dealer", cform->dealer_id, tr("The dealer's number").str())->required();
    candidate_add->add_option("--name", cform->full_name, tr("Full name").str())->required();
    candidate_add
        ->add_option("--interview-date", cform->interview_date,
                     tr("The dealer's interview, YYYY-MM-DD").str())
        ->required();
    candidate_add->add_option("--phone", cform->phone, tr("Mobile number for the SMS invitation").str());
    candidate_add->add_option("--email", cform->email, tr("E-mail for the invitation").str());
    candidate_add->add_option("--notes", cform->notes, tr("The interview's notes").str());
    candidate_add->add_option("--salon", cform->salon_id, tr("The dealer's salon he will work in").str());
    candidate_add->callback([&ctx, cform] {
        auto db = open_with_clock(ctx);
        const auto person = ctx.person(*db);
        reporting_input(ctx, [&] {
            const auto id = training::add_candidate(*db, person, *cform);
            const auto c = training::get_candidate(*db, person, id);
            if (ctx.json) return print_json({{"ok", true}, {"candidate", candidate_json(c)}});
            std::cout
                << trf("Candidate {1} registered; kiosk code {2}.", {std::to_string(id), c.kiosk_code}).str()
                << '\n';
        });
    });

    auto list_cohort = std::make_shared<std::int64_t>(0);
    auto* candidates =
        training_app->add_subcommand("candidates", tr("A cohort's candidates with their streams").str());
    candidates->add_option("--cohort", *list_cohort, tr("The cohort's number").str())->required();
    candidates->callback([&ctx, list_cohort] {
        auto db = open_with_clock(ctx);
        const auto viewer = ctx.viewer(*db);
        reporting_input(ctx, [&] {
            const auto list = training::list_candidates(*db, viewer, *list_cohort);
            if (ctx.json) {
                nlohmann::json out = nlohmann::json::array();
                for (const auto& c : list) out.push_back(candidate_json(c));
                return print_json(out);
            }
            std::vector<std::vector<std::string>> rows;
            for (const auto& c : list)
                rows.push_back(
                    {std::to_string(c.id), c.full_name, c.dealer_name,
                     c.stream ? std::to_string(c.stream) : "—", c.kiosk_code,
                     pos::CalendarDate::parse(c.interview_date, "interview_date", tr("Interview date"))
                         .display(),
                     c.status});
            print_table({tr("No.").str(), tr("Full name").str(), tr("Dealer").str(), tr("Stream").str(),
                         tr("Code").str(), tr("Interview").str(), tr("Status").str()},
                        rows);
        });
    });

    auto invite_cohort = std::make_shared<std::int64_t>(0);
    auto* invite = training_app->add_subcommand(
        "invite",
        tr("Invite a cohort's candidates by SMS and e-mail, deliver, and show the states (R-TRN-3)").str());
    invite->add_option("--cohort", *invite_cohort, tr("The cohort's number").str())->required();
    invite->callback([&ctx, invite_cohort] {
        auto db = open_with_clock(ctx);
        const auto person = ctx.person(*db);
        reporting_input(ctx, [&] {
            const int queued = training::invite_cohort(*db, person, *invite_cohort);
            pos::SandboxSmsSender sms;
            training::SandboxMailSender mail;
            training::deliver_invitations(*db, sms, mail);
            const auto list = training::list_invitations(*db, person, *invite_cohort);
            if (ctx.json) {
                nlohmann::json rows = nlohmann::json::array();
                for (const auto& i : list) rows.push_back(invitation_json(i));
                return print_json(
                    {{"ok", true}, {"queued", queued}, {"sandbox", true}, {"invitations", rows}});
            }
            std::cout << trf("{1} invitations queued; the senders are sandboxes (SMS log, mail folder {2}).",
                             {std::to_string(queued), mail.folder().string()})
                             .str()
                      << '\n';
            std::vector<std::vector<std::string>> rows;
            for (const auto& i : list)
                rows.push_back({i.candidate_name, i.channel, i.address, i.state,
                                i.last_error.empty() ? "" : i.last_error});
            print_table({tr("Candidate").str(), tr("Channel").str(), tr("Address").str(), tr("State").str(),
                         tr("Error").str()},
                        rows);
        });
    });

    // The invitations' texts (R-TRN-3): shown, or changed by a trainer with --body (and --subject for
    // e-mail).
    auto channel = std::make_shared<std::string>("sms");
    auto subject = std::make_shared<std::string>();
    auto body = std::make_shared<std::string>();
    auto* templ = training_app->add_subcommand(
        "invitation-template",
        tr("Show an invitation's template, or change it with --body (a trainer)").str());
    templ->add_option("--channel", *channel, tr("sms or email").str());
    templ->add_option("--subject", *subject, tr("The e-mail's subject").str());
    templ->add_option("--body", *body, tr("The text, with {name}, {date}, {code}, {dealer}").str());
    templ->callback([&ctx, channel, subject, body] {
        auto db = open_with_clock(ctx);
        reporting_input(ctx, [&] {
            if (!body->empty()) {
                const auto person = ctx.person(*db);
                training::save_invitation_template(*db, person, {*channel, *subject, *body});
            }
            const auto t = training::get_invitation_template(*db, *channel);
            if (ctx.json)
                return print_json(
                    {{"ok", true}, {"channel", t.channel}, {"subject", t.subject}, {"body", t.body}});
            if (!t.subject.empty()) std::cout << t.subject << "\n\n";
            std::cout << t.body << '\n';
        });
    });
}

}  // namespace salon::cli
