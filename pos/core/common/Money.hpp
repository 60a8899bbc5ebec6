// An amount of roubles, held as whole kopecks so that sums and percentages come out exact.
#pragma once

#include <compare>
#include <cstdint>
#include <locale>
#include <string>
#include <string_view>

namespace salon::pos {

class Money {
public:
    Money() = default;  // zero

    static Money from_kopecks(std::int64_t kopecks) { return Money(kopecks); }
    // What a person types: "1234", "1234,5", "1 234.50", "-12,30"; a comma or a point before at most two
    // kopeck digits, spaces between groups of digits, an optional "₽" at the end. Throws ValidationError.
    static Money parse(std::string_view input);

    std::int64_t kopecks() const { return kopecks_; }

    // The amount with the rouble sign in the conventions of `loc` (a Boost.Locale locale): "1 234,50 ₽" in
    // Russian. Always roubles, whatever currency the locale's country uses.
    std::string format(const std::locale& loc) const;
    // As above, in the language the program speaks (salon::ui_locale()).
    std::string format() const;
    // "1234.50", "-0.05": the same in every locale, for CSV and JSON.
    std::string plain() const;

    // `basis_points` hundredths of a percent of this amount (1250 = 12.5%), rounded half away from zero to
    // the kopeck. Applied once to a total, never per item then summed.
    Money apply_percent_basis_points(std::int64_t basis_points) const;

    // Arithmetic throws std::overflow_error rather than wrap around.
    Money operator-() const;
    Money& operator+=(Money other);
    Money& operator-=(Money other);
    Money& operator*=(std::int64_t factor);
    friend Money operator+(Money a, Money b) { return a += b; }
    friend Money operator-(Money a, Money b) { return a -= b; }
    friend Money operator*(Money a, std::int64_t factor) { return a *= factor; }
    friend Money operator*(std::int64_t factor, Money a) { return a *= factor; }

    bool operator==(const Money&) const = default;
    auto operator<=>(const Money&) const = default;

private:
    explicit Money(std::int64_t kopecks) : kopecks_(kopecks) {}

    std::int64_t kopecks_ = 0;
};

}  // namespace salon::pos
