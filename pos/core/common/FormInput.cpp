#include "pos/core/common/FormInput.hpp"

#include "pos/core/common/OutsideInput.hpp"

namespace salon::pos {

std::string required_text(const char* input, const Text& field, const std::string& value,
                          std::size_t max_characters, bool line_breaks) {
    require_length_within(value, max_characters, input, field);
    const auto first = value.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) throw InputError(input, field, tr("must be filled in"));
    const auto last = value.find_last_not_of(" \t\r\n");
    std::string text = value.substr(first, last - first + 1);
    refuse_control_characters(text, input, field, line_breaks ? "\t\r\n" : "");
    return text;
}

namespace {

std::string joined(const std::vector<InputError>& problems) {
    std::string out;
    for (const InputError& e : problems) out += (out.empty() ? "" : "; ") + e.message();
    return out;
}

}  // namespace

InputErrors::InputErrors(Text form, std::vector<InputError> problems)
    : InputError(problems.empty() ? std::string() : problems.front().input(), std::move(form),
                 trf("{1}", {joined(problems)})),
      problems_(std::move(problems)) {}

InputErrors::InputErrors(Text form, std::vector<InputError> problems, Text reason)
    : InputError(problems.empty() ? std::string() : problems.front().input(), std::move(form), std::move(reason)),
      problems_(std::move(problems)) {}

void throw_input_errors(const Text& form, std::vector<InputError> problems) {
    if (problems.empty()) return;
    if (problems.size() == 1) throw problems.front();
    throw InputErrors(form, std::move(problems));
}

}  // namespace salon::pos
