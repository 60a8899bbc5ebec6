// The entrance test's four topics (R-TRN-6): 4 questions of each make the 16 of an attempt.
#pragma once

#include "db/Text.hpp"

#include <array>
#include <string_view>

namespace salon::training {

enum class Topic { geography, russian, tariff_math, gadgets };

inline constexpr std::array<Topic, 4> kAllTopics = {Topic::geography, Topic::russian, Topic::tariff_math,
                                                    Topic::gadgets};
inline constexpr int kQuestionsPerTopic = 4;   // R-TRN-6: 16 questions, 4 of each topic
inline constexpr int kQuestionsPerAttempt = 16;
inline constexpr int kCorrectToPass = 10;
inline constexpr int kAttemptSeconds = 15 * 60;

std::string_view to_string(Topic topic);              // the database's code: "geography" ...
Topic topic_from_string(std::string_view code);       // throws pos::InputError("topic")
Text topic_title(Topic topic);                        // "Geography (roaming)" for people

}  // namespace salon::training
