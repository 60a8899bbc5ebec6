// Ties a validation error to the input it is about, so a window can show it beside that field.
#pragma once

#include "db/UserError.hpp"

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

// Trims surrounding white space and refuses an empty value.
std::string required_text(const char* input, const Text& field, const std::string& value);

}  // namespace salon::pos
