// The remote-service application as printed (R-CORP-2): an A4 PDF in two copies (one page for the client,
// one for the operator), each with the company's details, the bound e-mail, the administrator's number,
// how authorisation is confirmed and the power of attorney, and places for the signature of the company's
// authorised person, its seal and the specialist's signature. Drawn with cairo and pango like the receipt.
#pragma once

#include "pos/corporate/CorporateClient.hpp"
#include "pos/corporate/RemoteServiceApplication.hpp"

#include <string>

namespace salon::pos {

// The number of copies the application is printed in (R-CORP-2).
inline constexpr int kApplicationCopies = 2;

// The PDF file's bytes: one A4 page per copy. Fonts: DejaVu Sans through fontconfig (Cyrillic).
std::string application_pdf(const RemoteServiceApplication& application, const CorporateClient& client);
// Writes application_pdf() to `path`; a file that cannot be written is a UserError naming the path.
void write_application_pdf(const RemoteServiceApplication& application, const CorporateClient& client,
                           const std::string& path);

}  // namespace salon::pos
