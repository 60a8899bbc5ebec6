// The subscriber's contract of a SIM sale as printed at the desk: the parties, the numbers with their
// tariffs, and the consent to the processing of personal data in the version the client signed (152-FZ
// art. 9), independent of how it is drawn (pos/print/ContractPdf renders it).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

struct SubscriberContract {
    std::int64_t sale_id = 0;
    std::string number;  // the sale's record number: one contract per SIM sale, for all its numbers
    std::int64_t signed_at = 0;
    std::string time_zone;
    std::string dealer_name, dealer_inn, salon_name, salon_address, staff_name;
    std::string client_name;      // masked when the client withdrew his consent since
    std::string client_passport;  // masked as every screen shows it: the full record is never reprinted
    struct Number {
        std::string msisdn;  // "+7 916 123-45-67"
        std::string tariff;
    };
    std::vector<Number> numbers;
    std::string consent_version;  // of the text the client signed
    bool marketing = false;       // the separate consent to offers, as signed
    std::int64_t withdrawn_at = 0;  // the client withdrew his consent since (0: he did not)
};

// The contract of SIM sale `sale_id` as the actor sees the sale (get_sale's refusals); ValidationError when
// the sale sold no SIM card.
SubscriberContract subscriber_contract(db::Database& db, const Actor& actor, std::int64_t sale_id);

// The contract's text, paragraph by paragraph, in the language the program speaks: what the PDF prints and
// the screen and tests read; the consent's paragraphs are consent_paragraphs() of the signed version.
std::vector<std::string> subscriber_contract_text(const SubscriberContract& contract);

}  // namespace salon::pos
