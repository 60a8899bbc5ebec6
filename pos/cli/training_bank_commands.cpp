// salon-cli training bank ... and training stats: the entrance test's question bank (R-TRN-6) without a
// display — counts, list, show, retire, the shipped bank, Moodle XML import and export — and the quality of
// the test over a cohort's attempts (item analysis).
#include "db/Text.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "training/core/bank/ItemAnalysis.hpp"
#include "training/core/bank/MoodleXml.hpp"
#include "training/core/bank/QuestionBank.hpp"
#include "training/core/bank/ShippedQuestionBank.hpp"
#include "training/core/bank/TariffQuestion.hpp"

#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

namespace salon::cli {
using namespace salon::training;

namespace {

nlohmann::json version_json(const QuestionVersion& v) {
    return {{"id", v.id},         {"version", v.version_no}, {"kind", v.kind},
            {"name", v.name},     {"text", v.text},          {"explanation", v.explanation},
            {"body", v.body},     {"created_at", v.created_at}};
}

nlohmann::json question_json(const Question& q) {
    nlohmann::json out = {{"id", q.id},
                          {"topic", std::string(to_string(q.topic))},
                          {"category", q.category},
                          {"origin", q.origin},
                          {"retired", q.retired()},
                          {"version", q.current.version_no},
                          {"version_id", q.current.id},
                          {"kind", q.current.kind},
                          {"name", q.current.name},
                          {"text", q.current.text}};
    if (!q.versions.empty()) {
        out["versions"] = nlohmann::json::array();
        for (const auto& v : q.versions) out["versions"].push_back(version_json(v));
    }
    return out;
}

std::string shortened(const std::string& text, std::size_t max_characters) {
    std::size_t chars = 0, i = 0;
    for (; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++chars > max_characters) break;
    }
    std::string out = text.substr(0, i);
    for (auto& c : out)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return i < text.size() ? out + "…" : out;
}

std::string figure(const std::optional<double>& v) {
    if (!v) return "—";
    std::ostringstream s;
    s << std::fixed << std::setprecision(2) << *v;
    return s.str();
}

nlohmann::json optional_json(const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ValidationError(tr("File"), trf("cannot read {1}", {path}));
    in.seekg(0, std::ios::end);
    const auto size = static_cast<std::size_t>(in.tellg());
    // Refused before it is read into memory: the import refuses it anyway.
    if (size > kMaxMoodleFileBytes)
        throw ValidationError(tr("File"), trf("is larger than {1} MB; nothing was imported",
                                              {std::to_string(kMaxMoodleFileBytes / 1024 / 1024)}));
    in.seekg(0);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

void add_training_bank_commands(CLI::App& app, CliContext& ctx) {
    CLI::App* training = training_command(app);
    auto* bank = training->add_subcommand("bank", tr("The entrance test's question bank").str());
    bank->require_subcommand(1);

    auto* stats = bank->add_subcommand("stats", tr("How many questions an attempt may draw from, by topic").str());
    stats->callback([&ctx] {
        auto db = ctx.open();
        const BankStats s = bank_stats(*db);
        if (ctx.json) {
            nlohmann::json topics = nlohmann::json::object();
            for (const auto& [t, n] : s.by_topic) topics[std::string(to_string(t))] = n;
            return print_json({{"total", s.total},
                               {"topics", topics},
                               {"retired", s.retired},
                               {"generated", s.generated},
                               {"versions", s.versions}});
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& [t, n] : s.by_topic) rows.push_back({topic_title(t).str(), std::to_string(n)});
        print_table({tr("Topic").str(), tr("Questions").str()}, rows);
        std::cout << trf("{1} questions in use ({2} generated from the tariff catalog), {3} retired.",
                         {std::to_string(s.total), std::to_string(s.generated), std::to_string(s.retired)})
                         .str()
                  << '\n';
    });

    auto topic = std::make_shared<std::string>();
    auto* list = bank->add_subcommand("list", tr("The questions, newest version of each; retired ones apart").str());
    list->add_option("--topic", *topic, tr("Only this topic: geography, russian, tariff_math or gadgets").str());
    list->callback([&ctx, topic] {
        auto db = ctx.open();
        const pos::Actor viewer = ctx.viewer(*db);
        reporting_input(ctx, [&] {
            QuestionFilter filter;
            if (!topic->empty()) filter.topic = topic_from_string(*topic);
            const auto questions = list_questions(*db, viewer, filter);
            if (ctx.json) {
                nlohmann::json out = nlohmann::json::array();
                for (const auto& q : questions) out.push_back(question_json(q));
                return print_json(out);
            }
            std::vector<std::vector<std::string>> rows;
            int retired = 0;
            for (const bool in_use : {true, false})
                for (const auto& q : questions) {
                    if (q.retired() == in_use) continue;
                    if (!in_use) ++retired;
                    rows.push_back({std::to_string(q.id), std::string(to_string(q.topic)), q.current.kind,
                                    std::to_string(q.current.version_no), in_use ? "" : tr("retired").str(),
                                    q.current.name, shortened(plain_text(q.current.text), 60)});
                }
            print_table({tr("No.").str(), tr("Topic").str(), tr("Kind").str(), tr("Version").str(), tr("State").str(),
                         tr("Name").str(), tr("Text").str()},
                        rows);
            std::cout << trf("{1} questions, {2} of them retired.",
                             {std::to_string(questions.size()), std::to_string(retired)})
                             .str()
                      << '\n';
        });
    });

    auto show_id = std::make_shared<std::int64_t>(0);
    auto* show = bank->add_subcommand("show", tr("A question with its versions and, for a tariff question, today's rendering").str());
    show->add_option("id", *show_id, tr("The question's number").str())->required();
    show->callback([&ctx, show_id] {
        auto db = ctx.open();
        const pos::Actor viewer = ctx.viewer(*db);
        reporting_input(ctx, [&] {
            const Question q = get_question(*db, viewer, *show_id);
            std::optional<GeneratedQuestion> today;
            if (q.current.kind == "tariff_math") {
                std::mt19937_64 random(static_cast<std::uint64_t>(q.current.id));
                today = generate_tariff_question(*db, q.current.body, random);
            }
            if (ctx.json) {
                nlohmann::json out = question_json(q);
                if (today)
                    out["today"] = {{"date", today->on_date},
                                    {"text", today->shown.text},
                                    {"options", today->shown.options},
                                    {"right_answer", today->shown.right_answer},
                                    {"explanation", today->explanation}};
                return print_json(out);
            }
            std::cout << trf("Question {1}: {2}, {3}, version {4}", {std::to_string(q.id), topic_title(q.topic).str(),
                                                                     q.current.kind, std::to_string(q.current.version_no)})
                             .str();
            if (q.retired()) std::cout << " (" << tr("retired").str() << ")";
            std::cout << '\n' << tr("Category").str() << ": " << q.category << '\n';
            if (!q.current.name.empty()) std::cout << tr("Name").str() << ": " << q.current.name << '\n';
            std::cout << plain_text(q.current.text) << '\n';
            const auto& body = q.current.body;
            if (body.contains("options"))
                for (const auto& o : body.at("options"))
                    std::cout << (o.value("fraction", 0.0) > 0 ? "  [+] " : "  [ ] ") << plain_text(o.at("text").get<std::string>())
                              << '\n';
            if (q.current.kind == "truefalse")
                std::cout << "  " << tr("Right answer").str() << ": "
                          << (body.at("answer").get<bool>() ? tr("True").str() : tr("False").str()) << '\n';
            if (body.contains("answers"))
                for (const auto& a : body.at("answers")) std::cout << "  = " << a.at("text").get<std::string>() << '\n';
            if (today) {
                std::cout << trf("Today ({1}):", {today->on_date}).str() << ' ' << today->shown.text << '\n';
                for (std::size_t i = 0; i < today->shown.options.size(); ++i) {
                    bool right = false;
                    for (const auto& r : today->shown.right_answer) right = right || r.get<std::size_t>() == i;
                    std::cout << (right ? "  [+] " : "  [ ] ") << today->shown.options[i] << '\n';
                }
                std::cout << today->explanation << '\n';
            }
            if (!q.current.explanation.empty())
                std::cout << tr("Explanation").str() << ": " << plain_text(q.current.explanation) << '\n';
            std::cout << trn("{1} version", "{1} versions", static_cast<long long>(q.versions.size())).str() << '\n';
        });
    });

    auto retire_id = std::make_shared<std::int64_t>(0);
    auto* retire = bank->add_subcommand("retire", tr("Retire a question: never drawn again, attempts keep it").str());
    retire->add_option("id", *retire_id, tr("The question's number").str())->required();
    retire->callback([&ctx, retire_id] {
        auto db = ctx.open();
        const pos::Actor person = ctx.person(*db);
        reporting_input(ctx, [&] {
            retire_question(*db, person, *retire_id);
            if (ctx.json) return print_json({{"ok", true}, {"retired", *retire_id}});
            std::cout << trf("Question {1} retired.", {std::to_string(*retire_id)}).str() << '\n';
        });
    });

    auto* seed = bank->add_subcommand("seed", tr("Add the shipped questions the bank does not have yet").str());
    seed->callback([&ctx] {
        auto db = ctx.open();
        const pos::Actor person = ctx.person(*db);
        const SeedResult r = seed_question_bank(*db, person);
        if (ctx.json) return print_json({{"ok", true}, {"added", r.added}, {"present", r.present}});
        std::cout << trf("{1} shipped questions added, {2} already in the bank.",
                         {std::to_string(r.added), std::to_string(r.present)})
                         .str()
                  << '\n';
    });

    struct ImportOptions {
        std::string file, topic;
    };
    auto import_options = std::make_shared<ImportOptions>();
    auto* import = bank->add_subcommand("import", tr("Import questions from a Moodle XML file").str());
    import->add_option("file", import_options->file, tr("The Moodle XML file").str())->required();
    import->add_option("--topic", import_options->topic,
                       tr("Put every question of the file in this topic, whatever its category").str());
    import->callback([&ctx, import_options] {
        auto db = ctx.open();
        const pos::Actor person = ctx.person(*db);
        reporting_input(ctx, [&] {
            MoodleImportOptions options;
            if (!import_options->topic.empty()) options.topic = topic_from_string(import_options->topic);
            const auto report = import_moodle_xml(*db, person, read_file(import_options->file), options);
            if (ctx.json) {
                nlohmann::json skipped = nlohmann::json::array();
                for (const auto& s : report.skipped)
                    skipped.push_back({{"name", s.name}, {"type", s.type}, {"reason", s.reason}});
                return print_json({{"ok", true},
                                   {"questions", report.questions},
                                   {"imported", report.imported.size()},
                                   {"ids", report.imported},
                                   {"skipped", skipped}});
            }
            std::cout << trf("{1} of {2} questions imported, {3} skipped.",
                             {std::to_string(report.imported.size()), std::to_string(report.questions),
                              std::to_string(report.skipped.size())})
                             .str()
                      << '\n';
            for (const auto& s : report.skipped)
                std::cout << "  " << trf("skipped «{1}» ({2}): {3}", {s.name, s.type, s.reason}).str() << '\n';
        });
    });

    struct ExportOptions {
        std::string format, out;
    };
    auto export_options = std::make_shared<ExportOptions>();
    auto* exporting = bank->add_subcommand("export", tr("Write the questions in use as a Moodle XML file").str());
    exporting->add_option("--format", export_options->format, tr("The file's format: moodle-xml").str())->required();
    exporting->add_option("--out", export_options->out, tr("The file to write (standard output without it)").str());
    exporting->callback([&ctx, export_options] {
        if (export_options->format != "moodle-xml")
            throw pos::InputError("format", tr("Format"), trf("\"{1}\" is not a format: moodle-xml", {export_options->format}));
        auto db = ctx.open();
        const std::string xml = export_moodle_xml(*db, ctx.viewer(*db));
        if (export_options->out.empty()) {
            std::cout << xml;
            return;
        }
        std::ofstream out(export_options->out, std::ios::binary | std::ios::trunc);
        out << xml;
        out.close();
        if (!out) throw ValidationError(tr("File"), trf("cannot write {1}", {export_options->out}));
        if (ctx.json) return print_json({{"ok", true}, {"file", export_options->out}});
        std::cout << trf("Questions written to {1}.", {export_options->out}).str() << '\n';
    });

    auto cohort = std::make_shared<std::int64_t>(0);
    auto* item_stats = training->add_subcommand(
        "stats", tr("The quality of the entrance test over a cohort's attempts (item analysis)").str());
    item_stats->add_option("--cohort", *cohort, tr("The cohort's number").str())->required();
    item_stats->callback([&ctx, cohort] {
        auto db = ctx.open();
        const pos::Actor viewer = ctx.viewer(*db);
        reporting_input(ctx, [&] {
            const TestStatistics s = analyse_cohort(*db, viewer, *cohort);
            if (ctx.json) {
                nlohmann::json items = nlohmann::json::array();
                for (const auto& i : s.items) {
                    nlohmann::json flags = nlohmann::json::array();
                    for (auto f : i.flags) flags.push_back(std::string(to_string(f)));
                    items.push_back({{"version_id", i.version_id},
                                     {"question_id", i.question_id},
                                     {"version", i.version_no},
                                     {"topic", std::string(to_string(i.topic))},
                                     {"name", i.name},
                                     {"attempts", i.attempts},
                                     {"correct", i.correct},
                                     {"facility", i.facility},
                                     {"discrimination", optional_json(i.discrimination)},
                                     {"item_rest", optional_json(i.item_rest)},
                                     {"flags", flags}});
                }
                return print_json({{"cohort", s.cohort_id},
                                   {"attempts", s.attempts},
                                   {"mean_score", s.mean_score},
                                   {"score_sd", s.score_sd},
                                   {"kr20", optional_json(s.kr20)},
                                   {"items", items}});
            }
            std::vector<std::vector<std::string>> rows;
            for (const auto& i : s.items) {
                std::string flags;
                for (auto f : i.flags) flags += (flags.empty() ? "" : ", ") + item_flag_title(f).str();
                rows.push_back({std::to_string(i.question_id) + "/" + std::to_string(i.version_no),
                                std::string(to_string(i.topic)), std::to_string(i.attempts), figure(i.facility),
                                figure(i.discrimination), figure(i.item_rest), flags});
            }
            print_table({tr("Question/version").str(), tr("Topic").str(), tr("Attempts").str(), tr("Facility").str(),
                         tr("Discrimination").str(), tr("Item–rest").str(), tr("Flags").str()},
                        rows);
            std::cout << trf("{1} submitted attempts, mean score {2}, KR-20 {3}.",
                             {std::to_string(s.attempts), figure(s.mean_score), figure(s.kr20)})
                             .str()
                      << '\n';
        });
    });
}

}  // namespace salon::cli
