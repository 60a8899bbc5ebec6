// The desk's one search box: whatever is typed or scanned — an ICCID, a phone number in any common form,
// a passport — finds the SIM card, the number in service with its client, or the client. Personal data
// come back masked, as every list shows them; another dealer's cards are not found.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

struct SearchHit {
    std::string kind;  // "sim", "client"
    std::int64_t id = 0;
    std::string title;   // "SIM 8970... +7 916 ...", "Иванов Иван Иванович"
    std::string detail;  // status and salon; masked passport and numbers in service
};

// Empty when nothing matches; never throws for text that is none of the three (it is simply not found).
std::vector<SearchHit> desk_search(db::Database& db, const Actor& actor, const std::string& text);

}  // namespace salon::pos
