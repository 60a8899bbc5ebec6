// The customer's receipt of a committed sale or refund (R-POS-10): the ReceiptDocument the screen, the
// command line and the PDF renderers show, filled from the sale as the database keeps it.
#pragma once

#include "pos/core/sale/ReceiptDocument.hpp"

#include <cstdint>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;
struct SaleRecord;

// The receipt of sale `sale_id` as the actor sees it: refused (ValidationError, as for a sale that does
// not exist) when the sale is another dealer's. The QR payload is the pre-fiscal one until the registrar
// fiscalises the receipt (receipt_qr_payload).
ReceiptDocument receipt_for_sale(db::Database& db, const Actor& actor, std::int64_t sale_id);

// The same from a sale already read (get_sale or list_sales), without reading the database.
ReceiptDocument receipt_for_sale(const SaleRecord& sale);

}  // namespace salon::pos
