#include "training/core/Topic.hpp"

#include "pos/core/common/FormInput.hpp"

namespace salon::training {

std::string_view to_string(Topic topic) {
    switch (topic) {
        case Topic::geography: return "geography";
        case Topic::russian: return "russian";
        case Topic::tariff_math: return "tariff_math";
        case Topic::gadgets: return "gadgets";
    }
    return "geography";
}

Topic topic_from_string(std::string_view code) {
    for (Topic t : kAllTopics)
        if (to_string(t) == code) return t;
    throw pos::InputError("topic", tr("Topic"), trf("\"{1}\" is not a topic: geography, russian, tariff_math or gadgets",
                                      {std::string(code)}));
}

Text topic_title(Topic topic) {
    switch (topic) {
        case Topic::geography: return tr("Geography (roaming)");
        case Topic::russian: return tr("Russian language");
        case Topic::tariff_math: return tr("Choosing a tariff");
        case Topic::gadgets: return tr("Computers and gadgets");
    }
    return tr("Geography (roaming)");
}

}  // namespace salon::training
