// The series and number of a Russian citizen's internal passport (паспорт гражданина РФ).
#pragma once

#include <compare>
#include <string>
#include <string_view>

namespace salon::pos {

class Passport {
public:
    // A 4-digit series and a 6-digit number, typed as "45 06 123456", "4506 123456", "4506123456" or
    // "4506 №123456". Throws ValidationError.
    static Passport parse(std::string_view input);

    // "4506 123456".
    const std::string& str() const { return text_; }
    // "4506".
    std::string series() const { return text_.substr(0, 4); }
    // "123456".
    std::string number() const { return text_.substr(5); }

    bool operator==(const Passport&) const = default;
    auto operator<=>(const Passport&) const = default;

private:
    explicit Passport(std::string text) : text_(std::move(text)) {}

    std::string text_;
};

}  // namespace salon::pos
