// ICCID: the number printed on a SIM card and read by the barcode scanner, 19 or 20 digits.
#pragma once

#include <compare>
#include <string>
#include <string_view>

namespace salon::pos {

class Iccid {
public:
    // Starts with 89 (telecom), ends with a Luhn check digit; spaces and hyphens are ignored.
    // Throws ValidationError.
    static Iccid parse(std::string_view input);

    // The digits alone.
    const std::string& str() const { return digits_; }

    bool operator==(const Iccid&) const = default;
    auto operator<=>(const Iccid&) const = default;

private:
    explicit Iccid(std::string digits) : digits_(std::move(digits)) {}

    std::string digits_;
};

}  // namespace salon::pos
