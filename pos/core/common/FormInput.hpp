// Ties a validation error to the input it is about, so a window can show it beside that field.
#pragma once

#include "db/UserError.hpp"

#include <cstddef>
#include <string>
#include <utility>

namespace salon::pos {

// A ValidationError that names the form input (a stable key such as "inn") it is about.
class InputError : public ValidationError {
public:
    InputError(std::string input, const ValidationError& e) : ValidationError(e), input_(std::move(input)) {}
    InputError(std::string input, Text field, Text reason)
        : ValidationError(std::move(field), std::move(reason)), input_(std::move(input)) {}
    const std::string& input() const { return input_; }

private:
    std::string input_;
};

// Runs a parse and, if it refuses, says which input it was.
template <class Parse>
auto parse_input(const char* input, Parse&& parse) {
    try {
        return parse();
    } catch (const InputError&) {
        throw;
    } catch (const ValidationError& e) {
        throw InputError(input, e);
    }
}

// The longest free text a form field takes unless it says otherwise.
inline constexpr std::size_t kMaxFreeTextCharacters = 1000;

// Trims surrounding white space and refuses an empty value, a value longer than `max_characters` and
// control characters (a tab or a line break inside the text included, unless `line_breaks`: only a letter
// such as a visitor's thanks holds them).
std::string required_text(const char* input, const Text& field, const std::string& value,
                          std::size_t max_characters = kMaxFreeTextCharacters, bool line_breaks = false);

}  // namespace salon::pos
