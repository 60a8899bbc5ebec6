// The subscriber's signed application to bring his number over from another operator (заявление о
// переносе абонентского номера, R-POS-9) as printed at the desk: the client, the number, the donor, the
// transfer date, the card and number it moves onto here, the salon and the specialist, the consent the
// contract carries and the places for both signatures. A port-in paid nothing when its tariff has no
// connection fee: then this application is the sale's only document, since 54-FZ asks a fiscal receipt only
// for a payment (R-POS-10); a paid port-in gets its receipt and this application. Independent of how it is
// drawn: pos/print/PortInApplicationPdf renders it (A4 and the 80 mm roll).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

struct PortInApplication {
    std::int64_t sale_id = 0, port_request_id = 0;
    std::int64_t signed_at = 0;  // the sale's moment (Unix seconds, UTC)
    std::string time_zone;       // the salon's: dates print on its clock
    std::string dealer_name, dealer_inn, salon_name, salon_address, staff_name;
    std::string client_name;      // masked when the client withdrew his consent since
    std::string client_passport;  // masked as the contract shows it: the full record is never reprinted
    std::string number;           // the number brought over, "+7 903 123-45-67"
    std::string donor_operator;
    std::string desired_date;  // the transfer date asked for, "15.01.2027"
    std::string tariff;        // the tariff the number moves onto here
    // The card here that takes the number: none at the application (the client leaves without a card, see
    // PortRequest.hpp), its ICCID once the transfer was completed.
    std::string iccid;
    std::string status;  // the request's status as people read it
    std::int64_t fee = 0;  // kopecks paid for the transfer (the tariff's connection fee); 0: free
    std::string consent_version;  // of the consent text printed
    bool marketing = false;
    std::int64_t withdrawn_at = 0;  // the client withdrew his consent since (0: he did not)
};

// The applications of sale `sale_id`, one per number it brings over, as the actor sees the sale (get_sale's
// refusals); ValidationError when the sale brings no number over.
std::vector<PortInApplication> port_in_applications(db::Database& db, const Actor& actor, std::int64_t sale_id);

// The application's text, paragraph by paragraph, in the language the program speaks: the title first,
// then the parties, the request's fields, the consent's paragraphs. What the PDF prints and tests read.
std::vector<std::string> port_in_application_text(const PortInApplication& application);

// The same laid out for a monospaced printer or view `width_chars` wide (the 80 mm roll: 42), ending with
// the signature lines of the client and the specialist.
std::vector<std::string> port_in_application_lines(const PortInApplication& application, int width_chars);

}  // namespace salon::pos
