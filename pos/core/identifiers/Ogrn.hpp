// ОГРН: the state registration number of a legal entity, 13 digits.
#pragma once

#include <compare>
#include <string>
#include <string_view>

namespace salon::pos {

class Ogrn {
public:
    // Spaces, hyphens and brackets are ignored. Throws ValidationError.
    static Ogrn parse(std::string_view input);

    // The digits alone.
    const std::string& str() const { return digits_; }

    bool operator==(const Ogrn&) const = default;
    auto operator<=>(const Ogrn&) const = default;

private:
    explicit Ogrn(std::string digits) : digits_(std::move(digits)) {}

    std::string digits_;
};

}  // namespace salon::pos
