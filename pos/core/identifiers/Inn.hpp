// ИНН: the taxpayer number of a legal entity (10 digits) or of a person or sole proprietor (12 digits).
#pragma once

#include <compare>
#include <string>
#include <string_view>

namespace salon::pos {

class Inn {
public:
    // Either length; spaces, hyphens and brackets are ignored. Throws ValidationError.
    static Inn parse(std::string_view input);
    // Only a legal entity's INN (10 digits), e.g. for a corporate client.
    static Inn parse_legal_entity(std::string_view input);
    // Only a person's or a sole proprietor's INN (12 digits).
    static Inn parse_individual(std::string_view input);

    // The digits alone.
    const std::string& str() const { return digits_; }
    bool is_legal_entity() const { return digits_.size() == 10; }

    bool operator==(const Inn&) const = default;
    auto operator<=>(const Inn&) const = default;

private:
    enum class Kind { any, legal_entity, individual };
    static Inn parse_as(std::string_view input, Kind kind);
    explicit Inn(std::string digits) : digits_(std::move(digits)) {}

    std::string digits_;
};

}  // namespace salon::pos
