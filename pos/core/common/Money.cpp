#include "pos/core/common/Money.hpp"

#include "pos/core/common/OutsideInput.hpp"
#include "db/Text.hpp"
#include "db/UserError.hpp"

#include <boost/locale.hpp>

#include <cstddef>
#include <map>
#include <mutex>
#include <sstream>
#include <stdexcept>

namespace salon::pos {
namespace {

Text field() { return tr("Amount"); }

std::int64_t checked_add(std::int64_t a, std::int64_t b) {
    std::int64_t r;
    if (__builtin_add_overflow(a, b, &r)) throw std::overflow_error("Money: sum out of range");
    return r;
}

std::int64_t checked_mul(std::int64_t a, std::int64_t b) {
    std::int64_t r;
    if (__builtin_mul_overflow(a, b, &r)) throw std::overflow_error("Money: product out of range");
    return r;
}

// Group separators people type or paste: spaces, and the no-break, thin and narrow no-break spaces that
// formatted amounts (ours included) carry.
std::size_t space_length(std::string_view s) {
    for (std::string_view space : {" ", "\t", "\u00A0", "\u2009", "\u202F"})
        if (s.substr(0, space.size()) == space) return space.size();
    return 0;
}

// A locale that formats roubles: `loc` itself when its country's currency is the rouble, otherwise the same
// language and country with the currency overridden (an English UI would otherwise print dollars).
std::locale rouble_locale(const std::locale& loc) {
    if (!std::has_facet<boost::locale::info>(loc)) return loc;
    const auto& info = std::use_facet<boost::locale::info>(loc);
    if (info.country() == "RU") return loc;
    std::string name = info.language();
    if (!info.country().empty()) name += "_" + info.country();
    name += "." + info.encoding() + "@currency=RUB";
    static std::mutex mutex;
    static std::map<std::string, std::locale> cache;
    std::lock_guard lock(mutex);
    auto it = cache.find(name);
    if (it == cache.end()) {
        boost::locale::generator gen;
        it = cache.emplace(name, gen(name)).first;
    }
    return it->second;
}

}  // namespace

Money Money::parse(std::string_view input) {
    require_length_within(input, 64, nullptr, field());  // the largest amount has 20 digits
    const Text example = tr("enter roubles and kopecks, e.g. 1234,50");
    bool negative = false;
    bool separator = false;
    bool rouble_sign = false;
    bool only_spaces = true;
    std::string whole;
    std::string fraction;
    for (std::size_t i = 0; i < input.size();) {
        if (const std::size_t n = space_length(input.substr(i)); n > 0) {
            i += n;
            continue;
        }
        only_spaces = false;
        const char c = input[i];
        if (rouble_sign) throw ValidationError(field(), example);  // nothing may follow the sign
        if (c >= '0' && c <= '9') {
            (separator ? fraction : whole) += c;
            ++i;
        } else if ((c == ',' || c == '.') && !separator) {
            separator = true;
            ++i;
        } else if (c == '-' && !negative && whole.empty() && !separator) {
            negative = true;
            ++i;
        } else if (input.substr(i).starts_with("\u2212") && !negative && whole.empty() && !separator) {
            negative = true;  // the minus format() prints reads back
            i += std::string_view("\u2212").size();
        } else if (input.substr(i).starts_with("\u20BD")) {
            rouble_sign = true;
            i += std::string_view("\u20BD").size();
        } else {
            throw ValidationError(field(), example);
        }
    }
    if (only_spaces) throw ValidationError(field(), tr("must not be empty"));
    if ((whole.empty() && fraction.empty()) || (separator && fraction.empty()))
        throw ValidationError(field(), example);
    if (fraction.size() > 2)
        throw ValidationError(field(), tr("at most 2 digits after the decimal separator"));
    fraction.resize(2, '0');

    std::int64_t kopecks = 0;
    try {
        for (const char c : whole + fraction) kopecks = checked_add(checked_mul(kopecks, 10), c - '0');
    } catch (const std::overflow_error&) {
        throw ValidationError(field(), tr("the amount is too large"));
    }
    return Money(negative ? -kopecks : kopecks);
}

std::string Money::format(const std::locale& loc) const {
    // The one place an amount becomes a double: ICU formats currency from floating point. Exact to the kopeck
    // up to 2^53 kopecks (about 90 trillion roubles).
    const double roubles = static_cast<double>(kopecks_) / 100.0;
    std::ostringstream os;
    os.imbue(rouble_locale(loc));
    os << boost::locale::as::currency << roubles;
    std::string text = os.str();
    // People read a negative amount with the typographic minus (U+2212), not ICU's hyphen-minus, wherever
    // the locale puts the sign ("−1 234,50 ₽", "−₽1,234.50"); plain() keeps the ASCII one for files.
    if (const auto at = text.find('-'); at != std::string::npos) text.replace(at, 1, "\u2212");
    return text;
}

std::string Money::format() const { return format(ui_locale()); }

std::string Money::plain() const {
    // Magnitude as unsigned so that the most negative amount prints too.
    const std::uint64_t magnitude = kopecks_ < 0 ? std::uint64_t(0) - static_cast<std::uint64_t>(kopecks_)
                                                 : static_cast<std::uint64_t>(kopecks_);
    std::string cents = std::to_string(magnitude % 100);
    if (cents.size() < 2) cents.insert(0, 1, '0');
    return (kopecks_ < 0 ? "-" : "") + std::to_string(magnitude / 100) + "." + cents;
}

Money Money::apply_percent_basis_points(std::int64_t basis_points) const {
    // amount * bp / 10000 without overflowing the product: split the amount into whole units of 10000 kopecks
    // (exact) and a remainder. Both parts carry the sign of amount * bp (C++ division truncates toward zero),
    // so rounding only the remainder's share half away from zero rounds the whole result the same way.
    constexpr std::int64_t scale = 10000;
    const std::int64_t whole = checked_mul(kopecks_ / scale, basis_points);
    const std::int64_t part = checked_mul(kopecks_ % scale, basis_points);
    std::int64_t share = part / scale;
    const std::int64_t rest = part % scale;
    if (rest * 2 >= scale) {
        ++share;
    } else if (rest * 2 <= -scale) {
        --share;
    }
    return Money(checked_add(whole, share));
}

Money Money::operator-() const { return Money(checked_mul(kopecks_, -1)); }

Money& Money::operator+=(Money other) {
    kopecks_ = checked_add(kopecks_, other.kopecks_);
    return *this;
}

Money& Money::operator-=(Money other) {
    std::int64_t r;
    if (__builtin_sub_overflow(kopecks_, other.kopecks_, &r))
        throw std::overflow_error("Money: difference out of range");
    kopecks_ = r;
    return *this;
}

Money& Money::operator*=(std::int64_t factor) {
    kopecks_ = checked_mul(kopecks_, factor);
    return *this;
}

}  // namespace salon::pos
