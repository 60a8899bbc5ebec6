// salon-cli training attempt ...: the entrance test (R-TRN-6) without the kiosk, the same operations the
// kiosk runs. The candidate has no account: the kiosk code is his identity, so `start` takes --code, and
// `answer` and `submit` name the attempt and prove it with the same --code (no --as). `show` reads as the
// --as person (a dealer: his own candidates) or, without --as, with head office's view. `grant` is a
// trainer's and needs --as.
//
// Tests move the database's clock with SALON_TEST_CLOCK (see training/core/attempt/TestClock.hpp).
#include "db/Text.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/audit/AuditJournal.hpp"
#include "training/core/attempt/Attempt.hpp"
#include "training/core/attempt/TestClock.hpp"

#include <iostream>
#include <memory>

namespace salon::cli {

namespace {

using training::Attempt;

nlohmann::json nullable(std::int64_t v) { return v ? nlohmann::json(v) : nlohmann::json(nullptr); }

nlohmann::json attempt_json(const Attempt& a) {
    nlohmann::json slots = nlohmann::json::array();
    for (const auto& s : a.slots) {
        nlohmann::json slot = {{"slot", s.slot_no},
                               {"topic", std::string(training::to_string(s.topic))},
                               {"kind", s.kind},
                               {"text", s.text},
                               {"options", s.options},
                               {"answer", s.answer},
                               {"answered_at", nullable(s.answered_at)}};
        // Whether an answer was right is shown once the attempt is closed, as Moodle's review does.
        slot["correct"] = a.submitted() ? nlohmann::json(s.correct) : nlohmann::json(nullptr);
        slots.push_back(slot);
    }
    return {{"id", a.id},
            {"candidate_id", a.candidate_id},
            {"candidate", a.candidate_name},
            {"cohort_id", a.cohort_id},
            {"started_at", a.started_at},
            {"deadline_at", a.deadline_at},
            {"seconds_left", a.seconds_left()},
            {"submitted", a.submitted()},
            {"submitted_at", nullable(a.submitted_at)},
            {"submitted_how", a.submitted() ? nlohmann::json(a.submitted_how) : nlohmann::json(nullptr)},
            {"correct_count", a.submitted() ? nlohmann::json(a.correct_count) : nlohmann::json(nullptr)},
            {"passed", a.submitted() ? nlohmann::json(a.passed) : nlohmann::json(nullptr)},
            {"answered", a.answered()},
            {"slots", slots}};
}

std::string clock_text(std::int64_t seconds) {
    const auto m = seconds / 60, s = seconds % 60;
    return std::to_string(m) + ":" + (s < 10 ? "0" : "") + std::to_string(s);
}

std::string answer_text(const nlohmann::json& answer) {
    if (answer.is_null()) return "—";
    if (answer.is_string()) return answer.get<std::string>();
    std::string out;
    for (const auto& i : answer) out += (out.empty() ? "" : ",") + std::to_string(i.get<int>() + 1);
    return out;
}

void print_attempt(const Attempt& a) {
    std::cout << trf("Attempt {1}: {2}", {std::to_string(a.id), a.candidate_name}).str() << '\n';
    if (a.submitted()) {
        std::cout << trf("Submitted ({1}): {2} of {3} correct, {4}.",
                         {a.submitted_how, std::to_string(a.correct_count),
                          std::to_string(training::kQuestionsPerAttempt),
                          a.passed ? tr("passed").str() : tr("not passed").str()})
                         .str()
                  << '\n';
    } else {
        std::cout << trf("Open: {1} left, {2} of {3} answered.",
                         {clock_text(a.seconds_left()), std::to_string(a.answered()),
                          std::to_string(training::kQuestionsPerAttempt)})
                         .str()
                  << '\n';
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : a.slots) {
        std::string options;
        for (std::size_t i = 0; i < s.options.size(); ++i)
            options += (i ? " | " : "") + std::to_string(i + 1) + ") " + s.options[i];
        rows.push_back({std::to_string(s.slot_no), training::topic_title(s.topic).str(), s.text, options,
                        answer_text(s.answer), a.submitted() ? (s.correct ? "+" : "−") : ""});
    }
    print_table({tr("No.").str(), tr("Topic").str(), tr("Question").str(), tr("Options").str(),
                 tr("Answer").str(), tr("Right").str()},
                rows);
}

void output(const CliContext& ctx, const Attempt& a, const nlohmann::json& extra = nlohmann::json::object()) {
    if (ctx.json) {
        nlohmann::json out = {{"ok", true}, {"attempt", attempt_json(a)}};
        for (auto it = extra.begin(); it != extra.end(); ++it) out[it.key()] = it.value();
        return print_json(out);
    }
    print_attempt(a);
}

std::unique_ptr<db::Database> open_with_clock(const CliContext& ctx) {
    auto db = ctx.open();
    training::apply_test_clock(*db);
    return db;
}

}  // namespace

void add_training_attempt_commands(CLI::App& app, CliContext& ctx) {
    CLI::App* training_app = training_command(app);
    auto* attempt =
        training_app->add_subcommand("attempt", tr("The entrance test's attempts (R-TRN-6)").str());
    attempt->require_subcommand(1);

    auto code = std::make_shared<std::string>();
    auto* start =
        attempt->add_subcommand("start", tr("Start the test with a kiosk code, or resume it").str());
    start->add_option("--code", *code, tr("The candidate's personal kiosk code").str())->required();
    start->callback([&ctx, code] {
        auto db = open_with_clock(ctx);
        reporting_input(ctx, [&] {
            const auto started = training::start_attempt(*db, pos::AuditKey::load_or_create(), *code,
                                                         "cli:" + ctx.till_name());
            if (!ctx.json) {
                if (started.how == training::AttemptStart::resumed)
                    std::cout << tr("The open attempt is resumed with the time it has left.").str() << '\n';
                else if (started.how == training::AttemptStart::finished_now)
                    std::cout << tr("Time was up: the attempt is finished with its saved answers.").str()
                              << '\n';
            }
            output(ctx, started.attempt, {{"how", std::string(training::to_string(started.how))}});
        });
    });

    auto attempt_id = std::make_shared<std::int64_t>(0);
    auto slot = std::make_shared<int>(0);
    auto answer = std::make_shared<std::string>();
    auto answer_code = std::make_shared<std::string>();
    auto* answer_cmd = attempt->add_subcommand("answer", tr("Save one answer of an open attempt").str());
    answer_cmd->add_option("--attempt", *attempt_id, tr("The attempt's number").str())->required();
    answer_cmd->add_option("--code", *answer_code, tr("The candidate's personal kiosk code").str())
        ->required();
    answer_cmd->add_option("--slot", *slot, tr("The question's number, 1 to 16").str())->required();
    answer_cmd
        ->add_option(
            "--answer", *answer,
            tr("JSON: option numbers from 0 as shown ([1]), or a text (\"Москва\"); null clears").str())
        ->required();
    answer_cmd->callback([&ctx, attempt_id, slot, answer, answer_code] {
        auto db = open_with_clock(ctx);
        reporting_input(ctx, [&] {
            training::check_attempt_code(*db, *attempt_id, *answer_code);
            const auto parsed = nlohmann::json::parse(*answer, nullptr, false);
            if (parsed.is_discarded())
                throw pos::InputError("answer", tr("Answer"),
                                      tr("is not JSON: [0] for an option, \"text\" for a text"));
            const auto a =
                training::answer_slot(*db, pos::AuditKey::load_or_create(), *attempt_id, *slot, parsed);
            if (ctx.json) return output(ctx, a);
            std::cout << trf("Answer to question {1} saved; {2} left.",
                             {std::to_string(*slot), clock_text(a.seconds_left())})
                             .str()
                      << '\n';
        });
    });

    auto submit_id = std::make_shared<std::int64_t>(0);
    auto submit_code = std::make_shared<std::string>();
    auto* submit = attempt->add_subcommand("submit", tr("Finish the attempt: score the saved answers").str());
    submit->add_option("--attempt", *submit_id, tr("The attempt's number").str())->required();
    submit->add_option("--code", *submit_code, tr("The candidate's personal kiosk code").str())->required();
    submit->callback([&ctx, submit_id, submit_code] {
        auto db = open_with_clock(ctx);
        reporting_input(ctx, [&] {
            training::check_attempt_code(*db, *submit_id, *submit_code);
            output(ctx, training::submit_attempt(*db, pos::AuditKey::load_or_create(), *submit_id));
        });
    });

    auto show_id = std::make_shared<std::int64_t>(0);
    auto* show = attempt->add_subcommand("show", tr("An attempt with its questions and answers").str());
    show->add_option("--attempt", *show_id, tr("The attempt's number").str())->required();
    show->callback([&ctx, show_id] {
        auto db = open_with_clock(ctx);
        const auto viewer = ctx.viewer(*db);
        reporting_input(ctx, [&] { output(ctx, training::get_attempt(*db, viewer, *show_id)); });
    });

    auto grant_id = std::make_shared<std::int64_t>(0);
    auto minutes = std::make_shared<int>(0);
    auto reason = std::make_shared<std::string>();
    auto* grant = attempt->add_subcommand("grant", tr("Extra time for an outage (a trainer)").str());
    grant->add_option("--attempt", *grant_id, tr("The attempt's number").str())->required();
    grant->add_option("--minutes", *minutes, tr("Minutes to add, 1 to 60").str())->required();
    grant->add_option("--reason", *reason, tr("Why: the outage").str())->required();
    grant->callback([&ctx, grant_id, minutes, reason] {
        auto db = open_with_clock(ctx);
        const auto person = ctx.person(*db);
        reporting_input(ctx, [&] {
            const auto a = training::grant_extra_time(*db, person, *grant_id, *minutes, *reason);
            if (ctx.json) return output(ctx, a);
            std::cout << trf("{1} minutes added; {2} left.",
                             {std::to_string(*minutes), clock_text(a.seconds_left())})
                             .str()
                      << '\n';
        });
    });
}

}  // namespace salon::cli
