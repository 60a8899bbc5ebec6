// Ties a validation error to the input it is about, so a window can show it beside that field.
#pragma once

#include "db/UserError.hpp"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

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

// Every problem of one form at once, each naming its input, so a person corrects them all in one go. It is
// an InputError about the first problem (a caller that shows one field still shows one); message() names
// them all: "Number: must be filled in; Transfer date: must be from tomorrow to six months ahead".
class InputErrors : public InputError {
public:
    InputErrors(Text form, std::vector<InputError> problems);
    // The same problems renamed (a sale's line: "line3.msisdn") keeping the words `reason` already says.
    InputErrors(Text form, std::vector<InputError> problems, Text reason);
    const std::vector<InputError>& problems() const { return problems_; }

private:
    std::vector<InputError> problems_;
};

// Nothing for no problem, the InputError itself for one, InputErrors for more.
void throw_input_errors(const Text& form, std::vector<InputError> problems);

// Runs a check and keeps its InputError (or the InputErrors' problems) in `problems` instead of throwing.
template <class Check>
void collect_input_errors(std::vector<InputError>& problems, Check&& check) {
    try {
        check();
    } catch (const InputErrors& e) {
        problems.insert(problems.end(), e.problems().begin(), e.problems().end());
    } catch (const InputError& e) {
        problems.push_back(e);
    }
}

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
