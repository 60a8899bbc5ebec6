// A receipt document built in code for `salon-cli receipt sample`, the tests and previews: a SIM sale
// with a bundle tariff, an accessory, a service and a top-up accepted as the operator's payment agent,
// paid partly by card, with change. Labelled as a sample on the document itself.
#pragma once

#include "pos/core/sale/ReceiptDocument.hpp"

namespace salon::pos {

ReceiptDocument sample_receipt();

}  // namespace salon::pos
