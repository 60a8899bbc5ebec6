// Numbers that are not money as people read them: the decimal comma and group spaces of the language
// spoken ("1,6 мин" in Russian, "1.6 min" in English).
#pragma once

#include <string>

namespace salon::pos {

// `value` with exactly `fraction_digits` digits after the separator, in the UI's locale.
std::string decimal_text(double value, int fraction_digits);

}  // namespace salon::pos
