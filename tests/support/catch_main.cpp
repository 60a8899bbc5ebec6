// The one Catch2 main every test executable links; messages are checked in English unless a test asks.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "db/Text.hpp"

int main(int argc, char** argv) {
    salon::set_language(salon::Language::english);
    return Catch::Session().run(argc, argv);
}
