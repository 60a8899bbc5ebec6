// КПП: the code of the reason a company is registered with a tax office, 9 characters.
#pragma once

#include <compare>
#include <string>
#include <string_view>

namespace salon::pos {

class Kpp {
public:
    // 4 digits (the tax office), 2 digits or capital Latin letters (the reason), 3 digits. Spaces and hyphens
    // are ignored and Latin letters are taken in either case. Throws ValidationError.
    static Kpp parse(std::string_view input);

    // The 9 characters, letters in capitals.
    const std::string& str() const { return code_; }

    bool operator==(const Kpp&) const = default;
    auto operator<=>(const Kpp&) const = default;

private:
    explicit Kpp(std::string code) : code_(std::move(code)) {}

    std::string code_;
};

}  // namespace salon::pos
