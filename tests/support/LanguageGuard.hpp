// Switches the program's language for one test and restores it after.
#pragma once

#include "db/Text.hpp"

namespace salon::test {

class LanguageGuard {
public:
    explicit LanguageGuard(Language language) : saved_(salon::language()) { set_language(language); }
    ~LanguageGuard() { set_language(saved_); }
    LanguageGuard(const LanguageGuard&) = delete;
    LanguageGuard& operator=(const LanguageGuard&) = delete;

private:
    Language saved_;
};

}  // namespace salon::test
