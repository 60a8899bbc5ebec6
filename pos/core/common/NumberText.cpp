#include "pos/core/common/NumberText.hpp"

#include "db/Text.hpp"

#include <boost/locale.hpp>

#include <iomanip>
#include <sstream>

namespace salon::pos {

std::string decimal_text(double value, int fraction_digits) {
    std::ostringstream os;
    os.imbue(ui_locale());
    os << boost::locale::as::number << std::fixed << std::setprecision(fraction_digits) << value;
    return os.str();
}

}  // namespace salon::pos
