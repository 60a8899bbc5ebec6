// Moodle XML, as Moodle 4 writes it, read into the question bank and written from it (R-TRN-6): trainers
// move questions between the station and a Moodle course.
//
// What is read: <question type="category"> entries ($course$/top/A/B: the path below top is the category,
// its first element names the topic, see QuestionCategory.hpp), multichoice with <single>true/false</single>
// and fractions in percent, truefalse, shortanswer (<usecase>), the question text in its format (HTML kept
// as Moodle gave it, so that an export gives it back; the kiosk shows it as plain text, see plain_text),
// <generalfeedback> as the explanation, <file encoding="base64"> images kept in the body's "files". Any
// other type (essay, matching, numerical, cloze, ddwtos, description ...) is reported by its name and
// skipped, never dropped silently; so is a question whose topic cannot be told, whose check fails, or which
// is already in the bank unchanged.
//
// What is refused whole, nothing saved: a file that is not XML (or declares a DTD), that is not a <quiz>, is
// larger than kMaxMoodleFileBytes or holds more than kMaxMoodleQuestions questions, or whose texts are longer
// than the bank takes. The import is one transaction.
#pragma once

#include "training/core/Topic.hpp"
#include "training/core/bank/QuestionBank.hpp"

#include <cstddef>
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

inline constexpr std::size_t kMaxMoodleQuestions = 2000;
inline constexpr std::size_t kMaxMoodleFileBytes = 64 * 1024 * 1024;

struct MoodleImportOptions {
    // Every question of the file goes to this topic, whatever its category says.
    std::optional<Topic> topic;
};

struct MoodleSkipped {
    std::string name;  // the question's name in the file (or its type and position when it has none)
    std::string type;  // Moodle's question type
    std::string reason;
};

struct MoodleImportReport {
    int questions = 0;  // question entries in the file, categories not counted
    std::vector<std::int64_t> imported;  // ids of the new questions
    std::vector<MoodleSkipped> skipped;
};

// One question entry of a file as read, before the bank is asked whether it holds it already: its checked
// form when the station can take it, otherwise why it is skipped.
struct MoodleEntry {
    std::string label;  // its name, or its type and position when it has none
    std::string type;
    std::optional<QuestionForm> form;
    std::string skipped;  // the reason, when there is no form
};

struct MoodleFile {
    int questions = 0;  // question entries, categories not counted
    std::vector<MoodleEntry> entries;
};

// Reads `xml` without the database: the import's first half, and all of it that hostile bytes reach (the
// fuzz target tests/fuzz/fuzz_moodle_xml runs it). Throws ValidationError for a file refused whole.
MoodleFile read_moodle_xml(const std::string& xml, const MoodleImportOptions& options = {});

// Imports `xml` (the file's bytes). Needs run_training. Throws ValidationError for a file refused whole.
MoodleImportReport import_moodle_xml(db::Database& db, const pos::Actor& actor, const std::string& xml,
                                     const MoodleImportOptions& options = {});

// The bank's questions in use (not retired) as Moodle XML, by category. A generated tariff question is
// written as the multichoice it renders to today (today's prices), and carries its generator's parameters
// in a <salon_tariff_math> element that Moodle ignores and this importer reads back, so export → import
// gives the same bank. Needs run_training.
std::string export_moodle_xml(db::Database& db, const pos::Actor& actor);

// A question text or option in HTML as plain text for the kiosk and the desk: tags dropped, paragraphs
// and line breaks as new lines, entities decoded.
std::string plain_text(const std::string& html);

}  // namespace salon::training
