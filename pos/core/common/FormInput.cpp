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

}  // namespace salon::pos
