// A question as an attempt shows it (R-TRN-6): drawn from one version of the bank, options shuffled, the
// right answer computed at that moment — so a tariff question keeps the prices of the day it was drawn —
// and kept frozen with the attempt.
//
// A version's body (question_version.body, JSON) by kind:
//   single, multiple: {"options": [{"text": "...", "fraction": 1.0, "feedback": "..."}, ...]}
//                     (Moodle's fractions: an option with a fraction above 0 is right; for "multiple"
//                     the right answer is every such option and none other)
//   truefalse:        {"answer": true}
//   shortanswer:      {"answers": [{"text": "...", "fraction": 1.0}], "case_sensitive": false}
//   tariff_math:      the generator's parameters (see the bank's tariff questions)
//   any kind may add  "files": [{"name": "...", "encoding": "base64", "data": "..."}]
#pragma once

#include "training/core/Topic.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::training {

struct ShownQuestion {
    std::int64_t version_id = 0;
    Topic topic = Topic::geography;
    std::string kind;                  // as in question_version.kind, except tariff_math: shown as "single"
    std::string text;
    std::vector<std::string> options;  // in the order shown; empty for shortanswer
    // What attempt_slot.right_answer holds: indexes into `options` (ascending) for choices;
    // {"accepted": ["..."], "case_sensitive": false} for shortanswer.
    nlohmann::json right_answer;

    nlohmann::json shown_json() const;  // what attempt_slot.shown holds: {"kind","text","options"}
};

// Renders version `version_id` for an attempt, shuffling the options with `random`.
ShownQuestion render_question(db::Database& db, std::int64_t version_id, std::mt19937_64& random);

// An answer as the kiosk gives it: an array of option indexes for choices, a string for shortanswer.
// Whether it is right: exactly the right options; an accepted text (trimmed, case as the question says).
// Throws ValidationError("answer") for an answer of the wrong shape (an index out of range, a number for text).
bool answer_is_correct(const ShownQuestion& question, const nlohmann::json& answer);
// The same from what an attempt slot keeps: its kind, its options' count and its right answer.
bool answer_is_correct(const std::string& kind, std::size_t option_count, const nlohmann::json& right_answer,
                       const nlohmann::json& answer);

}  // namespace salon::training
