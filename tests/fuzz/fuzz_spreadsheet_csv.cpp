// The CSV half of the one spreadsheet reader (SpreadsheetReader::read_csv): UTF-8 or Windows-1251, ';' or
// ',' between cells, quotes, BOMs, a row or cell too long, behind OutsideInput's caps.
#include "FuzzSupport.hpp"
#include "pos/core/common/SpreadsheetReader.hpp"

using namespace salon;
using namespace salon::pos;

SALON_FUZZ_INITIALIZE

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const SpreadsheetReader reader(tr("Price list"));
    fuzz::refused_or_read([&] {
        const Spreadsheet sheet = reader.read_csv(fuzz::bytes(data, size));
        for (const auto& row : sheet.rows) (void)row.blank();
        sheet.refuse_merged_from(1, tr("Price list"));
    });
    return 0;
}
