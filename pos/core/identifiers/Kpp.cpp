#include "pos/core/identifiers/Kpp.hpp"

#include "db/UserError.hpp"
#include "pos/core/identifiers/DigitString.hpp"
#include "pos/core/common/OutsideInput.hpp"

#include <cstddef>
#include <vector>

namespace salon::pos {
namespace {

Text field() {
    return tr("KPP");
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_latin_capital(char c) {
    return c >= 'A' && c <= 'Z';
}

// One string per character typed (a UTF-8 sequence), so that a Cyrillic "А" counts, and is reported, as one
// character.
std::vector<std::string> characters_of(std::string_view input) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < input.size();) {
        // Spaces (also the no-break one), tabs and hyphens; not brackets.
        if (const std::size_t skip = separator_length(input.substr(i), {.brackets = false})) {
            i += skip;
            continue;
        }
        const auto lead = static_cast<unsigned char>(input[i]);
        std::size_t len = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (i + len > input.size()) len = input.size() - i;
        std::string ch(input.substr(i, len));
        i += len;
        if (ch.size() == 1 && ch[0] >= 'a' && ch[0] <= 'z') ch[0] = static_cast<char>(ch[0] - 'a' + 'A');
        out.push_back(std::move(ch));
    }
    return out;
}

}  // namespace

Kpp Kpp::parse(std::string_view input) {
    require_length_within(input, kMaxIdentifierLength, nullptr, field());
    const std::vector<std::string> chars = characters_of(input);
    if (chars.empty()) throw ValidationError(field(), tr("must not be empty"));
    if (chars.size() != 9)
        throw ValidationError(field(),
                              trf("must have 9 characters, got {1}", {std::to_string(chars.size())}));
    std::string code;
    for (std::size_t i = 0; i < chars.size(); ++i) {
        const std::string& ch = chars[i];
        const bool digit = ch.size() == 1 && is_digit(ch[0]);
        const bool letter = ch.size() == 1 && is_latin_capital(ch[0]);
        const std::string position = std::to_string(i + 1);
        if (i == 4 || i == 5) {
            if (!digit && !letter)
                throw ValidationError(field(),
                                      trf("character {1} must be a digit or a Latin letter A-Z", {position}));
        } else if (!digit) {
            throw ValidationError(field(), trf("character {1} must be a digit", {position}));
        }
        code += ch;
    }
    return Kpp(std::move(code));
}

}  // namespace salon::pos
