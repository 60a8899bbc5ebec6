// A company's filled users' data template (R-CORP-10, R-CORP-12) as CSV: its ten columns found by their
// headers, then every row checked as preview_users_import checks it (numbers, names, dates, documents).
#include "FuzzSupport.hpp"
#include "pos/core/common/SpreadsheetReader.hpp"
#include "pos/corporate/UsersImport.hpp"

using namespace salon;
using namespace salon::pos;

SALON_FUZZ_INITIALIZE

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    SpreadsheetLimits limits;
    limits.max_cell_bytes = 2000;  // as read_users_file reads
    const SpreadsheetReader reader(tr("Users' data"), limits);
    // The seed's numbers are the company's, so mutated rows get past the number check to the others.
    static const std::vector<std::string> numbers = {"+79021000001", "+79021000002"};
    fuzz::refused_or_read([&] {
        const auto rows = users_rows(reader.read_csv(fuzz::bytes(data, size)));
        (void)check_users_rows(rows, numbers, CalendarDate::from_days(20'000));  // 2024-10-04
    });
    return 0;
}
