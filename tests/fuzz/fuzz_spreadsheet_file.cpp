// A file given to any import (price list, users' data): read by content, so the bytes may be a zip archive
// (XLSX, ODS: OutsideInput's ZipArchive checks its directory and what it inflates to before liborcus reads
// it), an old XLS, a binary or a CSV.
#include "FuzzSupport.hpp"
#include "pos/core/common/SpreadsheetReader.hpp"

using namespace salon;
using namespace salon::pos;

SALON_FUZZ_INITIALIZE

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // Small caps so that a seed workbook's mutations hit the limits too, and a run is not spent inflating.
    SpreadsheetLimits limits;
    limits.file.max_unpacked_bytes = 4u << 20;
    limits.file.max_zip_entries = 64;
    limits.max_rows = 500;
    const SpreadsheetReader reader(tr("Users' data"), limits);
    const std::string& path = fuzz::file_with(fuzz::bytes(data, size), ".xlsx");
    fuzz::refused_or_read([&] {
        const Spreadsheet sheet = reader.read_file(path);
        sheet.refuse_merged_from(2, tr("Users' data"));
    });
    return 0;
}
