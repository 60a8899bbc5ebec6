// Messages with arguments: a plain "{N}" is filled in directly, anything else in braces is read by
// Boost.Locale's format as before, so every message reads as it did.
#include "db/Text.hpp"

#include <catch2/catch.hpp>

using namespace salon;

TEST_CASE("A message's {N} takes its argument as it is, in any order and as often as named", "[text]") {
    CHECK(trf("SIM card {1}, tariff «{2}»", {"+7 999 000-00-01", "Smart"}).english() ==
          "SIM card +7 999 000-00-01, tariff «Smart»");
    CHECK(trf("{2} then {1} and {2}", {"a", "b"}).english() == "b then a and b");
    // An argument's own braces are text, never another placeholder.
    CHECK(trf("name: {1}; {2}", {"{2}", "x"}).english() == "name: {2}; x");
    CHECK(trf("{1}{1}", {""}).english().empty());
    CHECK(trf("no placeholder", {"unused"}).english() == "no placeholder");
}

TEST_CASE("Braces other than {N} are read by Boost.Locale's format as before", "[text]") {
    CHECK(trf("{{1}} x {1}", {"ab"}).english() == "{1} x ab");      // an escaped brace
    CHECK(trf("{1,w=5}|", {"ab"}).english() == "   ab|");           // a width
    CHECK(trf("a {3} b", {"ab", "cd"}).english() == "a  b");        // a number with no argument
    CHECK(trf("x {0} y", {"ab"}).english() == "x  y");
    CHECK(trf("}{1}", {"ab"}).english() == "}ab");
}

TEST_CASE("A translated message takes its arguments in the translation's places", "[text]") {
    set_language(Language::russian);
    CHECK(trf("SIM card {1}, tariff «{2}»", {"+7 999 000-00-01", "Smart"}).str() ==
          "SIM-карта +7 999 000-00-01, тариф «Smart»");
    set_language(Language::english);
    CHECK(trf("SIM card {1}, tariff «{2}»", {"+7 999 000-00-01", "Smart"}).str() ==
          "SIM card +7 999 000-00-01, tariff «Smart»");
}
