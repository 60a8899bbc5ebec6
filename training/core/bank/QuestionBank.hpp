// The entrance test's question bank (R-TRN-6): questions over the four topics, each with its versions. An
// edit makes a new version and an attempt keeps the version it drew (attempt_slot.question_version_id), so
// nothing a candidate answered ever changes under him. A retired question is never drawn again. Trainers
// (run_training) change the bank; every change is one transaction with its audit entry.
#pragma once

#include "db/Text.hpp"
#include "training/core/Topic.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {
class Actor;
}

namespace salon::training {

// The longest texts a question takes: enough for a question with HTML and an image's caption, short of
// what a hostile file would use to fill the database.
inline constexpr std::size_t kMaxQuestionTextCharacters = 20000;
inline constexpr std::size_t kMaxExplanationCharacters = 10000;
inline constexpr std::size_t kMaxOptionCharacters = 2000;
inline constexpr std::size_t kMaxOptions = 20;
inline constexpr std::size_t kMaxFiles = 10;
inline constexpr std::size_t kMaxFileBase64Bytes = 2 * 1024 * 1024;

// A question as typed by a trainer, read from the shipped bank or from a Moodle file. Inputs (for
// InputError): topic, kind, name, text, explanation, options, answer, answers, files, parameters, category.
struct QuestionForm {
    std::string topic;        // geography, russian, tariff_math, gadgets
    std::string kind;         // single, multiple, truefalse, shortanswer, tariff_math
    std::string name;         // a short name for the trainer (Moodle's <name>); may be empty
    std::string text;         // what is asked; may hold HTML from Moodle
    std::string explanation;  // why the right answer is right (Moodle's general feedback)
    nlohmann::json body = nlohmann::json::object();  // by kind, as ShownQuestion.hpp describes
    std::string category;     // Moodle's path below $course$/top; stored under the topic's element (QuestionCategory.hpp)
};

// Checks a form field by field and returns it trimmed, the body normalised (fractions as numbers, a
// shortanswer's case flag present). Refuses with InputError naming the field: an unknown topic or kind,
// empty text, a choice question with fewer than 2 options, a question without a right answer, a tariff
// question whose parameters the advisor refuses, a text or file too long.
QuestionForm checked_question(const QuestionForm& form);

struct QuestionVersion {
    std::int64_t id = 0;
    std::int64_t question_id = 0;
    int version_no = 0;
    std::string kind, name, text, explanation;
    nlohmann::json body;
    std::int64_t created_at = 0;
    std::int64_t created_by = 0;  // 0: the program (the shipped bank), or salon-cli's administrator
};

struct Question {
    std::int64_t id = 0;
    Topic topic = Topic::geography;
    std::string category;
    std::string origin;  // bank, imported, generated
    std::int64_t created_at = 0;
    std::int64_t retired_at = 0;  // 0: in use
    QuestionVersion current;               // the newest version
    std::vector<QuestionVersion> versions;  // oldest first; filled by get_question only
    bool retired() const { return retired_at != 0; }
};

// A kind for people: "One right option", "True or false" ...
Text question_kind_title(const std::string& kind);

// Adds a question with its first version. `origin` is bank (typed), imported or generated. Returns its id.
std::int64_t add_question(db::Database& db, const pos::Actor& actor, const QuestionForm& form,
                          const std::string& origin = "bank");
// Makes a new version of question `id` from the form (the topic and category may change too). A retired
// question is refused. Returns the new version's id.
std::int64_t edit_question(db::Database& db, const pos::Actor& actor, std::int64_t id, const QuestionForm& form);
// Retires question `id`: never drawn again; attempts that drew it keep it. Retiring twice is refused.
void retire_question(db::Database& db, const pos::Actor& actor, std::int64_t id);

struct QuestionFilter {
    std::optional<Topic> topic;
    bool include_retired = true;
};
// The questions with their newest versions, by topic then id. Needs run_training.
std::vector<Question> list_questions(db::Database& db, const pos::Actor& actor, const QuestionFilter& filter = {});
// One question with every version. Throws ValidationError for an unknown id.
Question get_question(db::Database& db, const pos::Actor& actor, std::int64_t id);

// The questions an attempt may draw (not retired), as counted by `training bank stats`.
struct BankStats {
    int total = 0;
    std::map<Topic, int> by_topic;  // every topic present, 0 when it has none
    int retired = 0;
    int generated = 0;  // tariff_math versions among the total
    int versions = 0;   // every version of every question, retired included
};
BankStats bank_stats(db::Database& db);

// The answers of a question as a trainer types them in one field of the desk, a line each:
//   single, multiple  "+ Анкара" a right option, "- Стамбул" (or no sign) a wrong one
//   truefalse         "true" or "false" ("верно" / "неверно" too)
//   shortanswer       an accepted answer a line
//   tariff_math       the generator's parameters as JSON (TariffQuestion.hpp)
// `keep`: the body of the version edited, whose files and text format carry over. The result still goes
// through checked_question; a line it cannot read is refused here with InputError("answers").
nlohmann::json question_body_from_lines(const std::string& kind, const std::string& lines,
                                        const nlohmann::json& keep = nlohmann::json::object());
std::string question_body_as_lines(const std::string& kind, const nlohmann::json& body);

// Internal steps shared with the importers and the shipped bank's loader, which run many questions in one
// transaction: stores a checked form (no permission check, no transaction, no audit entry). Returns the id.
std::int64_t store_question(db::Database& db, const pos::Actor& actor, const QuestionForm& checked,
                            const std::string& origin);

}  // namespace salon::training
