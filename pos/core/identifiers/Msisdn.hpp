// A Russian mobile subscriber number (MSISDN), kept in E.164 form.
#pragma once

#include <compare>
#include <string>
#include <string_view>

namespace salon::pos {

class Msisdn {
public:
    // Any way a Russian mobile number is written: "8 912 345-67-89", "+7 (912) 345 67 89", "9123456789",
    // "89123456789". Landlines, toll-free and foreign numbers are refused. Throws ValidationError.
    static Msisdn parse(std::string_view input);
    // A number read back from the database, where only parse()'s E.164 result is ever written: a "+7" and ten
    // digits is taken as it is and grouped for display without libphonenumber (whose parse costs a sale a
    // tenth of a millisecond a number); anything else goes through parse().
    static Msisdn stored(std::string_view e164);

    // "+79123456789" (E.164).
    const std::string& str() const { return e164_; }
    // "+7 912 345-67-89", for people.
    const std::string& display() const { return display_; }

    bool operator==(const Msisdn&) const = default;
    auto operator<=>(const Msisdn&) const = default;

private:
    Msisdn(std::string e164, std::string display) : e164_(std::move(e164)), display_(std::move(display)) {}

    std::string e164_;
    std::string display_;  // derived from e164_, so comparing it changes nothing
};

}  // namespace salon::pos
