// ОГРНИП: the state registration number of a sole proprietor (ИП), 15 digits.
#pragma once

#include <compare>
#include <string>
#include <string_view>

namespace salon::pos {

class Ogrnip {
public:
    // Spaces, hyphens and brackets are ignored. Throws ValidationError.
    static Ogrnip parse(std::string_view input);

    // The digits alone.
    const std::string& str() const { return digits_; }

    bool operator==(const Ogrnip&) const = default;
    auto operator<=>(const Ogrnip&) const = default;

private:
    explicit Ogrnip(std::string digits) : digits_(std::move(digits)) {}

    std::string digits_;
};

}  // namespace salon::pos
