// The entrance test's four topics (R-TRN-6) read and written by their database codes.
#include "pos/core/common/FormInput.hpp"
#include "training/core/Topic.hpp"

#include <catch2/catch.hpp>

using namespace salon;
using namespace salon::training;

TEST_CASE("The four topics of the entrance test round-trip through their codes", "[training][R-TRN-6]") {
    for (Topic t : kAllTopics) CHECK(topic_from_string(to_string(t)) == t);
    CHECK(kAllTopics.size() * kQuestionsPerTopic == kQuestionsPerAttempt);
    CHECK(to_string(Topic::tariff_math) == "tariff_math");
}

TEST_CASE("An unknown topic is refused naming the field", "[training][R-TRN-6]") {
    try {
        topic_from_string("history");
        FAIL("history was accepted as a topic");
    } catch (const pos::InputError& e) {
        CHECK(e.input() == "topic");
        CHECK(e.message().find("history") != std::string::npos);
    }
}
