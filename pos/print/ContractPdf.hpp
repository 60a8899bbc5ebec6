// The subscriber's contract of a SIM sale as printed (an A4 PDF in two copies, the client's and the
// salon's), carrying the consent to the processing of personal data in the version the client signed
// (152-FZ art. 9) and places for both signatures. Drawn with cairo and pango like the application.
#pragma once

#include "pos/core/sale/SubscriberContract.hpp"

#include <string>

namespace salon::pos {

inline constexpr int kContractCopies = 2;

// The PDF file's bytes: one or more A4 pages per copy. Fonts: DejaVu Sans through fontconfig (Cyrillic).
std::string contract_pdf(const SubscriberContract& contract);
// Writes contract_pdf() to `path`; a file that cannot be written is a UserError naming the path.
void write_contract_pdf(const SubscriberContract& contract, const std::string& path);

}  // namespace salon::pos
