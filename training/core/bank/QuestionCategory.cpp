#include "training/core/bank/QuestionCategory.hpp"

#include <boost/locale.hpp>

namespace salon::training {

namespace {
std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string folded(const std::string& s) {
    static const std::locale loc = boost::locale::generator()("ru_RU.UTF-8");
    return boost::locale::fold_case(s, loc);
}
}  // namespace

std::string topic_category_name(Topic topic) {
    switch (topic) {
        case Topic::geography: return "География";
        case Topic::russian: return "Русский язык";
        case Topic::tariff_math: return "Выбор тарифа";
        case Topic::gadgets: return "Компьютеры и гаджеты";
    }
    return "География";
}

std::optional<Topic> topic_named_by(const std::string& element) {
    const std::string wanted = folded(trimmed(element));
    for (Topic t : kAllTopics)
        if (wanted == folded(std::string(to_string(t))) || wanted == folded(topic_category_name(t))) return t;
    return std::nullopt;
}

std::vector<std::string> category_elements(const std::string& path) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const std::string element = trimmed(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
        if (!element.empty()) out.push_back(element);
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return out;
}

std::string category_under_topic(Topic topic, const std::string& path) {
    auto elements = category_elements(path);
    if (elements.empty() || topic_named_by(elements.front()) != topic) elements.insert(elements.begin(), topic_category_name(topic));
    std::string out;
    for (std::size_t i = 0; i < elements.size(); ++i) out += (i ? "/" : "") + elements[i];
    return out;
}

}  // namespace salon::training
