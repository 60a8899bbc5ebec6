// IMEI: the identity of a phone or modem, 15 digits.
#pragma once

#include <compare>
#include <string>
#include <string_view>

namespace salon::pos {

class Imei {
public:
    // 14 digits and a Luhn check digit; spaces, hyphens and slashes are ignored. Throws ValidationError.
    static Imei parse(std::string_view input);

    // The digits alone.
    const std::string& str() const { return digits_; }

    bool operator==(const Imei&) const = default;
    auto operator<=>(const Imei&) const = default;

private:
    explicit Imei(std::string digits) : digits_(std::move(digits)) {}

    std::string digits_;
};

}  // namespace salon::pos
