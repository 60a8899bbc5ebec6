// A price list as CSV (the catalog's prices come from the head office's file): headers in any order, in
// Russian or English; then each row's price and date read as preview_price_list reads them (Money::parse,
// CalendarDate::parse), which is everything of the import the file's bytes reach before the database.
#include "FuzzSupport.hpp"
#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/Money.hpp"

using namespace salon;
using namespace salon::pos;

SALON_FUZZ_INITIALIZE

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::refused_or_read([&] {
        for (const PriceRow& row : parse_price_csv(fuzz::bytes(data, size))) {
            fuzz::refused_or_read([&] { (void)Money::parse(row.price).plain(); });
            fuzz::refused_or_read([&] { (void)CalendarDate::parse(row.valid_from, "valid_from", tr("Valid from")).iso(); });
        }
    });
    return 0;
}
