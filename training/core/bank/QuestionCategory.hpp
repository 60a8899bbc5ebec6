// A question's category: Moodle's category path below $course$/top, '/'-separated, whose first element
// names the question's topic (R-TRN-6). That first element is how a Moodle file says which of the four
// topics a question belongs to: the topic's code (geography, russian, tariff_math, gadgets) or its Russian
// name (География, Русский язык, Выбор тарифа, Компьютеры и гаджеты), compared without case.
#pragma once

#include "training/core/Topic.hpp"

#include <optional>
#include <string>
#include <vector>

namespace salon::training {

// The name the station writes as a topic's category: «География», «Русский язык», «Выбор тарифа»,
// «Компьютеры и гаджеты» (data, the same in every language, so an export reads back the same anywhere).
std::string topic_category_name(Topic topic);
// The topic a category element names, if any.
std::optional<Topic> topic_named_by(const std::string& element);
// A path's elements, trimmed, empty ones dropped ("a / b//c" -> a, b, c).
std::vector<std::string> category_elements(const std::string& path);
// The path with its first element naming `topic`: kept when it does, else the topic's name put in front.
std::string category_under_topic(Topic topic, const std::string& path);

}  // namespace salon::training
