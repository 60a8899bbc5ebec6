// The payment agent's attributes of a top-up (R-POS-10, 54-FZ art. 1.1 and tags 1057, 1171, 1225, 1226):
// the desk accepts a balance top-up as the operator's payment agent, and the receipt names the supplier
// whose money it is (the operator: its name, INN and phone). They are data per operator, set by head office;
// the operator the desk's top-ups are for is the setting top_up_operator. A top-up for an operator whose
// attributes are not set is refused: a payment agent's receipt without them is not a valid receipt.
//
// The "operator of transfer" attributes (tags 1005, 1016, 1026, 1075) belong to a bank payment agent
// (банковский платёжный агент) transferring money through a bank; a salon accepting an operator's top-ups is
// a payment agent (платёжный агент, tag 1057 bit 4), whose receipt carries the supplier's, not those.
#pragma once

#include <optional>
#include <string>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

struct AgentSupplier {
    std::string operator_code;
    std::string name;   // tag 1225
    std::string inn;    // tag 1226: 10 or 12 digits, checked
    std::string phone;  // tag 1171: "+74951234567"
};

// Sets (or replaces) the supplier's attributes of `operator_code`: needs administer_database; the INN is
// checked with its checksum (InputError "supplier_inn"), the phone must be a full number with the country
// code (InputError "supplier_phone"). One transaction with its audit entry ("fiscal.agent").
AgentSupplier set_agent_supplier(db::Database& db, const Actor& actor, const AgentSupplier& supplier);
std::optional<AgentSupplier> agent_supplier(db::Database& db, const std::string& operator_code);
// The operator whose numbers the desk tops up (setting top_up_operator).
std::string top_up_operator(db::Database& db);
// The attributes a top-up's receipt carries; RefusedError naming the operator when they are not set.
AgentSupplier require_top_up_supplier(db::Database& db);
// "+7 495 123-45-67" style is accepted; returns "+74951234567". Throws InputError("supplier_phone").
std::string normalise_supplier_phone(const std::string& typed);

}  // namespace salon::pos
