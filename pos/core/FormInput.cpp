#include "pos/core/FormInput.hpp"

namespace salon::pos {

std::string required_text(const char* input, const Text& field, const std::string& value) {
    const auto first = value.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) throw InputError(input, field, tr("must be filled in"));
    const auto last = value.find_last_not_of(" \t\r\n");
    return value.substr(first, last - first + 1);
}

}  // namespace salon::pos
